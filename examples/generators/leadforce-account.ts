// The configuration of the Leadforce account, which does not grow with the scale: staff, pipelines, the
// product catalogue, the custom fields and the automation triggers.
import { asciiFold } from "./person-names.js";

export interface Staff {
  id: number;
  first: string;
  last: string;
  active: boolean;
}

export const STAFF_DOMAIN = "leadforce-demo.in";

export const STAFF: readonly Staff[] = [
  { id: 1, first: "Priya", last: "Raghunathan", active: true },
  { id: 2, first: "Arjun", last: "Mehta", active: true },
  { id: 3, first: "Zoë", last: "Fernandes", active: true },
  { id: 4, first: "Karthik", last: "Subramanian", active: true },
  // Left the company: still owns old leads and deals, and an automation trigger notifies him.
  { id: 5, first: "Rohan", last: "Kapoor", active: false },
  { id: 6, first: "Meera", last: "Nair", active: true },
];

export const ACTIVE_STAFF = STAFF.filter((s) => s.active);
export const INACTIVE_STAFF = STAFF.find((s) => !s.active)!;

/** A former employee whose account was deleted: records still name him, staff.csv does not. */
export const DELETED_STAFF = { first: "Vikram", last: "Singh" } as const;

/** Staff e-mails are the ASCII-folded name: `zoe.fernandes@leadforce-demo.in`. */
export function staffEmail(person: { first: string; last: string }): string {
  return `${asciiFold(person.first)}.${asciiFold(person.last)}@${STAFF_DOMAIN}`;
}

export const fullName = (person: { first: string; last: string }): string => `${person.first} ${person.last}`;

export type DealStatus = "open" | "won" | "lost";

export interface Stage {
  name: string;
  order: number;
  probability: number;
}

/** Both pipelines have the same stage names; a stage is only known by pipeline and name together. */
const STAGES: readonly Stage[] = [
  { name: "Qualification", order: 1, probability: 10 },
  { name: "Proposal", order: 2, probability: 40 },
  { name: "Negotiation", order: 3, probability: 70 },
  { name: "Won", order: 4, probability: 100 },
  { name: "Lost", order: 5, probability: 0 },
];

export const PIPELINES = ["Sales", "Channel Partners"] as const;
export type Pipeline = (typeof PIPELINES)[number];

export const PIPELINE_STAGES: readonly { pipeline: Pipeline; stage: Stage }[] = PIPELINES.flatMap((pipeline) =>
  STAGES.map((stage) => ({ pipeline, stage })),
);

export const OPEN_STAGES = STAGES.filter((s) => s.probability > 0 && s.probability < 100).map((s) => s.name);

export interface Item {
  sku: string;
  description: string;
  longDescription: string;
  /** List rate in paise. */
  rate: number;
  /** GST percent: 18 for software and services, 0 for exempt education and zero-rated exports. */
  tax: 18 | 0;
  unit: "Nos" | "Hours" | "Licence";
}

const item = (
  sku: string,
  description: string,
  longDescription: string,
  rupees: number,
  tax: Item["tax"],
  unit: Item["unit"],
): Item => ({ sku, description, longDescription, rate: Math.round(rupees * 100), tax, unit });

export const ITEMS: readonly Item[] = [
  item("LF-CRM-001", "CRM Standard licence", "Per user per year. Leads, deals, proposals.", 7499.5, 18, "Licence"),
  item("LF-CRM-002", "CRM Enterprise licence", "Per user per year. Adds workflows; API access.", 14999, 18, "Licence"),
  item("LF-CRM-003", "CRM onboarding package", "Setup, data import and two training sessions.", 25000, 18, "Nos"),
  item("LF-ERP-001", "ERP Core licence", "Accounting, GST returns, inventory basics.", 45000, 18, "Licence"),
  item("LF-ERP-002", "ERP Inventory module", "Batches, serial numbers; multi-warehouse.", 18000, 18, "Licence"),
  item("LF-ERP-003", "GST e-invoicing add-on", 'IRN generation and "e-way bill" printing.', 9999, 18, "Licence"),
  item("LF-HR-001", "HRMS Payroll licence", "Per employee per year. PF, ESI, PT.", 1200, 18, "Licence"),
  item("LF-HR-002", "Biometric attendance device", "Fingerprint and face; syncs with HRMS.", 8500, 18, "Nos"),
  item("LF-BI-001", "Analytics dashboard pack", "Ten dashboards for sales and finance.", 30000, 18, "Licence"),
  item("LF-SVC-001", "Implementation consulting", "Billed per hour, remote or on site.", 2500, 18, "Hours"),
  item("LF-SVC-002", "Data migration", "From Excel, Tally or another CRM.", 1800, 18, "Hours"),
  item("LF-SVC-003", "On-site training day", "Up to 15 participants; travel extra.", 12000, 18, "Nos"),
  item("LF-SVC-004", "Annual maintenance contract", "Updates, support 9x6, one health check.", 35000, 18, "Nos"),
  item("LF-TRN-001", "Online course for schools", "Exempt education service.\nNo GST.", 4999.5, 0, "Nos"),
  item("LF-EXP-001", "Remote support for overseas clients", "Zero-rated export of services.", 2500, 0, "Hours"),
];

export type CustomFieldType = "input" | "number" | "select" | "multiselect" | "date_picker" | "checkbox";

export interface CustomField {
  label: string;
  belongsTo: "leads" | "deals";
  type: CustomFieldType;
  options: readonly string[];
}

export const INDUSTRIES = ["IT Services", "Manufacturing", "Healthcare", "Retail", "Education"] as const;
export const PRODUCTS_OF_INTEREST = ["CRM", "ERP", "HRMS", "Analytics"] as const;
export const COMPETITORS = ["Zoho", "Salesforce", "Freshworks", "None"] as const;

/** The sample's custom fields, in the order their `CF: …` columns follow the standard ones. */
export const CUSTOM_FIELDS: readonly CustomField[] = [
  { label: "Industry", belongsTo: "leads", type: "select", options: INDUSTRIES },
  { label: "Budget", belongsTo: "leads", type: "number", options: [] },
  { label: "Products of interest", belongsTo: "leads", type: "multiselect", options: PRODUCTS_OF_INTEREST },
  { label: "Newsletter", belongsTo: "leads", type: "checkbox", options: [] },
  { label: "Next review", belongsTo: "leads", type: "date_picker", options: [] },
  { label: "Referral code", belongsTo: "leads", type: "input", options: [] },
  { label: "Contract term", belongsTo: "deals", type: "number", options: [] },
  { label: "Renewal", belongsTo: "deals", type: "checkbox", options: [] },
  { label: "Competitor", belongsTo: "deals", type: "select", options: COMPETITORS },
];

/** A row of auto_triggers.csv: Trigger, Object, Event, Condition, Action, Active. */
export const AUTO_TRIGGERS: readonly (readonly [string, string, string, string, string, boolean])[] = [
  ["Assign website leads", "leads", "created", "Source = Website", "Assign to Priya Raghunathan", true],
  ["Welcome e-mail", "leads", "created", "Email is not empty", 'Send e-mail template "Welcome"', true],
  ["Stale lead reminder", "leads", "no activity for 7 days", "Status = Contacted", "Create task for assignee", true],
  [
    "Draft invoice on win",
    "deals",
    "stage changed",
    "Stage = Won",
    "Create draft invoice from accepted proposal",
    true,
  ],
  ["Lost deal alert", "deals", "status changed", "Status = lost", "Notify Rohan Kapoor", false],
  ["Proposal expiry", "proposals", "Open Till reached", "Status = sent", "Mark as expired; notify deal owner", true],
];
