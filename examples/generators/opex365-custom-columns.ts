// The customer's own columns on standard tables, which the `custom-columns` variant adds: a publisher other
// than the sample's `new_` (Kestrel's own, prefix `kst_`), on account, contact, lead, opportunity and
// incident, one column of each Dataverse column type. The rows carry only values and formatted values;
// what a column is (its type, its date format, its choices) is written nowhere but in EntityDefinitions.
import { AT, EXPORTED_AT, workingTime, type Opex365Model } from "./opex365-model.js";
import {
  choice,
  dateOnly,
  dateTime,
  decimal,
  labelled,
  money,
  text,
  whole,
  yesNo,
  type Cell,
  type Currency,
  type ODataRow,
  type OptionSet,
} from "./opex365-odata.js";
import { currency, currencyCell } from "./opex365-rows.js";
import { Random } from "./random.js";

const DAY = 86_400_000;

/** The publisher prefix of the customer's own columns (the sample's custom table and columns use `new_`). */
export const CUSTOM_PREFIX = "kst_";

export type CustomColumnType =
  "String" | "Memo" | "Integer" | "Decimal" | "Money" | "DateTime" | "Boolean" | "Picklist" | "MultiSelectPicklist";

/** What a row's custom values are drawn from. */
export interface CustomRowContext {
  createdAt: number;
  currency: Currency;
}

/** text, a number, a moment (UTC ms) for DateTime, yes or no, an option code, or several option codes. */
export type CustomValue = string | number | boolean | readonly number[];

export interface CustomColumn {
  logicalName: string;
  schemaName: string;
  displayName: string;
  type: CustomColumnType;
  /** DateTime columns: a date only (`YYYY-MM-DD`), or a moment in UTC. */
  format?: "DateOnly" | "DateAndTime";
  /** Picklist and MultiSelectPicklist columns: code → label, codes from 100000000. */
  options?: OptionSet;
  /** Share of rows with a value; the others are null. */
  share: number;
  draw(rng: Random, row: CustomRowContext): CustomValue;
}

/** The tables that get custom columns, by logical name. */
export type CustomizedTable = "account" | "contact" | "lead" | "opportunity" | "incident";

type Draw = CustomColumn["draw"];

/** A choice column's options: labels numbered from 100000000, as Dataverse numbers a publisher's options. */
function choices(...labels: string[]): OptionSet {
  return Object.fromEntries(labels.map((label, i) => [100_000_000 + i, label]));
}

function column(
  logicalName: string,
  schemaTail: string,
  displayName: string,
  type: CustomColumnType,
  share: number,
  draw: Draw,
  extra: Pick<CustomColumn, "format" | "options"> = {},
): CustomColumn {
  return {
    logicalName: `${CUSTOM_PREFIX}${logicalName}`,
    schemaName: `${CUSTOM_PREFIX}${schemaTail}`,
    displayName,
    type,
    share,
    draw,
    ...extra,
  };
}

/** A choice column: one option, or (multi-select) one to `max` of them. */
function picklist(
  logicalName: string,
  schemaTail: string,
  displayName: string,
  share: number,
  options: OptionSet,
): CustomColumn {
  return column(logicalName, schemaTail, displayName, "Picklist", share, oneOption(options), { options });
}

function multiSelect(
  logicalName: string,
  schemaTail: string,
  displayName: string,
  share: number,
  options: OptionSet,
  max: number,
): CustomColumn {
  return column(logicalName, schemaTail, displayName, "MultiSelectPicklist", share, someOptions(options, max), {
    options,
  });
}

const code =
  (prefix: string, digits: number): Draw =>
  (rng) =>
    `${prefix}${rng.digits(digits)}`;
const lines =
  (sentences: readonly string[]): Draw =>
  (rng) =>
    rng.sample(sentences, rng.int(2, 4)).join("\n");
const integer =
  (min: number, maxExclusive: number): Draw =>
  (rng) =>
    rng.int(min, maxExclusive);
const decimalOf =
  (min: number, max: number): Draw =>
  (rng) =>
    Math.round((min + rng.float() * (max - min)) * 100) / 100;
const amount =
  (min: number, max: number, step: number): Draw =>
  (rng) =>
    rng.int(Math.ceil(min / step), Math.floor(max / step) + 1) * step;
const yes =
  (share: number): Draw =>
  (rng) =>
    rng.chance(share);
