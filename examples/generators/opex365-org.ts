// The Kestrel Instruments environment's configuration, which does not grow with the export's scale:
// business units, users, roles, currencies, units, price lists, the sales process and its stages,
// workflows and plugin steps, and the option sets whose codes and labels the rows carry. Ids are not
// here: the model derives every GUID from the seed (see Opex365Model.id).
import type { OptionSet } from "./opex365-odata.js";

const DAY = 86_400_000;

export const BUSINESS_UNITS = ["kestrel", "Kestrel Service", "Kestrel Japan"] as const;

export interface User {
  fullname: string;
  firstname: string;
  lastname: string;
  /** null for the built-in SYSTEM and INTEGRATION users, which have no mailbox. */
  email: string | null;
  title: string | null;
  businessUnit: number;
  disabled: boolean;
}

const user = (
  fullname: string,
  firstname: string,
  lastname: string,
  email: string | null,
  title: string | null,
  businessUnit = 0,
  disabled = false,
): User => ({
  fullname,
  firstname,
  lastname,
  email,
  title,
  businessUnit,
  disabled,
});

export const USERS: readonly User[] = [
  user("SYSTEM", "", "SYSTEM", null, null),
  user("INTEGRATION", "", "INTEGRATION", null, null),
  user("Anna Schmidt", "Anna", "Schmidt", "anna.schmidt@kestrel-instruments.com", "Sales Director"),
  // Mixed case as it was typed into the user record: matching owners by e-mail must ignore case.
  user("Jonas Weber", "Jonas", "Weber", "Jonas.Weber@Kestrel-Instruments.com", "Account Executive"),
  user("Léa Martin", "Léa", "Martin", "lea.martin@kestrel-instruments.com", "Account Executive"),
  user("渡辺 健二", "健二", "渡辺", "kenji.watanabe@kestrel-instruments.com", "Account Manager Japan", 2),
  user("Sophie Keller", "Sophie", "Keller", "sophie.keller@kestrel-instruments.com", "Customer Service Lead", 1),
  user("Marco Rossi", "Marco", "Rossi", "marco.rossi@kestrel-instruments.com", "Support Engineer", 1),
  user("Thomas Brandt", "Thomas", "Brandt", "thomas.brandt@kestrel-instruments.com", "Account Executive", 0, true),
  user("Priya Nair", "Priya", "Nair", "priya.nair@kestrel-instruments.com", "Marketing Manager"),
];

/** Indices into USERS. */
export const USER = {
  system: 0,
  integration: 1,
  salesDirector: 2,
  jonas: 3,
  lea: 4,
  kenji: 5,
  serviceLead: 6,
  supportEngineer: 7,
  leaver: 8,
  marketing: 9,
} as const;
/** Thomas Brandt left on this day: his user is disabled, but he still owns what he owned before. */
export const LEAVER_LEFT_AT = Date.UTC(2023, 8, 29, 17, 0);
export const SALES_USERS: readonly number[] = [USER.salesDirector, USER.jonas, USER.lea, USER.leaver];
export const SERVICE_USERS: readonly number[] = [USER.serviceLead, USER.supportEngineer];

/** An owner team: a few accounts belong to it rather than to a user. */
export const KEY_ACCOUNTS_TEAM = "Key Accounts";

/** Roles exist once per business unit: the copies in the child units share the root role's name. */
export const ROLES: readonly (readonly [name: string, businessUnit: number])[] = [
  ["System Administrator", 0],
  ["System Customizer", 0],
  ["Salesperson", 0],
  ["Sales Manager", 0],
  ["Customer Service Representative", 0],
  ["Kestrel Key Account Manager", 0],
  ["Customer Service Representative", 1],
  ["Salesperson", 1],
  ["Salesperson", 2],
];

export const CURRENCIES = [
  { isoCode: "EUR", name: "Euro", symbol: "€", exchangeRate: 1 },
  { isoCode: "USD", name: "US Dollar", symbol: "$", exchangeRate: 1.0846 },
] as const;

export const UNIT_GROUP = "Kestrel Units";
export const UNITS = ["Primary Unit", "Hour", "Day", "Month", "Year"] as const;
export type UnitName = (typeof UNITS)[number];

/** Price lists; the 2023 list has expired and holds no items any more. */
export const PRICE_LEVELS = [
  { name: "Standard EUR 2024", currency: 0, begin: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 11, 31) },
  { name: "Standard USD 2024", currency: 1, begin: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 11, 31) },
  { name: "Standard EUR 2023", currency: 0, begin: Date.UTC(2023, 0, 1), end: Date.UTC(2023, 11, 31) },
] as const;

