// From a parsed JSON value to rows: descend the rest of the `records` path (`stages[]` of each pipeline),
// keeping the records passed on the way as parents for `../` columns, then read each declared column.
import type { PlanSource } from "../../plan/types.js";
import { compileColumn, type ColumnReader } from "./columns.js";
import type { PathStep } from "./settings.js";

export type Found = { record: unknown; parents: unknown[] } | { problem: string };

export class JsonRowBuilder {
  private readonly readers: Array<[string, ColumnReader]>;

  constructor(source: PlanSource, nulls: ReadonlySet<string>) {
    this.readers = source.columns.map((column) => [
      column.name,
      firstPresent([column.name, ...(column.alternatives ?? [])].map((name) => compileColumn(name, nulls))),
    ]);
  }

  /** the row of an object record, or why the value is not a record */
  row(record: unknown, parents: readonly unknown[]): Record<string, unknown> | string {
    if (typeof record !== "object" || record === null || Array.isArray(record)) return `it is ${describe(record)}`;
    const row: Record<string, unknown> = {};
    for (const [name, read] of this.readers) row[name] = read(record, parents);
    return row;
  }

  emptyRow(): Record<string, unknown> {
    return Object.fromEntries(this.readers.map(([name]) => [name, null]));
  }
}

// A column with other names (`"Record ID" or "Contact ID"`) reads the first that holds a value.
function firstPresent(readers: ColumnReader[]): ColumnReader {
  if (readers.length === 1) return readers[0]!;
  return (record, parents) => {
    for (const read of readers) {
      const value = read(record, parents);
      if (value !== null && value !== undefined) return value;
    }
    return null;
  };
}

/**
 * The records under `value` along `steps` (each step a key, `""` for the value itself; `each` goes through
 * an array). `owner` is the record `value` belongs to: it becomes the parent (`../`) of the records found
 * in its arrays. A missing or null array holds no records; any other non-array is a problem.
 */
export function* descend(
  value: unknown,
  steps: readonly PathStep[],
  parents: unknown[],
  owner: unknown,
): Generator<Found> {
  if (steps.length === 0) {
    yield { record: value, parents };
    return;
  }
  const [step, ...rest] = steps as [PathStep, ...PathStep[]];
  let next: unknown = value;
  if (step.key !== "") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield { problem: `it is ${describe(value)}, so it has no \`${step.key}\`` };
      return;
    }
    next = (value as Record<string, unknown>)[step.key];
  }
  if (next === undefined || next === null) return;
  if (!step.each) {
    yield* descend(next, rest, parents, owner);
    return;
  }
  if (!Array.isArray(next)) {
    yield { problem: `its \`${step.key}\` is ${describe(next)}, not an array` };
    return;
  }
  const inner = owner === undefined ? parents : [...parents, owner];
  for (const item of next) yield* descend(item, rest, inner, item);
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}
