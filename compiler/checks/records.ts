// Checks of a `record` declaration, like a map's constants: each value fits its field, and every field Odoo
// requires (with no default of its own) is given.
import type * as A from "../../grammar/ast.js";
import type { PlanRecord } from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import { literalType } from "../value-types.js";
import { checkSelectionValue, checkValueFits } from "./values.js";

export function checkRecord(decl: A.RecordDecl, record: PlanRecord, ctx: CompileContext): void {
  const { model } = record;
  if (!ctx.hasModel(model)) return;
  for (const assignment of decl.assignments) {
    const target = assignment.targets[0];
    const field = target && ctx.field(model, target.text);
    if (assignment.value.kind !== "constant" || !field) continue;
    checkValueFits(model, field, literalType(assignment.value.literal, ctx), assignment.value.range, ctx, "constant");
    checkSelectionValue(model, field, assignment.value.literal, ctx);
  }
  for (const { name } of ctx.requiredFields(model)) {
    if (!(name in record.values))
      ctx.report("MC2108", decl.model.range, { model, field: name, map: record.name }, `add \`${name} = <value>\``);
  }
}
