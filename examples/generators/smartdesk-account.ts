// The SmartDesk account's configuration, which does not grow with the export's scale: owners, pipelines,
// property definitions, email templates and workflows, in the shapes HubSpot's v3 APIs return them.
import { INDUSTRIES, LEAD_SOURCES } from "./smartdesk-vocabulary.js";

export interface Owner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

/** Tom Becker left in February 2024; his user was deactivated but he still owns older records. */
export const ARCHIVED_OWNER_ID = "41106";
export const ARCHIVED_OWNER_LEFT_AT = Date.UTC(2024, 1, 15, 17, 0);

export const OWNERS: readonly Owner[] = [
  owner(
    "41101",
    "priya.raman@brightwave.io",
    "Priya",
    "Raman",
    9100101,
    "2021-03-01T08:12:44.201Z",
    "2024-05-02T10:01:13.870Z",
  ),
  // Mixed case on purpose: matching owners to Odoo users by e-mail must ignore case.
  owner(
    "41102",
    "Marco.Bianchi@Brightwave.io",
    "Marco",
    "Bianchi",
    9100102,
    "2021-03-01T08:15:02.554Z",
    "2023-11-20T16:45:09.018Z",
  ),
  owner(
    "41103",
    "sophie.laurent@brightwave.io",
    "Sophie",
    "Laurent",
    9100103,
    "2021-09-13T07:58:31.090Z",
    "2024-01-08T09:30:00.412Z",
  ),
  owner(
    "41104",
    "kenji.watanabe@brightwave.io",
    "Kenji",
    "Watanabe",
    9100104,
    "2022-04-04T00:30:12.733Z",
    "2024-04-18T01:02:57.600Z",
  ),
  owner(
    "41105",
    "aisha.khan@brightwave.io",
    "Aisha",
    "Khan",
    9100105,
    "2023-06-01T08:00:05.345Z",
    "2024-06-03T12:11:40.129Z",
  ),
  {
    ...owner(
      "41106",
      "tom.becker@brightwave.io",
      "Tom",
      "Becker",
      9100106,
      "2021-03-01T08:20:18.777Z",
      "2024-02-15T17:00:00.000Z",
    ),
    archived: true,
  },
];

function owner(
  id: string,
  email: string,
  firstName: string,
  lastName: string,
  userId: number,
  createdAt: string,
  updatedAt: string,
): Owner {
  return { id, email, firstName, lastName, userId, createdAt, updatedAt, archived: false };
}

/** What the UI exports print in an owner column. */
export function ownerName(id: string): string {
  const found = OWNERS.find((o) => o.id === id);
  return found ? `${found.firstName} ${found.lastName}` : "";
}

export const ACTIVE_OWNER_IDS: readonly string[] = OWNERS.filter((o) => !o.archived).map((o) => o.id);

export interface Stage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
  archived: boolean;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  stages: Stage[];
}

const dealStage = (id: string, label: string, displayOrder: number, probability: string, isClosed: boolean): Stage => ({
  id,
  label,
  displayOrder,
  metadata: { probability, isClosed: String(isClosed) },
  archived: false,
});

const ticketStage = (id: string, label: string, displayOrder: number, ticketState: "OPEN" | "CLOSED"): Stage => ({
  id,
  label,
  displayOrder,
  metadata: { ticketState },
  archived: false,
});

export const SALES_PIPELINE: Pipeline = {
  id: "default",
  label: "Sales Pipeline",
  displayOrder: 0,
  archived: false,
  createdAt: "2021-03-01T08:00:00.000Z",
  updatedAt: "2023-09-12T14:22:05.118Z",
  stages: [
    dealStage("appointmentscheduled", "Appointment Scheduled", 0, "0.2", false),
    dealStage("qualifiedtobuy", "Qualified To Buy", 1, "0.4", false),
    dealStage("presentationscheduled", "Presentation Scheduled", 2, "0.6", false),
    dealStage("decisionmakerboughtin", "Decision Maker Bought-In", 3, "0.8", false),
    dealStage("contractsent", "Contract Sent", 4, "0.9", false),
    dealStage("closedwon", "Closed Won", 5, "1.0", true),
    dealStage("closedlost", "Closed Lost", 6, "0.0", true),
  ],
};

