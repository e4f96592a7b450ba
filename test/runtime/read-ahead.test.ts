// A condition may read a value found in another, small source (`where "type" | lookup Kind in (…)`): the
// source is read ahead, so rows are routed by what the other object says (Concord routes its activities by
// their type's flag, whatever ids the installation gave the types).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { runMigration } from "../../runtime/run/index.js";
import { stagingRows } from "../support/staging-sql.js";

const work = mkdtempSync(join(tmpdir(), "mapc-read-ahead-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec = `mapping t -> odoo 17.0
source Kind from csv "kinds.csv" {
  key "row"
  skip when "deleted" == 1 because "deleted"
  columns { "row": id  "id": id  "flag": text  "deleted": integer }
}
source Item from csv "items.csv" {
  key "id"
  columns { "id": id  "type": id  "name": text }
}
lookup KindFlag in source Kind by "id" take "flag" on missing empty
map Item -> res.partner where "type" | lookup KindFlag in ("company") {
  name <- "name"
  is_company = true
}
map Item -> crm.tag as Tag where "type" | lookup KindFlag not in ("company") {
  name <- "name"
}
document Kinds "Kinds" {
  kind other
  from Kind
  show "row", "id", "flag", "deleted"
  odoo "nothing to migrate"
}
`;

describe("a condition over a lookup read ahead", () => {
  it("routes each row by the value the other source holds for it", async () => {
    const compiled = compileSpec(spec, "t.mapspec");
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const exportDir = join(work, "export");
    mkdirSync(exportDir);
    // The ids are the installation's own: the flags decide. Kind 9 was first deleted, then entered again;
    // kind 7's first row has no flag: a row the run skips, or one without the value taken, answers nothing.
    writeFileSync(join(exportDir, "kinds.csv"), "row,id,flag,deleted\n1,9,tag,1\n2,7,,\n3,7,tag,\n4,9,company,\n");
    writeFileSync(join(exportDir, "items.csv"), "id,type,name\n1,9,Acme\n2,7,Hot\n3,8,Unknown kind\n");
    const runDir = join(work, "run");
    const summary = await runMigration(compiled.plan, { exportDir, runDir });
    expect(summary.balanced).toBe(true);
    const records = stagingRows<{ mapping: string; source_key: string }>(
      runDir,
      "SELECT mapping, source_key FROM records ORDER BY source_key",
    );
    expect(records).toEqual([
      { mapping: "Item", source_key: "1" },
      { mapping: "Tag", source_key: "2" },
      { mapping: "Tag", source_key: "3" },
    ]);
  });
});