/** The opportunity pipeline: the stages of the Opportunity Sales Process, as opportunity.stepname names them. */
export const STAGES = [
  { name: "1-Qualify", category: 0, probability: 10 },
  { name: "2-Develop", category: 1, probability: 30 },
  { name: "3-Propose", category: 2, probability: 60 },
  { name: "4-Close", category: 3, probability: 90 },
] as const;

export interface WorkflowDefinition {
  name: string;
  category: number;
  primaryEntity: string;
  state: 0 | 1 | 2;
  /** 0 background, 1 real-time; flows and business rules are always "background". */
  mode: 0 | 1;
  description: string | null;
}

const flow = (
  name: string,
  category: number,
  primaryEntity: string,
  state: 0 | 1 | 2,
  mode: 0 | 1 = 0,
  description: string | null = null,
): WorkflowDefinition => ({
  name,
  category,
  primaryEntity,
  state,
  mode,
  description,
});

/** Index 0 is the process whose stages are the pipeline (processstages point to it). */
export const WORKFLOWS: readonly WorkflowDefinition[] = [
  flow("Opportunity Sales Process", 4, "opportunity", 1, 0, "Qualify, develop, propose, close."),
  flow("Lead to Opportunity Sales Process", 4, "lead", 1),
  flow("Phone to Case Process", 4, "incident", 0),
  flow("Send welcome e-mail to new contact", 0, "contact", 1, 0, "Uses the e-mail template 'Welcome to Kestrel'."),
  flow("Create follow-up task when opportunity is won", 0, "opportunity", 1),
  flow(
    "Escalate high-priority cases after 4 hours",
    0,
    "incident",
    1,
    0,
    "Waits 4 hours, then assigns to the service lead.",
  ),
  flow("Notify owner when case is reassigned", 0, "incident", 1, 1),
  flow(
    "Legacy: copy account address to contacts",
    0,
    "account",
    0,
    0,
    "Replaced by the plugin step in 2022; kept as draft.",
  ),
  flow("Phone script: qualify inbound lead", 1, "lead", 0),
  flow("Require close date above 50 %", 2, "opportunity", 1),
  flow("Lock account number after creation", 2, "account", 1),
  flow("Show lost reason when opportunity is lost", 2, "opportunity", 1),
  flow("new_RecalculateProjectBudget", 3, "new_project", 1, 1, "Custom action called from the project form."),
  flow("Post won opportunities to Teams channel", 5, "none", 1),
  flow("Create Jira issue for new case", 5, "none", 1, 0, "Power Automate flow with the Jira connector."),
  flow("Daily export of leads to SharePoint", 5, "none", 1),
  flow(
    "Send satisfaction survey after case resolution",
    5,
    "none",
    2,
    0,
    "Suspended: Forms Pro connector blocked by DLP policy.",
  ),
  flow("Power BI dataset refresh after import", 5, "none", 0),
  flow("Enter orders into legacy ERP", 6, "none", 1, 0, "Desktop flow (RPA) on the finance VM."),
  flow("Assign web leads round robin", 0, "lead", 1),
];

export interface PluginStep {
  pluginType: string;
  message: string;
  entity: string;
  stage: 10 | 20 | 40;
  mode: 0 | 1;
  enabled: boolean;
  filteringAttributes: string | null;
}

const step = (
  pluginType: string,
  message: string,
  entity: string,
  stage: 10 | 20 | 40,
  mode: 0 | 1,
  enabled = true,
  filteringAttributes: string | null = null,
): PluginStep => ({
  pluginType,
  message,
  entity,
  stage,
  mode,
  enabled,
  filteringAttributes,
});