/** A custom pipeline: numeric ids, and "Contract Sent" again under another id. */
export const RENEWALS_PIPELINE: Pipeline = {
  id: "31865402",
  label: "Renewals",
  displayOrder: 1,
  archived: false,
  createdAt: "2022-08-22T13:05:41.902Z",
  updatedAt: "2024-01-30T09:14:27.335Z",
  stages: [
    dealStage("74291530", "Renewal Identified", 0, "0.3", false),
    dealStage("74291531", "Usage Review", 1, "0.5", false),
    dealStage("74291532", "Contract Sent", 2, "0.9", false),
    dealStage("74291533", "Renewed", 3, "1.0", true),
    dealStage("74291534", "Churned", 4, "0.0", true),
  ],
};

export const SUPPORT_PIPELINE: Pipeline = {
  id: "0",
  label: "Support Pipeline",
  displayOrder: 0,
  archived: false,
  createdAt: "2021-03-01T08:00:00.000Z",
  updatedAt: "2022-02-14T11:40:52.611Z",
  stages: [
    ticketStage("1", "New", 0, "OPEN"),
    ticketStage("2", "Waiting on contact", 1, "OPEN"),
    ticketStage("3", "Waiting on us", 2, "OPEN"),
    ticketStage("4", "Closed", 3, "CLOSED"),
  ],
};

export const PIPELINES: readonly Pipeline[] = [SALES_PIPELINE, RENEWALS_PIPELINE, SUPPORT_PIPELINE];

export function stageOf(pipeline: Pipeline, id: string): Stage {
  const stage = pipeline.stages.find((s) => s.id === id);
  if (!stage) throw new Error(`no stage ${id} in pipeline ${pipeline.id}`);
  return stage;
}

export interface PropertyOption {
  label: string;
  value: string;
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: "string" | "number" | "enumeration" | "date" | "datetime" | "bool" | "phone_number";
  fieldType: string;
  groupName: string;
  description: string;
  hubspotDefined: boolean;
  options?: PropertyOption[];
}

const options = (pairs: readonly (readonly [string, string])[]): PropertyOption[] =>
  pairs.map(([label, value]) => ({ label, value }));

function property(
  name: string,
  label: string,
  type: PropertyDefinition["type"],
  fieldType: string,
  groupName: string,
  description: string,
  extra: { custom?: boolean; options?: PropertyOption[] } = {},
): PropertyDefinition {
  const definition: PropertyDefinition = {
    name,
    label,
    type,
    fieldType,
    groupName,
    description,
    hubspotDefined: !extra.custom,
  };
  if (extra.options) definition.options = extra.options;
  return definition;
}

const recordId = (group: string, label = "Record ID") =>
  property(
    "hs_object_id",
    label,
    "number",
    "number",
    group,
    "The unique ID for this record. This value is set automatically by HubSpot.",
  );

/** The deactivated owner is not an option any more: resolving "Tom Becker" needs owners.json. */
const ownerProperty = (label: string, group: string) =>
  property("hubspot_owner_id", label, "enumeration", "select", group, "The owner of the record.", {
    options: OWNERS.filter((o) => !o.archived).map((o) => ({ label: `${o.firstName} ${o.lastName}`, value: o.id })),
  });

/** The association columns of a UI export are not properties; listed so every header maps to a name. */
const associationColumn = (toObject: "companies" | "contacts", label: string) =>
  property(
    `associations.${toObject}`,
    label,
    "string",
    "text",
    "associations",
    `Export-only column: ids of the associated ${toObject}, separated by ";".`,
  );

