// The staging store: one SQLite file per run directory. It holds every source row's outcome, the staged
// target records with their external ids, the id map, rejects, the reconciliation queues and the journal of
// what was written to Odoo, so memory stays flat however large the export, and a run can be resumed.
import Database from "better-sqlite3";
import { externalId, type TargetValue } from "../execute/index.js";
import type { PreparedRecord } from "./prepare.js";

export type RowOutcome = "staged" | "rejected" | "skipped";

/** One write the loader made, as rollback undoes it. */
export interface JournalEntry {
  seq: number;
  op: "create" | "update";
  model: string;
  odoo_id: number;
  external_id: string | null;
  before_json: string | null;
}

export interface RejectRow {
  source: string;
  source_key: string | null;
  file: string | null;
  row: number | null;
  mapping: string | null;
  field: string | null;
  reason: string;
}

export interface QueueRow {
  kind: QueueKind;
  mapping: string;
  external_id: string;
  field: string;
  target: string;
  key: string;
  reason: string;
}

export interface SourceLocation {
  file: string;
  row: number;
}

export interface StagedRecordRow {
  externalId: string;
  mapping: string;
  model: string;
  source: string;
  sourceKey: string;
  values: Record<string, TargetValue>;
  deferred: Record<string, TargetValue>;
  placeholder: boolean;
  /** source rows merged into this record (many:1), the first included */
  merged: number;
}

export type QueueKind = "owner" | "orphan" | "lookup" | "duplicate" | "placeholder";

