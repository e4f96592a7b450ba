// Every column an export holds is accounted for: read by the spec (under its name, one of its `or` names,
// or, in a CSV header, the same label but for case and spacing), dropped by a pattern, or reported.
import type { PlanSource, TransformPlan } from "../../plan/types.js";
import { columnNames, columnsRead, labelMatches } from "../extract/index.js";
import type { SourceSurvey } from "./columns.js";

export interface ColumnAccount {
  source: string;
  files: string[];
  /** every column of the export for this source */
  columns: number;
  /** export columns the spec declares */
  read: string[];
  /** export columns a drop (a pattern such as `*@OData.Community.Display.V1.FormattedValue`) accounts for */
  dropped: string[];
  /** export columns the spec neither reads nor drops: data that would be left behind without a word */
  unaccounted: string[];
  /** declared columns the export does not have */
  absent: string[];
}

export function accountColumns(source: PlanSource, survey: SourceSurvey): ColumnAccount {
  const isCsv = source.format === "csv";
  // A filtered JSON column (`guests[guestable_type=users].guestable_id`) reads the column it filters and
  // the property it filters by.
  const exportColumnsOf = (name: string) => (isCsv ? [name] : columnsRead(name));
  const names = source.columns.flatMap(columnNames).flatMap(exportColumnsOf);
  const matches = isCsv ? labelMatches : samePath;
  const patterns = source.drops.filter((drop) => drop.column.includes("*")).map((drop) => globPattern(drop.column));
  const read: string[] = [];
  const dropped: string[] = [];
  const unaccounted: string[] = [];
  for (const column of survey.columns) {
    if (names.some((name) => matches(column, name))) read.push(column);
    else if (patterns.some((pattern) => pattern.test(column)) || source.drops.some((drop) => drop.column === column))
      dropped.push(column);
    else unaccounted.push(column);
  }
  const absent =
    survey.files.length === 0
      ? []
      : source.columns
          .filter(
            (column) =>
              !column.name.startsWith("../") &&
              !columnNames(column).some((name) =>
                exportColumnsOf(name).every((read) => survey.columns.some((c) => matches(c, read))),
              ),
          )
          .map((c) => c.name);
  return {
    source: source.name,
    files: survey.files,
    columns: survey.columns.length,
    read,
    dropped,
    unaccounted,
    absent,
  };
}

/**
 * The columns a source cannot do without: its key, what a required field or a dedupe is made of, and the
 * key an `into` map finds its record by. Such a column must never be read as empty because an export lacks it.
 */
export function neededColumns(plan: TransformPlan, source: PlanSource): Map<string, string> {
  const needed = new Map<string, string>();
  for (const key of source.key) needed.set(key, "it is the key");
  for (const mapping of plan.mappings.filter((m) => m.source === source.name)) {
    for (const assignment of mapping.assignments) {
      if (!assignment.required || assignment.value.kind !== "expression") continue;
      for (const column of inputColumns(assignment.value.input))
        needed.set(column, `map \`${mapping.id}\` requires \`${assignment.fields.join(", ")}\``);
    }
    if (mapping.into)
      for (const column of inputColumns(mapping.into.input))
        needed.set(column, `map \`${mapping.id}\` finds its record by it`);
  }
  return needed;
}

function inputColumns(input: { kind: string; column?: string; columns?: string[] }): string[] {
  if (input.kind === "column" && input.column) return [input.column];
  return input.columns ?? [];
}

// A declared JSON column reads a leaf, or everything under an object or list it names; an export leaf that
// is an empty container above a declared column (an association with no results) is the same column, empty.
function samePath(path: string, name: string): boolean {
  return path === name || isUnder(path, name) || isUnder(name, path);
}

function isUnder(path: string, prefix: string): boolean {
  return path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[]`);
}

export function globPattern(glob: string): RegExp {
  const escaped = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`);
}
