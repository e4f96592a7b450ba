// A column's type, guessed from the values an export holds (and, when it holds none, from its name):
// id, text, html, integer, decimal, money, boolean, date, datetime, email, phone, url, list, json, file.
import type { ColumnType } from "../plan/types.js";
import { words } from "./similarity.js";

export interface TypeGuess {
  type: ColumnType;
  /** why, for the report: "every value is an e-mail address" */
  why: string;
  /** a date format the reader must be told (`DD.MM.YYYY`); ISO dates need none */
  dateFormat?: string;
  datetimeFormat?: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/;
const URL = /^(https?:\/\/[^\s]+|(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/[^\s]*)?)$/i;
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?\d*\.\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const PHONE = /^\+?[\d\s().\-/]{6,}$/;
const HTML = /<\/?(p|br|div|span|ul|ol|li|strong|em|b|i|a|h[1-6]|table|tr|td)\b[^>]*>/i;
const BOOLEAN_WORDS = new Set([
  "true",
  "false",
  "yes",
  "no",
  "y",
  "n",
  "0",
  "1",
  "on",
  "off",
  "x",
  "t",
  "f",
  "checked",
  "unchecked",
]);

const dateFormats: Array<{ pattern: RegExp; format: (values: string[]) => string | undefined }> = [
  { pattern: /^\d{2}\.\d{2}\.\d{4}$/, format: () => "DD.MM.YYYY" },
  { pattern: /^\d{1,2}\/\d{1,2}\/\d{4}$/, format: (values) => slashOrder(values) },
];

/** Day first when some first part is above 12, month first when some second part is; else unknown. */
function slashOrder(values: string[]): string | undefined {
  const parts = values.map((v) => v.split("/").map(Number));
  if (parts.some((p) => p[0]! > 12)) return "D/M/YYYY";
  if (parts.some((p) => p[1]! > 12)) return "M/D/YYYY";
  return undefined;
}

/**
 * The type of a column from its non-empty values (strings from CSV, anything from JSON). `fileExists` says
 * whether a text is the relative path of a file in the export (a `file` column).
 */
export function guessColumnType(
  name: string,
  values: readonly unknown[],
  fileExists: (path: string) => boolean,
): TypeGuess {
  const nameWords = words(name.replace(/^properties\./, "").replace(/@.*$/, ""));
  if (values.length === 0) return byName(nameWords);
  if (values.every((v) => typeof v === "boolean")) return { type: "boolean", why: "JSON booleans" };
  if (values.every((v) => typeof v === "number")) {
    if (values.every((v) => Number.isInteger(v))) {
      if (isIdName(nameWords)) return { type: "id", why: "whole numbers in a column named as an id" };
      return isMoneyName(nameWords) ? { type: "money", why: "amounts" } : { type: "integer", why: "whole numbers" };
    }
    return isMoneyName(nameWords)
      ? { type: "money", why: "amounts" }
      : { type: "decimal", why: "numbers with decimals" };
  }
  if (values.every((v) => Array.isArray(v))) return { type: "list", why: "lists of values" };
  if (values.some((v) => typeof v === "object" && v !== null)) return { type: "json", why: "objects" };
  const texts = values.map((v) => String(v).trim()).filter((v) => v !== "");
  if (texts.length === 0) return byName(nameWords);
  return guessFromTexts(nameWords, texts, fileExists);
}

function guessFromTexts(nameWords: string[], texts: string[], fileExists: (path: string) => boolean): TypeGuess {
  const all = (test: (text: string) => boolean) => texts.every(test);
  if (all((t) => GUID.test(t))) return { type: "id", why: "GUIDs" };
  if (all((t) => EMAIL.test(t))) return { type: "email", why: "e-mail addresses" };
  if (all((t) => ISO_DATE.test(t))) return { type: "date", why: "ISO dates" };
  if (all((t) => ISO_DATETIME.test(t) || ISO_DATE.test(t))) return { type: "datetime", why: "ISO dates and times" };
  for (const { pattern, format } of dateFormats) {
    if (!all((t) => pattern.test(t))) continue;
    const dateFormat = format(texts);
    if (dateFormat) return { type: "date", why: `dates written ${dateFormat}`, dateFormat };
    return { type: "text", why: "dates whose day and month order cannot be told apart: kept as text" };
  }
  if (all((t) => isListOfIds(t)) && texts.some((t) => t.includes(";")))
    return { type: "list", why: "ids separated by `;`" };
  if (all((t) => INTEGER.test(t))) {
    if (isIdName(nameWords)) return { type: "id", why: "whole numbers in a column named as an id" };
    if (isPhoneName(nameWords)) return { type: "phone", why: "phone numbers written as digits" };
    if (isCodeName(nameWords) || texts.some((t) => /^0\d/.test(t)))
      return { type: "text", why: "digits that are a code (leading zeros, or a postal code)" };
    if (isListName(nameWords)) return { type: "list", why: "ids in a column named as a list" };
    if (isMoneyName(nameWords)) return { type: "money", why: "amounts" };
    return { type: "integer", why: "whole numbers" };
  }
  if (all((t) => INTEGER.test(t) || DECIMAL.test(t)))
    return isMoneyName(nameWords)
      ? { type: "money", why: "amounts" }
      : { type: "decimal", why: "numbers with decimals" };
  if (all((t) => BOOLEAN_WORDS.has(t.toLowerCase())) && new Set(texts.map((t) => t.toLowerCase())).size <= 2)
    return { type: "boolean", why: "yes/no words" };
  if (
    all((t) => /^https?:\/\//i.test(t) || (URL.test(t) && !t.includes("@") && /[a-z]/i.test(t) && isUrlName(nameWords)))
  )
    return { type: "url", why: "web addresses" };
  if (all((t) => URL.test(t) && /^https?:\/\//i.test(t))) return { type: "url", why: "web addresses" };
  if (all((t) => PHONE.test(t) && (t.match(/\d/g)?.length ?? 0) >= 6) && !isCodeName(nameWords))
    return { type: "phone", why: "phone numbers" };
  if (texts.some((t) => HTML.test(t))) return { type: "html", why: "HTML markup" };
  if (all((t) => /^[\w./-]+\.[A-Za-z0-9]{1,5}$/.test(t) && t.includes("/")) && texts.slice(0, 5).every(fileExists))
    return { type: "file", why: "paths of files in the export" };
  return { type: "text", why: "text" };
}

function byName(nameWords: string[]): TypeGuess {
  const why = "no values in this export: from the name";
  if (nameWords.includes("email") || nameWords.join("") === "emailaddress") return { type: "email", why };
  if (isIdName(nameWords)) return { type: "id", why };
  if (nameWords.includes("date") || nameWords.at(-1) === "on") return { type: "datetime", why };
  if (isMoneyName(nameWords)) return { type: "money", why };
  return { type: "text", why };
}

function isListOfIds(text: string): boolean {
  return text.split(";").every((part) => INTEGER.test(part.trim()) || GUID.test(part.trim()));
}

function isIdName(nameWords: string[]): boolean {
  const last = nameWords.at(-1) ?? "";
  return (
    last === "id" ||
    (last.endsWith("id") && last.length > 4 && !last.endsWith("paid")) ||
    (nameWords.at(-2) === "id" && last === "value")
  );
}

function isListName(nameWords: string[]): boolean {
  return nameWords.at(-1) === "ids";
}

function isCodeName(nameWords: string[]): boolean {
  return nameWords.some(
    (w) => ["zip", "postal", "postcode", "postalcode", "code", "vat", "iban"].includes(w) || /postalcode$/.test(w),
  );
}

function isPhoneName(nameWords: string[]): boolean {
  return nameWords.some(
    (w) => ["phone", "mobile", "mobilephone", "fax", "telephone"].includes(w) || /^telephone\d$/.test(w),
  );
}

function isMoneyName(nameWords: string[]): boolean {
  return nameWords.some((w) =>
    ["amount", "revenue", "price", "budget", "cost", "value", "estimatedvalue", "total", "money"].includes(w),
  );
}

function isUrlName(nameWords: string[]): boolean {
  return nameWords.some((w) =>
    ["url", "website", "websiteurl", "domain", "web", "site", "homepage", "link"].includes(w),
  );
}
