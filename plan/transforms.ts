// What each transform accepts and yields: the compiler type-checks spec chains against this table and the
// docs and `--help` print its summaries. Pure data with no Node imports, so the compiler can load it
// without loading the runtime.
import type { PlanLiteral, ValueType } from "./types.js";

export interface TransformArgSpec {
  name: string;
  /** `literal`: any constant (string, number, boolean, null, xmlid) */
  type: "string" | "number" | "boolean" | "literal";
  optional: boolean;
  /** the last positional argument may be repeated; the implementation receives them as one list */
  variadic?: boolean;
  /** the only values the argument may take */
  choices?: readonly string[];
  /** the value used when the argument is left out, for docs */
  default?: PlanLiteral;
}

export interface TransformSignature {
  /**
   * value types accepted; `["any"]` means every type, taken whole. A list given to a transform that accepts
   * neither `list` nor `any` is mapped element-wise (see appliesPerElement). A value the compiler can only
   * type as `any` (a json column) is checked at run time.
   */
  input: readonly ValueType[];
  output: ValueType;
  args: readonly TransformArgSpec[];
  named: Readonly<Record<string, TransformArgSpec>>;
  summary: string;
  /** another name for the same transform */
  aliasOf?: string;
}

const TEXTUAL: readonly ValueType[] = ["text", "html"];
const NUMERIC_TEXT: readonly ValueType[] = ["text", "integer", "decimal"];
const NUMBER: readonly ValueType[] = ["integer", "decimal", "text"];

const thousands: TransformArgSpec = { name: "thousands", type: "string", optional: true };
const decimalMark: TransformArgSpec = { name: "decimal", type: "string", optional: true, default: "." };

/** `invalid: "empty"` and the like: what a value the transform cannot read gives instead of a rejection. */
function invalidOption(choices: readonly string[]): TransformArgSpec {
  return { name: "invalid", type: "string", optional: true, choices, default: "fail" };
}

function textToText(summary: string, args: readonly TransformArgSpec[] = []): TransformSignature {
  return { input: TEXTUAL, output: "text", args, named: {}, summary };
}

