// What a reader hands on: one source record at a time, with the place it came from.
import type { ExtractCode, SourceProblem } from "./problems.js";

export interface SourceLocation {
  /** relative to the export folder, with `/` separators */
  file: string;
  /** 1-based: the data row within a CSV file, or the record's index within a JSON file or page */
  row: number;
  /** the physical line where the record starts (CSV, JSONL, and the top-level records of JSON) */
  line?: number;
}

export interface SourceRecord {
  /** exactly the plan's declared column names; raw values (CSV: strings), null for absent or empty */
  row: Record<string, unknown>;
  location: SourceLocation;
  /** set when the record is malformed (a ragged CSV row, a JSONL line that is not JSON, …): reject it */
  problem?: string;
  problemCode?: ExtractCode;
}

export interface ReadSourceOptions {
  signal?: AbortSignal;
  /** warnings found while reading (undeclared columns, a page chain with a gap, …); errors throw instead */
  onProblem?: (problem: SourceProblem) => void;
  /** each JSON record as parsed, before its columns are read: the survey lists the columns an export has */
  onRecord?: (record: unknown) => void;
}

/** One file of a source: a plain path, or one match of a `*` path. */
export interface ExportFile {
  /** relative to the export folder, with `/` separators */
  relative: string;
  absolute: string;
}
