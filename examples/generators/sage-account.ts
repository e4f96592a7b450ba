// The configuration of the Sage CRM installation, which does not grow with the scale: users, currencies, the
// caption codes behind every selection column (Custom_Captions), the tables and custom entity (Custom_Tables),
// and the workflow rules, reports and ASP screen objects that are inventoried, not migrated.
import { DAY, MINUTE, london } from "./sage-format.js";
import type { CountryCode } from "./sage-vocabulary.js";

export const USER_DOMAIN = "calder-finch.example";

export type Territory = "North" | "South" | "Ireland" | "DACH" | "Nordics" | "WestEurope";

export interface User {
  id: number;
  logon: string;
  first: string | null;
  last: string;
  email: string | null;
  department: string | null;
  /** The user's interface language: which caption column they see. */
  language: "US" | "UK" | "DE";
  /** A bookable resource (a room), not a person. */
  resource: boolean;
  disabled: boolean;
  /** The territories whose accounts the user looks after. */
  territories: readonly Territory[];
}

const user = (
  id: number,
  logon: string,
  first: string | null,
  last: string,
  email: string | null,
  department: string | null,
  language: User["language"],
  territories: readonly Territory[],
  flags: { resource?: boolean; disabled?: boolean } = {},
): User => ({
  id,
  logon,
  first,
  last,
  email: email === null ? null : `${email}@${USER_DOMAIN}`,
  department,
  language,
  resource: flags.resource ?? false,
  disabled: flags.disabled ?? false,
  territories,
});

export const USERS: readonly User[] = [
  user(1, "Admin", "System", "Administrator", "crm.admin", "IT", "UK", []),
  user(2, "hashworth", "Helen", "Ashworth", "helen.ashworth", "Sales", "UK", ["North"]),
  user(3, "twhitfield", "Tom", "Whitfield", "tom.whitfield", "Sales", "UK", ["North"]),
  user(4, "pchaudhry", "Priya", "Chaudhry", "priya.chaudhry", "Sales", "UK", ["South"]),
  user(5, "kwoehrle", "Katrin", "Wöhrle", "katrin.woehrle", "Vertrieb", "DE", ["DACH"]),
  user(6, "abrennan", "Aoife", "Brennan", "aoife.brennan", "Sales", "UK", ["Ireland"]),
  // Left in 2022: still the owner of older records, and linked to their communications.
  user(7, "mdenholm", "Mark", "Denholm", "mark.denholm", "Sales", "UK", ["South"], { disabled: true }),
  user(8, "lbjornstad", "Lars", "Bjørnstad", "lars.bjornstad", "Sales", "UK", ["Nordics", "WestEurope"]),
  user(9, "gokafor", "Grace", "Okafor", "grace.okafor", "Customer Service", "UK", []),
  // A resource: the room meetings book. No e-mail, no first name.
  user(10, "Boardroom", null, "Boardroom", null, null, "UK", [], { resource: true }),
];

export const userById = (id: number): User => USERS.find((u) => u.id === id)!;

export const SUPPORT_USER = userById(9);
export const DISABLED_USER = userById(7);
export const RESOURCE_USER = userById(10);
export const ADMIN_USER = userById(1);

/** The sales users of a territory who are still active. */
export const salesUsersOf = (territory: Territory): User[] =>
  USERS.filter((u) => u.territories.includes(territory) && !u.disabled);

/** A person's name as Sage shows a user: `Helen Ashworth`, `Boardroom`. */
export const userName = (u: User): string => (u.first === null ? u.last : `${u.first} ${u.last}`);

export interface Currency {
  id: number;
  symbol: string;
  description: string;
  /** Units per pound, as Sage's currency table keeps it. */
  rate: string;
}

export const CURRENCIES: readonly Currency[] = [
  { id: 1, symbol: "GBP", description: "Pound sterling (£)", rate: "1.000000" },
  { id: 2, symbol: "EUR", description: "Euro (€)", rate: "1.170000" },
  { id: 3, symbol: "DKK", description: "Danish krone", rate: "8.720000" },
  { id: 4, symbol: "NOK", description: "Norwegian krone", rate: "13.450000" },
];

/** The currency a company of a country is quoted in. */
export function currencyOf(country: CountryCode): Currency {
  const symbol = country === "UK" ? "GBP" : country === "DK" ? "DKK" : country === "NO" ? "NOK" : "EUR";
  return CURRENCIES.find((c) => c.symbol === symbol)!;
}

// ── Captions ──────────────────────────────────────────────────────────────────────────────────────────

