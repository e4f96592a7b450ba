// run: the main job. Extracts the export, transforms and stages every row, resolves references, and
// writes the run directory: staging.sqlite, summary.json, rejects.csv, queue.csv and a report in Markdown
// and HTML. Without an Odoo connection this is the whole run: a dry run on the embedded store.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TransformPlan } from "../../compiler/plan/types.js";
import { checkSourceHeader, SourceReadError, type SourceProblem } from "../extract/index.js";
import { stageExport, StagingStore, type StageProgress } from "../stage/index.js";
import { renderRunReport } from "./report.js";
import { summarizeStage, type RunSummary } from "./summary.js";
import { writeQueueCsv, writeRejectsCsv } from "./tables.js";

export { SUMMARY_VERSION, type ObjectSummary, type PhaseCounts, type RunSummary } from "./summary.js";
export { SourceReadError, type SourceProblem } from "../extract/index.js";

export interface RunOptions {
  exportDir: string;
  runDir: string;
  progress?: StageProgress;
  /** for tests and reproducible reports */
  now?: () => Date;
}

export const STAGING_FILE = "staging.sqlite";

/**
 * Reads every source's files and headers before any row is staged: a missing file or column stops the run
 * with every such problem listed at once, not with the first one halfway through.
 */
export async function checkExport(plan: TransformPlan, exportDir: string): Promise<SourceProblem[]> {
  const problems: SourceProblem[] = [];
  for (const source of plan.sources) problems.push(...(await checkSourceHeader(source, exportDir)));
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new SourceReadError(errors);
  return problems;
}

export async function runDryRun(plan: TransformPlan, options: RunOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const warnings = await checkExport(plan, options.exportDir);
  mkdirSync(options.runDir, { recursive: true });
  // A dry run stages from scratch: its store describes exactly this export.
  for (const suffix of ["", "-wal", "-shm"]) rmSync(join(options.runDir, `${STAGING_FILE}${suffix}`), { force: true });
  const store = StagingStore.open(join(options.runDir, STAGING_FILE));
  try {
    store.setMeta("planHash", plan.spec.contentHash);
    store.setMeta("exportDir", options.exportDir);
    const stage = await stageExport(plan, options.exportDir, store, { ...(options.progress ? { progress: options.progress } : {}) });
    const queue = Object.fromEntries(store.all<{ kind: string; n: number }>("SELECT kind, COUNT(*) AS n FROM queue GROUP BY kind").map((r) => [r.kind, r.n]));
    const summary = summarizeStage(plan, stage, queue, { exportDir: options.exportDir, startedAt, finishedAt: now(), warnings });
    writeFileSync(join(options.runDir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
    writeRejectsCsv(store, join(options.runDir, "rejects.csv"));
    writeQueueCsv(store, join(options.runDir, "queue.csv"));
    const report = renderRunReport(summary, store);
    writeFileSync(join(options.runDir, "report.md"), report.markdown);
    writeFileSync(join(options.runDir, "report.html"), report.html);
    return summary;
  } finally {
    store.close();
  }
}