const signatureTable = {
  trim: textToText("Removes spaces at both ends."),
  lower: textToText("Lowercases the text."),
  upper: textToText("Uppercases the text."),
  title: textToText("Capitalises the first letter of each word and lowercases the rest (any alphabet)."),
  collapse: textToText("Turns every run of whitespace into one space and trims the ends."),
  email: {
    input: TEXTUAL,
    output: "text",
    args: [],
    named: { invalid: invalidOption(["fail", "empty"]) },
    summary:
      'Trims and lowercases an e-mail address; rejects anything not like local@domain.tld (invalid: "empty" leaves it empty instead).',
  },
  phone: {
    input: NUMERIC_TEXT,
    output: "text",
    args: [],
    named: { region: { name: "region", type: "string", optional: true } },
    summary: 'Keeps a leading + and the digits; region: "+44" replaces the leading 0 of a national number.',
  },
  url: {
    input: TEXTUAL,
    output: "text",
    args: [],
    named: { invalid: invalidOption(["fail", "empty"]) },
    summary:
      'Adds https:// when the scheme is missing and lowercases scheme and host; the path is kept. Rejects text that is no URL (invalid: "empty" leaves it empty instead).',
  },
  domain: {
    input: TEXTUAL,
    output: "text",
    args: [],
    named: { invalid: invalidOption(["fail", "empty", "keep"]) },
    summary:
      'The host of a URL or the part after @ of an e-mail, lowercased, without "www."; rejects text with no domain (invalid: "empty" leaves it empty, invalid: "keep" keeps the text, as for a company known only by its name).',
  },
  date: {
    input: ["text", "date", "datetime"],
    output: "date",
    args: [{ name: "format", type: "string", optional: true, default: "YYYY-MM-DD" }],
    named: {},
    summary:
      "Reads a calendar date written in the format (YYYY, MM, M, DD, D and separators; default ISO) as YYYY-MM-DD.",
  },
  datetime: {
    input: ["text", "datetime", "date", "integer", "decimal"],
    output: "datetime",
    args: [{ name: "format", type: "string", optional: true, default: "iso" }],
    named: { tz: { name: "tz", type: "string", optional: true, default: "UTC" } },
    summary:
      'Reads a date and time (a format with YYYY MM DD HH mm ss SSS, "iso", "epoch_ms" or "epoch_s") in zone tz and writes it in UTC for Odoo.',
  },
  int: {
    input: NUMERIC_TEXT,
    output: "integer",
    args: [],
    named: { thousands },
    summary: 'Reads a whole number ("12.0" is fine, "12.5" is not).',
  },
  decimal: {
    input: NUMERIC_TEXT,
    output: "decimal",
    args: [],
    named: { decimal: decimalMark, thousands },
    summary: 'Reads a decimal number; decimal: "," for European commas, thousands: the grouping mark.',
  },
  float: {
    input: NUMERIC_TEXT,
    output: "decimal",
    args: [],
    named: { decimal: decimalMark, thousands },
    summary: "Same as decimal.",
    aliasOf: "decimal",
  },
  money: {
    input: NUMERIC_TEXT,
    output: "decimal",
    args: [],
    named: { decimal: decimalMark, thousands },
    summary: 'Reads an amount, ignoring currency symbols, currency codes and spaces ("$1,234.50", "1 234,50 €").',
  },
  percent: {
    input: NUMERIC_TEXT,
    output: "decimal",
    args: [],
    named: { decimal: decimalMark, thousands },
    summary: 'Reads a percentage: "20%" is 20, "0.2" stays 0.2 (no scaling is guessed).',
  },
  bool: {
    input: ["text", "boolean", "integer"],
    output: "boolean",
    args: [{ name: "trueValues", type: "string", optional: true, variadic: true }],
    named: {},
    summary:
      "Reads yes/no, true/false, 1/0, on/off, x, checked…; given values, exactly those are true and anything else false.",
  },
  multiply: {
    input: NUMBER,
    output: "decimal",
    args: [{ name: "factor", type: "number", optional: false }],
    named: {},
    summary: "Multiplies the number by the factor.",
  },
  divide: {
    input: NUMBER,
    output: "decimal",
    args: [{ name: "divisor", type: "number", optional: false }],
    named: {},
    summary: "Divides the number by the divisor.",
  },
  round: {
    input: NUMBER,
    output: "decimal",
    args: [{ name: "digits", type: "number", optional: true, default: 0 }],
    named: {},
    summary: "Rounds half away from zero to the number of decimal digits.",
  },
  split: {
    input: ["text", "list"],
    output: "list",
    args: [{ name: "separator", type: "string", optional: false }],
    named: {},
    summary: "Splits text on the separator into a list of trimmed, non-empty parts.",
  },
  first: {
    input: ["list"],
    output: "any",
    args: [],
    named: {},
    summary: "The first non-empty element of a list (or of several columns).",
  },
  last: {
    input: ["list"],
    output: "any",
    args: [],
    named: {},
    summary: "The last non-empty element of a list (or of several columns).",
  },
  nth: {
    input: ["list"],
    output: "any",
    args: [{ name: "position", type: "number", optional: false }],
    named: {},
    summary: "The element at a position counted from 1; empty when the list is shorter.",
  },
  unique: {
    input: ["list"],
    output: "list",
    args: [],
    named: {},
    summary: "Removes repeated and empty elements, keeping the first of each.",
  },
  join: {
    input: ["list"],
    output: "text",
    args: [{ name: "separator", type: "string", optional: true, default: " " }],
    named: {},
    summary: "Joins a list or several columns into text, skipping empty parts.",
  },
  format: {
    input: ["list", "text", "integer", "decimal", "date", "datetime", "boolean"],
    output: "text",
    args: [{ name: "template", type: "string", optional: false }],
    named: {},
    summary:
      'Fills "{1} {2}" with the columns by position (a single value is {1}, so numbers and dates become text); empty parts become nothing and spaces are tidied.',
  },
  default: {
    input: ["any"],
    output: "any",
    args: [{ name: "value", type: "literal", optional: false }],
    named: {},
    summary: "Uses the value when the input is empty.",
  },
  replace: textToText("Replaces every occurrence of one text by another (plain text, not a pattern).", [
    { name: "from", type: "string", optional: false },
    { name: "to", type: "string", optional: false },
  ]),
  truncate: textToText("Keeps at most the given number of characters.", [
    { name: "length", type: "number", optional: false },
  ]),
  html: {
    input: ["text"],
    output: "html",
    args: [],
    named: {},
    summary: "Turns plain text into HTML: escapes it, blank lines make paragraphs, single newlines <br>.",
  },
  text: {
    input: ["html", "text"],
    output: "text",
    args: [],
    named: {},
    summary: "Turns HTML into plain text: drops tags, decodes entities, keeps line breaks.",
  },
  base64: {
    input: ["text"],
    output: "binary",
    args: [],
    named: {},
    summary: "Checks that the text is base64 file content and passes it on as a file body.",
  },
  file: {
    input: ["text"],
    output: "binary",
    args: [],
    named: { under: { name: "under", type: "string", optional: true } },
    summary:
      'A path relative to the export folder (or to its folder under: "storage/app", which it must not leave) whose file becomes the field\'s content at load time.',
  },
} as const satisfies Record<string, TransformSignature>;

