// Names resolved against the target Odoo: a model, a field a map may write, a standard record's external id.
// What cannot be resolved is reported here, as a linker reports an unknown name; lowering then goes on
// without it, and the checks (compiler/checks/) judge what was resolved.
import type * as A from "../../grammar/ast.js";
import type { CatalogField } from "../catalog/index.js";
import type { CompileContext } from "../context.js";
import { didYouMean } from "../hints.js";
import { xmlidModel } from "../value-types.js";

/**
 * True when the model's fields can be checked. A model that Odoo Community lacks is an error unless the
 * map is guarded by the module that brings it (`requires helpdesk`): then it is used only where installed.
 */
export function resolveModel(model: A.Name, ctx: CompileContext, requiredModule?: string): boolean {
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
export function resolveWritableField(model: string, field: A.Name, ctx: CompileContext): CatalogField | undefined {
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

export function isKnownXmlid(xmlid: string, ctx: CompileContext): boolean {
  return !ctx.catalog || xmlidModel(xmlid, ctx) !== undefined;
}

/**
 * The field a map writes, when it resolved to one that can be written (resolveWritableField reported it
 * otherwise): what the checks judge a value against. Undefined also when the model cannot be checked.
 */
export function writtenField(model: string, name: string, ctx: CompileContext): CatalogField | undefined {
  if (!ctx.catalog || !ctx.hasModel(model)) return undefined;
  const info = ctx.field(model, name);
  return info && info.type !== "one2many" && info.write !== "ignored" ? info : undefined;
}
