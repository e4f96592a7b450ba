// The run folder: every file in it is named here once, the JSON ones are written with a version field and
// read back against their published JSON Schema (runtime/run/schemas/), so a folder written by another mapc
// is refused with what is wrong rather than misread. Commands and stages go through these functions, never
// through a file name of their own.
import { Ajv, type ValidateFunction } from "ajv";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runFile } from "./files.js";
import { packageRoot } from "../../plan/package-root.js";
import type { TransformPlan } from "../../plan/types.js";
import { validatePlan } from "../../plan/validate.js";
import type { RollbackResult } from "../rollback/index.js";
import { StagingStore, type QueueEntry } from "../stage/index.js";
import type { VerifyResult } from "../verify/index.js";
import type { RunSummary } from "./summary.js";

export { RUN_FILES, runFile, type RunFile } from "./files.js";

export const VERIFY_VERSION = 1;
export const ROLLBACK_VERSION = 1;
export const QUEUE_VERSION = 1;

/** queue.json: the entries of queue.csv, for machines. */
export interface QueueFile {
  queueVersion: typeof QUEUE_VERSION;
  entries: QueueEntry[];
}

export type VerifyFile = VerifyResult & { verifyVersion: typeof VERIFY_VERSION; verifiedAt: string };
export type RollbackFile = RollbackResult & { rollbackVersion: typeof ROLLBACK_VERSION; rolledBackAt: string };

/** A file of the folder that this mapc cannot read: another version wrote it, or a person edited it. */
export class RunFolderError extends Error {}

/** Whether the folder holds a staging and its plan: what verify, rollback and resume start from. */
export function hasStaging(runDir: string): boolean {
  return existsSync(runFile(runDir, "staging")) && existsSync(runFile(runDir, "plan"));
}

export function openStaging(runDir: string): StagingStore {
  mkdirSync(runDir, { recursive: true });
  return StagingStore.open(runFile(runDir, "staging"));
}

/** The plan travels with the folder: verify and rollback need nothing else. */
export function writePlan(runDir: string, plan: TransformPlan): void {
  writeJson(runFile(runDir, "plan"), plan);
}

export function readPlan(runDir: string): TransformPlan {
  const plan = readJson(runFile(runDir, "plan"));
  const problems = validatePlan(plan);
  if (problems.length > 0)
    throw new RunFolderError(`${runFile(runDir, "plan")} is not a plan this mapc can read:\n${problems.join("\n")}`);
  return plan as TransformPlan;
}

export function writeSummary(runDir: string, summary: RunSummary): void {
  writeJson(runFile(runDir, "summary"), summary);
}

/** The folder's summary.json, checked against its schema; undefined when there is none yet. */
export function readSummary(runDir: string): RunSummary | undefined {
  const file = runFile(runDir, "summary");
  return existsSync(file) ? validated<RunSummary>(file, "summary") : undefined;
}

export function writeVerifyResult(runDir: string, result: VerifyResult, now = new Date()): VerifyFile {
  const file: VerifyFile = { verifyVersion: VERIFY_VERSION, verifiedAt: now.toISOString(), ...result };
  writeJson(runFile(runDir, "verify"), file);
  return file;
}

export function readVerifyResult(runDir: string): VerifyFile | undefined {
  const file = runFile(runDir, "verify");
  return existsSync(file) ? validated<VerifyFile>(file, "verify") : undefined;
}

export function writeRollbackResult(runDir: string, result: RollbackResult, now = new Date()): RollbackFile {
  const file: RollbackFile = { rollbackVersion: ROLLBACK_VERSION, rolledBackAt: now.toISOString(), ...result };
  writeJson(runFile(runDir, "rollback"), file);
  return file;
}

export function readRollbackResult(runDir: string): RollbackFile | undefined {
  const file = runFile(runDir, "rollback");
  return existsSync(file) ? validated<RollbackFile>(file, "rollback") : undefined;
}

/** The queue, as queue.json; queue.csv (runtime/run/tables.ts) holds the same entries for people. */
export function writeQueue(runDir: string, store: StagingStore): QueueFile {
  const entries: QueueFile["entries"] = [];
  for (const row of store.queueRows()) {
    entries.push({
      kind: row.kind,
      mapping: row.mapping,
      externalId: row.external_id,
      field: row.field,
      target: row.target,
      key: row.key,
      reason: row.reason,
    });
  }
  const file: QueueFile = { queueVersion: QUEUE_VERSION, entries };
  writeJson(runFile(runDir, "queueJson"), file);
  return file;
}

export function readQueue(runDir: string): QueueFile | undefined {
  const file = runFile(runDir, "queueJson");
  return existsSync(file) ? validated<QueueFile>(file, "queue") : undefined;
}

export function writeReport(runDir: string, report: { markdown: string; html: string }): void {
  writeFileSync(runFile(runDir, "reportMarkdown"), report.markdown);
  writeFileSync(runFile(runDir, "reportHtml"), report.html);
}

/** The published JSON Schema of one of the folder's JSON files. */
export function runFileSchemaPath(schema: "summary" | "verify" | "rollback" | "queue"): string {
  return join(packageRoot(), "runtime", "run", "schemas", `${schema}.schema.json`);
}

const validators = new Map<string, ValidateFunction>();

function validated<T>(file: string, schema: "summary" | "verify" | "rollback" | "queue"): T {
  let validate = validators.get(schema);
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: false }).compile(
      JSON.parse(readFileSync(runFileSchemaPath(schema), "utf8")) as object,
    );
    validators.set(schema, validate);
  }
  const data = readJson(file);
  if (validate(data)) return data as T;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  throw new RunFolderError(`${file} is not a ${schema} file this mapc can read:\n${problems.join("\n")}`);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch (error) {
    throw new RunFolderError(
      `${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
