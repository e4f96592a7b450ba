// Coverage per source object: each declared column is read somewhere, dropped with a reason, or unmapped
// (checks/coverage.ts reports those, and a column a map both reads and drops).
import type { CompileContext } from "../context.js";
import type { PlanCoverage, PlanMapping, PlanSource } from "../../plan/types.js";

export function computeCoverage(
  sources: readonly PlanSource[],
  mappings: readonly PlanMapping[],
  ctx: CompileContext,
): PlanCoverage[] {
  return sources.map((source) => {
    const used = ctx.usedColumns.get(source.name) ?? new Set<string>();
    for (const key of source.key) used.add(key);
    const maps = mappings.filter((m) => m.source === source.name);
    const dropped = new Set([
      ...source.drops.map((d) => d.column),
      ...maps.flatMap((m) => m.drops.map((d) => d.column)),
    ]);
    const mapped = source.columns.filter((c) => used.has(c.name)).map((c) => c.name);
    const droppedList = source.columns.filter((c) => !used.has(c.name) && dropped.has(c.name)).map((c) => c.name);
    const unmapped = source.columns.filter((c) => !used.has(c.name) && !dropped.has(c.name)).map((c) => c.name);
    const total = source.columns.length;
    const percent = total === 0 ? 100 : Math.round(((mapped.length + droppedList.length) / total) * 1000) / 10;
    return { source: source.name, columns: total, mapped, dropped: droppedList, unmapped, percent };
  });
}
