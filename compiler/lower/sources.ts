// Source declarations: format, reader settings, declared columns, key and skip rules.
import type * as A from "../../grammar/ast.js";
import { editDistance } from "../catalog/index.js";
import type { CompileContext } from "../context.js";
import { didYouMean } from "../hints.js";
import { literalString } from "../literals.js";
import { lowerCondition } from "./conditions.js";
import type { ColumnType, PlanPropertiesSource, PlanSource, PropertiesFormat, SourceFormat } from "../../plan/types.js";

export const sourceFormats: readonly SourceFormat[] = ["csv", "json", "jsonl", "odata", "laravel", "hubspot"];

export const columnTypes: readonly ColumnType[] = [
  "id",
  "text",
  "html",
  "integer",
  "decimal",
  "money",
  "boolean",
  "date",
  "datetime",
  "email",
  "phone",
  "url",
  "list",
  "json",
  "file",
  "base64",
];

type SettingKind = "string" | "strings" | "number" | "boolean";

/** Settings every format understands, then the ones only some formats do. */
const commonSettings: Record<string, SettingKind> = {
  key: "strings",
  timezone: "string",
  dateFormat: "string",
  datetimeFormat: "string",
  null: "strings",
  trueValues: "strings",
  listSeparator: "string",
  /** where the records are; several paths are all read, in turn (deal and ticket pipelines under their own keys) */
  records: "strings",
  /** an export may lack the source's files: it then has no rows, with a warning, instead of stopping the run */
  optional: "boolean",
};

const settingsByFormat: Record<SourceFormat, Record<string, SettingKind>> = {
  csv: { encoding: "string", delimiter: "string", quote: "string", headerRow: "number" },
  json: {},
  jsonl: { encoding: "string" },
  odata: {},
  laravel: {},
  hubspot: {},
};

export function lowerSource(decl: A.SourceDecl, ctx: CompileContext): PlanSource {
  const format = checkFormat(decl, ctx);
  const settings = lowerSettings(decl, format, ctx);
  const columns = lowerColumns(decl, ctx);
  const keySetting = decl.settings.find((s) => s.key.text === "key");
  const key = keySetting ? keySetting.values.map((v) => (v.kind === "name" ? v.text : literalString(v))) : [];
  return {
    name: decl.name.text,
    label: decl.label?.text ?? decl.name.text,
    format,
    path: decl.path.text,
    ...(decl.pathAlternatives.length > 0 ? { pathAlternatives: decl.pathAlternatives.map((p) => p.text) } : {}),
    key,
    settings,
    columns,
    drops: lowerSourceDrops(decl, ctx),
    ...(decl.properties ? { customProperties: lowerPropertiesSource(decl.properties, ctx) } : {}),
    skips: decl.skips.map((skip) => ({
      condition: lowerCondition(skip.condition, { ctx, source: decl, hasItem: false }),
      reason: skip.reason.text,
      line: skip.range.start.line,
    })),
    line: decl.range.start.line,
  };
}

// A source drop accounts for an export column the spec does not declare (`createdAt` of an API record),
// or, holding `*`, for a pattern of them (every formatted-value annotation of a Dataverse row): it needs no
// declared column. One that is a near-miss of a declared column is a typo, and an error.
function lowerSourceDrops(decl: A.SourceDecl, ctx: CompileContext): PlanSource["drops"] {
  const names = decl.columns.flatMap((c) => [c.column.text, ...c.alternatives.map((a) => a.text)]);
  return decl.drops.flatMap((drop) =>
    drop.columns.map((column) => {
      const typo = names.includes(column.text) ? undefined : nearMiss(column.text, names);
      if (isColumnPattern(column.text)) {
        if (column.text.replace(/\*/g, "") === "") ctx.report("MC2024", column.range, { column: column.text });
      } else if (typo) {
        ctx.report("MC2018", column.range, { column: column.text, object: decl.name.text }, typo);
      }
      return { column: column.text, reason: drop.reason.text, line: drop.range.start.line };
    }),
  );
}

/** A declared column one keystroke away (`legcy` for `legacy`); `statuscode` beside `statecode` is a column of its own. */
function nearMiss(column: string, names: readonly string[]): string | undefined {
  const near = names.filter((name) => editDistance(column.toLowerCase(), name.toLowerCase(), 1) <= 1);
  return near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : undefined;
}

function isColumnPattern(column: string): boolean {
  return column.includes("*");
}