export const LIFECYCLE_STAGES: readonly (readonly [string, string])[] = [
  ["Subscriber", "subscriber"],
  ["Lead", "lead"],
  ["Marketing Qualified Lead", "marketingqualifiedlead"],
  ["Sales Qualified Lead", "salesqualifiedlead"],
  ["Opportunity", "opportunity"],
  ["Customer", "customer"],
  ["Evangelist", "evangelist"],
  ["Other", "other"],
];

export const CONTACT_LEAD_STATUSES: readonly (readonly [string, string])[] = [
  ["New", "NEW"],
  ["Open", "OPEN"],
  ["In Progress", "IN_PROGRESS"],
  ["Open Deal", "OPEN_DEAL"],
  ["Unqualified", "UNQUALIFIED"],
  ["Attempted to Contact", "ATTEMPTED_TO_CONTACT"],
  ["Connected", "CONNECTED"],
  ["Bad Timing", "BAD_TIMING"],
];

export const LEAD_STATUSES: readonly (readonly [string, string])[] = [
  ["New", "NEW"],
  ["Attempting", "ATTEMPTING"],
  ["Connected", "CONNECTED"],
  ["Qualified", "QUALIFIED"],
  ["Disqualified", "DISQUALIFIED"],
];

export const CUSTOMER_TIERS: readonly (readonly [string, string])[] = [
  ["Strategic", "strategic"],
  ["Gold", "gold"],
  ["Silver", "silver"],
  ["Bronze", "bronze"],
];

export const LANGUAGES: readonly (readonly [string, string])[] = [
  ["English", "en"],
  ["German", "de"],
  ["French", "fr"],
  ["Italian", "it"],
  ["Japanese", "ja"],
  ["Russian", "ru"],
];

export const DEAL_TYPES: readonly (readonly [string, string])[] = [
  ["New Business", "newbusiness"],
  ["Existing Business", "existingbusiness"],
];

export const TICKET_PRIORITIES: readonly (readonly [string, string])[] = [
  ["Low", "LOW"],
  ["Medium", "MEDIUM"],
  ["High", "HIGH"],
  ["Urgent", "URGENT"],
];

const YES_NO = options([
  ["Yes", "true"],
  ["No", "false"],
]);

const dealPipelines = [SALES_PIPELINE, RENEWALS_PIPELINE];

/** The CRM objects the UI exports as CSV files, one per object: `<object>.csv`. */
export type CrmObject = "companies" | "contacts" | "leads" | "deals" | "tickets";

