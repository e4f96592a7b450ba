// One load phase: the staged records of one map, written to Odoo with `load` in batches. `load` upserts
// by external id in one transaction per call, so a retried or resumed batch never duplicates. A batch Odoo
// refuses is split until the bad records are isolated; they are rejected with Odoo's message, the rest land.
import { createHash } from "node:crypto";
import type { StagedRecordRow, StagingStore } from "../stage/index.js";
import { columnName, comparableCell, readCell, toCell, UnresolvedReference, type IdResolver } from "./cells.js";
import { emptyCellLeftToOdoo } from "./empty-cells.js";
import type { LiveField } from "./schema.js";
import { OdooFault, type OdooTransport } from "./transport.js";

/**
 * The context of every write: Odoo's own importer's (no chatter bookkeeping, datetimes taken as UTC), and no
 * e-mail to anyone. Seen on Odoo 17 without the last two: an activity created for another user queues an
 * "assigned to you" e-mail (`mail_activity_quick_update` prevents it), a meeting in the future an invitation
 * to every guest (`no_mail_to_attendees`); a migration of old data must send neither.
 */
export const IMPORT_CONTEXT = {
  tz: "UTC",
  tracking_disable: true,
  mail_create_nolog: true,
  mail_create_nosubscribe: true,
  mail_notrack: true,
  mail_activity_quick_update: true,
  no_mail_to_attendees: true,
};

export interface PhaseCounts {
  phase: string;
  model: string;
  source: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  ms: number;
}

export interface PhaseEnvironment {
  odoo: OdooTransport;
  store: StagingStore;
  module: string;
  fields: ReadonlyMap<string, LiveField>;
  ids: IdResolver;
  batchSize: number;
  /** batches loaded at once (Odoo workers answer them in parallel) */
  jobs: number;
  /** a record Odoo held under the run's module when the load began, by external id (readModuleXmlids) */
  held: (externalId: string) => { model: string; id: number } | undefined;
  /** only these external ids load; the others count as skipped (a sample run) */
  include?: (externalId: string) => boolean;
  progress?: (done: number, total: number) => void;
}

interface PendingRow {
  record: StagedRecordRow;
  cells: string[];
  hash: string;
}

interface LoadAnswer {
  ids: number[] | false;
  messages: Array<{
    type?: string;
    message: string;
    field?: string;
    record?: number;
    rows?: { from: number; to: number };
  }>;
}

export class PhaseLoader {
  private readonly counts: PhaseCounts;
  private readonly started = performance.now();

  constructor(
    private readonly env: PhaseEnvironment,
    readonly phase: string,
    readonly model: string,
  ) {
    this.counts = { phase, model, source: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, ms: 0 };
  }

  /**
   * The first pass: every record with the fields it can have now. A reference within the phase (a company's
   * parent) waits for the second pass, `writeDeferred`. With `jobs` above 1, each page of records is dealt
   * into `jobs` lanes that load at once against a multi-worker Odoo, records that share a parent in the same
   * lane (`lanesOf`), so that two batches in flight never write the same record or parent. Pages are read
   * one at a time, so memory stays flat however large the phase.
   */
  async run(records: Iterable<StagedRecordRow[]>, total: number): Promise<PhaseCounts> {
    let done = 0;
    const loadBatch = async (batch: StagedRecordRow[]): Promise<void> => {
      this.counts.source += batch.length;
      const included = batch.filter((record) => this.env.include?.(record.externalId) ?? true);
      this.counts.skipped += batch.length - included.length;
      await this.loadBatch(included);
      done += batch.length;
      this.env.progress?.(done, total);
    };
    for (const page of records) {
      // a lane's batches are no larger than an even share of the page, so every lane has work
      const size = Math.max(1, Math.min(this.env.batchSize, Math.ceil(page.length / this.env.jobs)));
      await Promise.all(
        lanesOf(page, this.env.jobs).map(async (lane) => {
          for (let start = 0; start < lane.length; start += size) await loadBatch(lane.slice(start, start + size));
        }),
      );
    }
    this.counts.ms = Math.round(performance.now() - this.started);
    return this.counts;
  }

