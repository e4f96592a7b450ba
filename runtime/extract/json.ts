// JSON documents and paged API dumps (`json`, `hubspot`, `odata`, `laravel`): one file at a time through
// the streaming scanner, so a single large `json` file costs one top-level record of memory, not the file.
import type { PlanSource, SourceFormat } from "../../plan/types.js";
import { decodedChunks } from "./decode.js";
import { descend, JsonRowBuilder, type Found } from "./json-records.js";
import {
  JsonRecordScanner,
  JsonShapeError,
  JsonSyntaxError,
  JsonValueTooLargeError,
  type JsonScanEvent,
  type RecordsTarget,
} from "./json-scanner.js";
import { sourceProblem, SourceReadError } from "./problems.js";
import type { PathStep, ReaderSettings } from "./settings.js";
import type { ExportFile, ReadSourceOptions, SourceRecord } from "./types.js";

/** Where each format keeps its records when the spec does not say (`records`). */
const envelopeKeys: Record<Exclude<SourceFormat, "csv" | "jsonl">, string[]> = {
  json: ["results", "value", "data"],
  hubspot: ["results"],
  odata: ["value"],
  laravel: ["data"],
};

export const MAX_JSON_VALUE_CHARS = 128_000_000;

export interface JsonFileResult {
  /** the page links to a next page (paged formats) */
  hasNext: boolean;
}

/**
 * The records of one JSON file. Several `records` paths are read in turn (deal and ticket pipelines kept
 * under their own keys): a path the document lacks holds no records, and only a file where none of them
 * finds an array is refused.
 */
export async function* readJsonFile(
  source: PlanSource,
  settings: ReaderSettings,
  file: ExportFile,
  options: ReadSourceOptions,
): AsyncGenerator<SourceRecord, JsonFileResult> {
  const format = source.format as keyof typeof envelopeKeys;
  const paths = settings.records ?? [undefined];
  const rows = { next: 0 };
  let result: JsonFileResult | undefined;
  let lastScan: ScanResult | undefined;
  for (const path of paths) {
    const scan = yield* scanRecords(source, settings, file, options, path, rows);
    lastScan = scan;
    if (scan.root === "none" || scan.recordsFound) result ??= { hasNext: hasNextPage(source.format, scan.envelope) };
  }
  if (!result) {
    const scan = lastScan!;
    throw new SourceReadError([
      noRecordsProblem(source, file, settings.records, envelopeKeys[format], scan.root, scan.envelope),
    ]);
  }
  return result;
}

interface ScanResult {
  root: string;
  recordsFound: boolean;
  envelope: Record<string, unknown>;
}

async function* scanRecords(
  source: PlanSource,
  settings: ReaderSettings,
  file: ExportFile,
  options: ReadSourceOptions,
  records: PathStep[] | undefined,
  counter: { next: number },
): AsyncGenerator<SourceRecord, ScanResult> {
  const format = source.format as keyof typeof envelopeKeys;
  const { target, rest } = recordsTarget(records, envelopeKeys[format]);
  const scanner = new JsonRecordScanner(target, MAX_JSON_VALUE_CHARS);
  const rows = new JsonRowBuilder(source, settings.nulls);
  const envelope: Record<string, unknown> = {};

  const chunks = decodedChunks(file, { encoding: settings.encoding, ...options });
  try {
    for (let done = false; !done;) {
      let events: JsonScanEvent[];
      try {
        const next = await chunks.next();
        done = next.done === true;
        events = next.done ? scanner.finish() : scanner.push(next.value);
      } catch (error) {
        throw jsonReadError(error, source, file);
      }
      for (const event of events) {
        if (event.kind === "member") {
          envelope[event.key] = event.value;
          continue;
        }
        for (const found of recordsOf(event.value, rest)) {
          options.signal?.throwIfAborted();
          const row = ++counter.next;
          const location =
            rest.length === 0 ? { file: file.relative, row, line: event.line } : { file: file.relative, row };
          if (!("problem" in found)) options.onRecord?.(found.record);
          const built = "problem" in found ? found.problem : rows.row(found.record, found.parents);
          if (typeof built !== "string") {
            yield { row: built, location };
            continue;
          }
          const problem = sourceProblem("MR3016", file.relative, { row, detail: built });
          yield { row: rows.emptyRow(), location, problem: problem.message, problemCode: problem.code };
        }
      }
    }
  } finally {
    await chunks.return(undefined);
  }
  return { root: scanner.root, recordsFound: scanner.recordsFound, envelope };
}

