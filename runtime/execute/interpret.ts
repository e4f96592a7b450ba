// The plan executor: runs a TransformPlan over one source row by interpreting it. Generated code
// (`mapc build`) makes the same helper calls with the plan spelled out, and must give identical outcomes.
import type {
  MissingPolicy,
  PlanAssignment,
  PlanCondition,
  PlanInput,
  PlanMapping,
  PlanSource,
  PlanStep,
  PlanValue,
  TransformPlan,
} from "../../compiler/plan/types.js";
import { applyTransform, isEmptyValue } from "../transforms/index.js";
import { cellsOf, sourceKeyOf, sourceShapeOf, type CellReader, type SourceShape } from "./cells.js";
import { equalsText, guardHolds, isInstalled, isOneOf } from "./conditions.js";
import { linkTo } from "./links.js";
import { runMapping, runSource, unknownSource } from "./outcome.js";
import { assign, assignLink, eachItems, setDedupeKey, startRecord, type RecordTarget } from "./records.js";
import { applyValueMap, lookupIn, refTo, type QueueTicket, type ValueMapTable } from "./references.js";
import type { MappingOutcome, RecordOutcome, SourceRow, TargetRecord, TransformContext } from "./types.js";

/** What the executor looks up by name, prepared once per plan. */
interface PreparedPlan {
  plan: TransformPlan;
  sources: ReadonlyMap<string, { source: PlanSource; shape: SourceShape }>;
  valueMaps: ReadonlyMap<string, ValueMapTable>;
}

const prepared = new WeakMap<TransformPlan, PreparedPlan>();

function prepare(plan: TransformPlan): PreparedPlan {
  const cached = prepared.get(plan);
  if (cached) return cached;
  const result: PreparedPlan = {
    plan,
    sources: new Map(plan.sources.map((source) => [source.name, { source, shape: sourceShapeOf(source) }])),
    valueMaps: new Map(plan.valueMaps.map((valueMap) => [valueMap.name, valueMap])),
  };
  prepared.set(plan, result);
  return result;
}

/** Where an expression is evaluated: the row's cells, the fan-out item, the target database. */
interface Scope {
  prepared: PreparedPlan;
  cell: CellReader;
  context: TransformContext;
  item?: unknown;
}

export function transformRecord(
  plan: TransformPlan,
  source: string,
  row: SourceRow,
  context: TransformContext,
): RecordOutcome {
  const ready = prepare(plan);
  const found = ready.sources.get(source) ?? unknownSource(source);
  const scope: Scope = { prepared: ready, cell: cellsOf(found.shape, row), context };
  const skips = found.source.skips.map((skip) => ({ reason: skip.reason, holds: () => conditionHolds(skip.condition, scope) }));
  const mappings = plan.mappings
    .filter((mapping) => mapping.source === source)
    .map((mapping) => () => executeMapping(ready, mapping, row, context));
  return runSource(skips, mappings);
}

/**
 * A chain over one row of a source object, outside any mapping: how the staging store computes the key a
 * source lookup matches on (`lookup OwnerEmail in source Owner by ("firstName", "lastName") | join " "`).
 */
export function evaluateChain(
  plan: TransformPlan,
  source: string,
  row: SourceRow,
  chain: { input: PlanInput; steps: readonly PlanStep[] },
): unknown {
  const ready = prepare(plan);
  const found = ready.sources.get(source) ?? unknownSource(source);
  const scope: Scope = { prepared: ready, cell: cellsOf(found.shape, row), context: {} };
  return runSteps(evaluateInput(chain.input, scope), chain.steps, scope);
}

/** One mapping over one row: guard, where, key, then one record (or one per `each` item). */
function executeMapping(
  ready: PreparedPlan,
  mapping: PlanMapping,
  row: SourceRow,
  context: TransformContext,
): MappingOutcome {
  const found = ready.sources.get(mapping.source) ?? unknownSource(mapping.source);
  return runMapping(mapping.id, () => {
    if (mapping.guard && !guardHolds(context, mapping.guard)) return [];
    const scope: Scope = { prepared: ready, cell: cellsOf(found.shape, row), context };
    if (mapping.where && !conditionHolds(mapping.where, scope)) return [];
    const target: RecordTarget = { module: ready.plan.target.externalIdModule, mapping: mapping.id, model: mapping.model };
    const sourceKey = sourceKeyOf(scope.cell, found.shape.key);
    if (!mapping.each) return [buildRecord(mapping, startRecord(target, sourceKey), scope)];
    const items = eachItems(runSteps(evaluateInput(mapping.each.input, scope), mapping.each.steps, scope));
    return items.map((item) => buildRecord(mapping, startRecord(target, sourceKey, item), { ...scope, item }));
  });
}