export interface QueueEntry {
  kind: QueueKind;
  mapping: string;
  externalId: string;
  field: string;
  target: string;
  key: string;
  reason: string;
}

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS source_rows (
  source TEXT NOT NULL, source_key TEXT NOT NULL, file TEXT NOT NULL, row INTEGER NOT NULL,
  outcome TEXT NOT NULL, reason TEXT, row_hash TEXT,
  PRIMARY KEY (source, source_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS records (
  external_id TEXT PRIMARY KEY, mapping TEXT NOT NULL, model TEXT NOT NULL, source TEXT NOT NULL,
  source_key TEXT NOT NULL, dedupe_key TEXT, values_json TEXT NOT NULL, deferred_json TEXT NOT NULL,
  placeholder INTEGER NOT NULL DEFAULT 0, merged INTEGER NOT NULL DEFAULT 1, status TEXT NOT NULL DEFAULT 'staged',
  -- 1 while the values hold references the resolution pass has yet to resolve
  unresolved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS records_by_mapping ON records (mapping, status);
-- No query looks records up by (source, source_key) (record_aliases does that), and each index is one more
-- b-tree write per staged record: staging a million contacts is mostly b-tree writes.
DROP INDEX IF EXISTS records_by_source;
CREATE UNIQUE INDEX IF NOT EXISTS records_by_dedupe ON records (mapping, dedupe_key) WHERE dedupe_key IS NOT NULL;
-- Values a map \`into\` another adds to that map's records: merged into them once everything is staged.
CREATE TABLE IF NOT EXISTS contributions (
  seq INTEGER PRIMARY KEY, external_id TEXT NOT NULL, mapping TEXT NOT NULL, source TEXT NOT NULL, source_key TEXT NOT NULL,
  into_mapping TEXT NOT NULL, into_key TEXT NOT NULL, values_json TEXT NOT NULL, deferred_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contributions_by_target ON contributions (into_mapping);
CREATE TABLE IF NOT EXISTS record_aliases (
  mapping TEXT NOT NULL, source_key TEXT NOT NULL, external_id TEXT NOT NULL,
  PRIMARY KEY (mapping, source_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lookup_index (
  lookup TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (lookup, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rejects (
  seq INTEGER PRIMARY KEY, source TEXT NOT NULL, source_key TEXT, file TEXT, row INTEGER,
  mapping TEXT, field TEXT, reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS queue (
  seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, mapping TEXT NOT NULL, external_id TEXT NOT NULL,
  field TEXT NOT NULL, target TEXT NOT NULL, key TEXT NOT NULL, reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS id_map (
  external_id TEXT PRIMARY KEY, model TEXT NOT NULL, odoo_id INTEGER NOT NULL,
  created INTEGER NOT NULL, loaded_hash TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS journal (
  seq INTEGER PRIMARY KEY, phase TEXT NOT NULL, op TEXT NOT NULL, model TEXT NOT NULL,
  odoo_id INTEGER, external_id TEXT, before_json TEXT, at TEXT NOT NULL
);
`;

export class StagingStore {
  private heldLookup: Database.Statement | undefined;
  private readonly db: Database.Database;
  private readonly statements;

  private constructor(path: string) {
    this.db = new Database(path);
    // WAL keeps readers (verify, reports) off the writer's back; NORMAL sync is safe with WAL for a crash of
    // the process, which is what resume has to survive.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(schema);
    addMissingColumns(this.db);
    this.statements = {
      setMeta: this.db.prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ),
      getMeta: this.db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      sourceRow: this.db.prepare<[string, string], { outcome: RowOutcome; reason: string | null }>(
        "SELECT outcome, reason FROM source_rows WHERE source = ? AND source_key = ?",
      ),
      addSourceRow: this.db.prepare(
        "INSERT INTO source_rows (source, source_key, file, row, outcome, reason, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      addFirstSourceRow: this.db.prepare(
        "INSERT INTO source_rows (source, source_key, file, row, outcome, reason, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, source_key) DO NOTHING",
      ),
      setRowOutcome: this.db.prepare(
        "UPDATE source_rows SET outcome = ?, reason = ? WHERE source = ? AND source_key = ?",
      ),
      byDedupe: this.db.prepare<[string, string], { external_id: string }>(
        "SELECT external_id FROM records WHERE mapping = ? AND dedupe_key = ?",
      ),
      mergeInto: this.db.prepare("UPDATE records SET merged = merged + 1 WHERE external_id = ?"),
      replaceMerged: this.db.prepare(
        "UPDATE records SET values_json = ?, deferred_json = ?, unresolved = ?, merged = merged + 1 WHERE external_id = ?",
      ),
      addRecord: this.db.prepare(
        "INSERT INTO records (external_id, mapping, model, source, source_key, dedupe_key, values_json, deferred_json, placeholder, unresolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      addDedupedRecord: this.db.prepare(
        "INSERT INTO records (external_id, mapping, model, source, source_key, dedupe_key, values_json, deferred_json, placeholder, unresolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
          "ON CONFLICT (mapping, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING",
      ),
      addContribution: this.db.prepare(
        "INSERT INTO contributions (external_id, mapping, source, source_key, into_mapping, into_key, values_json, deferred_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      contributionsPage: this.db.prepare<[string, number, number], ContributionRowDb>(
        "SELECT * FROM contributions WHERE into_mapping = ? AND seq > ? ORDER BY seq LIMIT ?",
      ),
      dropContribution: this.db.prepare("DELETE FROM contributions WHERE external_id = ? AND into_mapping = ?"),
      addAlias: this.db.prepare(
        "INSERT OR REPLACE INTO record_aliases (mapping, source_key, external_id) VALUES (?, ?, ?)",
      ),
      resolveAlias: this.db.prepare<[string, string], { external_id: string }>(
        "SELECT a.external_id FROM record_aliases a JOIN records r ON r.external_id = a.external_id AND r.status = 'staged' WHERE a.mapping = ? AND a.source_key = ?",
      ),
      addIndexKey: this.db.prepare("INSERT OR IGNORE INTO lookup_index (lookup, key, value) VALUES (?, ?, ?)"),
      indexValue: this.db.prepare<[string, string], { value: string }>(
        "SELECT value FROM lookup_index WHERE lookup = ? AND key = ?",
      ),
      addReject: this.db.prepare(
        "INSERT INTO rejects (source, source_key, file, row, mapping, field, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      // A resumed or repeated load meets the same misses again: each is listed once.
      addQueue: this.db.prepare(
        "INSERT OR IGNORE INTO queue (kind, mapping, external_id, field, target, key, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      recordsPage: this.db.prepare<[string, number, number], RecordRowDb & { rowid: number }>(
        "SELECT rowid, * FROM records WHERE mapping = ? AND status = 'staged' AND rowid > ? ORDER BY rowid LIMIT ?",
      ),
      unresolvedPage: this.db.prepare<[string, number, number], RecordRowDb & { rowid: number }>(
        "SELECT rowid, * FROM records WHERE mapping = ? AND status = 'staged' AND unresolved = 1 AND rowid > ? ORDER BY rowid LIMIT ?",
      ),
      unresolvedCount: this.db.prepare<[string], { n: number }>(
        "SELECT COUNT(*) AS n FROM records WHERE mapping = ? AND status = 'staged' AND unresolved = 1",
      ),
      setResolved: this.db.prepare(
        "UPDATE records SET values_json = ?, deferred_json = ?, unresolved = 0 WHERE external_id = ?",
      ),
      rejectRecord: this.db.prepare("UPDATE records SET status = 'rejected' WHERE external_id = ?"),
      recordByExternalId: this.db.prepare<[string], RecordRowDb>("SELECT * FROM records WHERE external_id = ?"),
      statusOf: this.db.prepare<[string], { status: string }>("SELECT status FROM records WHERE external_id = ?"),
      aliasesOf: this.db.prepare<[string], { source_key: string }>(
        "SELECT source_key FROM record_aliases WHERE external_id = ?",
      ),
      idMapGet: this.db.prepare<
        [string],
        { model: string; odoo_id: number; created: number; loaded_hash: string | null }
      >("SELECT model, odoo_id, created, loaded_hash FROM id_map WHERE external_id = ?"),
      idMapSet: this.db.prepare(
        "INSERT INTO id_map (external_id, model, odoo_id, created, loaded_hash) VALUES (?, ?, ?, ?, ?) " +
          "ON CONFLICT (external_id) DO UPDATE SET model = excluded.model, odoo_id = excluded.odoo_id, created = MAX(id_map.created, excluded.created), loaded_hash = excluded.loaded_hash",
      ),
      journalAdd: this.db.prepare(
        "INSERT INTO journal (phase, op, model, odoo_id, external_id, before_json, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      setStatus: this.db.prepare("UPDATE records SET status = ? WHERE external_id = ?"),
    };
  }

  static open(path: string): StagingStore {
    return new StagingStore(path);
  }

  /**
   * Empties what a new staging pass rebuilds. The id map and the journal stay: they describe what earlier
   * runs wrote to Odoo, which a re-run, a delta, verify and rollback all need.
   */
  clearStaging(): void {
    this.db.exec(
      "DELETE FROM source_rows; DELETE FROM records; DELETE FROM contributions; DELETE FROM record_aliases; DELETE FROM lookup_index; DELETE FROM rejects; DELETE FROM queue;",
    );
  }

  /** Keeps the previous pass's source keys and row hashes, so a delta run can tell new, changed and gone. */
  snapshotSourceRows(): void {
    this.db.exec(
      "DROP TABLE IF EXISTS previous_rows; CREATE TABLE previous_rows AS SELECT source, source_key, row_hash FROM source_rows WHERE outcome <> 'rejected' OR row_hash IS NOT NULL;",
    );
  }

  /**
   * What Odoo held under the run's module when this load began (load/index.ts readModuleXmlids), a page at a
   * time into a temporary table: a rerun of a million records keeps them on disk, not in memory.
   */
  rememberHeld(rows: ReadonlyArray<{ externalId: string; model: string; id: number }>, first: boolean): void {
    if (!this.heldLookup) {
      this.db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS held (external_id TEXT PRIMARY KEY, model TEXT NOT NULL, odoo_id INTEGER NOT NULL)",
      );
      this.heldLookup = this.db.prepare("SELECT model, odoo_id FROM temp.held WHERE external_id = ?");
    }
    if (first) this.db.exec("DELETE FROM temp.held");
    const insert = this.db.prepare("INSERT OR REPLACE INTO temp.held (external_id, model, odoo_id) VALUES (?, ?, ?)");
    this.transaction(() => {
      for (const row of rows) insert.run(row.externalId, row.model, row.id);
    });
  }

  /** A record Odoo held under this external id when the load began; undefined outside a load. */
  heldRecord(externalId: string): { model: string; id: number } | undefined {
    const row = this.heldLookup?.get(externalId) as { model: string; odoo_id: number } | undefined;
    return row ? { model: row.model, id: row.odoo_id } : undefined;
  }

  idMapEntry(
    externalId: string,
  ): { model: string; odooId: number; created: boolean; loadedHash: string | null } | undefined {
    const row = this.statements.idMapGet.get(externalId);
    return row
      ? { model: row.model, odooId: row.odoo_id, created: row.created === 1, loadedHash: row.loaded_hash }
      : undefined;
  }

  /** Records where Odoo holds a record; `created` stays true once mapc created it, whatever a later run does. */
  setIdMap(externalId: string, model: string, odooId: number, created: boolean, loadedHash: string | null): void {
    this.statements.idMapSet.run(externalId, model, odooId, created ? 1 : 0, loadedHash);
  }

  journal(entry: {
    phase: string;
    op: "create" | "update" | "unlink" | "restore";
    model: string;
    odooId: number;
    externalId: string | null;
    before?: unknown;
  }): void {
    this.statements.journalAdd.run(
      entry.phase,
      entry.op,
      entry.model,
      entry.odooId,
      entry.externalId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      new Date().toISOString(),
    );
  }

  setRecordStatus(externalId: string, status: "staged" | "rejected" | "load-rejected"): void {
    this.statements.setStatus.run(status, externalId);
  }

  close(): void {
    this.db.close();
  }

  /** Runs `work` in one transaction: thousands of row writes per commit instead of one. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  meta(key: string): string | undefined {
    return this.statements.getMeta.get(key)?.value;
  }

  /** The outcome recorded for a source row, with its reason, if the row was read. */
  rowOutcome(source: string, sourceKey: string): { outcome: RowOutcome; reason: string | null } | undefined {
    return this.statements.sourceRow.get(source, sourceKey);
  }

  addSourceRow(
    source: string,
    sourceKey: string,
    location: SourceLocation,
    outcome: RowOutcome,
    reason: string | null,
    rowHash: string | null,
  ): void {
    this.statements.addSourceRow.run(source, sourceKey, location.file, location.row, outcome, reason, rowHash);
  }

  /** Records a row's outcome unless its key already has one; false when an earlier row holds the key. */
  addFirstSourceRow(
    source: string,
    sourceKey: string,
    location: SourceLocation,
    outcome: RowOutcome,
    reason: string | null,
    rowHash: string | null,
  ): boolean {
    return (
      this.statements.addFirstSourceRow.run(source, sourceKey, location.file, location.row, outcome, reason, rowHash)
        .changes === 1
    );
  }

  setRowOutcome(source: string, sourceKey: string, outcome: RowOutcome, reason: string | null): void {
    this.statements.setRowOutcome.run(outcome, reason, source, sourceKey);
  }

  /**
   * Stages one record. A record whose mapping dedupes and whose dedupe key is already staged is merged:
   * `keep first` leaves the first values, `keep last` takes the newest; either way the source key becomes
   * an alias of the surviving record, so references to it still resolve.
   */
  stageRecord(
    record: PreparedRecord,
    source: string,
    keep: "first" | "last" = "first",
  ): { externalId: string; merged: boolean } {
    if (record.into) {
      this.statements.addContribution.run(
        record.externalId,
        record.mapping,
        source,
        record.sourceKey,
        record.into.mapping,
        record.into.key,
        record.valuesJson,
        record.deferredJson,
      );
      return { externalId: record.externalId, merged: true };
    }
    const unresolved = record.unresolved ? 1 : 0;
    if (record.dedupeKey !== null) {
      // Insert first, merge on conflict: most dedupe keys are new, and the insert finds the others itself.
      const inserted = this.statements.addDedupedRecord.run(
        record.externalId,
        record.mapping,
        record.model,
        source,
        record.sourceKey,
        record.dedupeKey,
        record.valuesJson,
        record.deferredJson,
        0,
        unresolved,
      );
      if (inserted.changes === 0) {
        const existing = this.statements.byDedupe.get(record.mapping, record.dedupeKey)!;
        if (keep === "last")
          this.statements.replaceMerged.run(record.valuesJson, record.deferredJson, unresolved, existing.external_id);
        else this.statements.mergeInto.run(existing.external_id);
        this.statements.addAlias.run(record.mapping, record.sourceKey, existing.external_id);
        return { externalId: existing.external_id, merged: true };
      }
    } else {
      this.statements.addRecord.run(
        record.externalId,
        record.mapping,
        record.model,
        source,
        record.sourceKey,
        null,
        record.valuesJson,
        record.deferredJson,
        0,
        unresolved,
      );
    }
    // A record whose external id follows from its mapping and key is found by that id (resolveRecord); only
    // merged and fan-out records need an alias, which spares one b-tree write per staged row.
    if (record.aliased) this.statements.addAlias.run(record.mapping, record.sourceKey, record.externalId);
    return { externalId: record.externalId, merged: false };
  }

  /** The source keys whose rows became a record: its own and those merged into it. */
  sourceKeysOf(externalId: string): string[] {
    const own = this.statements.recordByExternalId.get(externalId)?.source_key;
    const merged = this.statements.aliasesOf.all(externalId).map((row) => row.source_key);
    return [...new Set([...(own === undefined ? [] : [own]), ...merged])];
  }

  addPlaceholder(
    externalId: string,
    mapping: string,
    model: string,
    key: string,
    values: Record<string, TargetValue>,
  ): void {
    this.statements.addRecord.run(
      externalId,
      mapping,
      model,
      "(placeholder)",
      key,
      null,
      JSON.stringify(values),
      "{}",
      1,
      0,
    );
  }

  /** Whether this staging holds a record of that id, staged or rejected. */
  holdsRecord(externalId: string): boolean {
    return this.statements.statusOf.get(externalId) !== undefined;
  }

  /** The staged record a mapping made of a source key: by the id its key gives, else through a merge. */
  resolveRecord(module: string, mapping: string, sourceKey: string): string | undefined {
    const direct = externalId(module, mapping, sourceKey);
    if (this.statements.statusOf.get(direct)?.status === "staged") return direct;
    return this.statements.resolveAlias.get(mapping, sourceKey)?.external_id;
  }

  indexLookupKey(lookup: string, key: string, value: string): void {
    this.statements.addIndexKey.run(lookup, key, value);
  }

  lookupIndex(lookup: string, key: string): string | undefined {
    return this.statements.indexValue.get(lookup, key)?.value;
  }

  addReject(reject: {
    source: string;
    sourceKey: string | null;
    location: SourceLocation | null;
    mapping?: string;
    field?: string;
    reason: string;
  }): void {
    this.statements.addReject.run(
      reject.source,
      reject.sourceKey,
      reject.location?.file ?? null,
      reject.location?.row ?? null,
      reject.mapping ?? null,
      reject.field ?? null,
      reject.reason,
    );
  }

  addQueue(entry: QueueEntry): void {
    this.statements.addQueue.run(
      entry.kind,
      entry.mapping,
      entry.externalId,
      entry.field,
      entry.target,
      entry.key,
      entry.reason,
    );
  }

  /**
   * Staged records of a mapping in staging order, a page at a time: SQLite cannot write on a connection
   * while a read on it is open, and the caller writes between pages (resolved values, queues).
   */
  recordPages(mapping: string, pageSize = 1000): IterableIterator<StagedRecordRow[]> {
    return this.pages(this.statements.recordsPage, mapping, pageSize);
  }

  unresolvedCount(mapping: string): number {
    return this.statements.unresolvedCount.get(mapping)?.n ?? 0;
  }

  /** The staged records of a mapping whose references are not resolved yet, as recordPages. */
  unresolvedPages(mapping: string, pageSize = 1000): IterableIterator<StagedRecordRow[]> {
    return this.pages(this.statements.unresolvedPage, mapping, pageSize);
  }

  private *pages(
    query: Database.Statement<[string, number, number], RecordRowDb & { rowid: number }>,
    mapping: string,
    pageSize: number,
  ): IterableIterator<StagedRecordRow[]> {
    let after = 0;
    for (;;) {
      const rows = query.all(mapping, after, pageSize);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.rowid;
      yield rows.map(toStagedRecord);
    }
  }

  /** What maps `into` this mapping add to its records, in staging order, a page at a time. */
  *contributionPages(intoMapping: string, pageSize = 1000): IterableIterator<Contribution[]> {
    let after = 0;
    for (;;) {
      const rows = this.statements.contributionsPage.all(intoMapping, after, pageSize);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.seq;
      yield rows.map((row) => ({
        externalId: row.external_id,
        mapping: row.mapping,
        source: row.source,
        sourceKey: row.source_key,
        model: "",
        values: JSON.parse(row.values_json) as Record<string, TargetValue>,
        deferred: JSON.parse(row.deferred_json) as Record<string, TargetValue>,
        placeholder: false,
        merged: 1,
        into: { mapping: row.into_mapping, key: row.into_key },
      }));
    }
  }

  /** A contribution whose record is not staged: it is rejected, and no longer counted as merged. */
  dropContribution(externalId: string, intoMapping: string): void {
    this.statements.dropContribution.run(externalId, intoMapping);
  }

  record(externalId: string): StagedRecordRow | undefined {
    const row = this.statements.recordByExternalId.get(externalId);
    return row ? toStagedRecord(row) : undefined;
  }

  setResolved(externalId: string, values: Record<string, TargetValue>, deferred: Record<string, TargetValue>): void {
    this.statements.setResolved.run(JSON.stringify(values), JSON.stringify(deferred), externalId);
  }

  rejectRecord(externalId: string): void {
    this.statements.rejectRecord.run(externalId);
  }

  // ---- Reads for staging's counts, the loader, verify, rollback and the reports. Every statement on the run
  // folder's database lives in this class, each behind a name and a row type.

  /** Where a source row came from, for a reject that names it. */
  sourceRowLocation(source: string, sourceKey: string): { file: string; row: number } | undefined {
    return this.get("SELECT file, row FROM source_rows WHERE source = ? AND source_key = ?", source, sourceKey);
  }

  /** A source's rows by outcome. */
  sourceOutcomeCounts(source: string): Array<{ outcome: RowOutcome; n: number }> {
    return this.all("SELECT outcome, COUNT(*) AS n FROM source_rows WHERE source = ? GROUP BY outcome", source);
  }

  /** Rows of a source refused because their key was taken: they have no source row of their own. */
  duplicateKeyRejects(source: string): number {
    return (
      this.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM rejects WHERE source = ? AND reason LIKE 'duplicate key %'",
        source,
      )?.n ?? 0
    );
  }

  /** Staged records per map and model, with the rows merged into them and the placeholders among them. */
  stagedRecordCounts(): Array<{
    mapping: string;
    model: string;
    records: number;
    merged: number;
    placeholders: number;
  }> {
    return this.all(
      "SELECT mapping, model, COUNT(*) AS records, SUM(merged - 1) AS merged, SUM(placeholder) AS placeholders FROM records WHERE status = 'staged' GROUP BY mapping, model",
    );
  }

  /** Rows each map `into` another merged into that map's records. */
  contributionCounts(): Array<{ mapping: string; records: number; merged: number; placeholders: number }> {
    return this.all(
      "SELECT mapping, 0 AS records, COUNT(*) AS merged, 0 AS placeholders FROM contributions GROUP BY mapping",
    );
  }

  /**
   * Queues partners that look like the same person or company although the spec did not merge them: the
   * same e-mail address, or companies with the same name. They are listed for a person to decide, not merged.
   */
  queueSuspectedDuplicates(): void {
    // One statement per rule, inside SQLite: every member of a group points at the group's first record (the
    // first at its last), so a common name costs one queue entry per record and no round trips.
    const rules = [
      { field: "email", what: "e-mail" },
      { field: "name", what: "company name" },
    ];
    this.transaction(() => {
      // Each record's JSON is read once for both rules; temporary tables with an index, because a join on an
      // unindexed CTE would compare every record with every group.
      this.execute(
        `CREATE TEMP TABLE dup_keys AS SELECT external_id, mapping, email, name FROM (
         SELECT external_id, mapping, lower(trim(values_json ->> '$.email')) AS email,
                CASE WHEN values_json ->> '$.is_company' = 1 THEN lower(trim(values_json ->> '$.name')) END AS name
         FROM records WHERE model = 'res.partner' AND status = 'staged')
       WHERE coalesce(email, '') <> '' OR name IS NOT NULL`,
      );
      for (const rule of rules) {
        this.execute(
          `CREATE TEMP TABLE dup_members AS SELECT external_id, mapping, ${rule.field} AS key FROM dup_keys WHERE coalesce(${rule.field}, '') <> ''`,
        );
        this.execute(
          "CREATE TEMP TABLE dup_groups AS SELECT key, COUNT(*) AS n, MIN(external_id) AS first, MAX(external_id) AS last FROM dup_members GROUP BY key HAVING COUNT(*) > 1",
        );
        this.execute("CREATE INDEX temp.dup_groups_key ON dup_groups (key)");
        this.execute(
          `INSERT OR IGNORE INTO queue (kind, mapping, external_id, field, target, key, reason)
         SELECT 'duplicate', m.mapping, m.external_id, ?, CASE WHEN m.external_id = g.first THEN g.last ELSE g.first END, m.key,
                'same ${rule.what} as ' || (g.n - 1) || ' other record(s), e.g. ' || CASE WHEN m.external_id = g.first THEN g.last ELSE g.first END || ': check whether they are one'
         FROM dup_members m JOIN dup_groups g ON g.key = m.key ORDER BY m.key, m.external_id`,
          rule.field,
        );
        this.execute("DROP TABLE dup_members");
        this.execute("DROP TABLE dup_groups");
      }
      this.execute("DROP TABLE dup_keys");
    });
  }

  /** The maps whose placeholders wait to load, each a phase before the others. */
  placeholderPhases(): Array<{ mapping: string; model: string }> {
    return this.all(
      "SELECT DISTINCT mapping, model FROM records WHERE placeholder = 1 AND status = 'staged' ORDER BY mapping",
    );
  }

  /** The external ids of a map's staged records. */
  stagedIds(mapping: string): string[] {
    return this.all<{ external_id: string }>(
      "SELECT external_id FROM records WHERE mapping = ? AND status = 'staged'",
      mapping,
    ).map((row) => row.external_id);
  }

  stagedCount(mapping: string): number {
    return (
      this.get<{ n: number }>("SELECT COUNT(*) AS n FROM records WHERE mapping = ? AND status = 'staged'", mapping)
        ?.n ?? 0
    );
  }

  /** A staged record of the model whose value of `field` is `value` (a lookup against staged records). */
  stagedRecordWith(model: string, field: string, value: string): string | undefined {
    return this.get<{ external_id: string }>(
      "SELECT external_id FROM records WHERE model = ? AND status = 'staged' AND json_extract(values_json, ?) = ? LIMIT 1",
      model,
      `$."${field}"`,
      value,
    )?.external_id;
  }

  /** The maps whose records went to Odoo (loaded, or refused by it), in staging order. */
  loadedPhases(): Array<{ mapping: string; model: string }> {
    return this.all(
      "SELECT DISTINCT mapping, model FROM records WHERE status IN ('staged', 'load-rejected') ORDER BY rowid",
    );
  }

  /** A map's records that Odoo holds by the id map, refused updates included. */
  loadedIds(mapping: string): Array<{ external_id: string; odoo_id: number }> {
    return this.all(
      "SELECT r.external_id, i.odoo_id FROM records r JOIN id_map i ON i.external_id = r.external_id WHERE r.mapping = ? AND r.status IN ('staged', 'load-rejected')",
      mapping,
    );
  }

  /** A map's records Odoo refused that the id map does not know: another folder may have loaded them. */
  refusedUnknown(mapping: string): string[] {
    return this.all<{ external_id: string }>(
      "SELECT r.external_id FROM records r WHERE r.mapping = ? AND r.status = 'load-rejected' AND NOT EXISTS (SELECT 1 FROM id_map i WHERE i.external_id = r.external_id)",
      mapping,
    ).map((row) => row.external_id);
  }

  /** The journal, newest first: the order a rollback undoes it in. */
  journalNewestFirst(): JournalEntry[] {
    return this.all("SELECT seq, op, model, odoo_id, external_id, before_json FROM journal ORDER BY seq DESC");
  }

  /** Undone entries leave the journal: a created record leaves the id map, an updated one is compared again next time. */
  forgetJournalEntries(entries: readonly JournalEntry[]): void {
    this.transaction(() => {
      for (const entry of entries) {
        this.execute("DELETE FROM journal WHERE seq = ?", entry.seq);
        if (entry.op === "create" && entry.external_id)
          this.execute("DELETE FROM id_map WHERE external_id = ?", entry.external_id);
        if (entry.op === "update" && entry.external_id)
          this.execute("UPDATE id_map SET loaded_hash = NULL WHERE external_id = ?", entry.external_id);
      }
    });
  }

  rejectRows(): IterableIterator<RejectRow> {
    return this.iterate("SELECT source, source_key, file, row, mapping, field, reason FROM rejects ORDER BY seq");
  }

  firstRejects(limit: number): RejectRow[] {
    return this.all(
      "SELECT source, source_key, file, row, mapping, field, reason FROM rejects ORDER BY seq LIMIT ?",
      limit,
    );
  }

  queueRows(): IterableIterator<QueueRow> {
    return this.iterate("SELECT kind, mapping, external_id, field, target, key, reason FROM queue ORDER BY seq");
  }

  queueCounts(): Record<string, number> {
    const rows = this.all<{ kind: string; n: number }>("SELECT kind, COUNT(*) AS n FROM queue GROUP BY kind");
    return Object.fromEntries(rows.map((row) => [row.kind, row.n]));
  }

  /** Owners no Odoo user was found for, with how many records wait for each and why. */
  ownersToCreate(): Array<{ key: string; records: number; reason: string }> {
    return this.all(
      "SELECT key, COUNT(*) AS records, MIN(reason) AS reason FROM queue WHERE kind = 'owner' GROUP BY key ORDER BY key",
    );
  }

  /** Queue entries of one kind grouped by what they looked in and for. */
  queueGroups(kind: "orphan" | "placeholder"): Array<{ target: string; key: string; records: number }> {
    return this.all(
      "SELECT target, key, COUNT(*) AS records FROM queue WHERE kind = ? GROUP BY target, key ORDER BY target, key",
      kind,
    );
  }

  /** This staging's source rows against the previous one's (snapshotSourceRows): new, changed, unchanged, gone. */
  deltaCounts(): { new: number; changed: number; unchanged: number; gone: Array<{ source: string; key: string }> } {
    const count = (sql: string) => this.get<{ n: number }>(sql)?.n ?? 0;
    return {
      new: count(
        "SELECT COUNT(*) AS n FROM source_rows s WHERE NOT EXISTS (SELECT 1 FROM previous_rows p WHERE p.source = s.source AND p.source_key = s.source_key)",
      ),
      changed: count(
        "SELECT COUNT(*) AS n FROM source_rows s JOIN previous_rows p ON p.source = s.source AND p.source_key = s.source_key WHERE p.row_hash IS NOT s.row_hash",
      ),
      unchanged: count(
        "SELECT COUNT(*) AS n FROM source_rows s JOIN previous_rows p ON p.source = s.source AND p.source_key = s.source_key WHERE p.row_hash IS s.row_hash",
      ),
      gone: this.all(
        "SELECT p.source, p.source_key AS key FROM previous_rows p WHERE NOT EXISTS (SELECT 1 FROM source_rows s WHERE s.source = p.source AND s.source_key = p.source_key) ORDER BY p.source, p.source_key",
      ),
    };
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }

  private execute(sql: string, ...params: unknown[]): void {
    this.db.prepare(sql).run(...params);
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }

  private iterate<T>(sql: string, ...params: unknown[]): IterableIterator<T> {
    return this.db.prepare(sql).iterate(...params) as IterableIterator<T>;
  }
}

/** A run folder staged by an earlier mapc lacks what was added since; resume and verify still open it. */
function addMissingColumns(db: Database.Database): void {
  const columns = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('records')")
      .all()
      .map((column) => column.name),
  );
  if (!columns.has("unresolved")) db.exec("ALTER TABLE records ADD COLUMN unresolved INTEGER NOT NULL DEFAULT 0");
  // Folders from before queue entries were unique may hold repeats: keep the first of each.
  db.exec(`DELETE FROM queue WHERE seq NOT IN (SELECT MIN(seq) FROM queue GROUP BY kind, mapping, external_id, field, target, key);
    CREATE UNIQUE INDEX IF NOT EXISTS queue_entry ON queue (kind, mapping, external_id, field, target, key);`);
}

/** A row of a map `into` another, shaped as a staged record so the resolver can resolve its values. */
export interface Contribution extends StagedRecordRow {
  into: { mapping: string; key: string };
}

interface ContributionRowDb {
  seq: number;
  external_id: string;
  mapping: string;
  source: string;
  source_key: string;
  into_mapping: string;
  into_key: string;
  values_json: string;
  deferred_json: string;
}

interface RecordRowDb {
  external_id: string;
  mapping: string;
  model: string;
  source: string;
  source_key: string;
  values_json: string;
  deferred_json: string;
  placeholder: number;
  merged: number;
}

function toStagedRecord(row: RecordRowDb): StagedRecordRow {
  return {
    externalId: row.external_id,
    mapping: row.mapping,
    model: row.model,
    source: row.source,
    sourceKey: row.source_key,
    values: JSON.parse(row.values_json) as Record<string, TargetValue>,
    deferred: JSON.parse(row.deferred_json) as Record<string, TargetValue>,
    placeholder: row.placeholder === 1,
    merged: row.merged,
  };
}
