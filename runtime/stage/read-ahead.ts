// The source lookups a condition reads (`where "activity_type_id" | lookup TypeFlag in ("call", "meeting")`):
// a condition is decided while its row is read, before any lookup is resolved, so these lookups are answered
// from their source read in full first. They look in small objects (types, stages, users), kept in memory.
import type { PlanSource, TransformPlan } from "../../plan/types.js";
import { readSource } from "../extract/index.js";
import { lookupIndexers } from "./prepare.js";

export async function readAheadLookups(
  plan: TransformPlan,
  exportDir: string,
): Promise<Map<string, Map<string, string>>> {
  const names = lookupsInConditions(plan);
  const tables = new Map<string, Map<string, string>>([...names].map((name) => [name, new Map<string, string>()]));
  const sources = new Set(plan.lookups.filter((l) => names.has(l.name)).map((l) => l.target));
  for (const source of plan.sources.filter((s) => sources.has(s.name))) await readInto(plan, source, exportDir, tables);
  return tables;
}

async function readInto(
  plan: TransformPlan,
  source: PlanSource,
  exportDir: string,
  tables: Map<string, Map<string, string>>,
): Promise<void> {
  const indexers = lookupIndexers(plan, source);
  for await (const record of readSource(source, exportDir)) {
    for (const indexer of indexers) {
      const entry = indexer(record.row, "");
      const table = entry && tables.get(entry[0]);
      // the first row with a key wins, as for a lookup resolved later
      if (entry && table && !table.has(entry[1])) table.set(entry[1], entry[2]);
    }
  }
}

/** The lookups named by `… | lookup X` in a condition anywhere in the plan. */
function lookupsInConditions(plan: TransformPlan): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const through = (node as { through?: unknown }).through;
    if (Array.isArray(through)) for (const name of through) if (typeof name === "string") names.add(name);
    Object.values(node).forEach(visit);
  };
  visit([plan.sources, plan.mappings]);
  return names;
}
