// One `map Source -> model { … }` block: its shape (cardinality, fan-out, dedupe, guard), every field it
// sets, and everything it drops, lowered into its plan form; the checks of the whole map (required fields,
// cardinality, lossy, the Odoo model rules) then run on that form in checks/maps.ts.
import type * as A from "../grammar/ast.js";
import type { CatalogField } from "./catalog/index.js";
import { mappingId, type CompileContext } from "./context.js";
import { lowerCondition } from "./conditions.js";
import { lowerExpression, resolveMappingTarget, type ExpressionScope } from "./expressions.js";
import { literalType, type Typed } from "./value-types.js";
import { lowerMissingPolicy } from "./missing-policy.js";
import type { Cardinality, PlanAssignment, PlanMapping, PlanValue } from "../plan/types.js";
import { checkMap } from "./checks/maps.js";
import { checkColumn } from "./conditions.js";
import { didYouMean } from "./hints.js";
import { checkModelExists, checkSelectionValue, checkValueFits, checkWritableField, isKnownXmlid } from "./targets.js";

export function lowerMapping(decl: A.MapDecl, ctx: CompileContext): PlanMapping {
  ctx.currentMap = mappingId(decl);
  try {
    return lowerMappingBody(decl, ctx);
  } finally {
    ctx.currentMap = undefined;
  }
}

function lowerMappingBody(decl: A.MapDecl, ctx: CompileContext): PlanMapping {
  const id = mappingId(decl);
  const source = ctx.symbols.sources.get(decl.source.text);
  if (!source && decl.source.text !== "") resolveUnknownSource(decl.source, ctx);
  const model = decl.model.text;
  const requiredModule = decl.guard?.kind === "requires" ? decl.guard.module.text : undefined;
  const checkable = checkModelExists(decl.model, ctx, requiredModule);
  if (decl.guard) checkGuardModule(decl.guard.module, ctx);
  const scope: ExpressionScope = { ctx, source, hasItem: decl.items.some((i) => i.kind === "each") };
  const dependsOn = new Set<string>();

  const each = lowerEach(decl, scope, dependsOn);
  if (each) scope.itemType = each.itemType;
  const dedupe = lowerDedupe(decl, scope);
  const into = lowerInto(decl, scope);
  const where = decl.where ? lowerCondition(decl.where, scope) : undefined;
  const assignments = decl.items
    .filter((i): i is A.Assignment => i.kind === "assignment")
    .map((a) => lowerAssignment(a, { decl, id, model, checkable, scope, dependsOn }))
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
    ...lowerCustomProperties(decl, source, id, ctx),
    dependsOn: [...dependsOn],
    compatibility: compatibilityOf(decl, ctx),
    line: decl.range.start.line,
  };
  checkMap(decl, mapping, ctx, { checkable });
  return mapping;
}

/** The cardinality written after the model, `1:1` when none is; checkMap reports one it does not know. */
function cardinalityOf(decl: A.MapDecl): Cardinality {
  const written = decl.cardinality?.text ?? "1:1";
  return written === "1:many" || written === "many:1" ? written : "1:1";
}

/** `custom properties prefix "x_…"`: the source must say where the export lists them. */
function lowerCustomProperties(
  decl: A.MapDecl,
  source: A.SourceDecl | undefined,
  id: string,
  ctx: CompileContext,
): Pick<PlanMapping, "customProperties"> {
  const items = decl.items.filter((i): i is A.CustomPropertiesItem => i.kind === "customProperties");
  const [item, repeated] = items;
  if (!item) return {};
  if (repeated) ctx.report("MC2318", repeated.range, { map: id });
  if (!item.prefix.text.startsWith("x_"))
    ctx.report("MC2114", item.prefix.range, { field: item.prefix.text }, 'write a prefix such as "x_smartdesk_"');
  if (source && !source.properties) {
    ctx.report(
      "MC2317",
      item.range,
      { map: id, object: source.name.text },
      `add \`custom properties from hubspot "properties.json" object "…"\` (or \`from dataverse …\`) to source \`${source.name.text}\``,
    );
  }
  return { customProperties: { prefix: item.prefix.text, line: item.range.start.line } };
}

function resolveUnknownSource(name: A.Name, ctx: CompileContext): void {
  const hint =
    didYouMean(name.text, ctx.symbols.sources.keys()) ?? `declare it: \`source ${name.text} from csv "<file>" { … }\``;
  ctx.report("MC2017", name.range, { name: name.text }, hint);
}

function checkGuardModule(module: A.Name, ctx: CompileContext): void {
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
  if (target.into)
    ctx.report("MC2316", name.range, {
      name: name.text,
      problem: "that map adds to another itself; name the map that makes the records",
    });
  else if (target.model.text !== decl.model.text)
    ctx.report("MC2316", name.range, {
      name: name.text,
      problem: `it makes ${target.model.text} records, not ${decl.model.text}`,
    });
  else if (target === decl)
    ctx.report("MC2316", name.range, { name: name.text, problem: "a map cannot add to itself" });
  return { mapping: name.text, input: key.input, steps: key.steps };
}

