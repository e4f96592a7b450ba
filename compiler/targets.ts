// Checks against the target Odoo: models, fields, what can really be written, and whether a value fits.
import type * as A from "../grammar/ast.js";
import type { CatalogField } from "./catalog/index.js";
import { recordXmlid, type CompileContext } from "./context.js";
import { literalString } from "./literals.js";
import { describeType, literalType, xmlidModel, type Typed } from "./value-types.js";
import type { OdooFieldType, PlanCustomField, PlanCustomModel, PlanLiteral, PlanRecord } from "../plan/types.js";
import { didYouMean } from "./hints.js";

/**
 * True when the model's fields can be checked. A model that Odoo Community lacks is an error unless the
 * map is guarded by the module that brings it (`requires helpdesk`): then it is used only where installed.
 */
export function checkModelExists(model: A.Name, ctx: CompileContext, requiredModule?: string): boolean {
  const name = model.text;
  if (name === "" || !ctx.catalog) return false;
  if (ctx.hasModel(name)) return true;
  const missing = ctx.catalog.knownMissing.get(name);
  if (missing) {
    if (requiredModule && missing.module === requiredModule) return false;
    const fallbacks = missing.fallbacks.map((f) => `\`${f.model}\` (${f.how})`).join("; ");
    const guard = missing.module
      ? ` Or keep it for databases that have it: \`map … -> ${name} requires ${missing.module}\` plus a fallback map \`unless ${missing.module}\`.`
      : "";
    ctx.report(
      "MC2102",
      model.range,
      { model: name, version: ctx.version, reason: missing.reason },
      `use ${fallbacks}.${guard}`,
    );
    return false;
  }
  const candidates = [...ctx.catalog.models.keys(), ...ctx.symbols.customModels.keys()];
  const hint = name.startsWith("x_")
    ? `declare it: \`custom model ${name} "<label>" { … }\``
    : didYouMean(name, candidates);
  ctx.report("MC2101", model.range, { model: name, version: ctx.version }, hint);
  return false;
}

/** The field if a map may write it; reports why not otherwise. */
export function checkWritableField(model: string, field: A.Name, ctx: CompileContext): CatalogField | undefined {
  const name = field.text;
  if (name === "") return undefined;
  const info = ctx.field(model, name);
  if (!info) {
    reportUnknownField(model, field, ctx);
    return undefined;
  }
  if (ctx.symbols.customFields.has(`${model}.${name}`) || ctx.customModel(model))
    ctx.usedCustomFields.add(`${model}.${name}`);
  if (info.type === "one2many") {
    ctx.report("MC2112", field.range, {
      model,
      field: name,
      relation: info.relation ?? "?",
      inverse: info.relationField ?? "?",
    });
    return undefined;
  }
  if (info.write === "ignored") {
    const hint = info.related
      ? `it mirrors \`${info.related}\`: set that instead`
      : "Odoo computes it from other fields: set those, or drop the column with a reason";
    ctx.report("MC2104", field.range, { model, field: name }, hint);
    return undefined;
  }
  // A required field must be written whatever Odoo computes for it later, so warning about it helps nobody.
  if (info.write === "volatile" && !info.required)
    ctx.report(
      "MC2105",
      field.range,
      { model, field: name },
      "fine for a one-off load; say in a note which fields it follows",
    );
  return info;
}

function reportUnknownField(model: string, field: A.Name, ctx: CompileContext): void {
  const name = field.text;
  const args = { model, field: name, version: ctx.version };
  if (name.startsWith("x_")) {
    ctx.report("MC2119", field.range, { model, field: name });
    return;
  }
  const renamed = ctx.catalog?.renamedFields.find((r) => r.model === model && r.field === name);
  if (renamed) {
    const hint = renamed.replacement
      ? `did you mean \`${renamed.replacement}\`? (\`${name}\` ${renamed.note || `was renamed in Odoo ${renamed.since}`})`
      : renamed.note;
    ctx.report("MC2103", field.range, args, hint);
    return;
  }
  ctx.report("MC2103", field.range, args, didYouMean(name, ctx.fieldNames(model)));
}

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

