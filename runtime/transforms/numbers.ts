// Numbers, amounts, percentages and yes/no values. Each receives a non-empty value.
import { TransformError, quote } from "./errors.js";
import { textInput } from "./values.js";

export interface NumberOptions {
  /** the decimal mark: "." (default) or "," */
  decimal?: string;
  /** the grouping mark ("," in 1,234.50); grouped digits must come in threes */
  thousands?: string;
}

interface NumberStyle {
  decimal: string;
  thousands?: string | undefined;
}

export function parseInteger(value: unknown, options?: Pick<NumberOptions, "thousands">): number {
  const number =
    typeof value === "number" ? value : readNumberText(value, "int", { decimal: ".", thousands: options?.thousands });
  if (!Number.isSafeInteger(number)) throw new TransformError(`${quote(value)} is not a whole number`);
  return number;
}

export function parseDecimal(value: unknown, options?: NumberOptions): number {
  if (typeof value === "number") return finite(value, value);
  return readNumberText(value, "decimal", styleOf(options));
}

// Symbols anywhere, ISO codes at either end ("USD 1,200", "1.234,50 EUR"), spaces including the narrow
// no-break space French formatting uses.
const CURRENCY_SYMBOLS = /[\p{Sc}\s\u00a0\u202f]/gu;
const CURRENCY_CODE_AT_ENDS = /^[A-Za-z]{3}(?=[\s\d\-+.,\p{Sc}])|(?<=[\s\d.,\p{Sc}])[A-Za-z]{3}$/u;

/** Like decimal, but the grouping mark defaults to the other of "." and ",", as written amounts use both. */
export function parseMoney(value: unknown, options?: NumberOptions): number {
  if (typeof value === "number") return finite(value, value);
  const decimal = options?.decimal ?? ".";
  const thousands = options?.thousands ?? (decimal === "," ? "." : ",");
  const bare = textInput(value, "money").trim().replace(CURRENCY_CODE_AT_ENDS, "").replace(CURRENCY_SYMBOLS, "");
  const number = readPlainNumber(bare, { decimal, thousands });
  if (number === undefined) throw new TransformError(`${quote(value)} is not an amount`);
  return number;
}

/** "20%" is 20 and "0.2" is 0.2: whether the source meant a fraction cannot be told from one value. */
export function parsePercent(value: unknown, options?: NumberOptions): number {
  if (typeof value === "number") return finite(value, value);
  const bare = textInput(value, "percent").trim().replace(/\s*%$/, "");
  const number = readPlainNumber(bare, styleOf(options));
  if (number === undefined) throw new TransformError(`${quote(value)} is not a percentage`);
  return number;
}

const TRUE_WORDS: ReadonlySet<string> = new Set(["true", "yes", "y", "1", "on", "x", "t", "checked"]);
const FALSE_WORDS: ReadonlySet<string> = new Set(["false", "no", "n", "0", "off", "f", "unchecked"]);

/**
 * Given true-values, exactly those (any case) are true and every other non-empty value is false: a spec
 * that names "Won" means "anything else is not won". Without them, an unknown word rejects the record.
 */
export function parseBoolean(value: unknown, trueValues?: readonly string[]): boolean {
  if (typeof value === "boolean") return value;
  const word = textInput(value, "bool").trim().toLowerCase();
  if (trueValues && trueValues.length > 0)
    return trueValues.some((candidate) => candidate.trim().toLowerCase() === word);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new TransformError(`${quote(value)} is not a yes/no value`);
}

export function multiplyBy(value: unknown, factor: number): number {
  return tidy(numberInput(value, "multiply") * factor);
}

export function divideBy(value: unknown, divisor: number): number {
  if (divisor === 0) throw new TransformError("cannot divide by zero");
  return tidy(numberInput(value, "divide") / divisor);
}

/** Half away from zero, on the decimal digits as written (1.005 → 1.01), not on the binary float. */
export function roundTo(value: unknown, digits = 0): number {
  const number = numberInput(value, "round");
  const places = Math.max(0, Math.floor(digits));
  const shifted = Math.round(Number(`${Math.abs(number)}e${places}`));
  return Math.sign(number) * Number(`${shifted}e-${places}`) || 0;
}

function numberInput(value: unknown, transform: string): number {
  if (typeof value === "number") return finite(value, value);
  return readNumberText(value, transform, { decimal: "." });
}

function readNumberText(value: unknown, transform: string, style: NumberStyle): number {
  const number = readPlainNumber(textInput(value, transform), style);
  if (number === undefined) throw new TransformError(`${quote(value)} is not a number`);
  return number;
}

function styleOf(options: NumberOptions | undefined): NumberStyle {
  return { decimal: options?.decimal ?? ".", thousands: options?.thousands };
}

/** An optional sign, digits grouped by `thousands` in threes (or not grouped), then the decimal mark and digits. */
function readPlainNumber(written: string, style: NumberStyle): number | undefined {
  if (style.decimal === style.thousands) throw new TransformError("the decimal and thousands marks must differ");
  const text = written.trim();
  const sign = text.startsWith("-") ? "-" : "";
  const unsigned = /^[+-]/.test(text) ? text.slice(1).trim() : text;
  const [whole = "", fraction, ...extra] = unsigned.split(style.decimal);
  if (extra.length > 0 || !isGrouped(whole, style.thousands)) return undefined;
  const digits = style.thousands ? whole.split(style.thousands).join("") : whole;
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fraction ?? "") || digits + (fraction ?? "") === "") return undefined;
  return Number(`${sign}${digits || "0"}.${fraction || "0"}`);
}

function isGrouped(whole: string, thousands: string | undefined): boolean {
  if (!thousands || !whole.includes(thousands)) return true;
  const groups = whole.split(thousands);
  return /^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((group) => /^\d{3}$/.test(group));
}

function finite(number: number, original: unknown): number {
  if (!Number.isFinite(number)) throw new TransformError(`${quote(original)} is not a finite number`);
  return number;
}

/** Drops binary noise from arithmetic (0.1 * 3 → 0.3), keeping 15 significant digits. */
function tidy(number: number): number {
  return Number(number.toPrecision(15));
}
