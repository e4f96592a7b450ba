// load: staging store → Odoo, one phase per map in load order (placeholders first). Each phase prefetches
// its lookups and the external ids it points to in a handful of calls, then writes in batches; a phase is
// reconciled (its counts balance) before the next one starts.
import pLimit from "p-limit";
import type { MissingPolicy, PlanLookup, TransformPlan } from "../../plan/types.js";
import type { TargetValue } from "../execute/index.js";
import { readExportFileSync } from "../extract/export-paths.js";
import type { StagedRecordRow, StagingStore } from "../stage/index.js";
import type { IdResolver } from "./cells.js";
import { PhaseLoader, type PhaseCounts } from "./phase.js";
import { settleLookupMisses } from "./lookup-misses.js";
import { fetchXmlids } from "./xmlids.js";
import { activeMappings, describeModel, writtenFields, type TargetSchema } from "./schema.js";
import type { OdooTransport } from "./transport.js";

export {
  readInstalledModules,
  readTargetSchema,
  SchemaMismatchError,
  activeMappings,
  type LiveField,
  type TargetSchema,
} from "./schema.js";
export { emptyCellLeftToOdoo } from "./empty-cells.js";
export {
  OdooAuthError,
  OdooFault,
  TransientError,
  XmlRpcTransport,
  type OdooConnection,
  type OdooTransport,
} from "./transport.js";
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

export async function loadIntoOdoo(
  plan: TransformPlan,
  store: StagingStore,
  odoo: OdooTransport,
  schema: TargetSchema,
  options: LoadOptions,
): Promise<PhaseCounts[]> {
  const module = plan.target.externalIdModule;
  const results: PhaseCounts[] = [];
  const placeholderPhases = store.placeholderPhases();
  const active = new Set(activeMappings(plan, schema.installedModules).map((m) => m.id));
  const phases = [
    ...placeholderPhases.map((p) => ({ id: p.mapping, model: p.model })),
    ...plan.loadOrder.phases
      .filter((id) => active.has(id))
      .map((id) => ({ id, model: plan.mappings.find((m) => m.id === id)!.model })),
  ];
  const secondPasses = secondPassSchedule(
    plan,
    phases.map((phase) => phase.id),
  );
  const waiting = new Map<string, PhaseLoader>();
  const answers = newOdooAnswers(plan, active);
  await readModuleXmlids(odoo, module, store);
  // the run's own external ids are answered by the id map and what Odoo held: not kept per phase in memory
  const references = new Map(phases.map((phase) => [phase.id, collectReferences(store, phase.id, module)]));
  await askAhead(plan, odoo, [...references.values()], answers);
  for (const phase of phases) {
    const total = store.stagedCount(phase.id);
    const ids = await prefetch(plan, store, odoo, phase.id, options.exportDir, answers, references.get(phase.id));
    const loader = new PhaseLoader(
      {
        odoo,
        store,
        module,
        fields:
          schema.fields.get(phase.model) ??
          (await describeModel(odoo, phase.model, writtenFields(plan, phase.model, schema.installedModules))),
        ids,
        batchSize: options.batchSize ?? 200,
        jobs: options.jobs ?? DEFAULT_JOBS,
        held: (externalId: string) => store.heldRecord(externalId),
        ...(options.include ? { include: options.include } : {}),
        ...(options.progress
          ? {
              progress: (rows: number, of: number) =>
                options.progress!({ source: `load ${phase.id}`, rows, total: of, done: false }),
            }
          : {}),
      },
      phase.id,
      phase.model,
    );
    const counts = await loader.run(store.recordPages(phase.id, 2000), total);
    options.progress?.({ source: `load ${phase.id}`, rows: counts.source, total, done: true });
    const settled = counts.created + counts.updated + counts.unchanged + counts.rejected + counts.skipped;
    if (settled !== counts.source) {
      throw new PhaseNotBalanced(
        `phase ${phase.id} does not balance: ${counts.source} records in, ${settled} accounted for; stopping before the next phase`,
      );
    }
    waiting.set(phase.id, loader);
    for (const mapping of secondPasses.get(phase.id) ?? []) {
      await waiting.get(mapping)?.writeDeferred(store.recordPages(mapping, 2000));
      waiting.delete(mapping);
    }
    forgetMisses(plan, answers, phase.model);
    results.push(counts);
    options.onPhase?.(counts);
  }
  return results;
}

const XMLID_PAGE = 50_000;

