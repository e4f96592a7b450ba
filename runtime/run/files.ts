// The names of a run folder's files, apart from runtime/run/folder.ts, which reads and writes them: the
// commands that only need a name (a folder's connection) load nothing heavier than this.
import { join } from "node:path";

/** Every file a run folder can hold. */
export const RUN_FILES = {
  staging: "staging.sqlite",
  plan: "plan.json",
  connection: "connection.json",
  summary: "summary.json",
  rejects: "rejects.csv",
  queue: "queue.csv",
  queueJson: "queue.json",
  reportMarkdown: "report.md",
  reportHtml: "report.html",
  verify: "verify.json",
  rollback: "rollback.json",
} as const;

export type RunFile = keyof typeof RUN_FILES;

export function runFile(runDir: string, file: RunFile): string {
  return join(runDir, RUN_FILES[file]);
}
