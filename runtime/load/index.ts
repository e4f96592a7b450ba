// load: staging store → Odoo, one phase per map in load order (placeholders first). Each phase prefetches
// its lookups and the external ids it points to in a handful of calls, then writes in batches; a phase is
// reconciled (its counts balance) before the next one starts.
import pLimit from "p-limit";
import type { PlanLookup, TransformPlan } from "../../compiler/plan/types.js";
import type { TargetValue } from "../execute/index.js";
import { readExportFileSync } from "../extract/export-paths.js";
import type { StagedRecordRow, StagingStore } from "../stage/index.js";
import type { IdResolver } from "./cells.js";
import { PhaseLoader, type PhaseCounts } from "./phase.js";
import { activeMappings, describeModel, writtenFields, type TargetSchema } from "./schema.js";
import type { OdooTransport } from "./transport.js";

export { readTargetSchema, SchemaMismatchError, activeMappings, type LiveField, type TargetSchema } from "./schema.js";
export { emptyCellLeftToOdoo } from "./empty-cells.js";
export { OdooAuthError, OdooFault, TransientError, XmlRpcTransport, type OdooConnection, type OdooTransport } from "./transport.js";
export { IMPORT_CONTEXT, type PhaseCounts } from "./phase.js";

export interface LoadOptions {
  exportDir: string;
  batchSize?: number;
  /** batches of a phase loaded at once (default DEFAULT_JOBS) */
  jobs?: number;
  include?: (externalId: string) => boolean;
  /** called as each phase lands, so a run that fails later still reports what landed */
  onPhase?: (counts: PhaseCounts) => void;
  progress?: (event: { source: string; rows: number; total?: number; done: boolean }) => void;
}

export class PhaseNotBalanced extends Error {}

/**
 * Batches of a phase loaded at once. A multi-worker Odoo answers them in parallel, but on the 2-core test
 * machine Odoo is bound by the CPU it shares with PostgreSQL: a scale-4 SmartDesk load took 18.0 s with 1
 * and 18.2 s with 3 (workers = 3), so one at a time stays the default; `--jobs` is for servers with cores to spare.
 */
export const DEFAULT_JOBS = 1;

const CHUNK = 500;

export async function loadIntoOdoo(plan: TransformPlan, store: StagingStore, odoo: OdooTransport, schema: TargetSchema, options: LoadOptions): Promise<PhaseCounts[]> {
  const module = plan.target.externalIdModule;
  const results: PhaseCounts[] = [];
  const placeholderPhases = store.all<{ mapping: string; model: string }>(
    "SELECT DISTINCT mapping, model FROM records WHERE placeholder = 1 AND status = 'staged' ORDER BY mapping",
  );
  const active = new Set(activeMappings(plan, schema.installedModules).map((m) => m.id));
  const phases = [
    ...placeholderPhases.map((p) => ({ id: p.mapping, model: p.model })),
    ...plan.loadOrder.phases.filter((id) => active.has(id)).map((id) => ({ id, model: plan.mappings.find((m) => m.id === id)!.model })),
  ];
  const secondPasses = secondPassSchedule(plan, phases.map((phase) => phase.id));
  const waiting = new Map<string, PhaseLoader>();
  const answers = newOdooAnswers(plan, active);
  const firstLoad = !(await holdsRecordsOfTheRun(plan, odoo));
  for (const phase of phases) {
    const total = store.get<{ n: number }>("SELECT COUNT(*) AS n FROM records WHERE mapping = ? AND status = 'staged'", phase.id)?.n ?? 0;
    const ids = await prefetch(plan, store, odoo, phase.id, options.exportDir, answers);
    const loader = new PhaseLoader(
      {
        odoo,
        store,
        module,
        fields: schema.fields.get(phase.model) ?? (await describeModel(odoo, phase.model, writtenFields(plan, phase.model, schema.installedModules))),
        ids,
        batchSize: options.batchSize ?? 200,
        jobs: options.jobs ?? DEFAULT_JOBS,
        firstLoad,
        ...(options.include ? { include: options.include } : {}),
        ...(options.progress ? { progress: (rows: number, of: number) => options.progress!({ source: `load ${phase.id}`, rows, total: of, done: false }) } : {}),
      },
      phase.id,
      phase.model,
    );
    const counts = await loader.run(store.recordPages(phase.id, 2000), total);
    options.progress?.({ source: `load ${phase.id}`, rows: counts.source, total, done: true });
    const settled = counts.created + counts.updated + counts.unchanged + counts.rejected + counts.skipped;
    if (settled !== counts.source) {
      throw new PhaseNotBalanced(`phase ${phase.id} does not balance: ${counts.source} records in, ${settled} accounted for; stopping before the next phase`);
    }
    waiting.set(phase.id, loader);
    for (const mapping of secondPasses.get(phase.id) ?? []) {
      await waiting.get(mapping)?.writeDeferred(store.recordPages(mapping, 2000));
      waiting.delete(mapping);
    }
    results.push(counts);
    options.onPhase?.(counts);
  }
  return results;
}