/**
 * Every external id Odoo holds under the run's module, read once when the load begins, a page of 50,000 at
 * a time, into the store (`heldRecord`): which records an earlier run (from this folder or another, or one
 * that crashed) already made, so no batch has to ask, and none on a first load, where the answer is empty.
 */
export async function readModuleXmlids(odoo: OdooTransport, module: string, store: StagingStore): Promise<void> {
  for (let offset = 0; ; offset += XMLID_PAGE) {
    const rows = await odoo.executeKw<Array<{ name: string; model: string; res_id: number }>>(
      "ir.model.data",
      "search_read",
      [[["module", "=", module]]],
      { fields: ["name", "model", "res_id"], order: "id", offset, limit: XMLID_PAGE },
    );
    store.rememberHeld(
      rows.map((row) => ({ externalId: `${module}.${row.name}`, model: row.model, id: row.res_id })),
      offset === 0,
    );
    if (rows.length < XMLID_PAGE) return;
  }
}

/**
 * What Odoo answered during one load, kept across its phases: owners, countries and standard records asked
 * once, not once a phase. A key found stays found; a key not found is asked again only after a phase of the
 * run wrote the lookup's model (a partner made in an earlier phase can be the one a later phase looks for).
 */
export interface OdooAnswers {
  lookups: Map<string, Map<string, number | null>>;
  xmlids: Map<string, number>;
  /** models an active map of the run writes */
  written: ReadonlySet<string>;
}

function newOdooAnswers(plan: TransformPlan, active: ReadonlySet<string>): OdooAnswers {
  return {
    lookups: new Map(),
    xmlids: new Map(),
    written: new Set(plan.mappings.filter((m) => active.has(m.id)).map((m) => m.model)),
  };
}

/** What one phase's staged values ask of Odoo: lookup keys by lookup, and external ids. */
export interface PhaseReferences {
  lookupKeys: Map<string, Set<string>>;
  xmlids: Set<string>;
}

/** One pass over a phase's staged values, for the Odoo lookups and external ids it needs (not those of `ownModule`). */
export function collectReferences(store: StagingStore, mapping: string, ownModule?: string): PhaseReferences {
  const references: PhaseReferences = { lookupKeys: new Map(), xmlids: new Set() };
  const visit = (value: TargetValue): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== "object") return;
    if ("lookup" in value && typeof value.lookup.key === "string") {
      const keys = references.lookupKeys.get(value.lookup.name) ?? new Set<string>();
      keys.add(value.lookup.key);
      references.lookupKeys.set(value.lookup.name, keys);
    }
    if (
      "xmlid" in value &&
      typeof value.xmlid === "string" &&
      !(ownModule && value.xmlid.startsWith(`${ownModule}.`))
    ) {
      references.xmlids.add(value.xmlid);
    }
  };
  for (const page of store.recordPages(mapping, 2000)) {
    for (const record of page) {
      Object.values(record.values).forEach(visit);
      Object.values(record.deferred).forEach(visit);
    }
  }
  return references;
}

/**
 * Before the first phase: the standard records every phase points to and the lookups into models the run
 * does not write (owners, countries, lost reasons…), asked once for the whole load rather than phase by
 * phase. Lookups into a model the run writes wait for their phase: an earlier phase may make the record.
 */
async function askAhead(
  plan: TransformPlan,
  odoo: OdooTransport,
  references: readonly PhaseReferences[],
  answers: OdooAnswers,
): Promise<void> {
  // and the standard records a lookup writes when it finds nothing (`on missing default xmlid "…"`)
  const xmlids = new Set<string>(plan.lookups.flatMap((l) => literalXmlids(l.onMissing)));
  const lookupKeys = new Map<string, Set<string>>();
  for (const phase of references) {
    for (const xmlid of phase.xmlids) xmlids.add(xmlid);
    for (const [name, keys] of phase.lookupKeys) {
      if (answers.written.has(lookupOf(plan, name).model)) continue;
      const all = lookupKeys.get(name) ?? new Set<string>();
      for (const key of keys) all.add(key);
      lookupKeys.set(name, all);
    }
  }
  const limit = pLimit(3);
  await Promise.all([
    rememberXmlids(odoo, [...xmlids], answers),
    ...[...lookupKeys].map(([name, keys]) =>
      limit(() => rememberLookup(odoo, lookupOf(plan, name), [...keys], answers)),
    ),
  ]);
}

function literalXmlids(policy: MissingPolicy): string[] {
  const literals =
    policy.kind === "default" ? [policy.value] : policy.kind === "placeholder" ? Object.values(policy.values) : [];
  return literals.flatMap((value) => (value !== null && typeof value === "object" ? [value.xmlid] : []));
}

