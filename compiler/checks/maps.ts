// Checks of a whole map, run once it is lowered: they read the plan for what the map does and the
// declaration for where to point. Lowering (compiler/lower/maps.ts) builds the plan and reports only the
// names it cannot resolve; everything else that is wrong with a map is found here.
import type * as A from "../../grammar/ast.js";
import { transformSignatures, type TransformSignature } from "../../plan/transforms.js";
import type { PlanMapping } from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import type { LoweredMap } from "../lower/maps.js";
import { checkModelRules } from "../model-rules/index.js";
import { writtenField } from "../resolve/catalog.js";
import { literalType } from "../value-types.js";
import { checkSelectionValue, checkValueFits, checkValueMapSelections, checkXmlid } from "./values.js";

export function checkMap(decl: A.MapDecl, lowered: LoweredMap, ctx: CompileContext): void {
  const { mapping } = lowered;
  const checkable = ctx.catalog !== undefined && ctx.hasModel(mapping.model);
  // A map `into` another adds fields to records that map made: their required fields are that map's.
  if (checkable && !mapping.into) {
    checkRequiredFields(decl, mapping, ctx);
    checkDuplicateFields(decl, mapping, ctx);
    checkModelRules(decl, mapping.assignments, ctx);
  }
  for (const item of decl.items) {
    if (item.kind === "assignment") checkAssignment(item, lowered, ctx);
    if (item.kind === "dedupe") checkDedupe(item, ctx);
  }
  checkInto(decl, ctx);
  checkCustomProperties(decl, mapping, ctx);
  checkCardinality(decl, mapping, ctx);
  checkLossy(decl, mapping, ctx);
}

function checkAssignment(a: A.Assignment, { mapping, valueFacts }: LoweredMap, ctx: CompileContext): void {
  const { model } = mapping;
  if (a.value.kind === "link") {
    if (a.deferred) ctx.report("MC2314", a.range, {}, "drop `deferred`: the maps a link points to load before it");
    checkLinkFields(a, model, ctx);
    return;
  }
  if (a.deferred && a.required)
    ctx.report(
      "MC2313",
      a.range,
      { field: a.targets[0]?.text ?? "" },
      "drop `required`, or drop `deferred` and let the load order follow the reference",
    );
  if (a.value.kind !== "constant") checkStepsAfterReference(a.value, ctx);
  const target = a.targets[0];
  const field = a.targets.length === 1 && target ? writtenField(model, target.text, ctx) : undefined;
  if (!field) return;
  if (a.value.kind === "constant") {
    checkValueFits(model, field, literalType(a.value.literal, ctx), a.value.range, ctx, "constant");
    checkSelectionValue(model, field, a.value.literal, ctx);
    checkXmlid(a.value.literal, ctx);
    return;
  }
  if (a.adds && field.type !== "many2many")
    ctx.report(
      "MC2319",
      target!.range,
      { field: field.name, model, type: field.type },
      "write `<-`: with several assignments of one field, the last one that applies wins",
    );
  const fact = valueFacts.get(a);
  if (fact) checkValueFits(model, field, fact.typed, a.value.range, ctx, fact.via);
  checkValueMapSelections(a.value, model, field, ctx);
}

/**
 * A `lookup` or `ref` yields a reference that is resolved after every row is staged, so only another lookup or
 * ref, or a step that picks from a list, can follow it: a text transform or a value map would see no text.
 */
function checkStepsAfterReference(expression: A.Expression, ctx: CompileContext): void {
  let after: A.Step | undefined;
  for (const step of expression.steps) {
    if (step.kind === "ref" || step.kind === "lookup") {
      after = step;
      continue;
    }
    if (!after || (step.kind === "transform" && picksFromList(step.name.text))) continue;
    const name = (s: A.Step) => (s.kind === "transform" ? s.name.text : `${s.kind} ${s.target.text}`);
    ctx.report(
      "MC2212",
      step.range,
      { step: name(step), after: name(after) },
      "normalise the value before the lookup, and the other side in the lookup's `by` chain",
    );
    return;
  }
}

function picksFromList(transform: string): boolean {
  const signature = (transformSignatures as Readonly<Record<string, TransformSignature>>)[transform];
  return signature !== undefined && signature.input.includes("list");
}

/** `model, res_id <- link …`: a field that takes a model's name (or `ir.model` id), and one a record id. */
function checkLinkFields(a: A.Assignment, model: string, ctx: CompileContext): void {
  if (a.targets.length !== 2) return;
  const [modelField, idField] = a.targets as [A.Name, A.Name];
  const modelInfo = writtenField(model, modelField.text, ctx);
  const idInfo = writtenField(model, idField.text, ctx);
  const namesModel = modelInfo?.type === "char" || modelInfo?.type === "selection" || modelInfo?.type === "reference";
  if (modelInfo && !namesModel && !(modelInfo.type === "many2one" && modelInfo.relation === "ir.model"))
    ctx.report("MC2308", modelField.range, { model, part: "model", field: modelField.text });
  if (idInfo && idInfo.type !== "many2one_reference" && idInfo.type !== "integer")
    ctx.report("MC2308", idField.range, { model, part: "record id", field: idField.text });
}