export const PLUGIN_STEPS: readonly PluginStep[] = [
  step("Kestrel.Crm.Plugins.AccountNumber", "Create", "account", 20, 0),
  step(
    "Kestrel.Crm.Plugins.AccountAddressSync",
    "Update",
    "account",
    40,
    1,
    true,
    "address1_line1,address1_city,address1_postalcode,address1_country",
  ),
  step("Kestrel.Crm.Plugins.VatIdValidation", "Create", "account", 10, 0),
  step("Kestrel.Crm.Plugins.VatIdValidation", "Update", "account", 10, 0, true, "new_vatid"),
  step("Kestrel.Crm.Plugins.ContactDuplicateCheck", "Create", "contact", 10, 0),
  step("Kestrel.Crm.Plugins.LeadScore", "Create", "lead", 40, 1),
  step("Kestrel.Crm.Plugins.LeadScore", "Update", "lead", 40, 1, true, "leadsourcecode,leadqualitycode,companyname"),
  step("Kestrel.Crm.Plugins.OpportunityDiscountCheck", "Update", "opportunity", 20, 0, true, "discountpercentage"),
  step("Kestrel.Crm.Plugins.OpportunityWon", "Win", "opportunity", 40, 1),
  step("Kestrel.Crm.Plugins.SapOrderSync", "Create", "salesorder", 40, 1),
  step("Kestrel.Crm.Plugins.SapOrderSync", "Update", "salesorder", 40, 1, false, "statuscode"),
  step("Kestrel.Crm.Plugins.CaseNumberPrefix", "Create", "incident", 20, 0),
  step("Kestrel.Crm.Plugins.CaseSlaStart", "Create", "incident", 40, 1, false),
  step("Kestrel.Crm.Plugins.ProjectBudgetRollup", "Update", "new_project", 40, 1, true, "new_budget"),
  step("Kestrel.Crm.Plugins.ProjectBudgetRollup", "Create", "new_project", 40, 1),
  step("Kestrel.Crm.Plugins.AnnotationVirusScan", "Create", "annotation", 10, 0),
];

export interface NewProjectAttribute {
  logicalName: string;
  schemaName: string;
  type: string;
  displayName: string | null;
  targets?: readonly string[];
  isCustom: boolean;
}

const attribute = (
  logicalName: string,
  schemaName: string,
  type: string,
  displayName: string | null,
  isCustom: boolean,
  targets?: readonly string[],
): NewProjectAttribute =>
  targets
    ? { logicalName, schemaName, type, displayName, targets, isCustom }
    : { logicalName, schemaName, type, displayName, isCustom };

/** The custom table new_project as `EntityDefinitions?$expand=Attributes` describes it, system columns included. */
export const NEW_PROJECT_ATTRIBUTES: readonly NewProjectAttribute[] = [
  attribute("new_projectid", "new_ProjectId", "Uniqueidentifier", "Project", true),
  attribute("new_name", "new_Name", "String", "Name", true),
  attribute("new_budget", "new_Budget", "Money", "Budget", true),
  attribute("new_budget_base", "new_budget_Base", "Money", "Budget (Base)", true),
  attribute("new_startdate", "new_StartDate", "DateTime", "Start Date", true),
  attribute("new_status", "new_Status", "Picklist", "Status", true),
  attribute("new_accountid", "new_AccountId", "Lookup", "Account", true, ["account"]),
  attribute("transactioncurrencyid", "TransactionCurrencyId", "Lookup", "Currency", false, ["transactioncurrency"]),
  attribute("exchangerate", "ExchangeRate", "Decimal", "Exchange Rate", false),
  attribute("ownerid", "OwnerId", "Owner", "Owner", false, ["systemuser", "team"]),
  attribute("owninguser", "OwningUser", "Lookup", "Owning User", false, ["systemuser"]),
  attribute("owningteam", "OwningTeam", "Lookup", "Owning Team", false, ["team"]),
  attribute("owningbusinessunit", "OwningBusinessUnit", "Lookup", "Owning Business Unit", false, ["businessunit"]),
  attribute("statecode", "statecode", "State", "Status", false),
  attribute("statuscode", "statuscode", "Status", "Status Reason", false),
  attribute("createdon", "CreatedOn", "DateTime", "Created On", false),
  attribute("createdby", "CreatedBy", "Lookup", "Created By", false, ["systemuser"]),
  attribute("modifiedon", "ModifiedOn", "DateTime", "Modified On", false),
  attribute("modifiedby", "ModifiedBy", "Lookup", "Modified By", false, ["systemuser"]),
  attribute("versionnumber", "VersionNumber", "BigInt", null, false),
  attribute("importsequencenumber", "ImportSequenceNumber", "Integer", "Import Sequence Number", false),
];