/**
 * Whether Odoo holds a record under this run's module (the spec's declared records aside, which
 * apply-schema makes): when it holds none, no record of the run can exist before this load writes it, and
 * the loader need not ask for each batch (one call instead of one a batch, on every first load).
 */
async function holdsRecordsOfTheRun(plan: TransformPlan, odoo: OdooTransport): Promise<boolean> {
  const module = plan.target.externalIdModule;
  const declared = plan.records.map((r) => r.xmlid.slice(r.xmlid.indexOf(".") + 1));
  return (await odoo.executeKw<number>("ir.model.data", "search_count", [[["module", "=", module], ["name", "not in", declared]]])) > 0;
}

/**
 * What Odoo answered during one load, kept across its phases: owners, countries and standard records asked
 * once, not once a phase. A key found stays found; a key not found is asked again only when the run itself
 * writes the lookup's model (a partner made in an earlier phase can be the one a later phase looks for).
 */
export interface OdooAnswers {
  lookups: Map<string, Map<string, number | null>>;
  xmlids: Map<string, number>;
  /** models an active map of the run writes */
  written: ReadonlySet<string>;
}

function newOdooAnswers(plan: TransformPlan, active: ReadonlySet<string>): OdooAnswers {
  return { lookups: new Map(), xmlids: new Map(), written: new Set(plan.mappings.filter((m) => active.has(m.id)).map((m) => m.model)) };
}

/**
 * After which phase each map's second pass runs: its own, or the last phase one of its `deferred` fields
 * points into. Maps whose pass waits are left out of their own phase's list. A phase not loaded here (its
 * app is missing) does not hold a pass back.
 */
function secondPassSchedule(plan: TransformPlan, phases: readonly string[]): Map<string, string[]> {
  const position = (id: string) => phases.indexOf(id);
  const runAfter = new Map(phases.map((id) => [id, id]));
  for (const deferral of plan.loadOrder.deferred) {
    const current = runAfter.get(deferral.mapping);
    if (current !== undefined && position(deferral.after) > position(current)) runAfter.set(deferral.mapping, deferral.after);
  }
  const schedule = new Map<string, string[]>();
  for (const [mapping, after] of runAfter) schedule.set(after, [...(schedule.get(after) ?? []), mapping]);
  return schedule;
}

/**
 * One pass over the phase's staged values: the Odoo lookups it needs (owners by e-mail, countries…) and
 * the external ids it points to outside this run (standard records such as `mail.mt_note`), each fetched
 * with one search per few hundred keys, never one call per row.
 */
export async function prefetch(plan: TransformPlan, store: StagingStore, odoo: OdooTransport, mapping: string, exportDir: string, answers?: OdooAnswers): Promise<IdResolver> {
  const lookupKeys = new Map<string, Set<string>>();
  const foreignXmlids = new Set<string>();
  const visit = (value: TargetValue): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== "object") return;
    if ("lookup" in value && typeof value.lookup.key === "string") {
      const keys = lookupKeys.get(value.lookup.name) ?? new Set<string>();
      keys.add(value.lookup.key);
      lookupKeys.set(value.lookup.name, keys);
    }
    // Our own external ids are in the id map once loaded; others (standard records, records declared in
    // the spec and created by apply-schema in another run folder) are asked of Odoo.
    if ("xmlid" in value && typeof value.xmlid === "string" && !store.idMapEntry(value.xmlid)) foreignXmlids.add(value.xmlid);
  };
  for (const page of store.recordPages(mapping, 2000)) {
    for (const record of page) {
      Object.values(record.values).forEach(visit);
      Object.values(record.deferred).forEach(visit);
    }
  }
  const known = answers ?? { lookups: new Map(), xmlids: new Map(), written: new Set<string>() };
  const limit = pLimit(3);
  const [fetched, foreign] = await Promise.all([
    Promise.all(
      [...lookupKeys].map(([name, keys]) =>
        limit(async () => {
          const lookup = lookupOf(plan, name);
          const remembered = known.lookups.get(name) ?? new Map<string, number | null>();
          const asked = await fetchLookup(odoo, lookup, [...keys].filter((key) => !remembered.has(key)));
          for (const [key, id] of asked) if (id !== null || !known.written.has(lookup.model)) remembered.set(key, id);
          known.lookups.set(name, remembered);
          return [name, new Map<string, number | null>([...remembered, ...asked])] as const;
        }),
      ),
    ),
    fetchXmlids(odoo, [...foreignXmlids].filter((xmlid) => !known.xmlids.has(xmlid))).then((found) => {
      for (const [xmlid, id] of found) known.xmlids.set(xmlid, id);
      return known.xmlids;
    }),
  ]);
  const lookups = new Map<string, Map<string, number | null>>(fetched);
  recordMisses(plan, store, mapping, lookups);
  return {
    xmlid: (externalId) => store.idMapEntry(externalId)?.odooId ?? foreign.get(externalId),
    lookup: (name, key) => lookups.get(name)?.get(key),
    // Checked again at the read, not only at staging: a resumed load may meet a folder changed since.
    file: (path) => readExportFileSync(exportDir, path).toString("base64"),
  };
}

