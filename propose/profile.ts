// What each table of an export holds: every column the survey finds (runtime/survey: CSV headers, JSON
// leaf paths), sampled values per column, the guessed type, which columns are unique (key candidates),
// and the distinct values of id-like columns, which tell references between tables apart.
import { existsSync, statSync } from "node:fs";
import type { ColumnType, PlanSource } from "../plan/types.js";
import { readSource, resolveExportPath, SourceReadError } from "../runtime/extract/index.js";
import { surveySource } from "../runtime/survey/index.js";
import { guessColumnType, type TypeGuess } from "./column-types.js";
import type { DetectedTable } from "./detect.js";

/** rows read per table for the profile; the survey itself reads every record of a JSON table */
export const PROFILE_ROWS = 20_000;
const SAMPLE_VALUES = 200;
const DISTINCT_CAP = 20_000;

export interface ColumnProfile {
  name: string;
  /** non-empty values as read, up to 200 */
  samples: unknown[];
  /** distinct values as text, list elements one by one, up to 20,000 */
  distinct: Set<string>;
  nonEmpty: number;
  /** every row read has a value, and no two the same */
  unique: boolean;
  guess: TypeGuess;
}

export interface TableProfile {
  table: DetectedTable;
  /** the source as the survey read it: format, path and reader settings, no columns declared */
  source: PlanSource;
  columns: ColumnProfile[];
  rows: number;
  /** the survey could not read the table */
  problems: string[];
}

export function bareSource(table: DetectedTable): PlanSource {
  const settings: PlanSource["settings"] = {};
  if (table.settings.encoding) settings["encoding"] = table.settings.encoding;
  if (table.settings.delimiter) settings["delimiter"] = table.settings.delimiter;
  return {
    name: table.object,
    label: table.table,
    format: table.format,
    path: table.path,
    key: [],
    settings,
    columns: [],
    drops: [],
    skips: [],
    line: 0,
  };
}

export async function profileTable(table: DetectedTable, exportDir: string): Promise<TableProfile> {
  return profileSource(table, bareSource(table), exportDir);
}

/** The profile of a source's files: its own columns (all of them, declared or not) and their values. */
export async function profileSource(
  table: DetectedTable,
  source: PlanSource,
  exportDir: string,
  only?: readonly string[],
): Promise<TableProfile> {
  const survey = await surveySource({ ...source, columns: [] }, exportDir);
  const problems = survey.problems.map((p) => p.message);
  const names = (only ?? survey.columns).filter((name) => name !== "");
  const stats = new Map(
    names.map((name) => [
      name,
      { samples: [] as unknown[], distinct: new Set<string>(), seen: new Set<string>(), nonEmpty: 0, duplicate: false },
    ]),
  );
  let rows = 0;
  if (problems.length === 0 && names.length > 0) {
    const reading: PlanSource = {
      ...source,
      columns: names.map((name, index) => ({ name, type: "text" as ColumnType, line: index + 1 })),
      settings: withoutOptional(source.settings),
    };
    try {
      for await (const record of readSource(reading, exportDir)) {
        if (record.problem) continue;
        rows++;
        for (const [name, stat] of stats) {
          const value = record.row[name];
          if (value === null || value === undefined || value === "") continue;
          stat.nonEmpty++;
          if (stat.samples.length < SAMPLE_VALUES) stat.samples.push(value);
          const texts = Array.isArray(value) ? value.map(textOf) : [textOf(value)];
          for (const text of texts) if (stat.distinct.size < DISTINCT_CAP) stat.distinct.add(text);
          if (!Array.isArray(value) && !stat.duplicate) {
            const text = textOf(value);
            if (stat.seen.has(text)) stat.duplicate = true;
            else if (stat.seen.size < DISTINCT_CAP) stat.seen.add(text);
          }
        }
        if (rows >= PROFILE_ROWS) break;
      }
    } catch (error) {
      if (!(error instanceof SourceReadError)) throw error;
      problems.push(...error.problems.map((p) => p.message));
    }
  }
  const fileExists = (path: string) => {
    try {
      const absolute = resolveExportPath(exportDir, path);
      return existsSync(absolute) && statSync(absolute).isFile();
    } catch {
      return false;
    }
  };
  const columns: ColumnProfile[] = names.map((name) => {
    const stat = stats.get(name)!;
    return {
      name,
      samples: stat.samples,
      distinct: stat.distinct,
      nonEmpty: stat.nonEmpty,
      unique: rows > 0 && stat.nonEmpty === rows && !stat.duplicate,
      guess: guessColumnType(name, stat.samples, fileExists),
    };
  });
  // ids listed in one cell ("5103;5101") are values of their own for telling references apart
  for (const column of columns) {
    if (column.guess.type !== "list") continue;
    const split = new Set<string>();
    for (const value of column.distinct)
      for (const part of value.split(";")) if (part.trim() !== "") split.add(part.trim());
    column.distinct = split;
  }
  return { table, source, columns, rows, problems };
}

/** An optional source whose files are missing reads as empty: the profile wants to know it is missing. */
function withoutOptional(settings: PlanSource["settings"]): PlanSource["settings"] {
  const rest = { ...settings };
  delete rest["optional"];
  return rest;
}

export function textOf(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}
