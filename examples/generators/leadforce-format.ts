// How a Leadforce export prints its values. Leadforce (built on Perfex CRM) prints dates `DD-MM-YYYY` and
// date-times `DD-MM-YYYY HH:MM` as wall-clock time in the account's time zone, Asia/Kolkata (UTC+05:30 all
// year, no daylight saving), without saying so; money as a plain decimal; flags as 1/0; unset values as
// empty cells. Moments are kept as UTC milliseconds and amounts as whole paise (1/100 of the currency
// unit), so no arithmetic here ever rounds.

export const ACCOUNT_TIME_ZONE = "Asia/Kolkata";

const MINUTE = 60_000;
export const DAY = 86_400_000;
/** India Standard Time is UTC+05:30 the whole year. */
const IST_OFFSET = 330 * MINUTE;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The UTC moment of a wall-clock time in Kolkata: `ist(2024, 4, 1, 2, 30)` is 2024-03-31T21:00Z. */
export function ist(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - IST_OFFSET;
}

/** The Kolkata midnight that starts the day of `utc`, so whole days can be added to it. */
export function istDayStart(utc: number): number {
  return Math.floor((utc + IST_OFFSET) / DAY) * DAY - IST_OFFSET;
}

function wallClock(utc: number): Date {
  return new Date(utc + IST_OFFSET);
}

/** `29-02-2024`: the day in Kolkata; empty when there is no value. */
export function lfDate(utc: number | undefined): string {
  if (utc === undefined) return "";
  const d = wallClock(utc);
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

/** `01-04-2024 02:30`: wall-clock time in Kolkata, minutes only; empty when there is no value. */
export function lfDateTime(utc: number | undefined): string {
  if (utc === undefined) return "";
  const d = wallClock(utc);
  return `${lfDate(utc)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `12500.00`: an amount as Leadforce stores it (two decimals); empty when there is none. */
export function money2(paise: number | undefined): string {
  if (paise === undefined) return "";
  return `${Math.floor(paise / 100)}.${pad(paise % 100)}`;
}

/** `7499.5`, `45000`: a rate as typed into the item form, without trailing zeros. */
export function moneyPlain(paise: number): string {
  const whole = Math.floor(paise / 100);
  const cents = paise % 100;
  if (cents === 0) return String(whole);
  return cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${pad(cents)}`;
}

/** A quantity kept in halves: 3 → `1.5`, 4 → `2`. */
export function quantity(halves: number): string {
  return halves % 2 === 0 ? String(halves / 2) : `${(halves - 1) / 2}.5`;
}

export const flag = (value: boolean): string => (value ? "1" : "0");
