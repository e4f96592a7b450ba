import { parseArgs } from "node:util";
import { output, type Command } from "./command.js";
import { compileSpecFiles, renderDiagnostics, summaryLine, type CompiledSpec } from "./spec-files.js";

const help = `mapc check SPEC... [--json]

Checks each spec against its declared source schema and the Odoo field catalog of its target version,
and reports every problem at once: file:line:col, a stable code, the source line with the span
underlined, and a hint where one helps. Ends with each source object's column coverage.

Options:
  --json   print the diagnostics and coverage as JSON (for editors and CI)

Exit code: 0 when no spec has an error (warnings allowed), 1 otherwise, 2 on wrong usage.`;

function coverageText(compiled: CompiledSpec): string {
  const rows = compiled.plan.coverage.map((c) => {
    const unmapped = c.unmapped.length ? `, unmapped: ${c.unmapped.map((u) => `"${u}"`).join(", ")}` : "";
    return `  ${c.source}: ${c.percent}% of ${c.columns} columns mapped or dropped${unmapped}`;
  });
  return rows.length ? `coverage\n${rows.join("\n")}\n` : "";
}

export const checkCommand: Command = {
  name: "check",
  summary: "report every problem in a spec, with file:line:col and a fix hint",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({ args: argv, options: { json: { type: "boolean" } }, allowPositionals: true });
    const compiled = compileSpecFiles(positionals, env);
    const failed = compiled.some((c) => !c.ok);
    if (values.json) {
      const report = compiled.map((c) => ({
        file: c.path,
        ok: c.ok,
        diagnostics: c.diagnostics.map((d) => ({ ...d, file: c.path })),
        coverage: c.plan.coverage,
      }));
      return output(failed ? 1 : 0, `${JSON.stringify(report, null, 2)}\n`);
    }
    const text = compiled.map((c) => `${renderDiagnostics(c, env)}${coverageText(c)}${summaryLine(c)}\n`).join("\n");
    return output(failed ? 1 : 0, text);
  },
};
