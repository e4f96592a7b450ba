// One-line, spec-like descriptions of plan elements, for the comments that point generated code back to
// the spec line it came from: `name <- "Company name" | collapse  (required)`.
import type {
  MissingPolicy,
  PlanAssignment,
  PlanCondition,
  PlanInput,
  PlanLiteral,
  PlanStep,
  PlanValue,
} from "../../plan/types.js";
import { commentText } from "./literals.js";

export function describeAssignment(assignment: PlanAssignment): string {
  const target = assignment.fields.join(", ");
  const body =
    assignment.value.kind === "constant"
      ? `${target} = ${describeLiteral(assignment.value.value)}`
      : `${target} ${assignment.adds ? "+=" : "<-"} ${describeValue(assignment.value)}`;
  const flags = [
    assignment.required ? "required" : "",
    assignment.deferred ? "deferred" : "",
    assignment.when ? `when ${describeCondition(assignment.when)}` : "",
  ].filter((flag) => flag !== "");
  return commentText(flags.length > 0 ? `${body}  (${flags.join(", ")})` : body);
}

function describeValue(value: PlanValue): string {
  switch (value.kind) {
    case "constant":
      return describeLiteral(value.value);
    case "expression":
      return describeChain(value.input, value.steps);
    case "link": {
      const cases = value.cases.map((linked) => `${JSON.stringify(linked.when)} → ${linked.mapping}`).join(", ");
      const by =
        value.mode === "discriminated"
          ? `${JSON.stringify(value.typeColumn ?? "")} / ${JSON.stringify(value.idColumn ?? "")}`
          : "first of";
      return `link ${by}: ${cases}${describeMissing(value.onMissing)}`;
    }
  }
}

export function describeChain(input: PlanInput, steps: readonly PlanStep[]): string {
  return commentText([describeInput(input), ...steps.map(describeStep)].join(" | "));
}

/** A comparison's subject, with the lookups read ahead that its value goes through. */
function describeSubject(condition: { input: PlanInput; through?: string[] }): string {
  return [describeInput(condition.input), ...(condition.through ?? []).map((name) => `lookup ${name}`)].join(" | ");
}

function describeInput(input: PlanInput): string {
  switch (input.kind) {
    case "column":
      return JSON.stringify(input.column);
    case "columns":
      return `(${input.columns.map((column) => JSON.stringify(column)).join(", ")})`;
    case "item":
      return "item";
  }
}

function describeStep(step: PlanStep): string {
  switch (step.op) {
    case "transform": {
      const named = Object.entries(step.named).map(([key, value]) => `${key}: ${describeLiteral(value)}`);
      return [step.name, ...step.args.map(describeLiteral), ...named].join(" ");
    }
    case "map":
      return `map ${step.valueMap}`;
    case "ref":
      return `ref ${step.object}${describeMissing(step.onMissing)}`;
    case "lookup":
      return `lookup ${step.lookup}${describeMissing(step.onMissing)}`;
  }
}

function describeMissing(policy: MissingPolicy): string {
  switch (policy.kind) {
    case "fail":
      return "";
    case "queue":
      return ` on missing queue ${JSON.stringify(policy.reason)}`;
    case "default":
      return ` on missing default ${describeLiteral(policy.value)}`;
    default:
      return ` on missing ${policy.kind}`;
  }
}

export function describeCondition(condition: PlanCondition): string {
  switch (condition.op) {
    case "and":
    case "or":
      return condition.operands.map((operand) => grouped(operand)).join(` ${condition.op} `);
    case "not":
      return `not ${grouped(condition.operand)}`;
    case "installed":
      return `installed ${condition.module}`;
    case "==":
    case "!=":
      return `${describeSubject(condition)} ${condition.op} ${describeLiteral(condition.value)}`;
    case "in":
      return `${describeSubject(condition)} in (${condition.values.map(describeLiteral).join(", ")})`;
    case "empty":
      return `${describeSubject(condition)} is empty`;
    case "not-empty":
      return `${describeSubject(condition)} is not empty`;
  }
}

function grouped(condition: PlanCondition): string {
  const text = describeCondition(condition);
  return condition.op === "and" || condition.op === "or" ? `(${text})` : text;
}

export function describeLiteral(value: PlanLiteral): string {
  if (value !== null && typeof value === "object") return `xmlid ${JSON.stringify(value.xmlid)}`;
  return JSON.stringify(value);
}
