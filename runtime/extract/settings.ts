// The reader settings of a source (`encoding`, `delimiter`, `quote`, `headerRow`, `null`, `records`), read
// from the plan once and checked, so the readers can trust them.
import type { PlanSource } from "../../plan/types.js";
import { sourceProblem, type SourceProblem } from "./problems.js";

/** A step of a path: a key, and whether the value there is an array to go through (`stages[]`). */
export interface PathStep {
  key: string;
  each: boolean;
}

export interface ReaderSettings {
  /** a WHATWG encoding label TextDecoder knows */
  encoding: string;
  delimiter: string;
  /** "" turns quoting off */
  quote: string;
  /** 1-based physical line of the CSV header */
  headerRow: number;
  /** cells and strings that stand for null, besides "" */
  nulls: ReadonlySet<string>;
  /** where the records are in a JSON document, each path read in turn; undefined: the format's default */
  records: PathStep[][] | undefined;
}

const delimiterNames: Record<string, string> = { tab: "\t", "\\t": "\t", semicolon: ";", comma: ",", pipe: "|" };

export function readerSettings(source: PlanSource): { settings: ReaderSettings; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const refuse = (setting: string, reason: string) =>
    problems.push(sourceProblem("MR3010", source.path, { setting, object: source.name, reason }));
  const text = (name: string): string | undefined => {
    const value = source.settings[name];
    return value === undefined ? undefined : Array.isArray(value) ? value.join(",") : String(value);
  };

  const encoding = text("encoding") ?? "utf-8";
  if (!knownEncoding(encoding))
    refuse("encoding", `"${encoding}" is not an encoding; use utf-8, windows-1252, latin1 or utf-16le`);

  const declaredDelimiter = text("delimiter") ?? ",";
  const delimiter = delimiterNames[declaredDelimiter.toLowerCase()] ?? declaredDelimiter;
  if (delimiter.length !== 1 || /[\r\n]/.test(delimiter))
    refuse("delimiter", `"${declaredDelimiter}" is not one character`);

  const quote = text("quote") ?? '"';
  if (quote.length > 1 || /[\r\n]/.test(quote) || (quote === delimiter && quote !== "")) {
    refuse("quote", `"${quote}" must be one character other than the delimiter, or "" for none`);
  }

  const headerRow = Number(source.settings["headerRow"] ?? 1);
  if (!Number.isInteger(headerRow) || headerRow < 1)
    refuse("headerRow", `${String(source.settings["headerRow"])} is not a line number (1, 2, …)`);

  const recordsPaths = source.settings["records"] === undefined ? undefined : list(source.settings["records"]);
  const records: PathStep[][] = [];
  for (const path of recordsPaths ?? []) {
    const steps = parseRecordsPath(path);
    if (steps === null) refuse("records", `"${path}" is not a path such as "results[]" or "results[].stages[]"`);
    else records.push(steps);
  }

  const nulls = new Set(list(source.settings["null"]).filter((value) => value !== ""));
  return {
    settings: { encoding, delimiter, quote, headerRow, nulls, records: recordsPaths ? records : undefined },
    problems,
  };
}

// A list setting (`null "NULL", "N/A"`) arrives as an array; older plans joined it with a unit separator.
function list(value: PlanSource["settings"][string] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : String(value).split("\u001f");
}

function knownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** `results[].stages[]` → [results each, stages each]; a path that ends without `[]` gets one. null if malformed. */
export function parseRecordsPath(path: string): PathStep[] | null {
  const trimmed = path.trim();
  if (trimmed === "" || trimmed === "[]") return [{ key: "", each: true }];
  const steps: PathStep[] = [];
  for (const [index, part] of trimmed.split(".").entries()) {
    const each = part.endsWith("[]");
    const key = each ? part.slice(0, -2) : part;
    const topLevelArray = index === 0 && key === "" && each;
    if ((key === "" && !topLevelArray) || key.includes("[") || key.includes("]") || key === "..") return null;
    steps.push({ key, each });
  }
  steps[steps.length - 1]!.each = true;
  return steps;
}