function recordsOf(value: unknown, rest: readonly PathStep[]): Iterable<Found> {
  return rest.length === 0 ? [{ record: value, parents: [] }] : descend(value, rest, [], value);
}

/** The scanner streams the first array of the path; the rest of the path is walked in memory. */
function recordsTarget(
  records: PathStep[] | undefined,
  candidates: string[],
): { target: RecordsTarget; rest: PathStep[] } {
  if (!records) return { target: { candidates }, rest: [] };
  const firstEach = records.findIndex((step) => step.each);
  const streamed = records
    .slice(0, firstEach + 1)
    .map((step) => step.key)
    .filter((key) => key !== "");
  return { target: { path: streamed }, rest: records.slice(firstEach + 1) };
}

function jsonReadError(error: unknown, source: PlanSource, file: ExportFile): unknown {
  if (error instanceof JsonSyntaxError) {
    const problem = sourceProblem(
      "MR3004",
      file.relative,
      { line: error.line, column: error.column, detail: error.detail },
      { line: error.line, column: error.column },
    );
    return new SourceReadError([problem], { cause: error });
  }
  if (error instanceof JsonShapeError) {
    return new SourceReadError(
      [sourceProblem("MR3006", file.relative, { object: source.name, detail: error.message })],
      { cause: error },
    );
  }
  if (error instanceof JsonValueTooLargeError) {
    const args = {
      line: error.line,
      limit: MAX_JSON_VALUE_CHARS / 1e6,
      detail: "one record (or one member beside the records) is read whole",
    };
    return new SourceReadError([sourceProblem("MR3019", file.relative, args, { line: error.line })], { cause: error });
  }
  return error;
}

function noRecordsProblem(
  source: PlanSource,
  file: ExportFile,
  records: PathStep[][] | undefined,
  candidates: string[],
  root: string,
  envelope: Record<string, unknown>,
) {
  const keys = Object.keys(envelope);
  const has = keys.length === 0 ? "it has no members" : `its members are ${keys.map((k) => `\`${k}\``).join(", ")}`;
  let detail: string;
  if (root === "scalar") detail = "the document is neither an array nor an object";
  else if (records) detail = `\`records ${records.map(recordsPathText).join(", ")}\` finds no array; ${has}`;
  else detail = `no ${candidates.map((k) => `\`${k}\``).join(" or ")} array; ${has}`;
  const hint = records || root === "scalar" ? undefined : 'say where the records are, e.g. `records "items[]"`';
  return sourceProblem("MR3006", file.relative, { object: source.name, detail }, hint ? { hint } : {});
}

function recordsPathText(path: PathStep[]): string {
  return `"${path.map((s) => s.key + (s.each ? "[]" : "")).join(".")}"`;
}

// Each paged format says in its own way that more pages follow.
function hasNextPage(format: SourceFormat, envelope: Record<string, unknown>): boolean {
  const member = (value: unknown, key: string): unknown =>
    typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  const present = (value: unknown) => value !== undefined && value !== null && value !== "";
  switch (format) {
    case "hubspot":
      return present(member(envelope["paging"], "next"));
    case "odata":
      return present(envelope["@odata.nextLink"]);
    case "laravel": {
      const current = Number(member(envelope["meta"], "current_page"));
      const last = Number(member(envelope["meta"], "last_page"));
      return (
        present(member(envelope["links"], "next")) ||
        (Number.isFinite(current) && Number.isFinite(last) && current < last)
      );
    }
    default:
      return false;
  }
}