/** Option sets: the codes Dataverse stores and the English labels it formats them with. */
export const OPTIONS = {
  activeInactive: { 0: "Active", 1: "Inactive" },
  activeInactiveStatus: { 1: "Active", 2: "Inactive" },
  leadState: { 0: "Open", 1: "Qualified", 2: "Disqualified" },
  leadStatus: {
    1: "New",
    2: "Contacted",
    3: "Qualified",
    4: "Lost",
    5: "Cannot Contact",
    6: "No Longer Interested",
    7: "Canceled",
  },
  leadSource: {
    1: "Advertisement",
    2: "Employee Referral",
    3: "External Referral",
    4: "Partner",
    5: "Public Relations",
    6: "Seminar",
    7: "Trade Show",
    8: "Web",
    9: "Word of Mouth",
    10: "Other",
  },
  rating: { 1: "Hot", 2: "Warm", 3: "Cold" },
  opportunityState: { 0: "Open", 1: "Won", 2: "Lost" },
  opportunityStatus: { 1: "In Progress", 2: "On Hold", 3: "Won", 4: "Canceled", 5: "Out-Sold" },
  opportunityType: { 100000000: "New Business", 100000001: "Existing Business" },
  lifecycleStage: { 100000000: "Subscriber", 100000001: "Lead", 100000002: "Customer" },
  caseState: { 0: "Active", 1: "Resolved", 2: "Cancelled" },
  caseStatus: {
    1: "In Progress",
    2: "On Hold",
    3: "Waiting for Details",
    4: "Researching",
    5: "Problem Solved",
    1000: "Information Provided",
    6: "Cancelled",
    2000: "Merged",
  },
  casePriority: { 1: "High", 2: "Normal", 3: "Low" },
  caseOrigin: { 1: "Phone", 2: "Email", 3: "Web" },
  activityState: { 0: "Open", 1: "Completed", 2: "Canceled" },
  appointmentState: { 0: "Open", 1: "Completed", 2: "Canceled", 3: "Scheduled" },
  emailStatus: {
    1: "Draft",
    2: "Completed",
    3: "Sent",
    4: "Received",
    5: "Canceled",
    6: "Pending Send",
    7: "Sending",
    8: "Failed",
  },
  phoneCallStatus: { 1: "Open", 2: "Made", 3: "Canceled", 4: "Received" },
  taskStatus: {
    2: "Not Started",
    3: "In Progress",
    4: "Waiting on someone else",
    5: "Completed",
    6: "Canceled",
    7: "Deferred",
  },
  taskPriority: { 0: "Low", 1: "Normal", 2: "High" },
  appointmentStatus: { 1: "Free", 2: "Tentative", 3: "Completed", 4: "Canceled", 5: "Busy", 6: "Out of Office" },
  participation: {
    1: "Sender",
    2: "To Recipient",
    3: "CC Recipient",
    4: "BCC Recipient",
    5: "Required attendee",
    6: "Optional attendee",
    7: "Organizer",
    8: "Regarding",
    9: "Owner",
  },
  productType: { 1: "Sales Inventory", 2: "Miscellaneous Charges", 3: "Services", 4: "Flat Fees" },
  productStructure: { 1: "Product", 2: "Product Family", 3: "Product Bundle" },
  productState: { 0: "Active", 1: "Retired", 2: "Draft", 3: "Under Revision" },
  productStatus: { 0: "Draft", 1: "Active", 2: "Retired", 3: "Under Revision" },
  quantitySelling: { 1: "No Control", 2: "Whole", 3: "Whole and Fractional" },
  productRequired: { 0: "Optional", 1: "Required" },
  workflowCategory: {
    0: "Workflow",
    1: "Dialog",
    2: "Business Rule",
    3: "Action",
    4: "Business Process Flow",
    5: "Modern Flow",
    6: "Desktop Flow",
  },
  workflowState: { 0: "Draft", 1: "Activated", 2: "Suspended" },
  workflowStatus: { 1: "Draft", 2: "Activated", 3: "CompanyDLPViolation" },
  workflowMode: { 0: "Background", 1: "Real-time" },
  stepStage: { 10: "Pre-validation", 20: "Pre-operation", 40: "Post-operation" },
  stepState: { 0: "Enabled", 1: "Disabled" },
  stepStatus: { 1: "Enabled", 2: "Disabled" },
  stepMode: { 0: "Synchronous", 1: "Asynchronous" },
  stageCategory: { 0: "Qualify", 1: "Develop", 2: "Propose", 3: "Close" },
  // A custom choice column: Dataverse numbers its options from the publisher's prefix, 100000000 up.
  projectStatus: { 100000000: "Active", 100000001: "On Hold", 100000002: "Closed" },
} as const satisfies Record<string, OptionSet>;

export const DIRECTION: readonly [no: string, yes: string] = ["Incoming", "Outgoing"];
export const ENABLED_DISABLED: readonly [no: string, yes: string] = ["Enabled", "Disabled"];

/** When the organization went live; the configuration rows were created around then. */
const ORG_CREATED_AT = Date.UTC(2021, 10, 8, 9, 12, 31);
export const configCreatedAt = (index: number) => ORG_CREATED_AT + index * 3 * DAY;
