// A record whose link comes only from the rows `into` it (a message whose record its link rows name) must get
// one: without it, it is rejected with the reason; when the only record named was skipped by a rule, it is
// skipped with it. A link straight to a skipped row skips the row too.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { runMigration } from "../../runtime/run/index.js";

const work = mkdtempSync(join(tmpdir(), "mapc-into-anchors-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec = `mapping t -> odoo 17.0
source Person from csv "persons.csv" {
  key "id"
  skip when "deleted" == 1 because "deleted"
  columns { "id": id  "name": text  "deleted": integer }
}
source Message from csv "messages.csv" {
  key "id"
  columns { "id": id  "text": text  "person": id }
}
source Link from csv "links.csv" {
  key "id"
  columns { "id": id  "message": id  "person": id }
}
map Person -> res.partner {
  name <- "name" required
}
map Message -> mail.message as Note where "person" is not empty {
  model, res_id <- link first { "person" => Person } on missing queue "not in the export" required
  body <- "text"
}
map Message -> mail.message as Linked where "person" is empty {
  body <- "text"
}
map Link -> mail.message as LinkRow into Linked by "message" {
  model, res_id <- link first { "person" => Person } on missing queue "not in the export"
}
`;

describe("links to skipped rows, and links only maps into a record give", () => {
  it("skips what sits on a skipped row, and rejects a record nothing links", async () => {
    const compiled = compileSpec(spec, "t.mapspec");
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const exportDir = join(work, "export");
    mkdirSync(exportDir);
    writeFileSync(join(exportDir, "persons.csv"), "id,name,deleted\n1,Ann,\n2,Bob,1\n");
    // message 10 sits on deleted Bob; 11 and 12 get their person from links.csv, 13 from none
    writeFileSync(
      join(exportDir, "messages.csv"),
      "id,text,person\n10,On Bob,2\n11,Via link,\n12,Via Bob,\n13,Alone,\n",
    );
    writeFileSync(join(exportDir, "links.csv"), "id,message,person\n1,11,1\n2,12,2\n");
    const runDir = join(work, "run");
    const summary = await runMigration(compiled.plan, { exportDir, runDir });
    expect(summary.balanced).toBe(true);
    const messages = summary.objects.find((o) => o.object === "Message")!.phases[0];
    expect(messages).toMatchObject({ source: 4, staged: 1, skipped: 2, rejected: 1 });
    const rejects = readFileSync(join(runDir, "rejects.csv"), "utf8");
    expect(rejects).toMatch(
      /^Message,13,messages\.csv,\d+,Linked,res_id,no row of the maps that add to it names a record/m,
    );
    expect(rejects).not.toMatch(/^Message,1[02],/m);
  });
});
