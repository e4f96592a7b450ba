// summary.json: the machine-readable truth of a run. Every object has one entry per phase with the same
// seven counts, so a script can check `source = staged + rejected + skipped` without knowing the phase.
import type { TransformPlan } from "../../compiler/plan/types.js";
import type { SourceProblem } from "../extract/index.js";
import type { StageResult } from "../stage/index.js";

export const SUMMARY_VERSION = 1;

export interface PhaseCounts {
  phase: "stage" | "load";
  source: number;
  staged: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  ms: number;
}

export interface ObjectSummary {
  object: string;
  label: string;
  phases: PhaseCounts[];
  /** source = staged + rejected + skipped, in every phase */
  balanced: boolean;
}

export interface MappingSummary {
  mapping: string;
  source: string;
  model: string;
  /** target records staged (after merges) */
  records: number;
  /** source rows merged into another record (many:1) */
  merged: number;
  placeholders: number;
}

export interface RunSummary {
  summaryVersion: typeof SUMMARY_VERSION;
  mode: "dry-run";
  spec: { file: string; contentHash: string; title: string };
  exportDir: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  objects: ObjectSummary[];
  mappings: MappingSummary[];
  queue: Record<string, number>;
  /** distinct keys per lookup in the live Odoo, resolved when the run loads */
  pendingOdooLookups: Record<string, number>;
  rejects: number;
  /** what the readers found odd but could read: undeclared columns, stray pages… */
  warnings: Array<{ code: string; file: string; message: string }>;
  balanced: boolean;
}

export function summarizeStage(
  plan: TransformPlan,
  stage: StageResult,
  queue: Record<string, number>,
  run: { exportDir: string; startedAt: Date; finishedAt: Date; warnings: readonly SourceProblem[] },
): RunSummary {
  const objects = stage.sources.map((counts): ObjectSummary => {
    const phase: PhaseCounts = {
      phase: "stage",
      source: counts.rows,
      staged: counts.staged,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: counts.rejected,
      skipped: counts.skipped,
      ms: counts.ms,
    };
    const label = plan.sources.find((s) => s.name === counts.source)?.label ?? counts.source;
    return { object: counts.source, label, phases: [phase], balanced: phase.source === phase.staged + phase.rejected + phase.skipped };
  });
  const mappings = stage.mappings.map((m) => ({
    mapping: m.mapping,
    source: plan.mappings.find((p) => p.id === m.mapping)?.source ?? "(placeholder)",
    model: m.model,
    records: m.records,
    merged: m.merged,
    placeholders: m.placeholders,
  }));
  return {
    summaryVersion: SUMMARY_VERSION,
    mode: "dry-run",
    spec: { file: plan.spec.file, contentHash: plan.spec.contentHash, title: plan.spec.title },
    exportDir: run.exportDir,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    durationMs: run.finishedAt.getTime() - run.startedAt.getTime(),
    objects,
    mappings,
    queue,
    pendingOdooLookups: stage.pendingOdooLookups,
    rejects: objects.reduce((n, o) => n + (o.phases[0]?.rejected ?? 0), 0),
    warnings: run.warnings.map((w) => ({ code: w.code, file: w.file, message: w.message })),
    balanced: objects.every((o) => o.balanced),
  };
}
