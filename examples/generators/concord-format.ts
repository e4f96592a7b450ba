// How Concord CRM writes its values. Concord is a Laravel application: its API serialises a time stamp as
// Carbon's ISO 8601 string in UTC, `2024-05-01T10:00:00.000000Z` (microseconds always zero, as MySQL keeps
// whole seconds); a date column as `2024-05-01`; an activity's time of day as `10:00:00`, in UTC. Moments are
// kept as UTC milliseconds and money as whole cents, so no arithmetic here ever rounds.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The UTC moment of a date and time: `utc(2024, 5, 1, 10)` is 2024-05-01T10:00:00Z. */
export function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The UTC midnight that starts the day of `at`. */
export const dayStart = (at: number): number => Math.floor(at / DAY) * DAY;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `2024-05-01`, the UTC day of `at`. */
export function isoDate(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `10:00:00`, the UTC time of day of `at`. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** How a time stamp's fraction of a second is written: Concord's six digits, three, or none. */
export type Fraction = "micro" | "milli" | "none";

/** `2024-05-01T10:00:00.000000Z` (micro), `2024-05-01T10:00:00.000Z` (milli) or `2024-05-01T10:00:00Z` (none). */
export function timestamp(at: number, fraction: Fraction): string {
  const digits = { micro: ".000000", milli: ".000", none: "" }[fraction];
  return `${isoDate(at)}T${clockTime(at)}${digits}Z`;
}

/** An amount in euros from whole cents: 48000 → 480, 43250 → 432.5. */
export const euros = (cents: number): number => cents / 100;
