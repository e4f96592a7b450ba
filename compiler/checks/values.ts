// Does a value fit the field it is written to: its type, a selection's keys, a standard record that exists.
// Run on every assignment of a map and every value of a `record`, once they are lowered.
import type * as A from "../../grammar/ast.js";
import type { CatalogField } from "../catalog/index.js";
import type { CompileContext } from "../context.js";
import { didYouMean } from "../hints.js";
import { literalString } from "../literals.js";
import { isKnownXmlid } from "../resolve/catalog.js";
import { describeType, type Typed } from "../value-types.js";

/** Which value types each Odoo field type takes without a conversion the spec should spell out. */
const accepts: Partial<Record<string, readonly Typed["type"][]>> = {
  char: ["text", "integer", "decimal", "date", "datetime"],
  text: ["text", "html", "integer", "decimal", "date", "datetime"],
  html: ["text", "html"],
  selection: ["text", "integer"],
  integer: ["integer"],
  float: ["integer", "decimal"],
  monetary: ["integer", "decimal"],
  boolean: ["boolean"],
  date: ["date"],
  datetime: ["datetime"],
  binary: ["binary"],
  many2one: ["record"],
  many2many: ["record"],
  many2one_reference: ["integer"],
};

const conversionHints: Partial<Record<string, string>> = {
  integer: "convert it with `| int`",
  float: "convert it with `| decimal` or `| money`",
  monetary: "convert it with `| money`",
  boolean: "convert it with `| bool`",
  date: 'parse it with `| date "<format>"`',
  datetime: 'parse it with `| datetime "<format>" tz: "<zone>"`',
  binary: "read it with `| file` or `| base64`",
  html: "turn HTML into text with `| text`, or text into HTML with `| html`",
};

/** Reports a value that does not fit the field; `via` says what produced it, for the message. */
export function checkValueFits(
  model: string,
  field: CatalogField,
  typed: Typed,
  range: A.SourceRange,
  ctx: CompileContext,
  via: string,
): void {
  const allowed = accepts[field.type];
  if (!allowed || typed.type === "any") return;
  const relational = field.type === "many2one" || field.type === "many2many";
  const isList = typed.type === "list";
  const effective = isList ? (typed.element ?? "any") : typed.type;
  if (effective === "any") return;
  if (relational) {
    if (effective !== "record") {
      ctx.report("MC2109", range, { model, field: field.name, fieldType: field.type, relation: field.relation ?? "?" });
      return;
    }
    if (isList && field.type === "many2one") {
      ctx.report(
        "MC2106",
        range,
        { model, field: field.name, fieldType: field.type, valueType: describeType(typed) },
        "pick one with `| first`",
      );
      return;
    }
    if (typed.model && field.relation && typed.model !== field.relation) {
      ctx.report("MC2110", range, { model, field: field.name, relation: field.relation, via, given: typed.model });
    }
    return;
  }
  if (isList || !allowed.includes(effective)) {
    const hint = isList ? 'pick one with `| first`, or join them with `| join ", "`' : conversionHints[field.type];
    ctx.report(
      "MC2106",
      range,
      { model, field: field.name, fieldType: field.type, valueType: describeType(typed) },
      hint,
    );
  }
}

/** A constant or value-map output bound for a selection field must be one of its keys. */
export function checkSelectionValue(model: string, field: CatalogField, literal: A.Literal, ctx: CompileContext): void {
  if (field.type !== "selection" || !field.selection || literal.kind === "null") return;
  const value = literalString(literal);
  const keys = field.selection.map(([key]) => key);
  if (keys.includes(value)) return;
  const byLabel = field.selection.find(([, label]) => label.toLowerCase() === value.toLowerCase());
  const hint = byLabel
    ? `\`${byLabel[1]}\` is the label; the value is ${JSON.stringify(byLabel[0])}`
    : didYouMean(value, keys, '"');
  ctx.report(
    "MC2107",
    literal.range,
    { value: JSON.stringify(value), model, field: field.name, allowed: keys.map((k) => JSON.stringify(k)).join(", ") },
    hint,
  );
}

/** A standard record named by external id should exist in the version's catalog. */
export function checkXmlid(literal: A.Literal, ctx: CompileContext): void {
  if (literal.kind !== "xmlid" || isKnownXmlid(literal.value, ctx)) return;
  ctx.report(
    "MC2113",
    literal.range,
    { xmlid: literal.value, version: ctx.version },
    "fine if the customer's database has it; otherwise create it first",
  );
}

/** Values a value map produces for a selection field must be valid keys of that selection. */
export function checkValueMapSelections(
  expr: A.Expression,
  model: string,
  field: CatalogField,
  ctx: CompileContext,
): void {
  if (field.type !== "selection") return;
  const last = expr.steps.at(-1);
  if (last?.kind !== "map") return;
  const valueMap = ctx.symbols.valueMaps.get(last.target.text);
  for (const entry of valueMap?.entries ?? []) checkSelectionValue(model, field, entry.to, ctx);
}
