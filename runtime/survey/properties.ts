// The customer's own properties, as the export's metadata lists them: HubSpot's properties.json
// (`hubspotDefined: false`), Dataverse's EntityDefinitions (`IsCustomAttribute: true`), Leadforce's
// custom_fields.csv (`CF: <label>` columns), Concord's custom-fields pages (attributes named by `field_id`)
// and Sage's Custom_Edits.csv (columns of the entity). Each becomes a CustomProperty: its column in this
// export, what kind of value it holds, and its choices.
import { readFile } from "node:fs/promises";
import { parse as parseCsv } from "csv-parse/sync";
import type { PlanPropertiesSource, PlanSource } from "../../plan/types.js";
import { decodedText } from "../extract/decode.js";
import { ExportPathError, findExportFiles } from "../extract/export-paths.js";
import { SourceReadError } from "../extract/problems.js";
import type { ExportFile } from "../extract/types.js";

export type PropertyKind =
  | "text"
  | "textarea"
  | "html"
  | "integer"
  | "decimal"
  | "date"
  | "datetime"
  | "boolean"
  /** one of a set of options */
  | "choice"
  /** several options, or a reference to another record: kept as the text the export shows */
  | "label";

export interface CustomProperty {
  /** the property's internal name (`customer_tier`, `kst_region`) */
  name: string;
  label: string;
  /** the column that holds it in this source's export; `alternatives` when a better one may be absent */
  column: string;
  alternatives: string[];
  kind: PropertyKind;
  options: Array<{ value: string; label: string }>;
}

export interface PropertiesReading {
  properties: CustomProperty[];
  /** the metadata file(s) read, relative to the export folder */
  files: string[];
  /** why the metadata could not be read */
  problem?: string;
}

/**
 * The custom properties `metadata` lists for `source`. `exportColumns` are the columns this export has for
 * the source: a format whose custom columns are recognisable by name (Leadforce's `CF: …`) still finds
 * them when the export came without its metadata file.
 */
export async function readCustomProperties(
  source: PlanSource,
  metadata: PlanPropertiesSource,
  exportDir: string,
  exportColumns: readonly string[] = [],
): Promise<PropertiesReading> {
  let documents: Array<{ file: string; text: string }>;
  try {
    documents = await readMetadataDocuments(metadata.paths, exportDir);
  } catch (error) {
    if (error instanceof ExportPathError) return { properties: [], files: [], problem: error.message };
    if (error instanceof SourceReadError) return { properties: [], files: [], problem: metadataReadProblem(error) };
    throw error;
  }
  const files = documents.map((d) => d.file);
  if (documents.length === 0) {
    const byName = metadata.format === "leadforce" ? leadforceColumnsWithoutMetadata(exportColumns) : [];
    return byName.length > 0
      ? { properties: byName, files }
      : { properties: [], files, problem: `no metadata file at ${metadata.paths.join(" or ")}` };
  }
  try {
    return {
      properties: readersByFormat[metadata.format](
        documents.map((d) => d.text),
        metadata.object,
        source,
      ),
      files,
    };
  } catch (error) {
    if (
      error instanceof SyntaxError ||
      (error instanceof Error && "code" in error && String(error.code).startsWith("CSV_"))
    ) {
      return { properties: [], files, problem: `${files.join(", ")}: ${error.message}` };
    }
    throw error;
  }
}

type MetadataReader = (documents: string[], object: string, source: PlanSource) => CustomProperty[];

const readersByFormat: Record<PlanPropertiesSource["format"], MetadataReader> = {
  hubspot: (documents, object, source) => hubspotProperties(documents.map(parseJson), object, source),
  dataverse: (documents, object) => dataverseProperties(documents.map(parseJson), object),
  leadforce: (documents, object) => leadforceProperties(documents, object),
  concord: (documents, object) => concordProperties(documents.map(parseJson), object),
  sage: (documents, object) => sageProperties(documents, object),
};

function parseJson(text: string): unknown {
  return JSON.parse(text) as unknown;
}

