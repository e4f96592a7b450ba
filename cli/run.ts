import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError, output, type Command, type CommandEnvironment } from "./command.js";
import { confirmationProblem } from "./confirmation.js";
import { requireCleanSpec } from "./guards.js";
import { exportFolder as existingExportFolder } from "./spec-files.js";
import { loadedConnection } from "../runtime/run/connection.js";
import { odooConnectionFromFlags, odooFlags, passwordFromEnvironment, runtimeErrorOutput } from "./odoo-flags.js";
import { progressReporter } from "./progress.js";

const help = `mapc run SPEC --source DIR [--out RUNDIR] [--odoo URL --db NAME --user LOGIN]
         [--sample N] [--delta] [--resume] [--strict] [--batch-size N] [--jobs N] [--json]

Runs the migration the spec describes on the export in DIR: reads every source file, transforms and
validates every row, and stages the target records in an embedded SQLite store. Every source row ends as
staged, rejected (with the reason) or skipped by a rule of the spec, and the counts must balance.

Without --odoo this is a dry run: nothing leaves this machine. With --odoo it then loads the staged
records into that Odoo in load order, one phase per map, each phase reconciled before the next; every
record mapc creates gets an external id (module mapc_<system>), so running again changes nothing.
The password comes from the environment variable MAPC_ODOO_PASSWORD, never from a flag.
A live run needs the customer's confirmation of this exact spec (mapc confirm).

Writes to RUNDIR (default: out/run/<system>):
  summary.json    the machine-readable truth: per object and phase, the counts source, staged, created,
                  updated, unchanged, rejected and skipped, plus timings, merges and the owners to create
  rejects.csv     every rejected source record with its file and row (or key) and the reason
  queue.csv       left for reconciliation: owners to create in Odoo, records not in the export, placeholders
  report.md, report.html   the same figures for a person
  staging.sqlite  staged records, id map, queues and the journal of everything written to Odoo
  connection.json the Odoo URL, database and user (never the password), for verify and rollback

Options:
  --source DIR      the export folder (required unless --resume)
  --out RUNDIR      the run folder (default: out/run/<system>); keep it: verify, rollback, delta and
                    resume work from it
  --odoo URL        load into this Odoo (e.g. http://127.0.0.1:8069), with --db and --user
  --sample N        load N records per map, chosen deterministically, plus the records they point to
  --delta           against a newer export in the same RUNDIR: write only new and changed records, and
                    list source rows that disappeared (nothing is deleted in Odoo)
  --resume          after a crash or kill: continue loading what is staged, without duplicates, into
                    the Odoo the run folder loaded into (no --odoo needed; files are read from the
                    export that was staged)
  --strict          refuse to run while a column of the export is neither read nor dropped by the spec
                    (without it, each such column is listed as a warning and in summary.json)
  --batch-size N    records per load call (default 200)
  --jobs N          lanes of one phase loaded at once (default 1), for an Odoo with workers and cores to
                    spare: records that write the same parent (a contact's company, a task's project, an
                    activity's record) share a lane, so the result is the same as with 1. On a 2-core
                    machine that runs Odoo and PostgreSQL too, 2 or 3 gained nothing (bench/README.md)
  --json            print summary.json instead of the short table

Every column of the export is accounted for: read by the spec (under its name or one of its \`or\`
names), dropped with a reason (a drop may be a pattern, "*@OData.Community.Display.V1.FormattedValue"),
or listed as unaccounted. A source with \`custom properties from …\` reads the export's metadata: each
custom property a map takes (\`custom properties prefix "x_…"\`) is migrated into an x_ field of its
own (mapc apply-schema --source DIR creates them). A column the spec needs (a key, a required field)
that the export lacks stops the run before anything is staged.

A run folder belongs to the Odoo database it first loaded into: a run that names another one with the
same --out is refused before anything is written. Give each Odoo its own --out.

Exit code: 0 when the run balanced (rejects are normal and listed), 1 when the spec has errors, the
export cannot be read, Odoo refuses the connection or lacks what the spec needs, 2 on wrong usage.`;

export const runCommand: Command = {
  name: "run",
  summary: "stage an export through the spec, then (with --odoo) load it into Odoo",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        source: { type: "string" },
        out: { type: "string" },
        json: { type: "boolean" },
        sample: { type: "string" },
        delta: { type: "boolean" },
        resume: { type: "boolean" },
        strict: { type: "boolean" },
        "batch-size": { type: "string" },
        jobs: { type: "string" },
        ...odooFlags,
      },
      allowPositionals: true,
    });
    const compiled = requireCleanSpec(positionals, env);
    const plan = { ...compiled.plan, spec: { ...compiled.plan.spec, file: compiled.path } };
    const runDir = resolve(env.cwd, values.out ?? join("out", "run", plan.spec.system));
    const exportDir = exportFolder(values.source, values.resume, runDir, env);
    // A resumed load goes on into the Odoo it began in, as verify and rollback do.
    const connection = odooConnectionFromFlags(values) ?? (values.resume ? loadedConnection(runDir) : undefined);
    if (connection) {
      const problem = confirmationProblem(resolve(env.cwd, compiled.path), compiled.path, plan);
      if (problem) return output(1, "", `${problem}\n`);
    }
    const sample = positiveInteger(values.sample, "--sample");
    const batchSize = positiveInteger(values["batch-size"], "--batch-size");
    const jobs = positiveInteger(values.jobs, "--jobs");
    if (values.resume && !connection)
      throw new UsageError(
        `--resume continues a load into Odoo, and ${relative(env.cwd, runDir) || "."} has never loaded into one: run without --resume`,
      );
    const { runMigration } = await import("../runtime/run/index.js");
    const progress = progressReporter(env);
    try {
      const summary = await runMigration(plan, {
        exportDir,
        runDir,
        progress: progress.update,
        ...(connection
          ? {
              odoo: {
                connection,
                password: passwordFromEnvironment(),
                ...(batchSize ? { batchSize } : {}),
                ...(jobs ? { jobs } : {}),
              },
            }
          : {}),
        ...(sample ? { sample } : {}),
        ...(values.delta ? { delta: true } : {}),
        ...(values.resume ? { resume: true } : {}),
        ...(values.strict ? { strict: true } : {}),
      });
      progress.done();
      const shown = relative(env.cwd, runDir) || ".";
      if (values.json) return output(summary.balanced ? 0 : 1, `${JSON.stringify(summary, null, 2)}\n`);
      return output(
        summary.balanced ? 0 : 1,
        `${summaryTable(summary)}\nwrote ${shown}/summary.json, rejects.csv, queue.csv, queue.json, report.md, report.html\n`,
      );
    } catch (error) {
      progress.done();
      return runtimeErrorOutput(error, values.source ?? ".");
    }
  },
};

