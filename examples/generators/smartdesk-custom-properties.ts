// The customer's own properties (`hubspotDefined: false`) that the `custom-properties` variant adds, beyond
// the sample's few: on every CRM object one of each kind HubSpot offers (single-line and multi-line text,
// whole and decimal numbers, date, datetime, dropdown select, multiple checkboxes, single checkbox), and a
// few on calls and notes, whose values travel in the engagement JSON rather than in a CSV.
import type { CrmObject, PropertyDefinition } from "./smartdesk-account.js";
import {
  addedProperty,
  dayAfterCreation,
  decimal,
  integer,
  lines,
  momentSinceCreation,
  oneOf,
  option,
  options,
  sometimes,
  yes,
  type AddedProperty,
  type Draw,
} from "./smartdesk-property-values.js";

type Kind = Pick<PropertyDefinition, "type" | "fieldType">;
const TEXT: Kind = { type: "string", fieldType: "text" };
const TEXTAREA: Kind = { type: "string", fieldType: "textarea" };
const NUMBER: Kind = { type: "number", fieldType: "number" };
const DATE: Kind = { type: "date", fieldType: "date" };
const DATETIME: Kind = { type: "datetime", fieldType: "date" };
const SELECT: Kind = { type: "enumeration", fieldType: "select" };
const CHECKBOX: Kind = { type: "enumeration", fieldType: "checkbox" };
const BOOLEAN: Kind = { type: "bool", fieldType: "booleancheckbox" };

type Options = readonly (readonly [label: string, value: string])[];
const YES_NO: Options = [
  ["Yes", "true"],
  ["No", "false"],
];

/** A custom property of `groupName`; a checkbox or select lists its options, a single checkbox Yes/No. */
function custom(
  groupName: string,
  name: string,
  label: string,
  kind: Kind,
  description: string,
  draw: Draw,
  choices?: Options,
): AddedProperty {
  const definition = { name, label, ...kind, groupName, description, hubspotDefined: false };
  return addedProperty(definition, draw, kind.type === "bool" ? YES_NO : choices);
}

const code =
  (prefix: string, digits: number): Draw =>
  (rng) =>
    `${prefix}${rng.digits(digits)}`;

const MODULES: Options = [
  ["Platform", "platform"],
  ["Analytics add-on", "analytics"],
  ["Field service module", "field_service"],
  ["Integrations (API)", "api"],
  ["Mobile app", "mobile"],
];

const REGIONS: Options = [
  ["DACH", "dach"],
  ["UK & Ireland", "uki"],
  ["France & Benelux", "fr_benelux"],
  ["Southern Europe", "south"],
  ["North America", "na"],
  ["APAC", "apac"],
];

const COMPANIES: readonly AddedProperty[] = ((g) => [
  custom(
    g,
    "erp_customer_number",
    "ERP Customer Number",
    TEXT,
    "Debtor number in the ERP (SAP S/4HANA).",
    sometimes(0.85, code("D-", 6)),
  ),
  custom(
    g,
    "onboarding_notes",
    "Onboarding Notes",
    TEXTAREA,
    "What the onboarding team needs to know.",
    sometimes(
      0.65,
      lines([
        "Kick-off held on site with the sales team.",
        "Needs SSO before go-live; IT contact is on holiday in August.",
        "Data migration from spreadsheets, about 4,000 contacts.",
        "Wants weekly check-ins during the first month.",
        "Billing contact differs from the main contact, see invoices.",
      ]),
    ),
  ),
  custom(
    g,
    "credit_limit",
    "Credit Limit",
    NUMBER,
    "Credit limit agreed with finance, in EUR.",
    sometimes(0.75, decimal(5_000, 250_000, 2)),
  ),
  custom(
    g,
    "contract_start_date",
    "Contract Start Date",
    DATE,
    "Start of the first signed contract.",
    sometimes(0.7, dayAfterCreation(10, 200)),
  ),
  custom(
    g,
    "last_business_review",
    "Last Business Review",
    DATETIME,
    "When the last quarterly business review took place.",
    sometimes(0.65, momentSinceCreation),
  ),
  custom(
    g,
    "account_region",
    "Account Region",
    SELECT,
    "Sales region responsible for the account.",
    sometimes(0.9, option(REGIONS)),
    REGIONS,
  ),
  custom(
    g,
    "modules_in_use",
    "Modules in Use",
    CHECKBOX,
    "Licensed modules.",
    sometimes(0.8, options(MODULES, 1, 3)),
    MODULES,
  ),
  custom(
    g,
    "reference_customer",
    "Reference Customer",
    BOOLEAN,
    "Agreed to act as a reference.",
    sometimes(0.85, yes(0.3)),
  ),
])("companyinformation");

