// Reading one source of the export: its files found by pattern, each record with where it came from, in
// batches for staging; and the header check made before any row is staged.
import { join, resolve } from "node:path";
import type { PlanSource } from "../../plan/types.js";
import { checkCsvHeader, readCsvFile } from "./csv.js";
import { ExportPathError, findExportFiles } from "./export-paths.js";
import { readJsonFile } from "./json.js";
import { readJsonlFile } from "./jsonl.js";
import { sourceProblem, SourceReadError, type SourceProblem } from "./problems.js";
import { readerSettings } from "./settings.js";
import type { ExportFile, ReadSourceOptions, SourceRecord } from "./types.js";

export async function* readSource(
  source: PlanSource,
  exportDir: string,
  options: ReadSourceOptions = {},
): AsyncIterable<SourceRecord> {
  for await (const batch of readSourceBatches(source, exportDir, options)) {
    for (const record of batch) {
      options.signal?.throwIfAborted();
      yield record;
    }
  }
}

/**
 * The same records as readSource, in order, a batch at a time: for a caller that handles millions of rows,
 * one await per batch instead of one per record. A batch is never empty.
 */
export async function* readSourceBatches(
  source: PlanSource,
  exportDir: string,
  options: ReadSourceOptions = {},
): AsyncIterable<SourceRecord[]> {
  const { settings, problems } = readerSettings(source);
  if (problems.length > 0) throw new SourceReadError(problems);
  const files = await sourceFiles(source, exportDir);
  for (const [index, file] of files.entries()) {
    options.signal?.throwIfAborted();
    if (source.format === "csv") {
      yield* readCsvFile(source, settings, file, options);
    } else if (source.format === "jsonl") {
      yield* batched(readJsonlFile(source, settings, file, options));
    } else {
      const page = yield* batched(readJsonFile(source, settings, file, options));
      const problem = pageChainProblem(source, page.hasNext, files[index + 1]);
      if (problem) options.onProblem?.(sourceProblem(problem.code, file.relative, problem.args));
    }
  }
}

const BATCH_RECORDS = 500;

/**
 * Records of a per-record reader in batches, passing on the reader's result. When the reader fails, the
 * records it gave before the failure are still handed on first, as a per-record caller would have had them.
 */
async function* batched<Result>(records: AsyncGenerator<SourceRecord, Result>): AsyncGenerator<SourceRecord[], Result> {
  let batch: SourceRecord[] = [];
  for (;;) {
    let next: IteratorResult<SourceRecord, Result>;
    try {
      next = await records.next();
    } catch (error) {
      if (batch.length > 0) yield batch;
      throw error;
    }
    if (next.done) {
      if (batch.length > 0) yield batch;
      return next.value;
    }
    batch.push(next.value);
    if (batch.length >= BATCH_RECORDS) {
      yield batch;
      batch = [];
    }
  }
}

/**
 * What can be known before rows flow: the settings, the files, and for CSV each file's header against the
 * declared columns. Never throws for a problem of the export; returns errors and warnings.
 */
export async function checkSourceHeader(source: PlanSource, exportDir: string): Promise<SourceProblem[]> {
  const { settings, problems } = readerSettings(source);
  if (problems.length > 0) return problems;
  let files: ExportFile[];
  try {
    files = await sourceFiles(source, exportDir);
  } catch (error) {
    if (error instanceof SourceReadError) return [...error.problems];
    throw error;
  }
  if (files.length === 0) return [sourceProblem("MR3022", source.path, { path: source.path, object: source.name })];
  if (source.format !== "csv") return [];
  const found: SourceProblem[] = [];
  for (const file of files) found.push(...(await checkCsvHeader(source, settings, file)));
  return found;
}

/** `optional true`: an export may come without this source (a table only some customers export). */
function isOptional(source: PlanSource): boolean {
  return source.settings["optional"] === true;
}

/** The files of the first of the source's paths (`path`, then its `or` alternatives) that finds any. */
export async function sourceFiles(source: PlanSource, exportDir: string): Promise<ExportFile[]> {
  const paths = sourcePaths(source);
  for (const path of paths) {
    let files: ExportFile[];
    try {
      files = await findExportFiles(exportDir, path);
    } catch (error) {
      if (!(error instanceof ExportPathError)) throw error;
      throw new SourceReadError([sourceProblem("MR3007", path, { path, object: source.name, reason: error.reason })], {
        cause: error,
      });
    }
    if (files.length > 0) return files;
  }
  if (isOptional(source)) return [];
  const wheres = paths.map((path) => join(resolve(exportDir), path.replace(/\\/g, "/")));
  const detail =
    paths.length > 1
      ? `none of ${wheres.join(", ")} matches a file`
      : source.path.includes("*")
        ? `no file matches ${wheres[0]}`
        : `${wheres[0]} does not exist or is not a file`;
  throw new SourceReadError([sourceProblem("MR3003", source.path, { object: source.name, detail })]);
}

function sourcePaths(source: PlanSource): string[] {
  return [source.path, ...(source.pathAlternatives ?? [])];
}

// A page that links to a next page must be followed by one, and only the last page may link to none.
function pageChainProblem(
  source: PlanSource,
  hasNext: boolean,
  next: ExportFile | undefined,
): { code: "MR3008" | "MR3009"; args: Record<string, string> } | undefined {
  if (source.format === "json") return undefined;
  if (hasNext && !next) return { code: "MR3008", args: {} };
  if (!hasNext && next) return { code: "MR3009", args: { next: next.relative } };
  return undefined;
}
