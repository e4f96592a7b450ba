// Small exports written to a temp folder, and plan sources declared in one line.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { PlanSource, SourceFormat } from "../../plan/types.js";
import { readSource, SourceReadError, type SourceProblem, type SourceRecord } from "../../runtime/extract/index.js";

export function writeExport(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "mapc-extract-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export function source(
  format: SourceFormat,
  path: string,
  columns: string[],
  settings: PlanSource["settings"] = {},
): PlanSource {
  return {
    name: "Thing",
    label: "Thing",
    format,
    path,
    key: columns.slice(0, 1),
    settings,
    // "Fax?" declares the column Fax `optional`; "Record ID | Contact ID" gives it another name
    columns: columns.map((declared, index) => {
      const [name, ...alternatives] = declared.replace(/\?$/, "").split(" | ");
      return {
        name: name!,
        ...(alternatives.length > 0 ? { alternatives } : {}),
        type: "text" as const,
        line: index + 2,
        ...(declared.endsWith("?") ? { optional: true as const } : {}),
      };
    }),
    skips: [],
    drops: [],
    line: 1,
  };
}

export interface ReadOutcome {
  records: SourceRecord[];
  warnings: SourceProblem[];
  /** the problems of the SourceReadError that stopped the read, if one did */
  errors: SourceProblem[];
}

export async function readAll(s: PlanSource, dir: string): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { records: [], warnings: [], errors: [] };
  try {
    for await (const record of readSource(s, dir, { onProblem: (p) => outcome.warnings.push(p) }))
      outcome.records.push(record);
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    outcome.errors.push(...error.problems);
  }
  return outcome;
}

export const rows = (outcome: ReadOutcome) => outcome.records.map((r) => r.row);
export const codes = (problems: readonly SourceProblem[]) => problems.map((p) => p.code);
