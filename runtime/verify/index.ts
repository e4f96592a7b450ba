// verify: proves what arrived. Reads the loaded records back from Odoo (all, or a deterministic sample) and
// compares them field by field with what was staged, as the cells the loader wrote.
import { createHash } from "node:crypto";
import type { TransformPlan } from "../../compiler/plan/types.js";
import type { TargetValue } from "../execute/index.js";
import { comparableCell, readCell, toCell, UnresolvedReference, type IdResolver } from "../load/cells.js";
import { prefetch, type OdooTransport } from "../load/index.js";
import type { StagingStore } from "../stage/index.js";

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

export async function verifyRun(plan: TransformPlan, store: StagingStore, odoo: OdooTransport, exportDir: string, options: { sample?: number } = {}): Promise<VerifyResult> {
  const result: VerifyResult = { checked: 0, missing: [], mismatches: [], perPhase: [], ok: true };
  const phases = store.all<{ mapping: string; model: string }>("SELECT DISTINCT mapping, model FROM records WHERE status = 'staged' ORDER BY rowid");
  for (const { mapping, model } of orderPhases(plan, phases)) {
    const loaded = store.all<{ external_id: string; odoo_id: number }>(
      "SELECT r.external_id, i.odoo_id FROM records r JOIN id_map i ON i.external_id = r.external_id WHERE r.mapping = ? AND r.status = 'staged'",
      mapping,
    );
    const chosen = options.sample ? pickSample(loaded, options.sample) : loaded;
    if (chosen.length === 0) continue;
    const described = await odoo.executeKw<Record<string, { type: string; required?: boolean }>>(model, "fields_get", [], { attributes: ["type", "required"] });
    const ids = await prefetch(plan, store, odoo, mapping, exportDir);
    const counts = { phase: mapping, model, checked: 0, missing: 0, mismatched: 0 };
    for (let start = 0; start < chosen.length; start += CHUNK) {
      const batch = chosen.slice(start, start + CHUNK);
      const records = batch.map((b) => store.record(b.external_id)!);
      const fields = [...new Set(records.flatMap((r) => [...Object.keys(r.values), ...Object.keys(r.deferred)]))].filter((f) => described[f]);
      const rows = await odoo.executeKw<Array<Record<string, unknown> & { id: number }>>(model, "read", [batch.map((b) => b.odoo_id), fields], { context: { active_test: false } });
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
        const wanted = { ...record.values, ...record.deferred };
        const created = store.idMapEntry(record.externalId)?.created ?? false;
        for (const field of fields) {
          if (!(field in wanted)) continue;
          const info = described[field]!;
          let staged: string;
          try {
            staged = comparableCell(info, toCell(field, info, wanted[field] ?? null, ids));
          } catch (error) {
            if (error instanceof UnresolvedReference) continue;
            throw error;
          }
          // The loader sends a new record without its empty cells, leaving them to Odoo's defaults (a contact
          // shares its company's address): for those, any value is what was meant.
          if (created && toCellIsEmpty(rawCell(field, info, wanted[field] ?? null, ids))) continue;
          const inOdoo = comparableCell(info, readCell(info, row[field]));
          if (staged !== inOdoo) {
            counts.mismatched += 1;
            result.mismatches.push({ externalId: record.externalId, model, odooId, field, staged, inOdoo });
          }
        }
      }
    }
    result.checked += counts.checked;
    result.perPhase.push(counts);
  }
  result.ok = result.missing.length === 0 && result.mismatches.length === 0;
  return result;
}

function orderPhases(plan: TransformPlan, phases: Array<{ mapping: string; model: string }>): Array<{ mapping: string; model: string }> {
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

function toCellIsEmpty(cell: string): boolean {
  return cell === "";
}

function rawCell(field: string, info: { type: string }, value: TargetValue, ids: IdResolver): string {
  try {
    return toCell(field, info, value, ids);
  } catch {
    return "";
  }
}