function exportFolder(
  source: string | undefined,
  resume: boolean | undefined,
  runDir: string,
  env: CommandEnvironment,
): string {
  if (!source) {
    if (resume) return runDir;
    throw new UsageError("--source DIR is required: the folder that holds the export");
  }
  return existingExportFolder(source, env);
}

export function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number of at least 1, not "${value}"`);
  return n;
}

type Summary = Awaited<ReturnType<typeof import("../runtime/run/index.js").runMigration>>;

/** Whether every export column is accounted for, and which custom properties the export's metadata added. */
function columnLines(summary: Summary): string[] {
  if (!summary.columns) return [];
  const total = summary.columns.reduce((n, c) => n + c.columns, 0);
  const left = summary.columns.filter((c) => c.unaccounted.length > 0);
  const lines =
    left.length === 0
      ? [`columns: all ${total} export columns are read or dropped by the spec`]
      : [
          `columns NOT ACCOUNTED FOR (read by no map, dropped by no rule): ${left.map((c) => `${c.source} ${c.unaccounted.length}`).join(", ")}; listed in summary.json and report.md`,
        ];
  const properties = summary.customProperties ?? [];
  if (properties.length > 0)
    lines.push(
      `custom properties from the export's metadata: ${properties.length} (${properties
        .slice(0, 6)
        .map((p) => p.fields.join("/"))
        .join(", ")}${properties.length > 6 ? ", …" : ""})`,
    );
  return lines;
}

function summaryTable(summary: Summary): string {
  const loaded = summary.mode === "load";
  const loadPhase = (o: Summary["objects"][number]) => o.phases.find((p) => p.phase === "load");
  // Staged but not loaded: outside a --sample, or held back with a queued link. Shown only when it happens.
  const notLoaded = loaded && summary.objects.some((o) => (loadPhase(o)?.skipped ?? 0) > 0);
  const header = loaded
    ? [
        "object",
        "source",
        "staged",
        "rejected",
        "skipped",
        "created",
        "updated",
        "unchanged",
        "load rejected",
        ...(notLoaded ? ["not loaded"] : []),
        "",
      ]
    : ["object", "source", "staged", "rejected", "skipped", ""];
  const rows = summary.objects.map((o) => {
    const stage = o.phases[0]!;
    const load = loadPhase(o);
    const cells = [o.object, stage.source, stage.staged, stage.rejected, stage.skipped].map(String);
    if (loaded)
      cells.push(...[load?.created ?? 0, load?.updated ?? 0, load?.unchanged ?? 0, load?.rejected ?? 0].map(String));
    if (notLoaded) cells.push(String(load?.skipped ?? 0));
    cells.push(o.balanced ? "" : "NOT BALANCED");
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  const queue = Object.entries(summary.queue)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  const delta = summary.delta
    ? [
        `delta: ${summary.delta.new} new, ${summary.delta.changed} changed, ${summary.delta.gone.length} gone from the export`,
      ]
    : [];
  // What the readers found odd but could read (a column matched ignoring case, an optional file missing).
  const warnings = summary.warnings.slice(0, 5).map((w) => `warning ${w.code} ${w.file}: ${w.message}`);
  if (summary.warnings.length > 5) warnings.push(`…and ${summary.warnings.length - 5} more warnings in summary.json`);
  const merged = summary.mappings.filter((m) => m.merged > 0).map((m) => `${m.mapping} ${m.merged}`);
  const merges = merged.length
    ? [`merged into another record (many:1): ${merged.join(", ")} row(s); see report.md`]
    : [];
  // mapc never creates users: the admin does, and a second run fills the owners in.
  const owners = summary.ownersToCreate.length
    ? [
        `owners to create in Odoo, then run again: ${summary.ownersToCreate.map((o) => `${o.key} (${o.records} records)`).join(", ")}`,
      ]
    : [];
  return [
    loaded
      ? `run into ${summary.odoo?.url} (${summary.odoo?.db}): ${summary.spec.title}`
      : `dry run: ${summary.spec.title}`,
    line(header),
    ...rows.map(line),
    "",
    ...delta,
    ...columnLines(summary),
    ...warnings,
    ...merges,
    `rejected: ${summary.rejects} (rejects.csv)`,
    `queued for reconciliation: ${queue || "nothing"} (queue.csv)`,
    ...owners,
    summary.balanced ? "every object balances" : "SOME OBJECTS DO NOT BALANCE: a record was lost; please report this",
  ].join("\n");
}