/** A day after the row was created, at midnight UTC; not after the export unless the date lies ahead. */
const dayAfterCreation =
  (minDays: number, maxDays: number, future = false): Draw =>
  (rng, row) => {
    const day = Math.floor((row.createdAt + rng.int(minDays, maxDays + 1) * DAY) / DAY) * DAY;
    return future ? day : Math.min(day, Math.floor(EXPORTED_AT / DAY) * DAY - DAY);
  };
const momentSinceCreation: Draw = (rng, row) =>
  Math.min(
    EXPORTED_AT - 3_600_000,
    workingTime(rng, row.createdAt + DAY + rng.float() * Math.max(0, EXPORTED_AT - row.createdAt - DAY)),
  );
const oneOption =
  (options: OptionSet): Draw =>
  (rng) =>
    rng.pick(Object.keys(options).map(Number));
/** One to `max` codes, ascending, as Dataverse stores a multi-select choice. */
const someOptions =
  (options: OptionSet, max: number): Draw =>
  (rng) =>
    rng.sample(Object.keys(options).map(Number), rng.int(1, max + 1)).sort((a, b) => a - b);

const PRODUCT_INTERESTS = choices(
  "Temperature sensors",
  "Humidity sensors",
  "Data loggers",
  "Kestrel Cloud",
  "Calibration service",
);

