// Coverage per source object: every declared column is read somewhere, dropped with a reason, or reported.
import type { CompileContext } from "./context.js";
import type { PlanCoverage, PlanMapping, PlanSource } from "../plan/types.js";

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
    // Dropping a column that the same map reads is a contradiction; alternative or split maps may differ.
    const droppedWhereRead = new Set([
      ...maps.flatMap((m) =>
        m.drops.filter((d) => ctx.columnsReadByMap.has(`${m.id}\0${d.column}`)).map((d) => d.column),
      ),
      ...source.drops.filter((d) => used.has(d.column)).map((d) => d.column),
    ]);
    const decl = ctx.symbols.sources.get(source.name);
    const mapped: string[] = [];
    const droppedList: string[] = [];
    const unmapped: string[] = [];
    for (const column of source.columns) {
      const range = decl?.columns.find((c) => c.column.text === column.name)?.column.range;
      if (used.has(column.name)) {
        mapped.push(column.name);
        if (droppedWhereRead.has(column.name) && range)
          ctx.report("MC2020", range, { column: column.name, object: source.name });
      } else if (dropped.has(column.name)) {
        droppedList.push(column.name);
      } else {
        unmapped.push(column.name);
        if (range)
          ctx.report(
            "MC2019",
            range,
            { column: column.name, object: source.name },
            `map it, or \`drop "${column.name}" because "…"\` in a map of \`${source.name}\``,
          );
      }
    }
    const total = source.columns.length;
    const percent = total === 0 ? 100 : Math.round(((mapped.length + droppedList.length) / total) * 1000) / 10;
    return { source: source.name, columns: total, mapped, dropped: droppedList, unmapped, percent };
  });
}
