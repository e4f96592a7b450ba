// The items a documentation row lists (`document … { from Workflow  show "name", … }`), read from the export
// for the customer's workflow inventory: one line per item, each shown column as readable text.
import type { PlanDocumentRow, PlanLiteral, PlanValueMap, TransformPlan } from "../../plan/types.js";
import { readSource } from "./read.js";

export interface InventoryItems {
  /** the headers: the shown columns, then one per recommendation */
  columns: string[];
  items: string[][];
  /** items beyond `limit`, counted but not listed */
  more: number;
}

export async function readInventory(
  plan: TransformPlan,
  exportDir: string,
  limit = 500,
): Promise<Record<string, InventoryItems>> {
  const inventory: Record<string, InventoryItems> = {};
  for (const row of plan.documentation) {
    const source = plan.sources.find((s) => s.name === row.from);
    if (!source) continue;
    const recommendations = (row.recommend ?? []).map((r) => ({
      ...r,
      valueMap: plan.valueMaps.find((v) => v.name === r.valueMap),
    }));
    const listed: InventoryItems = { columns: inventoryColumns(row), items: [], more: 0 };
    for await (const record of readSource(source, exportDir)) {
      if (listed.items.length >= limit) {
        listed.more += 1;
        continue;
      }
      const shown = row.show.map((column) => readableCell(record.row[column]));
      const recommended = recommendations.map((r) => recommendation(r.valueMap, readableCell(record.row[r.column])));
      listed.items.push([...shown, ...recommended]);
    }
    inventory[row.name] = listed;
  }
  return inventory;
}

function inventoryColumns(row: PlanDocumentRow): string[] {
  return [...row.show, ...(row.recommend ?? []).map((r) => `Odoo equivalent (by ${r.column})`)];
}

/**
 * What the value map gives for a cell: an entry written as the cell is, else one that differs only in case
 * and spacing, else the map's `else`.
 */
function recommendation(valueMap: PlanValueMap | undefined, cell: string): string {
  if (!valueMap) return "";
  const loose = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
  const entry =
    valueMap.entries.find((e) => literalText(e.from) === cell) ??
    valueMap.entries.find((e) => loose(literalText(e.from)) === loose(cell));
  if (entry) return literalText(entry.to);
  const otherwise = valueMap.otherwise;
  if (otherwise.kind === "value") return literalText(otherwise.value);
  if (otherwise.kind === "keep") return cell;
  return otherwise.kind === "empty" ? "" : `(not in ${valueMap.name})`;
}

function literalText(literal: PlanLiteral): string {
  if (literal === null) return "";
  return typeof literal === "object" ? literal.xmlid : String(literal);
}

/**
 * A cell as a person reads it: a list becomes one line per element, an object `key: value, …`
 * (a workflow's trigger, each of its actions).
 */
function readableCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(readableCell).join("\n");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== null && inner !== undefined && inner !== "")
      .map(([key, inner]) => `${key}: ${typeof inner === "object" ? JSON.stringify(inner) : String(inner)}`)
      .join(", ");
  }
  return String(value);
}
