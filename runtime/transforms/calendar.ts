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
  for (let at = 0; at < format.length; ) {
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
  const match = format.regex.exec(text.trim());
  if (!match) return undefined;
  const wall: WallTime = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  format.tokens.forEach((token, index) => {
    const digits = match[index + 1] ?? "0";
    wall[token.field] = token.fraction ? Math.floor(Number(digits) / 10 ** (token.fraction - 3)) : Number(digits);
  });
  return isRealWallTime(wall) ? wall : undefined;
}

export function isRealWallTime(wall: WallTime): boolean {
  return (
    wall.year >= 1 &&
    wall.year <= 9999 &&
    wall.month >= 1 &&
    wall.month <= 12 &&
    wall.day >= 1 &&
    wall.day <= daysInMonth(wall.year, wall.month) &&
    wall.hour <= 23 &&
    wall.minute <= 59 &&
    wall.second <= 59
  );
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
  const date = formatDate({ year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() });
  const time = `${pad(instant.getUTCHours(), 2)}:${pad(instant.getUTCMinutes(), 2)}:${pad(instant.getUTCSeconds(), 2)}`;
  return `${date} ${time}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function escapeRegex(character: string): string {
  return character.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
