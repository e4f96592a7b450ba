// Checks of the spec as a whole: one `order`, every named lookup, value map and custom field used, and every
// `record X` literal naming a declared record.
import type * as A from "../../grammar/ast.js";
import type { CompileContext } from "../context.js";
import { didYouMean } from "../hints.js";

export function checkWholeSpec(spec: A.Spec, ctx: CompileContext): void {
  const orders = spec.declarations.filter((d) => d.kind === "order");
  for (const extra of orders.slice(1)) ctx.report("MC2002", extra.range, { kind: "Load order", name: "order" });
  reportUnused(spec, ctx);
  checkRecordLiterals(spec, ctx);
}

function reportUnused(spec: A.Spec, ctx: CompileContext): void {
  for (const d of spec.declarations) {
    if (d.kind === "lookup" && !ctx.usedNames.has(`lookup:${d.name.text}`))
      ctx.report("MC2210", d.name.range, { name: d.name.text });
    if (d.kind === "values" && !ctx.usedNames.has(`values:${d.name.text}`))
      ctx.report("MC2210", d.name.range, { name: d.name.text });
    if (d.kind === "customField" && !ctx.usedCustomFields.has(`${d.model.text}.${d.field.name.text}`)) {
      ctx.report("MC2118", d.field.name.range, { model: d.model.text, field: d.field.name.text });
    }
  }
}

/** Every `record X` literal, wherever it stands, must name a declared record. */
function checkRecordLiterals(spec: A.Spec, ctx: CompileContext): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const value = node as { kind?: unknown; value?: unknown; range?: A.SourceRange };
    if (value.kind === "record" && typeof value.value === "string" && value.range) {
      if (!ctx.symbols.records.has(value.value))
        ctx.report("MC2123", value.range, { name: value.value }, didYouMean(value.value, ctx.symbols.records.keys()));
      return;
    }
    Object.values(node).forEach(visit);
  };
  visit(spec.declarations);
}
