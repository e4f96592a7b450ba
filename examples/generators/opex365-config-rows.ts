// The configuration tables as Web API rows (users, roles, currencies, price lists, process stages,
// workflows, plugin steps) and the EntityDefinitions entry that describes the custom table new_project.
import type { Opex365Model } from "./opex365-model.js";
import {
  API_ROOT,
  choice,
  dateOnly,
  dateTime,
  decimal,
  lookup,
  text,
  whole,
  yesNo,
  type ODataRow,
  type RecordRef,
} from "./opex365-odata.js";
import {
  BUSINESS_UNITS,
  CURRENCIES,
  ENABLED_DISABLED,
  NEW_PROJECT_ATTRIBUTES,
  OPTIONS,
  PLUGIN_STEPS,
  PRICE_LEVELS,
  ROLES,
  STAGES,
  USER,
  USERS,
  WORKFLOWS,
  configCreatedAt,
} from "./opex365-org.js";
import { currencyCell, ownerCells, tableRow } from "./opex365-rows.js";

function businessUnitRef(model: Opex365Model, index: number): RecordRef {
  return { id: model.id("businessunit", index), table: "businessunit", name: BUSINESS_UNITS[index]! };
}

export function systemUserRow(model: Opex365Model, index: number): ODataRow {
  const u = USERS[index]!;
  return tableRow(model, "systemuser", index, [
    ["fullname", text(u.fullname)],
    ["internalemailaddress", text(u.email)],
    ["domainname", text(u.email?.toLowerCase())],
    ["isdisabled", yesNo(u.disabled, ENABLED_DISABLED)],
    ["_businessunitid_value", lookup(businessUnitRef(model, u.businessUnit), "businessunitid")],
    ["title", text(u.title)],
    ["firstname", text(u.firstname)],
    ["lastname", text(u.lastname)],
    ["createdon", dateTime(configCreatedAt(index))],
  ]);
}

export function roleRow(model: Opex365Model, index: number): ODataRow {
  const [name, businessUnit] = ROLES[index]!;
  // A role copied into a child business unit points to the root business unit's role of that name.
  const root = ROLES.findIndex(([rootName, rootUnit]) => rootName === name && rootUnit === 0);
  return tableRow(model, "role", index, [
    ["name", text(name)],
    ["_businessunitid_value", lookup(businessUnitRef(model, businessUnit), "businessunitid")],
    ["_parentrootroleid_value", lookup({ id: model.id("role", root), table: "role", name }, "parentrootroleid")],
  ]);
}

export function currencyRow(model: Opex365Model, index: 0 | 1): ODataRow {
  const c = CURRENCIES[index];
  return tableRow(model, "transactioncurrency", index, [
    ["isocurrencycode", text(c.isoCode)],
    ["currencyname", text(c.name)],
    ["currencysymbol", text(c.symbol)],
    ["exchangerate", decimal(c.exchangeRate, 10)],
    ["currencyprecision", whole(2)],
    ["statecode", choice(OPTIONS.activeInactive, 0)],
  ]);
}

export function priceLevelRow(model: Opex365Model, index: number): ODataRow {
  const level = PRICE_LEVELS[index]!;
  const expired = level.end < Date.UTC(2024, 0, 1);
  return tableRow(model, "pricelevel", index, [
    ["name", text(level.name)],
    ["begindate", dateOnly(level.begin)],
    ["enddate", dateOnly(level.end)],
    ["_transactioncurrencyid_value", currencyCell(model, level.currency)],
    ["statecode", choice(OPTIONS.activeInactive, expired ? 1 : 0)],
  ]);
}

export function processStageRow(model: Opex365Model, index: number): ODataRow {
  const stage = STAGES[index]!;
  return tableRow(model, "processstage", index, [
    ["stagename", text(stage.name)],
    ["stagecategory", choice(OPTIONS.stageCategory, stage.category)],
    [
      "_processid_value",
      lookup({ id: model.id("workflow", 0), table: "workflow", name: WORKFLOWS[0]!.name }, "processid"),
    ],
    ["primaryentitytypecode", text("opportunity")],
  ]);
}

