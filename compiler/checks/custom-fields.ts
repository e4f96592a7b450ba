// Checks of `custom field` and `custom model` declarations: `x_` names, a type Odoo lets a database add,
// a relation for relational fields, options for a selection, and no clash with a field Odoo already has.
import type * as A from "../../grammar/ast.js";
import { CUSTOM_FIELD_TYPES, type OdooFieldType, type PlanCustomField } from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import { didYouMean } from "../hints.js";

export function checkCustomField(signature: A.FieldSignature, field: PlanCustomField, ctx: CompileContext): void {
  const { name, model, onCustomModel } = field;
  if (!name.startsWith("x_") && name !== "")
    ctx.report("MC2114", signature.name.range, { field: name }, `call it \`x_${name}\``);
  if (!onCustomModel && ctx.catalog?.field(model, name)) {
    ctx.report(
      "MC2115",
      signature.name.range,
      { model, field: name, version: ctx.version },
      "map the existing field instead, or pick another name",
    );
  }
  const type = signature.type.text as OdooFieldType;
  if (!CUSTOM_FIELD_TYPES.includes(type) && signature.type.text !== "") {
    ctx.report(
      "MC2116",
      signature.type.range,
      { type: signature.type.text },
      didYouMean(signature.type.text, CUSTOM_FIELD_TYPES) ?? `use one of ${CUSTOM_FIELD_TYPES.join(", ")}`,
    );
  }
  if ((type === "many2one" || type === "many2many") && !signature.relation)
    ctx.report("MC2117", signature.type.range, { type });
  if (type === "selection" && signature.options.length === 0) ctx.report("MC2120", signature.type.range);
}

export function checkCustomModel(
  decl: A.CustomModelDecl,
  fields: readonly PlanCustomField[],
  ctx: CompileContext,
): void {
  const name = decl.name.text;
  if (!name.startsWith("x_") && name !== "")
    ctx.report("MC2122", decl.name.range, { model: name }, `call it \`x_${name.replace(/\./g, "_")}\``);
  decl.fields.forEach((signature, index) => checkCustomField(signature, fields[index]!, ctx));
}
