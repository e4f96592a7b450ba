// Preparing a source row for the store: everything staging does to a row that needs no database. It runs
// on the staging worker thread (worker.ts), so reading and transforming overlap the SQLite writes on the
// main thread; what it returns is plain data that crosses threads by structured clone.
import { hash } from "node:crypto";
import type { PlanLookup, PlanSource, TransformPlan } from "../../plan/types.js";
import {
  evaluateChain,
  externalId,
  transformRecord,
  type TargetValue,
  type TransformContext,
} from "../execute/index.js";
import type { SourceLocation, SourceRecord } from "../extract/index.js";
import { isEmptyValue, textOf } from "../transforms/index.js";

/** A target record ready to insert: values already serialised, and whether they hold references. */
export interface PreparedRecord {
  externalId: string;
  mapping: string;
  model: string;
  sourceKey: string;
  dedupeKey: string | null;
  valuesJson: string;
  deferredJson: string;
  /** false when nothing in it waits for the resolution pass, which then neither reads nor rewrites it */
  unresolved: boolean;
  /**
   * Whether references find it only through an alias: a fan-out record's id is not the one its mapping and
   * key give (merged records get their alias when the store merges them).
   */
  aliased: boolean;
  /** a map `into` another: the record these values go into, found once everything is staged */
  into: { mapping: string; key: string } | null;
}

export interface PreparedRow {
  sourceKey: string;
  location: SourceLocation;
  /** the row is refused before its key is claimed: unreadable, or its key is empty */
  unclaimed?: string;
  outcome: "staged" | "rejected" | "skipped";
  reason: string | null;
  mapping?: string;
  field?: string;
  /** for delta runs; null for a rejected row, which a later run must always try again */
  rowHash: string | null;
  records: PreparedRecord[];
  /** source lookups that look in this object: [lookup, key, value] */
  indexed: Array<[string, string, string]>;
}

/** Keys of lookups answered by Odoo, as the loader will prefetch them, per lookup: collected per batch. */
export type OdooKeys = Map<string, Set<string>>;

type LookupIndexer = (row: SourceRecord["row"], sourceKey: string) => [string, string, string] | undefined;

/** What stays the same for every row of a source: its lookup indexers and the plan's Odoo lookups. */
export interface SourcePreparation {
  plan: TransformPlan;
  source: PlanSource;
  context: TransformContext;
  indexers: LookupIndexer[];
  isOdooLookup: (name: string) => boolean;
}

/**
 * Whether the live Odoo answers a lookup (the loader prefetches it) rather than the staged export. `ir.model`,
 * which links use and the plan does not declare, is one of those.
 */
export function answeredByOdoo(
  lookup: PlanLookup | undefined,
): lookup is (PlanLookup & { against: "odoo" }) | undefined {
  return !lookup || lookup.against === "odoo";
}

export function sourcePreparation(
  plan: TransformPlan,
  source: PlanSource,
  context: TransformContext,
): SourcePreparation {
  const lookups = new Map(plan.lookups.map((lookup) => [lookup.name, lookup]));
  return {
    plan,
    source,
    context,
    indexers: lookupIndexers(plan, source),
    isOdooLookup: (name) => answeredByOdoo(lookups.get(name)),
  };
}

export function prepareRow(preparation: SourcePreparation, record: SourceRecord, odooKeys: OdooKeys): PreparedRow {
  const { plan, source } = preparation;
  const location = { file: record.location.file, row: record.location.row };
  const key = rawSourceKey(source, record.row);
  const sourceKey = key ?? `(row ${location.file}:${location.row})`;
  const row: PreparedRow = {
    sourceKey,
    location,
    outcome: "rejected",
    reason: null,
    rowHash: null,
    records: [],
    indexed: [],
  };
  if (record.problem) return Object.assign(row, { unclaimed: record.problem, reason: record.problem });
  if (key === undefined) {
    const reason = `the key ${source.key.map((k) => `"${k}"`).join(", ")} is empty`;
    return Object.assign(row, { unclaimed: reason, reason });
  }
  const outcome = transformRecord(plan, source.name, record.row, preparation.context);
  if (outcome.status === "rejected") {
    return Object.assign(
      row,
      { reason: outcome.reason },
      outcome.mapping ? { mapping: outcome.mapping } : {},
      outcome.field ? { field: outcome.field } : {},
    );
  }
  if (outcome.status === "skipped")
    return Object.assign(row, { outcome: "skipped" as const, reason: outcome.reason, rowHash: rowHash(record.row) });
  for (const target of outcome.records) {
    const unresolved =
      collectReferences(preparation.isOdooLookup, target.values, odooKeys) |
      collectReferences(preparation.isOdooLookup, target.deferred, odooKeys);
    row.records.push({
      externalId: target.externalId,
      mapping: target.mapping,
      model: target.model,
      sourceKey: target.sourceKey,
      dedupeKey: target.dedupeKey ?? null,
      valuesJson: JSON.stringify(target.values),
      deferredJson: JSON.stringify(target.deferred),
      unresolved: unresolved === 1,
      aliased: target.externalId !== externalId(plan.target.externalIdModule, target.mapping, target.sourceKey),
      into: target.into ?? null,
    });
  }
  for (const indexer of preparation.indexers) {
    const entry = indexer(record.row, sourceKey);
    if (entry) row.indexed.push(entry);
  }
  row.outcome = "staged";
  row.rowHash = rowHash(record.row);
  return row;
}

