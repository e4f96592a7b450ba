// One `map Source -> model { … }` block: its shape (cardinality, fan-out, dedupe, guard), every field it
// sets, and everything it drops, lowered into its plan form. Lowering resolves names and reports only what
// it cannot resolve; the checks of the map (value types, required fields, cardinality, the Odoo model
// rules) run on the lowered form in checks/maps.ts.
import type * as A from "../../grammar/ast.js";
import { mappingId, type CompileContext } from "../context.js";
import { lowerCondition } from "./conditions.js";
import { lowerExpression, resolveMappingTarget, type ExpressionScope } from "./expressions.js";
import type { Typed } from "../value-types.js";
import { lowerMissingPolicy } from "./missing-policy.js";
import type { Cardinality, PlanAssignment, PlanMapping, PlanValue } from "../../plan/types.js";
import { checkColumn } from "./conditions.js";
import { didYouMean } from "../hints.js";
import { resolveModel, resolveWritableField } from "../resolve/catalog.js";

/** What a value's chain produces, as far as lowering could follow it, and the step that produced it. */
export interface ValueFact {
  typed: Typed;
  via: string;
}

/** A lowered map, and the types of its assignments' values: the plan keeps only the type's name. */
export interface LoweredMap {
  mapping: PlanMapping;
  valueFacts: ReadonlyMap<A.Assignment, ValueFact>;
}

export function lowerMapping(decl: A.MapDecl, ctx: CompileContext): LoweredMap {
  ctx.currentMap = mappingId(decl);
  try {
    return lowerMappingBody(decl, ctx);
  } finally {
    ctx.currentMap = undefined;
  }
}

function lowerMappingBody(decl: A.MapDecl, ctx: CompileContext): LoweredMap {
  const id = mappingId(decl);
  const source = ctx.symbols.sources.get(decl.source.text);
  if (!source && decl.source.text !== "") resolveUnknownSource(decl.source, ctx);
  const model = decl.model.text;
  const requiredModule = decl.guard?.kind === "requires" ? decl.guard.module.text : undefined;
  const checkable = resolveModel(decl.model, ctx, requiredModule);
  if (decl.guard) resolveGuardModule(decl.guard.module, ctx);
  const scope: ExpressionScope = { ctx, source, hasItem: decl.items.some((i) => i.kind === "each") };
  const dependsOn = new Set<string>();
  const valueFacts = new Map<A.Assignment, ValueFact>();

  const each = lowerEach(decl, scope, dependsOn);
  if (each) scope.itemType = each.itemType;
  const dedupe = lowerDedupe(decl, scope);
  const into = lowerInto(decl, scope);
  const where = decl.where ? lowerCondition(decl.where, scope) : undefined;
  const assignments = decl.items
    .filter((i): i is A.Assignment => i.kind === "assignment")
    .map((a) => lowerAssignment(a, { decl, id, model, checkable, scope, dependsOn, valueFacts }))
    .filter((a): a is PlanAssignment => a !== undefined);
  const drops = lowerDrops(decl, scope);
  const losses = decl.items
    .filter((i): i is A.LostItem => i.kind === "lost")
    .map((l) => ({ what: l.what.text, reason: l.reason.text, line: l.range.start.line }));
  const mapping: PlanMapping = {
    id,
    source: decl.source.text,
    model,
    modelLabel: ctx.modelLabel(model),
    cardinality: cardinalityOf(decl),
    lossy: Boolean(decl.lossy),
    ...(decl.guard ? { guard: { kind: decl.guard.kind, module: decl.guard.module.text } } : {}),
    ...(where ? { where } : {}),
    ...(each ? { each: { input: each.input, steps: each.steps } } : {}),
    ...(dedupe ? { dedupe } : {}),
    ...(into ? { into } : {}),
    assignments,
    drops,
    losses,
    notes: decl.items.filter((i): i is A.NoteItem => i.kind === "note").map((n) => n.text.text),
    ...lowerCustomProperties(decl),
    dependsOn: [...dependsOn],
    compatibility: compatibilityOf(decl, ctx),
    line: decl.range.start.line,
  };
  return { mapping, valueFacts };
}

