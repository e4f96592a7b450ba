// Documentation-only rows: workflows, reports, scripts… that do not migrate as data but must be listed,
// each with the Odoo feature that replaces it.
import type * as A from "../../grammar/ast.js";
import type { CompileContext } from "../context.js";
import { literalString } from "../literals.js";
import type { PlanDocumentRow } from "../../plan/types.js";
import { didYouMean } from "../hints.js";

const kinds: readonly PlanDocumentRow["kind"][] = ["workflow", "report", "script", "portal", "security", "other"];
const settings = ["kind", "odoo", "from", "show", "recommend", "note"];

export function lowerDocument(decl: A.DocumentDecl, ctx: CompileContext): PlanDocumentRow {
  const row: PlanDocumentRow = {
    name: decl.name.text,
    label: decl.label?.text ?? decl.name.text,
    kind: "other",
    odoo: "",
    show: [],
    notes: [],
    line: decl.range.start.line,
  };
  for (const setting of decl.settings) {
    const values = setting.values.map((v) => (v.kind === "name" ? v.text : literalString(v)));
    switch (setting.key.text) {
      case "kind": {
        const kind = values[0] as PlanDocumentRow["kind"];
        if (kinds.includes(kind)) row.kind = kind;
        else
          ctx.report("MC2501", setting.values[0]?.range ?? setting.range, {
            kind: values[0] ?? "",
            allowed: kinds.join(", "),
          });
        break;
      }
      case "odoo":
        row.odoo = values.join(", ");
        break;
      case "from":
        checkDocumentSource(setting, ctx);
        row.from = values[0] ?? "";
        break;
      case "show":
        row.show.push(...values);
        break;
      case "note":
        row.notes.push(...values);
        break;
      case "recommend": {
        const recommendation = lowerRecommendation(setting, ctx);
        if (recommendation) row.recommend = [...(row.recommend ?? []), recommendation];
        break;
      }
      default:
        ctx.report(
          "MC2502",
          setting.key.range,
          { setting: setting.key.text, allowed: settings.join(", ") },
          didYouMean(setting.key.text, settings),
        );
    }
  }
  if (row.odoo === "") ctx.report("MC2503", decl.name.range, { name: row.name });
  return row;
}

/**
 * `recommend "Event", TriggerAutomation`: each item of the inventory gets, beside its columns, what the value
 * map gives for its `Event`: the Odoo automation that replaces it.
 */
function lowerRecommendation(
  setting: A.Setting,
  ctx: CompileContext,
): { column: string; valueMap: string } | undefined {
  const [column, valueMap] = setting.values;
  if (!column || column.kind === "name" || !valueMap || valueMap.kind !== "name" || setting.values.length !== 2) {
    ctx.report("MC2505", setting.range);
    return undefined;
  }
  if (!ctx.symbols.valueMaps.has(valueMap.text)) {
    ctx.report(
      "MC2204",
      valueMap.range,
      { name: valueMap.text },
      didYouMean(valueMap.text, ctx.symbols.valueMaps.keys()),
    );
    return undefined;
  }
  ctx.usedNames.add(`values:${valueMap.text}`);
  return { column: literalString(column), valueMap: valueMap.text };
}

function checkDocumentSource(setting: A.Setting, ctx: CompileContext): void {
  const value = setting.values[0];
  if (!value || value.kind !== "name") return;
  const source = ctx.symbols.sources.get(value.text);
  if (!source) {
    ctx.report("MC2017", value.range, { name: value.text }, didYouMean(value.text, ctx.symbols.sources.keys()));
    return;
  }
  // A source listed only for the inventory is read in full: its columns count as used.
  for (const column of source.columns) ctx.markColumnUsed(source.name.text, column.column.text);
}
