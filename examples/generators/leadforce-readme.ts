// The README of a Leadforce export: the format, the files with their record counts, the variants applied,
// and the awkward cases with their ids.
import type { WrittenFile } from "./export-files.js";
import { STAFF, fullName } from "./leadforce-account.js";
import { ACCOUNT_TIME_ZONE } from "./leadforce-format.js";
import type { LeadforceModel } from "./leadforce-model.js";
import { LEADFORCE_FILES, type LeadforceFile } from "./leadforce-rows.js";
import { leadforceTraps } from "./leadforce-traps.js";
import type { LeadforceShape } from "./leadforce-variants.js";
import { awkwardCasesSection, csvEncoding, readmeHeading } from "./readme-tables.js";

const WHAT: Readonly<Record<LeadforceFile, string>> = {
  staff: "staff members (users); one inactive",
  leads: "leads, each with its company, website and address; custom fields as `CF: …` columns",
  pipelines: "the stages of the two deal pipelines, Sales and Channel Partners (same stage names in both)",
  deals: "deals; about half came from a lead (`Lead ID`)",
  activities: "calls, e-mails, meetings and tasks of leads and deals",
  notes: "notes of leads and deals, HTML from the rich-text editor",
  files: "attachments of leads and deals; the files themselves are under files/",
  items: "the product and service catalogue (not scaled)",
  proposals: "proposals (quotations) for open and won deals",
  proposal_items: "proposal lines",
  invoices: "invoices of won deals",
  invoice_items: "invoice lines",
  custom_fields: "the custom fields behind the `CF: …` columns",
  auto_triggers: "automation triggers (for the workflow inventory only, not migrated)",
};

export function readme(model: LeadforceModel, shape: LeadforceShape, written: readonly WrittenFile[]): string {
  const origin = { source: "leadforce", seed: model.seed, scale: model.scale, variants: shape.variants };
  return [
    ...readmeHeading("Leadforce CRM sample export", origin),
    "Leadforce is a budget CRM built on Perfex CRM, with no public API: its admin downloads one CSV per list from the web",
    "interface. This is the account of Tejas Softlink, a B2B software reseller in Bengaluru (CRM, ERP, HRMS and analytics",
    "licences and services), with customers in India, the United Arab Emirates and Singapore.",
    "",
    ...formatSection(shape),
    ...filesSection(model, shape, written),
    ...shape.readmeSection(model.scale),
    ...awkwardCasesSection(leadforceTraps(model.scale, model.seed, shape.variants)),
    `Staff: ${STAFF.map((s) => `${s.id} ${fullName(s)}${s.active ? "" : " (inactive)"}`).join(", ")}.`,
    "",
  ].join("\n");
}

function formatSection(shape: LeadforceShape): string[] {
  return [
    "## Format",
    "",
    `- CSV, ${csvEncoding(shape.dialect)}, \`;\`-delimited. A cell is quoted only when it holds`,
    '  `;`, `"` or a line break (a quote inside is doubled); a line break inside a quoted cell is a bare LF.',
    "  The first row holds the column labels.",
    `- Dates are \`DD-MM-YYYY\`; date-times \`DD-MM-YYYY HH:MM\`, wall-clock time in the account's time zone, ${ACCOUNT_TIME_ZONE}`,
    "  (UTC+05:30 all year), with no offset. Empty cells are empty; flags (Active, Lost, Junk, Completed) are `1`/`0`.",
    "- Money is a plain decimal in the row's `Currency` (`INR`, or `USD` for customers abroad): amounts (Lead Value, Deal",
    "  Value, Total) with two decimals, `12500.00`; rates as typed, `7499.5`, `45000`. Quantities are `2`, `1.5`.",
    "  A proposal's Total is Σ Qty × Rate of its lines, before tax; an invoice's Total includes GST:",
    "  Σ (Qty × Rate + Tax % of it, rounded to the paisa). items.csv's Tax is `18%` or `0%`; lines carry `Tax %` as `18`, `0`",
    "  (`0` on every line of a USD deal: exports of services are zero-rated). A line's Rate may differ from the item's.",
    "- Ids are whole numbers counted per file (lead ids have a gap where a lead was deleted), so an activity, note or",
    "  file names its record by `Related To` (`lead` or `deal`) and `Related ID` together. Items are keyed by SKU,",
    "  invoices by `Invoice Number`.",
    "- A lead holds its company: `Company`, `Website` and the address columns. Several leads can name one company,",
    "  spelled differently; the website's domain is the best key. A deal names its company and contact by",
    "  `Company` and `Primary Contact Email`, as one of the company's leads spells them, and `Lead ID` when it came",
    "  from a lead.",
    "- Leads name their staff member by e-mail (`Assigned`, in any case); deals, activities and notes by full name",
    "  (`Owner`, `Added By`). Tags are comma-separated.",
    "- `CF: <label>` columns are custom fields, described in custom_fields.csv: a select holds its option's label, a",
    "  multiselect its labels joined by `, `, a checkbox `1`/`0`, a date_picker a date, a number a plain number.",
    "- files.csv's `Path` is relative to the export folder: `files/leads/<lead id>/<name>` or `files/deals/<deal id>/<name>`.",
    "",
  ];
}

function filesSection(model: LeadforceModel, shape: LeadforceShape, written: readonly WrittenFile[]): string[] {
  const count = (path: string) => written.find((w) => w.path === path)?.records ?? 0;
  const rows = LEADFORCE_FILES.filter((file) => shape.writes(file)).map((file) => {
    const name = shape.fileName(file);
    return `| ${file === "files" ? `${name} + files/` : name} | ${count(name)} | ${WHAT[file]} |`;
  });
  return [
    "## Files",
    "",
    `Scale ${model.scale}: staff, pipelines, items, custom fields and triggers are the account's and do not grow with the scale.`,
    "",
    "| file | records | what |",
    "| --- | ---: | --- |",
    ...rows,
    "",
  ];
}
