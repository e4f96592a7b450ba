import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatSpec, parseSpec } from "../grammar/index.js";
import { formatDiagnostic } from "../diagnostics/index.js";
import { UsageError, output, type Command } from "./command.js";

const help = `mapc fmt SPEC... [--write | --check]

Prints each spec in canonical form: two-space indentation, one statement per line, aligned column
declarations, comments kept where they were. Formatting the output again changes nothing.
A spec with syntax errors is left alone: fix those first (mapc check shows them).

Options:
  --write   rewrite the files in place
  --check   change nothing; exit 1 when a file is not in canonical form (for CI)`;

export const fmtCommand: Command = {
  name: "fmt",
  summary: "print or rewrite specs in canonical form",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { write: { type: "boolean" }, check: { type: "boolean" } },
      allowPositionals: true,
    });
    if (positionals.length === 0) throw new UsageError("name at least one .mapspec file");
    if (values.write && values.check) throw new UsageError("--write and --check exclude each other");
    let stdout = "";
    let stderr = "";
    let exitCode = 0;
    for (const path of positionals) {
      const text = readFileSync(resolve(env.cwd, path), "utf8");
      const parsed = parseSpec(text, path);
      if (parsed.diagnostics.length > 0) {
        stderr +=
          parsed.diagnostics
            .map((d) => formatDiagnostic(d, { sources: new Map([[path, text]]), color: env.color }))
            .join("\n") + "\n";
        stderr += `${path}: not formatted: fix the syntax errors first\n`;
        exitCode = 1;
        continue;
      }
      const formatted = formatSpec(parsed.spec);
      if (values.check) {
        if (formatted !== text) {
          stdout += `${path}: not in canonical form (run mapc fmt --write ${path})\n`;
          exitCode = 1;
        }
      } else if (values.write) {
        if (formatted !== text) writeFileSync(resolve(env.cwd, path), formatted);
        stdout += `${path}: ${formatted === text ? "unchanged" : "formatted"}\n`;
      } else {
        stdout += formatted;
      }
    }
    return output(exitCode, stdout, stderr);
  },
};
