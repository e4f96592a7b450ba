// The customer's own columns on Sage CRM's standard tables, described in Custom_Edits.csv: a few in the sample
// (the industry code, the Sage 200 account reference, a GDPR consent flag, …), and with the `custom-fields`
// variant one more of each entry type. Sage adds a custom column to the end of its table (ALTER TABLE … ADD),
// so they follow the audit columns. A selection holds a caption code (Custom_Captions names it), a checkbox `Y`
// or null, a date a datetime at midnight. Each value is drawn from a stream of its own (seed, table, column,
// record), so adding columns moves nothing else.
import type { Caption } from "./sage-account.js";
import { DAY, HOUR, MINUTE, dateTimeCell, flagY, londonDayStart, money, type Cell } from "./sage-format.js";
import type { Random } from "./random.js";
import type { SectorCode } from "./sage-vocabulary.js";

/** The standard tables that carry custom columns, by Custom_Edits.ColP_Entity. */
export type FieldTable = "Company" | "Person" | "Lead" | "Opportunity" | "Cases";

/**
 * Sage's entry types: 10 text, 11 multiline text, 21 selection, 31 integer, 32 numeric, 41 date and time,
 * 42 date only, 45 checkbox, 51 currency, 56 search select (a link to another record).
 */
export type EntryType = 10 | 11 | 21 | 31 | 32 | 41 | 42 | 45 | 51 | 56;

/** What a custom value may depend on: when its record was created, and for companies their sector and type. */
export interface FieldContext {
  since: number;
  sector?: SectorCode;
  customer?: boolean;
  /** The record's name, for references derived from it. */
  name?: string;
}

export interface CustomColumn {
  column: string;
  table: FieldTable;
  entryType: EntryType;
  caption: string;
  captionDe: string;
  /** A selection's codes, under the family named after the column. */
  captions: readonly Caption[];
  /** The record's cell, as SQL Server prints it. */
  draw(rng: Random, record: FieldContext): Cell;
}

type Draw = CustomColumn["draw"];

/** Most records have a value; about one in five leaves the column null. */
const sometimes =
  (draw: Draw, unset = 0.2): Draw =>
  (rng, record) =>
    rng.chance(unset) ? null : draw(rng, record);

const column = (
  table: FieldTable,
  name: string,
  entryType: EntryType,
  caption: string,
  captionDe: string,
  draw: Draw,
  captions: readonly Caption[] = [],
): CustomColumn => ({ column: name, table, entryType, caption, captionDe, captions, draw });

const INDUSTRY_CODES: Readonly<Record<SectorCode, Caption>> = {
  Water: { code: "WAT", us: "Water treatment", de: "Wasseraufbereitung" },
  Pharma: { code: "PHA", us: "Pharmaceutical manufacturing", de: "Pharmazeutische Herstellung" },
  Food: { code: "FNB", us: "Food and drink production", de: "Lebensmittel- und Getränkeherstellung" },
  Chemicals: { code: "CHE", us: "Chemical manufacturing", de: "Chemische Industrie" },
  Environment: { code: "ENV", us: "Environmental testing", de: "Umweltanalytik" },
  Research: { code: "EDU", us: "Research and higher education", de: "Forschung und Hochschulen" },
  Healthcare: { code: "HLT", us: "Hospital laboratories", de: "Krankenhauslabore" },
  Energy: { code: "NRG", us: "Energy and refining", de: "Energie und Raffinerie" },
};

const COMPETITORS: readonly Caption[] = [
  { code: "Aquilon", us: "Aquilon Instruments", de: "Aquilon Instruments" },
  { code: "Brightlab", us: "Brightlab Scientific", de: "Brightlab Scientific" },
  { code: "Vextra", us: "Vextra Analytik", de: "Vextra Analytik" },
  { code: "None", us: "None known", de: "Keiner bekannt" },
];

const LANGUAGES: readonly Caption[] = [
  { code: "EN", us: "English", de: "Englisch" },
  { code: "DE", us: "German", de: "Deutsch" },
  { code: "FR", us: "French", de: "Französisch" },
  { code: "DA", us: "Danish", de: "Dänisch" },
  { code: "NO", us: "Norwegian", de: "Norwegisch" },
];

/** A day some days after `since`, as Sage stores a date: a datetime at midnight in London. */
const dayAfter = (rng: Random, since: number, from: number, to: number): Cell =>
  dateTimeCell(londonDayStart(since + rng.int(from, to) * DAY));

/** The Sage 200 account reference: the name's first four letters and a number, `CALL001`. */
const accountRef = (name: string | undefined, rng: Random) =>
  `${(name ?? "CUST")
    .replace(/[^A-Za-z]/g, "")
    .slice(0, 4)
    .toUpperCase()
    .padEnd(4, "X")}${String(rng.int(1, 20)).padStart(3, "0")}`;

