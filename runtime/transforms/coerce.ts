// A raw source cell → the typed value of its declared column type, before any transform of the spec runs.
// Readers hand over what the file holds: text from CSV, numbers, booleans, arrays and objects from JSON.
import type { ColumnType, PlanSource, ValueType } from "../../compiler/plan/types.js";
import { TransformError, quote } from "./errors.js";
import { bool, date, datetime, int, money, split } from "./registry.js";
import { isPlainObject } from "./values.js";

export interface CoercionSettings {
  /** format of `date` columns (default ISO) */
  dateFormat?: string;
  /** format of `datetime` columns (default ISO) */
  datetimeFormat?: string;
  /** IANA zone of the source's wall times (default UTC) */
  timezone?: string;
  /** words that mean true in `boolean` columns; every other word is false */
  trueValues?: readonly string[];
  /** separator of `list` columns given as text (default ";") */
  listSeparator?: string;
  /** decimal and grouping marks of `integer`, `decimal` and `money` columns */
  decimal?: string;
  thousands?: string;
  /** the texts the export writes for "no value", e.g. Sage's `NULL` */
  nullTexts?: readonly string[];
}

export function coerceColumn(raw: unknown, columnType: ColumnType, settings: CoercionSettings = {}): unknown {
  if (isAbsent(raw, settings)) return null;
  switch (columnType) {
    case "id":
    case "text":
    case "email":
    case "phone":
    case "url":
    case "file":
    case "base64":
      return textCell(raw);
    case "html":
      return typeof raw === "string" ? raw : textCell(raw);
    case "integer":
      return int(raw, { thousands: settings.thousands });
    case "decimal":
    case "money":
      return money(raw, { decimal: settings.decimal, thousands: settings.thousands });
    case "boolean":
      return bool(raw, settings.trueValues);
    case "date":
      return date(raw, settings.dateFormat);
    case "datetime":
      return datetime(raw, settings.datetimeFormat, { tz: settings.timezone });
    case "list":
      return Array.isArray(raw) ? raw : split(raw, settings.listSeparator ?? ";");
    case "json":
      return typeof raw === "string" ? parseJson(raw) : raw;
  }
}

export function valueTypeOfColumn(columnType: ColumnType): ValueType {
  switch (columnType) {
    case "html":
      return "html";
    case "integer":
      return "integer";
    case "decimal":
    case "money":
      return "decimal";
    case "boolean":
      return "boolean";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "list":
      return "list";
    case "json":
      return "any";
    default:
      return "text";
  }
}

/**
 * Reads the settings a source declares, as written in the spec, in either spelling (`date_format` or
 * `dateFormat`). `true_values` is a comma-separated list.
 */
export function coercionSettingsOf(settings: PlanSource["settings"]): CoercionSettings {
  const text = (name: string): string | undefined => {
    const value = settings[name];
    return value === undefined || Array.isArray(value) ? undefined : String(value);
  };
  const list = (name: string): string[] | undefined => {
    const value = settings[name];
    if (value === undefined) return undefined;
    return (Array.isArray(value) ? value : [String(value)]).filter((word) => word !== "");
  };
  return dropUndefined({
    dateFormat: text("dateFormat"),
    datetimeFormat: text("datetimeFormat"),
    timezone: text("timezone"),
    trueValues: list("trueValues"),
    listSeparator: text("listSeparator"),
    decimal: text("decimal"),
    thousands: text("thousands"),
    nullTexts: list("null"),
  });
}

function isAbsent(raw: unknown, settings: CoercionSettings): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== "string") return false;
  return raw.trim() === "" || (settings.nullTexts?.includes(raw) ?? false);
}

function textCell(raw: unknown): string | null {
  if (typeof raw === "string") return raw.trim() || null;
  if (typeof raw === "number" || typeof raw === "boolean" || typeof raw === "bigint") return String(raw);
  if (isPlainObject(raw) || Array.isArray(raw)) return JSON.stringify(raw);
  throw new TransformError(`${quote(raw)} is not text`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TransformError(`${quote(text)} is not JSON`);
  }
}

function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
