import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExportPathError, readExportFile, resolveExportPath } from "../../runtime/extract/index.js";
import { readAll, source, writeExport } from "./support.js";

function exportWithLinks(): string {
  const outside = writeExport({ "secret.txt": "outside" });
  const dir = writeExport({ "Library/Acme/contract.pdf": "pdf", "notes.csv": "ID\n1\n" });
  symlinkSync(join(outside, "secret.txt"), join(dir, "escape.txt"));
  symlinkSync(outside, join(dir, "Library", "elsewhere"));
  symlinkSync(join(dir, "notes.csv"), join(dir, "inside-link.csv"));
  return dir;
}

describe("paths inside the export folder", () => {
  const dir = exportWithLinks();

  it.each([
    ["../x", "it leaves the export folder"],
    ["a/../../x", "it leaves the export folder"],
    ["a\\..\\..\\x", "it leaves the export folder"],
    ["/etc/passwd", "it is absolute"],
    ["\\\\server\\share\\x", "it is absolute"],
    ["C:\\x", "it names a Windows drive"],
    ["c:x", "it names a Windows drive"],
    ["", "it names no file"],
    ["a/\0b", "it contains a NUL character"],
    ["escape.txt", "it leads outside the export folder"],
    ["Library/elsewhere/secret.txt", "it leads outside the export folder"],
    ["Library/elsewhere/not-there.txt", "it leads outside the export folder"],
  ])("refuses %j", (path, reason) => {
    expect(() => resolveExportPath(dir, path)).toThrow(ExportPathError);
    try {
      resolveExportPath(dir, path);
    } catch (error) {
      expect((error as ExportPathError).reason).toContain(reason);
      expect((error as ExportPathError).path).toBe(path);
    }
  });

  it.each([
    ["Library\\Acme\\contract.pdf", "Library/Acme/contract.pdf"],
    ["./Library/Acme/../Acme/contract.pdf", "Library/Acme/contract.pdf"],
    ["inside-link.csv", "inside-link.csv"],
    ["not-yet-there.csv", "not-yet-there.csv"],
  ])("accepts %j", (path, resolved) => {
    expect(resolveExportPath(dir, path)).toBe(join(dir, resolved));
  });

  it("reads a file by its Windows path", async () => {
    expect((await readExportFile(dir, "Library\\Acme\\contract.pdf")).toString()).toBe("pdf");
    await expect(readExportFile(dir, "../secret.txt")).rejects.toThrow(ExportPathError);
  });

  it("refuses a source whose path leaves the export", async () => {
    const outcome = await readAll(source("csv", "../notes.csv", ["ID"]), dir);
    expect(outcome.errors).toEqual([
      {
        severity: "error",
        code: "MR3007",
        message: 'Path "../notes.csv" of `Thing` is refused: it leaves the export folder.',
        file: "../notes.csv",
      },
    ]);
  });

  it("refuses a `*` match that is a symlink to outside the export", async () => {
    const pages = writeExport({ "p/page-1.json": "[]" });
    const outside = writeExport({ "page-2.json": "[]" });
    symlinkSync(join(outside, "page-2.json"), join(pages, "p", "page-2.json"));
    const outcome = await readAll(source("json", "p/page-*.json", ["id"]), pages);
    expect(outcome.errors.map((e) => e.code)).toEqual(["MR3007"]);
  });

  it("does not let `*` match hidden files or folders", async () => {
    const pages = writeExport({ "p/page-1.json": '[{"id": 1}]' });
    mkdirSync(join(pages, "p", ".cache"));
    writeFileSync(join(pages, "p", ".page-2.json"), '[{"id": 2}]');
    const outcome = await readAll(source("json", "p/*.json", ["id"]), pages);
    expect(outcome.records.map((r) => r.row["id"])).toEqual([1]);
  });
});
