// Preconditions commands stack: "the spec compiles without errors" before docs or code are written.
import { UsageError, type CommandEnvironment } from "./command.js";
import { compileSpecFiles, renderDiagnostics, type CompiledSpec } from "./spec-files.js";

export class GuardFailed extends Error {
  constructor(readonly report: string) {
    super("guard failed");
  }
}

/** Compiles exactly one spec and refuses it when it has errors, showing them. */
export function requireCleanSpec(positionals: readonly string[], env: CommandEnvironment): CompiledSpec {
  if (positionals.length !== 1) throw new UsageError("name exactly one .mapspec file");
  const [compiled] = compileSpecFiles(positionals, env);
  if (!compiled!.ok) {
    throw new GuardFailed(
      `${renderDiagnostics(compiled!, env)}${compiled!.path}: has errors; fix them first (mapc check ${compiled!.path})\n`,
    );
  }
  return compiled!;
}