  private fieldInfo(field: string): LiveField {
    return this.env.fields.get(field) ?? { type: "char" };
  }

  private async loadBatch(batch: StagedRecordRow[]): Promise<void> {
    if (batch.length === 0) return;
    const fields = [...new Set(batch.flatMap((record) => Object.keys(record.values)))].sort();
    const rows: PendingRow[] = [];
    for (const record of batch) {
      try {
        const cells = fields.map((field) =>
          toCell(field, this.fieldInfo(field), record.values[field] ?? null, this.env.ids),
        );
        rows.push({ record, cells, hash: hashCells(fields, cells) });
      } catch (error) {
        if (!(error instanceof UnresolvedReference)) throw error;
        this.reject(record, error.field, error.message);
      }
    }
    const existing = this.existingIds(rows.map((r) => r.record.externalId));
    const toWrite: Array<PendingRow & { before?: Record<string, unknown> }> = [];
    const needsRead = rows.filter(
      (row) =>
        existing.has(row.record.externalId) &&
        this.env.store.idMapEntry(row.record.externalId)?.loadedHash !== row.hash,
    );
    const current = await this.readCurrent(
      needsRead.map((r) => existing.get(r.record.externalId)!),
      fields,
    );
    for (const row of rows) {
      const odooId = existing.get(row.record.externalId);
      if (odooId === undefined) {
        toWrite.push(row);
        continue;
      }
      const before = current.get(odooId);
      const known = this.env.store.idMapEntry(row.record.externalId);
      if (known?.loadedHash === row.hash || (before && this.sameAsCurrent(fields, row.cells, before, row.record))) {
        this.counts.unchanged += 1;
        this.env.store.setIdMap(row.record.externalId, this.model, odooId, known?.created ?? false, row.hash);
        continue;
      }
      toWrite.push({ ...row, ...(before ? { before: pick(before, fields) } : {}) });
    }
    for (const group of this.groupByOmittedColumns(fields, toWrite)) {
      await this.loadRows(
        ["id", ...group.fields.map((f) => columnName(f, this.fieldInfo(f).type))],
        group.rows,
        existing,
      );
    }
  }

