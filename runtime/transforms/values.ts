// What "empty" and "the string form of a value" mean, shared by transforms, conditions, value maps and keys,
// so that `== ""`, `empty`, `required` and the pass-through rule of the transforms always agree.
import { TransformError, quote } from "./errors.js";

/** null, undefined, a string of only whitespace, or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * The text a value is compared by: conditions (`==`, `in`), value-map entries, source keys and external ids.
 * Empty is "", numbers and booleans as JavaScript prints them, an `{xmlid}` literal as its id, anything
 * else as JSON.
 */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (isXmlidLiteral(value)) return value.xmlid;
  return JSON.stringify(value) ?? "";
}

export function isXmlidLiteral(value: unknown): value is { xmlid: string } {
  return isPlainObject(value) && Object.keys(value).length === 1 && typeof value["xmlid"] === "string";
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The text a text transform works on: numbers and booleans as printed; records and lists cannot be text. */
export function textInput(value: unknown, transform: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new TransformError(`${quote(value)} is not text, so \`${transform}\` cannot use it`);
}
