// What the executor and generated code hand to the staging store: target records with symbolic references.
import type { PlanLiteral } from "../../plan/types.js";
import type { Base64Content, FileReference } from "../transforms/index.js";

/** One source record as a reader yields it: keys are column names as declared; nested values allowed. */
export type SourceRow = Readonly<Record<string, unknown>>;

export interface TransformContext {
  /** modules installed in the target database; unknown (undefined) counts as "none installed" */
  installedModules?: ReadonlySet<string>;
  /**
   * The source lookups a condition reads (`where "type_id" | lookup TypeFlag in (…)`), read ahead from their
   * source before the rows that need them: lookup name → key → the taken column's text.
   */
  lookupTables?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * What a reference is looked up by: a value, or the result of an earlier lookup in the same chain
 * (`"Deal owner" | lookup OwnerEmail | lookup OdooUser`), resolved innermost first.
 */
export type ReferenceKey = string | LookupReference;

/** A source record of another mapping, found later by that mapping's external id. */
export interface RecordReference {
  ref: { mapping: string; key: ReferenceKey };
}

/** A value to look up by the plan's lookup `name` (or `ir.model`, see links.ts) once records are staged. */
export interface LookupReference {
  lookup: { name: string; key: ReferenceKey };
}

/** The id half of a polymorphic link (`res_model` + `res_id`): a record of `mapping`, a `model` record. */
export interface LinkReference {
  link: { mapping: string; model: string; key: string };
}

export type TargetValue =
  PlanLiteral | TargetValue[] | RecordReference | LookupReference | LinkReference | Base64Content | FileReference;

/**
 * A reference whose miss policy is `queue`: if the loader cannot resolve it, the field stays empty and the
 * record goes to the reconciliation queue with `reason`, instead of failing.
 */
export type QueuedReference = ({ mapping: string } | { lookup: string }) & {
  key: ReferenceKey;
  reason: string;
  field: string;
};

export interface TargetRecord {
  /** id of the plan mapping that made it */
  mapping: string;
  model: string;
  externalId: string;
  /** the source key: key column values joined by "|" */
  sourceKey: string;
  values: Record<string, TargetValue>;
  /** written in a second pass, once the whole phase has landed */
  deferred: Record<string, TargetValue>;
  /** records of one mapping with the same dedupe key are merged by the staging store (keep first/last) */
  dedupeKey?: string;
  /** a map `into` another: these values go into the record `mapping` made of the row with key `key` */
  into?: { mapping: string; key: string };
  queued: QueuedReference[];
}

export type RejectedOutcome = { status: "rejected"; reason: string; mapping?: string; field?: string };

export type RecordOutcome =
  { status: "skipped"; reason: string } | RejectedOutcome | { status: "staged"; records: TargetRecord[] };

/** What one mapping makes of a row: nothing (guard or where), records, or a rejection. */
export type MappingOutcome = RejectedOutcome | { status: "staged"; records: TargetRecord[] };
