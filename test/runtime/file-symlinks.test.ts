// A `file` cell names a path inside the export folder. A symlink on that path (pointing out of the export
// or back into it) is never followed: the record is rejected with the reason, and the run goes on.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { UnresolvedReference, toCell } from "../../runtime/load/cells.js";
import { prefetch, type OdooTransport } from "../../runtime/load/index.js";
import { runDryRun } from "../../runtime/run/index.js";
import { StagingStore } from "../../runtime/stage/index.js";

const work = mkdtempSync(join(tmpdir(), "mapc-file-links-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec = `mapping t -> odoo 17.0
source File from csv "files.csv" {
  key "id"
  columns { "id": id  "name": text  "path": file }
}
map File -> ir.attachment {
  name <- "name" required
  datas <- "path" | file
}
`;
const plan = compileSpec(spec, "files.mapspec").plan;
const outside = join(work, "outside");
mkdirSync(outside);
writeFileSync(join(outside, "secret.txt"), "not the customer's to migrate");

/** An export with one real file, and links to it and out of the folder. */
function exportWithLinks(name: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "files"), { recursive: true });
  writeFileSync(join(dir, "files", "a.txt"), "hello");
  symlinkSync(join(outside, "secret.txt"), join(dir, "files", "escape.txt"));
  symlinkSync(join(dir, "files", "a.txt"), join(dir, "files", "inside.txt"));
  symlinkSync(outside, join(dir, "elsewhere"));
  symlinkSync(join(dir, "files"), join(dir, "files-again"));
  writeFileSync(
    join(dir, "files.csv"),
    [
      "id,name,path",
      "1,a.txt,files/a.txt",
      "2,escape.txt,files/escape.txt",
      "3,inside.txt,files/inside.txt",
      "4,secret.txt,elsewhere/secret.txt",
      "5,a.txt,files-again/a.txt",
      "6,a.txt,files\\a.txt",
      "",
    ].join("\r\n"),
  );
  return dir;
}

const noLink = "no file is read through a symlink";

describe("file cells that go through a symlink", async () => {
  const exportDir = exportWithLinks("export");
  const runDir = join(work, "run");
  const summary = await runDryRun(plan, { exportDir, runDir });
  const rejects = readFileSync(join(runDir, "rejects.csv"), "utf8").split("\r\n");

  it("rejects each record whose file is behind a symlink, and stages the rest", () => {
    const phase = summary.objects.find((o) => o.object === "File")!.phases[0]!;
    expect({ staged: phase.staged, rejected: phase.rejected }).toEqual({ staged: 2, rejected: 4 });
  });

  it("says in rejects.csv which path was refused and why", () => {
    const reason = (text: string) => `"${text.replaceAll('"', '""')}"`;
    expect(rejects).toEqual([
      "object,key,file,row,map,field,reason",
      `File,2,files.csv,2,File,datas,${reason(`file "files/escape.txt" is refused: it is a symlink to ${join(outside, "secret.txt")}, outside the export folder; ${noLink}`)}`,
      `File,3,files.csv,3,File,datas,${reason(`file "files/inside.txt" is refused: it is a symlink to ${join(exportDir, "files", "a.txt")}, inside the export folder; ${noLink}`)}`,
      `File,4,files.csv,4,File,datas,${reason(`file "elsewhere/secret.txt" is refused: its folder "elsewhere" is a symlink to ${outside}, outside the export folder; ${noLink}`)}`,
      `File,5,files.csv,5,File,datas,${reason(`file "files-again/a.txt" is refused: its folder "files-again" is a symlink to ${join(exportDir, "files")}, inside the export folder; ${noLink}`)}`,
      "",
    ]);
  });

  it("reads the export through a symlinked folder path the user gave", async () => {
    const via = join(work, "via-link");
    symlinkSync(exportDir, via);
    const viaSummary = await runDryRun(plan, { exportDir: via, runDir: join(work, "run-via") });
    const phase = viaSummary.objects.find((o) => o.object === "File")!.phases[0]!;
    expect({ staged: phase.staged, rejected: phase.rejected }).toEqual({ staged: 2, rejected: 4 });
  });
});

describe("the loader reading a file cell", async () => {
  // Staged while the file was real, then swapped for a symlink before the load (a resumed run, say).
  const exportDir = exportWithLinks("swapped");
  const runDir = join(work, "swapped-run");
  await runDryRun(plan, { exportDir, runDir });
  const store = StagingStore.open(join(runDir, "staging.sqlite"));
  afterAll(() => store.close());
  const odoo: OdooTransport = {
    authenticate: async () => 2,
    executeKw: async () => {
      throw new Error("no Odoo call is expected: the plan has no lookups");
    },
  };
  const ids = await prefetch(plan, store, odoo, "File", exportDir);
  const binary = { type: "binary" };

  it("reads a real file as base64", () => {
    expect(toCell("datas", binary, { file: "files/a.txt" }, ids)).toBe(Buffer.from("hello").toString("base64"));
  });

  it("rejects the record (not the run) when the file has become a symlink since staging", () => {
    unlinkSync(join(exportDir, "files", "a.txt"));
    symlinkSync(join(outside, "secret.txt"), join(exportDir, "files", "a.txt"));
    const read = () => toCell("datas", binary, { file: "files/a.txt" }, ids);
    expect(read).toThrow(UnresolvedReference);
    expect(read).toThrow(
      `datas: file "files/a.txt" is refused: it is a symlink to ${join(outside, "secret.txt")}, outside the export folder; ${noLink}`,
    );
  });
});
