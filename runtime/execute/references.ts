// Value maps, refs and lookups inside a chain. Refs and lookups stay symbolic here: the staging store and
// the loader resolve them once the records they point to exist.
import type { PlanLiteral, PlanValueMap } from "../../plan/types.js";
import { isEmptyValue, isPlainObject, textOf, TransformError } from "../transforms/index.js";
import type { LookupReference, RecordReference, ReferenceKey, TargetRecord } from "./types.js";

export interface ValueMapTable {
  name: string;
  entries: ReadonlyArray<{ from: PlanLiteral; to: PlanLiteral }>;
  otherwise: PlanValueMap["otherwise"];
}

/**
 * Looks a value up by its exact string form; a list maps element-wise. An empty value with no entry of its
 * own stays empty rather than failing: whether it may be empty is `required`'s business.
 */
export function applyValueMap(value: unknown, table: ValueMapTable): unknown {
  if (Array.isArray(value)) return value.map((element: unknown) => applyValueMap(element, table));
  const key = textOf(value);
  const entry = table.entries.find((candidate) => textOf(candidate.from) === key);
  if (entry) return entry.to;
  if (isEmptyValue(value)) return null;
  switch (table.otherwise.kind) {
    case "fail":
      throw new TransformError(`${JSON.stringify(key)} is not in value map \`${table.name}\``);
    case "keep":
      return value;
    case "empty":
      return null;
    case "value":
      return table.otherwise.value;
  }
}

/** Where a reference with miss policy `queue` is noted, so the loader queues instead of failing. */
export interface QueueTicket {
  record: TargetRecord;
  field: string;
  reason: string;
}

// refTo and lookupIn walk lists the same way: element-wise, an empty element becomes null. They are
// spelled out rather than sharing a callback because they run for nearly every row of a migration.
export function refTo(value: unknown, mapping: string, queue?: QueueTicket): unknown {
  if (Array.isArray(value)) return value.map((element: unknown) => refTo(element, mapping, queue));
  if (isEmptyValue(value)) return null;
  const key = referenceKey(value);
  queue?.record.queued.push({ mapping, key, reason: queue.reason, field: queue.field });
  return { ref: { mapping, key } } satisfies RecordReference;
}

export function lookupIn(value: unknown, lookup: string, queue?: QueueTicket): unknown {
  if (Array.isArray(value)) return value.map((element: unknown) => lookupIn(element, lookup, queue));
  if (isEmptyValue(value)) return null;
  const key = referenceKey(value);
  queue?.record.queued.push({ lookup, key, reason: queue.reason, field: queue.field });
  return { lookup: { name: lookup, key } } satisfies LookupReference;
}

function referenceKey(value: unknown): ReferenceKey {
  return isLookupReference(value) ? value : textOf(value);
}

/** A lookup earlier in the chain: its result is not known yet, so the next reference keys on it. */
function isLookupReference(value: unknown): value is LookupReference {
  return isPlainObject(value) && isPlainObject(value["lookup"]) && typeof value["lookup"]["name"] === "string";
}
