import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError, output, type Command } from "./command.js";
import { requireCleanSpec } from "./guards.js";
import { progressReporter } from "./progress.js";

const help = `mapc run SPEC --source DIR [--out RUNDIR] [--json]

Runs the migration the spec describes on the export in DIR: reads every source file, transforms and
validates every row, and stages the target records in an embedded SQLite store. Every source row ends as
staged, rejected (with the reason) or skipped by a rule of the spec, and the counts must balance.

Without an Odoo connection this is a dry run: nothing leaves this machine.

Writes to RUNDIR (default: out/run/<system>):
  summary.json   the machine-readable truth of the run: per object and phase, the counts source, staged,
                 created, updated, unchanged, rejected and skipped, plus timings
  rejects.csv    every rejected source record with its file and row and the reason
  queue.csv      references left for reconciliation: owners to create in Odoo, records not in the export,
                 placeholders
  report.md, report.html   the same figures for a person
  staging.sqlite the staged records, the id map and the queues

Options:
  --source DIR   the export folder (required)
  --out RUNDIR   where to write (default: out/run/<system>)
  --json         print summary.json instead of the short table

Exit code: 0 when the run balanced (rejects are normal and listed), 1 when the spec has errors or the
export cannot be read, 2 on wrong usage.`;

export const runCommand: Command = {
  name: "run",
  summary: "stage an export through the spec (a dry run on the embedded store)",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { source: { type: "string" }, out: { type: "string" }, json: { type: "boolean" } },
      allowPositionals: true,
    });
    if (!values.source) throw new UsageError("--source DIR is required: the folder that holds the export");
    const exportDir = resolve(env.cwd, values.source);
    if (!existsSync(exportDir) || !statSync(exportDir).isDirectory()) throw new UsageError(`${values.source}: no such folder`);
    const compiled = requireCleanSpec(positionals, env);
    const plan = { ...compiled.plan, spec: { ...compiled.plan.spec, file: compiled.path } };
    const runDir = resolve(env.cwd, values.out ?? join("out", "run", plan.spec.system));
    // The runtime (SQLite, readers) loads only for the commands that run data.
    const { runDryRun, SourceReadError } = await import("../runtime/run/index.js");
    const progress = progressReporter(env);
    try {
      const summary = await runDryRun(plan, { exportDir, runDir, progress: progress.update });
      progress.done();
      const shown = relative(env.cwd, runDir) || ".";
      if (values.json) return output(summary.balanced ? 0 : 1, `${JSON.stringify(summary, null, 2)}\n`);
      return output(summary.balanced ? 0 : 1, `${summaryTable(summary)}\nwrote ${shown}/summary.json, rejects.csv, queue.csv, report.md, report.html\n`);
    } catch (error) {
      progress.done();
      if (error instanceof SourceReadError) {
        const source = values.source ?? ".";
        const lines = error.problems.map((p) => `${join(source, p.file)}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : ""} - error ${p.code}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ""}`);
        return output(1, "", `${lines.join("\n")}\nthe export cannot be read as the spec declares it; nothing was staged\n`);
      }
      throw error;
    }
  },
};

function summaryTable(summary: Awaited<ReturnType<typeof import("../runtime/run/index.js").runDryRun>>): string {
  const rows = summary.objects.map((o) => {
    const p = o.phases[0]!;
    return [o.object, String(p.source), String(p.staged), String(p.rejected), String(p.skipped), o.balanced ? "" : "NOT BALANCED"];
  });
  const header = ["object", "source", "staged", "rejected", "skipped", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  const queue = Object.entries(summary.queue).map(([kind, n]) => `${kind} ${n}`).join(", ");
  const lines = [
    `dry run: ${summary.spec.title}`,
    line(header),
    ...rows.map(line),
    "",
    `rejected: ${summary.rejects} (rejects.csv)`,
    `queued for reconciliation: ${queue || "nothing"} (queue.csv)`,
    summary.balanced ? "every object balances: source = staged + rejected + skipped" : "SOME OBJECTS DO NOT BALANCE: a row was lost; please report this",
  ];
  return lines.join("\n");
}
