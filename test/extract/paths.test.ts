import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readExportFileSync } from "../../runtime/extract/export-paths.js";
import { ExportPathError, readExportFile, resolveExportPath } from "../../runtime/extract/index.js";
import { readAll, rows, source, writeExport } from "./support.js";

const outside = writeExport({ "secret.txt": "outside", "page-2.json": '[{"id": 2}]' });

function exportWithLinks(): string {
  const dir = writeExport({ "Library/Acme/contract.pdf": "pdf", "notes.csv": "ID\n1\n" });
  symlinkSync(join(outside, "secret.txt"), join(dir, "escape.txt"));
  symlinkSync(outside, join(dir, "Library", "elsewhere"));
  symlinkSync(join(dir, "notes.csv"), join(dir, "inside-link.csv"));
  symlinkSync("Acme", join(dir, "Library", "acme-again"));
  symlinkSync(join(dir, "missing.csv"), join(dir, "dangling.csv"));
  return dir;
}

/** The reason a path is refused for. */
function refusal(dir: string, path: string): string {
  try {
    resolveExportPath(dir, path);
  } catch (error) {
    if (!(error instanceof ExportPathError)) throw error;
    expect(error.path).toBe(path);
    return error.reason;
  }
  throw new Error(`${path} was not refused`);
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
  ])("refuses %j", (path, reason) => {
    expect(refusal(dir, path)).toBe(reason);
  });

  it.each([
    [
      "escape.txt",
      `it is a symlink to ${join(outside, "secret.txt")}, outside the export folder; no file is read through a symlink`,
    ],
    [
      "Library/elsewhere/secret.txt",
      `its folder "Library/elsewhere" is a symlink to ${outside}, outside the export folder; no file is read through a symlink`,
    ],
    [
      "Library/elsewhere/not-there.txt",
      `its folder "Library/elsewhere" is a symlink to ${outside}, outside the export folder; no file is read through a symlink`,
    ],
    [
      "Library\\elsewhere\\secret.txt",
      `its folder "Library/elsewhere" is a symlink to ${outside}, outside the export folder; no file is read through a symlink`,
    ],
    // pointing back inside is refused too: where a link points is the export's to change
    [
      "inside-link.csv",
      `it is a symlink to ${join(dir, "notes.csv")}, inside the export folder; no file is read through a symlink`,
    ],
    [
      "Library/acme-again/contract.pdf",
      `its folder "Library/acme-again" is a symlink to ${join(dir, "Library", "Acme")}, inside the export folder; no file is read through a symlink`,
    ],
    [
      "dangling.csv",
      `it is a symlink to ${join(dir, "missing.csv")}, which does not exist; no file is read through a symlink`,
    ],
  ])("refuses the symlink in %j, saying where it points", (path, reason) => {
    expect(refusal(dir, path)).toBe(reason);
  });

  it.each([
    ["Library\\Acme\\contract.pdf", "Library/Acme/contract.pdf"],
    ["./Library/Acme/../Acme/contract.pdf", "Library/Acme/contract.pdf"],
    // `..` is folded before the walk, so the link is never passed through: this names a real file
    ["Library/elsewhere/../Acme/contract.pdf", "Library/Acme/contract.pdf"],
    ["not-yet-there.csv", "not-yet-there.csv"],
    ["not-yet-there/deeper.csv", "not-yet-there/deeper.csv"],
    ["notes.csv/under-a-file", "notes.csv/under-a-file"],
  ])("accepts %j", (path, resolved) => {
    expect(resolveExportPath(dir, path)).toBe(join(dir, resolved));
  });

  it("accepts an export folder that is itself reached through a symlink (a user's /tmp, say)", async () => {
    const via = join(mkdtempSync(join(tmpdir(), "mapc-via-")), "export");
    symlinkSync(dir, via);
    expect(resolveExportPath(via, "Library/Acme/contract.pdf")).toBe(join(via, "Library", "Acme", "contract.pdf"));
    expect((await readExportFile(via, "Library/Acme/contract.pdf")).toString()).toBe("pdf");
    expect(readExportFileSync(via, "notes.csv").toString()).toBe("ID\n1\n");
    expect(refusal(via, "escape.txt")).toContain("outside the export folder");
    expect(refusal(via, "inside-link.csv")).toBe(
      `it is a symlink to ${join(dir, "notes.csv")}, inside the export folder; no file is read through a symlink`,
    );
    expect((await readAll(source("csv", "notes.csv", ["ID"]), via)).records.map((r) => r.row)).toEqual([{ ID: "1" }]);
  });

  it("never reads a file through a symlink, in or out of the export", async () => {
    for (const path of ["escape.txt", "inside-link.csv", "Library/elsewhere/secret.txt"]) {
      await expect(readExportFile(dir, path)).rejects.toThrow(ExportPathError);
      expect(() => readExportFileSync(dir, path)).toThrow(ExportPathError);
    }
    expect(() => readExportFileSync(dir, "escape.txt")).toThrow(
      `export path "escape.txt" is refused: it is a symlink to ${join(outside, "secret.txt")}, outside the export folder; no file is read through a symlink`,
    );
  });

  it("reads only regular files", async () => {
    await expect(readExportFile(dir, "Library/Acme")).rejects.toThrow(
      'export path "Library/Acme" is refused: it is not a regular file',
    );
    expect(() => readExportFileSync(dir, "Library")).toThrow("it is not a regular file");
    expect(readExportFileSync(dir, "Library\\Acme\\contract.pdf").toString()).toBe("pdf");
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
    symlinkSync(join(outside, "page-2.json"), join(pages, "p", "page-2.json"));
    const outcome = await readAll(source("json", "p/page-*.json", ["id"]), pages);
    expect(outcome.errors).toEqual([
      {
        severity: "error",
        code: "MR3007",
        message:
          `Path "p/page-*.json" of \`Thing\` is refused: "p/page-2.json" is a symlink to ${join(outside, "page-2.json")}, outside the export folder; ` +
          "no file is read through a symlink.",
        file: "p/page-*.json",
      },
    ]);
    expect(outcome.records).toEqual([]);
  });

  it("refuses a `*` match that is a symlink to a page inside the export", async () => {
    const pages = writeExport({ "p/page-1.json": '[{"id": 1}]', "kept/page-2.json": '[{"id": 2}]' });
    symlinkSync(join(pages, "kept", "page-2.json"), join(pages, "p", "page-2.json"));
    const outcome = await readAll(source("json", "p/page-*.json", ["id"]), pages);
    expect(outcome.errors.map((e) => [e.code, e.message])).toEqual([
      [
        "MR3007",
        `Path "p/page-*.json" of \`Thing\` is refused: "p/page-2.json" is a symlink to ${join(pages, "kept", "page-2.json")}, inside the export folder; no file is read through a symlink.`,
      ],
    ]);
    expect(outcome.records).toEqual([]);
  });

  it("refuses a source file that is a symlink, and one in a symlinked folder", async () => {
    const dir = writeExport({ "real/notes.csv": "ID\n1\n" });
    symlinkSync(join(dir, "real", "notes.csv"), join(dir, "notes.csv"));
    symlinkSync(join(dir, "real"), join(dir, "linked"));
    symlinkSync(outside, join(dir, "pages"));
    const reasonOf = async (path: string) =>
      (await readAll(source("csv", path, ["ID"]), dir)).errors.map((e) => [e.code, e.message]);
    expect(await reasonOf("notes.csv")).toEqual([
      [
        "MR3007",
        `Path "notes.csv" of \`Thing\` is refused: it is a symlink to ${join(dir, "real", "notes.csv")}, inside the export folder; no file is read through a symlink.`,
      ],
    ]);
    expect(await reasonOf("linked/notes.csv")).toEqual([
      [
        "MR3007",
        `Path "linked/notes.csv" of \`Thing\` is refused: its folder "linked" is a symlink to ${join(dir, "real")}, inside the export folder; no file is read through a symlink.`,
      ],
    ]);
    // a `*` folder that is a symlink is refused even when no page in it would match
    expect(await reasonOf("*/nothing-*.csv")).toEqual([
      [
        "MR3007",
        `Path "*/nothing-*.csv" of \`Thing\` is refused: "linked" is a symlink to ${join(dir, "real")}, inside the export folder; no file is read through a symlink.`,
      ],
    ]);
    expect(rows(await readAll(source("csv", "real/notes.csv", ["ID"]), dir))).toEqual([{ ID: "1" }]);
  });

  it("does not let `*` match hidden files or folders", async () => {
    const pages = writeExport({ "p/page-1.json": '[{"id": 1}]' });
    mkdirSync(join(pages, "p", ".cache"));
    writeFileSync(join(pages, "p", ".page-2.json"), '[{"id": 2}]');
    const outcome = await readAll(source("json", "p/*.json", ["id"]), pages);
    expect(outcome.records.map((r) => r.row["id"])).toEqual([1]);
  });

  it("finds a file whose name differs only in case when the name as written finds none (a Windows export)", async () => {
    const lower = writeExport({ "dbo/company.csv": "ID\n1\n" });
    expect(rows(await readAll(source("csv", "DBO/Company.csv", ["ID"]), lower))).toEqual([{ ID: "1" }]);
    // the name as written wins when it is there
    const both = writeExport({ "Company.csv": "ID\n1\n", "COMPANY.CSV": "ID\n2\n" });
    expect(rows(await readAll(source("csv", "Company.csv", ["ID"]), both))).toEqual([{ ID: "1" }]);
  });
});
