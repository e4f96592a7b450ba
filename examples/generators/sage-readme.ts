// The README of a Sage CRM export: the format, the files with their record counts, the variants applied, and
// the awkward cases with their ids.
import type { WrittenFile } from "./export-files.js";
import { awkwardCasesSection, readmeHeading } from "./readme-tables.js";
import { CURRENCIES, USERS, userName } from "./sage-account.js";
import { SERVER_TIME_ZONE, sageDateTime } from "./sage-format.js";
import { EXPORTED_AT, type SageModel } from "./sage-model.js";
import { SAGE_TABLES, type SageTable } from "./sage-rows.js";
import { sageTraps } from "./sage-traps.js";
import type { SageShape } from "./sage-variants.js";

const WHAT: Readonly<Record<SageTable, string>> = {
  Users: "users, a disabled one and a resource (the boardroom); not scaled",
  Currency: "the currencies of `Oppo_Forecast_CID`; not scaled",
  Custom_Captions: "the labels (US, UK, German) of the codes every selection column holds, family = column name",
  Custom_Tables: "the tables by `Bord_TableId` (what `Note_ForeignTableId` names), and the custom entity Project",
  Custom_Edits: "the customer's own columns on standard tables, and the custom entity's columns",
  Company: "companies in the UK, Ireland, Germany, Austria, Denmark, Norway, France, the Netherlands and Belgium",
  Person: "persons, most working for a company (`Pers_CompanyId`), some private customers",
  Address: "addresses of companies (business and billing) and of private persons",
  Address_Link: "which company and person each address belongs to",
  Email: "e-mail addresses",
  EmailLink: "which company (entity 5) or person (13) each e-mail address belongs to",
  Phone: "phone numbers, split into country code, area code and number",
  PhoneLink: "which company or person each number belongs to, as Business, Mobile or Fax",
  Lead: "leads, some linked to a company and person, the others spelling theirs out",
  Opportunity: "opportunities: In Progress, Won, Lost, Abandoned, with forecast, certainty and target close",
  Cases: "customer service cases",
  Communication: "tasks (calls, e-mails, notes, to-dos) and appointments (meetings)",
  Comm_Link: "what each communication is linked to: a user, a person, a company, a lead, in any combination",
  Library: "documents of companies, persons, opportunities, cases and e-mails; the files are under Library/",
  Notes: "notes on records of any table, by `Note_ForeignTableId`",
  Project: "the custom entity Project (Custom_Tables.Bord_Name), one per won opportunity's installation",
  WorkflowRule: "workflow rules (for the workflow inventory only, not migrated)",
  Custom_Reports: "reports (for the report inventory only, not migrated)",
  Custom_ScreenObjects: "screens, lists and ASP pages (for the customisation inventory only, not migrated)",
};

/** The configuration tables, which do not grow with the scale. */
const FIXED: readonly SageTable[] = [
  "Users",
  "Currency",
  "Custom_Captions",
  "Custom_Tables",
  "Custom_Edits",
  "WorkflowRule",
  "Custom_Reports",
  "Custom_ScreenObjects",
];

export function readme(model: SageModel, shape: SageShape, written: readonly WrittenFile[]): string {
  const origin = { source: "sage", seed: model.seed, scale: model.scale, variants: shape.variants };
  return [
    ...readmeHeading("Sage CRM sample export", origin),
    "Sage CRM runs on SQL Server; this is a dump of its tables, one CSV per table, as SQL Server Management Studio",
    "saves a result grid. The installation is Calder & Finch Instruments Ltd of Leeds, a supplier of laboratory and",
    "process instruments and their calibration and service, with customers in the UK and Ireland, Germany and Austria,",
    "Denmark and Norway, France and the Benelux.",
    "",
    ...formatSection(shape),
    ...filesSection(model, shape, written),
    ...shape.readmeSection(model.scale),
    ...awkwardCasesSection(sageTraps(model.scale, model.seed, shape.variants)),
    `Users: ${USERS.map((u) => `${u.id} ${userName(u)}${u.disabled ? " (disabled)" : u.resource ? " (resource)" : ""}`).join(", ")}.`,
    "",
  ].join("\n");
}