/** `ir.model` is the lookup behind links written as `res_model_id`. */
function lookupOf(plan: TransformPlan, name: string): Pick<PlanLookup, "model" | "key" | "onMissing" | "name"> {
  if (name === "ir.model") return { name, model: "ir.model", key: { kind: "field", name: "model" }, onMissing: { kind: "fail" } };
  const lookup = plan.lookups.find((l) => l.name === name);
  if (!lookup) throw new Error(`The plan uses lookup \`${name}\`, which it does not define.`);
  return lookup;
}

async function fetchLookup(odoo: OdooTransport, lookup: Pick<PlanLookup, "model" | "key" | "onMissing">, keys: string[]): Promise<Map<string, number | null>> {
  const field = lookup.key.kind === "field" ? lookup.key.name : "name";
  const found = new Map<string, number | null>();
  const search = (domain: unknown[]) =>
    odoo.executeKw<Array<Record<string, unknown> & { id: number }>>(lookup.model, "search_read", [domain], { fields: [field], context: { active_test: false } });
  for (let start = 0; start < keys.length; start += CHUNK) {
    for (const row of await search([[field, "in", keys.slice(start, start + CHUNK)]])) {
      const key = String(row[field]);
      if (!found.has(key)) found.set(key, row.id);
    }
  }
  // Exports and Odoo disagree on case (`Marco.Bianchi@…` in the owners list, `marco.bianchi@…` as the login):
  // a key not found as written is matched ignoring case, which the index cannot serve, so only for those.
  const unmatched = keys.filter((key) => !found.has(key));
  for (let start = 0; start < unmatched.length; start += CHUNK) {
    const chunk = unmatched.slice(start, start + CHUNK);
    const byLowercase = new Map(chunk.map((key) => [key.toLowerCase(), key]));
    const conditions = chunk.map((key) => [field, "=ilike", escapeLike(key)]);
    for (const row of await search([...Array<string>(conditions.length - 1).fill("|"), ...conditions])) {
      const key = byLowercase.get(String(row[field]).toLowerCase());
      if (key !== undefined && !found.has(key)) found.set(key, row.id);
    }
  }
  // A miss follows the lookup's policy: `empty`/`queue` leave the field empty (null), `fail` rejects the record.
  for (const key of keys) if (!found.has(key) && lookup.onMissing.kind !== "fail") found.set(key, null);
  return found;
}

/** `=ilike` reads `%` and `_` as wildcards; an e-mail such as `first_last@…` must match only itself. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

async function fetchXmlids(odoo: OdooTransport, xmlids: string[]): Promise<Map<string, number>> {
  const byModule = new Map<string, string[]>();
  for (const xmlid of xmlids) {
    const dot = xmlid.indexOf(".");
    const list = byModule.get(xmlid.slice(0, dot)) ?? [];
    list.push(xmlid.slice(dot + 1));
    byModule.set(xmlid.slice(0, dot), list);
  }
  const found = new Map<string, number>();
  for (const [module, names] of byModule) {
    for (let start = 0; start < names.length; start += CHUNK) {
      const rows = await odoo.executeKw<Array<{ name: string; res_id: number }>>(
        "ir.model.data", "search_read", [[["module", "=", module], ["name", "in", names.slice(start, start + CHUNK)]]], { fields: ["name", "res_id"] },
      );
      for (const row of rows) found.set(`${module}.${row.name}`, row.res_id);
    }
  }
  return found;
}

/** Keys an Odoo lookup did not find and whose policy queues them: listed, once per record and field. */
function recordMisses(plan: TransformPlan, store: StagingStore, mapping: string, lookups: ReadonlyMap<string, ReadonlyMap<string, number | null>>): void {
  for (const page of store.recordPages(mapping, 2000)) {
    store.transaction(() => {
      for (const record of page) for (const [field, value] of Object.entries(record.values)) queueMiss(plan, store, record, field, value, lookups);
    });
  }
}

function queueMiss(plan: TransformPlan, store: StagingStore, record: StagedRecordRow, field: string, value: TargetValue, lookups: ReadonlyMap<string, ReadonlyMap<string, number | null>>): void {
  if (Array.isArray(value)) return value.forEach((v) => queueMiss(plan, store, record, field, v, lookups));
  if (value === null || typeof value !== "object" || !("lookup" in value) || typeof value.lookup.key !== "string") return;
  if (lookups.get(value.lookup.name)?.get(value.lookup.key) !== null) return;
  const lookup = plan.lookups.find((l) => l.name === value.lookup.name);
  if (lookup?.onMissing.kind !== "queue") return;
  store.addQueue({
    kind: lookup.model === "res.users" ? "owner" : "lookup",
    mapping: record.mapping,
    externalId: record.externalId,
    field,
    target: lookup.name,
    key: value.lookup.key,
    reason: lookup.onMissing.reason || `no ${lookup.model} with ${lookup.key.kind === "field" ? lookup.key.name : "key"} "${value.lookup.key}"`,
  });
}