export const PROPERTIES: Readonly<Record<CrmObject, readonly PropertyDefinition[]>> = {
  companies: [
    recordId("companyinformation"),
    property("name", "Company name", "string", "text", "companyinformation", "Name of the company."),
    property(
      "domain",
      "Company Domain Name",
      "string",
      "text",
      "companyinformation",
      "The domain name of the company or organization.",
    ),
    property(
      "industry",
      "Industry",
      "enumeration",
      "select",
      "companyinformation",
      "The type of business the company performs.",
      {
        options: options(INDUSTRIES),
      },
    ),
    property(
      "numberofemployees",
      "Number of Employees",
      "number",
      "number",
      "companyinformation",
      "The total number of employees who work for the company.",
    ),
    property(
      "annualrevenue",
      "Annual Revenue",
      "number",
      "number",
      "companyinformation",
      "The actual or estimated annual revenue of the company.",
    ),
    property("phone", "Phone Number", "string", "phonenumber", "companyinformation", "Company primary phone number."),
    property(
      "address",
      "Street Address",
      "string",
      "text",
      "companyinformation",
      "Street address of the company or organization, including unit number.",
    ),
    property("city", "City", "string", "text", "companyinformation", "City where the company is located."),
    property(
      "state",
      "State/Region",
      "string",
      "text",
      "companyinformation",
      "State or region in which the company is located.",
    ),
    property(
      "zip",
      "Postal Code",
      "string",
      "text",
      "companyinformation",
      "Postal or zip code of the company or organization.",
    ),
    property(
      "country",
      "Country/Region",
      "string",
      "text",
      "companyinformation",
      "Country in which the company is located.",
    ),
    ownerProperty("Company owner", "companyinformation"),
    property(
      "createdate",
      "Create Date",
      "datetime",
      "date",
      "companyinformation",
      "The date the company was added to your account.",
    ),
    property(
      "hs_lastmodifieddate",
      "Last Modified Date",
      "datetime",
      "date",
      "companyinformation",
      "Most recent timestamp of any property update for this company.",
    ),
    property(
      "hs_parent_company_id",
      "Parent Company ID",
      "number",
      "number",
      "companyinformation",
      "The object id of the parent company.",
    ),
    property(
      "customer_tier",
      "Customer Tier",
      "enumeration",
      "select",
      "companyinformation",
      "Service level agreed in the contract.",
      {
        custom: true,
        options: options(CUSTOMER_TIERS),
      },
    ),
    property("vat_number", "VAT Number", "string", "text", "companyinformation", "Tax id printed on invoices.", {
      custom: true,
    }),
  ],
  contacts: [
    recordId("contactinformation"),
    property("firstname", "First Name", "string", "text", "contactinformation", "A contact's first name."),
    property("lastname", "Last Name", "string", "text", "contactinformation", "A contact's last name."),
    property("email", "Email", "string", "text", "contactinformation", "A contact's email address."),
    property(
      "phone",
      "Phone Number",
      "string",
      "phonenumber",
      "contactinformation",
      "A contact's primary phone number.",
    ),
    property(
      "mobilephone",
      "Mobile Phone Number",
      "string",
      "phonenumber",
      "contactinformation",
      "A contact's mobile phone number.",
    ),
    property("jobtitle", "Job Title", "string", "text", "contactinformation", "A contact's job title."),
    ownerProperty("Contact owner", "contactinformation"),
    property(
      "lifecyclestage",
      "Lifecycle Stage",
      "enumeration",
      "radio",
      "contactinformation",
      "The qualification of contacts to sales readiness.",
      {
        options: options(LIFECYCLE_STAGES),
      },
    ),
    property(
      "hs_lead_status",
      "Lead Status",
      "enumeration",
      "radio",
      "sales_properties",
      "The contact's sales, prospecting or outreach status.",
      {
        options: options(CONTACT_LEAD_STATUSES),
      },
    ),
    property(
      "createdate",
      "Create Date",
      "datetime",
      "date",
      "contactinformation",
      "The date that a contact entered the system.",
    ),
    property(
      "lastmodifieddate",
      "Last Modified Date",
      "datetime",
      "date",
      "contactinformation",
      "The date any property on this contact was modified.",
    ),
    associationColumn("companies", "Associated Company IDs"),
    property(
      "address",
      "Street Address",
      "string",
      "text",
      "contactinformation",
      "Contact's street address, including apartment or unit number.",
    ),
    property("city", "City", "string", "text", "contactinformation", "A contact's city of residence."),
    property(
      "country",
      "Country/Region",
      "string",
      "text",
      "contactinformation",
      "The contact's country/region of residence.",
    ),
    property(
      "preferred_language",
      "Preferred Language",
      "enumeration",
      "select",
      "contactinformation",
      "Language for emails and invoices.",
      {
        custom: true,
        options: options(LANGUAGES),
      },
    ),
    property(
      "newsletter_opt_in",
      "Newsletter Opt-In",
      "bool",
      "booleancheckbox",
      "contactinformation",
      "Agreed to receive the monthly newsletter.",
      {
        custom: true,
        options: YES_NO,
      },
    ),
  ],
  leads: [
    recordId("lead_information"),
    property("hs_lead_name", "Lead Name", "string", "text", "lead_information", "The name of the lead."),
    property(
      "hs_lead_status",
      "Lead Status",
      "enumeration",
      "select",
      "lead_information",
      "Where the lead is in the prospecting process.",
      {
        options: options(LEAD_STATUSES),
      },
    ),
    property(
      "lead_source",
      "Lead Source",
      "enumeration",
      "select",
      "lead_information",
      "Where the lead first came from.",
      {
        custom: true,
        options: options(LEAD_SOURCES),
      },
    ),
    ownerProperty("Lead owner", "lead_information"),
    associationColumn("contacts", "Associated Contact IDs"),
    associationColumn("companies", "Associated Company IDs"),
    property("hs_createdate", "Create Date", "datetime", "date", "lead_information", "The date the lead was created."),
  ],
  deals: [
    recordId("dealinformation"),
    property("dealname", "Deal Name", "string", "text", "dealinformation", "The name given to this deal."),
    property(
      "dealstage",
      "Deal Stage",
      "enumeration",
      "radio",
      "dealinformation",
      "The stage of the deal. Stage ids are unique across pipelines; labels are not.",
      {
        options: dealPipelines.flatMap((p) => p.stages.map((s) => ({ label: s.label, value: s.id }))),
      },
    ),
    property("pipeline", "Pipeline", "enumeration", "select", "dealinformation", "The pipeline the deal is in.", {
      options: dealPipelines.map((p) => ({ label: p.label, value: p.id })),
    }),
    property("amount", "Amount", "number", "number", "dealinformation", "The total amount of the deal."),
    property(
      "closedate",
      "Close Date",
      "datetime",
      "date",
      "dealinformation",
      "Date the deal was closed or is expected to close.",
    ),
    ownerProperty("Deal owner", "dealinformation"),
    property("createdate", "Create Date", "datetime", "date", "dealinformation", "Date the deal was created."),
    property("dealtype", "Deal Type", "enumeration", "radio", "dealinformation", "The type of deal.", {
      options: options(DEAL_TYPES),
    }),
    associationColumn("contacts", "Associated Contact IDs"),
    associationColumn("companies", "Associated Company IDs"),
    property(
      "hs_deal_stage_probability",
      "Deal Probability",
      "number",
      "number",
      "dealinformation",
      "The probability a deal will close, from its stage (0 to 1).",
    ),
    property(
      "contract_length__months_",
      "Contract Length (months)",
      "number",
      "number",
      "dealinformation",
      "Minimum term of the contract.",
      { custom: true },
    ),
    property(
      "renewal_date",
      "Renewal Date",
      "date",
      "date",
      "dealinformation",
      "Date the contract renews (won deals only).",
      {
        custom: true,
      },
    ),
  ],
  tickets: [
    recordId("ticketinformation", "Ticket ID"),
    property("subject", "Ticket name", "string", "text", "ticketinformation", "Short summary of the ticket."),
    property(
      "content",
      "Ticket description",
      "string",
      "textarea",
      "ticketinformation",
      "Text description of the ticket; may contain HTML.",
    ),
    property(
      "hs_pipeline_stage",
      "Ticket status",
      "enumeration",
      "radio",
      "ticketinformation",
      "The pipeline stage that contains this ticket.",
      {
        options: SUPPORT_PIPELINE.stages.map((s) => ({ label: s.label, value: s.id })),
      },
    ),
    property(
      "hs_pipeline",
      "Pipeline",
      "enumeration",
      "select",
      "ticketinformation",
      "The pipeline that contains this ticket.",
      {
        options: [{ label: SUPPORT_PIPELINE.label, value: SUPPORT_PIPELINE.id }],
      },
    ),
    property(
      "hs_ticket_priority",
      "Priority",
      "enumeration",
      "select",
      "ticketinformation",
      "The level of attention needed on the ticket.",
      {
        options: options(TICKET_PRIORITIES),
      },
    ),
    ownerProperty("Ticket owner", "ticketinformation"),
    property("createdate", "Create date", "datetime", "date", "ticketinformation", "The date this ticket was created."),
    associationColumn("contacts", "Associated Contact IDs"),
    associationColumn("companies", "Associated Company IDs"),
  ],
};

