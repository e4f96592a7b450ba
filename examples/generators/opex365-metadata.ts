// EntityDefinitions as variants write it: the standard tables beside the custom table new_project, each
// with its key, its primary name and its custom columns (the sample's `new_` ones, and with custom-columns
// the customer's `kst_` ones, typed, with date formats and choices), as one document or as pages.
import { join } from "node:path";
import { writeJsonFile, type WrittenFile } from "./export-files.js";
import { ENTITY_DEFINITIONS_CONTEXT, attributesContext, label, newProjectDefinition } from "./opex365-config-rows.js";
import { CUSTOM_COLUMNS, type CustomColumn, type CustomizedTable } from "./opex365-custom-columns.js";
import type { Opex365Model } from "./opex365-model.js";
import { API_ROOT, type OptionSet } from "./opex365-odata.js";
import { OPTIONS } from "./opex365-org.js";

/** The single metadata document of the sample, and the folder of pages that replaces it. */
export const ENTITY_DEFINITIONS_FILE = "EntityDefinitions.json";
export const ENTITY_DEFINITIONS_FOLDER = "EntityDefinitions";

/** Tables a page of paged metadata holds. */
export const METADATA_PAGE_SIZE = 4;

type AttributeType = CustomColumn["type"] | "Uniqueidentifier";

/** What EntityDefinitions says about one attribute. */
interface AttributeDescription {
  logicalName: string;
  schemaName: string;
  type: AttributeType;
  displayName: string;
  isCustom: boolean;
  format?: "DateOnly" | "DateAndTime";
  options?: OptionSet;
}

interface StandardTable {
  logicalName: string;
  schemaName: string;
  entitySet: string;
  primaryId: string;
  primaryName: string;
  displayName: string;
  collectionName: string;
  ownership: "UserOwned" | "OrganizationOwned" | "BusinessOwned";
  /** The sample's own custom columns on this table (publisher `new_`). */
  sampleColumns?: readonly AttributeDescription[];
}

const newColumn = (
  logicalName: string,
  schemaName: string,
  type: AttributeType,
  displayName: string,
  options?: OptionSet,
): AttributeDescription =>
  options
    ? { logicalName, schemaName, type, displayName, isCustom: true, options }
    : { logicalName, schemaName, type, displayName, isCustom: true };

const table = (
  logicalName: string,
  schemaName: string,
  entitySet: string,
  primaryId: string,
  primaryName: string,
  names: [string, string],
  ownership: StandardTable["ownership"],
  sampleColumns?: AttributeDescription[],
): StandardTable => ({
  logicalName,
  schemaName,
  entitySet,
  primaryId,
  primaryName,
  displayName: names[0],
  collectionName: names[1],
  ownership,
  ...(sampleColumns ? { sampleColumns } : {}),
});

/** The standard tables of the export that paged metadata lists, in the order the export writes them. */
export const STANDARD_TABLES: readonly StandardTable[] = [
  table("systemuser", "SystemUser", "systemusers", "systemuserid", "fullname", ["User", "Users"], "BusinessOwned"),
  table("account", "Account", "accounts", "accountid", "name", ["Account", "Accounts"], "UserOwned"),
  table("contact", "Contact", "contacts", "contactid", "fullname", ["Contact", "Contacts"], "UserOwned", [
    newColumn("new_lifecyclestage", "new_LifecycleStage", "Picklist", "Lifecycle Stage", OPTIONS.lifecycleStage),
  ]),
  table("lead", "Lead", "leads", "leadid", "fullname", ["Lead", "Leads"], "UserOwned", [
    newColumn("new_leadscore", "new_LeadScore", "Decimal", "Lead Score"),
  ]),
  table(
    "opportunity",
    "Opportunity",
    "opportunities",
    "opportunityid",
    "name",
    ["Opportunity", "Opportunities"],
    "UserOwned",
    [
      newColumn("new_opportunitytype", "new_OpportunityType", "Picklist", "Opportunity Type", OPTIONS.opportunityType),
      newColumn("new_lostreason", "new_LostReason", "String", "Lost Reason"),
    ],
  ),
  table("incident", "Incident", "incidents", "incidentid", "title", ["Case", "Cases"], "UserOwned"),
  table("email", "Email", "emails", "activityid", "subject", ["Email", "Email Messages"], "UserOwned"),
  table(
    "appointment",
    "Appointment",
    "appointments",
    "activityid",
    "subject",
    ["Appointment", "Appointments"],
    "UserOwned",
  ),
  table("phonecall", "PhoneCall", "phonecalls", "activityid", "subject", ["Phone Call", "Phone Calls"], "UserOwned"),
  table("task", "Task", "tasks", "activityid", "subject", ["Task", "Tasks"], "UserOwned"),
  table("annotation", "Annotation", "annotations", "annotationid", "subject", ["Note", "Notes"], "UserOwned"),
  table("product", "Product", "products", "productid", "name", ["Product", "Products"], "OrganizationOwned"),
];

