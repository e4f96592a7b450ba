// Date and time formats as written in specs (`DD-MM-YYYY`, `DD/MM/YYYY HH:mm`) and the calendar rules that
// tell a real date from "31-02-2024".

/** Wall-clock fields as written in the source, before any time zone is applied. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** fraction of a second, in milliseconds; Odoo keeps whole seconds, so it only matters for rounding down */
  millisecond: number;
}

type Field = keyof WallTime;

interface FormatToken {
  token: string;
  pattern: string;
  field: Field;
  /** digits of a fraction of a second, which scale to milliseconds */
  fraction?: number;
}

// Longest tokens first, so `YYYY` is not read as something shorter and `MM` before `M`.
const TOKENS: readonly FormatToken[] = [
  { token: "YYYY", pattern: "(\\d{4})", field: "year" },
  { token: "SSSSSS", pattern: "(\\d{6})", field: "millisecond", fraction: 6 },
  { token: "SSS", pattern: "(\\d{3})", field: "millisecond", fraction: 3 },
  { token: "MM", pattern: "(\\d{2})", field: "month" },
  { token: "DD", pattern: "(\\d{2})", field: "day" },
  { token: "HH", pattern: "(\\d{2})", field: "hour" },
  { token: "mm", pattern: "(\\d{2})", field: "minute" },
  { token: "ss", pattern: "(\\d{2})", field: "second" },
  { token: "M", pattern: "(\\d{1,2})", field: "month" },
  { token: "D", pattern: "(\\d{1,2})", field: "day" },
  { token: "H", pattern: "(\\d{1,2})", field: "hour" },
];

const DATE_FIELDS: ReadonlySet<Field> = new Set(["year", "month", "day"]);

export interface CompiledFormat {
  source: string;
  regex: RegExp;
  tokens: FormatToken[];
}

const compiled = new Map<string, CompiledFormat>();

export function compileFormat(format: string): CompiledFormat {
  const cached = compiled.get(format);
  if (cached) return cached;
  const tokens: FormatToken[] = [];
  let pattern = "";
  for (let at = 0; at < format.length;) {
    const token = TOKENS.find((candidate) => format.startsWith(candidate.token, at));
    if (token) {
      tokens.push(token);
      pattern += token.pattern;
      at += token.token.length;
    } else {
      pattern += escapeRegex(format.charAt(at));
      at += 1;
    }
  }
  const result = { source: format, regex: new RegExp(`^${pattern}$`), tokens };
  compiled.set(format, result);
  return result;
}

/**
 * What is wrong with a date or datetime format, for the compiler to report, or undefined when it is fine.
 * A date format needs a year, month and day and nothing finer; a datetime format may add the time of day.
 */
export function describeFormatProblem(format: string, kind: "date" | "datetime"): string | undefined {
  const fields = compileFormat(format).tokens.map((token) => token.field);
  const missing = ["year", "month", "day"].filter((field) => !fields.includes(field as Field));
  if (missing.length > 0) return `format "${format}" has no ${missing.join(", ")}`;
  const repeated = fields.find((field, index) => fields.indexOf(field) !== index);
  if (repeated) return `format "${format}" gives the ${repeated} twice`;
  if (kind === "date" && fields.some((field) => !DATE_FIELDS.has(field))) {
    return `format "${format}" has a time of day; use datetime`;
  }
  return undefined;
}

/** The wall time a value spells in the format, or undefined when it does not match or is no real date. */
export function readWallTime(text: string, format: CompiledFormat): WallTime | undefined {
  const wall = matchWallTime(text, format);
  return wall && isRealWallTime(wall) ? wall : undefined;
}

/**
 * The fields a value spells in the format, as written and not yet checked against the calendar, or
 * undefined when it does not have the format's shape. Callers tell "not this format" from "no such day"
 * with wallTimeProblem, so a 31 February is refused as such instead of being rolled over into March.
 */
export function matchWallTime(text: string, format: CompiledFormat): WallTime | undefined {
  const match = format.regex.exec(text.trim());
  if (!match) return undefined;
  const wall: WallTime = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  format.tokens.forEach((token, index) => {
    const digits = match[index + 1] ?? "0";
    wall[token.field] = token.fraction ? Math.floor(Number(digits) / 10 ** (token.fraction - 3)) : Number(digits);
  });
  return wall;
}

export function isRealWallTime(wall: WallTime): boolean {
  return wallTimeProblem(wall) === undefined;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * Why no calendar or clock shows these fields (`there is no month 13`, `April has 30 days`), or undefined
 * when it is a real moment. Hour 24 and second 60 are refused too: Odoo stores neither, and reading them
 * as the next day or minute would change the value without saying so.
 */
export function wallTimeProblem(wall: WallTime): string | undefined {
  if (wall.year < 1 || wall.year > 9999) return `year ${wall.year} is outside 0001–9999`;
  if (wall.month < 1 || wall.month > 12) return `there is no month ${wall.month}`;
  if (wall.day < 1) return `there is no day ${wall.day}`;
  const days = daysInMonth(wall.year, wall.month);
  if (wall.day > days) return `${monthLength(wall.year, wall.month, days)}, not ${wall.day}`;
  if (wall.hour > 23) return `there is no hour ${wall.hour} (hours run 00–23)`;
  if (wall.minute > 59) return `there is no minute ${wall.minute} (minutes run 00–59)`;
  if (wall.second > 59) return `there is no second ${wall.second} (seconds run 00–59)`;
  return undefined;
}

/** `April has 30 days`; February names its year, which decides it: `February 2023 has 28 days`. */
function monthLength(year: number, month: number, days: number): string {
  const name = MONTH_NAMES[month - 1] ?? `month ${month}`;
  return month === 2 ? `${name} ${pad(year, 4)} has ${days} days` : `${name} has ${days} days`;
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function formatDate(wall: Pick<WallTime, "year" | "month" | "day">): string {
  return `${pad(wall.year, 4)}-${pad(wall.month, 2)}-${pad(wall.day, 2)}`;
}

/** Odoo's datetime format: `YYYY-MM-DD HH:mm:ss`, always UTC. */
export function formatOdooDatetime(instant: Date): string {
  const date = formatDate({
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  });
  const time = `${pad(instant.getUTCHours(), 2)}:${pad(instant.getUTCMinutes(), 2)}:${pad(instant.getUTCSeconds(), 2)}`;
  return `${date} ${time}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function escapeRegex(character: string): string {
  return character.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
