// The types the compiler follows a value through: of a literal, of a record known by external id.
import type * as A from "../grammar/ast.js";
import { recordXmlid, type CompileContext } from "./context.js";
import type { ValueType } from "../plan/types.js";

/** A value's type as far as the compiler can follow it; `model` is set for records. */
export interface Typed {
  type: ValueType;
  element?: ValueType;
  model?: string;
}

export function literalType(literal: A.LiteralValue, ctx: CompileContext): Typed {
  switch (literal.kind) {
    case "string":
      return { type: "text" };
    case "number":
      return { type: Number.isInteger(literal.value) && !literal.text.includes(".") ? "integer" : "decimal" };
    case "boolean":
      return { type: "boolean" };
    case "null":
      return { type: "any" };
    case "xmlid": {
      const model = xmlidModel(literal.value, ctx);
      return model ? { type: "record", model } : { type: "record" };
    }
    case "record": {
      const model = ctx.symbols.records.get(literal.value)?.model.text;
      return model ? { type: "record", model } : { type: "record" };
    }
  }
}

/**
 * Records every Odoo database has although the catalog's reference data does not list them: the admin
 * user and partner, the main company, and one `ir.model` record per model (`crm.model_crm_lead`).
 */
const alwaysPresentXmlids = new Map([
  ["base.user_admin", "res.users"],
  ["base.user_root", "res.users"],
  ["base.public_user", "res.users"],
  ["base.partner_admin", "res.partner"],
  ["base.partner_root", "res.partner"],
  ["base.main_partner", "res.partner"],
  ["base.main_company", "res.company"],
]);

/** The model of a record known by external id, or undefined when the target may not have it. */
export function xmlidModel(xmlid: string, ctx: CompileContext): string | undefined {
  const declared = [...ctx.symbols.records.values()].find((r) => recordXmlid(ctx.module, r.name.text) === xmlid);
  if (declared) return declared.model.text;
  const found = ctx.catalog?.findXmlid(xmlid)?.model ?? alwaysPresentXmlids.get(xmlid);
  if (found) return found;
  const model = /^[a-z0-9_]+\.model_([a-z0-9_]+)$/.exec(xmlid)?.[1];
  const isModel =
    model !== undefined && [...(ctx.catalog?.models.keys() ?? [])].some((name) => name.replace(/\./g, "_") === model);
  return isModel ? "ir.model" : undefined;
}

export function describeType(typed: Typed): string {
  if (typed.type === "list")
    return `list of ${typed.element === "record" && typed.model ? `${typed.model} records` : (typed.element ?? "values")}`;
  if (typed.type === "record") return typed.model ? `${typed.model} record` : "record";
  return typed.type;
}
