// Broken input in a Sage CRM dump is refused with the file, row and field named, never staged shifted or empty:
// an impossible date, a London time the clocks skipped, a Library path or symlink that leaves the export, and a
// byte Windows-1252 does not define (which stops the whole file, as undecodable UTF-8 does).
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SAGE_BROKEN_INPUTS } from "../../examples/generators/sage-broken-input.js";
import { compileSpec } from "../../compiler/index.js";
import { runMigration } from "../../runtime/run/index.js";
import { SourceReadError } from "../../runtime/extract/index.js";
import { useEndToEnd } from "../support/odoo-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const plan = compileSpec(readFileSync(join(root, "specs/sage.mapspec"), "utf8"), "specs/sage.mapspec").plan;
const { work } = useEndToEnd("sage-broken");

/** A copy of the sample with one broken input, in a folder of its own (the secret file sits beside it). */
function brokenCopy(key: string): { dir: string; apply: () => Promise<void> } {
  const broken = SAGE_BROKEN_INPUTS.find((b) => b.key === key)!;
  const dir = join(work, key, "export");
  mkdirSync(join(work, key), { recursive: true });
  cpSync(join(root, "examples/sage"), dir, { recursive: true });
  return { dir, apply: () => broken.apply(dir) };
}

describe("a Sage CRM dump with broken input", () => {
  it.each([
    ["impossible-date", /^Opportunity,1,Opportunity\.csv,\d+,.*2023-02-30.*$/m],
    [
      "skipped-hour-time",
      /^Communication,15,Communication\.csv,\d+,.*Comm_DateTime.*did not exist in Europe\/London.*$/m,
    ],
    ["library-path-escape", /^Library,1,Library\.csv,\d+,Library,datas,.*leaves the folder Library.*$/m],
    ["library-symlink", /^Library,2,Library\.csv,\d+,Library,datas,.*symlink.*$/m],
  ])("%s: the row is rejected, naming file, row and field", async (key, expected) => {
    const { dir, apply } = brokenCopy(key);
    await apply();
    const runDir = join(work, key, "run");
    const summary = await runMigration(plan, { exportDir: dir, runDir });
    expect(summary.balanced).toBe(true);
    expect(readFileSync(join(runDir, "rejects.csv"), "utf8")).toMatch(expected);
  });

  it("undecodable-byte: the file is refused, naming the line and column", async () => {
    const { dir, apply } = brokenCopy("undecodable-byte");
    await apply();
    const runDir = join(work, "undecodable-byte", "run");
    const failure = await runMigration(plan, { exportDir: dir, runDir }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SourceReadError);
    const problem = (failure as SourceReadError).problems[0]!;
    expect(problem).toMatchObject({ code: "MR3012", file: "Notes.csv", line: 2 });
    expect(problem.message).toMatch(/WINDOWS-1252/i);
  });
});
