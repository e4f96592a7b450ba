// stage: source export → staging store. Every source row ends as exactly one of staged, rejected (with a
// reason) or skipped (by a declared rule); then references are resolved in load order, and a record whose
// reference fails takes its row from staged to rejected. The counts balance per object by construction.
import type { TransformPlan } from "../../plan/types.js";
import type { TransformContext } from "../execute/index.js";
import type { PreparedRow } from "./prepare.js";
import { preparedBatches } from "./prepared-rows.js";
import { mergeContributions } from "./contributions.js";
import { ReferenceFailure, ReferenceResolver, ReferenceSkipped } from "./resolve.js";
import type { StagingStore } from "./store.js";

export {
  StagingStore,
  type JournalEntry,
  type QueueEntry,
  type QueueKind,
  type QueueRow,
  type RejectRow,
  type RowOutcome,
  type StagedRecordRow,
} from "./store.js";
export { ReferenceResolver } from "./resolve.js";

export interface StageProgress {
  /** `source` is an object while rows are read, then `resolve <map>` while its references are resolved */
  (event: { source: string; rows: number; total?: number; done: boolean }): void;
}

export interface StageOptions {
  context?: TransformContext;
  /** rows per transaction */
  batchSize?: number;
  progress?: StageProgress;
}

export interface SourceStageCounts {
  source: string;
  /** rows the reader delivered: counted as they arrive, not derived from the outcomes */
  rows: number;
  staged: number;
  rejected: number;
  skipped: number;
  ms: number;
}

export interface StageResult {
  sources: SourceStageCounts[];
  /** records per mapping, after merges, with the rows merged into others */
  mappings: Array<{ mapping: string; model: string; records: number; merged: number; placeholders: number }>;
  pendingOdooLookups: Record<string, number>;
  queued: number;
  placeholders: number;
  resolveMs: number;
}

export async function stageExport(
  plan: TransformPlan,
  exportDir: string,
  store: StagingStore,
  options: StageOptions = {},
): Promise<StageResult> {
  const timings = new Map<string, number>();
  const read = new Map<string, number>(plan.sources.map((source) => [source.name, 0]));
  const keep = keepRules(plan);
  const pendingOdooLookups = new Map<string, Set<string>>();
  let started = performance.now();
  for await (const batch of preparedBatches(plan, exportDir, options.context ?? {}, options.batchSize ?? 2000)) {
    if (batch.kind === "end") {
      timings.set(batch.source, performance.now() - started);
      started = performance.now();
      options.progress?.({ source: batch.source, rows: read.get(batch.source) ?? 0, done: true });
      continue;
    }
    writePreparedRows(store, batch.source, batch.rows, keep);
    noteOdooKeys(pendingOdooLookups, batch.odooKeys);
    read.set(batch.source, (read.get(batch.source) ?? 0) + batch.rows.length);
    options.progress?.({ source: batch.source, rows: read.get(batch.source) ?? 0, done: false });
  }
  const resolveStarted = performance.now();
  const resolver = new ReferenceResolver(plan, store, exportDir, pendingOdooLookups);
  for (const mapping of plan.loadOrder.phases) resolveMapping(plan, mapping, store, resolver, options.progress);
  const resolveMs = performance.now() - resolveStarted;
  store.queueSuspectedDuplicates();
  return {
    sources: plan.sources.map((source) => ({
      ...countRows(store, source.name),
      rows: read.get(source.name) ?? 0,
      ms: Math.round(timings.get(source.name) ?? 0),
    })),
    mappings: countRecords(plan, store),
    pendingOdooLookups: Object.fromEntries(
      [...resolver.stats.pendingOdooLookups].map(([name, keys]) => [name, keys.size]),
    ),
    queued: resolver.stats.queued,
    placeholders: resolver.stats.placeholders,
    resolveMs: Math.round(resolveMs),
  };
}

