// The customer's own properties, as the export's metadata lists them: HubSpot's properties.json
// (`hubspotDefined: false`) and Dataverse's EntityDefinitions (`IsCustomAttribute: true`). Each becomes a
// CustomProperty: its column in this export, what kind of value it holds, and its choices.
import { readFile } from "node:fs/promises";
import type { PlanPropertiesSource, PlanSource } from "../../compiler/plan/types.js";
import { ExportPathError, findExportFiles } from "../extract/export-paths.js";

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

export async function readCustomProperties(source: PlanSource, metadata: PlanPropertiesSource, exportDir: string): Promise<PropertiesReading> {
  let documents: Array<{ file: string; value: unknown }>;
  try {
    documents = await readMetadataDocuments(metadata.paths, exportDir);
  } catch (error) {
    if (error instanceof ExportPathError || error instanceof SyntaxError) return { properties: [], files: [], problem: error.message };
    throw error;
  }
  const files = documents.map((d) => d.file);
  if (documents.length === 0) return { properties: [], files, problem: `no metadata file at ${metadata.paths.join(" or ")}` };
  const values = documents.map((d) => d.value);
  const properties = metadata.format === "hubspot" ? hubspotProperties(values, metadata.object, source) : dataverseProperties(values, metadata.object);
  return { properties, files };
}

async function readMetadataDocuments(paths: readonly string[], exportDir: string): Promise<Array<{ file: string; value: unknown }>> {
  for (const path of paths) {
    const files = await findExportFiles(exportDir, path);
    if (files.length === 0) continue;
    const documents = [];
    for (const file of files) documents.push({ file: file.relative, value: JSON.parse(await readFile(file.absolute, "utf8")) as unknown });
    return documents;
  }
  return [];
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
  if (Array.isArray(results) && (objectType === undefined || objectType === object)) return results as HubSpotProperty[];
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
    .map((o) => ({ value: String(o.value), label: typeof o.label === "string" && o.label !== "" ? o.label : String(o.value) }));
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
  OptionSet?: { Options?: Array<{ Value?: unknown; Label?: { UserLocalizedLabel?: { Label?: unknown } | null } }> } | null;
}

function dataverseProperties(documents: unknown[], entity: string): CustomProperty[] {
  const entities = documents.flatMap((document) => (isRecord(document) && Array.isArray(document["value"]) ? document["value"] : Array.isArray(document) ? document : [document]));
  const attributes = entities
    .filter((e): e is Record<string, unknown> => isRecord(e) && e["LogicalName"] === entity)
    .flatMap((e) => (Array.isArray(e["Attributes"]) ? (e["Attributes"] as DataverseAttribute[]) : []));
  return attributes.filter(isMigratableCustomAttribute).map(dataverseProperty);
}

// Keys, names shown beside a lookup (`AttributeOf`) and base-currency twins are not data of their own.
function isMigratableCustomAttribute(a: DataverseAttribute): boolean {
  if (a.IsCustomAttribute !== true || typeof a.LogicalName !== "string") return false;
  if (a.AttributeOf !== undefined && a.AttributeOf !== null) return false;
  return !["Uniqueidentifier", "Virtual", "EntityName", "PartyList", "CalendarRules", "ManagedProperty"].includes(attributeType(a));
}

/** The attribute's type as `AttributeType` spells it; a multi-select choice is told by its type name. */
function attributeType(a: DataverseAttribute): string {
  const typeName = a.AttributeTypeName?.Value;
  if (typeof typeName === "string" && typeName.endsWith("Type") && typeName !== "VirtualType") return typeName.slice(0, -4);
  return String(a.AttributeType);
}

function dataverseProperty(a: DataverseAttribute): CustomProperty {
  const name = String(a.LogicalName);
  const label = stringOr(a.DisplayName?.UserLocalizedLabel?.Label, name);
  const type = attributeType(a);
  const options = (a.OptionSet?.Options ?? []).map((o) => ({ value: String(o.Value), label: stringOr(o.Label?.UserLocalizedLabel?.Label, String(o.Value)) }));
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