export function isKnownXmlid(xmlid: string, ctx: CompileContext): boolean {
  return !ctx.catalog || xmlidModel(xmlid, ctx) !== undefined;
}

const customFieldTypes: readonly OdooFieldType[] = [
  "char",
  "text",
  "html",
  "integer",
  "float",
  "monetary",
  "boolean",
  "date",
  "datetime",
  "selection",
  "many2one",
  "many2many",
  "binary",
];

export function lowerCustomField(
  model: A.Name,
  signature: A.FieldSignature,
  ctx: CompileContext,
  onCustomModel: boolean,
): PlanCustomField {
  const name = signature.name.text;
  if (!name.startsWith("x_") && name !== "")
    ctx.report("MC2114", signature.name.range, { field: name }, `call it \`x_${name}\``);
  if (!onCustomModel && ctx.catalog?.field(model.text, name)) {
    ctx.report(
      "MC2115",
      signature.name.range,
      { model: model.text, field: name, version: ctx.version },
      "map the existing field instead, or pick another name",
    );
  }
  if (!onCustomModel && model.text !== "") checkModelExists(model, ctx);
  const type = signature.type.text as OdooFieldType;
  if (!customFieldTypes.includes(type) && signature.type.text !== "") {
    ctx.report(
      "MC2116",
      signature.type.range,
      { type: signature.type.text },
      didYouMean(signature.type.text, customFieldTypes) ?? `use one of ${customFieldTypes.join(", ")}`,
    );
  }
  const relational = type === "many2one" || type === "many2many";
  if (relational && !signature.relation) ctx.report("MC2117", signature.type.range, { type });
  if (relational && signature.relation) checkModelExists(signature.relation, ctx);
  if (type === "selection" && signature.options.length === 0) ctx.report("MC2120", signature.type.range);
  return {
    model: model.text,
    name,
    type: customFieldTypes.includes(type) ? type : "char",
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
  const name = decl.name.text;
  if (!name.startsWith("x_") && name !== "")
    ctx.report("MC2122", decl.name.range, { model: name }, `call it \`x_${name.replace(/\./g, "_")}\``);
  const fields = decl.fields.map((f) => lowerCustomField(decl.name, f, ctx, true));
  return {
    model: { model: name, label: decl.label.text, fields: fields.map((f) => f.name), line: decl.range.start.line },
    fields,
  };
}

/** `record crm.tag as TicketTag { name = "Ticket" }`: checked like a map's constants, required fields included. */
export function lowerRecord(decl: A.RecordDecl, ctx: CompileContext): PlanRecord {
  const model = decl.model.text;
  const checkable = checkModelExists(decl.model, ctx);
  const values: Record<string, PlanLiteral> = {};
  for (const assignment of decl.assignments) {
    if (assignment.value.kind !== "constant" || assignment.targets.length !== 1 || assignment.when) {
      ctx.report("MC2124", assignment.range);
      continue;
    }
    const target = assignment.targets[0]!;
    const field = checkable ? checkWritableField(model, target, ctx) : undefined;
    if (field) {
      checkValueFits(model, field, literalType(assignment.value.literal, ctx), assignment.value.range, ctx, "constant");
      checkSelectionValue(model, field, assignment.value.literal, ctx);
    }
    values[target.text] = ctx.literal(assignment.value.literal);
  }
  if (checkable) {
    for (const name of ctx.fieldNames(model)) {
      const field = ctx.field(model, name)!;
      if (
        field.required &&
        !field.serverDefault &&
        field.type !== "one2many" &&
        field.type !== "many2many" &&
        !(name in values)
      ) {
        ctx.report(
          "MC2108",
          decl.model.range,
          { model, field: name, map: decl.name.text },
          `add \`${name} = <value>\``,
        );
      }
    }
  }
  return {
    name: decl.name.text,
    model,
    xmlid: recordXmlid(ctx.module, decl.name.text),
    values,
    line: decl.range.start.line,
  };
}
