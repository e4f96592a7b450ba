// Every declared column is accounted for: read by a map, or dropped with a reason. A column that a map reads
// and drops at once is a contradiction (alternative or split maps of one source may differ).
import type { PlanCoverage, PlanMapping, PlanSource } from "../../plan/types.js";
import type { CompileContext } from "../context.js";

export function checkCoverage(
  source: PlanSource,
  coverage: PlanCoverage,
  mappings: readonly PlanMapping[],
  ctx: CompileContext,
): void {
  const decl = ctx.symbols.sources.get(source.name);
  const rangeOf = (column: string) => decl?.columns.find((c) => c.column.text === column)?.column.range;
  const readAndDropped = droppedWhereRead(source, mappings, ctx);
  for (const column of coverage.mapped) {
    const range = rangeOf(column);
    if (range && readAndDropped.has(column)) ctx.report("MC2020", range, { column, object: source.name });
  }
  for (const column of coverage.unmapped) {
    const range = rangeOf(column);
    if (range)
      ctx.report(
        "MC2019",
        range,
        { column, object: source.name },
        `map it, or \`drop "${column}" because "…"\` in a map of \`${source.name}\``,
      );
  }
}

function droppedWhereRead(source: PlanSource, mappings: readonly PlanMapping[], ctx: CompileContext): Set<string> {
  const used = ctx.usedColumns.get(source.name) ?? new Set<string>();
  const maps = mappings.filter((m) => m.source === source.name);
  return new Set([
    ...maps.flatMap((m) =>
      m.drops.filter((d) => ctx.columnsReadByMap.has(`${m.id}\0${d.column}`)).map((d) => d.column),
    ),
    ...source.drops.filter((d) => used.has(d.column)).map((d) => d.column),
  ]);
}
