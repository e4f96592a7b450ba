// CSV files: the header is checked against the declared columns before any row flows, then each record
// becomes a row of exactly the declared columns. A row with the wrong number of cells is still yielded,
// flagged, so the caller can reject it with its line number instead of the whole read stopping.
import type { PlanSource } from "../../plan/types.js";
import { CsvRecordParser, CsvSyntaxError, type CsvRecord } from "./csv-parser.js";
import { decodedChunks } from "./decode.js";
import { sourceProblem, SourceReadError, type SourceProblem } from "./problems.js";
import type { ReaderSettings } from "./settings.js";
import type { ExportFile, ReadSourceOptions, SourceRecord } from "./types.js";

export const MAX_CSV_RECORD_CHARS = 32_000_000;

/** The records of a CSV file, a batch per decoded chunk of the file (never an empty batch). */
export async function* readCsvFile(
  source: PlanSource,
  settings: ReaderSettings,
  file: ExportFile,
  options: ReadSourceOptions,
): AsyncGenerator<SourceRecord[]> {
  const names = source.columns.map((column) => column.name);
  const nulls = settings.nulls;
  let positions: number[] | undefined;
  let width = 0;
  let row = 0;
  for await (const records of csvRecords(settings, file, options)) {
    const batch: SourceRecord[] = [];
    for (const record of records) {
      if (!positions) {
        const header = checkHeader(source, record.cells, file);
        const errors = header.problems.filter((p) => p.severity === "error");
        if (errors.length > 0) throw new SourceReadError(errors);
        for (const warning of header.problems) options.onProblem?.(warning);
        positions = header.positions;
        width = record.cells.length;
        continue;
      }
      options.signal?.throwIfAborted();
      row++;
      const cells = record.cells;
      const values: Record<string, unknown> = {};
      for (let k = 0; k < names.length; k++) {
        const cell = cells[positions[k]!];
        values[names[k]!] = cell === undefined || cell === "" || nulls.has(cell) ? null : cell;
      }
      const location = { file: file.relative, row, line: record.line };
      const problem = rowProblem(record, width, file);
      batch.push(
        problem
          ? { row: values, location, problem: problem.message, problemCode: problem.code }
          : { row: values, location },
      );
    }
    if (batch.length > 0) yield batch;
  }
}

/** The header's problems (missing, undeclared and repeated columns), read without reading the rows. */
export async function checkCsvHeader(
  source: PlanSource,
  settings: ReaderSettings,
  file: ExportFile,
): Promise<SourceProblem[]> {
  const problems: SourceProblem[] = [];
  try {
    for await (const records of csvRecords(settings, file, { onProblem: (problem) => problems.push(problem) })) {
      const [header] = records;
      if (header) return [...problems, ...checkHeader(source, header.cells, file).problems];
    }
  } catch (error) {
    if (error instanceof SourceReadError) return [...problems, ...error.problems];
    throw error;
  }
  return problems;
}

/** The header labels of a CSV file as the reader matches them (byte order mark dropped, trimmed). */
export async function readCsvHeader(
  settings: ReaderSettings,
  file: ExportFile,
  options: ReadSourceOptions,
): Promise<string[]> {
  for await (const records of csvRecords(settings, file, options)) {
    const [header] = records;
    if (header) return headerLabels(header.cells);
  }
  return [];
}

function headerLabels(cells: readonly string[]): string[] {
  return cells.map((cell, index) => (index === 0 ? cell.replace(/^\uFEFF/, "") : cell).trim());
}

function rowProblem(record: CsvRecord, width: number, file: ExportFile): SourceProblem | undefined {
  if (record.cells.length !== width) {
    return sourceProblem(
      "MR3005",
      file.relative,
      { cells: record.cells.length, columns: width, line: record.line },
      { line: record.line },
    );
  }
  if (record.strayQuoteCell !== undefined) {
    const cell = record.strayQuoteCell.length > 60 ? `${record.strayQuoteCell.slice(0, 57)}…` : record.strayQuoteCell;
    return sourceProblem("MR3014", file.relative, { line: record.line, cell }, { line: record.line });
  }
  return undefined;
}

