// Lists (split association ids, several columns read together) and the transforms that make text of them.
// A value that is not a list counts as a list of that one value.
import { TransformError, quote } from "./errors.js";
import { isEmptyValue, textInput, textOf } from "./values.js";

export function splitText(value: unknown, separator: string): string[] {
  if (separator === "") throw new TransformError("split needs a non-empty separator");
  return listOf(value).flatMap((element) =>
    isEmptyValue(element)
      ? []
      : textInput(element, "split")
          .split(separator)
          .map((part) => part.trim())
          .filter((part) => part !== ""),
  );
}

export function firstOf(value: unknown): unknown {
  return listOf(value).find((element) => !isEmptyValue(element)) ?? null;
}

export function lastOf(value: unknown): unknown {
  return listOf(value).findLast((element) => !isEmptyValue(element)) ?? null;
}

/** Counted from 1, as people count columns; position 0 or beyond the end is empty, not an error. */
export function nthOf(value: unknown, position: number): unknown {
  const element = listOf(value)[Math.floor(position) - 1];
  return element === undefined || isEmptyValue(element) ? null : element;
}

/** Compares by string form, so 12 and "12" are the same id. */
export function uniqueOf(value: unknown): unknown[] {
  const seen = new Set<string>();
  return listOf(value).filter((element) => {
    const key = textOf(element);
    if (isEmptyValue(element) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function joinParts(value: unknown, separator = " "): string {
  return listOf(value)
    .filter((element) => !isEmptyValue(element))
    .map((element) => partText(element))
    .join(separator);
}

/** `{1}` is the first part. Empty or missing parts become nothing; spaces left over are tidied. */
export function formatParts(value: unknown, template: string): string {
  const parts = listOf(value);
  const filled = template.replace(/\{(\d+)\}/g, (_placeholder, index: string) => {
    const part = parts[Number(index) - 1];
    return isEmptyValue(part) ? "" : partText(part);
  });
  return filled
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .trim();
}

/** A part that is itself a list (a list column among the columns) reads as its elements joined by ", ". */
function partText(part: unknown): string {
  if (typeof part === "string" || typeof part === "number" || typeof part === "boolean") return String(part).trim();
  if (Array.isArray(part)) return joinParts(part, ", ");
  throw new TransformError(`${quote(part)} cannot be written as text`);
}

export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}