export const CUSTOM_COLUMNS: Readonly<Record<CustomizedTable, readonly CustomColumn[]>> = {
  account: [
    column("sapcustomerno", "SAPCustomerNo", "SAP Customer No.", "String", 0.85, code("10", 6)),
    column(
      "servicenotes",
      "ServiceNotes",
      "Service Notes",
      "Memo",
      0.75,
      lines([
        "Calibration due every 12 months, on site.",
        "Gate access only with badge; call the plant manager first.",
        "Prefers invoices by post.",
        "Sensors in the cold room replaced in 2023.",
        "Maintenance contract includes two visits a year.",
      ]),
    ),
    column("installedsensors", "InstalledSensors", "Installed Sensors", "Integer", 0.8, integer(0, 2000)),
    column("discountrate", "DiscountRate", "Discount Rate (%)", "Decimal", 0.75, decimalOf(0.5, 25)),
    column("creditlimit", "CreditLimit", "Credit Limit", "Money", 0.7, amount(5_000, 500_000, 500)),
    column("customersince", "CustomerSince", "Customer Since", "DateTime", 0.75, dayAfterCreation(5, 120), {
      format: "DateOnly",
    }),
    column("lastauditon", "LastAuditOn", "Last Audit", "DateTime", 0.75, momentSinceCreation, {
      format: "DateAndTime",
    }),
    column("keyaccount", "KeyAccount", "Key Account", "Boolean", 0.95, yes(0.2)),
    picklist(
      "salesregion",
      "SalesRegion",
      "Sales Region",
      0.9,
      choices("DACH", "Western Europe", "Southern Europe", "Eastern Europe", "North America", "Japan"),
    ),
    multiSelect(
      "certifications",
      "Certifications",
      "Certifications",
      0.75,
      choices("ISO 9001", "ISO 17025", "HACCP", "GMP", "IFS Food"),
      3,
    ),
  ],
  contact: [
    column("portaluserid", "PortalUserId", "Customer Portal User", "String", 0.75, code("KP-", 6)),
    column(
      "preferences",
      "Preferences",
      "Contact Preferences",
      "Memo",
      0.75,
      lines([
        "Prefers e-mail over phone calls.",
        "Only reachable in the mornings.",
        "Met at the Achema trade fair.",
        "Wants quotes in German.",
        "Do not invite to webinars.",
      ]),
    ),
    column("trainingsattended", "TrainingsAttended", "Trainings Attended", "Integer", 0.7, integer(0, 9)),
    column("satisfactionscore", "SatisfactionScore", "Satisfaction Score", "Decimal", 0.75, decimalOf(1, 5)),
    column("trainingbudget", "TrainingBudget", "Training Budget", "Money", 0.75, amount(500, 20_000, 250)),
    column("gdprconsenton", "GdprConsentOn", "GDPR Consent On", "DateTime", 0.7, dayAfterCreation(0, 30), {
      format: "DateOnly",
    }),
    column("lastwebinaron", "LastWebinarOn", "Last Webinar", "DateTime", 0.75, momentSinceCreation, {
      format: "DateAndTime",
    }),
    column("newsletter", "Newsletter", "Newsletter", "Boolean", 0.9, yes(0.55)),
    picklist(
      "buyingrole",
      "BuyingRole",
      "Buying Role",
      0.8,
      choices("Decision Maker", "Champion", "Influencer", "End User", "Blocker"),
    ),
    multiSelect("productinterests", "ProductInterests", "Product Interests", 0.7, PRODUCT_INTERESTS, 3),
  ],
  lead: [
    column("campaigncode", "CampaignCode", "Campaign Code", "String", 0.7, (rng) =>
      rng.pick(["ACHEMA-2024", "WEB-COLDCHAIN", "PARTNER-Q2", "WEBINAR-CLOUD", "LINKEDIN-PHARMA"]),
    ),
    column(
      "qualificationnotes",
      "QualificationNotes",
      "Qualification Notes",
      "Memo",
      0.75,
      lines([
        "Budget approved for this fiscal year.",
        "Current supplier's contract ends in Q4.",
        "Decision by the plant manager.",
        "Needs FDA 21 CFR Part 11 compliance.",
        "Evaluating two other vendors.",
      ]),
    ),
    column("sensorsneeded", "SensorsNeeded", "Sensors Needed", "Integer", 0.7, integer(5, 500)),
    column("fitscore", "FitScore", "Fit Score", "Decimal", 0.75, decimalOf(0, 10)),
    column("budget", "Budget", "Budget", "Money", 0.75, amount(2_000, 250_000, 1_000)),
    column("firstcontacton", "FirstContactOn", "First Contact On", "DateTime", 0.8, dayAfterCreation(0, 14), {
      format: "DateOnly",
    }),
    column("demobookedon", "DemoBookedOn", "Demo Booked On", "DateTime", 0.75, momentSinceCreation, {
      format: "DateAndTime",
    }),
    column("budgetconfirmed", "BudgetConfirmed", "Budget Confirmed", "Boolean", 0.9, yes(0.4)),
    picklist("temperature", "Temperature", "Lead Temperature", 0.85, choices("Hot", "Warm", "Cold")),
    multiSelect("interestedin", "InterestedIn", "Interested In", 0.7, PRODUCT_INTERESTS, 2),
  ],
  opportunity: [
    column("ponumber", "PONumber", "PO Number", "String", 0.75, code("PO-2024-", 5)),
    column(
      "decisioncriteria",
      "DecisionCriteria",
      "Decision Criteria",
      "Memo",
      0.75,
      lines([
        "Accuracy of ±0.1 °C required.",
        "Must integrate with the customer's SCADA system.",
        "Price per sensor below 300 EUR.",
        "Validation documents for GMP audits.",
        "Delivery before the summer shutdown.",
      ]),
    ),
    column("sensorquantity", "SensorQuantity", "Sensor Quantity", "Integer", 0.75, integer(1, 400)),
    column("discountpercent", "DiscountPercent", "Discount (%)", "Decimal", 0.75, decimalOf(1, 30)),
    column("installationfee", "InstallationFee", "Installation Fee", "Money", 0.75, amount(400, 12_000, 50)),
    column("golivedate", "GoLiveDate", "Go-Live Date", "DateTime", 0.75, dayAfterCreation(30, 240, true), {
      format: "DateOnly",
    }),
    column("contractsignedon", "ContractSignedOn", "Contract Signed On", "DateTime", 0.75, momentSinceCreation, {
      format: "DateAndTime",
    }),
    column("legalreview", "LegalReview", "Requires Legal Review", "Boolean", 0.9, yes(0.2)),
    picklist(
      "competitor",
      "Competitor",
      "Main Competitor",
      0.75,
      choices("Testo", "Vaisala", "Rotronic", "ELPRO", "No competitor"),
    ),
    multiSelect(
      "addons",
      "AddOns",
      "Add-ons",
      0.75,
      choices("Extended warranty", "On-site calibration", "Premium support", "Cloud API access"),
      3,
    ),
  ],
  incident: [
    column("serialnumber", "SerialNumber", "Serial Number", "String", 0.75, code("T200-", 7)),
    column("stepstoreproduce", "StepsToReproduce", "Steps to Reproduce", "Memo", 0.75, (rng) =>
      rng.pick([
        "1. Replace the battery.\n2. Restart the sensor.\n3. The cloud shows no data.",
        "1. Open the dashboard.\n2. Select last week.\nThe chart stays empty.",
        "1. Export the calibration certificate.\nThe PDF has no signature.",
      ]),
    ),
    column("affectedsensors", "AffectedSensors", "Affected Sensors", "Integer", 0.7, integer(1, 60)),
    column("timespent", "TimeSpent", "Time Spent (hours)", "Decimal", 0.8, decimalOf(0.25, 16)),
    column("creditnoteamount", "CreditNoteAmount", "Credit Note Amount", "Money", 0.75, amount(50, 5_000, 10)),
    column("sladueon", "SlaDueOn", "SLA Due On", "DateTime", 0.85, dayAfterCreation(1, 10, true), {
      format: "DateOnly",
    }),
    column("firstresponseon", "FirstResponseOn", "First Response On", "DateTime", 0.8, momentSinceCreation, {
      format: "DateAndTime",
    }),
    column("escalated", "Escalated", "Escalated", "Boolean", 0.95, yes(0.15)),
    picklist(
      "affectedcomponent",
      "AffectedComponent",
      "Affected Component",
      0.85,
      choices("Sensor hardware", "Gateway", "Kestrel Cloud", "Mobile app", "Billing"),
    ),
    multiSelect(
      "affectedsites",
      "AffectedSites",
      "Affected Sites",
      0.75,
      choices("Warehouse", "Production", "Laboratory", "Office", "Cold room"),
      3,
    ),
  ],
};

