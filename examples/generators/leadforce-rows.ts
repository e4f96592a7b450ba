// The files of a Leadforce export and their columns in the sample, and each record as the cells of those
// columns, printed as Leadforce prints them (leadforce-format.ts). A variant then picks, renames, adds and
// reorders columns (leadforce-variants.ts); the cells here do not change.
import type { Activity, ExportedFile, Note } from "./leadforce-activities.js";
import {
  AUTO_TRIGGERS,
  CUSTOM_FIELDS,
  ITEMS,
  PIPELINE_STAGES,
  STAFF,
  staffEmail,
  type CustomField,
} from "./leadforce-account.js";
import { flag, lfDate, lfDateTime, money2, moneyPlain, quantity } from "./leadforce-format.js";
import type { Deal, Lead } from "./leadforce-model.js";
import type { Invoice, Line, Proposal } from "./leadforce-sales.js";

/** The files, in the order they are written. */
export const LEADFORCE_FILES = [
  "staff",
  "leads",
  "pipelines",
  "deals",
  "activities",
  "notes",
  "files",
  "items",
  "proposals",
  "proposal_items",
  "invoices",
  "invoice_items",
  "custom_fields",
  "auto_triggers",
] as const;

export type LeadforceFile = (typeof LEADFORCE_FILES)[number];

const cf = (belongsTo: CustomField["belongsTo"]) =>
  CUSTOM_FIELDS.filter((f) => f.belongsTo === belongsTo).map((f) => `CF: ${f.label}`);

/** Each file's columns in the sample, in order. */
export const COLUMNS: Readonly<Record<LeadforceFile, readonly string[]>> = {
  staff: ["Staff ID", "First Name", "Last Name", "Email", "Active"],
  leads: [
    ...["ID", "Name", "Position", "Company", "Website", "Email", "Phone", "Address", "City", "State", "Zip"],
    ...["Country", "Lead Value", "Currency", "Status", "Source", "Assigned", "Tags", "Created", "Last Contact"],
    ...["Lost", "Junk", ...cf("leads")],
  ],
  pipelines: ["Pipeline", "Stage", "Order", "Probability"],
  deals: [
    ...["Deal ID", "Deal Name", "Pipeline", "Stage", "Deal Value", "Currency", "Owner", "Lead ID", "Company"],
    ...["Primary Contact Email", "Start Date", "Expected Close", "Status", ...cf("deals")],
  ],
  activities: [
    ...["Activity ID", "Type", "Subject", "Description", "Date", "Duration (min)", "Related To", "Related ID"],
    ...["Owner", "Completed"],
  ],
  notes: ["Note ID", "Related To", "Related ID", "Note", "Added By", "Date Added"],
  files: ["File ID", "Related To", "Related ID", "File Name", "Path", "Uploaded At"],
  items: ["SKU", "Description", "Long Description", "Rate", "Tax", "Unit"],
  proposals: ["Proposal ID", "Subject", "Deal ID", "Total", "Currency", "Status", "Date", "Open Till"],
  proposal_items: ["Proposal ID", "SKU", "Description", "Qty", "Rate", "Tax %"],
  invoices: ["Invoice Number", "Company", "Deal ID", "Date", "Due Date", "Status", "Total", "Currency"],
  invoice_items: ["Invoice Number", "SKU", "Description", "Qty", "Rate", "Tax %"],
  custom_fields: ["Field", "Belongs To", "Type", "Options"],
  auto_triggers: ["Trigger", "Object", "Event", "Condition", "Action", "Active"],
};

export function staffRows(): string[][] {
  return STAFF.map((s) => [String(s.id), s.first, s.last, staffEmail(s), flag(s.active)]);
}

export function pipelineRows(): string[][] {
  return PIPELINE_STAGES.map(({ pipeline, stage }) => [
    pipeline,
    stage.name,
    String(stage.order),
    String(stage.probability),
  ]);
}

export function itemRows(): string[][] {
  return ITEMS.map((i) => [i.sku, i.description, i.longDescription, moneyPlain(i.rate), `${i.tax}%`, i.unit]);
}

/** custom_fields.csv: the sample's fields, then those a variant adds. */
export function customFieldRows(fields: readonly CustomField[]): string[][] {
  return fields.map((f) => [f.label, f.belongsTo, f.type, f.options.join(", ")]);
}

export function autoTriggerRows(): string[][] {
  return AUTO_TRIGGERS.map(([trigger, object, event, condition, action, active]) => [
    trigger,
    object,
    event,
    condition,
    action,
    flag(active),
  ]);
}

export function leadRow(l: Lead): string[] {
  return [
    ...[String(l.id), l.name, l.position, l.company, l.website, l.email, l.phone, l.address, l.city, l.state, l.zip],
    ...[l.country, money2(l.value), l.currency, l.status, l.source, l.assigned, l.tags, lfDateTime(l.created)],
    ...[lfDateTime(l.lastContact), flag(l.lost), flag(l.junk)],
    // CF: Industry, Budget, Products of interest, Newsletter, Next review, Referral code
    ...[l.industry, l.budget === undefined ? "" : moneyPlain(l.budget), l.products.join(", "), flag(l.newsletter)],
    ...[lfDate(l.nextReview), l.referralCode],
  ];
}

export function dealRow(d: Deal, leadId: (index: number) => number): string[] {
  return [
    ...[String(d.id), d.name, d.pipeline, d.stage, money2(d.value), d.currency, d.owner],
    ...[d.lead === undefined ? "" : String(leadId(d.lead)), d.company, d.contactEmail, lfDate(d.start)],
    ...[lfDate(d.expectedClose), d.status],
    // CF: Contract term, Renewal, Competitor
    ...[d.contractTerm === undefined ? "" : String(d.contractTerm), flag(d.renewal), d.competitor],
  ];
}

export function activityRow(a: Activity): string[] {
  return [
    ...[String(a.id), a.type, a.subject, a.description, lfDateTime(a.date)],
    ...[a.duration === undefined ? "" : String(a.duration), a.related.relatedTo, String(a.related.id)],
    ...[a.owner, flag(a.completed)],
  ];
}

export function noteRow(n: Note): string[] {
  return [String(n.id), n.related.relatedTo, String(n.related.id), n.body, n.addedBy, lfDateTime(n.dateAdded)];
}

export function fileRow(f: ExportedFile): string[] {
  return [String(f.id), f.related.relatedTo, String(f.related.id), f.name, f.path, lfDateTime(f.uploadedAt)];
}

export function proposalRow(p: Proposal): string[] {
  return [
    ...[String(p.id), p.subject, String(p.deal.id), money2(p.total), p.deal.currency, p.status],
    ...[lfDate(p.date), lfDate(p.openTill)],
  ];
}

export function invoiceRow(i: Invoice): string[] {
  return [
    ...[i.number, i.company, String(i.deal.id), lfDate(i.date), lfDate(i.due), i.status, money2(i.total)],
    i.deal.currency,
  ];
}

/** A line of proposal_items.csv or invoice_items.csv, under its proposal id or invoice number. */
export function lineRow(owner: string, line: Line): string[] {
  return [owner, line.sku, line.description, quantity(line.halves), moneyPlain(line.rate), String(line.tax)];
}
