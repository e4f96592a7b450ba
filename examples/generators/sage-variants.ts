// The variants of a Sage CRM export: how real dumps of this format differ from customer to customer
// (/work/shared/formats/sage.md, "How real exports of this format differ"). A SageShape decides, for the
// variants asked for, everything about the files that is not the records themselves: what each file is called,
// which columns it has and under which names, which custom columns there are, how the text is encoded and what
// a null prints as. With no variant it is the sample's shape, byte for byte.
import { Random } from "./random.js";
import { codeList, renameList, variantsSection } from "./readme-tables.js";
import { ADDED_COLUMNS, SAMPLE_COLUMNS, type CustomColumn, type FieldTable } from "./sage-custom-fields.js";
import type { CsvDialect } from "./export-files.js";
import { PREFIXES, SAGE_TABLES, sampleColumns, type SageTable, type TableRow } from "./sage-rows.js";
import { encodeWindows1252, type Cell } from "./sage-format.js";
import { resolveVariants, type ExportVariant } from "./variants.js";

export const SAGE_VARIANTS = [
  {
    name: "unselected",
    summary: "columns the customer's SELECT left out: some non-key columns of eight tables, and every _TimeStamp",
  },
  {
    name: "renamed",
    summary:
      "an upgraded installation's spellings: Comp_Website, Oppo_Targetclose, Comm_To, Libr_Path, AdLi_CompanyId, …",
  },
  {
    name: "custom-fields",
    summary:
      "more customer columns on Company, Person, Lead, Opportunity and Cases, one of each entry type, in Custom_Edits.csv",
  },
  { name: "utf8-bom", summary: "every CSV in UTF-8 with a byte order mark instead of Windows-1252" },
  { name: "empty-null", summary: "null written as an empty cell instead of NULL (the export wizard)" },
  {
    name: "file-names",
    summary: "files named with their schema: dbo.Company.csv, dbo.Person.csv, …; Library/ unchanged",
  },
] as const satisfies readonly ExportVariant[];

export type SageVariant = (typeof SAGE_VARIANTS)[number]["name"];

/** The variants `requested` names (`all` for every one), in SAGE_VARIANTS order. */
export function resolveSageVariants(requested: readonly string[] | undefined): SageVariant[] {
  return resolveVariants(SAGE_VARIANTS, requested);
}

/** How a dump writes its text and nulls. */
export interface SageDialect {
  encoding: "windows-1252" | "utf-8-bom";
  /** What a null prints as: `NULL` (Save Results As) or nothing (the export wizard). */
  nullText: "NULL" | "";
}

/** The sample's dialect: Windows-1252, `NULL` for null (SQL Server Management Studio's Save Results As). */
export const SAGE_CSV: SageDialect = { encoding: "windows-1252", nullText: "NULL" };

/** Columns the customer's SELECT did not list; keys, names and relations stay. */
const UNSELECTED: Partial<Record<SageTable, readonly string[]>> = {
  Company: ["Comp_Territory", "Comp_Revenue", "Comp_Employees", "Comp_MailRestriction"],
  Person: ["Pers_Salutation", "Pers_Department"],
  Address: ["Addr_Address3", "Addr_Address4", "Addr_State"],
  Lead: ["Lead_Details", "Lead_Rating", "Lead_PersonPhoneNumber"],
  Opportunity: ["Oppo_Priority", "Oppo_Opened", "Oppo_Note"],
  Cases: ["Case_ProblemType", "Case_SolutionNote"],
  Communication: ["Comm_Email", "Comm_Location"],
  Library: ["Libr_Note"],
};

/**
 * The spellings of an installation upgraded from an older Sage CRM, whose tables were created by other install
 * scripts. SQL Server does not care about the case of a column name; a header row does.
 */
const RENAMED: Partial<Record<SageTable, Readonly<Record<string, string>>>> = {
  Company: { Comp_WebSite: "Comp_Website" },
  Address_Link: { AdLi_CompanyID: "AdLi_CompanyId", AdLi_PersonID: "AdLi_PersonId" },
  EmailLink: { ELink_RecordID: "ELink_RecordId" },
  PhoneLink: { PLink_EntityID: "PLink_EntityId", PLink_RecordID: "PLink_RecordId" },
  Lead: { Lead_CompanyWebSite: "Lead_CompanyWebsite" },
  Opportunity: { Oppo_TargetClose: "Oppo_Targetclose" },
  Communication: { Comm_TO: "Comm_To" },
  Library: { Libr_FilePath: "Libr_Path" },
};

/** The file a table is written to. */
const plainName = (table: SageTable) => `${table}.csv`;
const schemaName = (table: SageTable) => `dbo.${table}.csv`;

/** Every name a file of any shape can have, so --replace clears an export of another shape too. */
export const ALL_FILE_NAMES: readonly string[] = SAGE_TABLES.flatMap((t) => [plainName(t), schemaName(t)]);

/** A column of a shaped table: its header and how a row fills it. */
export interface ShapedColumn {
  label: string;
  cell(row: TableRow): Cell;
}

const FIELD_TABLES: readonly string[] = ["Company", "Person", "Lead", "Opportunity", "Cases"];
const isFieldTable = (table: SageTable): table is SageTable & FieldTable => FIELD_TABLES.includes(table);

export class SageShape {
  readonly dialect: SageDialect;
  /** The CSV files' dialect: comma-delimited, CRLF, and Windows-1252 or UTF-8 with a byte order mark. */
  readonly csv: CsvDialect;

