// HubSpot-defined properties the sample never selected, which the `extra-columns` variant adds to the UI
// exports: activity dates, counters and sources that HubSpot computes itself. A spec written against the
// sample has never heard of them; they come with `hubspotDefined: true` in properties.json.
import type { CrmObject, PropertyDefinition } from "./smartdesk-account.js";
import {
  addedProperty,
  integer,
  momentSinceCreation,
  option,
  sometimes,
  type AddedProperty,
  type Draw,
} from "./smartdesk-property-values.js";

const DAY = 86_400_000;

type Options = readonly (readonly [label: string, value: string])[];

function hubspot(
  name: string,
  label: string,
  type: PropertyDefinition["type"],
  fieldType: string,
  groupName: string,
  description: string,
  draw: Draw,
  choices?: Options,
): AddedProperty {
  return addedProperty({ name, label, type, fieldType, groupName, description, hubspotDefined: true }, draw, choices);
}

const ORIGINAL_SOURCES: Options = [
  ["Organic Search", "ORGANIC_SEARCH"],
  ["Paid Search", "PAID_SEARCH"],
  ["Email Marketing", "EMAIL_MARKETING"],
  ["Organic Social", "SOCIAL_MEDIA"],
  ["Referrals", "REFERRALS"],
  ["Other Campaigns", "OTHER_CAMPAIGNS"],
  ["Direct Traffic", "DIRECT_TRAFFIC"],
  ["Offline Sources", "OFFLINE"],
];

const TICKET_SOURCES: Options = [
  ["Chat", "CHAT"],
  ["Email", "EMAIL"],
  ["Form", "FORM"],
  ["Phone", "PHONE"],
];

const lastActivity = (group: string) =>
  hubspot(
    "notes_last_updated",
    "Last Activity Date",
    "datetime",
    "date",
    group,
    "The last time a call, chat conversation, LinkedIn message, postal mail, meeting, note, sales email, SMS, task, or WhatsApp message was logged.",
    sometimes(0.85, momentSinceCreation),
  );
const timesContacted = (group: string) =>
  hubspot(
    "num_contacted_notes",
    "Number of times contacted",
    "number",
    "number",
    group,
    "The number of times a call, chat conversation, LinkedIn message, postal mail, meeting, sales email, SMS, or WhatsApp message was logged.",
    sometimes(0.9, integer(0, 25)),
  );
const pageViews = (group: string) =>
  hubspot(
    "hs_analytics_num_page_views",
    "Number of Pageviews",
    "number",
    "number",
    group,
    "The number of page views on your website.",
    sometimes(0.9, integer(0, 400)),
  );
const originalSource = (group: string) =>
  hubspot(
    "hs_analytics_source",
    "Original Source",
    "enumeration",
    "select",
    group,
    "The first known source through which the record found your website.",
    sometimes(0.9, option(ORIGINAL_SOURCES)),
    ORIGINAL_SOURCES,
  );

/** Whole days from creation to the close date, never below 0 (a deal closed the day it was created). */
const daysToClose: Draw = (_rng, record) =>
  record.closedAt === undefined ? undefined : Math.max(0, Math.round((record.closedAt - record.createdAt) / DAY));

/** HubSpot-defined columns per object, in the order they follow the sample's columns. */
export const EXTRA_COLUMNS: Readonly<Record<CrmObject, readonly AddedProperty[]>> = {
  companies: [
    lastActivity("companyinformation"),
    pageViews("companyinformation"),
    originalSource("companyinformation"),
    hubspot(
      "recent_deal_amount",
      "Recent Deal Amount",
      "number",
      "number",
      "companyinformation",
      "The amount of the last closed won deal associated with the company.",
      sometimes(0.5, (rng) => rng.int(4, 500) * 500),
    ),
  ],
  contacts: [
    lastActivity("contactinformation"),
    hubspot(
      "notes_last_contacted",
      "Last Contacted",
      "datetime",
      "date",
      "contactinformation",
      "The last time a call, meeting or sales email was logged with this contact.",
      sometimes(0.75, momentSinceCreation),
    ),
    timesContacted("contactinformation"),
    pageViews("contactinformation"),
    originalSource("contactinformation"),
  ],
  leads: [lastActivity("lead_information"), timesContacted("lead_information")],
  deals: [
    lastActivity("dealinformation"),
    hubspot(
      "days_to_close",
      "Days to close",
      "number",
      "number",
      "dealinformation",
      "The number of days the deal took to close.",
      daysToClose,
    ),
    hubspot(
      "num_notes",
      "Number of Sales Activities",
      "number",
      "number",
      "dealinformation",
      "The total number of sales activities logged for the deal.",
      sometimes(0.95, integer(0, 30)),
    ),
  ],
  tickets: [
    lastActivity("ticketinformation"),
    hubspot(
      "source_type",
      "Source",
      "enumeration",
      "select",
      "ticketinformation",
      "Channel where the ticket was originally submitted.",
      sometimes(0.95, option(TICKET_SOURCES)),
      TICKET_SOURCES,
    ),
  ],
};
