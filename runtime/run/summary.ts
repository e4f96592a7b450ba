// summary.json: the machine-readable truth of a run. Every object has one entry per phase with the same
// seven counts, so a script can check `source = staged + rejected + skipped` without knowing the phase.
import type { TransformPlan } from "../../plan/types.js";
import type { SourceProblem } from "../extract/index.js";
import type { OdooConnection, PhaseCounts as LoadPhaseCounts } from "../load/index.js";
import type { StageResult } from "../stage/index.js";
import type { ExportSurvey } from "../survey/index.js";

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
  mode: "dry-run" | "load";
  /** where the run loaded (never the password) */
  odoo?: OdooConnection;
  /** one entry per load phase (a map, or the placeholders of a lookup), in load order */
  loadPhases?: LoadPhaseCounts[];
  /** with --delta: source rows against the previous run in this folder */
  delta?: { new: number; changed: number; unchanged: number; gone: Array<{ source: string; key: string }> };
  spec: { file: string; contentHash: string; title: string };
  exportDir: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  objects: ObjectSummary[];
  mappings: MappingSummary[];
  queue: Record<string, number>;
  /** owners no Odoo user matches, with how many records wait for each: mapc never creates users */
  ownersToCreate: Array<{ key: string; records: number }>;
  /** distinct keys per lookup in the live Odoo, resolved when the run loads */
  pendingOdooLookups: Record<string, number>;
  rejects: number;
  /** set when the load stopped before its end: why; the phases listed are those that landed */
  failure?: string;
  /** what the readers found odd but could read: undeclared columns, stray pages… */
  warnings: Array<{ code: string; file: string; message: string }>;
  /** every column of the export, per source: read, dropped, or neither (unaccounted); absent declared ones */
  columns?: Array<{
    source: string;
    files: string[];
    columns: number;
    read: number;
    dropped: string[];
    unaccounted: string[];
    absent: string[];
  }>;
  /** the customer's custom properties the export's metadata listed and this run migrated, with their fields */
  customProperties?: Array<{ source: string; property: string; label: string; column: string; fields: string[] }>;
  balanced: boolean;
}

export function summarizeStage(
  plan: TransformPlan,
  stage: StageResult,
  queue: { counts: Record<string, number>; owners: RunSummary["ownersToCreate"] },
  run: {
    exportDir: string;
    startedAt: Date;
    finishedAt: Date;
    warnings: readonly SourceProblem[];
    delta: RunSummary["delta"] | undefined;
    survey?: ExportSurvey | undefined;
  },
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
    return {
      object: counts.source,
      label,
      phases: [phase],
      balanced: phase.source === phase.staged + phase.rejected + phase.skipped,
    };
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
    queue: queue.counts,
    ownersToCreate: queue.owners,
    pendingOdooLookups: stage.pendingOdooLookups,
    rejects: objects.reduce((n, o) => n + (o.phases[0]?.rejected ?? 0), 0),
    warnings: run.warnings.map((w) => ({ code: w.code, file: w.file, message: w.message })),
    ...(run.delta ? { delta: run.delta } : {}),
    ...(run.survey ? surveySummary(run.survey) : {}),
    balanced: objects.every((o) => o.balanced),
  };
}

function surveySummary(survey: ExportSurvey): Pick<RunSummary, "columns" | "customProperties"> {
  return {
    columns: survey.accounts.map((a) => ({
      source: a.source,
      files: a.files,
      columns: a.columns,
      read: a.read.length,
      dropped: a.dropped,
      unaccounted: a.unaccounted,
      absent: a.absent,
    })),
    customProperties: survey.discovered.map((d) => ({
      source: d.source,
      property: d.property.name,
      label: d.property.label,
      column: d.property.column,
      fields: d.fields,
    })),
  };
}

/**
 * Adds the load phase to every object: its records in (source), and how each ended in Odoo. An object's
 * figures are the sums over its maps; a phase balances when created + updated + unchanged + rejected +
 * skipped = source.
 */
export function addLoadPhases(
  plan: TransformPlan,
  summary: RunSummary,
  phases: readonly LoadPhaseCounts[],
  odoo: OdooConnection,
): RunSummary {
  const objects = summary.objects.map((object) => {
    const mine = phases.filter((p) => plan.mappings.find((m) => m.id === p.phase)?.source === object.object);
    if (mine.length === 0) return object;
    const sum = (key: keyof LoadPhaseCounts) => mine.reduce((n, p) => n + (p[key] as number), 0);
    const load: PhaseCounts = {
      phase: "load",
      source: sum("source"),
      staged: sum("source"),
      created: sum("created"),
      updated: sum("updated"),
      unchanged: sum("unchanged"),
      rejected: sum("rejected"),
      skipped: sum("skipped"),
      ms: sum("ms"),
    };
    const balanced =
      object.balanced && load.source === load.created + load.updated + load.unchanged + load.rejected + load.skipped;
    return { ...object, phases: [...object.phases, load], balanced };
  });
  const loadRejects = phases.reduce((n, p) => n + p.rejected, 0);
  return {
    ...summary,
    mode: "load",
    odoo: { url: odoo.url, db: odoo.db, user: odoo.user },
    loadPhases: [...phases],
    objects,
    rejects: summary.rejects + loadRejects,
    balanced: objects.every((o) => o.balanced),
  };
}
