// Local wall time in an IANA zone → UTC, with Intl only (no time zone database of our own).
import type { WallTime } from "./calendar.js";
export { isValidTimeZone } from "../../plan/time-zones.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  const cached = formatters.get(zone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  formatters.set(zone, formatter);
  return formatter;
}

const DAY_MS_FOR_CACHE = 24 * 60 * 60 * 1000;
const MAX_CACHED_DAYS = 50_000;
/** `${zone}|${day}` → the zone's offset when it is the same at both ends of that UTC day, else null */
const dayOffsets = new Map<string, number | null>();

/**
 * How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. Asking Intl costs ~17 µs,
 * and an export's timestamps fall on far fewer days than it has rows: when the offset is the same at both
 * ends of a UTC day, it is that offset all day (no zone changes its offset twice within two days), so it is
 * kept per day; a day with a change is answered exactly every time.
 */
export function zoneOffsetAt(epochMs: number, zone: string): number {
  const day = Math.floor(epochMs / DAY_MS_FOR_CACHE);
  const key = `${zone}|${day}`;
  let constant = dayOffsets.get(key);
  if (constant === undefined) {
    const start = exactZoneOffsetAt(day * DAY_MS_FOR_CACHE, zone);
    const end = exactZoneOffsetAt((day + 1) * DAY_MS_FOR_CACHE, zone);
    constant = start === end ? start : null;
    if (dayOffsets.size >= MAX_CACHED_DAYS) dayOffsets.clear();
    dayOffsets.set(key, constant);
  }
  return constant ?? exactZoneOffsetAt(epochMs, zone);
}

function exactZoneOffsetAt(epochMs: number, zone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts = zoneFormatter(zone).formatToParts(new Date(whole));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  const wallAsUtc = wallAsUtcMs({
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour"),
    minute: field("minute"),
    second: field("second"),
    millisecond: 0,
  });
  return wallAsUtc - whole;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The zone's clocks jumped from `from` to `to` (wall times) at one instant: the times between never were. */
export interface ClockJump {
  from: WallTime;
  to: WallTime;
}

/** Where a wall time is in UTC: an instant, or the jump of the clocks that skipped it. */
export type ZonedInstant = { instant: Date } | { skipped: ClockJump };

/**
 * The UTC instant at which the zone's clocks show `wall`. A time that occurs twice (clocks go back: 01:30 on
 * 2023-10-29 in London) is the first occurrence, before the change (01:30 BST = 00:30 UTC), as Temporal's
 * "compatible" reads it: an export that wrote local time cannot say which was meant, and the first is what
 * the clock showed first. A time the clocks skipped (01:30 on 2024-03-31 in London, between 01:00 GMT and
 * 02:00 BST) never was; reading it with either offset would stage a moment the export did not hold, so it
 * is returned as the jump that skipped it, for the caller to refuse.
 */
export function zonedTimeToUtc(wall: WallTime, zone: string): ZonedInstant {
  const wallMs = wallAsUtcMs(wall);
  // Offsets a day either side: no zone changes its offset twice within two days.
  const before = zoneOffsetAt(wallMs - DAY_MS, zone);
  const after = zoneOffsetAt(wallMs + DAY_MS, zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallMs - zoneOffsetAt(instant, zone) === instant)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return first === undefined ? { skipped: clockJump(wallMs, before, after, zone) } : { instant: new Date(first) };
}

/**
 * The jump that skipped the wall time `wallMs` (as if UTC): it happened after `wallMs - after` (which the
 * clocks showed with the old offset) and by `wallMs - before` (shown with the new one). Found to the second.
 */
function clockJump(wallMs: number, before: number, after: number, zone: string): ClockJump {
  let old = Math.floor((wallMs - after) / 1000);
  let jumped = Math.ceil((wallMs - before) / 1000);
  while (jumped - old > 1) {
    const middle = Math.floor((old + jumped) / 2);
    if (zoneOffsetAt(middle * 1000, zone) === before) old = middle;
    else jumped = middle;
  }
  const at = jumped * 1000;
  return { from: wallTimeOf(at + before), to: wallTimeOf(at + zoneOffsetAt(at, zone)) };
}

function wallTimeOf(wallMs: number): WallTime {
  const date = new Date(wallMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

/** Date.UTC reads years 0–99 as 1900–1999, so the year is set on its own. */
function wallAsUtcMs(wall: WallTime): number {
  const date = new Date(Date.UTC(2000, 0, 1, wall.hour, wall.minute, wall.second, wall.millisecond));
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return date.getTime();
}