function checkDedupe(item: A.DedupeItem, ctx: CompileContext): void {
  if (item.keep && item.keep.text !== "first" && item.keep.text !== "last")
    ctx.report("MC2202", item.keep.range, { name: "dedupe", problem: "keeps `first` or `last`" });
}

/** `into Email by …` names a map that makes records of the same model itself. */
function checkInto(decl: A.MapDecl, ctx: CompileContext): void {
  const name = decl.into?.map;
  const target = name && ctx.symbols.maps.get(name.text);
  if (!name || !target) return;
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
}

/** `custom properties prefix "x_…"`: once per map, an `x_` prefix, and a source that says where they are listed. */
function checkCustomProperties(decl: A.MapDecl, mapping: PlanMapping, ctx: CompileContext): void {
  const items = decl.items.filter((i): i is A.CustomPropertiesItem => i.kind === "customProperties");
  const [item, repeated] = items;
  if (!item) return;
  if (repeated) ctx.report("MC2318", repeated.range, { map: mapping.id });
  if (!item.prefix.text.startsWith("x_"))
    ctx.report("MC2114", item.prefix.range, { field: item.prefix.text }, 'write a prefix such as "x_smartdesk_"');
  const source = ctx.symbols.sources.get(decl.source.text);
  if (source && !source.properties) {
    ctx.report(
      "MC2317",
      item.range,
      { map: mapping.id, object: source.name.text },
      `add \`custom properties from hubspot "properties.json" object "…"\` (or \`from dataverse …\`) to source \`${source.name.text}\``,
    );
  }
}

function checkRequiredFields(decl: A.MapDecl, mapping: PlanMapping, ctx: CompileContext): void {
  const { model, id, assignments } = mapping;
  const always = new Set(assignments.filter((a) => !a.when).flatMap((a) => a.fields));
  const added = fieldsAddedInto(id, ctx);
  for (const field of ctx.requiredFields(model)) {
    // A field a map `into` this one writes (the record a Comm_Link row names) is Odoo's to require at load.
    if (always.has(field.name) || added.has(field.name)) continue;
    const conditional = assignments.some((a) => a.fields.includes(field.name));
    const hint = conditional
      ? "every assignment of it has a `when`: add one without, or a constant default"
      : `add \`${field.name} <- "<column>"\` or \`${field.name} = <value>\``;
    ctx.report("MC2108", decl.model.range, { model, field: field.name, map: id }, hint);
  }
}

/** The fields that maps `into` this one write on its records. */
function fieldsAddedInto(id: string, ctx: CompileContext): Set<string> {
  const fields = new Set<string>();
  for (const other of ctx.symbols.maps.values()) {
    if (other.into?.map.text !== id) continue;
    for (const item of other.items)
      if (item.kind === "assignment") for (const target of item.targets) fields.add(target.text);
  }
  return fields;
}

function checkDuplicateFields(decl: A.MapDecl, mapping: PlanMapping, ctx: CompileContext): void {
  const unconditional = new Map<string, A.Name>();
  for (const item of decl.items) {
    // `+=` adds to what the field holds, so it never competes with another assignment.
    if (item.kind !== "assignment" || item.when || item.adds) continue;
    for (const target of item.targets) {
      if (unconditional.has(target.text)) ctx.report("MC2111", target.range, { field: target.text, map: mapping.id });
      else unconditional.set(target.text, target);
    }
  }
}

function checkCardinality(decl: A.MapDecl, mapping: PlanMapping, ctx: CompileContext): void {
  const written = decl.cardinality?.text ?? "1:1";
  if (!["1:1", "1:many", "many:1"].includes(written)) {
    ctx.report("MC2309", decl.cardinality!.range, { cardinality: written });
    return;
  }
  const { cardinality, id } = mapping;
  const fansOut = Boolean(mapping.each);
  const dedupes = Boolean(mapping.dedupe);
  const range = decl.cardinality?.range ?? decl.source.range;
  if (cardinality === "many:1" && !dedupes) ctx.report("MC2301", range, { map: id }, 'add `dedupe by "<column>"`');
  // A fan-out may dedupe too: one tag record per distinct value across all rows (`each … | split ","`).
  if (dedupes && cardinality !== "many:1" && !(cardinality === "1:many" && fansOut))
    ctx.report("MC2302", range, { map: id }, "write `many:1` after the model");
  if (fansOut && cardinality !== "1:many") ctx.report("MC2305", range, { map: id }, "write `1:many` after the model");
  if (cardinality === "1:many" && !fansOut) {
    const siblings = (ctx.symbols.mapsBySource.get(decl.source.text) ?? []).filter((m) => m !== decl && !m.guard);
    if (siblings.length === 0)
      ctx.report(
        "MC2304",
        range,
        { map: id },
        'fan out with `each "<column>" | split ";"`, or split the rows over several maps with `where`',
      );
  }
}

function checkLossy(decl: A.MapDecl, mapping: PlanMapping, ctx: CompileContext): void {
  const { id } = mapping;
  const named = mapping.drops.length + mapping.losses.length;
  if (decl.lossy && named === 0) ctx.report("MC2303", decl.lossy.range, { map: id });
  const losses = decl.items.some((i) => i.kind === "lost");
  if (!decl.lossy && losses)
    ctx.report("MC2310", decl.source.range, { map: id }, "write `lossy` after the cardinality");
}