/** The sample's custom columns, in the order Sage added them to their tables. */
export const SAMPLE_COLUMNS: readonly CustomColumn[] = [
  column(
    "Company",
    "comp_industrycode",
    21,
    "Industry code",
    "Branchenschlüssel",
    sometimes((_rng, record) => (record.sector ? INDUSTRY_CODES[record.sector].code : null), 0.15),
    Object.values(INDUSTRY_CODES),
  ),
  column("Company", "comp_accountref", 10, "Sage 200 account", "Sage-200-Konto", (rng, record) =>
    record.customer ? accountRef(record.name, rng) : null,
  ),
  column("Company", "comp_creditlimit", 51, "Credit limit", "Kreditlimit", (rng, record) =>
    record.customer ? money(rng.int(2, 41) * 250_000) : null,
  ),
  column("Person", "pers_gdprconsent", 45, "Marketing consent (GDPR)", "Werbeeinwilligung (DSGVO)", (rng) =>
    flagY(rng.chance(0.55)),
  ),
  column(
    "Opportunity",
    "oppo_competitor",
    21,
    "Main competitor",
    "Hauptwettbewerber",
    sometimes((rng) => rng.pick(codesOfCaptions(COMPETITORS)), 0.3),
    COMPETITORS,
  ),
  column(
    "Opportunity",
    "oppo_contractmonths",
    31,
    "Contract term (months)",
    "Vertragslaufzeit (Monate)",
    sometimes((rng) => String(rng.pick([12, 24, 36])), 0.4),
  ),
  column(
    "Cases",
    "case_serialnumber",
    10,
    "Instrument serial no.",
    "Geräte-Seriennr.",
    sometimes((rng) => `CF-${rng.int(18000, 24999)}`, 0.1),
  ),
];

/** The `custom-fields` variant's columns: with the sample's, every entry type Sage has for data. */
export const ADDED_COLUMNS: readonly CustomColumn[] = [
  column(
    "Company",
    "comp_sitecount",
    31,
    "Number of sites",
    "Anzahl Standorte",
    sometimes((rng) => String(rng.int(1, 25))),
  ),
  column(
    "Company",
    "comp_lastaudit",
    42,
    "Last supplier audit",
    "Letztes Lieferantenaudit",
    sometimes((rng, r) => dayAfter(rng, r.since, 30, 900)),
  ),
  column("Company", "comp_keyaccount", 45, "Key account", "Schlüsselkunde", (rng) => flagY(rng.chance(0.35))),
  column(
    "Company",
    "comp_deliverynotes",
    11,
    "Delivery instructions",
    "Lieferhinweise",
    sometimes(
      (rng) =>
        rng.pick([
          "Goods in: rear entrance.\nDeliveries 08:00–15:00 only.",
          "Call the lab before delivery (ext. 214).",
          "Anlieferung über Tor 3.\nBitte Lieferschein in zweifacher Ausfertigung.",
        ]),
      0.5,
    ),
  ),
  column(
    "Person",
    "pers_preferredlang",
    21,
    "Preferred language",
    "Bevorzugte Sprache",
    sometimes((rng) => rng.pick(codesOfCaptions(LANGUAGES))),
    LANGUAGES,
  ),
  column(
    "Person",
    "pers_lastwebinar",
    41,
    "Last webinar attended",
    "Zuletzt besuchtes Webinar",
    sometimes(
      (rng, r) => dateTimeCell(londonDayStart(r.since + rng.int(20, 400) * DAY) + 14 * HOUR + 30 * MINUTE),
      0.5,
    ),
  ),
  column(
    "Lead",
    "lead_budget",
    51,
    "Stated budget",
    "Genanntes Budget",
    sometimes((rng) => money(rng.int(4, 80) * 50_000), 0.4),
  ),
  column(
    "Lead",
    "lead_decisiondate",
    42,
    "Decision expected",
    "Entscheidung erwartet",
    sometimes((rng, r) => dayAfter(rng, r.since, 14, 120), 0.4),
  ),
  column(
    "Opportunity",
    "oppo_discountpct",
    32,
    "Discount %",
    "Rabatt %",
    sometimes((rng) => rng.pick(["0", "2.5", "5", "7.5", "10", "12.5"])),
  ),
  column(
    "Opportunity",
    "oppo_margin",
    51,
    "Expected margin",
    "Erwartete Marge",
    sometimes((rng) => money(rng.int(3, 400) * 10_000 + rng.pick([0, 50]))),
  ),
  column(
    "Opportunity",
    "oppo_tenderref",
    10,
    "Tender reference",
    "Ausschreibungsnummer",
    sometimes((rng) => `TND/${rng.int(2021, 2025)}/${rng.digits(4)}`, 0.6),
  ),
  column(
    "Cases",
    "case_downtimehours",
    32,
    "Downtime (hours)",
    "Ausfallzeit (Stunden)",
    sometimes((rng) => (rng.int(1, 97) / 2).toString(), 0.3),
  ),
];

function codesOfCaptions(captions: readonly Caption[]): string[] {
  return captions.map((c) => c.code);
}

/** The custom entity's own columns, as Custom_Edits describes them (entity Project). */
export const PROJECT_FIELDS: readonly {
  column: string;
  entryType: EntryType;
  caption: string;
  captionDe: string;
  family?: string;
}[] = [
  { column: "proj_Name", entryType: 10, caption: "Project name", captionDe: "Projektname" },
  { column: "proj_CompanyId", entryType: 56, caption: "Company", captionDe: "Firma" },
  { column: "proj_PersonId", entryType: 56, caption: "Contact", captionDe: "Ansprechpartner" },
  { column: "proj_OpportunityId", entryType: 56, caption: "Opportunity", captionDe: "Verkaufschance" },
  { column: "proj_Status", entryType: 21, caption: "Status", captionDe: "Status", family: "proj_Status" },
  { column: "proj_StartDate", entryType: 42, caption: "Start date", captionDe: "Startdatum" },
  { column: "proj_Budget", entryType: 51, caption: "Budget", captionDe: "Budget" },
  { column: "proj_UserId", entryType: 56, caption: "Project manager", captionDe: "Projektleiter" },
];