function formatSection(shape: SageShape): string[] {
  const encoding =
    shape.dialect.encoding === "windows-1252"
      ? [
          "- Windows-1252, the server's code page: `é` is the one byte 0xE9, `€` 0x80, `’` 0x92; a letter the code page",
          "  lacks was written as `?`. Files in Library/ are as they were uploaded.",
        ]
      : ["- UTF-8 with a byte order mark. Files in Library/ are as they were uploaded."];
  const nulls = shape.dialect.nullText === "NULL" ? "`NULL` (unquoted)" : "an empty cell";
  return [
    "## Format",
    "",
    `- One CSV per table, named after it (\`${shape.fileName("Company")}\`), the first row the table's column names;`,
    "  comma-delimited, CRLF line ends. A cell is quoted only when it holds a comma, a quote or a line break (a quote",
    "  inside is doubled); a line break inside a cell is CRLF too.",
    ...encoding,
    `- Null is ${nulls}. Flags (\`User_Disabled\`, \`Comm_Private\`, \`Comm_HasAttachments\`, checkbox custom columns) are \`Y\``,
    "  or null. Every table ends in its audit columns `<p>_CreatedBy, <p>_CreatedDate, <p>_UpdatedBy, <p>_UpdatedDate,",
    "  <p>_TimeStamp, <p>_Deleted` (p the table's prefix); `_Deleted` is null for a live row and `1` for a deleted one,",
    "  which must not migrate. The customer's custom columns (Custom_Edits.csv) come after the audit columns.",
    `- Date-times are \`${sageDateTime(EXPORTED_AT)}\`: SQL Server's datetime in the server's local time, ${SERVER_TIME_ZONE}`,
    "  (GMT in winter, BST = UTC+1 in summer), with no offset; the milliseconds of a server stamp end in 0, 3 or 7.",
    "  A date (`proj_StartDate`, a date custom column) is a datetime at midnight. Money has four decimals, `12500.0000`,",
    `  in the currency of \`Oppo_Forecast_CID\` (${CURRENCIES.map((c) => `${c.id} ${c.symbol}`).join(", ")}).`,
    "- Selection columns (`*_Type`, `*_Status`, `*_Stage`, `*_Source`, `*_Priority`, `Comp_Revenue`, `Addr_Country`, …) hold",
    "  codes; Custom_Captions.csv gives their labels by `Capt_Family` (the column's name) and `Capt_Code`.",
    "- Ids are whole numbers counted per table. A person's company is `Pers_CompanyId`, a company's main contact",
    "  `Comp_PrimaryPersonId`. Addresses link through Address_Link (`AdLi_CompanyID`, `AdLi_PersonID`); e-mail",
    "  addresses and phone numbers through EmailLink and PhoneLink by entity (5 Company, 13 Person) and record id.",
    "- A communication reaches its records only through Comm_Link: each row names any of a user, a person, a company",
    "  and a lead; a meeting has a row per attendee. `Comm_OpportunityId` and `Comm_CaseId` sit on the communication.",
    "- A Library file is at `Library/` + `Libr_FilePath` + `Libr_FileName`, the path with Windows `\\` separators and a",
    "  trailing `\\` (`N\\Nordsø Vandteknik ApS\\`); on disk the names are UTF-8.",
    `- \`Note_ForeignTableId\` is a \`Custom_Tables.Bord_TableId\`. The custom entity's table is named by \`Bord_Name\`.`,
    "- Self-service portal access is on the person: `Pers_WebStatus` and `Pers_WebLogin`.",
    "",
  ];
}

function filesSection(model: SageModel, shape: SageShape, written: readonly WrittenFile[]): string[] {
  const count = (path: string) => written.find((w) => w.path === path)?.records ?? 0;
  const rows = SAGE_TABLES.map((table) => {
    const name = shape.fileName(table);
    return `| ${table === "Library" ? `${name} + Library/` : name} | ${count(name)} | ${WHAT[table]} |`;
  });
  return [
    "## Files",
    "",
    `Scale ${model.scale}: ${FIXED.join(", ")} are the installation's and do not grow`,
    "with the scale.",
    "",
    "| file | records | what |",
    "| --- | ---: | --- |",
    ...rows,
    "",
  ];
}
