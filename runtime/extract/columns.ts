// Column names as paths into a JSON record: `properties.hs_timestamp` walks objects,
// `associations.contacts.results[].id` collects over an array, `../id` reads the parent record (the one
// `records` descended from). A key that itself holds dots (Dataverse's
// `_parentcustomerid_value@OData.Community.Display.V1.FormattedValue`) is matched whole first.
import type { PathStep } from "./settings.js";

export type ColumnReader = (record: unknown, parents: readonly unknown[]) => unknown;

/** A raw value as it goes into a row: absent, "" and the source's null markers become null. */
export function rowValue(value: unknown, nulls: ReadonlySet<string>): unknown {
  if (value === undefined || value === "") return null;
  if (typeof value === "string" && nulls.has(value)) return null;
  return value;
}

export function compileColumn(name: string, nulls: ReadonlySet<string>): ColumnReader {
  let up = 0;
  let rest = name;
  while (rest.startsWith("../")) {
    up++;
    rest = rest.slice(3);
  }
  const walk = compilePath(parseColumnPath(rest), nulls);
  if (up === 0) return (record) => walk(record) ?? null;
  return (_record, parents) => (parents.length >= up ? (walk(parents[parents.length - up]) ?? null) : null);
}

function parseColumnPath(path: string): PathStep[] {
  return path
    .split(".")
    .map((part) => (part.endsWith("[]") ? { key: part.slice(0, -2), each: true } : { key: part, each: false }));
}

type Walk = (value: unknown) => unknown;

// Compiled once per column: for each position, the keys to try, longest (most dots) first.
function compilePath(steps: readonly PathStep[], nulls: ReadonlySet<string>): Walk {
  const walks: Walk[] = [];
  walks[steps.length] = (value) => rowValue(value, nulls);
  for (let start = steps.length - 1; start >= 0; start--) {
    const options: Array<{ key: string; next: number; each: boolean; collectsMore: boolean }> = [];
    for (let end = steps.length; end > start; end--) {
      const span = steps.slice(start, end);
      if (span.slice(0, -1).some((step) => step.each)) continue;
      options.push({
        key: span.map((step) => step.key).join("."),
        next: end,
        each: span[span.length - 1]!.each,
        collectsMore: steps.slice(end).some((step) => step.each),
      });
    }
    walks[start] = (value) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
      const record = value as Record<string, unknown>;
      for (const option of options) {
        if (!Object.hasOwn(record, option.key)) continue;
        const found = record[option.key];
        const walkOn = walks[option.next]!;
        if (!option.each) return walkOn(found);
        return collect(found, walkOn, option.collectsMore);
      }
      return undefined;
    };
  }
  return walks[0]!;
}

function collect(found: unknown, walkOn: Walk, flatten: boolean): unknown[] | null {
  if (!Array.isArray(found)) return null;
  const values: unknown[] = [];
  for (const item of found) {
    const value = walkOn(item);
    if (value === null || value === undefined) continue;
    if (flatten && Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return values.length === 0 ? null : values;
}
