// A raw source cell → the typed value of its declared column type, before any transform of the spec runs.
// Readers hand over what the file holds: text from CSV, numbers, booleans, arrays and objects from JSON.
import type { CoercionSettings } from "../../plan/source-settings.js";
import type { ColumnType, ValueType } from "../../plan/types.js";
import { TransformError, quote } from "./errors.js";
import { bool, date, datetime, int, money, split } from "./registry.js";
import { isPlainObject } from "./values.js";

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
