// The mapc command line: finds the command, runs it, prints what it returns. Commands never print.
import { applySchemaCommand } from "./apply-schema.js";
import { buildCommand } from "./build.js";
import { checkCommand } from "./check.js";
import { confirmCommand } from "./confirm.js";
import { UsageError, type Command, type CommandEnvironment, type CommandOutput } from "./command.js";
import { docsCommand } from "./docs.js";
import { fmtCommand } from "./fmt.js";
import { GuardFailed } from "./guards.js";
import { proposeCommand } from "./propose.js";
import { rollbackCommand } from "./rollback.js";
import { runCommand } from "./run.js";
import { verifyCommand } from "./verify.js";

export const commands: readonly Command[] = [
  checkCommand,
  fmtCommand,
  docsCommand,
  confirmCommand,
  buildCommand,
  runCommand,
  verifyCommand,
  rollbackCommand,
  applySchemaCommand,
  proposeCommand,
];

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `mapc: compile .mapspec files that move CRM data into Odoo

Usage: mapc <command> [options]

Commands:
${lines.join("\n")}

Run \`mapc <command> --help\` for a command's options. README.md has the language reference.
`;
}

export async function runCli(argv: readonly string[], env: CommandEnvironment): Promise<CommandOutput> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help")
    return { exitCode: name ? 0 : 2, stdout: name ? mainHelp() : "", stderr: name ? "" : mainHelp() };
  if (name === "--version") return { exitCode: 0, stdout: `${await packageVersion()}\n`, stderr: "" };
  const command = commands.find((c) => c.name === name);
  if (!command) return { exitCode: 2, stdout: "", stderr: `mapc: unknown command \`${name}\`\n\n${mainHelp()}` };
  if (rest.includes("--help") || rest.includes("-h")) return { exitCode: 0, stdout: `${command.help}\n`, stderr: "" };
  try {
    return await command.run(rest, env);
  } catch (error) {
    if (error instanceof GuardFailed) return { exitCode: 1, stdout: "", stderr: error.report };
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      return { exitCode: 2, stdout: "", stderr: `mapc ${command.name}: ${error.message}\n\n${command.help}\n` };
    }
    throw error;
  }
}

async function packageVersion(): Promise<string> {
  const { readFileSync } = await import("node:fs");
  const { packageRoot } = await import("../plan/package-root.js");
  const { join } = await import("node:path");
  return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}

export async function main(): Promise<void> {
  const color = Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"];
  const result = await runCli(process.argv.slice(2), { cwd: process.cwd(), color });
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