const BUYING_ROLES: Options = [
  ["Decision Maker", "decision_maker"],
  ["Champion", "champion"],
  ["Influencer", "influencer"],
  ["End User", "end_user"],
  ["Blocker", "blocker"],
];

const INTERESTS: Options = [
  ["Sales automation", "sales_automation"],
  ["Service desk", "service_desk"],
  ["Reporting", "reporting"],
  ["Field service", "field_service"],
  ["Integrations", "integrations"],
];

const CONTACTS: readonly AddedProperty[] = ((g) => [
  custom(
    g,
    "linkedin_handle",
    "LinkedIn Handle",
    TEXT,
    "Profile handle, without the URL.",
    sometimes(
      0.65,
      (rng) =>
        `in/${rng.pick(["m", "s", "j", "a", "k", "p"])}${rng.digits(2)}-${rng.pick(["sales", "ops", "it", "cx"])}-${rng.digits(4)}`,
    ),
  ),
  custom(
    g,
    "relationship_notes",
    "Relationship Notes",
    TEXTAREA,
    "Things to remember about this person.",
    sometimes(
      0.65,
      lines([
        "Prefers e-mail over phone calls.",
        "Met at the Berlin user conference.",
        "Reports to the COO since the reorganisation.",
        "Only available in the mornings.",
        "Asked not to be invited to webinars.",
      ]),
    ),
  ),
  custom(g, "nps_score", "NPS Score", NUMBER, "Answer to the last NPS survey (0–10).", sometimes(0.65, integer(0, 11))),
  custom(
    g,
    "gdpr_consent_date",
    "GDPR Consent Date",
    DATE,
    "When the contact agreed to be contacted.",
    sometimes(0.7, dayAfterCreation(0, 30)),
  ),
  custom(
    g,
    "last_webinar_attended",
    "Last Webinar Attended",
    DATETIME,
    "Start of the last webinar the contact joined.",
    sometimes(0.65, momentSinceCreation),
  ),
  custom(
    g,
    "buying_role",
    "Buying Role",
    SELECT,
    "Role in the buying decision.",
    sometimes(0.8, option(BUYING_ROLES)),
    BUYING_ROLES,
  ),
  custom(
    g,
    "product_interests",
    "Product Interests",
    CHECKBOX,
    "Topics the contact asked about.",
    sometimes(0.75, options(INTERESTS, 1, 3)),
    INTERESTS,
  ),
  custom(g, "is_key_contact", "Key Contact", BOOLEAN, "Main contact of the account.", sometimes(0.9, yes(0.25))),
])("contactinformation");

const LEAD_TEMPERATURES: Options = [
  ["Hot", "hot"],
  ["Warm", "warm"],
  ["Cold", "cold"],
];