/** The cardinality written after the model, `1:1` when none is; checks/maps.ts reports one it does not know. */
function cardinalityOf(decl: A.MapDecl): Cardinality {
  const written = decl.cardinality?.text ?? "1:1";
  return written === "1:many" || written === "many:1" ? written : "1:1";
}

/** `custom properties prefix "x_…"`: the first one; checks/maps.ts reports a second. */
function lowerCustomProperties(decl: A.MapDecl): Pick<PlanMapping, "customProperties"> {
  const item = decl.items.find((i): i is A.CustomPropertiesItem => i.kind === "customProperties");
  return item ? { customProperties: { prefix: item.prefix.text, line: item.range.start.line } } : {};
}

function resolveUnknownSource(name: A.Name, ctx: CompileContext): void {
  const hint =
    didYouMean(name.text, ctx.symbols.sources.keys()) ?? `declare it: \`source ${name.text} from csv "<file>" { … }\``;
  ctx.report("MC2017", name.range, { name: name.text }, hint);
}

function resolveGuardModule(module: A.Name, ctx: CompileContext): void {
  const catalog = ctx.catalog;
  if (!catalog || module.text === "") return;
  const known = new Set<string>();
  for (const model of catalog.models.values()) for (const m of model.modules) known.add(m);
  for (const missing of catalog.knownMissing.values()) if (missing.module) known.add(missing.module);
  if (!known.has(module.text)) ctx.report("MC2504", module.range, { module: module.text, version: ctx.version });
}

function compatibilityOf(decl: A.MapDecl, ctx: CompileContext): PlanMapping["compatibility"] {
  if (decl.guard?.kind === "requires" && ctx.catalog?.knownMissing.has(decl.model.text)) return "optional-app";
  if (decl.guard?.kind === "unless") return "fallback";
  return "compatible";
}

function lowerEach(decl: A.MapDecl, scope: ExpressionScope, dependsOn: Set<string>) {
  const item = decl.items.find((i): i is A.EachItem => i.kind === "each");
  if (!item) return undefined;
  const lowered = lowerExpression(item.expression, { ...scope, hasItem: false });
  for (const ref of lowered.references) dependsOn.add(ref);
  const itemType: Typed =
    lowered.typed.type === "list"
      ? { type: lowered.typed.element ?? "any", ...(lowered.typed.model ? { model: lowered.typed.model } : {}) }
      : lowered.typed;
  return { input: lowered.input, steps: lowered.steps, itemType };
}

/** `into Email by "_activityid_value"`: another map of the same model, and the chain that finds its record. */
function lowerInto(decl: A.MapDecl, scope: ExpressionScope): PlanMapping["into"] {
  if (!decl.into) return undefined;
  const { ctx } = scope;
  const name = decl.into.map;
  const target = ctx.symbols.maps.get(name.text);
  const key = lowerExpression(decl.into.by, scope);
  if (!target) {
    ctx.report("MC2315", name.range, { name: name.text }, didYouMean(name.text, ctx.symbols.maps.keys()));
    return undefined;
  }
  return { mapping: name.text, input: key.input, steps: key.steps };
}

function lowerDedupe(decl: A.MapDecl, scope: ExpressionScope): PlanMapping["dedupe"] {
  const item = decl.items.find((i): i is A.DedupeItem => i.kind === "dedupe");
  if (!item) return undefined;
  const lowered = lowerExpression(item.by, scope);
  const keep = item.keep?.text === "last" ? "last" : "first";
  return { input: lowered.input, steps: lowered.steps, keep };
}

interface MapScope {
  decl: A.MapDecl;
  id: string;
  model: string;
  checkable: boolean;
  scope: ExpressionScope;
  dependsOn: Set<string>;
  valueFacts: Map<A.Assignment, ValueFact>;
}

