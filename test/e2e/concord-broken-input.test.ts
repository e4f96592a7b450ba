// Broken input in a Concord export is refused with the file, row and field named: a media `disk_path` that
// leaves storage/app (even when it stays in the export), and an impossible date.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { runMigration } from "../../runtime/run/index.js";
import { useEndToEnd } from "../support/odoo-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const plan = compileSpec(readFileSync(join(root, "specs/concord.mapspec"), "utf8"), "specs/concord.mapspec").plan;
const { work } = useEndToEnd("concord-broken");

describe("a Concord export with broken input", () => {
  it("refuses a disk_path out of storage/app and an impossible date, naming file, row and field", async () => {
    const dir = join(work, "export");
    cpSync(join(root, "examples/concord"), dir, { recursive: true });
    // a file of the export, but not of storage/app: the users' page
    const media = join(dir, "media/page-1.json");
    const page = JSON.parse(readFileSync(media, "utf8")) as { data: Array<Record<string, unknown>> };
    page.data[0]!["disk_path"] = "../../users/page-1.json";
    writeFileSync(media, JSON.stringify(page, null, 2));
    const deals = join(dir, "deals/page-1.json");
    const dealPage = JSON.parse(readFileSync(deals, "utf8")) as { data: Array<Record<string, unknown>> };
    dealPage.data[0]!["expected_close_date"] = "2023-02-30";
    writeFileSync(deals, JSON.stringify(dealPage, null, 2));
    const runDir = join(work, "run");
    const summary = await runMigration(plan, { exportDir: dir, runDir });
    expect(summary.balanced).toBe(true);
    const rejects = readFileSync(join(runDir, "rejects.csv"), "utf8");
    expect(rejects).toMatch(/^Media,1,media\/page-1\.json,1,Media,datas,.*leaves the folder storage\/app.*$/m);
    expect(rejects).toMatch(
      new RegExp(`^Deal,${String(dealPage.data[0]!["id"])},deals/page-1\\.json,1,.*2023-02-30.*$`, "m"),
    );
  });
});
