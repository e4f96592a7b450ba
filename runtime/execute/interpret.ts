// The plan executor: runs a TransformPlan over one source row. Generated code (`mapc build`) makes the same
// helper calls with the plan spelled out, and must give identical outcomes.
//
// The plan is turned into closures once (per plan object), not walked again for every row: a migration
// runs the same few chains over millions of rows, and re-reading the plan's tree each time cost more than
// the transforms themselves. Each closure does what the tree node it came from says, in the same order.
import type {
  MissingPolicy,
  PlanAssignment,
  PlanCondition,
  PlanInput,
  PlanLiteral,
  PlanMapping,
  PlanSource,
  PlanStep,
  TransformPlan,
} from "../../plan/types.js";
import * as transforms from "../transforms/index.js";
import {
  argumentsFor,
  isEmptyValue,
  isTransformName,
  transformExportName,
  transformSignatures,
} from "../transforms/index.js";
import { cellsOf, sourceKeyOf, sourceShapeOf, type CellReader, type SourceShape } from "./cells.js";
import { equalsText, guardHolds, isInstalled, isOneOf, lookUpAhead } from "./conditions.js";
import { linkTo } from "./links.js";
import { runMapping, runSource, unknownSource, type SkipRule } from "./outcome.js";
import {
  assign,
  assignLink,
  eachItems,
  setDedupeKey,
  setIntoKey,
  startRecord,
  type FieldRule,
  type LinkRule,
  type RecordTarget,
} from "./records.js";
import { applyValueMap, lookupIn, refTo, type QueueTicket, type ValueMapTable } from "./references.js";
import type { MappingOutcome, RecordOutcome, SourceRow, TargetRecord, TransformContext } from "./types.js";

/** The transform library by the names generated code imports its functions by (`trim`, `defaultTo`, …). */
const library = transforms as unknown as Readonly<
  Record<string, ((value: unknown, ...args: unknown[]) => unknown) | undefined>
>;

/** Where an expression is evaluated: the row's cells, the fan-out item, the target database. */
interface Scope {
  cell: CellReader;
  context: TransformContext;
  item?: unknown;
}

/** The record and field a chain writes to, where refs with miss policy `queue` are noted. */
interface FieldAt {
  record: TargetRecord;
  field: string;
}

type Evaluate = (scope: Scope) => unknown;
type Holds = (scope: Scope) => boolean;
type Chain = (scope: Scope, at?: FieldAt) => unknown;
type Step = (value: unknown, at: FieldAt | undefined) => unknown;
type Assignment = (record: TargetRecord, scope: Scope) => void;
type Mapping = (cell: CellReader, context: TransformContext) => MappingOutcome;

/** A source object with its skip rules and mappings, ready to run. */
interface PreparedSource {
  source: PlanSource;
  shape: SourceShape;
  skips: ReadonlyArray<{ reason: string; holds: Holds }>;
  mappings: readonly Mapping[];
}

interface PreparedPlan {
  sources: ReadonlyMap<string, PreparedSource>;
  valueMaps: ReadonlyMap<string, ValueMapTable>;
  /** chains evaluated outside mappings (source lookup keys), compiled on first use */
  chains: WeakMap<object, Chain>;
}

const prepared = new WeakMap<TransformPlan, PreparedPlan>();

function prepare(plan: TransformPlan): PreparedPlan {
  const cached = prepared.get(plan);
  if (cached) return cached;
  const valueMaps = new Map(plan.valueMaps.map((valueMap) => [valueMap.name, valueMap] as const));
  const sources = new Map<string, PreparedSource>();
  const ready: PreparedPlan = { sources, valueMaps, chains: new WeakMap() };
  for (const source of plan.sources) {
    const shape = sourceShapeOf(source);
    sources.set(source.name, {
      source,
      shape,
      skips: source.skips.map((skip) => ({ reason: skip.reason, holds: compileCondition(skip.condition) })),
      mappings: plan.mappings
        .filter((mapping) => mapping.source === source.name)
        .map((mapping) => compileMapping(ready, plan, mapping, shape)),
    });
  }
  prepared.set(plan, ready);
  return ready;
}

