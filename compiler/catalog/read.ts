// Reads the JSON files of catalogs/odoo and checks their shape, so a refreshed catalog with a surprise in it
// fails loudly, naming the file and the place, instead of misleading a check later.

import { existsSync, readFileSync } from "node:fs";
import {
  odooFieldTypes,
  type CatalogField,
  type KnownMissingModel,
  type OdooFieldType,
  type ReferenceRecord,
  type RenamedField,
  type WriteVerdict,
} from "./types.js";

/** A catalog file that cannot be read as the loader expects. */
export class CatalogFormatError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "CatalogFormatError";
  }
}

/** `index.json`: the server the catalog was read off and the models it holds. */
export interface CatalogIndex {
  serverVersion: string;
  series: string;
  models: string[];
}

/** One `<model>.json` file. */
export interface ModelFile {
  model: string;
  label: string;
  modules: string[];
  fields: CatalogField[];
}

export interface KnownModelsFile {
  models: KnownMissingModel[];
  renamedFields: RenamedField[];
}

const writeVerdicts: readonly string[] = ["ok", "volatile", "ignored"] satisfies WriteVerdict[];
const fieldTypes: readonly string[] = odooFieldTypes;

export function readIndex(file: string): CatalogIndex {
  const root = new Reader(file, readJson(file));
  const models = root.object("models");
  return {
    serverVersion: root.string("odoo_version"),
    series: root.string("server_serie"),
    models: Object.keys(models.value),
  };
}

export function readModelFile(file: string): ModelFile {
  const root = new Reader(file, readJson(file));
  const fields = root.object("fields");
  return {
    model: root.string("model"),
    label: root.string("name"),
    modules: moduleList(root.string("modules")),
    fields: Object.keys(fields.value).map((name) => readField(name, fields.object(name))),
  };
}

function readField(name: string, raw: Reader): CatalogField {
  const type = raw.string("type");
  if (!fieldTypes.includes(type)) raw.fail("type", `unknown field type "${type}" (known: ${fieldTypes.join(", ")})`);
  const write = raw.string("write");
  if (!writeVerdicts.includes(write)) raw.fail("write", `unknown write verdict "${write}"`);
  const field: CatalogField = {
    name,
    type: type as OdooFieldType,
    // a few fields come without a label (Odoo's fields_get leaves it out when a group restricts the field)
    label: raw.nullableString("string") ?? name,
    required: raw.boolean("required"),
    readonly: raw.boolean("readonly"),
    stored: raw.boolean("store"),
    computed: raw.boolean("computed"),
    related: raw.nullableString("related"),
    write: write as WriteVerdict,
    modules: moduleList(raw.string("modules")),
  };
  if (raw.has("relation")) field.relation = raw.string("relation");
  if (raw.has("relation_field")) field.relationField = raw.string("relation_field");
  if (raw.has("selection")) field.selection = raw.pairs("selection");
  if (raw.has("help")) field.help = raw.string("help");
  return field;
}

/** `server-defaults.json`: model → field → why Odoo fills that required field itself. */
export function readServerDefaults(file: string): Map<string, Map<string, string>> {
  const models = new Reader(file, readJson(file)).object("models");
  const result = new Map<string, Map<string, string>>();
  for (const model of Object.keys(models.value)) {
    const fields = models.object(model);
    result.set(model, new Map(Object.keys(fields.value).map((field) => [field, fields.string(field)])));
  }
  return result;
}

/** `reference-data.json`: standard records by model, each with its external id. */
export function readReferenceData(file: string): Map<string, ReferenceRecord[]> {
  const models = new Reader(file, readJson(file)).object("models");
  const result = new Map<string, ReferenceRecord[]>();
  for (const model of Object.keys(models.value)) {
    const records = models.array(model).map((item) => {
      const record = item.asObject();
      record.string("xmlid");
      return Object.freeze({ ...record.value }) as ReferenceRecord;
    });
    result.set(model, records);
  }
  return result;
}

/** `known-models.json`: models Community lacks and old field names, for every version alike. */
export function readKnownModels(file: string): KnownModelsFile {
  const root = new Reader(file, readJson(file));
  const models = root.object("models");
  return {
    models: Object.keys(models.value).map((model) => {
      const entry = models.object(model);
      return {
        model,
        reason: entry.string("reason"),
        module: entry.nullableString("module"),
        fallbacks: entry.array("fallbacks").map((item) => {
          const fallback = item.asObject();
          return { model: fallback.string("model"), how: fallback.string("how") };
        }),
      };
    }),
    renamedFields: root.array("renamedFields").map((item) => {
      const entry = item.asObject();
      return {
        model: entry.string("model"),
        field: entry.string("field"),
        replacement: entry.nullableString("replacement"),
        since: entry.string("since"),
        note: entry.string("note"),
      };
    }),
  };
}

export function readJsonIfPresent<T>(file: string, read: (file: string) => T): T | undefined {
  return existsSync(file) ? read(file) : undefined;
}

function readJson(file: string): unknown {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CatalogFormatError(file, `not valid JSON: ${(error as Error).message}`);
  }
}

function moduleList(text: string): string[] {
  return text
    .split(",")
    .map((m) => m.trim())
    .filter((m) => m !== "");
}

/** A JSON object being read, with the path to it for error messages. */
class Reader {
  readonly value: Record<string, unknown>;

  constructor(
    private readonly file: string,
    value: unknown,
    private readonly path = "",
  ) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.failHere("expected an object");
    this.value = value as Record<string, unknown>;
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  string(key: string): string {
    const value = this.value[key];
    if (typeof value !== "string") this.fail(key, "expected a string");
    return value as string;
  }

  nullableString(key: string): string | null {
    const value = this.value[key];
    if (value === null) return null;
    if (typeof value !== "string") this.fail(key, "expected a string or null");
    return value as string;
  }

  boolean(key: string): boolean {
    const value = this.value[key];
    if (typeof value !== "boolean") this.fail(key, "expected true or false");
    return value as boolean;
  }

  object(key: string): Reader {
    return new Reader(this.file, this.value[key], this.at(key));
  }

  array(key: string): Item[] {
    const value = this.value[key];
    if (!Array.isArray(value)) this.fail(key, "expected an array");
    return (value as unknown[]).map((v, i) => new Item(this.file, v, `${this.at(key)}[${i}]`));
  }

  pairs(key: string): Array<[string, string]> {
    return this.array(key).map((item, i) => {
      const v = item.value;
      if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || typeof v[1] !== "string") {
        this.fail(`${key}[${i}]`, "expected a [value, label] pair of strings");
      }
      return [v[0], v[1]];
    });
  }

  fail(key: string, message: string): never {
    throw new CatalogFormatError(this.file, `${this.at(key)}: ${message}`);
  }

  private failHere(message: string): never {
    throw new CatalogFormatError(this.file, `${this.path || "top level"}: ${message}`);
  }

  private at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }
}

/** An array element, which becomes a Reader once it is known to be an object. */
class Item {
  constructor(
    private readonly file: string,
    readonly value: unknown,
    private readonly path: string,
  ) {}

  asObject(): Reader {
    return new Reader(this.file, this.value, this.path);
  }
}