const LEADS: readonly AddedProperty[] = ((g) => [
  custom(
    g,
    "campaign_code",
    "Campaign Code",
    TEXT,
    "UTM campaign the lead came in through.",
    sometimes(0.7, oneOf(["SPRING24-WEB", "EXPO-HANNOVER", "PARTNER-Q3", "WEBINAR-ANALYTICS", "LINKEDIN-ABM"])),
  ),
  custom(
    g,
    "qualification_notes",
    "Qualification Notes",
    TEXTAREA,
    "BANT notes from the first call.",
    sometimes(
      0.65,
      lines([
        "Budget approved for this fiscal year.",
        "Currently on spreadsheets, contract with old vendor ends in Q4.",
        "Decision by the managing director.",
        "Needs a German-speaking contact.",
        "Evaluating two other vendors.",
      ]),
    ),
  ),
  custom(
    g,
    "estimated_seats",
    "Estimated Seats",
    NUMBER,
    "Users the prospect expects to license.",
    sometimes(0.7, integer(5, 400)),
  ),
  custom(
    g,
    "first_contact_date",
    "First Contact Date",
    DATE,
    "Day of the first conversation.",
    sometimes(0.8, dayAfterCreation(0, 14)),
  ),
  custom(
    g,
    "demo_booked_at",
    "Demo Booked At",
    DATETIME,
    "When the demo was booked.",
    sometimes(0.65, momentSinceCreation),
  ),
  custom(
    g,
    "lead_temperature",
    "Lead Temperature",
    SELECT,
    "Sales' gut feeling.",
    sometimes(0.85, option(LEAD_TEMPERATURES)),
    LEAD_TEMPERATURES,
  ),
  custom(
    g,
    "interested_in",
    "Interested In",
    CHECKBOX,
    "Modules the lead asked about.",
    sometimes(0.75, options(MODULES, 1, 2)),
    MODULES,
  ),
  custom(
    g,
    "budget_confirmed",
    "Budget Confirmed",
    BOOLEAN,
    "The prospect confirmed a budget.",
    sometimes(0.9, yes(0.4)),
  ),
])("lead_information");

const COMPETITORS: Options = [
  ["Salesforce", "salesforce"],
  ["Pipedrive", "pipedrive"],
  ["Zoho CRM", "zoho"],
  ["Microsoft Dynamics 365", "dynamics"],
  ["No competitor", "none"],
];

const ADD_ONS: Options = [
  ["Premium Support", "premium_support"],
  ["Sandbox", "sandbox"],
  ["Extra Storage", "extra_storage"],
  ["Single Sign-On", "sso"],
];

const DEALS: readonly AddedProperty[] = ((g) => [
  custom(
    g,
    "po_number",
    "PO Number",
    TEXT,
    "The customer's purchase order number.",
    sometimes(0.65, code("PO-2024-", 5)),
  ),
  custom(
    g,
    "deal_source_detail",
    "Deal Source Detail",
    TEXTAREA,
    "How the deal came about, in the rep's words.",
    sometimes(
      0.65,
      lines([
        "Referred by an existing customer in the same group.",
        "Came from the trade show booth; met the head of sales.",
        "Inbound request after the analytics webinar.",
        "Upsell identified in the quarterly business review.",
        "Partner-sourced, partner gets 10 % commission.",
      ]),
    ),
  ),
  custom(
    g,
    "discount_percent",
    "Discount (%)",
    NUMBER,
    "Discount granted on the list price.",
    sometimes(0.65, decimal(2, 30, 1)),
  ),
  custom(
    g,
    "go_live_date",
    "Go-Live Date",
    DATE,
    "Planned go-live of the rollout.",
    sometimes(0.65, dayAfterCreation(30, 240, false)),
  ),
  custom(
    g,
    "contract_signed_at",
    "Contract Signed At",
    DATETIME,
    "When the customer signed.",
    sometimes(0.65, momentSinceCreation),
  ),
  custom(
    g,
    "competitor",
    "Main Competitor",
    SELECT,
    "The competitor in the evaluation.",
    sometimes(0.8, option(COMPETITORS)),
    COMPETITORS,
  ),
  custom(
    g,
    "deal_add_ons",
    "Add-ons",
    CHECKBOX,
    "Add-ons in the offer.",
    sometimes(0.7, options(ADD_ONS, 1, 3)),
    ADD_ONS,
  ),
  custom(
    g,
    "requires_legal_review",
    "Requires Legal Review",
    BOOLEAN,
    "The contract deviates from the standard terms.",
    sometimes(0.9, yes(0.2)),
  ),
])("dealinformation");

const AFFECTED_MODULES: Options = [
  ["Contacts", "contacts"],
  ["Deals", "deals"],
  ["Reporting", "reporting"],
  ["Billing", "billing"],
  ["Integrations", "integrations"],
];

const PLATFORMS: Options = [
  ["Web", "web"],
  ["iOS", "ios"],
  ["Android", "android"],
  ["Desktop app", "desktop"],
];

