// The variants of a Leadforce export: how real exports of this format differ from customer to customer
// (/work/shared/formats/leadforce.md, "How real exports of this format differ"). A LeadforceShape decides,
// for the variants asked for, everything about the files that is not the records themselves: what each file
// is called, which columns it has, under which labels and in which order, the CSV dialect, and whether
// custom_fields.csv is there. With no variant it is the sample's shape, byte for byte.
import { CUSTOM_FIELDS, type CustomField } from "./leadforce-account.js";
import { ADDED_FIELDS, type FieldContext } from "./leadforce-custom-fields.js";
import { COLUMNS, LEADFORCE_FILES, type LeadforceFile } from "./leadforce-rows.js";
import type { CsvDialect } from "./export-files.js";
import { Random } from "./random.js";
import { codeList, variantsSection } from "./readme-tables.js";
import { resolveVariants, type ExportVariant } from "./variants.js";

export const LEADFORCE_VARIANTS = [
  {
    name: "unselected",
    summary: "columns the admin did not select: some non-id columns of leads, deals, activities, files, items absent",
  },
  {
    name: "renamed",
    summary: "an older Leadforce's labels: Assigned To, Value, Deal Owner, Expected Close Date, Duration, File Path",
  },
  {
    name: "custom-fields",
    summary: "the customer's own custom fields, one of each type on leads and deals, in custom_fields.csv",
  },
  { name: "no-metadata", summary: "custom_fields.csv not exported (the CF: columns stay)" },
  {
    name: "file-names",
    summary: "files named as the browser saved them: leads_export_2024-05-01.csv, staff_export.csv, …",
  },
  { name: "layout", summary: "a UTF-8 BOM, CRLF line ends, and every CSV's columns in another order" },
] as const satisfies readonly ExportVariant[];

export type LeadforceVariant = (typeof LEADFORCE_VARIANTS)[number]["name"];

/** The variants `requested` names (`all` for every one), in LEADFORCE_VARIANTS order. */
export function resolveLeadforceVariants(requested: readonly string[] | undefined): LeadforceVariant[] {
  return resolveVariants(LEADFORCE_VARIANTS, requested);
}

/** The sample's dialect: UTF-8 without BOM, LF, `;`. */
export const LEADFORCE_CSV: CsvDialect = { bom: false, lineEnd: "\n", delimiter: ";" };
/** Saved through Excel: a BOM and CRLF, still `;`. */
const EXCEL_CSV: CsvDialect = { bom: true, lineEnd: "\r\n", delimiter: ";" };

/** Columns the admin did not tick in the list's column picker; ids, names and relations stay. */
const UNSELECTED: Partial<Record<LeadforceFile, readonly string[]>> = {
  leads: ["Position", "Zip", "Last Contact", "Tags", "Source"],
  deals: ["Start Date", "CF: Competitor"],
  activities: ["Duration (min)"],
  files: ["Uploaded At"],
  items: ["Long Description", "Unit"],
};

/** The labels of an older Leadforce version. */
const RENAMED: Partial<Record<LeadforceFile, Readonly<Record<string, string>>>> = {
  leads: { Assigned: "Assigned To", "Lead Value": "Value" },
  deals: { Owner: "Deal Owner", "Expected Close": "Expected Close Date" },
  activities: { "Duration (min)": "Duration" },
  files: { Path: "File Path" },
};

/** What a browser names the downloads: dated for the lists exported from a date-filtered view. */
const DOWNLOAD_NAMES: Readonly<Record<LeadforceFile, string>> = {
  staff: "staff_export.csv",
  leads: "leads_export_2024-05-01.csv",
  pipelines: "pipelines_export.csv",
  deals: "deals_export_2024-05-01.csv",
  activities: "activities_export_2024-05-01.csv",
  notes: "notes_export_2024-05-01.csv",
  files: "files_export_2024-05-01.csv",
  items: "items_export.csv",
  proposals: "proposals_export.csv",
  proposal_items: "proposal-items_export.csv",
  invoices: "invoices_export.csv",
  invoice_items: "invoice-items_export.csv",
  custom_fields: "custom-fields_export.csv",
  auto_triggers: "auto-triggers_export.csv",
};

/** Every name a file of any shape can have, so --replace clears an export of another shape too. */
export const ALL_FILE_NAMES: readonly string[] = LEADFORCE_FILES.flatMap((f) => [`${f}.csv`, DOWNLOAD_NAMES[f]]);

/** One row as written: the cells of the sample's columns, and what an added custom field draws from. */
export interface CsvRecord extends FieldContext {
  index: number;
  cells: readonly string[];
}

/** A column of a shaped file: its header label and how a record fills it. */
export interface ShapedColumn {
  label: string;
  cell(record: CsvRecord): string;
}

export class LeadforceShape {
  readonly dialect: CsvDialect;

  constructor(
    readonly seed: number,
    readonly variants: readonly LeadforceVariant[],
  ) {
    this.dialect = this.has("layout") ? EXCEL_CSV : LEADFORCE_CSV;
  }

