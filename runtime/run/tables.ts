// rejects.csv and queue.csv: one line per rejected source record and per reference left for reconciliation,
// streamed from the store so they stay cheap however many there are.
import { closeSync, openSync, writeSync } from "node:fs";
import type { StagingStore } from "../stage/index.js";

/** RFC 4180: quote every cell that needs it; a leading = + - @ is prefixed so spreadsheets do not run it. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly unknown[]>): number {
  const fd = openSync(path, "w");
  let count = 0;
  try {
    writeSync(fd, `${header.join(",")}\r\n`);
    for (const row of rows) {
      writeSync(fd, `${row.map(csvCell).join(",")}\r\n`);
      count += 1;
    }
  } finally {
    closeSync(fd);
  }
  return count;
}

export function writeRejectsCsv(store: StagingStore, path: string): number {
  const rows = store.rejectRows();
  return writeCsv(
    path,
    ["object", "key", "file", "row", "map", "field", "reason"],
    mapRows(rows, (r) => [r.source, r.source_key, r.file, r.row, r.mapping, r.field, r.reason]),
  );
}

export function writeQueueCsv(store: StagingStore, path: string): number {
  const rows = store.queueRows();
  return writeCsv(
    path,
    ["kind", "map", "record", "field", "looked in", "key", "what to do"],
    mapRows(rows, (r) => [r.kind, r.mapping, r.external_id, r.field, r.target, r.key, r.reason]),
  );
}

function* mapRows<T>(rows: Iterable<T>, toCells: (row: T) => unknown[]): Iterable<unknown[]> {
  for (const row of rows) yield toCells(row);
}
