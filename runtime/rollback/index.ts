// rollback: Odoo back to its state before the runs journaled in this folder. The journal is undone in
// reverse: updated records get their earlier values back, created ones are deleted (their external ids,
// messages, followers and attachments go with them). Undone entries leave the journal, so a second
// rollback finds nothing to do.
import { IMPORT_CONTEXT, OdooFault, type OdooTransport } from "../load/index.js";
import type { JournalEntry, StagingStore } from "../stage/index.js";

export interface RollbackResult {
  restored: number;
  deleted: number;
  alreadyGone: number;
  /** records Odoo would not delete or restore, with its reason; they stay in the journal */
  failed: Array<{ model: string; odooId: number; reason: string }>;
  /** per model: records before the first run, before this rollback, and now */
  counts: Array<{ model: string; beforeRun: number | null; beforeRollback: number; after: number }>;
}

const CHUNK = 200;

export async function rollbackRun(store: StagingStore, odoo: OdooTransport): Promise<RollbackResult> {
  const entries = store.journalNewestFirst();
  const models = [...new Set(entries.map((e) => e.model))];
  const countsBefore = JSON.parse(store.meta("countsBeforeFirstRun") ?? "{}") as Record<string, number>;
  const beforeRollback = await countModels(odoo, models);
  const result: RollbackResult = { restored: 0, deleted: 0, alreadyGone: 0, failed: [], counts: [] };
  // Records created by a run must go before anything they depend on: the journal's reverse order is the
  // reverse load order, phase by phase.
  let index = 0;
  while (index < entries.length) {
    const entry = entries[index]!;
    if (entry.op === "update") {
      try {
        await restore(odoo, entry);
        result.restored += 1;
        store.forgetJournalEntries([entry]);
      } catch (error) {
        if (!(error instanceof OdooFault)) throw error;
        result.failed.push({ model: entry.model, odooId: entry.odoo_id, reason: error.message });
      }
      index += 1;
      continue;
    }
    const run = [] as JournalEntry[];
    while (
      index < entries.length &&
      entries[index]!.op === "create" &&
      entries[index]!.model === entry.model &&
      run.length < CHUNK
    )
      run.push(entries[index++]!);
    await deleteCreated(odoo, store, entry.model, run, result);
  }
  const after = await countModels(odoo, models);
  result.counts = models.map((model) => ({
    model,
    beforeRun: countsBefore[model] ?? null,
    beforeRollback: beforeRollback[model] ?? 0,
    after: after[model] ?? 0,
  }));
  return result;
}

/** Deletes a run of created records; when Odoo refuses the batch, one by one, so one refusal blocks no other. */
/**
 * Seen on Odoo 17: a quotation that is sent (or confirmed) refuses `unlink` ("You must first cancel it"), so
 * what a load made of it is cancelled first, as a user would, with the importer's context.
 */
async function prepareUnlink(odoo: OdooTransport, model: string, ids: number[]): Promise<void> {
  if (model !== "sale.order") return;
  const open = await odoo.executeKw<number[]>(model, "search", [
    [
      ["id", "in", ids],
      ["state", "not in", ["draft", "cancel"]],
    ],
  ]);
  if (open.length > 0) await odoo.executeKw(model, "write", [open, { state: "cancel" }], { context: IMPORT_CONTEXT });
}

async function deleteCreated(
  odoo: OdooTransport,
  store: StagingStore,
  model: string,
  run: JournalEntry[],
  result: RollbackResult,
): Promise<void> {
  const ids = run.map((e) => e.odoo_id);
  const existing = new Set(
    await odoo.executeKw<number[]>(model, "search", [[["id", "in", ids]]], { context: { active_test: false } }),
  );
  const hidden = await hiddenFromSearch(
    odoo,
    model,
    ids.filter((id) => !existing.has(id)),
  );
  for (const [odooId, xmlid] of hidden) {
    result.failed.push({
      model,
      odooId,
      reason: `Odoo no longer shows it to this user, yet its external id ${xmlid} is still there (a message on no record is seen only by its author): an administrator must delete it`,
    });
  }
  run = run.filter((entry) => !hidden.has(entry.odoo_id));
  result.alreadyGone += ids.length - existing.size - hidden.size;
  try {
    if (existing.size > 0) await prepareUnlink(odoo, model, [...existing]);
    if (existing.size > 0) await odoo.executeKw(model, "unlink", [[...existing]]);
    result.deleted += existing.size;
    store.forgetJournalEntries(run);
    return;
  } catch (error) {
    if (!(error instanceof OdooFault) || run.length === 1) {
      if (!(error instanceof OdooFault)) throw error;
      result.failed.push({ model, odooId: run[0]!.odoo_id, reason: error.message });
      return;
    }
  }
  for (const entry of run) {
    if (!existing.has(entry.odoo_id)) {
      store.forgetJournalEntries([entry]);
      continue;
    }
    await deleteCreated(odoo, store, model, [entry], result);
  }
}

/**
 * Records `search` does not find may be gone, or only hidden from this user by a record rule. Their external
 * ids tell: Odoo deletes those with the record, and ir.model.data is not hidden. Hidden ones are not gone.
 */
async function hiddenFromSearch(
  odoo: OdooTransport,
  model: string,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await odoo.executeKw<Array<{ res_id: number; module: string; name: string }>>(
    "ir.model.data",
    "search_read",
    [
      [
        ["model", "=", model],
        ["res_id", "in", [...ids]],
      ],
    ],
    { fields: ["res_id", "module", "name"] },
  );
  return new Map(rows.map((row) => [row.res_id, `${row.module}.${row.name}`]));
}

/** Writes the values an update replaced; relational values come back from `read` as [id, name] or ids. */
async function restore(odoo: OdooTransport, entry: JournalEntry): Promise<void> {
  const before = JSON.parse(entry.before_json ?? "null") as Record<string, unknown> | null;
  if (!before || Object.keys(before).length === 0) return;
  const values = Object.fromEntries(
    Object.entries(before).map(([field, value]) => {
      if (Array.isArray(value) && value.length === 2 && typeof value[1] === "string") return [field, value[0]];
      if (Array.isArray(value)) return [field, [[6, 0, value]]];
      return [field, value];
    }),
  );
  const exists = await odoo.executeKw<number[]>(entry.model, "search", [[["id", "=", entry.odoo_id]]], {
    context: { active_test: false },
  });
  // with the importer's context: a restore must not post tracking messages that outlive the rollback
  if (exists.length > 0)
    await odoo.executeKw(entry.model, "write", [[entry.odoo_id], values], { context: IMPORT_CONTEXT });
}

/**
 * The rows each model's table holds, archived ones included, in one call: ir.model's `count` field counts
 * the table, where a search_count per model would cost a round trip each. A model the database does not
 * have (a custom model the rollback itself removed) holds nothing.
 */
export async function countModels(odoo: OdooTransport, models: readonly string[]): Promise<Record<string, number>> {
  const rows = await odoo.executeKw<Array<{ model: string; count: number }>>(
    "ir.model",
    "search_read",
    [[["model", "in", [...models]]]],
    {
      fields: ["model", "count"],
    },
  );
  const counts = new Map(rows.map((row) => [row.model, row.count]));
  return Object.fromEntries(models.map((model) => [model, counts.get(model) ?? 0]));
}
