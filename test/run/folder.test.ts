// The run folder's contract: every JSON file is written with a version and read back against its published
// schema; a file another version wrote, or a person edited, is refused with what is wrong.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { runFileSchemaPath } from "../../runtime/run/folder.js";
import {
  readPlan,
  readQueue,
  readRollbackResult,
  readSummary,
  readVerifyResult,
  runDryRun,
  runFile,
  RunFolderError,
  writeRollbackResult,
  writeVerifyResult,
} from "../../runtime/run/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mapc-folder-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the run folder", async () => {
  const runDir = join(work, "run");
  const plan = compileSpec(readFileSync(join(root, "specs/opex365.mapspec"), "utf8"), "specs/opex365.mapspec").plan;
  const summary = await runDryRun(plan, { exportDir: join(root, "examples/opex365"), runDir });

  it("reads back the summary a run wrote, valid against its schema", () => {
    expect(readSummary(runDir)).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(readPlan(runDir).spec.contentHash).toBe(plan.spec.contentHash);
  });

  it("writes queue.json with the entries of queue.csv, valid against its schema", () => {
    const queue = readQueue(runDir)!;
    expect(queue.queueVersion).toBe(1);
    const csvLines = readFileSync(runFile(runDir, "queue"), "utf8").trim().split("\n");
    expect(queue.entries.length).toBe(csvLines.length - 1);
    expect(queue.entries.length).toBeGreaterThan(0);
  });

  it("writes verify.json and rollback.json with their version and time, and reads them back", () => {
    const verify = {
      checked: 2,
      missing: [],
      mismatches: [],
      perPhase: [{ phase: "Lead", model: "crm.lead", checked: 2, missing: 0, mismatched: 0 }],
      ok: true,
    };
    const now = new Date("2026-12-02T12:00:00Z");
    expect(writeVerifyResult(runDir, verify, now)).toEqual({
      verifyVersion: 1,
      verifiedAt: "2026-12-02T12:00:00.000Z",
      ...verify,
    });
    expect(readVerifyResult(runDir)?.checked).toBe(2);
    const rollback = {
      restored: 1,
      deleted: 2,
      alreadyGone: 0,
      failed: [],
      counts: [{ model: "crm.lead", beforeRun: 0, beforeRollback: 2, after: 0 }],
    };
    writeRollbackResult(runDir, rollback, now);
    expect(readRollbackResult(runDir)).toMatchObject({
      rollbackVersion: 1,
      rolledBackAt: "2026-12-02T12:00:00.000Z",
      deleted: 2,
    });
  });

  it.each([
    {
      file: "summary" as const,
      edit: (j: Record<string, unknown>) => ({ ...j, summaryVersion: 2 }),
      read: readSummary,
      says: "/summaryVersion must be equal to constant",
    },
    {
      file: "verify" as const,
      edit: (j: Record<string, unknown>) => ({ ...j, checked: "two" }),
      read: readVerifyResult,
      says: "/checked must be integer",
    },
    {
      file: "rollback" as const,
      edit: (j: Record<string, unknown>) => ({ ...j, surprise: true }),
      read: readRollbackResult,
      says: "must NOT have additional properties",
    },
    {
      file: "queueJson" as const,
      edit: (j: Record<string, unknown>) => ({ ...j, entries: [{ kind: "mystery" }] }),
      read: readQueue,
      says: "/entries/0",
    },
    {
      file: "plan" as const,
      edit: (j: Record<string, unknown>) => ({ ...j, planVersion: 99 }),
      read: readPlan,
      says: "planVersion",
    },
  ])("refuses a $file file it cannot read, saying what is wrong", ({ file, edit, read, says }) => {
    const path = runFile(runDir, file);
    const original = readFileSync(path, "utf8");
    try {
      writeFileSync(path, JSON.stringify(edit(JSON.parse(original) as Record<string, unknown>)));
      expect(() => read(runDir)).toThrow(RunFolderError);
      expect(() => read(runDir)).toThrow(says);
    } finally {
      writeFileSync(path, original);
    }
  });

  it.each(["summary", "verify", "rollback", "queue"] as const)(
    "publishes the %s schema as valid JSON Schema",
    (schema) => {
      expect(() =>
        new Ajv({ strict: true }).compile(JSON.parse(readFileSync(runFileSchemaPath(schema), "utf8")) as object),
      ).not.toThrow();
    },
  );
});
