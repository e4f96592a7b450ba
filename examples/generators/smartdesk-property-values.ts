// The properties a variant adds to a SmartDesk export (the customer's own, or HubSpot's that the sample
// never selected): a definition for properties.json, and a value per record drawn from the record's own
// stream. A value is drawn once and written twice over: as the UI export prints it (labels, `Yes`,
// account-time datetimes) and as the v3 API returns it (option values, `true`, ISO UTC), because the two
// differ exactly where a migration has to translate.
import type { Random } from "./random.js";
import type { PropertyDefinition, PropertyOption } from "./smartdesk-account.js";
import { EXPORTED_AT, workingTime } from "./smartdesk-model.js";
import { isoUtc } from "./smartdesk-time.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The record a value belongs to. */
export interface RecordContext {
  createdAt: number;
  /** A deal's close date; undefined for other records and for deals without one. */
  closedAt: number | undefined;
  /** A record the sample leaves nearly empty on purpose (an awkward case): it gets no added values either. */
  sparse: boolean;
}

/**
 * A drawn value: text; a number; a moment in UTC milliseconds for `date` and `datetime` properties; yes or
 * no; an option value (select, radio) or several (checkbox).
 */
export type PropertyValue = string | number | boolean | readonly string[];

export type Draw = (rng: Random, record: RecordContext) => PropertyValue | undefined;

export interface AddedProperty {
  definition: PropertyDefinition;
  /** The record's value, or undefined when it has none (an empty cell; `""` in the API). */
  draw: Draw;
}

export function addedProperty(
  definition: Omit<PropertyDefinition, "hubspotDefined" | "options"> & { hubspotDefined: boolean },
  draw: Draw,
  options?: readonly (readonly [label: string, value: string])[],
): AddedProperty {
  const full: PropertyDefinition = { ...definition };
  if (options) full.options = options.map(([label, value]): PropertyOption => ({ label, value }));
  return { definition: full, draw };
}

// ---- Drawing values

/** Most records have a value, some do not; the sample's nearly empty records never do. */
export const sometimes =
  (share: number, draw: Draw): Draw =>
  (rng, record) =>
    record.sparse || !rng.chance(share) ? undefined : draw(rng, record);

export const oneOf =
  (values: readonly string[]): Draw =>
  (rng) =>
    rng.pick(values);

export const integer =
  (min: number, maxExclusive: number): Draw =>
  (rng) =>
    rng.int(min, maxExclusive);

/** A decimal with `places` places that is not a whole number, as entered in a form: 12.5, 2499.95. */
export const decimal =
  (min: number, max: number, places: number): Draw =>
  (rng) => {
    const scale = 10 ** places;
    const value = Math.round((min + rng.float() * (max - min)) * scale) / scale;
    return Number.isInteger(value) ? value + 1 / scale : value;
  };

/** A day `minDays`…`maxDays` after the record was created, at midnight UTC (a date-only property). */
export const dayAfterCreation =
  (minDays: number, maxDays: number, notAfterExport = true): Draw =>
  (rng, record) => {
    const day = Math.floor((record.createdAt + rng.int(minDays, maxDays + 1) * DAY) / DAY) * DAY;
    return notAfterExport ? Math.min(day, Math.floor(EXPORTED_AT / DAY) * DAY - DAY) : day;
  };

/** A moment during working hours between the record's creation and the export. */
export const momentSinceCreation: Draw = (rng, record) => {
  const at = workingTime(rng, record.createdAt + rng.float() * Math.max(0, EXPORTED_AT - record.createdAt));
  return Math.max(record.createdAt + HOUR, Math.min(at, EXPORTED_AT - HOUR));
};

export const option =
  (options: readonly (readonly [string, string])[]): Draw =>
  (rng) =>
    rng.pick(options)[1];

/** `min`…`max` distinct option values, in the options' own order (as HubSpot lists a checkbox's values). */
export const options =
  (choices: readonly (readonly [string, string])[], min: number, max: number): Draw =>
  (rng) => {
    const chosen = new Set(rng.sample(choices, rng.int(min, max + 1)).map(([, value]) => value));
    return choices.filter(([, value]) => chosen.has(value)).map(([, value]) => value);
  };

export const yes =
  (share: number): Draw =>
  (rng) =>
    rng.chance(share);

/** Two or three sentences on their own lines: what a textarea typically holds. */
export const lines =
  (sentences: readonly string[]): Draw =>
  (rng) =>
    rng.sample(sentences, rng.int(2, 4)).join("\n");

// ---- Writing values

/** The cell of a UI export (CSV): option labels, `Yes`/`No`, datetimes as the export prints them. */
export function csvText(
  definition: PropertyDefinition,
  value: PropertyValue | undefined,
  dateTime: (utc: number) => string,
): string {
  if (value === undefined) return "";
  switch (definition.type) {
    case "bool":
      return booleanOf(definition, value) ? "Yes" : "No";
    case "date":
      return isoUtc(momentOf(definition, value)).slice(0, 10);
    case "datetime":
      return dateTime(momentOf(definition, value));
    case "enumeration":
      return optionValuesOf(definition, value)
        .map((v) => labelOf(definition, v))
        .join(";");
    default:
      return String(value);
  }
}

/** The value as the v3 API returns it: always a string, option values rather than labels, ISO UTC times. */
export function apiText(definition: PropertyDefinition, value: PropertyValue | undefined): string {
  if (value === undefined) return "";
  switch (definition.type) {
    case "bool":
      return String(booleanOf(definition, value));
    case "date":
      return isoUtc(momentOf(definition, value)).slice(0, 10);
    case "datetime":
      return isoUtc(momentOf(definition, value));
    case "enumeration":
      return optionValuesOf(definition, value).join(";");
    default:
      return String(value);
  }
}

function booleanOf(definition: PropertyDefinition, value: PropertyValue): boolean {
  if (typeof value !== "boolean")
    throw new TypeError(`${definition.name}: a bool property drew ${JSON.stringify(value)}`);
  return value;
}

function momentOf(definition: PropertyDefinition, value: PropertyValue): number {
  if (typeof value !== "number")
    throw new TypeError(`${definition.name}: a ${definition.type} property drew ${JSON.stringify(value)}`);
  return value;
}

function optionValuesOf(definition: PropertyDefinition, value: PropertyValue): readonly string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value as readonly string[];
  throw new TypeError(`${definition.name}: an enumeration drew ${JSON.stringify(value)}`);
}

function labelOf(definition: PropertyDefinition, value: string): string {
  const found = definition.options?.find((o) => o.value === value);
  if (!found) throw new RangeError(`${definition.name}: no option ${value}`);
  return found.label;
}
