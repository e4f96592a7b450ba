// The installation's custom fields: about three on each of companies, contacts and deals in the sample, and two
// more each, of other types, with the `custom-fields` variant. A record carries a field's value as a top-level
// attribute named by its `field_id`: a Select or Radio the option's id, a MultiSelect or Checkbox an array of
// option ids, a Boolean true/false, a Date `YYYY-MM-DD`, a DateTime a time stamp, null when unset. Each value
// is drawn from a stream of its own (seed, resource, field, record), so adding fields moves nothing else.
import { DAY, dayStart, isoDate } from "./concord-format.js";
import type { Json } from "./concord-pages.js";
import type { Random } from "./random.js";

/** Concord's field types. */
export type FieldType =
  | "Text"
  | "Textarea"
  | "Number"
  | "Numeric"
  | "Date"
  | "DateTime"
  | "Boolean"
  | "Select"
  | "MultiSelect"
  | "Checkbox"
  | "Radio"
  | "Email"
  | "Url";

export type FieldResource = "companies" | "contacts" | "deals";

export interface FieldOption {
  id: number;
  name: string;
}

/** What a value may depend on: when its record was created, its company's domain and country. */
export interface FieldContext {
  since: number;
  domain: string;
  country: "PT" | "ES";
  timestamp(at: number): string;
}

export interface CustomField {
  id: number;
  fieldId: string;
  label: string;
  type: FieldType;
  resource: FieldResource;
  options: readonly FieldOption[];
  /** The record's value, as the API writes it. */
  draw(rng: Random, record: FieldContext): Json;
}

type Draw = (rng: Random, record: FieldContext, options: readonly FieldOption[]) => Json;

interface FieldSpec {
  fieldId: string;
  label: string;
  type: FieldType;
  resource: FieldResource;
  options: readonly string[];
  draw: Draw;
}

/** Most records have a value; about one in five leaves the field unset (null). */
const sometimes =
  (draw: Draw, unset = 0.2): Draw =>
  (rng, record, options) =>
    rng.chance(unset) ? null : draw(rng, record, options);

const spec = (
  resource: FieldResource,
  fieldId: string,
  label: string,
  type: FieldType,
  options: readonly string[],
  draw: Draw,
): FieldSpec => ({ fieldId, label, type, resource, options, draw });

const oneOf: Draw = (rng, _record, options) => rng.pick(options).id;
const someOf: Draw = (rng, _record, options) =>
  rng
    .sample(options, rng.int(1, 3))
    .map((o) => o.id)
    .sort((a, b) => a - b);
const dayAfter = (rng: Random, since: number, from: number, to: number) =>
  isoDate(dayStart(since) + rng.int(from, to) * DAY);

const SEGMENTS = ["Operador logístico (3PL)", "Transitário", "Distribuição", "Cadeia de frio", "Portos e terminais"];
const ERP_SYSTEMS = ["SAP Business One", "PHC CS", "Primavera", "Sage X3", "Microsoft Dynamics NAV", "Excel"];
const LANGUAGES = ["Português", "Español", "English"];
const MODULES = ["TMS", "WMS", "Planeador de rotas", "App do motorista", "Telemática"];
const COMPETITORS = ["Transporeon", "Alpega", "SAP TM", "Nenhum"];

/** The sample's custom fields, in the order their attributes follow a record's own. */
const SAMPLE_FIELDS: readonly FieldSpec[] = [
  spec("companies", "cf_industry_segment", "Industry segment", "Select", SEGMENTS, sometimes(oneOf)),
  spec(
    "companies",
    "cf_fleet_size",
    "Fleet size",
    "Number",
    [],
    sometimes((rng) => rng.int(3, 400)),
  ),
  spec(
    "companies",
    "cf_erp_system",
    "ERP system",
    "Text",
    [],
    sometimes((rng) => rng.pick(ERP_SYSTEMS), 0.3),
  ),
  spec(
    "contacts",
    "cf_preferred_language",
    "Preferred language",
    "Radio",
    LANGUAGES,
    sometimes((rng, record, options) => (rng.chance(0.1) ? options[2]! : options[record.country === "PT" ? 0 : 1]!).id),
  ),
  spec("contacts", "cf_newsletter", "Newsletter", "Boolean", [], (rng) => rng.chance(0.4)),
  spec(
    "contacts",
    "cf_birthday",
    "Birthday",
    "Date",
    [],
    sometimes((rng) => isoDate(Date.UTC(rng.int(1962, 2000), rng.int(0, 12), rng.int(1, 29))), 0.7),
  ),
  spec("deals", "cf_modules", "Modules", "MultiSelect", MODULES, sometimes(someOf)),
  spec(
    "deals",
    "cf_discount_percent",
    "Discount %",
    "Numeric",
    [],
    sometimes((rng) => rng.pick([0, 5, 7.5, 10, 12.5])),
  ),
  spec(
    "deals",
    "cf_go_live_date",
    "Go-live date",
    "Date",
    [],
    sometimes((rng, r) => dayAfter(rng, r.since, 30, 180)),
  ),
];

/** The `custom-fields` variant's fields: two more per resource, of types the sample does not use there. */
const ADDED_FIELDS: readonly FieldSpec[] = [
  spec(
    "companies",
    "cf_billing_email",
    "Billing e-mail",
    "Email",
    [],
    sometimes((_rng, r) => `faturacao@${r.domain}`),
  ),
  spec(
    "companies",
    "cf_portal_url",
    "Customer portal",
    "Url",
    [],
    sometimes((_rng, r) => `https://portal.${r.domain}/`),
  ),
  spec(
    "contacts",
    "cf_last_event_at",
    "Last event attended",
    "DateTime",
    [],
    sometimes((rng, r) => r.timestamp(dayStart(r.since) + rng.int(1, 60) * DAY + rng.int(9, 18) * 3_600_000), 0.5),
  ),
  spec(
    "contacts",
    "cf_onboarding_notes",
    "Onboarding notes",
    "Textarea",
    [],
    sometimes((rng) =>
      rng.pick(["Prefere contacto por telefone.\nNão ligar à sexta.", "Formação feita.", "Sem notas."]),
    ),
  ),
  spec("deals", "cf_competitors", "Competitors", "Checkbox", COMPETITORS, sometimes(someOf)),
  spec(
    "deals",
    "cf_po_number",
    "PO number",
    "Text",
    [],
    sometimes((rng) => `PO-2024-${rng.digits(4)}`, 0.4),
  ),
];

/** Ids in the order Concord created them: the sample's fields and their options first, so a variant changes none. */
function numbered(specs: readonly FieldSpec[]): CustomField[] {
  let option = 0;
  return specs.map((s, k) => {
    const options = s.options.map((name) => ({ id: ++option, name }));
    return {
      id: k + 1,
      fieldId: s.fieldId,
      label: s.label,
      type: s.type,
      resource: s.resource,
      options,
      draw: (rng, record) => s.draw(rng, record, options),
    };
  });
}

const ALL_FIELDS = numbered([...SAMPLE_FIELDS, ...ADDED_FIELDS]);

/** The installation's custom fields: the sample's, and with `added` the variant's too. */
export function customFields(added: boolean): CustomField[] {
  return added ? ALL_FIELDS : ALL_FIELDS.slice(0, SAMPLE_FIELDS.length);
}

/** The fields the `custom-fields` variant adds. */
export const ADDED_CUSTOM_FIELDS: readonly CustomField[] = ALL_FIELDS.slice(SAMPLE_FIELDS.length);
