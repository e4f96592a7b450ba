// TypeScript expressions and statements for inputs, conditions and transform chains. They make the same
// runtime calls as runtime/execute, spelled out with the plan's literal arguments.
import { argumentsFor, isTransformName, transformExportName, transformSignatures } from "../../plan/transforms.js";
import type { PlanCondition, PlanInput, PlanLiteral, PlanStep } from "../../plan/types.js";
import { lookupName, use, type BuildContext } from "./context.js";
import { arrayLiteral, literal, objectLiteral, str } from "./literals.js";

/** Where a chain runs: inside a record (refs may queue) or not (each, dedupe). */
export interface ChainScope {
  /** the field a `queue` miss policy files references under; absent outside assignments */
  field?: string;
}

export function inputExpression(input: PlanInput): string {
  switch (input.kind) {
    case "column":
      return `cell(${str(input.column)})`;
    case "columns":
      return arrayLiteral(input.columns.map((column) => `cell(${str(column)})`));
    case "item":
      return "item";
  }
}

export function conditionExpression(context: BuildContext, condition: PlanCondition): string {
  switch (condition.op) {
    case "and":
    case "or":
      return `(${condition.operands.map((operand) => conditionExpression(context, operand)).join(condition.op === "and" ? " && " : " || ")})`;
    case "not":
      return negatedCondition(context, condition.operand);
    case "installed":
      return `${use(context, "isInstalled")}(context, ${str(condition.module)})`;
    case "==":
      return `${use(context, "equalsText")}(${subjectExpression(context, condition)}, ${literal(condition.value)})`;
    case "!=":
      return `!${use(context, "equalsText")}(${subjectExpression(context, condition)}, ${literal(condition.value)})`;
    case "in":
      return `${use(context, "isOneOf")}(${subjectExpression(context, condition)}, ${arrayLiteral(condition.values.map(literal))})`;
    case "empty":
      return `${use(context, "isEmptyValue")}(${subjectExpression(context, condition)})`;
    case "not-empty":
      return `!${use(context, "isEmptyValue")}(${subjectExpression(context, condition)})`;
  }
}

/** A comparison's subject: the cell, or what the lookups read ahead find for it (`lookUpAhead(context, …)`). */
function subjectExpression(context: BuildContext, condition: { input: PlanInput; through?: string[] }): string {
  return (condition.through ?? []).reduce(
    (expression, lookup) => `${use(context, "lookUpAhead")}(context, ${str(lookup)}, ${expression})`,
    inputExpression(condition.input),
  );
}

/** The condition's negation without double negatives: `not "X" empty` reads `!isEmptyValue(cell("X"))`. */
export function negatedCondition(context: BuildContext, condition: PlanCondition): string {
  switch (condition.op) {
    case "not":
      return conditionExpression(context, condition.operand);
    case "==":
      return conditionExpression(context, { ...condition, op: "!=" });
    case "!=":
      return conditionExpression(context, { ...condition, op: "==" });
    case "empty":
      return conditionExpression(context, { ...condition, op: "not-empty" });
    case "not-empty":
      return conditionExpression(context, { ...condition, op: "empty" });
    case "and":
    case "or":
      return `!${conditionExpression(context, condition)}`;
    case "in":
    case "installed":
      return `!${conditionExpression(context, condition)}`;
  }
}

/** For `if (…)`, whose own parentheses make the outer pair of an and/or redundant. */
export function unparenthesized(expression: string): string {
  if (!expression.startsWith("(") || !expression.endsWith(")")) return expression;
  let depth = 0;
  for (let index = 0; index < expression.length; index++) {
    const character = expression[index];
    if (character === "(") depth++;
    if (character === ")") depth--;
    if (depth === 0 && index < expression.length - 1) return expression;
  }
  return expression.slice(1, -1);
}

/**
 * A chain as the body of an arrow function: `cell("X")` or `domain(cell("X"))` when short, otherwise a
 * block with one statement per step, so each transform of the spec has its own line.
 */
export function chainBody(
  context: BuildContext,
  input: PlanInput,
  steps: readonly PlanStep[],
  scope: ChainScope,
): string[] {
  const start = inputExpression(input);
  const [only] = steps;
  if (!only) return [start];
  if (steps.length === 1) return [stepCall(context, only, start, scope)];
  return [
    "{",
    ...chainStatements(context, "value", input, steps, scope).map((line) => `  ${line}`),
    "  return value;",
    "}",
  ];
}

/** `let <variable>: unknown = <input>;` then `<variable> = <step>(<variable>, …);` for each step. */
export function chainStatements(
  context: BuildContext,
  variable: string,
  input: PlanInput,
  steps: readonly PlanStep[],
  scope: ChainScope,
): string[] {
  return [
    `let ${variable}: unknown = ${inputExpression(input)};`,
    ...steps.map((step) => `${variable} = ${stepCall(context, step, variable, scope)};`),
  ];
}

function stepCall(context: BuildContext, step: PlanStep, value: string, scope: ChainScope): string {
  switch (step.op) {
    case "transform":
      return transformCall(context, step.name, step.args, step.named, value);
    case "map":
      return `${use(context, "applyValueMap")}(${value}, ${lookupName(context.valueMapConstants, step.valueMap, "value map")})`;
    case "ref":
      return referenceCall(context, "refTo", value, step.mapping, queueReason(step.onMissing), scope);
    case "lookup":
      return referenceCall(context, "lookupIn", value, step.lookup, queueReason(step.onMissing), scope);
  }
}

function queueReason(policy: { kind: string; reason?: string }): string | undefined {
  return policy.kind === "queue" ? policy.reason : undefined;
}

function referenceCall(
  context: BuildContext,
  helper: string,
  value: string,
  target: string,
  reason: string | undefined,
  scope: ChainScope,
): string {
  const args = [value, str(target)];
  if (reason !== undefined && scope.field !== undefined) {
    args.push(
      objectLiteral([
        ["record", "record"],
        ["field", str(scope.field)],
        ["reason", str(reason)],
      ]),
    );
  }
  return `${use(context, helper)}(${args.join(", ")})`;
}

/**
 * `date(value, "DD-MM-YYYY")`, `datetime(value, undefined, { tz: "UTC" })`: the call argumentsFor makes for
 * the executor, with trailing absent arguments left out. Checking the arguments here means a broken plan
 * fails at build time, not in the generated code.
 */
function transformCall(
  context: BuildContext,
  name: string,
  args: readonly PlanLiteral[],
  named: Readonly<Record<string, PlanLiteral>>,
  value: string,
): string {
  if (!isTransformName(name)) throw new Error(`The plan names an unknown transform \`${name}\`.`);
  const signature = transformSignatures[name];
  argumentsFor(name, signature, args, named);
  const positional = signature.args.map((spec, index) =>
    spec.variadic ? variadicLiteral(args.slice(index)) : literal(args[index]),
  );
  const namedEntries = Object.entries(named).map(([key, given]) => [key, literal(given)] as const);
  const written =
    namedEntries.length > 0 ? [...positional, objectLiteral(namedEntries)] : dropTrailingUndefined(positional);
  return `${use(context, transformExportName(name))}(${[value, ...written].join(", ")})`;
}

function variadicLiteral(values: readonly PlanLiteral[]): string {
  return values.length === 0 ? "undefined" : arrayLiteral(values.map(literal));
}

function dropTrailingUndefined(args: readonly string[]): string[] {
  const kept = [...args];
  while (kept.at(-1) === "undefined") kept.pop();
  return kept;
}