const TICKETS: readonly AddedProperty[] = ((g) => [
  custom(
    g,
    "external_reference",
    "External Reference",
    TEXT,
    "Issue in the engineering tracker.",
    sometimes(0.65, code("JIRA-", 4)),
  ),
  custom(
    g,
    "steps_to_reproduce",
    "Steps to Reproduce",
    TEXTAREA,
    "What the customer did, step by step.",
    sometimes(
      0.65,
      oneOf([
        "1. Log in as an agent.\n2. Open the sales dashboard.\n3. Filter by last quarter.",
        "1. Open a contact.\n2. Click Export.\n3. Wait 30 seconds: gateway error.\nHappens in Chrome and Edge, not in Firefox.",
        "1. Reset the password.\n2. Open the link from the e-mail.\nThe page says the token has expired.",
      ]),
    ),
  ),
  custom(
    g,
    "time_spent_hours",
    "Time Spent (hours)",
    NUMBER,
    "Support time booked on the ticket.",
    sometimes(0.8, decimal(0.25, 12, 2)),
  ),
  custom(
    g,
    "sla_due_date",
    "SLA Due Date",
    DATE,
    "Resolution due under the SLA.",
    sometimes(0.85, dayAfterCreation(1, 10, false)),
  ),
  custom(
    g,
    "first_response_at",
    "First Response At",
    DATETIME,
    "First answer to the customer.",
    sometimes(0.8, momentSinceCreation),
  ),
  custom(
    g,
    "affected_module",
    "Affected Module",
    SELECT,
    "Where the problem is.",
    sometimes(0.85, option(AFFECTED_MODULES)),
    AFFECTED_MODULES,
  ),
  custom(
    g,
    "affected_platforms",
    "Affected Platforms",
    CHECKBOX,
    "Platforms the problem shows on.",
    sometimes(0.7, options(PLATFORMS, 1, 3)),
    PLATFORMS,
  ),
  custom(g, "escalated", "Escalated", BOOLEAN, "Escalated to engineering.", sometimes(0.95, yes(0.2))),
])("ticketinformation");

/** The customer's own properties of each CRM object, in the order they follow the sample's columns. */
export const CUSTOM_PROPERTIES: Readonly<Record<CrmObject, readonly AddedProperty[]>> = {
  companies: COMPANIES,
  contacts: CONTACTS,
  leads: LEADS,
  deals: DEALS,
  tickets: TICKETS,
};

const CALL_REASONS: Options = [
  ["Demo follow-up", "demo_follow_up"],
  ["Renewal", "renewal"],
  ["Support escalation", "support_escalation"],
  ["Upsell", "upsell"],
  ["Onboarding", "onboarding"],
];

const NOTE_CATEGORIES: Options = [
  ["Meeting notes", "meeting_notes"],
  ["Customer feedback", "customer_feedback"],
  ["Internal", "internal"],
  ["Competitor intel", "competitor_intel"],
];

/** The customer's own properties of calls and notes: the API returns them among `properties`, by name. */
export const ENGAGEMENT_CUSTOM_PROPERTIES: Readonly<Record<"calls" | "notes", readonly AddedProperty[]>> = {
  calls: [
    custom(
      "callinformation",
      "call_reason",
      "Call Reason",
      SELECT,
      "Why the call was made.",
      sometimes(0.8, option(CALL_REASONS)),
      CALL_REASONS,
    ),
    custom(
      "callinformation",
      "follow_up_required",
      "Follow-up Required",
      BOOLEAN,
      "The call needs a follow-up.",
      sometimes(0.9, yes(0.35)),
    ),
    custom(
      "callinformation",
      "call_quality_score",
      "Call Quality Score",
      NUMBER,
      "Coaching score of the call (1–5).",
      sometimes(0.65, integer(1, 6)),
    ),
  ],
  notes: [
    custom(
      "noteinformation",
      "note_category",
      "Note Category",
      SELECT,
      "What kind of note this is.",
      sometimes(0.85, option(NOTE_CATEGORIES)),
      NOTE_CATEGORIES,
    ),
    custom(
      "noteinformation",
      "related_modules",
      "Related Modules",
      CHECKBOX,
      "Modules the note is about.",
      sometimes(0.65, options(MODULES, 1, 2)),
      MODULES,
    ),
  ],
};
