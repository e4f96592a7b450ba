import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { HELP, parseSageArgs } from "../../examples/generators/sage-cli.js";
import {
  SAGE_TABLES,
  SAGE_VARIANTS,
  generateSageExport,
  sageTraps,
  type SageTable,
} from "../../examples/generators/sage.js";
import { decodeWindows1252 } from "../../examples/generators/sage-format.js";
import {
  eachVariantThenAll,
  filesUnder,
  sameFiles,
  sampleDir,
  variantContract,
  type CsvRow as Row,
} from "../support/sample-export.js";

const SAMPLE = sampleDir("sage");

const has = (variants: readonly string[], name: string) => variants.includes(name) || variants.includes("all");

/** A table's file in an export of these variants: `dbo.` before its name with file-names. */
const fileOf = (variants: readonly string[], table: SageTable) =>
  has(variants, "file-names") ? `dbo.${table}.csv` : `${table}.csv`;

/** A table's text: UTF-8 after a byte order mark with utf8-bom, Windows-1252 otherwise. */
async function textOf(dir: string, table: SageTable, variants: readonly string[] = []): Promise<string> {
  const bytes = await readFile(join(dir, fileOf(variants, table)));
  if (!has(variants, "utf8-bom")) return decodeWindows1252(bytes);
  expect([...bytes.subarray(0, 3)], table).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString("utf8");
}

/** A table's records as arrays of cells, header first. */
async function recordsOf(dir: string, table: SageTable, variants: readonly string[] = []): Promise<string[][]> {
  return parse(await textOf(dir, table, variants)) as string[][];
}

/** A table's rows by column name, null as null whichever way the export prints it. */
async function readTable(dir: string, table: SageTable, variants: readonly string[] = []): Promise<Row[]> {
  const nullText = has(variants, "empty-null") ? "" : "NULL";
  const [header, ...rows] = await recordsOf(dir, table, variants);
  return rows.map((cells) =>
    Object.fromEntries(header!.map((column, k) => [column, cells[k] === nullText ? "∅" : cells[k]!])),
  );
}

/** Each sample row without the given columns, and with others renamed. */
function reshaped(rows: Row[], absent: readonly string[], renamed: Readonly<Record<string, string>> = {}): Row[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([column]) => !absent.includes(column))
        .map(([column, cell]) => [renamed[column] ?? column, cell]),
    ),
  );
}

const ENTRY_TYPES = ["10", "11", "21", "31", "32", "41", "42", "45", "51"];
const DATETIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

/** A custom column's cell as SQL Server prints a column of its entry type. */
function expectCustomCell(entryType: string, cell: string, where: string, codes: ReadonlySet<string>): void {
  switch (entryType) {
    case "10":
      expect(cell, where).toMatch(/^\S/);
      break;
    case "11":
      expect(cell, where).toMatch(/\S/);
      break;
    case "21":
      expect(codes.has(cell), where).toBe(true);
      break;
    case "31":
      expect(cell, where).toMatch(/^\d+$/);
      break;
    case "32":
      expect(cell, where).toMatch(/^\d+(\.\d+)?$/);
      break;
    case "41":
      expect(cell, where).toMatch(DATETIME);
      break;
    case "42":
      expect(cell, where).toMatch(/^\d{4}-\d\d-\d\d 00:00:00\.000$/);
      break;
    case "45":
      expect(cell, where).toBe("Y");
      break;
    case "51":
      expect(cell, where).toMatch(/^\d+\.\d{4}$/);
      break;
    default:
      throw new Error(`${where}: unknown entry type ${entryType}`);
  }
}

