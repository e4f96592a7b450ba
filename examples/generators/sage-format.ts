// How a Sage CRM export prints its values. Sage CRM keeps its data in SQL Server, and the dump prints what
// SQL Server holds: a datetime as `2019-03-04 10:22:05.000` in the server's local time, Europe/London (GMT in
// winter, BST in summer, and the clock says nothing about which), money with four decimals, flags as `Y` or
// null, a live row's `_Deleted` as null and a deleted row's as `1`. Moments are kept as UTC milliseconds and
// amounts as whole pence (or cents), so no arithmetic here ever rounds.

export const SERVER_TIME_ZONE = "Europe/London";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A cell before the export prints it: text, or null (which the dump writes as `NULL`, or as nothing). */
export type Cell = string | null;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The UTC moment at 01:00 on the last Sunday of `month` (1-12): when British Summer Time starts or ends. */
function lastSundayOneAm(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** London's offset from UTC at `utc`: an hour from the last Sunday of March to the last Sunday of October. */
export function londonOffset(utc: number): number {
  const year = new Date(utc).getUTCFullYear();
  return utc >= lastSundayOneAm(year, 3) && utc < lastSundayOneAm(year, 10) ? HOUR : 0;
}

/**
 * The UTC moment of a wall-clock time in London: `london(2024, 7, 1, 9, 30)` is 2024-07-01T08:30Z. A time in
 * the autumn's repeated hour is read as its first occurrence (BST); the spring's skipped hour is never asked for.
 */
export function london(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const summer = wall - HOUR;
  return londonOffset(summer) === HOUR ? summer : wall;
}

/** The London midnight that starts the day of `utc`, so whole days can be added to it. */
export function londonDayStart(utc: number): number {
  const wall = new Date(utc + londonOffset(utc));
  return london(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
}

/**
 * `2019-03-04 10:22:05.000`: SQL Server's datetime in London wall-clock time. SQL Server keeps a datetime to
 * 1/300 of a second, so the milliseconds of a stamp the server made end in 0, 3 or 7.
 */
export function sageDateTime(utc: number): string {
  const d = new Date(utc + londonOffset(utc));
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** A datetime cell, null when there is no value. */
export const dateTimeCell = (utc: number | undefined): Cell => (utc === undefined ? null : sageDateTime(utc));

/** The milliseconds of a server stamp: one of SQL Server's 1/300-second ticks (`.000`, `.003`, `.007`, `.010`, …). */
export const datetimeTicks = (tick: number): number => Math.round((tick % 300) * (10 / 3));

/** `12500.0000`: SQL Server's money, four decimals, from whole pence; null when there is none. */
export function money(pence: number | undefined): Cell {
  if (pence === undefined) return null;
  return `${Math.floor(pence / 100)}.${pad(pence % 100)}00`;
}

/** A number cell, null when there is none. */
export const numberCell = (value: number | undefined): Cell => (value === undefined ? null : String(value));

/** A Sage flag (nchar(1)): `Y` when set, null otherwise. */
export const flagY = (set: boolean): Cell => (set ? "Y" : null);

/** `_Deleted`: null for a live row, `1` for a deleted one. */
export const deletedCell = (deleted: boolean): Cell => (deleted ? "1" : null);

// ── Windows-1252 ───────────────────────────────────────────────────────────────────────────────────────

/** The characters of Windows-1252's bytes 0x80-0x9F; the five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are empty. */
const HIGH_CONTROLS = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

/** The bytes Windows-1252 leaves undefined: no character encodes to them, and a strict decoder refuses them. */
export const UNDEFINED_WINDOWS_1252: readonly number[] = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

const ENCODE_1252: ReadonlyMap<string, number> = new Map(
  [...HIGH_CONTROLS].flatMap((char, k) => (char === "\0" ? [] : [[char, 0x80 + k] as const])),
);

/** The Windows-1252 byte of a character, or undefined when the code page has none. */
function windows1252Byte(char: string): number | undefined {
  const code = char.codePointAt(0)!;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return ENCODE_1252.get(char);
}

/**
 * Text as SQL Server writes it to a Windows-1252 file: a character the code page lacks (the `ł` of an
 * nvarchar name) becomes `?`, as the conversion from Unicode does. Nothing else is lost.
 */
export function encodeWindows1252(text: string): Buffer {
  const chars = [...text];
  const bytes = Buffer.alloc(chars.length);
  chars.forEach((char, k) => {
    bytes[k] = windows1252Byte(char) ?? 0x3f;
  });
  return bytes;
}

/**
 * Windows-1252 bytes as text, a byte the code page leaves undefined as the C1 control of the same number (as the
 * WHATWG decoder does). Node's own TextDecoder("windows-1252") reads 0x80-0x9F as Latin-1 in a one-shot decode
 * (not with `{ stream: true }`) since v20.18.3 and v22.13.0 (nodejs/node#56542: "’" becomes U+0092), so the
 * tests read an export with this instead.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    const high = byte >= 0x80 && byte < 0xa0 ? HIGH_CONTROLS[byte - 0x80]! : "\0";
    text += high === "\0" ? String.fromCharCode(byte) : high;
  }
  return text;
}

/** Whether every character of `text` survives a Windows-1252 file. */
export const fitsWindows1252 = (text: string): boolean => [...text].every((c) => windows1252Byte(c) !== undefined);
