import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { HELP, parseLeadforceArgs } from "../../examples/generators/leadforce-cli.js";
import {
  LEADFORCE_FILES,
  LEADFORCE_VARIANTS,
  generateLeadforceExport,
  leadforceTraps,
} from "../../examples/generators/leadforce.js";
import {
  eachVariantThenAll,
  filesUnder,
  sameFiles,
  variantContract,
  type CsvRow as Row,
} from "../support/sample-export.js";
import { SAMPLE, expectFieldCell, headerOf, readCsv } from "./leadforce-csv.js";

/** The column that keys each file's records, and the files of the sample's shape. */
const KEYS: Readonly<Record<string, string>> = {
  "staff.csv": "Staff ID",
  "leads.csv": "ID",
  "deals.csv": "Deal ID",
  "activities.csv": "Activity ID",
  "notes.csv": "Note ID",
  "files.csv": "File ID",
  "items.csv": "SKU",
  "proposals.csv": "Proposal ID",
  "invoices.csv": "Invoice Number",
};

const DOWNLOAD_NAMES = [
  "leads_export_2024-05-01.csv",
  "deals_export_2024-05-01.csv",
  "activities_export_2024-05-01.csv",
  "notes_export_2024-05-01.csv",
  "files_export_2024-05-01.csv",
  "staff_export.csv",
  "pipelines_export.csv",
  "items_export.csv",
  "proposals_export.csv",
  "proposal-items_export.csv",
  "invoices_export.csv",
  "invoice-items_export.csv",
  "custom-fields_export.csv",
  "auto-triggers_export.csv",
];

const CUSTOM_TYPES = ["input", "number", "select", "multiselect", "date_picker", "checkbox"];

/** Each sample row without the given columns, and with others renamed. */
function reshaped(rows: Row[], absent: readonly string[], renamed: Readonly<Record<string, string>> = {}): Row[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([label]) => !absent.includes(label))
        .map(([label, cell]) => [renamed[label] ?? label, cell]),
    ),
  );
}

