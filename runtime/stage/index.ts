// stage: source export → staging store. Every source row ends as exactly one of staged, rejected (with a
// reason) or skipped (by a declared rule); then references are resolved in load order, and a record whose
// reference fails takes its row from staged to rejected. The counts balance per object by construction.
import { hash } from "node:crypto";
import type { PlanSource, TransformPlan } from "../../compiler/plan/types.js";
import { evaluateChain, transformRecord, type TargetRecord, type TransformContext } from "../execute/index.js";
import { readSourceBatches, type SourceRecord } from "../extract/index.js";
import { isEmptyValue, textOf } from "../transforms/index.js";
import { ReferenceFailure, ReferenceResolver } from "./resolve.js";
import type { StagingStore } from "./store.js";

export { StagingStore, type QueueEntry, type RowOutcome, type StagedRecordRow } from "./store.js";
export { ReferenceResolver } from "./resolve.js";

export interface StageProgress {
  (event: { source: string; rows: number; done: boolean }): void;
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

export async function stageExport(plan: TransformPlan, exportDir: string, store: StagingStore, options: StageOptions = {}): Promise<StageResult> {
  const context = options.context ?? {};
  const timings = new Map<string, number>();
  const read = new Map<string, number>();
  for (const source of plan.sources) {
    const started = performance.now();
    read.set(source.name, await stageSource(plan, source, exportDir, store, context, options));
    timings.set(source.name, performance.now() - started);
  }
  const resolveStarted = performance.now();
  const resolver = new ReferenceResolver(plan, store, exportDir);
  for (const mapping of plan.loadOrder.phases) resolveMapping(plan, mapping, store, resolver);
  const resolveMs = performance.now() - resolveStarted;
  queueSuspectedDuplicates(store);
  return {
    sources: plan.sources.map((source) => ({
      ...countRows(store, source.name),
      rows: read.get(source.name) ?? 0,
      ms: Math.round(timings.get(source.name) ?? 0),
    })),
    mappings: countRecords(plan, store),
    pendingOdooLookups: Object.fromEntries([...resolver.stats.pendingOdooLookups].map(([name, keys]) => [name, keys.size])),
    queued: resolver.stats.queued,
    placeholders: resolver.stats.placeholders,
    resolveMs: Math.round(resolveMs),
  };
}

/** Stages one source; returns how many rows its reader delivered. */
async function stageSource(plan: TransformPlan, source: PlanSource, exportDir: string, store: StagingStore, context: TransformContext, options: StageOptions): Promise<number> {
  const batchSize = options.batchSize ?? 2000;
  const indexers = lookupIndexers(plan, source);
  const keep = new Map(plan.mappings.map((m) => [m.id, m.dedupe?.keep ?? "first"] as const));
  let batch: SourceRecord[] = [];
  let rows = 0;
  const flush = () => {
    const current = batch;
    batch = [];
    store.transaction(() => {
      for (const record of current) stageRow(plan, source, record, store, context, indexers, keep);
    });
    rows += current.length;
    options.progress?.({ source: source.name, rows, done: false });
  };
  for await (const records of readSourceBatches(source, exportDir)) {
    for (const record of records) {
      batch.push(record);
      if (batch.length >= batchSize) flush();
    }
  }
  flush();
  options.progress?.({ source: source.name, rows, done: true });
  return rows;
}

/** Source lookups that look in this object: each row adds its key → value (or → its source key). */
function lookupIndexers(plan: TransformPlan, source: PlanSource): Array<{ name: string; index: (row: SourceRecord["row"]) => { key: string; value: string } | undefined }> {
  return plan.lookups
    .filter((lookup) => lookup.against === "source" && lookup.target === source.name && lookup.key.kind === "expression")
    .map((lookup) => {
      const chain = lookup.key as { input: Parameters<typeof evaluateChain>[3]["input"]; steps: Parameters<typeof evaluateChain>[3]["steps"] };
      // One chain object for every row: the executor compiles a chain once per object it is given.
      const take = lookup.take ? { input: { kind: "column" as const, column: lookup.take }, steps: [] } : undefined;
      return {
        name: lookup.name,
        index: (row: SourceRecord["row"]) => {
          const key = evaluateChain(plan, source.name, row, chain);
          if (isEmptyValue(key)) return undefined;
          const value = take ? evaluateChain(plan, source.name, row, take) : undefined;
          return { key: textOf(key), value: value === undefined ? "" : textOf(value) };
        },
      };
    });
}

function rowHash(row: SourceRecord["row"]): string {
  // crypto.hash is the one-shot form of createHash(…).update(…).digest(…): the same digest, no Hash object per row.
  return hash("sha1", JSON.stringify(row), "hex");
}

function stageRow(
  plan: TransformPlan,
  source: PlanSource,
  record: SourceRecord,
  store: StagingStore,
  context: TransformContext,
  indexers: ReturnType<typeof lookupIndexers>,
  keep: ReadonlyMap<string, "first" | "last">,
): void {
  const location = { file: record.location.file, row: record.location.row };
  const key = rawSourceKey(source, record.row);
  const sourceKey = key ?? `(row ${location.file}:${location.row})`;
  const addReject = (reason: string, mapping?: string, field?: string) =>
    store.addReject({ source: source.name, sourceKey, location, ...(mapping ? { mapping } : {}), ...(field ? { field } : {}), reason });
  const reject = (reason: string) => {
    store.addSourceRow(source.name, sourceKey, location, "rejected", reason, null);
    addReject(reason);
  };
  if (record.problem) return reject(record.problem);
  if (key === undefined) return reject(`the key ${source.key.map((k) => `"${k}"`).join(", ")} is empty`);
  // The transform has no side effects, so it runs before the key is claimed: the insert that records the
  // outcome is also what finds an earlier row with the same key, without a lookup of its own per row.
  const outcome = transformRecord(plan, source.name, record.row, context);
  const claimed =
    outcome.status === "rejected"
      ? store.addFirstSourceRow(source.name, sourceKey, location, "rejected", outcome.reason, null)
      : store.addFirstSourceRow(source.name, sourceKey, location, outcome.status, outcome.status === "skipped" ? outcome.reason : null, rowHash(record.row));
  if (!claimed) {
    // The first row with a key wins; a second one is a source error the customer must see, not a merge.
    store.addReject({ source: source.name, sourceKey, location, reason: `duplicate key "${sourceKey}": an earlier row has the same key` });
    return;
  }
  if (outcome.status === "skipped") return;
  if (outcome.status === "rejected") return addReject(outcome.reason, outcome.mapping, outcome.field);
  for (const target of outcome.records) stageTarget(target, source.name, store, keep);
  for (const indexer of indexers) {
    const entry = safeIndex(indexer.index, record.row);
    if (!entry) continue;
    const lookup = plan.lookups.find((l) => l.name === indexer.name);
    store.indexLookupKey(indexer.name, entry.key, lookup?.take ? entry.value : sourceKey);
  }
}

function safeIndex(index: (row: SourceRecord["row"]) => { key: string; value: string } | undefined, row: SourceRecord["row"]) {
  try {
    return index(row);
  } catch {
    // A row whose lookup key cannot be computed is simply not findable by that lookup.
    return undefined;
  }
}

function stageTarget(target: TargetRecord, source: string, store: StagingStore, keep: ReadonlyMap<string, "first" | "last">): void {
  store.stageRecord(target, source, keep.get(target.mapping) ?? "first");
}

/** The key as the executor builds it (string forms joined by "|"), or undefined when a part is empty. */
function rawSourceKey(source: PlanSource, row: SourceRecord["row"]): string | undefined {
  const parts = source.key.map((column) => row[column]);
  if (parts.some((part) => isEmptyValue(part))) return undefined;
  return parts.map((part) => textOf(part).trim()).join("|");
}

function resolveMapping(plan: TransformPlan, mapping: string, store: StagingStore, resolver: ReferenceResolver): void {
  for (const page of store.recordPages(mapping)) {
    store.transaction(() => {
      for (const record of page) {
        try {
          const resolved = resolver.resolveRecord(record);
          store.updateValues(record.externalId, resolved.values, resolved.deferred);
        } catch (error) {
          if (!(error instanceof ReferenceFailure)) throw error;
          rejectStagedRecord(plan, store, record, error);
        }
      }
    });
  }
}

function rejectStagedRecord(plan: TransformPlan, store: StagingStore, record: { externalId: string; mapping: string; source: string; sourceKey: string }, error: ReferenceFailure): void {
  store.rejectRecord(record.externalId);
  const reason = `${error.field}: ${error.message}`;
  const sourceName = plan.mappings.find((m) => m.id === record.mapping)?.source ?? record.source;
  for (const sourceKey of store.sourceKeysOf(record.externalId)) {
    const row = store.get<{ file: string; row: number }>("SELECT file, row FROM source_rows WHERE source = ? AND source_key = ?", sourceName, sourceKey);
    if (!row) continue;
    store.setRowOutcome(sourceName, sourceKey, "rejected", reason);
    store.addReject({ source: sourceName, sourceKey, location: { file: row.file, row: row.row }, mapping: record.mapping, field: error.field, reason: error.message });
  }
}

function countRows(store: StagingStore, source: string): Omit<SourceStageCounts, "ms" | "rows"> {
  const counts = { source, staged: 0, rejected: 0, skipped: 0 };
  for (const row of store.all<{ outcome: "staged" | "rejected" | "skipped"; n: number }>(
    "SELECT outcome, COUNT(*) AS n FROM source_rows WHERE source = ? GROUP BY outcome", source,
  )) counts[row.outcome] = row.n;
  // Rows refused for a duplicate key have no source_rows entry of their own (the key is taken): count them.
  const duplicates = store.get<{ n: number }>("SELECT COUNT(*) AS n FROM rejects WHERE source = ? AND reason LIKE 'duplicate key %'", source)?.n ?? 0;
  counts.rejected += duplicates;
  return counts;
}

function countRecords(plan: TransformPlan, store: StagingStore): StageResult["mappings"] {
  const rows = store.all<{ mapping: string; model: string; records: number; merged: number; placeholders: number }>(
    "SELECT mapping, model, COUNT(*) AS records, SUM(merged - 1) AS merged, SUM(placeholder) AS placeholders FROM records WHERE status = 'staged' GROUP BY mapping, model",
  );
  const byMapping = new Map(rows.map((r) => [r.mapping, r]));
  const planned = plan.mappings.map((m) => byMapping.get(m.id) ?? { mapping: m.id, model: m.model, records: 0, merged: 0, placeholders: 0 });
  const placeholders = rows.filter((r) => r.mapping.startsWith("placeholder:"));
  return [...planned, ...placeholders].map((r) => ({ ...r, merged: r.merged ?? 0, placeholders: r.placeholders ?? 0 }));
}

/**
 * Records that look like the same person or company although the spec did not merge them: partners that
 * share an e-mail address, companies that share a name. They are listed for a person to decide, not merged.
 */
function queueSuspectedDuplicates(store: StagingStore): void {
  // One statement per rule, inside SQLite: every member of a group points at the group's first record (the
  // first at its last), so a common name costs one queue entry per record and no round trips.
  const rules = [
    { field: "email", what: "e-mail", key: "lower(trim(json_extract(values_json, '$.email')))", where: "coalesce(trim(json_extract(values_json, '$.email')), '') <> ''" },
    { field: "name", what: "company name", key: "lower(trim(json_extract(values_json, '$.name')))", where: "json_extract(values_json, '$.is_company') = 1" },
  ];
  store.transaction(() => {
    for (const rule of rules) {
      // Temporary tables with an index: a join on an unindexed CTE would compare every record with every group.
      store.execute(`CREATE TEMP TABLE dup_members AS SELECT external_id, mapping, ${rule.key} AS key FROM records WHERE model = 'res.partner' AND status = 'staged' AND ${rule.where}`);
      store.execute("CREATE TEMP TABLE dup_groups AS SELECT key, COUNT(*) AS n, MIN(external_id) AS first, MAX(external_id) AS last FROM dup_members GROUP BY key HAVING COUNT(*) > 1");
      store.execute("CREATE INDEX temp.dup_groups_key ON dup_groups (key)");
      store.execute(
        `INSERT INTO queue (kind, mapping, external_id, field, target, key, reason)
         SELECT 'duplicate', m.mapping, m.external_id, ?, CASE WHEN m.external_id = g.first THEN g.last ELSE g.first END, m.key,
                'same ${rule.what} as ' || (g.n - 1) || ' other record(s), e.g. ' || CASE WHEN m.external_id = g.first THEN g.last ELSE g.first END || ': check whether they are one'
         FROM dup_members m JOIN dup_groups g ON g.key = m.key ORDER BY m.key, m.external_id`,
        rule.field,
      );
      store.execute("DROP TABLE dup_members");
      store.execute("DROP TABLE dup_groups");
    }
  });
}