function lowerDedupe(decl: A.MapDecl, scope: ExpressionScope): PlanMapping["dedupe"] {
  const item = decl.items.find((i): i is A.DedupeItem => i.kind === "dedupe");
  if (!item) return undefined;
  const lowered = lowerExpression(item.by, scope);
  const keep = item.keep?.text === "last" ? "last" : "first";
  if (item.keep && item.keep.text !== "first" && item.keep.text !== "last") {
    scope.ctx.report("MC2202", item.keep.range, { name: "dedupe", problem: "keeps `first` or `last`" });
  }
  return { input: lowered.input, steps: lowered.steps, keep };
}

interface MapScope {
  decl: A.MapDecl;
  id: string;
  model: string;
  checkable: boolean;
  scope: ExpressionScope;
  dependsOn: Set<string>;
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
  const field = m.checkable ? checkWritableField(m.model, target, ctx) : undefined;
  if (a.deferred && a.required)
    ctx.report(
      "MC2313",
      a.range,
      { field: target.text },
      "drop `required`, or drop `deferred` and let the load order follow the reference",
    );
  let value: PlanValue;
  let selfReference = false;
  const references = new Set<string>();
  if (a.value.kind === "constant") {
    value = { kind: "constant", value: ctx.literal(a.value.literal) };
    if (field) {
      checkValueFits(m.model, field, literalType(a.value.literal, ctx), a.value.range, ctx, "constant");
      checkSelectionValue(m.model, field, a.value.literal, ctx);
      checkXmlid(a.value.literal, ctx);
    }
  } else {
    const lowered = lowerExpression(a.value, m.scope);
    for (const ref of lowered.references) {
      references.add(ref);
      if (ref === m.id) selfReference = true;
      // A deferred field's references wait for its second pass instead of ordering the load.
      else if (!a.deferred) m.dependsOn.add(ref);
    }
    value = { kind: "expression", input: lowered.input, steps: lowered.steps, valueType: lowered.typed.type };
    if (field) {
      checkValueFits(m.model, field, lowered.typed, a.value.range, ctx, lowered.steps.at(-1)?.op ?? "column");
      checkValueMapSelections(a.value, m.model, field, ctx);
    }
  }
  if (!a.deferred)
    return { fields: [target.text], fieldTypes: [field?.type ?? "unknown"], value, ...base, deferred: selfReference };
  return {
    fields: [target.text],
    fieldTypes: [field?.type ?? "unknown"],
    value,
    ...base,
    deferred: true,
    after: [...references].filter((ref) => ref !== m.id),
  };
}

function checkXmlid(literal: A.Literal, ctx: CompileContext): void {
  if (literal.kind !== "xmlid") return;
  if (!isKnownXmlid(literal.value, ctx))
    ctx.report(
      "MC2113",
      literal.range,
      { xmlid: literal.value, version: ctx.version },
      "fine if the customer's database has it; otherwise create it first",
    );
}

/** Values a value map produces for a selection field must be valid keys of that selection. */
function checkValueMapSelections(expr: A.Expression, model: string, field: CatalogField, ctx: CompileContext): void {
  if (field.type !== "selection") return;
  const last = expr.steps.at(-1);
  if (last?.kind !== "map") return;
  const valueMap = ctx.symbols.valueMaps.get(last.target.text);
  for (const entry of valueMap?.entries ?? []) checkSelectionValue(model, field, entry.to, ctx);
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
  if (a.deferred) ctx.report("MC2314", a.range, {}, "drop `deferred`: the maps a link points to load before it");
  const [modelField, idField] = a.targets as [A.Name, A.Name];
  let modelAs: "name" | "ir.model" = "name";
  const types: string[] = ["unknown", "unknown"];
  if (m.checkable) {
    const modelInfo = checkWritableField(m.model, modelField, ctx);
    const idInfo = checkWritableField(m.model, idField, ctx);
    if (modelInfo) {
      types[0] = modelInfo.type;
      if (modelInfo.type === "many2one" && modelInfo.relation === "ir.model") modelAs = "ir.model";
      else if (modelInfo.type !== "char" && modelInfo.type !== "selection" && modelInfo.type !== "reference")
        ctx.report("MC2308", modelField.range, { model: m.model, part: "model", field: modelField.text });
    }
    if (idInfo) {
      types[1] = idInfo.type;
      if (idInfo.type !== "many2one_reference" && idInfo.type !== "integer")
        ctx.report("MC2308", idField.range, { model: m.model, part: "record id", field: idField.text });
    }
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

/** Required fields must be set on every record: by an assignment with no `when`, or by Odoo's own default. */

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
