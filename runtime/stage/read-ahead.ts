// The source lookups a condition reads (`where "activity_type_id" | lookup TypeFlag in ("call", "meeting")`):
// a condition is decided while its row is read, before any lookup is resolved, so these lookups are answered
// from their source read in full first. They look in small objects (types, stages, users), kept in memory.
import type { PlanSource, TransformPlan } from "../../plan/types.js";
import { readSource } from "../extract/index.js";
import { isSkipped } from "../execute/index.js";
import { lookupIndexers } from "./prepare.js";

export async function readAheadLookups(
  plan: TransformPlan,
  exportDir: string,
): Promise<Map<string, Map<string, string>>> {
  const names = lookupsInConditions(plan);
  const tables = new Map<string, Map<string, string>>([...names].map((name) => [name, new Map<string, string>()]));
  const sources = new Set(plan.lookups.filter((l) => names.has(l.name)).map((l) => l.target));
  for (const source of readOrder(plan, sources)) await readInto(plan, source, exportDir, tables);
  return tables;
}

/**
 * The sources to read ahead, each after those its skip rules look in (a communication is skipped when its
 * link rows name no record): its rows are only then known to be skipped or kept.
 */
function readOrder(plan: TransformPlan, names: ReadonlySet<string>): PlanSource[] {
  const targetOf = new Map(plan.lookups.map((l) => [l.name, l.target]));
  const waitsFor = (source: PlanSource) =>
    [...lookupsIn(source.skips)]
      .map((lookup) => targetOf.get(lookup))
      .filter((t) => t && names.has(t) && t !== source.name);
  const left = plan.sources.filter((s) => names.has(s.name));
  const order: PlanSource[] = [];
  while (left.length > 0) {
    const read = new Set(order.map((s) => s.name));
    const next = left.findIndex((s) => waitsFor(s).every((t) => read.has(t!)));
    // a cycle is read in plan order: its rows' skip rules then see only what was read before
    order.push(...left.splice(next === -1 ? 0 : next, 1));
  }
  return order;
}

async function readInto(
  plan: TransformPlan,
  source: PlanSource,
  exportDir: string,
  tables: Map<string, Map<string, string>>,
): Promise<void> {
  const indexers = lookupIndexers(plan, source);
  for await (const record of readSource(source, exportDir)) {
    // as when the source is staged, a row a skip rule leaves out (a deleted one) is not found
    if (record.problem || isSkipped(plan, source.name, record.row, { lookupTables: tables })) continue;
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
  return lookupsIn([plan.sources, plan.mappings]);
}

function lookupsIn(node: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const through = (node as { through?: unknown }).through;
    if (Array.isArray(through)) for (const name of through) if (typeof name === "string") names.add(name);
    Object.values(node).forEach(visit);
  };
  visit(node);
  return names;
}