/**
 * 1 when some value needs the resolution pass: a ref, a link, a file to check, or a lookup in the export.
 * A lookup in Odoo by a plain key is the loader's to answer, so it is only noted in `odooKeys`.
 */
function collectReferences(
  isOdooLookup: (name: string) => boolean,
  values: Record<string, TargetValue>,
  odooKeys: OdooKeys,
): 0 | 1 {
  let unresolved: 0 | 1 = 0;
  const visit = (value: TargetValue): void => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach(visit);
    if ("lookup" in value && typeof value.lookup === "object" && value.lookup !== null) {
      const { name, key } = value.lookup as { name: string; key: unknown };
      if (isOdooLookup(name) && typeof key === "string") {
        const keys = odooKeys.get(name) ?? new Set<string>();
        keys.add(key);
        odooKeys.set(name, keys);
      } else unresolved = 1;
      return;
    }
    if ("ref" in value || "link" in value || "file" in value) unresolved = 1;
  };
  for (const value of Object.values(values)) visit(value);
  return unresolved;
}

/** Source lookups that look in this object: each row adds its key → value (or → its source key). */
export function lookupIndexers(plan: TransformPlan, source: PlanSource): LookupIndexer[] {
  return plan.lookups
    .filter(
      (lookup) => lookup.against === "source" && lookup.target === source.name && lookup.key.kind === "expression",
    )
    .map((lookup) => {
      const chain = lookup.key as {
        input: Parameters<typeof evaluateChain>[3]["input"];
        steps: Parameters<typeof evaluateChain>[3]["steps"];
      };
      // One chain object for every row: the executor compiles a chain once per object it is given.
      const take =
        lookup.takeChain ??
        (lookup.take ? { input: { kind: "column" as const, column: lookup.take }, steps: [] } : undefined);
      return (row: SourceRecord["row"], sourceKey: string) => {
        try {
          const key = evaluateChain(plan, source.name, row, chain);
          if (isEmptyValue(key)) return undefined;
          if (!take) return [lookup.name, textOf(key), sourceKey];
          // A row without the value taken does not answer for its key: a later row of that key may have it
          // (the Comm_Link row that names the person, not the one that names only a user).
          const value = evaluateChain(plan, source.name, row, take);
          return isEmptyValue(value) ? undefined : [lookup.name, textOf(key), textOf(value)];
        } catch {
          // A row whose lookup key cannot be computed is simply not findable by that lookup.
          return undefined;
        }
      };
    });
}

/**
 * A digest of the row's values in column order, for delta runs. The values are joined rather than
 * serialised as JSON (four times faster on accented text); null, text and other values are told apart.
 * crypto.hash is the one-shot form of createHash(…).update(…).digest(…): no Hash object per row.
 */
function rowHash(row: SourceRecord["row"]): string {
  let text = "";
  for (const value of Object.values(row)) {
    text +=
      value === null || value === undefined
        ? "\u0000"
        : typeof value === "string"
          ? value
          : `\u0002${JSON.stringify(value)}`;
    text += "\u0001";
  }
  return hash("sha1", text, "base64");
}

/** The key as the executor builds it (string forms joined by "|"), or undefined when a part is empty. */
function rawSourceKey(source: PlanSource, row: SourceRecord["row"]): string | undefined {
  const parts = source.key.map((column) => row[column]);
  if (parts.some((part) => isEmptyValue(part))) return undefined;
  return parts.map((part) => textOf(part).trim()).join("|");
}