function buildRecord(mapping: PlanMapping, record: TargetRecord, scope: Scope): TargetRecord {
  const dedupe = mapping.dedupe;
  if (dedupe) setDedupeKey(record, () => runSteps(evaluateInput(dedupe.input, scope), dedupe.steps, scope));
  for (const assignment of mapping.assignments) applyAssignment(record, assignment, scope);
  return record;
}

function applyAssignment(record: TargetRecord, assignment: PlanAssignment, scope: Scope): void {
  const condition = assignment.when;
  const when = condition ? () => conditionHolds(condition, scope) : undefined;
  const rule = { required: assignment.required, deferred: assignment.deferred, when };
  const value = assignment.value;
  if (value.kind === "link") {
    const [modelField = "", idField = ""] = assignment.fields;
    assignLink(record, { ...rule, fields: [modelField, idField] }, () => linkTo(scope.cell, value, record, idField));
    return;
  }
  const field = assignment.fields[0] ?? "";
  assign(record, { ...rule, field }, () => evaluateValue(value, scope, { record, field }));
}

function evaluateValue(value: Exclude<PlanValue, { kind: "link" }>, scope: Scope, at: FieldAt): unknown {
  if (value.kind === "constant") return value.value;
  return runSteps(evaluateInput(value.input, scope), value.steps, scope, at);
}

/** The record and field a chain writes to, where refs with miss policy `queue` are noted. */
interface FieldAt {
  record: TargetRecord;
  field: string;
}

function runSteps(input: unknown, steps: readonly PlanStep[], scope: Scope, at?: FieldAt): unknown {
  return steps.reduce((value, step) => runStep(value, step, scope, at), input);
}

function runStep(value: unknown, step: PlanStep, scope: Scope, at: FieldAt | undefined): unknown {
  switch (step.op) {
    case "transform":
      return applyTransform(step.name, value, step.args, step.named);
    case "map":
      return applyValueMap(value, valueMapNamed(scope.prepared, step.valueMap));
    case "ref":
      return refTo(value, step.mapping, queueTicket(step.onMissing, at));
    case "lookup":
      return lookupIn(value, step.lookup, queueTicket(step.onMissing, at));
  }
}

function queueTicket(policy: MissingPolicy, at: FieldAt | undefined): QueueTicket | undefined {
  return policy.kind === "queue" && at ? { ...at, reason: policy.reason } : undefined;
}

function valueMapNamed(ready: PreparedPlan, name: string): ValueMapTable {
  const table = ready.valueMaps.get(name);
  if (!table) throw new Error(`The plan uses value map \`${name}\`, which it does not define.`);
  return table;
}

function evaluateInput(input: PlanInput, scope: Scope): unknown {
  switch (input.kind) {
    case "column":
      return scope.cell(input.column);
    case "columns":
      return input.columns.map((column) => scope.cell(column));
    case "item":
      return scope.item ?? null;
  }
}

function conditionHolds(condition: PlanCondition, scope: Scope): boolean {
  switch (condition.op) {
    case "and":
      return condition.operands.every((operand) => conditionHolds(operand, scope));
    case "or":
      return condition.operands.some((operand) => conditionHolds(operand, scope));
    case "not":
      return !conditionHolds(condition.operand, scope);
    case "installed":
      return isInstalled(scope.context, condition.module);
    case "==":
      return equalsText(evaluateInput(condition.input, scope), condition.value);
    case "!=":
      return !equalsText(evaluateInput(condition.input, scope), condition.value);
    case "in":
      return isOneOf(evaluateInput(condition.input, scope), condition.values);
    case "empty":
      return isEmptyValue(evaluateInput(condition.input, scope));
    case "not-empty":
      return !isEmptyValue(evaluateInput(condition.input, scope));
  }
}
