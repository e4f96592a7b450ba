// Checks of a whole map, run once it is lowered: they read the plan for what the map does and the
// declaration for where to point. Lowering (compiler/maps.ts) builds the plan and reports only what stops
// it from building; everything else that is wrong with a map is found here.
import type * as A from "../../grammar/ast.js";
import type { PlanMapping } from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import { checkModelRules } from "../model-rules/index.js";

/** What lowering knew of the map that the plan does not say. */
export interface MapFacts {
  /** the target model is known to the catalog, so its fields can be checked */
  checkable: boolean;
}

export function checkMap(decl: A.MapDecl, mapping: PlanMapping, ctx: CompileContext, facts: MapFacts): void {
  // A map `into` another adds fields to records that map made: their required fields are that map's.
  if (facts.checkable && !mapping.into) {
    checkRequiredFields(decl, mapping, ctx);
    checkDuplicateFields(decl, mapping, ctx);
    checkModelRules(decl, mapping.assignments, ctx);
  }
  checkCardinality(decl, mapping, ctx);
  checkLossy(decl, mapping, ctx);
}

function checkRequiredFields(decl: A.MapDecl, mapping: PlanMapping, ctx: CompileContext): void {
  const { model, id, assignments } = mapping;
  const always = new Set(assignments.filter((a) => !a.when).flatMap((a) => a.fields));
  const requiredFields = ctx
    .fieldNames(model)
    .map((name) => ctx.field(model, name)!)
    .filter((f) => f.required && !f.serverDefault && f.type !== "one2many" && f.type !== "many2many");
  for (const field of requiredFields) {
    if (always.has(field.name)) continue;
    const conditional = assignments.some((a) => a.fields.includes(field.name));
    const hint = conditional
      ? "every assignment of it has a `when`: add one without, or a constant default"
      : `add \`${field.name} <- "<column>"\` or \`${field.name} = <value>\``;
    ctx.report("MC2108", decl.model.range, { model, field: field.name, map: id }, hint);
  }
}

function checkDuplicateFields(decl: A.MapDecl, mapping: PlanMapping, ctx: CompileContext): void {
  const unconditional = new Map<string, A.Name>();
  for (const item of decl.items) {
    if (item.kind !== "assignment" || item.when) continue;
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