/** How each metadata format names whose properties to take: an object type, or a table (entity). */
const propertiesSelectors: Record<PropertiesFormat, string> = {
  hubspot: "object",
  dataverse: "entity",
  leadforce: "object",
  concord: "object",
  sage: "entity",
};

function lowerPropertiesSource(item: A.PropertiesSource, ctx: CompileContext): PlanPropertiesSource {
  const format = item.format.text as PropertiesFormat;
  const expected = propertiesSelectors[format];
  if (!expected) {
    ctx.report(
      "MC2022",
      item.format.range,
      { format: item.format.text },
      didYouMean(item.format.text, Object.keys(propertiesSelectors)),
    );
  } else if (item.selector.text !== expected) {
    ctx.report("MC2023", item.selector.range, {
      format,
      what: expected === "object" ? "object type" : "table",
      expected,
      found: item.selector.text,
    });
  }
  return {
    format: expected ? format : "hubspot",
    paths: item.paths.map((p) => p.text),
    object: item.object.text,
    line: item.range.start.line,
  };
}

function checkFormat(decl: A.SourceDecl, ctx: CompileContext): SourceFormat {
  const format = decl.format.text as SourceFormat;
  if (sourceFormats.includes(format)) return format;
  if (decl.format.text !== "") {
    ctx.report("MC2010", decl.format.range, { format: decl.format.text }, `use one of ${sourceFormats.join(", ")}`);
  }
  return "csv";
}

function lowerSettings(decl: A.SourceDecl, format: SourceFormat, ctx: CompileContext): PlanSource["settings"] {
  const allowed = { ...commonSettings, ...settingsByFormat[format] };
  const settings: PlanSource["settings"] = {};
  for (const setting of decl.settings) {
    const name = setting.key.text;
    const kind = allowed[name];
    if (!kind) {
      ctx.report("MC2012", setting.key.range, { setting: name, format }, didYouMean(name, Object.keys(allowed)));
      continue;
    }
    if (name === "key") continue;
    const value = settingValue(setting, kind, ctx);
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

function settingValue(
  setting: A.Setting,
  kind: SettingKind,
  ctx: CompileContext,
): PlanSource["settings"][string] | undefined {
  const values = setting.values;
  const first = values[0];
  const expected = {
    string: "one string",
    strings: "one or more strings",
    number: "a number",
    boolean: "true or false",
  }[kind];
  const fits =
    first !== undefined &&
    (kind === "strings"
      ? values.every((v) => v.kind === "string")
      : values.length === 1 &&
        ((kind === "string" && first.kind === "string") ||
          (kind === "number" && first.kind === "number") ||
          (kind === "boolean" && first.kind === "boolean")));
  if (!fits) {
    ctx.report("MC2021", setting.range, { setting: setting.key.text, expected });
    return undefined;
  }
  if (kind === "strings") {
    const texts = values.map((v) => (v.kind === "name" ? v.text : literalString(v)));
    // one records path stays a string, as plans have always had it
    return setting.key.text === "records" && texts.length === 1 ? texts[0]! : texts;
  }
  return first.kind === "number" || first.kind === "boolean" ? first.value : literalString(first as A.Literal);
}

function lowerColumns(decl: A.SourceDecl, ctx: CompileContext): PlanSource["columns"] {
  const seen = new Set<string>();
  const columns: PlanSource["columns"] = [];
  for (const column of decl.columns) {
    const name = column.column.text;
    const repeated = [column.column, ...column.alternatives].find((n) => seen.has(n.text));
    if (repeated) {
      ctx.report("MC2014", repeated.range, { column: repeated.text, object: decl.name.text });
      continue;
    }
    for (const n of [column.column, ...column.alternatives]) seen.add(n.text);
    let type = column.type.text as ColumnType;
    if (!columnTypes.includes(type)) {
      if (column.type.text !== "") {
        ctx.report(
          "MC2011",
          column.type.range,
          { type: column.type.text },
          didYouMean(column.type.text, columnTypes) ?? `use one of ${columnTypes.join(", ")}`,
        );
      }
      type = "text";
    }
    columns.push({
      name,
      ...(column.alternatives.length > 0 ? { alternatives: column.alternatives.map((a) => a.text) } : {}),
      type,
      ...(column.custom ? { custom: true } : {}),
      ...(column.optional ? { optional: true } : {}),
      line: column.range.start.line,
    });
  }
  return columns;
}