  constructor(
    readonly seed: number,
    readonly variants: readonly SageVariant[],
  ) {
    this.dialect = {
      encoding: this.has("utf8-bom") ? "utf-8-bom" : SAGE_CSV.encoding,
      nullText: this.has("empty-null") ? "" : SAGE_CSV.nullText,
    };
    const utf8 = this.dialect.encoding === "utf-8-bom";
    this.csv = { bom: utf8, lineEnd: "\r\n", delimiter: ",", ...(utf8 ? {} : { encode: encodeWindows1252 }) };
  }

  /** A cell as the dump prints it: null as `NULL` or nothing, a line break as CRLF (Sage's users typed on Windows). */
  print(cell: Cell): string {
    return cell === null ? this.dialect.nullText : cell.replace(/\r?\n/g, "\r\n");
  }

  has(variant: SageVariant): boolean {
    return this.variants.includes(variant);
  }

  fileName(table: SageTable): string {
    return this.has("file-names") ? schemaName(table) : plainName(table);
  }

  /** The custom columns the variant adds: none for the sample. */
  addedColumns(): readonly CustomColumn[] {
    return this.has("custom-fields") ? ADDED_COLUMNS : [];
  }

  /** A table's custom columns: the sample's, then those the variant adds. */
  customColumns(table: SageTable): CustomColumn[] {
    if (!isFieldTable(table)) return [];
    return [...SAMPLE_COLUMNS, ...this.addedColumns()].filter((c) => c.table === table);
  }

  /** A table's columns as written: the sample's, less the unselected, renamed, then its custom columns. */
  columns(table: SageTable): ShapedColumn[] {
    const own = sampleColumns(table).flatMap((label, k): ShapedColumn[] =>
      this.isUnselected(table, label) ? [] : [{ label: this.label(table, label), cell: (row) => row.cells[k]! }],
    );
    const custom = this.customColumns(table).map((column): ShapedColumn => ({
      label: column.column,
      cell: (row) =>
        column.draw(Random.forRecord(this.seed, "custom-field", table, column.column, row.index), row.context!),
    }));
    return [...own, ...custom];
  }

  private label(table: SageTable, label: string): string {
    return (this.has("renamed") && RENAMED[table]?.[label]) || label;
  }

  private isUnselected(table: SageTable, label: string): boolean {
    if (!this.has("unselected")) return false;
    return label === `${PREFIXES[table]}_TimeStamp` || (UNSELECTED[table]?.includes(label) ?? false);
  }

  /** The README's account of the variants: what each changed, with the exact columns and file names. */
  readmeSection(scale: number): string[] {
    const origin = { source: "sage", seed: this.seed, scale, variants: this.variants };
    return variantsSection(origin, (variant) => this.variantNotes(variant));
  }

  private variantNotes(variant: SageVariant): string[] {
    const perTable = <T>(entries: Partial<Record<SageTable, T>>, show: (value: T) => string) =>
      (Object.entries(entries) as [SageTable, T][]).map(
        ([table, value]) => `  ${this.fileName(table)}: ${show(value)};`,
      );
    switch (variant) {
      case "unselected":
        return [
          "- `unselected`: the customer's SELECT listed its columns and left these out, so they are absent:",
          ...perTable(UNSELECTED, codeList),
          "  and every table's `<prefix>_TimeStamp` (the other audit columns stay). Awkward cases above that live in an",
          "  absent column are not in this export.",
        ];
      case "renamed":
        return [
          "- `renamed`: an installation upgraded from an older Sage CRM, whose tables were created by other install scripts",
          "  and spell some columns differently (SQL Server ignores the case of a name; the header row keeps it). Sample",
          "  column → this export's:",
          ...perTable(RENAMED, renameList),
        ];
      case "custom-fields":
        return [
          "- `custom-fields`: the customer added more columns of their own, one of each entry type, after the sample's custom",
          "  columns; Custom_Edits.csv describes them (ColP_EntryType 10 text, 11 multiline, 21 selection, 31 integer,",
          "  32 numeric, 41 date and time, 42 date, 45 checkbox, 51 currency) and Custom_Captions.csv gives their labels",
          "  (family `ColNames`) and the selection's codes. Null for some records:",
          ...FIELD_TABLES.map(
            (table) =>
              `  ${this.fileName(table as SageTable)}: ${ADDED_COLUMNS.filter((c) => c.table === table)
                .map((c) => `\`${c.column}\` (${c.entryType})`)
                .join(", ")};`,
          ),
        ];
      case "utf8-bom":
        return [
          "- `utf8-bom`: every CSV is UTF-8 and starts with a byte order mark (the dump was saved as Unicode), so",
          "  letters outside Windows-1252 survive: Małgorzata Kołodziej is spelled right (the sample has `Ma?gorzata Ko?odziej`).",
        ];
      case "empty-null":
        return [
          "- `empty-null`: written by the SQL Server Import and Export Wizard, which prints a null as an empty cell: no",
          "  `NULL` anywhere, and an empty cell is null (Pers_LastName `Null` is now only a name).",
        ];
      case "file-names":
        return [
          "- `file-names`: each table's file carries its schema, as a bcp script over `sys.tables` names them:",
          `  ${SAGE_TABLES.map((t) => `${plainName(t)} → \`${schemaName(t)}\``).join(", ")}. Library/ is unchanged.`,
        ];
    }
  }
}
