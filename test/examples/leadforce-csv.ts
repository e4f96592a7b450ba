// How a Leadforce export reads, for both Leadforce test files: its CSV files are `;`-delimited, and a custom
// field's cell is printed as Leadforce prints a field of its type.
import { expect } from "vitest";
import { csvReader, sampleDir, type CsvRow } from "../support/sample-export.js";

export const SAMPLE = sampleDir("leadforce");

export const { readCsv, headerOf } = csvReader(";");

export const DATE = /^\d\d-\d\d-\d{4}$/;

/** A non-empty cell of a custom field (its row of custom_fields.csv), as Leadforce prints a field of its type. */
export function expectFieldCell(field: CsvRow, cell: string): void {
  const where = `CF: ${field["Field"]}`;
  const options = field["Options"] ? field["Options"].split(", ") : [];
  switch (field["Type"]) {
    case "select":
      expect(options, where).toContain(cell);
      break;
    case "multiselect":
      for (const part of cell.split(", ")) expect(options, where).toContain(part);
      break;
    case "number":
      expect(cell, where).toMatch(/^\d+(\.\d+)?$/);
      break;
    case "checkbox":
      expect(["0", "1"], where).toContain(cell);
      break;
    case "date_picker":
      expect(cell, where).toMatch(DATE);
      break;
    case "input":
      expect(cell, where).toMatch(/^\S/);
      break;
    default:
      throw new Error(`${where}: unknown custom field type ${field["Type"]}`);
  }
}