export function labelOf(pairs: readonly (readonly [string, string])[], value: string): string {
  const found = pairs.find(([, v]) => v === value);
  if (!found) throw new Error(`no option ${value}`);
  return found[0];
}

export interface EmailTemplate {
  id: string;
  name: string;
  subject: string;
  body: string;
  folder: string;
  createdAt: string;
}

export const EMAIL_TEMPLATES: readonly EmailTemplate[] = [
  {
    id: "18101",
    name: "Intro – first touch",
    subject: "{{contact.firstname}}, a quick question about {{company.name}}",
    body:
      "<p>Hi {{contact.firstname}},</p>\n<p>I noticed {{company.name}} is growing its sales team. " +
      "Teams like yours use SmartDesk to keep every deal in one place.</p>\n" +
      '{% if contact.lifecyclestage == "customer" %}<p>As an existing customer you can add seats at your current price.</p>' +
      "{% else %}<p>Would a 20-minute demo next week work?</p>{% endif %}\n<p>Best,<br>{{owner.firstname}}</p>",
    folder: "Sales",
    createdAt: "2021-04-12T09:30:11.000Z",
  },
  {
    id: "18102",
    name: "Proposal follow-up",
    subject: "Following up: proposal for {{company.name}}",
    body:
      "<p>Hi {{contact.firstname}},</p>\n<p>Did you get a chance to review the proposal for <strong>{{deal.dealname}}</strong>?</p>\n" +
      "<p>Best,<br>{{owner.firstname}} {{owner.lastname}}</p>",
    folder: "Sales",
    createdAt: "2021-05-03T14:02:45.000Z",
  },
  {
    id: "18103",
    name: "Onboarding welcome",
    subject:
      '{% if contact.preferred_language == "de" %}Willkommen bei SmartDesk{% else %}Welcome to SmartDesk{% endif %}',
    body:
      '{% if contact.preferred_language == "de" %}<p>Hallo {{contact.firstname}},</p>\n<p>willkommen an Bord!</p>' +
      "{% else %}<p>Hi {{contact.firstname}},</p>\n<p>welcome aboard!</p>{% endif %}\n" +
      "<p>Your onboarding manager is {{owner.firstname}}.</p>",
    folder: "Onboarding",
    createdAt: "2022-01-20T10:15:00.000Z",
  },
  {
    id: "18104",
    name: "Renewal reminder (60 days)",
    subject: "Your SmartDesk subscription renews on {{deal.renewal_date}}",
    body:
      "<p>Hi {{ contact.firstname }},</p>\n<p>Your contract ({{deal.contract_length__months_}} months, {{deal.amount}} EUR) renews on " +
      "{{deal.renewal_date}}.</p>\n<p>Reply to this email if anything should change.</p>",
    folder: "Renewals",
    createdAt: "2022-08-30T08:45:27.000Z",
  },
  {
    id: "18105",
    name: "Ticket closed – feedback",
    subject: "How did we do? (Ticket: {{ticket.subject}})",
    body:
      '<p>Hi {{ contact.firstname|default("there") }},</p>\n<p>We closed your ticket <em>{{ticket.subject}}</em>. ' +
      '<a href="https://feedback.brightwave.io/t/{{ticket.hs_object_id}}">Rate our answer</a>.</p>',
    folder: "Support",
    createdAt: "2022-02-15T12:00:00.000Z",
  },
  {
    id: "18106",
    name: "ウェビナーのご案内",
    subject: "{{contact.lastname}}様：新機能ウェビナーのご案内",
    body:
      "<p>{{contact.lastname}}様</p>\n<p>いつもお世話になっております。新機能のウェビナーを開催いたします。</p>\n" +
      '{% if contact.lifecyclestage == "customer" %}<p>既存のお客様は無料でご参加いただけます。</p>{% endif %}\n<p>{{owner.lastname}}</p>',
    folder: "Marketing",
    createdAt: "2023-10-02T02:30:00.000Z",
  },
];