/** The keys a batch looks up in Odoo, added to those the loader will prefetch. */
function noteOdooKeys(pending: Map<string, Set<string>>, batchKeys: ReadonlyArray<[string, string[]]>): void {
  for (const [lookup, keys] of batchKeys) {
    const known = pending.get(lookup) ?? new Set<string>();
    for (const key of keys) known.add(key);
    pending.set(lookup, known);
  }
}

/** Which record of a dedupe group each mapping keeps. */
export function keepRules(plan: TransformPlan): ReadonlyMap<string, "first" | "last"> {
  return new Map(plan.mappings.map((m) => [m.id, m.dedupe?.keep ?? "first"] as const));
}

/** Writes a batch of prepared rows of one source in one transaction: the whole of staging's SQLite work per row. */
export function writePreparedRows(
  store: StagingStore,
  source: string,
  rows: readonly PreparedRow[],
  keep: ReadonlyMap<string, "first" | "last">,
): void {
  store.transaction(() => {
    for (const row of rows) applyRow(store, source, row, keep);
  });
}

/** Writes one prepared row: its outcome, its records and its source-lookup keys. */
function applyRow(
  store: StagingStore,
  source: string,
  row: PreparedRow,
  keep: ReadonlyMap<string, "first" | "last">,
): void {
  const { sourceKey, location } = row;
  const reject = (reason: string, mapping?: string, field?: string) =>
    store.addReject({
      source,
      sourceKey,
      location,
      ...(mapping ? { mapping } : {}),
      ...(field ? { field } : {}),
      reason,
    });
  // The insert that records the outcome is also what finds an earlier row with the same key.
  const claimed = store.addFirstSourceRow(
    source,
    sourceKey,
    location,
    row.outcome,
    row.outcome === "staged" ? null : row.reason,
    row.rowHash,
  );
  if (!claimed) {
    // The first row with a key wins; a second one is a source error the customer must see, not a merge.
    const also = row.unclaimed === undefined ? "" : `; the row is also unreadable: ${row.unclaimed}`;
    return reject(`duplicate key "${sourceKey}": an earlier row has the same key${also}`);
  }
  if (row.outcome === "skipped") return;
  if (row.outcome === "rejected") return reject(row.reason ?? "rejected", row.mapping, row.field);
  for (const record of row.records) store.stageRecord(record, source, keep.get(record.mapping) ?? "first");
  for (const [lookup, key, value] of row.indexed) store.indexLookupKey(lookup, key, value);
}

function resolveMapping(
  plan: TransformPlan,
  mapping: string,
  store: StagingStore,
  resolver: ReferenceResolver,
  progress?: StageProgress,
): void {
  resolveOwnRecords(plan, mapping, store, resolver, progress);
  // Records whose rows added to them were skipped with the record they named (a Comm_Link row naming a deleted
  // person): if no other row gave the record what it sits on, it is skipped too.
  const skippedWith = new Map<string, string>();
  mergeContributions(plan, mapping, store, resolver, (row, error) => {
    if (error instanceof ReferenceSkipped) skippedWith.set(row.into.key, error.message);
    rejectSourceRows(plan, store, row, [row.sourceKey], error);
  });
  requireAnchors(plan, mapping, store, skippedWith);
}

/**
 * A message, activity or attachment whose link comes only from the maps `into` it (the person or company a
 * Comm_Link row names) must have one once they are merged: without it the record would land on nothing.
 */
function requireAnchors(
  plan: TransformPlan,
  mapping: string,
  store: StagingStore,
  skippedWith: ReadonlyMap<string, string>,
): void {
  const own = new Set(plan.mappings.find((m) => m.id === mapping)?.assignments.flatMap((a) => a.fields) ?? []);
  const anchors = plan.mappings
    .filter((m) => m.into?.mapping === mapping)
    .flatMap((m) => m.assignments.filter((a) => a.value.kind === "link").map((a) => a.fields[1] ?? ""))
    .filter((field) => field !== "" && !own.has(field));
  if (anchors.length === 0) return;
  const field = anchors[0]!;
  for (const page of store.recordPages(mapping)) {
    store.transaction(() => {
      for (const record of page) {
        if (anchors.some((anchor) => record.values[anchor] != null)) continue;
        const skipped = skippedWith.get(record.sourceKey);
        const error = skipped
          ? new ReferenceSkipped(field, skipped)
          : new ReferenceFailure(field, "no row of the maps that add to it names a record for it to sit on");
        rejectStagedRecord(plan, store, record, error);
      }
    });
  }
}