/** The lookup's answers for these keys, asking Odoo only for keys not answered before. */
async function rememberLookup(
  odoo: OdooTransport,
  lookup: OdooLookup,
  keys: readonly string[],
  answers: OdooAnswers,
): Promise<Map<string, number | null>> {
  const remembered = answers.lookups.get(lookup.name) ?? new Map<string, number | null>();
  answers.lookups.set(lookup.name, remembered);
  for (const [key, id] of await fetchLookup(
    odoo,
    lookup,
    keys.filter((key) => !remembered.has(key)),
  ))
    remembered.set(key, id);
  // the phase's own copy: its second pass may run after later phases made some misses worth asking again
  return new Map(remembered);
}

/** After a phase wrote this model, a key its lookups did not find may be found: it is asked again. */
function forgetMisses(plan: TransformPlan, answers: OdooAnswers, model: string): void {
  for (const [name, remembered] of answers.lookups) {
    if (lookupOf(plan, name).target !== model) continue;
    for (const [key, id] of remembered) if (id === null) remembered.delete(key);
  }
}

/** Odoo's ids for these external ids, asking only for those not answered before. */
async function rememberXmlids(
  odoo: OdooTransport,
  xmlids: readonly string[],
  answers: OdooAnswers,
): Promise<Map<string, number>> {
  const unknown = xmlids.filter((xmlid) => !answers.xmlids.has(xmlid));
  for (const [xmlid, id] of await fetchXmlids(odoo, unknown)) answers.xmlids.set(xmlid, id);
  return answers.xmlids;
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
    if (current !== undefined && position(deferral.after) > position(current))
      runAfter.set(deferral.mapping, deferral.after);
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
export async function prefetch(
  plan: TransformPlan,
  store: StagingStore,
  odoo: OdooTransport,
  mapping: string,
  exportDir: string,
  answers?: OdooAnswers,
  references: PhaseReferences = collectReferences(store, mapping),
  /** verify reads what a load did: it must not create the placeholders a load would */
  purpose: "load" | "verify" = "load",
): Promise<IdResolver> {
  const known = answers ?? { lookups: new Map(), xmlids: new Map(), written: new Set<string>() };
  // Our own external ids are in the id map once loaded, or among what Odoo held when the load began (a load
  // leaves them out of its references); others (standard records; in verify, records of another folder)
  // are asked of Odoo.
  const foreignXmlids = [...references.xmlids].filter((xmlid) => !store.idMapEntry(xmlid));
  const limit = pLimit(3);
  const [fetched, foreign] = await Promise.all([
    Promise.all(
      [...references.lookupKeys].map(([name, keys]) =>
        limit(async () => [name, await rememberLookup(odoo, lookupOf(plan, name), [...keys], known)] as const),
      ),
    ),
    rememberXmlids(odoo, foreignXmlids, known),
  ]);
  const lookups = new Map<string, Map<string, number | null>>(fetched);
  const placeholders =
    purpose === "load" ? await settleMisses(plan, store, odoo, mapping, lookups, known) : new Set<string>();
  recordMisses(plan, store, mapping, lookups, placeholders);
  return {
    xmlid: (externalId) =>
      store.idMapEntry(externalId)?.odooId ?? foreign.get(externalId) ?? store.heldRecord(externalId)?.id,
    lookup: (name, key) => lookups.get(name)?.get(key),
    // Checked again at the read, not only at staging: a resumed load may meet a folder changed since.
    file: (path) => readExportFileSync(exportDir, path).toString("base64"),
  };
}

/**
 * Misses whose policy is a default or a placeholder get their id now (lookup-misses.ts), remembered for the
 * phases after; returns the keys that got a placeholder, as `lookup\0key`.
 */
async function settleMisses(
  plan: TransformPlan,
  store: StagingStore,
  odoo: OdooTransport,
  phase: string,
  lookups: ReadonlyMap<string, Map<string, number | null>>,
  known: OdooAnswers,
): Promise<Set<string>> {
  const missed = [...lookups].map(([name, answers]) => ({ ...lookupOf(plan, name), answers }));
  const created = await settleLookupMisses(odoo, store, phase, missed, async (xmlid) =>
    (await rememberXmlids(odoo, [xmlid], known)).get(xmlid),
  );
  for (const { name, answers } of missed)
    for (const [key, id] of answers) if (id !== null) known.lookups.get(name)?.set(key, id);
  return new Set(created.map((c) => `${c.lookup}\0${c.key}`));
}

/** `ir.model` is the lookup behind links written as `res_model_id`. */
function lookupOf(plan: TransformPlan, name: string): OdooLookup {
  if (name === "ir.model")
    return {
      name,
      target: "ir.model",
      model: "ir.model",
      key: { kind: "field", name: "model" },
      onMissing: { kind: "fail" },
    };
  const lookup = plan.lookups.find((l) => l.name === name);
  if (!lookup) throw new Error(`The plan uses lookup \`${name}\`, which it does not define.`);
  return lookup;
}

/** An Odoo lookup as the loader asks it: `target` is the model searched, `model` the one whose ids it yields. */
type OdooLookup = Pick<PlanLookup, "name" | "target" | "model" | "key" | "take" | "onMissing">;

async function fetchLookup(
  odoo: OdooTransport,
  lookup: OdooLookup,
  keys: string[],
): Promise<Map<string, number | null>> {
  const field = lookup.key.kind === "field" ? lookup.key.name : "name";
  const take = lookup.take;
  const found = new Map<string, number | null>();
  const search = (domain: unknown[]) =>
    odoo.executeKw<Array<Record<string, unknown> & { id: number }>>(lookup.target, "search_read", [domain], {
      fields: take ? [field, take] : [field],
      context: { active_test: false },
    });
  // `take partner_id` yields the record the found one names; one that names none is no answer.
  const answer = (row: Record<string, unknown> & { id: number }) => (take ? many2oneId(row[take]) : row.id);
  for (let start = 0; start < keys.length; start += CHUNK) {
    for (const row of await search([[field, "in", keys.slice(start, start + CHUNK)]])) {
      const key = String(row[field]);
      const id = answer(row);
      if (!found.has(key) && id !== null) found.set(key, id);
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
      const id = answer(row);
      if (key !== undefined && !found.has(key) && id !== null) found.set(key, id);
    }
  }
  // A miss follows the lookup's policy: `empty`/`queue` leave the field empty (null), `fail` rejects the record.
  for (const key of keys) if (!found.has(key) && lookup.onMissing.kind !== "fail") found.set(key, null);
  return found;
}

/** A many2one as search_read returns it: `[id, "display name"]`, or false. */
function many2oneId(value: unknown): number | null {
  return Array.isArray(value) && typeof value[0] === "number" ? value[0] : null;
}

/** `=ilike` reads `%` and `_` as wildcards; an e-mail such as `first_last@…` must match only itself. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Keys an Odoo lookup did not find and whose policy queues them: listed, once per record and field. */
function recordMisses(
  plan: TransformPlan,
  store: StagingStore,
  mapping: string,
  lookups: ReadonlyMap<string, ReadonlyMap<string, number | null>>,
  placeholders: ReadonlySet<string>,
): void {
  for (const page of store.recordPages(mapping, 2000)) {
    store.transaction(() => {
      for (const record of page)
        for (const [field, value] of Object.entries(record.values))
          queueMiss(plan, store, record, field, value, lookups, placeholders);
    });
  }
}

function queueMiss(
  plan: TransformPlan,
  store: StagingStore,
  record: StagedRecordRow,
  field: string,
  value: TargetValue,
  lookups: ReadonlyMap<string, ReadonlyMap<string, number | null>>,
  placeholders: ReadonlySet<string>,
): void {
  if (Array.isArray(value))
    return value.forEach((v) => queueMiss(plan, store, record, field, v, lookups, placeholders));
  if (value === null || typeof value !== "object" || !("lookup" in value) || typeof value.lookup.key !== "string")
    return;
  const lookup = plan.lookups.find((l) => l.name === value.lookup.name);
  if (lookup && placeholders.has(`${lookup.name}\0${value.lookup.key}`)) {
    store.addQueue({
      kind: "placeholder",
      mapping: record.mapping,
      externalId: record.externalId,
      field,
      target: lookup.name,
      key: value.lookup.key,
      reason: `Odoo had no ${lookup.target} "${value.lookup.key}": created one, as the lookup's placeholder says; review it`,
    });
    return;
  }
  if (lookups.get(value.lookup.name)?.get(value.lookup.key) !== null) return;
  if (lookup?.onMissing.kind !== "queue") return;
  store.addQueue({
    kind: lookup.target === "res.users" ? "owner" : "lookup",
    mapping: record.mapping,
    externalId: record.externalId,
    field,
    target: lookup.name,
    key: value.lookup.key,
    reason:
      lookup.onMissing.reason ||
      `no ${lookup.target} with ${lookup.key.kind === "field" ? lookup.key.name : "key"} "${value.lookup.key}"`,
  });
}
