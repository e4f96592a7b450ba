// A source's settings as the readers and coercions take them: the plan keeps them as the spec wrote them.
import type { PlanSource } from "./types.js";

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

/** The settings the column coercions read, from the source's `settings`; absent ones stay absent. */
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

function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