/** One code of a selection: the code stored in the column, and its label in US English, UK English and German. */
export interface Caption {
  code: string;
  us: string;
  de: string;
  /** Where the UK label differs from the US one. */
  uk?: string;
}

const c = (code: string, us: string, de: string, uk?: string): Caption => ({ code, us, de, ...(uk ? { uk } : {}) });

/**
 * The selection columns of the standard tables and their codes, family by family; a family is named after its
 * column. A code is what the column holds, a label what the screen shows: they often differ.
 */
export const CAPTION_FAMILIES: Readonly<Record<string, readonly Caption[]>> = {
  Comp_Type: [
    c("Customer", "Customer", "Kunde"),
    c("Prospect", "Prospect", "Interessent"),
    c("Supplier", "Supplier", "Lieferant"),
    c("Partner", "Partner", "Partner"),
  ],
  Comp_Status: [c("Active", "Active", "Aktiv"), c("Inactive", "Inactive", "Inaktiv")],
  Comp_Source: [
    c("Web", "Website", "Website"),
    c("Tradeshow", "Trade Show", "Messe"),
    c("Referral", "Referral", "Empfehlung"),
    c("ColdCall", "Cold Call", "Kaltakquise"),
    c("Advertising", "Advertising", "Werbung"),
  ],
  Comp_Territory: [
    c("North", "North", "Nord"),
    c("South", "South", "Süd"),
    c("Ireland", "Ireland", "Irland"),
    c("DACH", "Germany, Austria, Switzerland", "DACH"),
    c("Nordics", "Nordics", "Nordeuropa"),
    c("WestEurope", "France & Benelux", "Frankreich & Benelux"),
  ],
  Comp_Revenue: [
    c("1", "Under $1m", "Unter 1 Mio. €", "Under £1m"),
    c("2", "$1m – $5m", "1–5 Mio. €", "£1m – £5m"),
    c("3", "$5m – $20m", "5–20 Mio. €", "£5m – £20m"),
    c("4", "$20m – $100m", "20–100 Mio. €", "£20m – £100m"),
    c("5", "Over $100m", "Über 100 Mio. €", "Over £100m"),
  ],
  Comp_Employees: [
    c("1", "1–10", "1–10"),
    c("2", "11–50", "11–50"),
    c("3", "51–200", "51–200"),
    c("4", "201–1,000", "201–1.000"),
    c("5", "Over 1,000", "Über 1.000"),
  ],
  Comp_Sector: [
    c("Water", "Water & Utilities", "Wasserwirtschaft"),
    c("Pharma", "Pharmaceuticals", "Pharma"),
    c("Food", "Food & Beverage", "Lebensmittel & Getränke"),
    c("Chemicals", "Chemicals", "Chemie"),
    c("Environment", "Environmental Services", "Umweltdienstleistungen"),
    c("Research", "Research & Education", "Forschung & Lehre"),
    c("Healthcare", "Healthcare", "Gesundheitswesen"),
    c("Energy", "Energy", "Energie"),
  ],
  Pers_Salutation: [
    c("Mr.", "Mr.", "Herr"),
    c("Ms.", "Ms.", "Frau"),
    c("Mrs.", "Mrs.", "Frau"),
    c("Dr.", "Dr.", "Dr."),
    c("Prof.", "Prof.", "Prof."),
  ],
  Pers_Status: [c("Active", "Active", "Aktiv"), c("Inactive", "Inactive", "Inaktiv")],
  Pers_Source: [
    c("Web", "Website", "Website"),
    c("Tradeshow", "Trade Show", "Messe"),
    c("Referral", "Referral", "Empfehlung"),
    c("ColdCall", "Cold Call", "Kaltakquise"),
    c("Webinar", "Webinar", "Webinar"),
  ],
  Pers_WebStatus: [c("Active", "Active", "Aktiv"), c("Inactive", "Inactive", "Inaktiv")],
  Lead_Stage: [
    c("Lead", "New Lead", "Neuer Lead"),
    c("Prospect", "Prospect", "Interessent"),
    c("Qualified", "Qualified", "Qualifiziert"),
    c("Converted", "Converted to Opportunity", "In Verkaufschance umgewandelt"),
    c("NoInterest", "No Interest", "Kein Interesse"),
  ],
  Lead_Status: [c("In Progress", "In Progress", "In Bearbeitung"), c("Closed", "Closed", "Geschlossen")],
  Lead_Source: [
    c("Web", "Website", "Website"),
    c("Tradeshow", "Trade Show", "Messe"),
    c("Referral", "Referral", "Empfehlung"),
    c("ColdCall", "Cold Call", "Kaltakquise"),
    c("Webinar", "Webinar", "Webinar"),
    c("Advertising", "Advertising", "Werbung"),
  ],
  Lead_Rating: [c("Hot", "Hot", "Heiß"), c("Warm", "Warm", "Warm"), c("Cold", "Cold", "Kalt")],
  Oppo_Type: [
    c("Instrument", "Instrument Sale", "Geräteverkauf"),
    c("Service", "Service Contract", "Servicevertrag"),
    c("Calibration", "Calibration", "Kalibrierung"),
    c("Mix", "Mixed", "Gemischt"),
  ],
  Oppo_Source: [
    c("Web", "Website", "Website"),
    c("Tradeshow", "Trade Show", "Messe"),
    c("Referral", "Referral", "Empfehlung"),
    c("ColdCall", "Cold Call", "Kaltakquise"),
    c("Existing", "Existing Customer", "Bestandskunde"),
    c("Lead", "Converted Lead", "Umgewandelter Lead"),
  ],
  Oppo_Status: [
    c("In Progress", "In Progress", "In Bearbeitung"),
    c("Won", "Won", "Gewonnen"),
    c("Lost", "Lost", "Verloren"),
    c("Abandoned", "Abandoned", "Aufgegeben"),
  ],
  Oppo_Stage: [
    c("Lead", "Lead", "Lead"),
    c("Qualified", "Qualified", "Qualifiziert"),
    c("Proposal", "Proposal Submitted", "Angebot abgegeben"),
    c("Negotiating", "Negotiating", "In Verhandlung"),
    c("Verbal", "Verbal Agreement", "Mündliche Zusage"),
    c("Closed", "Closed", "Abgeschlossen"),
  ],
  Oppo_Priority: [c("High", "High", "Hoch"), c("Normal", "Normal", "Normal"), c("Low", "Low", "Niedrig")],
  Case_ProblemType: [
    c("Hardware", "Hardware", "Hardware"),
    c("Software", "Software", "Software"),
    c("Calibration", "Calibration", "Kalibrierung"),
    c("Delivery", "Delivery", "Lieferung"),
    c("Training", "Training", "Schulung"),
  ],
  Case_Status: [c("In Progress", "In Progress", "In Bearbeitung"), c("Closed", "Closed", "Geschlossen")],
  Case_Stage: [
    c("Logged", "Logged", "Erfasst"),
    c("Queued", "Queued", "In Warteschlange"),
    c("Investigating", "Investigating", "In Untersuchung"),
    c("AwaitingCustomer", "Awaiting Customer", "Wartet auf Kunden"),
    c("Solved", "Solved", "Gelöst"),
    c("Closed", "Closed", "Geschlossen"),
  ],
  Case_Priority: [c("High", "High", "Hoch"), c("Normal", "Normal", "Normal"), c("Low", "Low", "Niedrig")],
  Comm_Type: [c("Task", "Task", "Aufgabe"), c("Appointment", "Appointment", "Termin")],
  Comm_Action: [
    c("PhoneOut", "Phone Out", "Anruf (ausgehend)"),
    c("PhoneIn", "Phone In", "Anruf (eingehend)"),
    c("EmailOut", "E-mail Out", "E-Mail (ausgehend)"),
    c("EmailIn", "E-mail In", "E-Mail (eingehend)"),
    c("Meeting", "Meeting", "Besprechung"),
    c("Note", "Note", "Notiz"),
    c("ToDo", "To Do", "Zu erledigen"),
  ],
  Comm_Status: [
    c("Pending", "Pending", "Ausstehend"),
    c("InProgress", "In Progress", "In Bearbeitung"),
    c("Complete", "Complete", "Erledigt"),
    c("Cancelled", "Cancelled", "Abgesagt"),
  ],
  Comm_Priority: [c("High", "High", "Hoch"), c("Normal", "Normal", "Normal"), c("Low", "Low", "Niedrig")],
  Addr_Country: [
    c("UK", "United Kingdom", "Vereinigtes Königreich"),
    c("IE", "Ireland", "Irland"),
    c("DE", "Germany", "Deutschland"),
    c("AT", "Austria", "Österreich"),
    c("DK", "Denmark", "Dänemark"),
    c("NO", "Norway", "Norwegen"),
    c("FR", "France", "Frankreich"),
    c("NL", "Netherlands", "Niederlande"),
    c("BE", "Belgium", "Belgien"),
  ],
  AdLi_Type: [
    c("Business", "Business", "Geschäftlich"),
    c("Billing", "Billing", "Rechnungsadresse"),
    c("Home", "Home", "Privat"),
  ],
  ELink_Type: [c("Business", "Business", "Geschäftlich"), c("Private", "Private", "Privat")],
  PLink_Type: [c("Business", "Business", "Geschäftlich"), c("Mobile", "Mobile", "Mobil"), c("Fax", "Fax", "Fax")],
  Libr_Type: [
    c("Quote", "Quotation", "Angebot"),
    c("Certificate", "Certificate", "Zertifikat"),
    c("Document", "Document", "Dokument"),
    c("Image", "Image", "Bild"),
    c("Data", "Data File", "Datendatei"),
  ],
  proj_Status: [
    c("Planned", "Planned", "Geplant"),
    c("Active", "Active", "Aktiv"),
    c("Completed", "Completed", "Abgeschlossen"),
    c("OnHold", "On Hold", "Pausiert"),
  ],
};

