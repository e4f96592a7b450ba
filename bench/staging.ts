// Child process: stages one export (CSV → transform → SQLite staging store) and reports the time per source
// and its own peak RSS.   node dist/bench/staging.js PLAN.json EXPORT_DIR RUN_DIR
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import type { TransformPlan } from "../plan/types.js";
import { openStaging } from "../runtime/run/folder.js";
import { stageExport, type SourceStageCounts } from "../runtime/stage/index.js";
import { isEntryPoint, peakRssMb, runAsChild } from "./child.js";

/** The objects whose staging is measured (the "CSV to staged"), and the owners their lookup reads. */
export const MEASURED_SOURCES = ["Company", "Contact"] as const;
const STAGED_SOURCES: readonly string[] = ["Owner", ...MEASURED_SOURCES];

export interface SourceThroughput extends SourceStageCounts {
  rowsPerSecond: number;
}

export interface StagingMeasurement {
  sources: SourceThroughput[];
  /** Company and Contact together: their rows over their staging time */
  csvToStaged: { rows: number; ms: number; rowsPerSecond: number };
  /** references resolved once every source is staged; not part of "CSV to staged" */
  resolveMs: number;
  /** stageExport from start to end: every source, resolution and the duplicate check */
  wallMs: number;
  peakRssMb: number;
}

/**
 * The spec's plan cut down to the staged objects: the bench export holds only their files. Lookups into
 * objects left out simply find nothing, which staging handles as it would any miss.
 */
export function stagingPlan(plan: TransformPlan): TransformPlan {
  const mappings = plan.mappings.filter((mapping) => STAGED_SOURCES.includes(mapping.source));
  const kept = new Set(mappings.map((mapping) => mapping.id));
  return {
    ...plan,
    sources: plan.sources.filter((source) => STAGED_SOURCES.includes(source.name)),
    mappings,
    loadOrder: { ...plan.loadOrder, phases: plan.loadOrder.phases.filter((phase) => kept.has(phase)) },
  };
}

async function main([planFile, exportDir, runDir]: string[]): Promise<StagingMeasurement> {
  if (!planFile || !exportDir || !runDir) throw new Error("usage: staging.js PLAN.json EXPORT_DIR RUN_DIR");
  const plan = JSON.parse(readFileSync(planFile, "utf8")) as TransformPlan;
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const store = openStaging(runDir);
  const started = performance.now();
  let result;
  try {
    result = await stageExport(plan, exportDir, store);
  } finally {
    store.close();
  }
  const wallMs = performance.now() - started;
  const sources = result.sources.map((s) => ({ ...s, rowsPerSecond: perSecond(s.rows, s.ms) }));
  const measured = sources.filter((s) => (MEASURED_SOURCES as readonly string[]).includes(s.source));
  const rows = measured.reduce((n, s) => n + s.rows, 0);
  const ms = measured.reduce((n, s) => n + s.ms, 0);
  return {
    sources,
    csvToStaged: { rows, ms, rowsPerSecond: perSecond(rows, ms) },
    resolveMs: result.resolveMs,
    wallMs: Math.round(wallMs),
    peakRssMb: peakRssMb(),
  };
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 1000) / ms) : 0;
}

if (isEntryPoint(import.meta.url)) runAsChild(main);