export function transformRecord(
  plan: TransformPlan,
  source: string,
  row: SourceRow,
  context: TransformContext,
): RecordOutcome {
  const found = prepare(plan).sources.get(source) ?? unknownSource(source);
  // One cell reader per row: a cell is coerced once however many skip rules and mappings read it.
  const cell = cellsOf(found.shape, row);
  const scope: Scope = { cell, context };
  const skips: SkipRule[] = found.skips.map((skip) => ({ reason: skip.reason, holds: () => skip.holds(scope) }));
  return runSource(
    skips,
    found.mappings.map((mapping) => () => mapping(cell, context)),
  );
}

/**
 * Whether a skip rule of the source leaves the row out (a deleted row), without running its mappings: a lookup
 * read ahead must not find a row the run will not stage. A row the rules cannot be decided for counts as kept.
 */
export function isSkipped(plan: TransformPlan, source: string, row: SourceRow, context: TransformContext): boolean {
  const found = prepare(plan).sources.get(source) ?? unknownSource(source);
  const scope: Scope = { cell: cellsOf(found.shape, row), context };
  return (
    runSource(
      found.skips.map((skip) => ({ reason: skip.reason, holds: () => skip.holds(scope) })),
      [],
    ).status === "skipped"
  );
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
  const scope: Scope = { cell: cellsOf(found.shape, row), context: {} };
  let compiled = ready.chains.get(chain);
  if (!compiled) {
    compiled = compileChain(ready, chain.input, chain.steps);
    ready.chains.set(chain, compiled);
  }
  return compiled(scope);
}

/** One mapping over one row: guard, where, key, then one record (or one per `each` item). */
function compileMapping(ready: PreparedPlan, plan: TransformPlan, mapping: PlanMapping, shape: SourceShape): Mapping {
  const where = mapping.where ? compileCondition(mapping.where) : undefined;
  const target: RecordTarget = { module: plan.target.externalIdModule, mapping: mapping.id, model: mapping.model };
  const each = mapping.each ? compileChain(ready, mapping.each.input, mapping.each.steps) : undefined;
  const dedupe = mapping.dedupe ? compileChain(ready, mapping.dedupe.input, mapping.dedupe.steps) : undefined;
  const into = mapping.into
    ? { mapping: mapping.into.mapping, key: compileChain(ready, mapping.into.input, mapping.into.steps) }
    : undefined;
  const assignments = mapping.assignments.map((assignment) => compileAssignment(ready, assignment));
  const buildRecord = (record: TargetRecord, scope: Scope): TargetRecord => {
    if (dedupe) setDedupeKey(record, () => dedupe(scope));
    if (into) setIntoKey(record, into.mapping, () => into.key(scope));
    for (const apply of assignments) apply(record, scope);
    return record;
  };
  return (cell, context) =>
    runMapping(mapping.id, () => {
      if (mapping.guard && !guardHolds(context, mapping.guard)) return [];
      const scope: Scope = { cell, context };
      if (where && !where(scope)) return [];
      const sourceKey = sourceKeyOf(cell, shape.key);
      if (!each) return [buildRecord(startRecord(target, sourceKey), scope)];
      const items = eachItems(each(scope));
      return items.map((item) => buildRecord(startRecord(target, sourceKey, item), { ...scope, item }));
    });
}

function compileAssignment(ready: PreparedPlan, assignment: PlanAssignment): Assignment {
  const condition = assignment.when ? compileCondition(assignment.when) : undefined;
  const value = assignment.value;
  if (value.kind === "link") {
    const [modelField = "", idField = ""] = assignment.fields;
    const rule: LinkRule = {
      required: assignment.required,
      deferred: assignment.deferred,
      fields: [modelField, idField],
    };
    return (record, scope) =>
      assignLink(record, condition ? { ...rule, when: () => condition(scope) } : rule, () =>
        linkTo(scope.cell, value, record, idField),
      );
  }
  const field = assignment.fields[0] ?? "";
  const rule: FieldRule = {
    field,
    required: assignment.required,
    deferred: assignment.deferred,
    ...(assignment.adds ? { adds: true } : {}),
  };
  if (value.kind === "constant") {
    const constant = value.value;
    return (record, scope) =>
      assign(record, condition ? { ...rule, when: () => condition(scope) } : rule, () => constant);
  }
  const chain = compileChain(ready, value.input, value.steps);
  // Only a chain with a `queue` reference notes anything on the record.
  const queues = value.steps.some(
    (step) => (step.op === "ref" || step.op === "lookup") && step.onMissing.kind === "queue",
  );
  return (record, scope) =>
    assign(record, condition ? { ...rule, when: () => condition(scope) } : rule, () =>
      chain(scope, queues ? { record, field } : undefined),
    );
}