async function readMetadataDocuments(
  paths: readonly string[],
  exportDir: string,
): Promise<Array<{ file: string; text: string }>> {
  for (const path of paths) {
    const files = await findExportFiles(exportDir, path);
    if (files.length === 0) continue;
    const documents = [];
    for (const file of files)
      documents.push({ file: file.relative, text: decodeMetadata(file, await readFile(file.absolute)) });
    return documents;
  }
  return [];
}

// Metadata comes from the same tools as the data: UTF-8 (with or without a BOM), or Windows-1252 from SQL
// Server dumps. It is small, so it is read whole, by the readers' decoder (never a one-shot TextDecoder,
// which Node gets wrong for Windows-1252). A file that is neither is refused where Windows-1252 fails.
function decodeMetadata(file: ExportFile, bytes: Buffer): string {
  try {
    return decodedText(file, bytes, { encoding: "utf-8" });
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
  }
  return decodedText(file, bytes, { encoding: "windows-1252" });
}

/** Why a metadata file could not be decoded: it is not UTF-8, and this is where Windows-1252 fails too. */
function metadataReadProblem(error: SourceReadError): string {
  const problem = error.problem;
  if (!problem) return error.message;
  const where = problem.line === undefined ? "" : ` (line ${problem.line}, column ${problem.column ?? 1})`;
  return `${problem.message.replace(/\.$/, "")}${where}, and not UTF-8 either`;
}

