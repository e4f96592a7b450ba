// Broken input in a Leadforce export is refused with the file, row and cell named, never staged as a shifted
// or empty value: an impossible date rejects its lead, a file path that leaves the export rejects its
// attachment, and bytes that are not UTF-8 stop the run at the file and offset.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { runMigration } from "../../runtime/run/index.js";
import { useEndToEnd } from "../support/odoo-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const plan = compileSpec(readFileSync(join(root, "specs/leadforce.mapspec"), "utf8"), "specs/leadforce.mapspec").plan;
const { work } = useEndToEnd("leadforce-broken");

/** A copy of the sample with one line of one file changed. */
function brokenCopy(name: string, file: string, edit: (text: string) => string | Buffer): string {
  const dir = join(work, name);
  cpSync(join(root, "examples/leadforce"), dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

describe("a Leadforce export with broken input", () => {
  it("rejects an impossible date and a path that leaves the export, naming file, row and cell", async () => {
    writeFileSync(join(work, "secret.txt"), "not the customer's to migrate");
    const dir = brokenCopy("dates-and-paths", "leads.csv", (text) =>
      text.replace(/;29-02-2024 11:20;/, ";30-02-2024 11:20;"),
    );
    const files = readFileSync(join(dir, "files.csv"), "utf8").replace("files/deals/1/Quotation.pdf", "../secret.txt");
    writeFileSync(join(dir, "files.csv"), files);
    const runDir = join(work, "dates-and-paths-run");
    const summary = await runMigration(plan, { exportDir: dir, runDir });
    expect(summary.balanced).toBe(true);
    const rejects = readFileSync(join(runDir, "rejects.csv"), "utf8");
    // lead 30 is the 29th row: lead ids skip 21
    expect(rejects).toMatch(/^Lead,30,leads\.csv,29,\w+,\w+,.*""Created"".*30-02-2024 11:20.*29 days.*$/m);
    expect(rejects).toMatch(/^File,1,files\.csv,1,File,datas,.*\.\.\/secret\.txt.*$/m);
    expect(readFileSync(join(runDir, "staging.sqlite")).includes("not the customer's")).toBe(false);
  });

  it("stops at bytes that are not UTF-8, with the file and the offset", async () => {
    const dir = brokenCopy("latin1", "notes.csv", (text) =>
      Buffer.concat([Buffer.from(text.slice(0, 200)), Buffer.from([0xe9]), Buffer.from(text.slice(200))]),
    );
    await expect(runMigration(plan, { exportDir: dir, runDir: join(work, "latin1-run") })).rejects.toThrow(
      /notes\.csv[\s\S]*(MR3012|UTF-8)/,
    );
  });
});
