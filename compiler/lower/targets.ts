// Declarations of what the target gets beyond the maps: custom fields and models, and named records.
// Their checks (an `x_` name, a known type, required fields, values that fit) run in compiler/checks/.
import type * as A from "../../grammar/ast.js";
import { recordXmlid, type CompileContext } from "../context.js";
import { literalString } from "../literals.js";
import {
  CUSTOM_FIELD_TYPES,
  type OdooFieldType,
  type PlanCustomField,
  type PlanCustomModel,
  type PlanLiteral,
  type PlanRecord,
} from "../../plan/types.js";
import { resolveModel, resolveWritableField } from "../resolve/catalog.js";

export function lowerCustomField(
  model: A.Name,
  signature: A.FieldSignature,
  ctx: CompileContext,
  onCustomModel: boolean,
): PlanCustomField {
  if (!onCustomModel && model.text !== "") resolveModel(model, ctx);
  const type = signature.type.text as OdooFieldType;
  const relational = type === "many2one" || type === "many2many";
  if (relational && signature.relation) resolveModel(signature.relation, ctx);
  return {
    model: model.text,
    name: signature.name.text,
    type: CUSTOM_FIELD_TYPES.includes(type) ? type : "char",
    label: signature.label.text,
    ...(signature.relation ? { relation: signature.relation.text } : {}),
    required: signature.required,
    ...(signature.options.length > 0
      ? { selection: signature.options.map((o) => [literalString(o.from), literalString(o.to)] as [string, string]) }
      : {}),
    onCustomModel,
    line: signature.range.start.line,
  };
}

export function lowerCustomModel(
  decl: A.CustomModelDecl,
  ctx: CompileContext,
): { model: PlanCustomModel; fields: PlanCustomField[] } {
  const fields = decl.fields.map((f) => lowerCustomField(decl.name, f, ctx, true));
  return {
    model: {
      model: decl.name.text,
      label: decl.label.text,
      fields: fields.map((f) => f.name),
      line: decl.range.start.line,
    },
    fields,
  };
}

/** `record crm.tag as TicketTag { name = "Ticket" }`: constants only, one field each, no `when`. */
export function lowerRecord(decl: A.RecordDecl, ctx: CompileContext): PlanRecord {
  const model = decl.model.text;
  const checkable = resolveModel(decl.model, ctx);
  const values: Record<string, PlanLiteral> = {};
  for (const assignment of decl.assignments) {
    if (assignment.value.kind !== "constant" || assignment.targets.length !== 1 || assignment.when) {
      ctx.report("MC2124", assignment.range);
      continue;
    }
    const target = assignment.targets[0]!;
    if (checkable) resolveWritableField(model, target, ctx);
    values[target.text] = ctx.literal(assignment.value.literal);
  }
  return {
    name: decl.name.text,
    model,
    xmlid: recordXmlid(ctx.module, decl.name.text),
    values,
    line: decl.range.start.line,
  };
}