/** Workflows do not migrate as code: they become the workflow inventory. */
export const WORKFLOWS = [
  {
    id: "19101",
    name: "New lead – welcome and follow-up task",
    type: "DRIP_DELAY",
    objectType: "CONTACT",
    enabled: true,
    trigger: { type: "PROPERTY_VALUE", property: "lifecyclestage", operator: "EQ", value: "lead" },
    actions: [
      { type: "SEND_EMAIL", templateId: "18101" },
      { type: "DELAY", delayMillis: "172800000" },
      { type: "CREATE_TASK", subject: "Call new lead", taskType: "CALL", ownerId: "41101" },
    ],
    insertedAt: "2021-04-12T10:00:00.000Z",
    updatedAt: "2023-03-08T15:12:40.000Z",
  },
  {
    id: "19102",
    name: "Deal won → onboarding",
    type: "PROPERTY_ANCHOR",
    objectType: "DEAL",
    enabled: true,
    trigger: { type: "PROPERTY_VALUE", property: "dealstage", operator: "EQ", value: "closedwon" },
    actions: [
      { type: "SET_PROPERTY", objectType: "CONTACT", property: "lifecyclestage", value: "customer" },
      { type: "SEND_EMAIL", templateId: "18103" },
      // Still assigns tasks to the owner who has left.
      { type: "CREATE_TASK", subject: "Kick-off call", taskType: "CALL", ownerId: ARCHIVED_OWNER_ID },
    ],
    insertedAt: "2021-06-01T09:00:00.000Z",
    updatedAt: "2022-11-02T11:30:00.000Z",
  },
  {
    id: "19103",
    name: "Renewal reminder",
    type: "PROPERTY_ANCHOR",
    objectType: "DEAL",
    enabled: true,
    trigger: { type: "DATE_PROPERTY", property: "renewal_date", offsetDays: -60 },
    actions: [
      { type: "SEND_EMAIL", templateId: "18104" },
      { type: "ROTATE_OWNER", ownerIds: ["41101", "41102"] },
      { type: "SET_PROPERTY", property: "pipeline", value: RENEWALS_PIPELINE.id },
    ],
    insertedAt: "2022-08-30T09:00:00.000Z",
    updatedAt: "2024-01-30T09:20:00.000Z",
  },
  {
    id: "19104",
    name: "Ticket closed – satisfaction survey",
    type: "DRIP_DELAY",
    objectType: "TICKET",
    enabled: true,
    trigger: { type: "PROPERTY_VALUE", property: "hs_pipeline_stage", operator: "EQ", value: "4" },
    actions: [
      { type: "DELAY", delayMillis: "3600000" },
      { type: "SEND_EMAIL", templateId: "18105" },
    ],
    insertedAt: "2022-02-15T12:30:00.000Z",
    updatedAt: "2022-02-15T12:30:00.000Z",
  },
  {
    id: "19105",
    name: "Escalate tickets waiting on us > 2 days",
    type: "DRIP_DELAY",
    objectType: "TICKET",
    enabled: false,
    trigger: {
      type: "PROPERTY_VALUE",
      property: "hs_pipeline_stage",
      operator: "EQ",
      value: "3",
      forMillis: "172800000",
    },
    actions: [
      { type: "SET_PROPERTY", property: "hs_ticket_priority", value: "HIGH" },
      { type: "WEBHOOK", method: "POST", url: "https://hooks.example.com/smartdesk/escalations" },
    ],
    insertedAt: "2023-01-09T08:00:00.000Z",
    updatedAt: "2023-07-21T16:05:00.000Z",
  },
  {
    id: "19106",
    name: "Legacy newsletter sync",
    type: "STATIC_ANCHOR",
    objectType: "CONTACT",
    enabled: false,
    trigger: { type: "LIST_MEMBERSHIP", listId: "87" },
    actions: [
      { type: "SET_PROPERTY", property: "newsletter_opt_in", value: "true" },
      { type: "WEBHOOK", method: "POST", url: "https://legacy-mailer.example.com/sync" },
    ],
    insertedAt: "2021-03-02T10:00:00.000Z",
    updatedAt: "2022-05-17T07:45:00.000Z",
  },
];
