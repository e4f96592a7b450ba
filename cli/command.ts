// What every command is: a name, its help beside it, and a `run` that returns its output instead of
// printing it, so tests can call commands in-process and one test runs the real binary.
export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandEnvironment {
  cwd: string;
  /** colour diagnostics (a terminal that wants them) */
  color: boolean;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[], env: CommandEnvironment): Promise<CommandOutput>;
}

export class UsageError extends Error {}

export function output(exitCode: number, stdout = "", stderr = ""): CommandOutput {
  return { exitCode, stdout, stderr };
}