  /**
   * The rows grouped by the empty cells they leave to Odoo (`emptyCellLeftToOdoo`): every other empty cell
   * is sent as it is, since leaving it out would change nothing and rows that leave out different cells
   * cannot share a `load` call (contacts with and without a phone, a street, a mobile… came to one call per
   * two records).
   */
  private groupByOmittedColumns<Row extends PendingRow>(
    fields: readonly string[],
    rows: Row[],
  ): Array<{ fields: string[]; rows: Row[] }> {
    const groups = new Map<string, { fields: string[]; rows: Row[] }>();
    for (const row of rows) {
      const keep = fields.map(
        (field, index) => row.cells[index] !== "" || !this.leftToOdoo(field, fields, row.cells, row.record),
      );
      const key = keep.map((k) => (k ? "1" : "0")).join("");
      const group = groups.get(key) ?? { fields: fields.filter((_, index) => keep[index]), rows: [] };
      group.rows.push({ ...row, cells: row.cells.filter((_, index) => keep[index]) });
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  private leftToOdoo(
    field: string,
    fields: readonly string[],
    cells: readonly string[],
    record?: StagedRecordRow,
  ): boolean {
    // undefined for a field the record does not write at all
    const cell = (name: string) => (fields.includes(name) ? (cells[fields.indexOf(name)] ?? "") : undefined);
    return emptyCellLeftToOdoo(this.model, field, this.env.fields, cell, record?.deferred ?? {});
  }

  /** Whether Odoo holds what the cells say; an empty cell left to Odoo says nothing. */
  private sameAsCurrent(
    fields: readonly string[],
    cells: readonly string[],
    current: Record<string, unknown>,
    record?: StagedRecordRow,
  ): boolean {
    return fields.every((field, index) => {
      const cell = cells[index] ?? "";
      if (cell === "" && this.leftToOdoo(field, fields, cells, record)) return true;
      const info = this.fieldInfo(field);
      return comparableCell(info, cell) === comparableCell(info, readCell(info, current[field]));
    });
  }

  /**
   * Records of this batch that Odoo already holds under their external id (an earlier run, a crash). A
   * record belongs to one batch of one phase, so what Odoo held when the load began still holds for it.
   */
  private existingIds(externalIds: readonly string[]): Map<string, number> {
    const existing = new Map<string, number>();
    for (const externalId of externalIds) {
      const held = this.env.held(externalId);
      if (held?.model === this.model) existing.set(externalId, held.id);
    }
    return existing;
  }

  private async readCurrent(
    ids: readonly number[],
    fields: readonly string[],
  ): Promise<Map<number, Record<string, unknown>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.env.odoo.executeKw<Array<Record<string, unknown> & { id: number }>>(
      this.model,
      "read",
      [[...ids], [...fields]],
      { context: { active_test: false } },
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** `load`, bisecting a refused batch down to the records Odoo refuses. */
  private loadRows(
    columns: string[],
    rows: Array<PendingRow & { before?: Record<string, unknown> }>,
    existing: ReadonlyMap<string, number>,
  ): Promise<void> {
    return this.loadBisecting(
      columns,
      rows,
      (row, odooId) => this.landed(row, odooId, existing),
      (row, field, reason) => this.reject(row.record, field, reason),
    );
  }

  /**
   * One `load` call for the rows; when Odoo refuses it (a fault, or `ids: false` with messages), the rows
   * are split in halves until each refused record stands alone with Odoo's message.
   */
  private async loadBisecting<Row extends PendingRow>(
    columns: string[],
    rows: Row[],
    landed: (row: Row, odooId: number) => void,
    refused: (row: Row, field: string, reason: string) => void,
  ): Promise<void> {
    const data = rows.map((row) => [row.record.externalId, ...row.cells]);
    let answer: LoadAnswer;
    try {
      answer = await this.env.odoo.executeKw<LoadAnswer>(this.model, "load", [columns, data], {
        context: IMPORT_CONTEXT,
      });
    } catch (error) {
      if (!(error instanceof OdooFault)) throw error;
      answer = { ids: false, messages: [{ message: error.message }] };
    }
    if (answer.ids && answer.ids.length === rows.length) {
      answer.ids.forEach((odooId, index) => landed(rows[index]!, odooId));
      return;
    }
    if (rows.length === 1) {
      const reason =
        answer.messages.map((m) => (m.field ? `${m.field}: ${m.message}` : m.message)).join("; ") ||
        "Odoo refused the record without a message";
      refused(rows[0]!, answer.messages[0]?.field ?? "", reason);
      return;
    }
    const middle = Math.ceil(rows.length / 2);
    await this.loadBisecting(columns, rows.slice(0, middle), landed, refused);
    await this.loadBisecting(columns, rows.slice(middle), landed, refused);
  }

  private landed(
    row: PendingRow & { before?: Record<string, unknown> },
    odooId: number,
    existing: ReadonlyMap<string, number>,
  ): void {
    const { store } = this.env;
    const wasThere = existing.has(row.record.externalId);
    const known = store.idMapEntry(row.record.externalId);
    if (wasThere) {
      this.counts.updated += 1;
      store.journal({
        phase: this.phase,
        op: "update",
        model: this.model,
        odooId,
        externalId: row.record.externalId,
        before: row.before ?? null,
      });
    } else {
      this.counts.created += 1;
      store.journal({ phase: this.phase, op: "create", model: this.model, odooId, externalId: row.record.externalId });
    }
    store.setIdMap(row.record.externalId, this.model, odooId, !wasThere || (known?.created ?? false), row.hash);
  }

  private reject(record: StagedRecordRow, field: string, reason: string): void {
    this.counts.rejected += 1;
    this.env.store.setRecordStatus(record.externalId, "load-rejected");
    this.env.store.addReject({
      source: record.source,
      sourceKey: record.sourceKey,
      location: null,
      mapping: record.mapping,
      field,
      reason: `Odoo: ${reason}`,
    });
  }

  /**
   * The second pass: fields that point into this phase (a company's parent company) or, declared
   * `deferred`, into a later one, written once that phase has landed; only values that differ from Odoo's
   * are sent. Records are read from the store again, so memory does not grow with the phase.
   */
  async writeDeferred(records: Iterable<StagedRecordRow[]>): Promise<void> {
    for (const page of records) {
      const landed = page.filter(
        (record) =>
          Object.keys(record.deferred).length > 0 &&
          (this.env.include?.(record.externalId) ?? true) &&
          this.env.store.idMapEntry(record.externalId),
      );
      for (let start = 0; start < landed.length; start += this.env.batchSize)
        await this.writeDeferredBatch(landed.slice(start, start + this.env.batchSize));
    }
  }

  private async writeDeferredBatch(batch: StagedRecordRow[]): Promise<void> {
    const fields = [...new Set(batch.flatMap((r) => Object.keys(r.deferred)))].sort();
    const ids = batch.map((r) => this.env.store.idMapEntry(r.externalId)!.odooId);
    const current = await this.readCurrent(ids, fields);
    const rows: Array<PendingRow & { before?: Record<string, unknown> }> = [];
    for (const [index, record] of batch.entries()) {
      try {
        const cells = fields.map((f) => toCell(f, this.fieldInfo(f), record.deferred[f] ?? null, this.env.ids));
        const before = current.get(ids[index]!);
        if (before && this.sameAsCurrent(fields, cells, before)) continue;
        rows.push({
          record,
          cells,
          hash: this.env.store.idMapEntry(record.externalId)!.loadedHash ?? "",
          ...(before ? { before: pick(before, fields) } : {}),
        });
      } catch (error) {
        if (!(error instanceof UnresolvedReference)) throw error;
        this.queueDeferred(record, error.field, error.message);
      }
    }
    if (rows.length > 0)
      await this.loadDeferredRows(["id", ...fields.map((f) => columnName(f, this.fieldInfo(f).type))], rows);
  }

  private loadDeferredRows(
    columns: string[],
    rows: Array<PendingRow & { before?: Record<string, unknown> }>,
  ): Promise<void> {
    return this.loadBisecting(
      columns,
      rows,
      (row, odooId) =>
        this.env.store.journal({
          phase: `${this.phase}:deferred`,
          op: "update",
          model: this.model,
          odooId,
          externalId: row.record.externalId,
          before: row.before ?? null,
        }),
      (row, field, reason) => this.queueDeferred(row.record, field, reason),
    );
  }

  /** A second-pass field that cannot be set: the record stands, the link is listed for the user. */
  private queueDeferred(record: StagedRecordRow, field: string, reason: string): void {
    this.env.store.addQueue({
      kind: "orphan",
      mapping: record.mapping,
      externalId: record.externalId,
      field,
      target: "(second pass)",
      key: "",
      reason,
    });
  }
}

/**
 * Fields through which creating or changing a record writes another one: a contact's first address goes to
 * its company, a task links its stage to its project, an activity makes its assignee a follower of its record.
 */
const PARENT_FIELDS = ["parent_id", "project_id", "res_id"] as const;

/** The records dealt into at most `jobs` lanes of similar size, those with the same parent in the same lane. */
export function lanesOf(records: readonly StagedRecordRow[], jobs: number): StagedRecordRow[][] {
  if (jobs <= 1) return [[...records]];
  const families = new Map<string, StagedRecordRow[]>();
  for (const record of records) {
    const parents = PARENT_FIELDS.map((field) => record.values[field] ?? record.deferred[field] ?? null);
    // a record with no parent is a family of its own
    const parent = parents.every((value) => value === null) ? `record ${record.externalId}` : JSON.stringify(parents);
    const family = families.get(parent) ?? [];
    family.push(record);
    families.set(parent, family);
  }
  const lanes = Array.from({ length: jobs }, () => [] as StagedRecordRow[]);
  // largest families first, each to the lane with the fewest records: lanes of even size
  for (const family of [...families.values()].sort((a, b) => b.length - a.length)) {
    lanes.reduce((smallest, lane) => (lane.length < smallest.length ? lane : smallest)).push(...family);
  }
  return lanes.filter((lane) => lane.length > 0);
}

function pick(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? false]));
}

function hashCells(fields: readonly string[], cells: readonly string[]): string {
  return createHash("sha1")
    .update(JSON.stringify([fields, cells]))
    .digest("hex");
}
