// Reading specs for a command: every file compiled, its text kept for code frames.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { compileFile, type CompileResult } from "../compiler/index.js";
import { formatDiagnostic, summarizeDiagnostics } from "../diagnostics/index.js";
import { UsageError, type CommandEnvironment } from "./command.js";

export interface CompiledSpec extends CompileResult {
  path: string;
  text: string;
}

export function compileSpecFiles(paths: readonly string[], env: CommandEnvironment): CompiledSpec[] {
  if (paths.length === 0) throw new UsageError("name at least one .mapspec file");
  return paths.map((path) => {
    const absolute = resolve(env.cwd, path);
    if (!existsSync(absolute)) throw new UsageError(`${path}: no such file`);
    return { ...compileFile(absolute), path };
  });
}

/** Diagnostics as people read them, with paths relative to where the command ran. */
export function renderDiagnostics(compiled: CompiledSpec, env: CommandEnvironment): string {
  const sources = new Map([[compiled.path, compiled.text]]);
  const blocks = compiled.diagnostics.map((d) =>
    formatDiagnostic({ ...d, file: compiled.path }, { sources, color: env.color }),
  );
  return blocks.join("\n") + (blocks.length ? "\n" : "");
}

export function summaryLine(compiled: CompiledSpec): string {
  return `${compiled.path}: ${summarizeDiagnostics(compiled.diagnostics)}`;
}

/** The export folder a command is given, which must exist. */
export function exportFolder(argument: string, env: CommandEnvironment): string {
  const folder = resolve(env.cwd, argument);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${argument}: no such folder`);
  return folder;
}
