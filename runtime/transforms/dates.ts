// `date` and `datetime`: source dates in the format the spec names → the forms Odoo stores
// (`YYYY-MM-DD`, and `YYYY-MM-DD HH:mm:ss` in UTC).
import {
  compileFormat,
  formatDate,
  formatOdooDatetime,
  isRealWallTime,
  readWallTime,
  type WallTime,
} from "./calendar.js";
import { TransformError, quote } from "./errors.js";
import { textInput } from "./values.js";
import { isValidTimeZone, zonedTimeToUtc } from "./zones.js";

export const ISO_DATE_FORMAT = "YYYY-MM-DD";

// The date part, then optionally a time and an offset: 2024-03-31, 2024-03-31T01:30, 2024-03-31 01:30:00.123456Z.
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseDate(value: unknown, format?: string): string {
  const text = textInput(value, "date").trim();
  const wall = format === undefined || format === ISO_DATE_FORMAT ? readIsoWallTime(text)?.wall : readFormatted(text, format);
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
  const instant = readInstant(value, format ?? "iso", zone);
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new TransformError(`${quote(value)} is not a date and time in ${describeFormat(format ?? "iso")}`);
  }
  return formatOdooDatetime(instant);
}

function readInstant(value: unknown, format: string, zone: string): Date | undefined {
  if (format === "epoch_ms" || format === "epoch_s") return readEpoch(value, format === "epoch_s" ? 1000 : 1);
  const text = textInput(value, "datetime").trim();
  if (format === "iso") return readIsoInstant(text, zone);
  // Exports are not always consistent: a time with seconds where minutes were declared, or an ISO 8601
  // stamp (which says its own offset) in a column of wall times, is read rather than refused.
  const wall = readFormatted(text, format) ?? (format.endsWith("HH:mm") ? readFormatted(text, `${format}:ss`) : undefined);
  return wall ? zonedTimeToUtc(wall, zone) : isIsoStamp(text) ? readIsoInstant(text, zone) : undefined;
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

function readIsoInstant(text: string, zone: string): Date | undefined {
  const iso = readIsoWallTime(text);
  if (!iso) return undefined;
  if (iso.offsetMinutes === undefined) return zonedTimeToUtc(iso.wall, zone);
  const asIfUtc = zonedTimeToUtc(iso.wall, "UTC");
  return new Date(asIfUtc.getTime() - iso.offsetMinutes * 60_000);
}

interface IsoReading {
  wall: WallTime;
  /** minutes ahead of UTC, when the value says (`Z`, `+05:30`) */
  offsetMinutes?: number;
}

function readIsoWallTime(text: string): IsoReading | undefined {
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
  if (!isRealWallTime(wall)) return undefined;
  const offset = match[8];
  return offset === undefined ? { wall } : { wall, offsetMinutes: offsetMinutesOf(offset) };
}

function offsetMinutesOf(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return offset.startsWith("-") ? -minutes : minutes;
}

function readFormatted(text: string, format: string): WallTime | undefined {
  return readWallTime(text, compileFormat(format));
}

function describeFormat(format: string): string {
  if (format === "iso") return "ISO 8601";
  if (format === "epoch_ms") return "epoch milliseconds";
  if (format === "epoch_s") return "epoch seconds";
  return format;
}