function resolveOwnRecords(
  plan: TransformPlan,
  mapping: string,
  store: StagingStore,
  resolver: ReferenceResolver,
  progress?: StageProgress,
): void {
  // A million records take a while to resolve: the pass reports its progress like the read before it.
  const total = progress ? store.unresolvedCount(mapping) : 0;
  let resolved = 0;
  for (const page of store.unresolvedPages(mapping)) {
    store.transaction(() => {
      for (const record of page) {
        try {
          const resolved = resolver.resolveRecord(record);
          store.setResolved(record.externalId, resolved.values, resolved.deferred);
        } catch (error) {
          if (!(error instanceof ReferenceFailure)) throw error;
          rejectStagedRecord(plan, store, record, error);
        }
      }
    });
    resolved += page.length;
    progress?.({ source: `resolve ${mapping}`, rows: resolved, total, done: false });
  }
  if (total > 0) progress?.({ source: `resolve ${mapping}`, rows: resolved, total, done: true });
}

function rejectStagedRecord(
  plan: TransformPlan,
  store: StagingStore,
  record: { externalId: string; mapping: string; source: string; sourceKey: string },
  error: ReferenceFailure,
): void {
  store.rejectRecord(record.externalId);
  rejectSourceRows(plan, store, record, store.sourceKeysOf(record.externalId), error);
}

/**
 * The source rows behind a record that cannot be staged go from staged to rejected, with the reason; or to
 * skipped, when the record it sits on was skipped by a rule.
 */
function rejectSourceRows(
  plan: TransformPlan,
  store: StagingStore,
  record: { mapping: string; source: string },
  sourceKeys: readonly string[],
  error: ReferenceFailure,
): void {
  const reason = `${error.field}: ${error.message}`;
  const sourceName = plan.mappings.find((m) => m.id === record.mapping)?.source ?? record.source;
  for (const sourceKey of sourceKeys) {
    const row = store.sourceRowLocation(sourceName, sourceKey);
    if (!row) continue;
    if (error instanceof ReferenceSkipped) {
      store.setRowOutcome(sourceName, sourceKey, "skipped", error.message);
      continue;
    }
    store.setRowOutcome(sourceName, sourceKey, "rejected", reason);
    store.addReject({
      source: sourceName,
      sourceKey,
      location: { file: row.file, row: row.row },
      mapping: record.mapping,
      field: error.field,
      reason: error.message,
    });
  }
}

function countRows(store: StagingStore, source: string): Omit<SourceStageCounts, "ms" | "rows"> {
  const counts = { source, staged: 0, rejected: 0, skipped: 0 };
  for (const row of store.sourceOutcomeCounts(source)) counts[row.outcome] = row.n;
  // Rows refused for a duplicate key have no source_rows entry of their own (the key is taken): count them.
  const duplicates = store.duplicateKeyRejects(source);
  counts.rejected += duplicates;
  return counts;
}

function countRecords(plan: TransformPlan, store: StagingStore): StageResult["mappings"] {
  const rows = store.stagedRecordCounts();
  // A map `into` another makes no records: each of its rows is merged into one.
  const contributed = store.contributionCounts();
  const byMapping = new Map([...rows, ...contributed].map((r) => [r.mapping, r]));
  const planned = plan.mappings.map((m) => ({
    records: 0,
    merged: 0,
    placeholders: 0,
    ...byMapping.get(m.id),
    mapping: m.id,
    model: m.model,
  }));
  const placeholders = rows.filter((r) => r.mapping.startsWith("placeholder:"));
  return [...planned, ...placeholders].map((r) => ({ ...r, merged: r.merged ?? 0, placeholders: r.placeholders ?? 0 }));
}