function lowerAssignment(a: A.Assignment, m: MapScope): PlanAssignment | undefined {
  const { ctx } = m.scope;
  const when = a.when ? lowerCondition(a.when, m.scope) : undefined;
  const base = { required: a.required, ...(when ? { when } : {}), line: a.range.start.line };
  if (a.value.kind === "link") return lowerLinkAssignment(a, a.value, m, base);
  if (a.targets.length !== 1) {
    ctx.report("MC2307", a.range);
    return undefined;
  }
  const target = a.targets[0]!;
  const field = m.checkable ? resolveWritableField(m.model, target, ctx) : undefined;
  let value: PlanValue;
  let selfReference = false;
  const references = new Set<string>();
  if (a.value.kind === "constant") {
    value = { kind: "constant", value: ctx.literal(a.value.literal) };
  } else {
    const lowered = lowerExpression(a.value, m.scope);
    for (const ref of lowered.references) {
      references.add(ref);
      if (ref === m.id) selfReference = true;
      // A deferred field's references wait for its second pass instead of ordering the load.
      else if (!a.deferred) m.dependsOn.add(ref);
    }
    value = { kind: "expression", input: lowered.input, steps: lowered.steps, valueType: lowered.typed.type };
    m.valueFacts.set(a, { typed: lowered.typed, via: lowered.steps.at(-1)?.op ?? "column" });
  }
  const written = {
    fields: [target.text],
    fieldTypes: [field?.type ?? "unknown"],
    value,
    ...(a.adds ? { adds: true as const } : {}),
    ...base,
  };
  if (!a.deferred) return { ...written, deferred: selfReference };
  return {
    ...written,
    deferred: true,
    after: [...references].filter((ref) => ref !== m.id),
  };
}

/**
 * `model, res_id <- link …`: the first field receives the model (a name, or an `ir.model` id for
 * `res_model_id`), the second the record id. Which object a row points at is decided per row.
 */
function lowerLinkAssignment(
  a: A.Assignment,
  link: A.LinkExpression,
  m: MapScope,
  base: Pick<PlanAssignment, "required" | "when" | "line">,
): PlanAssignment | undefined {
  const { ctx } = m.scope;
  if (a.targets.length !== 2) {
    ctx.report("MC2307", a.range);
    return undefined;
  }
  const [modelField, idField] = a.targets as [A.Name, A.Name];
  let modelAs: "name" | "ir.model" = "name";
  const types: string[] = ["unknown", "unknown"];
  if (m.checkable) {
    const modelInfo = resolveWritableField(m.model, modelField, ctx);
    const idInfo = resolveWritableField(m.model, idField, ctx);
    if (modelInfo) types[0] = modelInfo.type;
    if (modelInfo?.type === "many2one" && modelInfo.relation === "ir.model") modelAs = "ir.model";
    if (idInfo) types[1] = idInfo.type;
  }
  if (link.typeColumn) checkColumn(link.typeColumn, m.scope);
  if (link.idColumn) checkColumn(link.idColumn, m.scope);
  const cases: Extract<PlanValue, { kind: "link" }>["cases"] = [];
  for (const c of link.cases) {
    if (!link.typeColumn) checkColumn(c.when, m.scope);
    const target = resolveMappingTarget(c.object, ctx);
    if (!target) continue;
    if (target.mapping !== m.id) m.dependsOn.add(target.mapping);
    cases.push({
      when: c.when.text,
      object: ctx.symbols.maps.get(target.mapping)?.source.text ?? c.object.text,
      mapping: target.mapping,
      model: target.model,
    });
  }
  const value: PlanValue = {
    kind: "link",
    mode: link.typeColumn ? "discriminated" : "first",
    ...(link.typeColumn ? { typeColumn: link.typeColumn.text } : {}),
    ...(link.idColumn ? { idColumn: link.idColumn.text } : {}),
    cases,
    onMissing: lowerMissingPolicy(link.onMissing, ctx, ""),
    modelAs,
  };
  return { fields: [modelField.text, idField.text], fieldTypes: types, value, ...base, deferred: false };
}

function lowerDrops(decl: A.MapDecl, scope: ExpressionScope): PlanMapping["drops"] {
  const drops: PlanMapping["drops"] = [];
  for (const item of decl.items) {
    if (item.kind !== "drop") continue;
    for (const column of item.columns) {
      if (scope.source && !scope.source.columns.some((c) => c.column.text === column.text)) checkColumn(column, scope);
      drops.push({ column: column.text, reason: item.reason.text, line: item.range.start.line });
    }
  }
  return drops;
}