export type TransformName = keyof typeof signatureTable;

/** Every transform by the name specs use. */
export const transformSignatures: Readonly<Record<TransformName, TransformSignature>> = signatureTable;

export function isTransformName(name: string): name is TransformName {
  return Object.hasOwn(transformSignatures, name);
}

/**
 * The one rule for lists: a transform that accepts neither `list` nor `any` is applied to each element of a
 * list (so `split ";" | trim` trims every part). The compiler uses it to type chains, the runtime to run them.
 */
export function appliesPerElement(signature: TransformSignature): boolean {
  return !signature.input.includes("list") && !signature.input.includes("any");
}

/** The name generated code imports a transform by. */
export function transformExportName(name: TransformName): string {
  return name === "default" ? "defaultTo" : name;
}

/**
 * The positional arguments padded to the signature (a variadic tail becomes one list, or undefined when
 * absent), then the named ones when the transform takes any: the same call generated code spells out.
 */
export function argumentsFor(
  name: string,
  signature: TransformSignature,
  args: readonly PlanLiteral[],
  named: Readonly<Record<string, PlanLiteral>>,
): unknown[] {
  const positional = signature.args.map((spec, index) => {
    const given = spec.variadic ? args.slice(index) : args[index];
    if (Array.isArray(given)) {
      given.forEach((value) => checkArgument(name, spec, value));
      return given.length > 0 ? given : undefined;
    }
    if (given === undefined && !spec.optional)
      throw new Error(`Transform \`${name}\` needs its ${spec.name} argument.`);
    if (given !== undefined) checkArgument(name, spec, given);
    return given;
  });
  if (args.length > signature.args.length && !signature.args.some((spec) => spec.variadic)) {
    throw new Error(`Transform \`${name}\` takes at most ${signature.args.length} arguments.`);
  }
  const namedSpecs = Object.keys(signature.named);
  if (namedSpecs.length === 0) return positional;
  for (const [key, value] of Object.entries(named)) {
    const spec = signature.named[key];
    if (!spec) throw new Error(`Transform \`${name}\` has no option \`${key}\`.`);
    checkArgument(name, spec, value);
  }
  return [...positional, named];
}

function checkArgument(name: string, spec: TransformArgSpec, value: PlanLiteral): void {
  const fits = spec.type === "literal" || typeof value === spec.type;
  const allowed = !spec.choices || spec.choices.includes(String(value));
  if (!fits || !allowed) throw new Error(`Transform \`${name}\`: ${spec.name} cannot be ${JSON.stringify(value)}.`);
}