describe("Leadforce export variants", () => {
  const generated = variantContract({
    source: "leadforce",
    generate: generateLeadforceExport,
    variants: LEADFORCE_VARIANTS,
    cli: { help: HELP, parse: parseLeadforceArgs },
  });

  it("keep the records: every file has the sample's ids in the sample's order", async () => {
    for (const variants of eachVariantThenAll(LEADFORCE_VARIANTS)) {
      const dir = await generated(variants);
      const named = variants.includes("file-names") || variants.includes("all");
      for (const [file, key] of Object.entries(KEYS)) {
        const path = named ? DOWNLOAD_NAMES.find((n) => n.startsWith(file.slice(0, -4).replace("_", "-")))! : file;
        const ids = (await readCsv(dir, path)).map((r) => r[key]);
        expect(ids, `${variants.join(",")} ${path}`).toEqual((await readCsv(SAMPLE, file)).map((r) => r[key]));
      }
    }
  });

  it("unselected: the columns the admin did not pick are absent, the rest unchanged", async () => {
    const dir = await generated(["unselected"]);
    const absent: Record<string, string[]> = {
      "leads.csv": ["Position", "Zip", "Last Contact", "Tags", "Source"],
      "deals.csv": ["Start Date", "CF: Competitor"],
      "activities.csv": ["Duration (min)"],
      "files.csv": ["Uploaded At"],
      "items.csv": ["Long Description", "Unit"],
    };
    for (const file of LEADFORCE_FILES.map((f) => `${f}.csv`)) {
      const gone = absent[file] ?? [];
      const sampleHeader = await headerOf(SAMPLE, file);
      expect(await headerOf(dir, file), file).toEqual(sampleHeader.filter((label) => !gone.includes(label)));
      expect(await readCsv(dir, file), file).toEqual(reshaped(await readCsv(SAMPLE, file), gone));
    }
    // The field still exists in the account; only its column was not exported.
    expect((await readCsv(dir, "custom_fields.csv")).map((f) => f["Field"])).toContain("Competitor");
  });

  it("renamed: an older version's labels, the same cells", async () => {
    const dir = await generated(["renamed"]);
    const renamed: Record<string, Record<string, string>> = {
      "leads.csv": { Assigned: "Assigned To", "Lead Value": "Value" },
      "deals.csv": { Owner: "Deal Owner", "Expected Close": "Expected Close Date" },
      "activities.csv": { "Duration (min)": "Duration" },
      "files.csv": { Path: "File Path" },
    };
    for (const file of LEADFORCE_FILES.map((f) => `${f}.csv`)) {
      const renames = renamed[file] ?? {};
      const sampleHeader = await headerOf(SAMPLE, file);
      expect(await headerOf(dir, file), file).toEqual(sampleHeader.map((label) => renames[label] ?? label));
      expect(await readCsv(dir, file), file).toEqual(reshaped(await readCsv(SAMPLE, file), [], renames));
    }
  });

  it("custom-fields: one more CF column of every type on leads and deals, described, valid, sometimes empty", async () => {
    const dir = await generated(["custom-fields"]);
    const fields = await readCsv(dir, "custom_fields.csv");
    const sampleFields = await readCsv(SAMPLE, "custom_fields.csv");
    expect(fields.slice(0, sampleFields.length)).toEqual(sampleFields);
    for (const file of ["leads", "deals"]) {
      const sampleHeader = await headerOf(SAMPLE, `${file}.csv`);
      const header = await headerOf(dir, `${file}.csv`);
      expect(header.slice(0, sampleHeader.length), file).toEqual(sampleHeader);
      const added = fields.slice(sampleFields.length).filter((f) => f["Belongs To"] === file);
      expect(added.map((f) => f["Type"]).sort(), file).toEqual([...CUSTOM_TYPES].sort());
      expect(header.slice(sampleHeader.length), file).toEqual(added.map((f) => `CF: ${f["Field"]}`));
      for (const label of header.slice(sampleHeader.length))
        expect(
          sampleHeader.map((l) => l.toLowerCase()),
          label,
        ).not.toContain(label.toLowerCase());
      const rows = await readCsv(dir, `${file}.csv`);
      for (const field of added) {
        const cells = rows.map((r) => r[`CF: ${field["Field"]}`]!);
        const filled = cells.filter((c) => c !== "");
        expect(filled.length, field["Field"]).toBeGreaterThan(rows.length / 2);
        expect(filled.length, field["Field"]).toBeLessThan(rows.length);
        for (const cell of filled) expectFieldCell(field, cell);
      }
    }
  });

  it("no-metadata: no custom_fields.csv, the CF columns stay", async () => {
    const dir = await generated(["no-metadata"]);
    expect(existsSync(join(dir, "custom_fields.csv"))).toBe(false);
    for (const file of ["leads.csv", "deals.csv"])
      expect(await readFile(join(dir, file)), file).toEqual(await readFile(join(SAMPLE, file)));
  });

  it("file-names: files named as the browser saved them, with the sample's bytes", async () => {
    const dir = await generated(["file-names"]);
    const files = await filesUnder(dir);
    expect(files.filter((f) => !f.includes("/") && f.endsWith(".csv")).sort()).toEqual([...DOWNLOAD_NAMES].sort());
    expect(await readFile(join(dir, "leads_export_2024-05-01.csv"))).toEqual(await readFile(join(SAMPLE, "leads.csv")));
    expect(await readFile(join(dir, "proposal-items_export.csv"))).toEqual(
      await readFile(join(SAMPLE, "proposal_items.csv")),
    );
    expect(files.filter((f) => f.startsWith("files/"))).toEqual(
      (await filesUnder(SAMPLE)).filter((f) => f.startsWith("files/")),
    );
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain("| leads_export_2024-05-01.csv | 40 |");
    expect(readme).toContain("| company-three-spellings | leads_export_2024-05-01.csv |");
    expect(leadforceTraps(1, 1, ["file-names"]).find((t) => t.key === "orphan-activity")!.file).toBe(
      "activities_export_2024-05-01.csv",
    );
  });

  it("layout: a BOM, CRLF line ends, every CSV's columns in another order, the same records", async () => {
    const dir = await generated(["layout"]);
    for (const file of LEADFORCE_FILES.map((f) => `${f}.csv`)) {
      const bytes = await readFile(join(dir, file));
      expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      // Rows end in CRLF; only a line break inside a quoted cell is a bare LF.
      const rows = parse(bytes, { delimiter: ";", bom: true }) as string[][];
      const insideCells = rows.flat().join("").split("\n").length - 1;
      const bareLf = bytes.toString("utf8").split("\n").length - bytes.toString("utf8").split("\r\n").length;
      expect(bareLf, file).toBe(insideCells);
      expect(bytes.toString("utf8").endsWith("\r\n"), file).toBe(true);
      const header = await headerOf(dir, file);
      const sampleHeader = await headerOf(SAMPLE, file);
      expect(header, file).not.toEqual(sampleHeader);
      expect([...header].sort(), file).toEqual([...sampleHeader].sort());
      expect(await readCsv(dir, file), file).toEqual(await readCsv(SAMPLE, file));
    }
    expect(await sameFiles(join(dir, "files"), join(SAMPLE, "files"))).toBe(true);
  });

  it("all: every variant at once", async () => {
    const dir = await generated(["all"]);
    expect(existsSync(join(dir, "custom-fields_export.csv"))).toBe(false);
    expect(existsSync(join(dir, "leads.csv"))).toBe(false);
    const header = await headerOf(dir, "leads_export_2024-05-01.csv");
    expect(header).toContain("Assigned To");
    expect(header).toContain("Value");
    expect(header).not.toContain("Position");
    expect(header).toContain("CF: GSTIN");
    expect(header).toContain("CF: Industry");
    expect(await headerOf(dir, "deals_export_2024-05-01.csv")).not.toContain("CF: Competitor");
    expect(await headerOf(dir, "files_export_2024-05-01.csv")).toContain("File Path");
    const bytes = await readFile(join(dir, "deals_export_2024-05-01.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes("\r\n")).toBe(true);
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain("--variant unselected,renamed,custom-fields,no-metadata,file-names,layout");
    expect(readme).not.toContain("custom_fields.csv still describes Competitor");
  });
});