/** A metadata CSV as records by header, whatever its delimiter (`;` from Leadforce, `,` or tab from bcp). */
function csvRecords(text: string): Array<Record<string, string>> {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [";", "\t", ","].map((d) => ({ d, n: header.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  return parseCsv(text, {
    columns: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  }) as Array<Record<string, string>>;
}

function slugValue(label: string): string {
  return (
    label
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "") || "option"
  );
}

// ── HubSpot: { "<objectType>": [definitions] }, or one object's { "results": [definitions] } ───────────────

interface HubSpotProperty {
  name?: unknown;
  label?: unknown;
  type?: unknown;
  fieldType?: unknown;
  hubspotDefined?: unknown;
  options?: Array<{ label?: unknown; value?: unknown }>;
}

function hubspotProperties(documents: unknown[], object: string, source: PlanSource): CustomProperty[] {
  const definitions = documents.flatMap((document) => hubspotDefinitions(document, object));
  return definitions
    .filter((p) => p.hubspotDefined === false && typeof p.name === "string")
    .map((p) => {
      const name = String(p.name);
      const label = typeof p.label === "string" && p.label !== "" ? p.label : name;
      // UI exports (CSV) head a column with the label; the API (JSON) names the property itself.
      const column = source.format === "csv" ? label : `properties.${name}`;
      return { name, label, column, alternatives: [], kind: hubspotKind(p), options: optionsOf(p.options) };
    });
}

function hubspotDefinitions(document: unknown, object: string): HubSpotProperty[] {
  if (Array.isArray(document)) return document as HubSpotProperty[];
  if (!isRecord(document)) return [];
  const own = document[object];
  if (Array.isArray(own)) return own as HubSpotProperty[];
  if (isRecord(own) && Array.isArray(own["results"])) return own["results"] as HubSpotProperty[];
  const results = document["results"];
  const objectType = document["objectType"];
  if (Array.isArray(results) && (objectType === undefined || objectType === object))
    return results as HubSpotProperty[];
  return [];
}

function hubspotKind(p: HubSpotProperty): PropertyKind {
  const fieldType = String(p.fieldType ?? "");
  switch (String(p.type ?? "")) {
    case "number":
      return "decimal";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "bool":
      return "boolean";
    case "enumeration":
      return fieldType === "checkbox" ? "label" : fieldType === "booleancheckbox" ? "boolean" : "choice";
    default:
      return fieldType === "textarea" ? "textarea" : fieldType === "html" ? "html" : "text";
  }
}

function optionsOf(options: HubSpotProperty["options"]): CustomProperty["options"] {
  return (options ?? [])
    .filter((o) => o.value !== undefined && o.value !== null)
    .map((o) => ({
      value: String(o.value),
      label: typeof o.label === "string" && o.label !== "" ? o.label : String(o.value),
    }));
}

// ── Dataverse: EntityDefinitions pages, { "value": [ { LogicalName, Attributes: [...] } ] } ─────────────────

const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

interface DataverseAttribute {
  LogicalName?: unknown;
  AttributeType?: unknown;
  /** `{ Value: "MultiSelectPicklistType" }`: a multi-select choice's AttributeType is only `Virtual` */
  AttributeTypeName?: { Value?: unknown } | null;
  IsCustomAttribute?: unknown;
  AttributeOf?: unknown;
  Format?: unknown;
  DisplayName?: { UserLocalizedLabel?: { Label?: unknown } | null };
  OptionSet?: {
    Options?: Array<{ Value?: unknown; Label?: { UserLocalizedLabel?: { Label?: unknown } | null } }>;
  } | null;
}

function dataverseProperties(documents: unknown[], entity: string): CustomProperty[] {
  const entities = documents.flatMap((document) =>
    isRecord(document) && Array.isArray(document["value"])
      ? document["value"]
      : Array.isArray(document)
        ? document
        : [document],
  );
  const attributes = entities
    .filter((e): e is Record<string, unknown> => isRecord(e) && e["LogicalName"] === entity)
    .flatMap((e) => (Array.isArray(e["Attributes"]) ? (e["Attributes"] as DataverseAttribute[]) : []));
  return attributes.filter(isMigratableCustomAttribute).map(dataverseProperty);
}

// Keys, names shown beside a lookup (`AttributeOf`) and base-currency twins are not data of their own.
function isMigratableCustomAttribute(a: DataverseAttribute): boolean {
  if (a.IsCustomAttribute !== true || typeof a.LogicalName !== "string") return false;
  if (a.AttributeOf !== undefined && a.AttributeOf !== null) return false;
  return !["Uniqueidentifier", "Virtual", "EntityName", "PartyList", "CalendarRules", "ManagedProperty"].includes(
    attributeType(a),
  );
}

/** The attribute's type as `AttributeType` spells it; a multi-select choice is told by its type name. */
function attributeType(a: DataverseAttribute): string {
  const typeName = a.AttributeTypeName?.Value;
  if (typeof typeName === "string" && typeName.endsWith("Type") && typeName !== "VirtualType")
    return typeName.slice(0, -4);
  return String(a.AttributeType);
}

function dataverseProperty(a: DataverseAttribute): CustomProperty {
  const name = String(a.LogicalName);
  const label = stringOr(a.DisplayName?.UserLocalizedLabel?.Label, name);
  const type = attributeType(a);
  const options = (a.OptionSet?.Options ?? []).map((o) => ({
    value: String(o.Value),
    label: stringOr(o.Label?.UserLocalizedLabel?.Label, String(o.Value)),
  }));
  const base = { name, label, options };
  switch (type) {
    case "Lookup":
    case "Customer":
    case "Owner":
      // a GUID means nothing in Odoo: keep the name Dataverse shows, or the GUID when the export has no names
      return { ...base, column: `_${name}_value${FORMATTED}`, alternatives: [`_${name}_value`], kind: "label" };
    case "MultiSelectPicklist":
      return { ...base, column: `${name}${FORMATTED}`, alternatives: [name], kind: "label" };
    case "Picklist":
    case "State":
    case "Status":
      return { ...base, column: name, alternatives: [], kind: "choice" };
    default:
      return { ...base, column: name, alternatives: [], kind: dataverseKind(type, a.Format) };
  }
}

function dataverseKind(type: string, format: unknown): PropertyKind {
  switch (type) {
    case "Memo":
      return "textarea";
    case "Integer":
    case "BigInt":
      return "integer";
    case "Decimal":
    case "Double":
    case "Money":
      return "decimal";
    case "DateTime":
      return format === "DateOnly" ? "date" : "datetime";
    case "Boolean":
      return "boolean";
    default:
      return "text";
  }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ── Leadforce: custom_fields.csv, `Field; Belongs To; Type; Options`; values under `CF: <Field>` ─────────────

const LEADFORCE_PREFIX = "CF: ";

function leadforceProperties(documents: string[], object: string): CustomProperty[] {
  return documents
    .flatMap(csvRecords)
    .filter((r) => (r["Belongs To"] ?? "").toLowerCase() === object.toLowerCase() && (r["Field"] ?? "") !== "")
    .map((r) => {
      const label = r["Field"]!;
      const options = (r["Options"] ?? "")
        .split(",")
        .map((o) => o.trim())
        .filter((o) => o !== "");
      return {
        name: slugValue(label),
        label,
        column: `${LEADFORCE_PREFIX}${label}`,
        alternatives: [],
        kind: leadforceKind(r["Type"] ?? ""),
        // an option is exported as its label; its key in Odoo is the label in Odoo's spelling
        options: options.map((o) => ({ value: slugValue(o), label: o })),
      };
    });
}

function leadforceKind(type: string): PropertyKind {
  switch (type.toLowerCase()) {
    case "number":
      return "decimal";
    case "select":
      return "choice";
    case "multiselect":
      return "label";
    case "date_picker":
      return "date";
    case "checkbox":
      return "boolean";
    default:
      return "text";
  }
}

// Without custom_fields.csv the `CF: ` columns are still the customer's own: their text is kept.
function leadforceColumnsWithoutMetadata(columns: readonly string[]): CustomProperty[] {
  return columns
    .filter((c) => c.startsWith(LEADFORCE_PREFIX))
    .map((column) => {
      const label = column.slice(LEADFORCE_PREFIX.length);
      return { name: slugValue(label), label, column, alternatives: [], kind: "text" as const, options: [] };
    });
}

// ── Concord: custom-fields pages, { data: [{ field_id, label, field_type, resource_name, options }] } ─────

interface ConcordField {
  field_id?: unknown;
  label?: unknown;
  field_type?: unknown;
  resource_name?: unknown;
  options?: Array<{ id?: unknown; name?: unknown }>;
}

function concordProperties(documents: unknown[], object: string): CustomProperty[] {
  const fields = documents.flatMap((d) =>
    isRecord(d) && Array.isArray(d["data"])
      ? (d["data"] as ConcordField[])
      : Array.isArray(d)
        ? (d as ConcordField[])
        : [],
  );
  return fields
    .filter((f) => f.resource_name === object && typeof f.field_id === "string")
    .map((f) => {
      const name = String(f.field_id);
      // a choice is stored as its option's id; the options give their names
      const options = (f.options ?? [])
        .filter((o) => o.id !== undefined && o.id !== null)
        .map((o) => ({ value: String(o.id), label: stringOr(o.name, String(o.id)) }));
      return {
        name,
        label: stringOr(f.label, name),
        column: name,
        alternatives: [],
        kind: concordKind(String(f.field_type ?? "")),
        options,
      };
    });
}

function concordKind(type: string): PropertyKind {
  switch (type.toLowerCase()) {
    case "textarea":
      return "textarea";
    case "number":
      return "integer";
    case "numeric":
      return "decimal";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "boolean":
      return "boolean";
    case "select":
    case "radio":
      return "choice";
    case "multiselect":
    case "checkbox":
      return "label";
    default:
      return "text";
  }
}

// ── Sage: Custom_Edits.csv, `ColP_ColName, ColP_Entity, ColP_EntryType, ColP_Caption` ────────────────────

function sageProperties(documents: string[], entity: string): CustomProperty[] {
  return documents
    .flatMap(csvRecords)
    .filter(
      (r) =>
        (r["ColP_Entity"] ?? "").toLowerCase() === entity.toLowerCase() &&
        (r["ColP_ColName"] ?? "") !== "" &&
        r["ColP_ColName"] !== "NULL",
    )
    .map((r) => {
      const name = r["ColP_ColName"]!;
      const caption = r["ColP_Caption"];
      return {
        name,
        label: caption && caption !== "NULL" ? caption : name,
        column: name,
        alternatives: [],
        kind: sageKind(Number(r["ColP_EntryType"])),
        options: [],
      };
    });
}

// Sage's entry types; a selection stores a caption code, which is kept as it is (Custom_Captions names it).
function sageKind(entryType: number): PropertyKind {
  switch (entryType) {
    case 11:
      return "textarea";
    case 31:
      return "integer";
    case 32:
    case 51:
      return "decimal";
    case 41:
      return "datetime";
    case 42:
      return "date";
    case 45:
      return "boolean";
    default:
      return "text";
  }
}
