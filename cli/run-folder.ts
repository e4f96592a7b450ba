// What verify and rollback need, read from a run folder through runtime/run/folder.ts: the plan, the
// connection (never a password), the export it staged, and the staging store with its id map and journal.
// The runtime is loaded when a command needs it, so commands that read no run folder start fast.
import { resolve } from "node:path";
import type { TransformPlan } from "../plan/types.js";
import type { StagingStore } from "../runtime/stage/index.js";
import { UsageError, type CommandEnvironment } from "./command.js";
import type { OdooConnectionFlags } from "./odoo-flags.js";

export interface RunFolder {
  path: string;
  plan: TransformPlan;
  connection: OdooConnectionFlags;
  exportDir: string;
  openStaging(): StagingStore;
}

export async function readRunFolder(argument: string | undefined, env: CommandEnvironment): Promise<RunFolder> {
  if (!argument) throw new UsageError("name the run folder (the --out of mapc run)");
  const path = resolve(env.cwd, argument);
  const folder = await import("../runtime/run/index.js");
  if (!folder.hasStaging(path))
    throw new UsageError(`${argument} is not a run folder: it holds no staging.sqlite and plan.json`);
  const connection = folder.loadedConnection(path);
  if (!connection)
    throw new UsageError(
      `${argument} has not loaded into Odoo (no ${folder.RUN_FILES.connection}): there is nothing to verify or roll back`,
    );
  try {
    const plan = folder.readPlan(path);
    const exportDir = folder.readSummary(path)?.exportDir ?? path;
    return { path, plan, connection, exportDir, openStaging: () => folder.openStaging(path) };
  } catch (error) {
    if (error instanceof folder.RunFolderError) throw new UsageError(error.message);
    throw error;
  }
}
