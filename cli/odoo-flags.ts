// The Odoo connection as every command takes it: --odoo URL --db NAME --user LOGIN, and the password from
// MAPC_ODOO_PASSWORD only, so it never lands in a shell history, a file, a log or a report.
import { join } from "node:path";
import { renderMessage, type DiagnosticCode } from "../diagnostics/registry.js";
import { UsageError, output, type CommandOutput } from "./command.js";

export const odooFlags = {
  odoo: { type: "string" },
  db: { type: "string" },
  user: { type: "string" },
} as const;

export interface OdooConnectionFlags {
  url: string;
  db: string;
  user: string;
}

export const PASSWORD_VARIABLE = "MAPC_ODOO_PASSWORD";

export function odooConnectionFromFlags(values: {
  odoo?: string;
  db?: string;
  user?: string;
}): OdooConnectionFlags | undefined {
  const given = [values.odoo, values.db, values.user].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (given < 3) throw new UsageError("an Odoo connection needs all three of --odoo URL, --db NAME and --user LOGIN");
  let url: URL;
  try {
    url = new URL(values.odoo!);
  } catch {
    throw new UsageError(`--odoo takes a URL such as http://127.0.0.1:8069, not "${values.odoo}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError("--odoo takes an http:// or https:// URL");
  if (url.username || url.password)
    throw new UsageError(`put no credentials in the URL: the password comes from ${PASSWORD_VARIABLE}`);
  return { url: url.origin, db: values.db!, user: values.user! };
}

export class MissingPassword extends Error {}

export function passwordFromEnvironment(): string {
  const password = process.env[PASSWORD_VARIABLE];
  if (!password)
    throw new MissingPassword(
      `set the Odoo password in the environment variable ${PASSWORD_VARIABLE} (it is never taken from a flag)`,
    );
  return password;
}

/**
 * What stopped a command at run time, as a registered MR31xx code with the message and what to do next;
 * a problem reading the export lists each one with its file and line. Anything unexpected is rethrown.
 */
export async function runtimeErrorOutput(error: unknown, sourceFolder: string): Promise<CommandOutput> {
  const { SourceReadError, ResumeRefused, RunFolderOfAnotherOdoo, RunFolderError } =
    await import("../runtime/run/index.js");
  const { OdooAuthError, SchemaMismatchError, TransientError, OdooFault, PhaseNotBalanced } =
    await import("../runtime/load/index.js");
  if (error instanceof SourceReadError) {
    const lines = error.problems.map(
      (p) =>
        `${join(sourceFolder, p.file)}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : ""} - error ${p.code}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ""}`,
    );
    return output(
      1,
      "",
      `${lines.join("\n")}\nthe export cannot be read as the spec declares it; nothing was staged\n`,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof MissingPassword) return failure("MR3108", { detail });
  if (error instanceof OdooAuthError)
    return failure("MR3101", { detail }, `check --user, and the password in ${PASSWORD_VARIABLE}`);
  if (error instanceof SchemaMismatchError) {
    const hint =
      "create them with `mapc apply-schema SPEC --odoo … --db … --user …`, or by hand from the custom-field manifest in the docs";
    return failure("MR3102", { missing: error.missing.map((m) => `  - ${m}`).join("\n") }, hint);
  }
  if (error instanceof ResumeRefused) return failure("MR3103", { detail });
  if (error instanceof RunFolderOfAnotherOdoo) return failure("MR3104", { detail });
  if (error instanceof PhaseNotBalanced)
    return failure("MR3105", { detail }, "this is a defect of mapc: keep the run folder and report it");
  if (error instanceof TransientError) {
    return failure(
      "MR3106",
      { detail },
      "if the load had begun, run again with --resume once Odoo is reachable: nothing is duplicated",
    );
  }
  if (error instanceof OdooFault) return failure("MR3107", { model: error.model, method: error.method, detail });
  if (error instanceof RunFolderError)
    return failure("MR3109", { detail }, "run mapc run again into a new --out folder");
  throw error;
}

function failure(code: DiagnosticCode, args: Record<string, string>, hint?: string): CommandOutput {
  return output(1, "", `error ${code}: ${renderMessage(code, args)}\n${hint ? `  hint: ${hint}\n` : ""}`);
}
