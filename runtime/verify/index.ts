// verify: proves what arrived. Reads the loaded records back from Odoo (all, or a deterministic sample) and
// compares them field by field with what was staged, as the cells the loader wrote.
import { createHash } from "node:crypto";
import type { TransformPlan } from "../../plan/types.js";
import type { TargetValue } from "../execute/index.js";
import { comparableCell, readCell, toCell, UnresolvedReference, type IdResolver } from "../load/cells.js";
import { emptyCellLeftToOdoo, prefetch, readTargetSchema, type LiveField, type OdooTransport } from "../load/index.js";
import type { StagedRecordRow, StagingStore } from "../stage/index.js";

export interface FieldMismatch {
  externalId: string;
  model: string;
  odooId: number;
  field: string;
  staged: string;
  inOdoo: string;
}

export interface VerifyResult {
  checked: number;
  missing: Array<{ externalId: string; model: string; odooId: number }>;
  mismatches: FieldMismatch[];
  perPhase: Array<{ phase: string; model: string; checked: number; missing: number; mismatched: number }>;
  ok: boolean;
}

const CHUNK = 200;

/**
 * Every record the runs of the folder staged and Odoo holds (created, updated, unchanged, or refused on
 * update: the record is there, the values are not), every field the spec writes, including those staged
 * empty, except the empty cells the loader leaves to Odoo (`emptyCellLeftToOdoo`).
 */
export async function verifyRun(
  plan: TransformPlan,
  store: StagingStore,
  odoo: OdooTransport,
  exportDir: string,
  options: { sample?: number } = {},
): Promise<VerifyResult> {
  const result: VerifyResult = { checked: 0, missing: [], mismatches: [], perPhase: [], ok: true };
  const schema = await readTargetSchema(plan, odoo);
  const phases = store.loadedPhases();
  for (const { mapping, model } of orderPhases(plan, phases)) {
    const loaded = await loadedRecords(store, odoo, plan.target.externalIdModule, mapping);
    const chosen = options.sample ? pickSample(loaded, options.sample) : loaded;
    if (chosen.length === 0) continue;
    const fieldsOfModel = schema.fields.get(model) ?? new Map<string, LiveField>();
    const ids = await prefetch(plan, store, odoo, mapping, exportDir, undefined, undefined, "verify");
    const counts = { phase: mapping, model, checked: 0, missing: 0, mismatched: 0 };
    for (let start = 0; start < chosen.length; start += CHUNK) {
      const batch = chosen.slice(start, start + CHUNK);
      const records = batch.map((b) => store.record(b.external_id)!);
      const fields = [
        ...new Set(records.flatMap((r) => [...Object.keys(r.values), ...Object.keys(r.deferred)])),
      ].filter((f) => fieldsOfModel.has(f));
      const rows = await odoo.executeKw<Array<Record<string, unknown> & { id: number }>>(
        model,
        "read",
        [batch.map((b) => b.odoo_id), fields],
        { context: { active_test: false } },
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const [index, record] of records.entries()) {
        const odooId = batch[index]!.odoo_id;
        const row = byId.get(odooId);
        counts.checked += 1;
        if (!row) {
          counts.missing += 1;
          result.missing.push({ externalId: record.externalId, model, odooId });
          continue;
        }
        const differing = differingFields(model, fields, fieldsOfModel, record, row, ids);
        counts.mismatched += differing.length;
        result.mismatches.push(...differing.map((d) => ({ externalId: record.externalId, model, odooId, ...d })));
      }
    }
    result.checked += counts.checked;
    result.perPhase.push(counts);
  }
  result.ok = result.missing.length === 0 && result.mismatches.length === 0;
  return result;
}

/**
 * The records of a map in Odoo: by the folder's id map, and for a record Odoo refused on update (which the
 * id map of a new folder does not know), by its external id.
 */
async function loadedRecords(
  store: StagingStore,
  odoo: OdooTransport,
  module: string,
  mapping: string,
): Promise<Array<{ external_id: string; odoo_id: number }>> {
  const known = store.loadedIds(mapping);
  const refused = store.refusedUnknown(mapping);
  if (refused.length === 0) return known;
  const names = refused.map((id) => id.slice(module.length + 1));
  const found = await odoo.executeKw<Array<{ name: string; res_id: number }>>(
    "ir.model.data",
    "search_read",
    [
      [
        ["module", "=", module],
        ["name", "in", names],
      ],
    ],
    { fields: ["name", "res_id"] },
  );
  return [...known, ...found.map((f) => ({ external_id: `${module}.${f.name}`, odoo_id: f.res_id }))];
}

function differingFields(
  model: string,
  fields: readonly string[],
  fieldsOfModel: ReadonlyMap<string, LiveField>,
  record: StagedRecordRow,
  row: Record<string, unknown>,
  ids: IdResolver,
): Array<{ field: string; staged: string; inOdoo: string }> {
  const wanted = { ...record.values, ...record.deferred };
  const cells = new Map<string, string | undefined>();
  // undefined for a field the record does not write at all
  const cellOf = (field: string) => {
    if (!cells.has(field))
      cells.set(
        field,
        field in wanted
          ? rawCell(field, fieldsOfModel.get(field) ?? { type: "char" }, wanted[field] ?? null, ids)
          : undefined,
      );
    return cells.get(field);
  };
  const differing: Array<{ field: string; staged: string; inOdoo: string }> = [];
  for (const field of fields) {
    if (!(field in wanted)) continue;
    const info = fieldsOfModel.get(field)!;
    let staged: string;
    try {
      staged = comparableCell(info, toCell(field, info, wanted[field] ?? null, ids));
    } catch (error) {
      if (error instanceof UnresolvedReference) continue;
      throw error;
    }
    // deferred values are compared as themselves: only the first pass leaves them to the second
    const deferredOnly = field in record.deferred ? {} : record.deferred;
    if (cellOf(field) === "" && emptyCellLeftToOdoo(model, field, fieldsOfModel, cellOf, deferredOnly)) continue;
    const inOdoo = comparableCell(info, readCell(info, row[field]));
    if (staged !== inOdoo) differing.push({ field, staged, inOdoo });
  }
  return differing;
}

function orderPhases(
  plan: TransformPlan,
  phases: Array<{ mapping: string; model: string }>,
): Array<{ mapping: string; model: string }> {
  const position = (mapping: string) => {
    const index = plan.loadOrder.phases.indexOf(mapping);
    return index < 0 ? -1 : index;
  };
  return [...phases].sort((a, b) => position(a.mapping) - position(b.mapping));
}

function pickSample<T extends { external_id: string }>(rows: T[], n: number): T[] {
  const order = (id: string) => createHash("sha1").update(id).digest("hex");
  return [...rows].sort((a, b) => order(a.external_id).localeCompare(order(b.external_id))).slice(0, n);
}

function rawCell(field: string, info: { type: string }, value: TargetValue, ids: IdResolver): string {
  try {
    return toCell(field, info, value, ids);
  } catch {
    return "";
  }
}
