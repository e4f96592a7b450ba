// How SmartDesk prints a moment. The UI exports (CSV) print wall-clock time in the account's time zone,
// Europe/Berlin, without saying so: `2024-03-15 09:30`. The APIs (JSON) print UTC, `2024-03-15T08:30:00.000Z`,
// except that some activity times carry the offset they were logged with: `2024-03-05T14:00:00+05:30`.
import type { PersonLocale } from "./smartdesk-vocabulary.js";

export const ACCOUNT_TIME_ZONE = "Europe/Berlin";

const MINUTE = 60_000;

/** Minutes east of UTC for Europe/Berlin: +120 from the last Sunday of March to the last Sunday of October (01:00 UTC). */
export function berlinOffsetMinutes(utc: number): number {
  const year = new Date(utc).getUTCFullYear();
  const lastSundayAt1 = (month: number) => {
    const lastDay = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
  };
  return utc >= lastSundayAt1(2) && utc < lastSundayAt1(9) ? 120 : 60;
}

/** A UTC offset typical for where a person lives, at a given moment. */
export function offsetMinutesFor(locale: PersonLocale, utc: number): number {
  const summer = berlinOffsetMinutes(utc) === 120;
  switch (locale) {
    case "ja":
      return 540;
    case "en-IN":
      return 330;
    case "ru":
      return 180;
    case "en-US":
      return summer ? -240 : -300;
    case "en-GB":
      return summer ? 60 : 0;
    default:
      return summer ? 120 : 60;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function wallClock(utc: number, offsetMinutes: number): Date {
  return new Date(utc + offsetMinutes * MINUTE);
}

/** `2024-03-15 09:30`, account time zone; empty when there is no value. */
export function exportDateTime(utc: number | undefined): string {
  if (utc === undefined) return "";
  const d = wallClock(utc, berlinOffsetMinutes(utc));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * `2024-03-15 09:30:12`, account time zone: what an export made with another tool (or another portal
 * setting) prints for the same moment.
 */
export function exportDateTimeWithSeconds(utc: number | undefined): string {
  if (utc === undefined) return "";
  return `${exportDateTime(utc)}:${pad(new Date(utc).getUTCSeconds())}`;
}

/** `2024-03-15`, account time zone, for date-only properties. */
export function exportDate(utc: number | undefined): string {
  return exportDateTime(utc).slice(0, 10);
}

/** `2024-03-15T08:30:00.000Z`. */
export function isoUtc(utc: number): string {
  return new Date(utc).toISOString();
}

/** `2024-03-05T14:00:00+05:30`: the same moment, written with an offset and without milliseconds. */
export function isoWithOffset(utc: number, offsetMinutes: number): string {
  const d = wallClock(utc, offsetMinutes);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
