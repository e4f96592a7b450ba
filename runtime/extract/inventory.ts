// The items a documentation row lists (`document … { from Workflow  show "name", … }`), read from the export
// for the customer's workflow inventory: one line per item, each shown column as readable text.
import type { TransformPlan } from "../../plan/types.js";
import { readSource } from "./read.js";

export interface InventoryItems {
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
    const listed: InventoryItems = { items: [], more: 0 };
    for await (const record of readSource(source, exportDir)) {
      if (listed.items.length < limit) listed.items.push(row.show.map((column) => readableCell(record.row[column])));
      else listed.more += 1;
    }
    inventory[row.name] = listed;
  }
  return inventory;
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
