// Column names as paths into a JSON record: `properties.hs_timestamp` walks objects,
// `associations.contacts.results[].id` collects over an array, `../id` reads the parent record (the one
// `records` descended from). A key that itself holds dots (Dataverse's
// `_parentcustomerid_value@OData.Community.Display.V1.FormattedValue`) is matched whole first.
// `guests[guestable_type=users,App\Models\User].guestable_id` collects over the elements whose property has
// one of the listed values: a list of mixed elements (Concord's guests, phones by type) read per kind.
import type { PathStep } from "./settings.js";

/** A step of a column path; an array step may keep only the elements whose property has one of some values. */
interface ColumnStep extends PathStep {
  only?: ElementFilter;
}

interface ElementFilter {
  property: string;
  values: ReadonlySet<string>;
}

const FILTERED_STEP = /^(.+)\[([^=\][]+)=([^\][]*)\]$/;

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

function parseColumnPath(path: string): ColumnStep[] {
  return splitColumnPath(path).map((part) => {
    if (part.endsWith("[]")) return { key: part.slice(0, -2), each: true };
    const filtered = FILTERED_STEP.exec(part);
    if (!filtered) return { key: part, each: false };
    const [, key = "", property = "", values = ""] = filtered;
    return { key, each: true, only: { property, values: new Set(values.split(",")) } };
  });
}

/** Splits at the dots outside brackets: a filter's values may hold dots (`[type=App.User]`). */
function splitColumnPath(path: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if (c === "." && depth === 0) {
      parts.push(path.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(path.slice(start));
  return parts;
}

/**
 * The export columns a declared column reads: itself, or for a filtered one (`guests[guestable_type=users].id`)
 * the column it filters (`guests[].id`) and the property it filters by (`guests[].guestable_type`).
 */
export function columnsRead(name: string): string[] {
  const steps = parseColumnPath(name);
  if (!steps.some((step) => step.only)) return [name];
  const spelled = (step: ColumnStep) => (step.each ? `${step.key}[]` : step.key);
  const read = [steps.map(spelled).join(".")];
  steps.forEach((step, index) => {
    if (step.only) read.push([...steps.slice(0, index + 1).map(spelled), step.only.property].join("."));
  });
  return read;
}

type Walk = (value: unknown) => unknown;

// Compiled once per column: for each position, the keys to try, longest (most dots) first.
function compilePath(steps: readonly ColumnStep[], nulls: ReadonlySet<string>): Walk {
  const walks: Walk[] = [];
  walks[steps.length] = (value) => rowValue(value, nulls);
  for (let start = steps.length - 1; start >= 0; start--) {
    const options: Array<{
      key: string;
      next: number;
      each: boolean;
      only: ElementFilter | undefined;
      collectsMore: boolean;
    }> = [];
    for (let end = steps.length; end > start; end--) {
      const span = steps.slice(start, end);
      if (span.slice(0, -1).some((step) => step.each)) continue;
      options.push({
        key: span.map((step) => step.key).join("."),
        next: end,
        each: span[span.length - 1]!.each,
        only: span[span.length - 1]!.only,
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
        return collect(found, walkOn, option.collectsMore, option.only);
      }
      return undefined;
    };
  }
  return walks[0]!;
}

function collect(found: unknown, walkOn: Walk, flatten: boolean, only?: ElementFilter): unknown[] | null {
  if (!Array.isArray(found)) return null;
  const values: unknown[] = [];
  for (const item of found) {
    if (only && !isKept(item, only)) continue;
    const value = walkOn(item);
    if (value === null || value === undefined) continue;
    if (flatten && Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return values.length === 0 ? null : values;
}

/** An element a filter keeps: its property, as text, is one of the filter's values. */
function isKept(item: unknown, only: ElementFilter): boolean {
  if (typeof item !== "object" || item === null) return false;
  const value = (item as Record<string, unknown>)[only.property];
  return (
    (typeof value === "string" || typeof value === "number" || typeof value === "boolean") &&
    only.values.has(String(value))
  );
}
