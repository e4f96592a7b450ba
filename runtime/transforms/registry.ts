// The transforms as the executor and generated code call them. Two rules live here and nowhere else:
// an empty input (null, undefined, blank text) passes through as null, except for `default`; and a list
// given to a transform that takes single values is mapped element-wise (signatures.ts: appliesPerElement).
import type { PlanLiteral } from "../../plan/types.js";
import { base64Content, fileReference } from "./binary.js";
import { domainOf, normalizeEmail, normalizePhone, normalizeUrl } from "./contact.js";
import { parseDate, parseDatetime } from "./dates.js";
import { firstOf, formatParts, joinParts, lastOf, nthOf, splitText, uniqueOf } from "./lists.js";
import {
  divideBy,
  multiplyBy,
  parseBoolean,
  parseDecimal,
  parseInteger,
  parseMoney,
  parsePercent,
  roundTo,
} from "./numbers.js";
import {
  appliesPerElement,
  argumentsFor,
  isTransformName,
  transformSignatures,
  type TransformName,
} from "../../plan/transforms.js";
import {
  collapseText,
  htmlToText,
  lowerText,
  replaceText,
  textToHtml,
  titleText,
  trimText,
  truncateText,
  upperText,
} from "./text.js";
import { isEmptyValue } from "./values.js";

type Implementation<A extends unknown[]> = (value: unknown, ...args: A) => unknown;

function isEmptyInput(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Wraps an implementation in the empty and list rules of its signature. */
function transform<A extends unknown[]>(name: TransformName, implementation: Implementation<A>): Implementation<A> {
  const perElement = appliesPerElement(transformSignatures[name]);
  const run = (value: unknown, ...args: A): unknown => {
    if (isEmptyInput(value)) return null;
    if (perElement && Array.isArray(value)) return value.map((element: unknown) => run(element, ...args));
    const result = implementation(value, ...args);
    return result === "" || result === undefined ? null : result;
  };
  return run;
}

export const trim = transform("trim", trimText);
export const lower = transform("lower", lowerText);
export const upper = transform("upper", upperText);
export const title = transform("title", titleText);
export const collapse = transform("collapse", collapseText);
export const email = transform("email", normalizeEmail);
export const phone = transform("phone", normalizePhone);
export const url = transform("url", normalizeUrl);
export const domain = transform("domain", domainOf);
export const date = transform("date", parseDate);
export const datetime = transform("datetime", parseDatetime);
export const int = transform("int", parseInteger);
export const decimal = transform("decimal", parseDecimal);
export const float = transform("float", parseDecimal);
export const money = transform("money", parseMoney);
export const percent = transform("percent", parsePercent);
export const bool = transform("bool", parseBoolean);
export const multiply = transform("multiply", multiplyBy);
export const divide = transform("divide", divideBy);
export const round = transform("round", roundTo);
export const split = transform("split", splitText);
export const first = transform("first", firstOf);
export const last = transform("last", lastOf);
export const nth = transform("nth", nthOf);
export const unique = transform("unique", uniqueOf);
export const join = transform("join", joinParts);
export const format = transform("format", formatParts);
export const replace = transform("replace", replaceText);
export const truncate = transform("truncate", truncateText);
export const html = transform("html", textToHtml);
export const text = transform("text", htmlToText);
export const base64 = transform("base64", base64Content);
export const file = transform("file", fileReference);

/** `default` is a reserved word in JavaScript, hence the export name. The one transform that sees empties. */
export function defaultTo(value: unknown, fallback: PlanLiteral): unknown {
  return isEmptyValue(value) ? fallback : value;
}

type DynamicTransform = (value: unknown, ...args: unknown[]) => unknown;

/** Calls through this table go through argumentsFor first, which checks them against the signature. */
function dynamic<A extends unknown[]>(implementation: Implementation<A>): DynamicTransform {
  return implementation as unknown as DynamicTransform;
}

const byName: Readonly<Record<TransformName, DynamicTransform>> = {
  trim: dynamic(trim),
  lower: dynamic(lower),
  upper: dynamic(upper),
  title: dynamic(title),
  collapse: dynamic(collapse),
  email: dynamic(email),
  phone: dynamic(phone),
  url: dynamic(url),
  domain: dynamic(domain),
  date: dynamic(date),
  datetime: dynamic(datetime),
  int: dynamic(int),
  decimal: dynamic(decimal),
  float: dynamic(float),
  money: dynamic(money),
  percent: dynamic(percent),
  bool: dynamic(bool),
  multiply: dynamic(multiply),
  divide: dynamic(divide),
  round: dynamic(round),
  split: dynamic(split),
  first: dynamic(first),
  last: dynamic(last),
  nth: dynamic(nth),
  unique: dynamic(unique),
  join: dynamic(join),
  format: dynamic(format),
  default: dynamic(defaultTo),
  replace: dynamic(replace),
  truncate: dynamic(truncate),
  html: dynamic(html),
  text: dynamic(text),
  base64: dynamic(base64),
  file: dynamic(file),
};

/**
 * Runs a transform named in a plan step. A wrong name or argument is a broken plan, not a bad record, so
 * it throws a plain Error rather than a TransformError.
 */
export function applyTransform(
  name: string,
  value: unknown,
  args: readonly PlanLiteral[],
  named: Readonly<Record<string, PlanLiteral>>,
): unknown {
  if (!isTransformName(name)) throw new Error(`The plan names an unknown transform \`${name}\`.`);
  return byName[name](value, ...argumentsFor(name, transformSignatures[name], args, named));
}