/** The rows the sample leaves nearly empty on purpose (awkward cases): they get no custom values either. */
function isSparse(model: Opex365Model, table: CustomizedTable, id: string): boolean {
  if (table === "account") return id === model.id("account", AT.account.sparse);
  if (table === "contact") return id === model.id("contact", AT.contact.sparse);
  if (table === "opportunity") return id === model.id("opportunity", AT.opportunity.sparse);
  return false;
}

/**
 * `row` with the table's custom columns after its own, each a value (with its formatted value) or null.
 * Adding a money column to a table gives it a currency: a row without `_transactioncurrencyid_value` gets
 * the base currency, EUR.
 */
export function withCustomColumns(model: Opex365Model, table: CustomizedTable, row: ODataRow, key: string): ODataRow {
  const id = String(row[key]);
  const withCurrency = "_transactioncurrencyid_value" in row;
  const context: CustomRowContext = {
    createdAt: Date.parse(String(row["createdon"])),
    currency: currency(model, row["_transactioncurrencyid_value"] === model.id("transactioncurrency", 1) ? 1 : 0),
  };
  const sparse = isSparse(model, table, id);
  const cells: [string, Cell][] = CUSTOM_COLUMNS[table].map((c) => {
    // One stream per column and row, so the values of one column do not depend on the others.
    const rng = Random.forRecord(model.seed, "custom-column", table, c.logicalName, id);
    return [c.logicalName, sparse || !rng.chance(c.share) ? { value: null } : cellOf(c, c.draw(rng, context), context)];
  });
  if (!withCurrency) cells.push(["_transactioncurrencyid_value", currencyCell(model, 0)]);
  const extended: ODataRow = { ...row };
  for (const [name, cell] of cells) {
    for (const [annotation, value] of Object.entries(cell.annotations ?? {})) extended[`${name}@${annotation}`] = value;
    extended[name] = cell.value;
  }
  return extended;
}

function cellOf(c: CustomColumn, value: CustomValue, row: CustomRowContext): Cell {
  const number = () => {
    if (typeof value !== "number")
      throw new TypeError(`${c.logicalName}: a ${c.type} column drew ${JSON.stringify(value)}`);
    return value;
  };
  switch (c.type) {
    case "String":
    case "Memo":
      return text(String(value));
    case "Integer":
      return whole(number());
    case "Decimal":
      return decimal(number(), 2);
    case "Money":
      return money(number(), row.currency);
    case "DateTime":
      return c.format === "DateOnly" ? dateOnly(number()) : dateTime(number());
    case "Boolean":
      return yesNo(value === true);
    case "Picklist":
      return choice(c.options!, number());
    case "MultiSelectPicklist": {
      const codes = value as readonly number[];
      // Dataverse writes a multi-select choice as its codes joined by commas, shown as its labels joined by "; ".
      return labelled(codes.join(","), codes.map((code) => c.options![code]).join("; "));
    }
  }
}