/** Records of a file in batches (one per decoded chunk); the first is the header. */
async function* csvRecords(
  settings: ReaderSettings,
  file: ExportFile,
  options: ReadSourceOptions,
): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvRecordParser({
    delimiter: settings.delimiter,
    quote: settings.quote,
    skipLines: settings.headerRow - 1,
    maxRecordChars: MAX_CSV_RECORD_CHARS,
  });
  let sawHeader = false;
  const batch = (records: CsvRecord[]) => {
    sawHeader ||= records.length > 0;
    return records;
  };
  try {
    for await (const text of decodedChunks(file, { encoding: settings.encoding, ...options })) {
      const records = batch(parser.push(text));
      if (records.length > 0) yield records;
    }
    const records = batch(parser.finish());
    if (records.length > 0) yield records;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    if (error.kind === "unclosed-quote")
      throw new SourceReadError([sourceProblem("MR3013", file.relative, { line: error.line }, { line: error.line })]);
    const args = { line: error.line, limit: MAX_CSV_RECORD_CHARS / 1e6, detail: "a quote may be left open" };
    throw new SourceReadError([sourceProblem("MR3019", file.relative, args, { line: error.line })]);
  }
  if (!sawHeader && settings.headerRow > 1 && parser.linesRead > 0) {
    const args = { headerRow: settings.headerRow, lines: parser.linesRead };
    throw new SourceReadError([sourceProblem("MR3017", file.relative, args)]);
  }
}

interface HeaderCheck {
  /** for each declared column, its cell index (-1: missing) */
  positions: number[];
  problems: SourceProblem[];
}

function checkHeader(source: PlanSource, cells: readonly string[], file: ExportFile): HeaderCheck {
  const labels = headerLabels(cells);
  const first = new Map<string, number>();
  const count = new Map<string, number>();
  labels.forEach((label, index) => {
    if (!first.has(label)) first.set(label, index);
    count.set(label, (count.get(label) ?? 0) + 1);
  });
  const problems: SourceProblem[] = [];
  const declared = new Set(source.columns.flatMap((column) => columnNames(column)));
  const positions = source.columns.map((column) => {
    const names = columnNames(column);
    const exact = names.map((name) => first.get(name)).find((position) => position !== undefined);
    const position = exact ?? names.map((name) => sameLabel(name, labels, declared)).find((p) => p !== undefined);
    if (position !== undefined && !names.includes(labels[position]!)) {
      problems.push(
        sourceProblem("MR3020", file.relative, { column: column.name, object: source.name, label: labels[position]! }),
      );
      declared.add(labels[position]!);
      return position;
    }
    if (position === undefined) {
      if (column.optional) {
        problems.push(sourceProblem("MR3021", file.relative, { column: column.name, object: source.name }));
        return -1;
      }
      const near = closestLabel(column.name, labels);
      problems.push(
        sourceProblem(
          "MR3001",
          file.relative,
          { column: column.name, object: source.name },
          near ? { hint: `did you mean "${near}"?` } : {},
        ),
      );
      return -1;
    }
    const label = labels[position]!;
    const times = count.get(label)!;
    if (times > 1) problems.push(sourceProblem("MR3018", file.relative, { column: label, count: times }));
    return position;
  });
  // Undeclared columns are not the header's business: the survey accounts for every column (MR3024).
  return { positions, problems };
}

/** A column's name and the other names exports give it, in the order they are tried. */
export function columnNames(column: PlanSource["columns"][number]): string[] {
  return [column.name, ...(column.alternatives ?? [])];
}

/**
 * The one header label that is a declared column's name but for case and spacing ("Company Name" for
 * "Company name"): exports of one CRM differ in such details. None when it is ambiguous or declared itself.
 */
function sameLabel(name: string, labels: readonly string[], declared: ReadonlySet<string>): number | undefined {
  const matches = labels.flatMap((label, index) => (labelMatches(label, name) && !declared.has(label) ? [index] : []));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Whether a header label names a column but for case and spacing ("Company Name" for "Company name"). */
export function labelMatches(label: string, name: string): boolean {
  return label === name || squash(label) === squash(name);
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}

/** A header label that is probably the one meant: same letters ignoring case and spacing, or a near typo. */
function closestLabel(name: string, labels: readonly string[]): string | undefined {
  const exact = labels.find((label) => labelMatches(label, name));
  if (exact) return exact;
  let best: { label: string; distance: number } | undefined;
  for (const label of labels) {
    const distance = editDistance(squash(label), squash(name));
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (!best || distance < best.distance))
      best = { label, distance };
  }
  return best?.label;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
