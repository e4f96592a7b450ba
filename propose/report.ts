// What `mapc propose` tells the user on stderr: per source, what was matched, added and dropped, with
// confidences, so the draft can be reviewed from the lowest confidence up.
import { confidence } from "./similarity.js";

export interface SourceReport {
  source: string;
  /** `contacts.csv → res.partner (0.95)` */
  summary: string;
  entries: ReportEntry[];
}

export interface ReportEntry {
  kind: "matched" | "linked" | "custom" | "dropped" | "added" | "alternative" | "optional" | "path" | "problem";
  text: string;
  score?: number;
}

export interface ProposalReport {
  title: string;
  sources: SourceReport[];
  /** files of the export that are no table, and other remarks */
  notes: string[];
}

const order: ReportEntry["kind"][] = [
  "path",
  "matched",
  "linked",
  "alternative",
  "custom",
  "added",
  "optional",
  "dropped",
  "problem",
];

export function renderReport(report: ProposalReport): string {
  const lines = [report.title];
  for (const source of report.sources) {
    lines.push(`  ${source.source}: ${source.summary}`);
    for (const kind of order) {
      const entries = source.entries.filter((e) => e.kind === kind);
      if (entries.length === 0) continue;
      const texts = entries.map((e) => (e.score === undefined ? e.text : `${e.text} ${confidence(e.score)}`));
      lines.push(`    ${kind.padEnd(11)} ${entries.length}: ${texts.join(", ")}`);
    }
  }
  for (const note of report.notes) lines.push(`  ${note}`);
  return `${lines.join("\n")}\n`;
}
