// What verify and rollback need, read from a run folder: the plan, the connection (never a password) and
// the staging store with its id map and journal.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TransformPlan } from "../plan/types.js";
import { validatePlan } from "../compiler/index.js";
import { UsageError, type CommandEnvironment } from "./command.js";
import { CONNECTION_FILE, loadedConnection } from "../runtime/run/connection.js";
import type { OdooConnectionFlags } from "./odoo-flags.js";

export interface RunFolder {
  path: string;
  plan: TransformPlan;
  connection: OdooConnectionFlags;
  stagingFile: string;
  exportDir: string;
}

export function readRunFolder(argument: string | undefined, env: CommandEnvironment): RunFolder {
  if (!argument) throw new UsageError("name the run folder (the --out of mapc run)");
  const path = resolve(env.cwd, argument);
  const file = (name: string) => join(path, name);
  if (!existsSync(file("staging.sqlite")) || !existsSync(file("plan.json")))
    throw new UsageError(`${argument} is not a run folder: it holds no staging.sqlite and plan.json`);
  const connection = loadedConnection(path);
  if (!connection)
    throw new UsageError(`${argument} has not loaded into Odoo (no ${CONNECTION_FILE}): there is nothing to verify or roll back`);
  const plan = JSON.parse(readFileSync(file("plan.json"), "utf8")) as unknown;
  const problems = validatePlan(plan);
  if (problems.length > 0) throw new UsageError(`${argument}/plan.json is not a plan this mapc can read:\n${problems.join("\n")}`);
  const summary = existsSync(file("summary.json"))
    ? (JSON.parse(readFileSync(file("summary.json"), "utf8")) as { exportDir?: string })
    : {};
  return { path, plan: plan as TransformPlan, connection, stagingFile: file("staging.sqlite"), exportDir: summary.exportDir ?? path };
}
