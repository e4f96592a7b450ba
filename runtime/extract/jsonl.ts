// JSON Lines: one JSON value per line, blank lines skipped. A line that is not JSON is one rejected record,
// not the end of the read.
import type { PlanSource } from "../../plan/types.js";
import { decodedChunks } from "./decode.js";
import { locateJsonFault } from "./json-errors.js";
import { descend, JsonRowBuilder } from "./json-records.js";
import { sourceProblem, SourceReadError } from "./problems.js";
import type { ReaderSettings } from "./settings.js";
import type { ExportFile, ReadSourceOptions, SourceRecord } from "./types.js";

export const MAX_JSONL_LINE_CHARS = 128_000_000;

export async function* readJsonlFile(
  source: PlanSource,
  settings: ReaderSettings,
  file: ExportFile,
  options: ReadSourceOptions,
): AsyncGenerator<SourceRecord> {
  const rows = new JsonRowBuilder(source, settings.nulls);
  let row = 0;
  for await (const { text, line } of lines(file, settings, options)) {
    if (text.trim() === "") continue;
    options.signal?.throwIfAborted();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      row++;
      const fault = locateJsonFault(text) ?? { offset: 0, detail: "invalid JSON" };
      const problem = sourceProblem(
        "MR3015",
        file.relative,
        { line, detail: `${fault.detail} at column ${fault.offset + 1}` },
        { line, column: fault.offset + 1 },
      );
      yield {
        row: rows.emptyRow(),
        location: { file: file.relative, row, line },
        problem: problem.message,
        problemCode: problem.code,
      };
      continue;
    }
    const found = settings.records
      ? settings.records.flatMap((path) => [...descend(value, path, [], undefined)])
      : [{ record: value, parents: [] }];
    for (const item of found) {
      row++;
      const location = { file: file.relative, row, line };
      if (!("problem" in item)) options.onRecord?.(item.record);
      const built = "problem" in item ? item.problem : rows.row(item.record, item.parents);
      if (typeof built !== "string") {
        yield { row: built, location };
        continue;
      }
      const problem = sourceProblem("MR3016", file.relative, { row, detail: built }, { line });
      yield { row: rows.emptyRow(), location, problem: problem.message, problemCode: problem.code };
    }
  }
}

async function* lines(
  file: ExportFile,
  settings: ReaderSettings,
  options: ReadSourceOptions,
): AsyncGenerator<{ text: string; line: number }> {
  let pending: string[] = [];
  let pendingLength = 0;
  let line = 1;
  for await (const chunk of decodedChunks(file, { encoding: settings.encoding, ...options })) {
    let from = 0;
    for (let lf = chunk.indexOf("\n"); lf >= 0; lf = chunk.indexOf("\n", from)) {
      const piece = chunk.slice(from, lf);
      const text = pending.length === 0 ? piece : pending.join("") + piece;
      pending = [];
      pendingLength = 0;
      yield { text: text.endsWith("\r") ? text.slice(0, -1) : text, line };
      line++;
      from = lf + 1;
    }
    if (from < chunk.length) {
      pending.push(chunk.slice(from));
      pendingLength += chunk.length - from;
      if (pendingLength > MAX_JSONL_LINE_CHARS) {
        const args = { line, limit: MAX_JSONL_LINE_CHARS / 1e6, detail: "a JSON Lines record is read whole" };
        throw new SourceReadError([sourceProblem("MR3019", file.relative, args, { line })]);
      }
    }
  }
  if (pending.length > 0) yield { text: pending.join(""), line };
}