describe("Sage CRM export variants", () => {
  const generated = variantContract({
    source: "sage",
    generate: generateSageExport,
    variants: SAGE_VARIANTS,
    cli: { help: HELP, parse: parseSageArgs },
  });

  it("keep the records: every table has the sample's ids in the sample's order, and Library/ is unchanged", async () => {
    for (const variants of eachVariantThenAll(SAGE_VARIANTS)) {
      const dir = await generated(variants);
      for (const table of SAGE_TABLES) {
        const ids = (await recordsOf(dir, table, variants)).map((r) => r[0]);
        const sampleIds = (await recordsOf(SAMPLE, table)).map((r) => r[0]);
        // The custom-fields variant's configuration has more rows: the sample's come first.
        const kept = table === "Custom_Captions" || table === "Custom_Edits" ? ids.slice(0, sampleIds.length) : ids;
        expect(kept, `${variants.join(",")} ${table}`).toEqual(sampleIds);
      }
      expect(await sameFiles(join(dir, "Library"), join(SAMPLE, "Library")), variants.join(",")).toBe(true);
    }
  });

  it("unselected: the columns the SELECT left out are absent, and every _TimeStamp; the rest unchanged", async () => {
    const dir = await generated(["unselected"]);
    const absent: Partial<Record<SageTable, string[]>> = {
      Company: ["Comp_Territory", "Comp_Revenue", "Comp_Employees", "Comp_MailRestriction"],
      Person: ["Pers_Salutation", "Pers_Department"],
      Address: ["Addr_Address3", "Addr_Address4", "Addr_State"],
      Lead: ["Lead_Details", "Lead_Rating", "Lead_PersonPhoneNumber"],
      Opportunity: ["Oppo_Priority", "Oppo_Opened", "Oppo_Note"],
      Cases: ["Case_ProblemType", "Case_SolutionNote"],
      Communication: ["Comm_Email", "Comm_Location"],
      Library: ["Libr_Note"],
    };
    for (const table of SAGE_TABLES) {
      const sampleHeader = (await recordsOf(SAMPLE, table))[0]!;
      const gone = [...(absent[table] ?? []), sampleHeader.find((c) => c.endsWith("_TimeStamp"))!];
      expect((await recordsOf(dir, table))[0], table).toEqual(sampleHeader.filter((c) => !gone.includes(c)));
      expect(await readTable(dir, table), table).toEqual(reshaped(await readTable(SAMPLE, table), gone));
    }
  });

  it("renamed: an upgraded installation's spellings, the same cells", async () => {
    const dir = await generated(["renamed"]);
    const renamed: Partial<Record<SageTable, Record<string, string>>> = {
      Company: { Comp_WebSite: "Comp_Website" },
      Address_Link: { AdLi_CompanyID: "AdLi_CompanyId", AdLi_PersonID: "AdLi_PersonId" },
      EmailLink: { ELink_RecordID: "ELink_RecordId" },
      PhoneLink: { PLink_EntityID: "PLink_EntityId", PLink_RecordID: "PLink_RecordId" },
      Lead: { Lead_CompanyWebSite: "Lead_CompanyWebsite" },
      Opportunity: { Oppo_TargetClose: "Oppo_Targetclose" },
      Communication: { Comm_TO: "Comm_To" },
      Library: { Libr_FilePath: "Libr_Path" },
    };
    for (const table of SAGE_TABLES) {
      const renames = renamed[table] ?? {};
      const sampleHeader = (await recordsOf(SAMPLE, table))[0]!;
      expect((await recordsOf(dir, table))[0], table).toEqual(sampleHeader.map((c) => renames[c] ?? c));
      expect(await readTable(dir, table), table).toEqual(reshaped(await readTable(SAMPLE, table), [], renames));
    }
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain("Opportunity.csv: `Oppo_TargetClose` → `Oppo_Targetclose`;");
    expect(readme).toContain("Library.csv: `Libr_FilePath` → `Libr_Path`;");
  });

  it("custom-fields: one more column of each entry type, described in Custom_Edits, valid, sometimes null", async () => {
    const dir = await generated(["custom-fields"]);
    const edits = await readTable(dir, "Custom_Edits");
    const sampleEdits = await readTable(SAMPLE, "Custom_Edits");
    expect(edits.slice(0, sampleEdits.length)).toEqual(sampleEdits);
    const added = edits.slice(sampleEdits.length);
    expect(new Set(added.map((e) => e["ColP_EntryType"]))).toEqual(new Set(ENTRY_TYPES));
    const captions = await readTable(dir, "Custom_Captions");
    const sampleCaptions = await readTable(SAMPLE, "Custom_Captions");
    expect(captions.slice(0, sampleCaptions.length)).toEqual(sampleCaptions);
    for (const table of ["Company", "Person", "Lead", "Opportunity", "Cases"] as const) {
      const own = added.filter((e) => e["ColP_Entity"] === table);
      expect(own.length, table).toBeGreaterThan(0);
      const sampleHeader = (await recordsOf(SAMPLE, table))[0]!;
      const header = (await recordsOf(dir, table))[0]!;
      expect(header.slice(0, sampleHeader.length), table).toEqual(sampleHeader);
      expect(header.slice(sampleHeader.length), table).toEqual(own.map((e) => e["ColP_ColName"]));
      const rows = await readTable(dir, table);
      expect(
        reshaped(
          rows,
          own.map((e) => e["ColP_ColName"]!),
        ),
        table,
      ).toEqual(await readTable(SAMPLE, table));
      for (const edit of own) {
        const column = edit["ColP_ColName"]!;
        const codes = new Set(captions.filter((c) => c["Capt_Family"] === column).map((c) => c["Capt_Code"]!));
        expect(
          captions.some((c) => c["Capt_Family"] === "ColNames" && c["Capt_Code"] === column),
          column,
        ).toBe(true);
        const filled = rows.map((r) => r[column]!).filter((cell) => cell !== "∅");
        expect(filled.length, column).toBeLessThan(rows.length);
        expect(filled.length, column).toBeGreaterThan(rows.length / 5);
        for (const cell of filled) expectCustomCell(edit["ColP_EntryType"]!, cell, column, codes);
      }
    }
  });

  it("utf8-bom: UTF-8 after a byte order mark, the same text, and the letter Windows-1252 lacked", async () => {
    const dir = await generated(["utf8-bom"]);
    for (const table of SAGE_TABLES) {
      const text = await textOf(dir, table, ["utf8-bom"]);
      const sample = await textOf(SAMPLE, table);
      // The one letter the code page lacks, ł, is `?` in the sample.
      expect(text.replaceAll("ł", "?"), table).toBe(sample);
    }
    expect(await textOf(dir, "Person", ["utf8-bom"])).toContain(",Małgorzata,Kołodziej,");
    expect((await readFile(join(dir, "README.md"), "utf8")).includes("UTF-8 with a byte order mark")).toBe(true);
  });

  it("empty-null: null is an empty cell, nothing else changes", async () => {
    const dir = await generated(["empty-null"]);
    for (const table of SAGE_TABLES) {
      const records = await recordsOf(dir, table);
      expect(records.flat().includes("NULL"), table).toBe(false);
      const sample = await recordsOf(SAMPLE, table);
      expect(records, table).toEqual(sample.map((r) => r.map((cell) => (cell === "NULL" ? "" : cell))));
    }
    // A last name "Null" is a name, in both.
    expect((await readTable(dir, "Person", ["empty-null"])).some((p) => p["Pers_LastName"] === "Null")).toBe(true);
  });

  it("file-names: dbo.<Table>.csv with the sample's bytes, Library/ unchanged", async () => {
    const dir = await generated(["file-names"]);
    const files = await filesUnder(dir);
    expect(files.filter((f) => !f.includes("/") && f.endsWith(".csv")).sort()).toEqual(
      SAGE_TABLES.map((t) => `dbo.${t}.csv`).sort(),
    );
    for (const table of SAGE_TABLES)
      expect(await readFile(join(dir, `dbo.${table}.csv`)), table).toEqual(
        await readFile(join(SAMPLE, `${table}.csv`)),
      );
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain("| dbo.Company.csv | 60 |");
    expect(readme).toContain("| accented-company-names | dbo.Company.csv |");
    expect(sageTraps(1, 1, ["file-names"]).find((t) => t.key === "repeated-hour")!.file).toBe("dbo.Communication.csv");
  });

  it("all: every variant at once", async () => {
    const variants = ["all"];
    const dir = await generated(variants);
    expect(existsSync(join(dir, "Company.csv"))).toBe(false);
    const header = (await recordsOf(dir, "Company", variants))[0]!;
    expect(header).toContain("Comp_Website");
    expect(header).not.toContain("Comp_Revenue");
    expect(header).not.toContain("Comp_TimeStamp");
    expect(header).toContain("comp_keyaccount");
    expect((await recordsOf(dir, "Opportunity", variants))[0]).toContain("Oppo_Targetclose");
    expect((await recordsOf(dir, "Library", variants))[0]).toContain("Libr_Path");
    const text = await textOf(dir, "Person", variants);
    expect(text).not.toContain("NULL");
    expect(text).toContain("Kołodziej");
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain("--variant unselected,renamed,custom-fields,utf8-bom,empty-null,file-names");
  });
});