/** The codes of a family, for drawing a record's value. */
export const codesOf = (family: string): string[] => (CAPTION_FAMILIES[family] ?? []).map((caption) => caption.code);

/**
 * A caption replaced in 2021: `Oppo_Source` `Web` was labelled "Internet"; that row is deleted and a new one
 * says "Website". A lookup that ignores `Capt_Deleted` finds both.
 */
export const REPLACED_CAPTION = { family: "Oppo_Source", code: "Web", us: "Internet", de: "Internet" } as const;

// ── Tables and the custom entity ─────────────────────────────────────────────────────────────────────

export interface SageTableDefinition {
  id: number;
  name: string;
  caption: string;
  prefix: string;
  idField: string;
  /** A standard table of Sage CRM; the others are the customer's own entities. */
  system: boolean;
}

const table = (id: number, name: string, caption: string, prefix: string, idField: string, system = true) => ({
  id,
  name,
  caption,
  prefix,
  idField,
  system,
});

/** Custom_Tables: the tables a Note_ForeignTableId can name, and the custom entity Project. */
export const TABLE_DEFINITIONS: readonly SageTableDefinition[] = [
  table(3, "Cases", "Case", "Case", "Case_CaseId"),
  table(5, "Company", "Company", "Comp", "Comp_CompanyId"),
  table(7, "Communication", "Communication", "Comm", "Comm_CommunicationId"),
  table(8, "Library", "Library", "Libr", "Libr_LibraryId"),
  table(10, "Opportunity", "Opportunity", "Oppo", "Oppo_OpportunityId"),
  table(13, "Person", "Person", "Pers", "Pers_PersonId"),
  table(14, "Address", "Address", "Addr", "Addr_AddressId"),
  table(15, "Users", "User", "User", "User_UserId"),
  table(41, "Lead", "Lead", "Lead", "Lead_LeadId"),
  table(42, "Notes", "Note", "Note", "Note_NoteId"),
  table(10032, "Project", "Project", "proj", "proj_ProjectId", false),
];

