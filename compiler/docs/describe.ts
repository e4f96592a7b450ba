// Plan elements in the words a customer reads: conditions, constants, transform chains, missing policies.
// Everything here returns plain text; escaping belongs to the output format (templates and their helpers).

import type {
  MissingPolicy,
  PlanCondition,
  PlanInput,
  PlanLiteral,
  PlanMapping,
  PlanStep,
  PlanValue,
  PlanValueMap,
} from "../../plan/types.js";

export function describeLiteral(value: PlanLiteral): string {
  if (value === null) return "empty";
  if (typeof value === "object") return `${value.xmlid} (external id)`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/** A comparison's subject, with the lookups its value goes through: what a reader is told is tested. */
function describeSubject(condition: { input: PlanInput; through?: string[] }): string {
  // `"type_id" | lookup TypeFlag` reads "TypeFlag of type_id"
  return (condition.through ?? []).reduce((subject, name) => `${name} of ${subject}`, describeInput(condition.input));
}

export function describeInput(input: PlanInput): string {
  switch (input.kind) {
    case "column":
      return input.column;
    case "columns":
      return input.columns.join(" + ");
    case "item":
      return "the item";
  }
}

export function inputColumns(input: PlanInput): string[] {
  switch (input.kind) {
    case "column":
      return [input.column];
    case "columns":
      return input.columns;
    case "item":
      return [];
  }
}

export function describeCondition(condition: PlanCondition): string {
  switch (condition.op) {
    case "and":
    case "or":
      return condition.operands.map((operand) => describeOperand(operand)).join(` ${condition.op} `);
    case "not":
      return describeNegation(condition.operand);
    case "installed":
      return `the ${condition.module} app is installed`;
    case "==":
      return `${describeSubject(condition)} is ${describeLiteral(condition.value)}`;
    case "!=":
      return `${describeSubject(condition)} is not ${describeLiteral(condition.value)}`;
    case "in":
      return `${describeSubject(condition)} is one of ${condition.values.map(describeLiteral).join(", ")}`;
    case "empty":
      return `${describeSubject(condition)} is empty`;
    case "not-empty":
      return `${describeSubject(condition)} is not empty`;
  }
}

/** `not` reads as the opposite test where there is one: "Stage is not one of …" rather than "not Stage is one of …". */
function describeNegation(condition: PlanCondition): string {
  switch (condition.op) {
    case "installed":
      return `the ${condition.module} app is not installed`;
    case "==":
      return describeCondition({ ...condition, op: "!=" });
    case "!=":
      return describeCondition({ ...condition, op: "==" });
    case "in":
      return `${describeSubject(condition)} is not one of ${condition.values.map(describeLiteral).join(", ")}`;
    case "empty":
      return describeCondition({ ...condition, op: "not-empty" });
    case "not-empty":
      return describeCondition({ ...condition, op: "empty" });
    case "not":
      return describeCondition(condition.operand);
    case "and":
    case "or":
      return `not (${describeCondition(condition)})`;
  }
}

/** Compound operands get brackets so `a and (b or c)` keeps its meaning. */
function describeOperand(condition: PlanCondition): string {
  const text = describeCondition(condition);
  return condition.op === "and" || condition.op === "or" ? `(${text})` : text;
}

/** The short form used inside a transform chain. */
export function describeMissingBriefly(policy: MissingPolicy): string {
  switch (policy.kind) {
    case "fail":
    case "empty":
    case "placeholder":
    case "queue":
      return policy.kind;
    case "default":
      return `default ${describeLiteral(policy.value)}`;
  }
}

/** The full form used in the lookup tables. */
export function describeMissing(policy: MissingPolicy): string {
  switch (policy.kind) {
    case "fail":
      return "fail the record";
    case "empty":
      return "leave empty";
    case "default":
      return `default ${describeLiteral(policy.value)}`;
    case "placeholder": {
      const values = Object.entries(policy.values).map(([field, value]) => `${field}: ${describeLiteral(value)}`);
      return `create a placeholder {${values.join(", ")}}`;
    }
    case "queue":
      return `queue for reconciliation: ${policy.reason}`;
  }
}

export function describeStep(step: PlanStep): string {
  switch (step.op) {
    case "transform": {
      const args = [
        ...step.args.map(describeLiteral),
        ...Object.entries(step.named).map(([name, value]) => `${name}: ${describeLiteral(value)}`),
      ];
      return args.length === 0 ? step.name : `${step.name}(${args.join(", ")})`;
    }
    case "map":
      return `value map ${step.valueMap}`;
    case "ref": {
      const target = step.mapping === step.object ? step.object : `${step.object} as ${step.mapping}`;
      return `ref ${target} (on missing: ${describeMissingBriefly(step.onMissing)})`;
    }
    case "lookup":
      return `lookup ${step.lookup} (on missing: ${describeMissingBriefly(step.onMissing)})`;
  }
}

export function describeSteps(steps: PlanStep[]): string {
  return steps.length === 0 ? "as is" : steps.map(describeStep).join(" → ");
}

export function describeValue(value: PlanValue): string {
  switch (value.kind) {
    case "constant":
      return `= ${describeLiteral(value.value)}`;
    case "expression":
      return describeSteps(value.steps);
    case "link": {
      const from =
        value.mode === "discriminated"
          ? `${value.typeColumn ?? "?"}, ${value.idColumn ?? "?"}`
          : `the first non-empty of ${value.cases.map((c) => c.when).join(", ")}`;
      const cases = value.cases.map((c) => `${c.when} → ${c.object}`).join(", ");
      const modelAs = value.modelAs === "ir.model" ? " (model written as an ir.model id)" : "";
      return `model + id from ${from}: ${cases}${modelAs} (on missing: ${describeMissingBriefly(value.onMissing)})`;
    }
  }
}

/** The source columns an assignment reads, in the order the spec names them. */
export function valueColumns(value: PlanValue): string[] {
  switch (value.kind) {
    case "constant":
      return [];
    case "expression":
      return inputColumns(value.input);
    case "link":
      return value.mode === "discriminated"
        ? [value.typeColumn, value.idColumn].filter((column): column is string => column !== undefined)
        : value.cases.map((c) => c.when);
  }
}

export function describeOtherwise(otherwise: PlanValueMap["otherwise"]): string {
  switch (otherwise.kind) {
    case "fail":
      return "Any other value fails the record.";
    case "keep":
      return "Any other value is kept as it is.";
    case "empty":
      return "Any other value is left empty.";
    case "value":
      return `Any other value becomes ${describeLiteral(otherwise.value)}.`;
  }
}

export function describeGuard(guard: NonNullable<PlanMapping["guard"]>): string {
  return guard.kind === "requires"
    ? `used only when the ${guard.module} app is installed`
    : `used only when the ${guard.module} app is not installed`;
}

export function describeCardinality(mapping: PlanMapping): string {
  // A map into another makes no records: its rows add to that map's.
  const shape = mapping.into ? `adds to ${mapping.into.mapping}` : mapping.cardinality;
  return mapping.lossy ? `${shape}, lossy` : shape;
}

/**
 * The seeds' "Compatibility" column: what the customer needs to know before signing. One line per fact
 * (the formats render the line breaks); the guard, when it adds something, goes on its own line.
 */
export function describeCompatibility(mapping: PlanMapping): string {
  const guard = mapping.guard ? `\n${capitalise(describeGuard(mapping.guard))}.` : "";
  switch (mapping.compatibility) {
    case "compatible":
      return `Fully supported${guard}`;
    case "fallback": {
      const why =
        mapping.notes.length > 0
          ? mapping.notes.join(" ")
          : `the intended target is not available, so records land in ${mapping.model}.`;
      return `Fallback: ${why}${guard}`;
    }
    case "optional-app":
      if (mapping.guard?.kind === "requires") return `Needs the ${mapping.guard.module} app`;
      return `Needs an optional Odoo app${guard}`;
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
