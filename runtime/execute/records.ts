// Building target records field by field. The executor and generated code make the same calls, so the
// rules for empties, `required`, `when` and deferred fields live only here.
import { isEmptyValue, isXmlidLiteral, textOf, TransformError } from "../transforms/index.js";
import { externalId } from "./identity.js";
import type { LinkValues } from "./links.js";
import type { TargetRecord, TargetValue } from "./types.js";

/** A rejection that knows which field caused it. */
export class FieldRejection extends Error {
  override readonly name = "FieldRejection";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export interface RecordTarget {
  /** the plan's externalIdModule */
  module: string;
  mapping: string;
  model: string;
}

/** `item` is the element of an `each` fan-out; fan-out items are never empty (see eachItems). */
export function startRecord(target: RecordTarget, sourceKey: string, item?: unknown): TargetRecord {
  return {
    mapping: target.mapping,
    model: target.model,
    externalId: externalId(target.module, target.mapping, sourceKey, item),
    sourceKey,
    values: {},
    deferred: {},
    queued: [],
  };
}

export interface FieldRule {
  field: string;
  /** reject the record when the value is empty */
  required?: boolean;
  /** write in the second pass (self-references, forward references) */
  deferred?: boolean;
  /** `+=`: the value's elements join what the field holds (each once) instead of replacing it */
  adds?: boolean;
  /** the assignment applies only when this holds */
  when?: () => boolean;
}

export function assign(record: TargetRecord, rule: FieldRule, compute: () => unknown): void {
  try {
    if (rule.when && !rule.when()) return;
    const value = toTargetValue(compute());
    if (rule.required && isEmptyValue(value))
      throw new TransformError(`${rule.field} is required, but the value is empty`);
    const fields = fieldsOf(record, rule);
    fields[rule.field] = rule.adds ? joinedValues(fields[rule.field], value) : value;
  } catch (error) {
    throw blamed(error, rule.field);
  }
}

/** A list field's elements and the added ones, each once (`+=`, and rows `into` a record). */
export function joinedValues(current: TargetValue | undefined, added: TargetValue): TargetValue {
  const listOf = (value: TargetValue | undefined) =>
    value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  return distinctValues([...listOf(current), ...listOf(added)]);
}

/** Values each once by form: equal refs, lookups or ids name one record of a many2many. */
export function distinctValues(values: readonly TargetValue[]): TargetValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const form = JSON.stringify(value);
    if (seen.has(form)) return false;
    seen.add(form);
    return true;
  });
}

export interface LinkRule extends Omit<FieldRule, "field"> {
  /** the model field, then the id field */
  fields: readonly [string, string];
}

export function assignLink(record: TargetRecord, rule: LinkRule, compute: () => LinkValues): void {
  const [modelField, idField] = rule.fields;
  try {
    if (rule.when && !rule.when()) return;
    const [model, id] = compute();
    if (rule.required && isEmptyValue(id)) throw new TransformError(`${idField} is required, but the link is empty`);
    const fields = fieldsOf(record, rule);
    fields[modelField] = model;
    fields[idField] = id;
  } catch (error) {
    throw blamed(error, idField);
  }
}

/** Records of one mapping with equal keys are merged by the staging store; an empty key merges nothing. */
export function setDedupeKey(record: TargetRecord, compute: () => unknown): void {
  const key = compute();
  if (!isEmptyValue(key)) record.dedupeKey = textOf(key);
}

/** A map `into` another names the record its values go to; a row that names none is rejected. */
export function setIntoKey(record: TargetRecord, mapping: string, compute: () => unknown): void {
  const key = compute();
  if (isEmptyValue(key)) throw new FieldRejection(`the key of the ${mapping} record to add to is empty`, "(into)");
  record.into = { mapping, key: textOf(key) };
}

/**
 * The elements an `each` fans out over: a list's non-empty elements, each once by string form (the form
 * their external ids are made of), or a single value.
 */
export function eachItems(value: unknown): unknown[] {
  const elements = Array.isArray(value) ? value : [value];
  const seen = new Set<string>();
  return elements.filter((element: unknown) => {
    const key = textOf(element);
    if (isEmptyValue(element) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fieldsOf(record: TargetRecord, rule: { deferred?: boolean }): Record<string, TargetValue> {
  return rule.deferred ? record.deferred : record.values;
}

/** A transform's error, as the rejection of the field it was computing; any other error as it is. */
function blamed(error: unknown, field: string): unknown {
  return error instanceof TransformError ? new FieldRejection(error.message, field) : error;
}

/**
 * What a chain yields, as a field value. Lists drop empty elements (a many2many of [ref, null] means
 * [ref]); a record that is not a reference or file is written as JSON text.
 */
export function toTargetValue(value: unknown): TargetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TransformError(`${value} is not a number Odoo can store`);
    return value;
  }
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.filter((element) => !isEmptyValue(element)).map(toTargetValue);
  if (isSymbolic(value)) return value;
  return JSON.stringify(value);
}

const SYMBOLIC_KEYS: ReadonlySet<string> = new Set(["ref", "lookup", "link", "base64", "file"]);

function isSymbolic(value: object): value is Exclude<TargetValue, string | number | boolean | null | TargetValue[]> {
  const keys = Object.keys(value);
  return isXmlidLiteral(value) || (keys.length === 1 && SYMBOLIC_KEYS.has(keys[0] ?? ""));
}