export const tableId = (name: string): number => TABLE_DEFINITIONS.find((t) => t.name === name)!.id;

/** The custom entity: its CSV is named by Bord_Name. */
export const CUSTOM_ENTITY = TABLE_DEFINITIONS.find((t) => !t.system)!;

// ── Inventories: workflow rules, reports, screen objects ─────────────────────────────────────────────

export interface WorkflowRule {
  id: number;
  workflowId: number;
  caption: string;
  table: string;
  type: "Primary" | "Transition" | "Global" | "Conditional" | "Escalation";
  enabled: boolean;
  condition: string | null;
  deleted: boolean;
}

export const WORKFLOW_RULES: readonly WorkflowRule[] = [
  {
    id: 1,
    workflowId: 1,
    caption: "New Opportunity",
    table: "Opportunity",
    type: "Primary",
    enabled: true,
    condition: null,
    deleted: false,
  },
  {
    id: 2,
    workflowId: 1,
    caption: "Qualify",
    table: "Opportunity",
    type: "Transition",
    enabled: true,
    condition: "Values('oppo_forecast') > 0",
    deleted: false,
  },
  {
    id: 3,
    workflowId: 1,
    caption: "Submit Proposal",
    table: "Opportunity",
    type: "Transition",
    enabled: true,
    condition: "Values('oppo_certainty') >= 25",
    deleted: false,
  },
  {
    id: 4,
    workflowId: 1,
    caption: "Won",
    table: "Opportunity",
    type: "Conditional",
    enabled: true,
    condition: 'Values("oppo_status") == "Won" && CurrentUser.user_userid != 7',
    deleted: false,
  },
  {
    id: 5,
    workflowId: 2,
    caption: "Log Case",
    table: "Cases",
    type: "Primary",
    enabled: true,
    condition: null,
    deleted: false,
  },
  {
    id: 6,
    workflowId: 2,
    caption: "Escalate high-priority case",
    table: "Cases",
    type: "Escalation",
    enabled: true,
    condition: "case_priority = N'High' AND DATEDIFF(hour, case_opened, GETDATE()) > 4",
    deleted: false,
  },
  {
    id: 7,
    workflowId: 3,
    caption: "Convert Lead",
    table: "Lead",
    type: "Transition",
    enabled: true,
    condition: null,
    deleted: false,
  },
  {
    id: 8,
    workflowId: 3,
    caption: "Lead follow-up reminder (old)",
    table: "Lead",
    type: "Escalation",
    enabled: false,
    condition: "lead_status = N'In Progress'",
    deleted: false,
  },
  {
    id: 9,
    workflowId: 4,
    caption: "Calibration due – remind customer",
    table: "Project",
    type: "Global",
    enabled: true,
    condition: "proj_status = N'Active'",
    deleted: false,
  },
  {
    id: 10,
    workflowId: 1,
    caption: "Test rule – do not use",
    table: "Opportunity",
    type: "Transition",
    enabled: false,
    condition: null,
    deleted: true,
  },
];

