// The broken inputs a Sage broken-input test makes from the sample (sage-broken-input.ts): each applies to a copy
// of examples/sage/, breaks exactly the row and column it names, and leaves every other file as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, lstatSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import { SAGE_BROKEN_INPUTS, SECRET_FILE, SECRET_TEXT } from "../../examples/generators/sage-broken-input.js";
import { UNDEFINED_WINDOWS_1252, decodeWindows1252 } from "../../examples/generators/sage-format.js";
import { filesUnder, sampleDir, type CsvRow as Row } from "../support/sample-export.js";

const SAMPLE = sampleDir("sage");

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "sage-broken-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of the sample with one broken input applied, in a folder of its own (the secret goes beside it). */
async function broken(key: string): Promise<string> {
  const dir = join(scratch, key, "export");
  cpSync(SAMPLE, dir, { recursive: true });
  await SAGE_BROKEN_INPUTS.find((b) => b.key === key)!.apply(dir);
  return dir;
}

const rowsOf = (dir: string, file: string): Row[] =>
  parse(decodeWindows1252(readFileSync(join(dir, file))), { columns: true }) as Row[];

function rowOf(dir: string, file: string, id: string): Row {
  return rowsOf(dir, file).find((r) => Object.values(r)[0] === id)!;
}

/** The files of `dir` whose bytes differ from the sample's. */
async function changedFiles(dir: string): Promise<string[]> {
  const files = await filesUnder(SAMPLE);
  return files.filter((f) => {
    const path = join(dir, f);
    if (lstatSync(path).isSymbolicLink()) return true;
    return !readFileSync(path).equals(readFileSync(join(SAMPLE, f)));
  });
}

describe("broken input made from examples/sage/", () => {
  it("breaks only the named file, row and column", async () => {
    expect(SAGE_BROKEN_INPUTS.map((b) => b.key)).toEqual([
      "impossible-date",
      "skipped-hour-time",
      "undecodable-byte",
      "library-path-escape",
      "library-symlink",
    ]);
    for (const input of SAGE_BROKEN_INPUTS.filter((b) => b.key !== "library-symlink")) {
      const dir = await broken(input.key);
      expect(await changedFiles(dir), input.key).toEqual([input.file]);
      const before = rowOf(SAMPLE, input.file, input.id);
      const after = rowOf(dir, input.file, input.id);
      const changed = Object.keys(before).filter((column) => before[column] !== after[column]);
      const expected = input.key === "library-path-escape" ? ["Libr_FileName", input.column] : [input.column];
      expect(changed, input.key).toEqual(expected);
    }
  });

  it("writes an impossible date and a London time that never was", async () => {
    expect(rowOf(await broken("impossible-date"), "Opportunity.csv", "1")["Oppo_TargetClose"]).toBe(
      "2023-02-30 00:00:00.000",
    );
    const skipped = SAGE_BROKEN_INPUTS.find((b) => b.key === "skipped-hour-time")!;
    expect(rowOf(await broken("skipped-hour-time"), "Communication.csv", skipped.id)["Comm_DateTime"]).toBe(
      "2024-03-31 01:30:00.000",
    );
  });

  it("puts a byte Windows-1252 does not define into one note", async () => {
    const dir = await broken("undecodable-byte");
    const bytes = readFileSync(join(dir, "Notes.csv"));
    expect(UNDEFINED_WINDOWS_1252.filter((b) => bytes.includes(b))).toEqual([0x81]);
    expect(rowOf(dir, "Notes.csv", "1")["Note_Note"]).toContain("\u0081");
  });

  it("points a Library row out of Library\\ and a Library file at a symlink, both to a file beside the export", async () => {
    const escape = await broken("library-path-escape");
    const row = rowOf(escape, "Library.csv", "1");
    expect([row["Libr_FilePath"], row["Libr_FileName"]]).toEqual(["..\\..\\", SECRET_FILE]);
    const target = join(escape, "Library", ...row["Libr_FilePath"]!.split("\\"), row["Libr_FileName"]!);
    expect(readFileSync(target, "utf8")).toBe(SECRET_TEXT);
    expect(realpathSync(dirname(target))).toBe(realpathSync(dirname(escape)));

    const linked = await broken("library-symlink");
    expect(await changedFiles(linked)).toHaveLength(1);
    const [link] = await changedFiles(linked);
    const file = rowOf(linked, "Library.csv", "2");
    expect(link).toBe(`Library/${file["Libr_FilePath"]!.replaceAll("\\", "/")}${file["Libr_FileName"]}`);
    expect(readlinkSync(join(linked, link!))).toBe(join(dirname(linked), SECRET_FILE));
    expect(readFileSync(join(linked, link!), "utf8")).toBe(SECRET_TEXT);
  });
});
