// `date` and `datetime`: source dates in the format the spec names → the forms Odoo stores
// (`YYYY-MM-DD`, and `YYYY-MM-DD HH:mm:ss` in UTC).
import {
  compileFormat,
  formatDate,
  formatOdooDatetime,
  matchWallTime,
  wallTimeProblem,
  type WallTime,
} from "./calendar.js";
import { TransformError, quote } from "./errors.js";
import { textInput } from "./values.js";
import { isValidTimeZone, zonedTimeToUtc } from "./zones.js";

export const ISO_DATE_FORMAT = "YYYY-MM-DD";

// The date part, then optionally a time and an offset: 2024-03-31, 2024-03-31T01:30, 2024-03-31 01:30:00.123456Z.
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * What a value is read as: "date" or "date and time", for the message that refuses it. A value that has
 * the format's shape but names no real moment (31 February, 24:00) is refused as such, never rolled over.
 */
type Reading = { value: unknown; kind: "date" | "date and time" };

export function parseDate(value: unknown, format?: string): string {
  const text = textInput(value, "date").trim();
  const reading: Reading = { value, kind: "date" };
  const wall =
    format === undefined || format === ISO_DATE_FORMAT
      ? readIsoWallTime(text, reading)?.wall
      : readFormatted(text, format, reading);
  if (!wall) throw new TransformError(`${quote(value)} is not a date in ${format ?? ISO_DATE_FORMAT}`);
  return formatDate(wall);
}

export interface DatetimeOptions {
  /** IANA zone the source wrote its wall times in; an offset or Z in an ISO value wins over it */
  tz?: string;
}

export function parseDatetime(value: unknown, format?: string, options?: DatetimeOptions): string {
  const zone = options?.tz ?? "UTC";
  if (!isValidTimeZone(zone)) throw new TransformError(`unknown time zone ${quote(zone)}`);
  const instant = readInstant({ value, kind: "date and time" }, format ?? "iso", zone);
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new TransformError(`${quote(value)} is not a date and time in ${describeFormat(format ?? "iso")}`);
  }
  // 0001-01-01T00:30+01:00 is a real moment, but in UTC it falls in year 0, which Odoo cannot store.
  const utcYear = instant.getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999)
    throw new TransformError(`${quote(value)} falls outside the years 0001–9999 in UTC`);
  return formatOdooDatetime(instant);
}

function readInstant(reading: Reading, format: string, zone: string): Date | undefined {
  if (format === "epoch_ms" || format === "epoch_s") return readEpoch(reading.value, format === "epoch_s" ? 1000 : 1);
  const text = textInput(reading.value, "datetime").trim();
  if (format === "iso") return readIsoInstant(text, zone, reading);
  // Exports are not always consistent: a time with seconds where minutes were declared, or an ISO 8601
  // stamp (which says its own offset) in a column of wall times, is read rather than refused.
  const wall =
    readFormatted(text, format, reading) ??
    (format.endsWith("HH:mm") ? readFormatted(text, `${format}:ss`, reading) : undefined);
  return wall ? instantIn(zone, wall, reading) : isIsoStamp(text) ? readIsoInstant(text, zone, reading) : undefined;
}

/** A full ISO 8601 date and time (`2024-03-05T14:00:00Z`, `2024-03-05T19:30:00+05:30`). */
function isIsoStamp(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text);
}

function readEpoch(value: unknown, unitMs: number): Date | undefined {
  const text = typeof value === "number" ? String(value) : textInput(value, "datetime").trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const instant = new Date(Math.floor(Number(text) * unitMs));
  const year = instant.getUTCFullYear();
  return year >= 1 && year <= 9999 ? instant : undefined;
}

function readIsoInstant(text: string, zone: string, reading: Reading): Date | undefined {
  const iso = readIsoWallTime(text, reading);
  if (!iso) return undefined;
  if (iso.offsetMinutes === undefined) return instantIn(zone, iso.wall, reading);
  const asIfUtc = instantIn("UTC", iso.wall, reading);
  return new Date(asIfUtc.getTime() - iso.offsetMinutes * 60_000);
}

/**
 * The instant the zone's clocks showed the wall time. A time shown twice (clocks going back) is the first
 * of the two (zonedTimeToUtc); a time the clocks skipped is refused, naming the jump: shifting it by the
 * hour the clocks jumped would stage a moment the export did not hold.
 */
function instantIn(zone: string, wall: WallTime, reading: Reading): Date {
  const zoned = zonedTimeToUtc(wall, zone);
  if ("instant" in zoned) return zoned.instant;
  const { from, to } = zoned.skipped;
  const day = (time: WallTime) => (formatDate(time) === formatDate(wall) ? "" : `${formatDate(time)} `);
  throw new TransformError(
    `${quote(reading.value)} did not exist in ${zone}: the clocks went forward from ${day(from)}${clock(from)} to ${day(to)}${clock(to)}`,
  );
}

/** `01:00`, or `00:01:15` for an offset with seconds (local mean time before 1900). */
function clock(time: WallTime): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const seconds = time.second === 0 ? "" : `:${pad(time.second)}`;
  return `${pad(time.hour)}:${pad(time.minute)}${seconds}`;
}

interface IsoReading {
  wall: WallTime;
  /** minutes ahead of UTC, when the value says (`Z`, `+05:30`) */
  offsetMinutes?: number;
}

/** Undefined when the text is no ISO 8601 value; throws when it is one but names no real moment. */
function readIsoWallTime(text: string, reading: Reading): IsoReading | undefined {
  const match = ISO_DATETIME.exec(text);
  if (!match) return undefined;
  const number = (index: number): number => Number(match[index] ?? 0);
  const wall: WallTime = {
    year: number(1),
    month: number(2),
    day: number(3),
    hour: number(4),
    minute: number(5),
    second: number(6),
    millisecond: Math.floor(Number(`0.${match[7] ?? "0"}`) * 1000),
  };
  const real = realWall(wall, reading);
  const offset = match[8];
  return offset === undefined ? { wall: real } : { wall: real, offsetMinutes: offsetMinutesOf(offset, reading) };
}

/** `Z`, `+05:30`, `-0800`, `+01` as minutes ahead of UTC; an offset no clock has (`+25:00`, `+05:60`) is refused. */
function offsetMinutesOf(offset: string, reading: Reading): number {
  if (offset.toUpperCase() === "Z") return 0;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 23 || minutes > 59) throw notReal(reading, `there is no UTC offset ${offset}`);
  const total = hours * 60 + minutes;
  return offset.startsWith("-") ? -total : total;
}

function readFormatted(text: string, format: string, reading: Reading): WallTime | undefined {
  const wall = matchWallTime(text, compileFormat(format));
  return wall && realWall(wall, reading);
}

/** The wall time when calendar and clock have it; otherwise the value is refused, naming what is wrong. */
function realWall(wall: WallTime, reading: Reading): WallTime {
  const problem = wallTimeProblem(wall);
  if (problem !== undefined) throw notReal(reading, problem);
  return wall;
}

function notReal(reading: Reading, problem: string): TransformError {
  return new TransformError(`${quote(reading.value)} is not a real ${reading.kind}: ${problem}`);
}

function describeFormat(format: string): string {
  if (format === "iso") return "ISO 8601";
  if (format === "epoch_ms") return "epoch milliseconds";
  if (format === "epoch_s") return "epoch seconds";
  return format;
}