export interface Report {
  id: number;
  name: string;
  category: string;
  mainView: string;
  description: string;
  deleted: boolean;
}

export const REPORTS: readonly Report[] = [
  {
    id: 1,
    name: "Pipeline by Stage",
    category: "Sales",
    mainView: "vReportOpportunity",
    description: "Open opportunities by stage, with forecast and certainty",
    deleted: false,
  },
  {
    id: 2,
    name: "Won Business This Year",
    category: "Sales",
    mainView: "vReportOpportunity",
    description: "Opportunities won since 1 January, by user",
    deleted: false,
  },
  {
    id: 3,
    name: "Umsatzprognose nach Gebiet",
    category: "Sales",
    mainView: "vReportOpportunity",
    description: "Gewichtete Prognose (Forecast × Certainty) je Gebiet",
    deleted: false,
  },
  {
    id: 4,
    name: "Open Cases by Priority",
    category: "Customer Service",
    mainView: "vReportCases",
    description: "Cases not closed, oldest first",
    deleted: false,
  },
  {
    id: 5,
    name: "Calibration Due",
    category: "Customer Service",
    mainView: "vProject",
    description: "Projects whose calibration falls due in the next 60 days (custom entity)",
    deleted: false,
  },
  {
    id: 6,
    name: "Leads by Source",
    category: "Marketing",
    mainView: "vReportLead",
    description: "Leads created per source and month",
    deleted: false,
  },
  {
    id: 7,
    name: "Old activity report",
    category: "Sales",
    mainView: "vReportCommunication",
    description: "Replaced by Pipeline by Stage",
    deleted: true,
  },
];

export interface ScreenObject {
  id: number;
  name: string;
  entity: string;
  type: "Screen" | "List" | "TopContent" | "Tab" | "Block";
  content: string | null;
  deleted: boolean;
}

export const SCREEN_OBJECTS: readonly ScreenObject[] = [
  {
    id: 1,
    name: "CompanyBoxLong",
    entity: "Company",
    type: "Screen",
    content:
      '<script>\nwindow.attachEvent("onload", function () {\n  if (crm.fields("comp_industrycode").value() == "") crm.infoMessage("Please set the industry code");\n});\n</script>',
    deleted: false,
  },
  { id: 2, name: "OpportunityDetailBox", entity: "Opportunity", type: "Screen", content: null, deleted: false },
  { id: 3, name: "ProjectSummary", entity: "Project", type: "Screen", content: null, deleted: false },
  { id: 4, name: "ProjectList", entity: "Project", type: "List", content: null, deleted: false },
  {
    id: 5,
    name: "CalibrationDue.asp",
    entity: "Project",
    type: "Tab",
    content: '<% Response.Write("Calibration due: " + CRM.GetContextInfo("Project", "proj_startdate")); %>',
    deleted: false,
  },
  {
    id: 6,
    name: "PersonTopContent",
    entity: "Person",
    type: "TopContent",
    content: "#pers_firstname# #pers_lastname# – #comp_name#",
    deleted: false,
  },
  { id: 7, name: "LeadWebToLead.asp", entity: "Lead", type: "Block", content: null, deleted: true },
];

/** When the installation was configured: the stamps of configuration rows count from here. */
export const CONFIGURED_AT = london(2016, 3, 14, 9, 0);

/** The audit stamps of configuration row k: made by the administrator, minutes apart, changed a year later. */
export function configStamps(k: number): { created: number; updated: number } {
  const created = CONFIGURED_AT + k * 7 * MINUTE;
  return { created, updated: created + 365 * DAY + k * 11 * MINUTE };
}