/**
 * The tables EntityDefinitions lists: every standard table when metadata comes in pages (a tool that dumps
 * all metadata), else only those that carry custom columns; new_project always, last.
 */
export function describedTables(options: { allStandardTables: boolean; customColumns: boolean }): StandardTable[] {
  if (options.allStandardTables) return [...STANDARD_TABLES];
  if (options.customColumns) return STANDARD_TABLES.filter((t) => t.logicalName in CUSTOM_COLUMNS);
  return [];
}

/** One standard table's entry: its key, primary name and custom columns. */
function standardDefinition(model: Opex365Model, t: StandardTable, customColumns: boolean): Record<string, unknown> {
  const metadataId = model.id(`entitymetadata-${t.logicalName}`, 0);
  const custom =
    customColumns && t.logicalName in CUSTOM_COLUMNS ? CUSTOM_COLUMNS[t.logicalName as CustomizedTable] : [];
  const attributes: AttributeDescription[] = [
    {
      logicalName: t.primaryId,
      schemaName: `${t.schemaName}Id`,
      type: "Uniqueidentifier",
      displayName: t.displayName,
      isCustom: false,
    },
    {
      logicalName: t.primaryName,
      schemaName: schemaOf(t.primaryName),
      type: "String",
      displayName: primaryNameLabel(t.primaryName),
      isCustom: false,
    },
    ...(t.sampleColumns ?? []),
    ...custom.map((c): AttributeDescription => ({
      logicalName: c.logicalName,
      schemaName: c.schemaName,
      type: c.type,
      displayName: c.displayName,
      isCustom: true,
      ...(c.format ? { format: c.format } : {}),
      ...(c.options ? { options: c.options } : {}),
    })),
  ];
  return {
    MetadataId: metadataId,
    LogicalName: t.logicalName,
    SchemaName: t.schemaName,
    EntitySetName: t.entitySet,
    PrimaryIdAttribute: t.primaryId,
    PrimaryNameAttribute: t.primaryName,
    OwnershipType: t.ownership,
    IsCustomEntity: false,
    DisplayName: label(t.displayName, model.id(`entity-label-${t.logicalName}`, 0)),
    DisplayCollectionName: label(t.collectionName, model.id(`entity-label-${t.logicalName}`, 1)),
    "Attributes@odata.context": attributesContext(metadataId),
    Attributes: attributes.map((a, i) => attributeMetadata(model, t.logicalName, i, a)),
  };
}

const PRIMARY_NAME_SCHEMA: Readonly<Record<string, [schema: string, label: string]>> = {
  name: ["Name", "Name"],
  fullname: ["FullName", "Full Name"],
  subject: ["Subject", "Subject"],
  title: ["Title", "Case Title"],
};
const schemaOf = (primaryName: string) => PRIMARY_NAME_SCHEMA[primaryName]![0];
const primaryNameLabel = (primaryName: string) => PRIMARY_NAME_SCHEMA[primaryName]![1];

/**
 * An attribute as `$expand=Attributes` returns it, with what its type needs to be read: a DateTime's
 * Format and behaviour, a choice's options, a Yes/No column's two options. A multi-select choice is, as in
 * Dataverse, AttributeType `Virtual` with AttributeTypeName `MultiSelectPicklistType`.
 */
