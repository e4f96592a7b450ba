// The `custom-fields` variant: the customer's own custom fields, one of each Leadforce type on leads and on
// deals, after the sample's `CF: …` columns. Each value is drawn from a stream of its own (seed, file,
// field, record), so adding the variant moves nothing else; some records leave a field empty.
import type { CustomField } from "./leadforce-account.js";
import { DAY, istDayStart, lfDate } from "./leadforce-format.js";
import type { Random } from "./random.js";

/** What an added field's value may depend on: when its record began (a lead's Created, a deal's Start Date). */
export interface FieldContext {
  since: number;
}

export interface AddedField {
  field: CustomField;
  /** The cell as Leadforce prints it; empty for a field left blank. */
  draw(rng: Random, record: FieldContext): string;
}

const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const letters = (rng: Random, n: number) =>
  Array.from({ length: n }, () => LETTERS[rng.int(0, LETTERS.length)]).join("");

/** Most records have a value; about one in five leaves the field empty. */
const sometimes =
  (draw: AddedField["draw"]): AddedField["draw"] =>
  (rng, record) =>
    rng.chance(0.2) ? "" : draw(rng, record);

const date = (rng: Random, since: number, from: number, to: number) =>
  lfDate(istDayStart(since) + rng.int(from, to) * DAY);

function added(
  label: string,
  belongsTo: CustomField["belongsTo"],
  type: CustomField["type"],
  options: readonly string[],
  draw: AddedField["draw"],
): AddedField {
  return { field: { label, belongsTo, type, options }, draw: sometimes(draw) };
}

const REGIONS = ["North", "South", "East", "West", "International"];
const CHANNELS = ["Phone", "Email", "WhatsApp", "Visit"];
const PAYMENT_TERMS = ["Advance", "Net 15", "Net 30", "Net 45"];
const MODULES = ["CRM", "ERP", "HRMS", "Analytics", "Support"];

export const ADDED_FIELDS: Readonly<Record<CustomField["belongsTo"], readonly AddedField[]>> = {
  leads: [
    // A GST number: state code, PAN (5 letters, 4 digits, a letter), entity number, Z, check character.
    added(
      "GSTIN",
      "leads",
      "input",
      [],
      (rng) => `${rng.int(10, 37)}${letters(rng, 5)}${rng.digits(4)}${letters(rng, 1)}1Z${rng.digits(1)}`,
    ),
    added("Employees", "leads", "number", [], (rng) => String(rng.int(5, 2000))),
    added("Region", "leads", "select", REGIONS, (rng) => rng.pick(REGIONS)),
    added("Preferred contact", "leads", "multiselect", CHANNELS, (rng) =>
      rng.sample(CHANNELS, rng.int(1, 3)).join(", "),
    ),
    added("Demo date", "leads", "date_picker", [], (rng, r) => date(rng, r.since, 3, 45)),
    added("Decision maker", "leads", "checkbox", [], (rng) => (rng.chance(0.5) ? "1" : "0")),
  ],
  deals: [
    added("PO number", "deals", "input", [], (rng) => `PO/2024/${rng.digits(4)}`),
    added("Discount %", "deals", "number", [], (rng) => rng.pick(["0", "5", "7.5", "10", "12.5"])),
    added("Payment terms", "deals", "select", PAYMENT_TERMS, (rng) => rng.pick(PAYMENT_TERMS)),
    added("Modules", "deals", "multiselect", MODULES, (rng) => rng.sample(MODULES, rng.int(1, 4)).join(", ")),
    added("Go-live date", "deals", "date_picker", [], (rng, r) => date(rng, r.since, 30, 120)),
    added("Signed", "deals", "checkbox", [], (rng) => (rng.chance(0.6) ? "1" : "0")),
  ],
};