export function workflowRow(model: Opex365Model, index: number): ODataRow {
  const w = WORKFLOWS[index]!;
  return tableRow(model, "workflow", index, [
    ["name", text(w.name)],
    ["category", choice(OPTIONS.workflowCategory, w.category)],
    ["primaryentity", text(w.primaryEntity)],
    ["statecode", choice(OPTIONS.workflowState, w.state)],
    ["statuscode", choice(OPTIONS.workflowStatus, w.state + 1)],
    ["mode", choice(OPTIONS.workflowMode, w.mode)],
    ["description", text(w.description)],
    ...ownerCells(model, index % 2 === 0 ? USER.salesDirector : USER.integration),
    ["createdon", dateTime(configCreatedAt(index))],
  ]);
}

export function pluginStepRow(model: Opex365Model, index: number): ODataRow {
  const s = PLUGIN_STEPS[index]!;
  return tableRow(model, "sdkmessageprocessingstep", index, [
    ["name", text(`${s.pluginType}: ${s.message} of ${s.entity}`)],
    ["stage", choice(OPTIONS.stepStage, s.stage)],
    ["statecode", choice(OPTIONS.stepState, s.enabled ? 0 : 1)],
    ["statuscode", choice(OPTIONS.stepStatus, s.enabled ? 1 : 2)],
    ["mode", choice(OPTIONS.stepMode, s.mode)],
    ["rank", whole(1)],
    ["filteringattributes", text(s.filteringAttributes)],
    [
      "_sdkmessageid_value",
      lookup({ id: model.id("sdkmessage", index), table: "sdkmessage", name: s.message }, "sdkmessageid"),
    ],
    [
      "_eventhandler_value",
      lookup(
        { id: model.id("plugintype", index), table: "plugintype", name: s.pluginType },
        (table) => `eventhandler_${table}`,
      ),
    ],
  ]);
}

/** A metadata label as the Web API writes it: every language's text, and the caller's. */
export function label(text: string | null, metadataId: string): Record<string, unknown> {
  if (text === null) return { LocalizedLabels: [], UserLocalizedLabel: null };
  const localized = { Label: text, LanguageCode: 1033, IsManaged: false, MetadataId: metadataId, HasChanged: null };
  return { LocalizedLabels: [localized], UserLocalizedLabel: localized };
}

const SELECTED = "MetadataId,LogicalName,SchemaName,EntitySetName,DisplayName,IsCustomEntity";
const ATTRIBUTES_SELECTED = "MetadataId,LogicalName,SchemaName,AttributeType,IsCustomAttribute,DisplayName";

/** The `@odata.context` of an EntityDefinitions response (a document, or each of its pages). */
export const ENTITY_DEFINITIONS_CONTEXT = `${API_ROOT}/$metadata#EntityDefinitions(${SELECTED},Attributes(${ATTRIBUTES_SELECTED}))`;

/** The `Attributes@odata.context` of one table's entry. */
export function attributesContext(entityMetadataId: string): string {
  return `${API_ROOT}/$metadata#EntityDefinitions('${entityMetadataId}')/Attributes(${ATTRIBUTES_SELECTED})`;
}

/**
 * The custom table new_project as an entry of `EntityDefinitions?$filter=IsCustomEntity eq true&$expand=Attributes(...)`,
 * with every attribute; lookup attributes are LookupAttributeMetadata and name their target tables.
 */
export function newProjectDefinition(model: Opex365Model): Record<string, unknown> {
  const attributes = NEW_PROJECT_ATTRIBUTES.map((a, index) => ({
    "@odata.type": `#Microsoft.Dynamics.CRM.${a.targets ? "Lookup" : a.type === "Uniqueidentifier" ? "UniqueIdentifier" : a.type}AttributeMetadata`,
    MetadataId: model.id("attributemetadata", index),
    LogicalName: a.logicalName,
    SchemaName: a.schemaName,
    AttributeType: a.type,
    IsCustomAttribute: a.isCustom,
    DisplayName: label(a.displayName, model.id("attribute-label", index)),
    ...(a.targets ? { Targets: a.targets } : {}),
  }));
  return {
    MetadataId: model.id("entitymetadata", 0),
    LogicalName: "new_project",
    SchemaName: "new_Project",
    EntitySetName: "new_projects",
    PrimaryIdAttribute: "new_projectid",
    PrimaryNameAttribute: "new_name",
    OwnershipType: "UserOwned",
    IsCustomEntity: true,
    DisplayName: label("Project", model.id("entity-label", 0)),
    DisplayCollectionName: label("Projects", model.id("entity-label", 1)),
    Description: label("Customer projects: rollouts, calibration programmes and pilots.", model.id("entity-label", 2)),
    "Attributes@odata.context": attributesContext(model.id("entitymetadata", 0)),
    Attributes: attributes,
  };
}