function attributeMetadata(
  model: Opex365Model,
  table: string,
  index: number,
  a: AttributeDescription,
): Record<string, unknown> {
  const metadataId = model.id(`attributemetadata-${table}`, index);
  const labelId = (n: number) => model.id(`attribute-label-${table}`, index * 100 + n);
  const typeName = a.type === "Uniqueidentifier" ? "UniqueIdentifier" : a.type;
  const entry: Record<string, unknown> = {
    "@odata.type": `#Microsoft.Dynamics.CRM.${typeName}AttributeMetadata`,
    MetadataId: metadataId,
    LogicalName: a.logicalName,
    SchemaName: a.schemaName,
    AttributeType: a.type === "MultiSelectPicklist" ? "Virtual" : a.type,
    AttributeTypeName: { Value: `${a.type}Type` },
    IsCustomAttribute: a.isCustom,
    DisplayName: label(a.displayName, labelId(0)),
  };
  if (a.type === "DateTime") {
    entry["Format"] = a.format ?? "DateAndTime";
    entry["DateTimeBehavior"] = { Value: a.format === "DateOnly" ? "DateOnly" : "UserLocal" };
  }
  if (a.options) {
    entry["OptionSet"] = {
      MetadataId: model.id(`optionset-${table}`, index),
      Name: `${table}_${a.logicalName}`,
      IsGlobal: false,
      OptionSetType: "Picklist",
      Options: Object.entries(a.options).map(([value, text], k) => ({
        Value: Number(value),
        Label: label(text, labelId(k + 1)),
      })),
    };
  }
  if (a.type === "Boolean") {
    entry["OptionSet"] = {
      MetadataId: model.id(`optionset-${table}`, index),
      Name: `${table}_${a.logicalName}`,
      IsGlobal: false,
      OptionSetType: "Boolean",
      TrueOption: { Value: 1, Label: label("Yes", labelId(1)) },
      FalseOption: { Value: 0, Label: label("No", labelId(2)) },
    };
  }
  return entry;
}

/** Every table's entry: the described standard tables, then new_project. */
export function entityEntries(
  model: Opex365Model,
  tables: readonly StandardTable[],
  customColumns: boolean,
): Record<string, unknown>[] {
  return [...tables.map((t) => standardDefinition(model, t, customColumns)), newProjectDefinition(model)];
}

/** EntityDefinitions.json: one unpaged document. */
export async function writeMetadataDocument(
  outDir: string,
  entries: readonly Record<string, unknown>[],
): Promise<WrittenFile[]> {
  await writeJsonFile(join(outDir, ENTITY_DEFINITIONS_FILE), {
    "@odata.context": ENTITY_DEFINITIONS_CONTEXT,
    value: entries,
  });
  return [{ path: ENTITY_DEFINITIONS_FILE, records: 1 }];
}

/**
 * EntityDefinitions/page-0001.json …: the metadata as a tool that pages it writes it, METADATA_PAGE_SIZE
 * tables a page, `@odata.nextLink` on every page but the last. A page's records are its tables.
 */
export async function writeMetadataPages(
  outDir: string,
  entries: readonly Record<string, unknown>[],
): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  const pages = Math.ceil(entries.length / METADATA_PAGE_SIZE);
  for (let page = 1; page <= pages; page++) {
    const value = entries.slice((page - 1) * METADATA_PAGE_SIZE, page * METADATA_PAGE_SIZE);
    const body: Record<string, unknown> = { "@odata.context": ENTITY_DEFINITIONS_CONTEXT, value };
    if (page < pages) {
      body["@odata.nextLink"] =
        `${API_ROOT}/EntityDefinitions?$select=MetadataId,LogicalName,SchemaName,EntitySetName,DisplayName,IsCustomEntity&$expand=Attributes&$skiptoken=${page * METADATA_PAGE_SIZE}`;
    }
    const path = `${ENTITY_DEFINITIONS_FOLDER}/page-${String(page).padStart(4, "0")}.json`;
    await writeJsonFile(join(outDir, path), body);
    written.push({ path, records: value.length });
  }
  return written;
}