  has(variant: LeadforceVariant): boolean {
    return this.variants.includes(variant);
  }

  fileName(file: LeadforceFile): string {
    return this.has("file-names") ? DOWNLOAD_NAMES[file] : `${file}.csv`;
  }

  /** Whether the export has this file at all. */
  writes(file: LeadforceFile): boolean {
    return file !== "custom_fields" || !this.has("no-metadata");
  }

  /** The account's custom fields: the sample's, then the customer's own. */
  customFields(): CustomField[] {
    if (!this.has("custom-fields")) return [...CUSTOM_FIELDS];
    return [...CUSTOM_FIELDS, ...ADDED_FIELDS.leads.map((a) => a.field), ...ADDED_FIELDS.deals.map((a) => a.field)];
  }

  /** A file's columns before layout's reordering (which `columnOrder` does): picked, renamed, added. */
  columns(file: LeadforceFile): ShapedColumn[] {
    const sample = COLUMNS[file].flatMap((label, k): ShapedColumn[] =>
      this.isUnselected(file, label) ? [] : [{ label: this.label(file, label), cell: (r) => r.cells[k]! }],
    );
    if (!this.has("custom-fields") || (file !== "leads" && file !== "deals")) return sample;
    return [
      ...sample,
      ...ADDED_FIELDS[file].map((added): ShapedColumn => ({
        label: `CF: ${added.field.label}`,
        cell: (r) => added.draw(Random.forRecord(this.seed, "custom-field", file, added.field.label, r.index), r),
      })),
    ];
  }

  /** The order of a file's columns, as indices into `columns(file)`: the same, or shuffled by layout. */
  columnOrder(file: LeadforceFile, width: number): number[] {
    const same = Array.from({ length: width }, (_, k) => k);
    if (!this.has("layout") || width < 2) return same;
    const order = Random.forRecord(this.seed, "layout-columns", file).sample(same, width);
    // A shuffle may leave every column in place; another layout never matches by chance.
    return order.every((k, i) => k === i) ? [...same.slice(1), 0] : order;
  }

  private label(file: LeadforceFile, label: string): string {
    return (this.has("renamed") && RENAMED[file]?.[label]) || label;
  }

  private isUnselected(file: LeadforceFile, label: string): boolean {
    return this.has("unselected") && (UNSELECTED[file]?.includes(label) ?? false);
  }

  /** The README's account of the variants: what each changed, with the exact labels and file names. */
  readmeSection(scale: number): string[] {
    const origin = { source: "leadforce", seed: this.seed, scale, variants: this.variants };
    return variantsSection(origin, (variant) => this.variantNotes(variant));
  }

  private variantNotes(variant: LeadforceVariant): string[] {
    const perFile = <T>(table: Partial<Record<LeadforceFile, T>>, show: (value: T) => string) =>
      (Object.entries(table) as [LeadforceFile, T][]).map(([file, value]) => `  ${file}.csv: ${show(value)};`);
    switch (variant) {
      case "unselected":
        return [
          "- `unselected`: the admin did not select every column before exporting, so these are absent:",
          ...perFile(UNSELECTED, codeList),
          ...(this.writes("custom_fields")
            ? ["  custom_fields.csv still describes Competitor (the field exists; only its column was not exported)."]
            : []),
          "  Awkward cases above that live in an absent column are not in this export.",
        ];
      case "renamed":
        return [
          "- `renamed`: an export from an older Leadforce version, whose columns had other labels (sample label → this export's):",
          ...perFile(RENAMED, (renames) =>
            Object.entries(renames)
              .map(([from, to]) => `\`${from}\` → \`${to}\``)
              .join(", "),
          ),
        ];
      case "custom-fields":
        return [
          "- `custom-fields`: the customer's own custom fields, one of each type, as `CF: …` columns after the sample's;",
          "  custom_fields.csv describes them. Cells as the sample's: options by label (a multiselect's joined by `, `),",
          "  numbers plain, dates `DD-MM-YYYY`, checkboxes `1`/`0`; about one record in five leaves a field empty.",
          ...(["leads", "deals"] as const).map(
            (file) =>
              `  ${file}.csv: ${ADDED_FIELDS[file].map((a) => `\`CF: ${a.field.label}\` (${a.field.type})`).join(", ")};`,
          ),
        ];
      case "no-metadata":
        return [
          "- `no-metadata`: custom_fields.csv was not exported. The `CF: …` columns are still in leads and deals; their",
          "  types and options are known only from the cells.",
        ];
      case "file-names":
        return [
          "- `file-names`: each file is named as the browser saved the download (the files/ folder is unchanged):",
          `  ${LEADFORCE_FILES.filter((f) => this.writes(f))
            .map((f) => `${f}.csv → \`${DOWNLOAD_NAMES[f]}\``)
            .join(", ")}.`,
        ];
      case "layout":
        return [
          "- `layout`: saved through Excel. Every CSV starts with a UTF-8 byte order mark and has CRLF line ends (a line break",
          "  inside a quoted cell stays a bare LF), and its columns come in another order (labels unchanged); still `;`.",
        ];
    }
  }
}
