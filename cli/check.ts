import { parseArgs } from "node:util";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { output, UsageError, type Command } from "./command.js";
import { exportDiagnostics } from "./export-findings.js";
import { compileSpecFiles, exportFolder, renderDiagnostics, summaryLine, type CompiledSpec } from "./spec-files.js";

const help = `mapc check SPEC... [--source EXPORT] [--json]

Checks each spec against its declared source schema and the Odoo field catalog of its target version,
and reports every problem at once: file:line:col, a stable code, the source line with the span
underlined, and a hint where one helps. Ends with each source object's column coverage.

With --source, also compares the spec with a real export before any run, each finding placed on the
spec line to change:
  MC2601  a source's file is not in the export (the hint names the file or folder it probably is)
  MC2602  a column the spec needs (a key, a required field) is not in the export: an error
  MC2603  an optional column is not in the export: every row reads it as empty
  MC2604  a column of the export the spec neither reads nor drops: it would not migrate
  MC2605  a custom property the export's metadata lists, and the x_ field it lands in
  MC2606  a custom property no map takes
A renamed column gets a hint with the alternative to add ("Email" or "E-mail"). Coverage then counts the
export's columns, not only the declared ones.

Options:
  --source EXPORT   the export folder to compare the spec with
  --json            print the diagnostics and coverage as JSON (for editors and CI)

Exit code: 0 when no spec has an error (warnings allowed), 1 otherwise, 2 on wrong usage.`;

function coverageText(compiled: CompiledSpec): string {
  const rows = compiled.plan.coverage.map((c) => {
    const unmapped = c.unmapped.length ? `, unmapped: ${c.unmapped.map((u) => `"${u}"`).join(", ")}` : "";
    return `  ${c.source}: ${c.percent}% of ${c.columns} columns mapped or dropped${unmapped}`;
  });
  return rows.length ? `coverage\n${rows.join("\n")}\n` : "";
}

type Survey = Awaited<ReturnType<typeof import("../runtime/survey/index.js").surveyExport>>;

function exportCoverageText(survey: Survey): string {
  const rows = survey.accounts.map((a) => {
    const parts = [
      `${a.read.length} read`,
      ...(a.dropped.length ? [`${a.dropped.length} dropped`] : []),
      ...(a.unaccounted.length ? [`${a.unaccounted.length} NOT ACCOUNTED FOR`] : []),
    ];
    const absent = a.absent.length ? `; ${a.absent.length} declared column(s) not in the export` : "";
    return a.files.length === 0
      ? `  ${a.source}: no file in the export`
      : `  ${a.source}: ${a.columns} export columns: ${parts.join(", ")}${absent}`;
  });
  return `export coverage\n${rows.join("\n")}\n`;
}

export const checkCommand: Command = {
  name: "check",
  summary: "report every problem in a spec, with file:line:col and a fix hint (--source: against an export too)",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: "boolean" }, source: { type: "string" } },
      allowPositionals: true,
    });
    const compiled = compileSpecFiles(positionals, env);
    const exportDir = values.source === undefined ? undefined : exportFolder(values.source, env);
    if (exportDir && compiled.length > 1)
      throw new UsageError("--source compares one spec with an export: name one spec");
    const surveys = new Map<CompiledSpec, Survey>();
    if (exportDir) {
      const { surveyExport } = await import("../runtime/survey/index.js");
      for (const c of compiled) {
        if (!c.ok) continue;
        const survey = await surveyExport(c.plan, exportDir);
        surveys.set(c, survey);
        c.diagnostics = sortDiagnostics([...c.diagnostics, ...exportDiagnostics(c.spec, survey, exportDir)]);
        c.ok = !c.diagnostics.some((d: Diagnostic) => d.severity === "error");
      }
    }
    const failed = compiled.some((c) => !c.ok);
    if (values.json) {
      const report = compiled.map((c) => ({
        file: c.path,
        ok: c.ok,
        diagnostics: c.diagnostics.map((d) => ({ ...d, file: c.path })),
        coverage: c.plan.coverage,
        ...(surveys.has(c) ? { exportCoverage: surveys.get(c)!.accounts } : {}),
      }));
      return output(failed ? 1 : 0, `${JSON.stringify(report, null, 2)}\n`);
    }
    const text = compiled
      .map(
        (c) =>
          `${renderDiagnostics(c, env)}${coverageText(c)}${surveys.has(c) ? exportCoverageText(surveys.get(c)!) : ""}${summaryLine(c)}\n`,
      )
      .join("\n");
    return output(failed ? 1 : 0, text);
  },
};