function compileChain(ready: PreparedPlan, input: PlanInput, steps: readonly PlanStep[]): Chain {
  const read = compileInput(input);
  const compiled = steps.map((step) => compileStep(ready, step));
  if (compiled.length === 0) return read;
  return (scope, at) => {
    let value = read(scope);
    for (const step of compiled) value = step(value, at);
    return value;
  };
}

function compileStep(ready: PreparedPlan, step: PlanStep): Step {
  switch (step.op) {
    case "transform": {
      let run: ((value: unknown) => unknown) | undefined;
      return (value) => {
        run ??= boundTransform(step.name, step.args, step.named);
        return run(value);
      };
    }
    case "map":
      return (value) => applyValueMap(value, valueMapNamed(ready, step.valueMap));
    case "ref": {
      const policy = step.onMissing;
      return (value, at) => refTo(value, step.mapping, queueTicket(policy, at));
    }
    case "lookup": {
      const policy = step.onMissing;
      return (value, at) => lookupIn(value, step.lookup, queueTicket(policy, at));
    }
  }
}

/**
 * The transform with its arguments as argumentsFor checks and pads them, which is the call generated code
 * spells out. Bound on first use, so a broken step fails when a row reaches it, as it always has.
 */
function boundTransform(
  name: string,
  args: readonly PlanLiteral[],
  named: Readonly<Record<string, PlanLiteral>>,
): (value: unknown) => unknown {
  if (!isTransformName(name)) throw new Error(`The plan names an unknown transform \`${name}\`.`);
  const bound = argumentsFor(name, transformSignatures[name], args, named);
  const implementation = library[transformExportName(name)];
  if (!implementation) throw new Error(`The runtime has no function for transform \`${name}\`.`);
  return bound.length === 0 ? (value) => implementation(value) : (value) => implementation(value, ...bound);
}

function queueTicket(policy: MissingPolicy, at: FieldAt | undefined): QueueTicket | undefined {
  return policy.kind === "queue" && at ? { record: at.record, field: at.field, reason: policy.reason } : undefined;
}

function valueMapNamed(ready: PreparedPlan, name: string): ValueMapTable {
  const table = ready.valueMaps.get(name);
  if (!table) throw new Error(`The plan uses value map \`${name}\`, which it does not define.`);
  return table;
}

function compileInput(input: PlanInput): Evaluate {
  switch (input.kind) {
    case "column": {
      const column = input.column;
      return (scope) => scope.cell(column);
    }
    case "columns": {
      const columns = input.columns;
      return (scope) => columns.map((column) => scope.cell(column));
    }
    case "item":
      return (scope) => scope.item ?? null;
  }
}

function compileCondition(condition: PlanCondition): Holds {
  switch (condition.op) {
    case "and": {
      const operands = condition.operands.map(compileCondition);
      return (scope) => operands.every((operand) => operand(scope));
    }
    case "or": {
      const operands = condition.operands.map(compileCondition);
      return (scope) => operands.some((operand) => operand(scope));
    }
    case "not": {
      const operand = compileCondition(condition.operand);
      return (scope) => !operand(scope);
    }
    case "installed": {
      const module = condition.module;
      return (scope) => isInstalled(scope.context, module);
    }
    case "==": {
      const read = compileSubject(condition);
      const literal = condition.value;
      return (scope) => equalsText(read(scope), literal);
    }
    case "!=": {
      const read = compileSubject(condition);
      const literal = condition.value;
      return (scope) => !equalsText(read(scope), literal);
    }
    case "in": {
      const read = compileSubject(condition);
      const values = condition.values;
      return (scope) => isOneOf(read(scope), values);
    }
    case "empty": {
      const read = compileSubject(condition);
      return (scope) => isEmptyValue(read(scope));
    }
    case "not-empty": {
      const read = compileSubject(condition);
      return (scope) => !isEmptyValue(read(scope));
    }
  }
}

/** A comparison's subject: its cell, or what the lookups read ahead find for it, in turn. */
function compileSubject(condition: { input: PlanInput; through?: string[] }): (scope: Scope) => unknown {
  const read = compileInput(condition.input);
  const through = condition.through ?? [];
  if (through.length === 0) return read;
  return (scope) => through.reduce<unknown>((value, lookup) => lookUpAhead(scope.context, lookup, value), read(scope));
}
