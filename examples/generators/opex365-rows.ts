// The business tables as Web API rows. Each row holds the columns the spec (specs/opex365.mapspec) reads,
// in its order, and among them columns a real export carries too (statuscode, _owninguser_value,
// currency). Every column is present in every row, null when empty.
import {
  bareLookup,
  choice,
  dateOnly,
  dateTime,
  decimal,
  lookup,
  money,
  row,
  text,
  whole,
  type Cell,
  type Currency,
  type ODataRow,
  type RecordRef,
} from "./opex365-odata.js";
import { CURRENCIES, OPTIONS, PRICE_LEVELS, UNIT_GROUP, UNITS, type UnitName } from "./opex365-org.js";
import { fullName, refOfLead, refOfOpportunity, type OwnerRef, type Opex365Model } from "./opex365-model.js";
import { INDUSTRY } from "./opex365-vocabulary.js";

/** The row's `@odata.etag` version: any number, the same for the same seed. */
export function versionNumber(model: Opex365Model, table: string, index: number): number {
  return model.random(`version-${table}`, index).int(1_200_000, 9_800_000);
}

/** Row `index` of `table`, keyed by its GUID (`model.id(table, index)`) in the column `key`, then `columns`. */
export function tableRow(
  model: Opex365Model,
  table: string,
  index: number,
  columns: readonly (readonly [string, Cell])[],
  key = `${table}id`,
): ODataRow {
  return row(versionNumber(model, table, index), [[key, text(model.id(table, index))], ...columns]);
}

export function currency(model: Opex365Model, index: 0 | 1): Currency {
  const { isoCode, name, symbol } = CURRENCIES[index];
  return { id: model.id("transactioncurrency", index), isoCode, name, symbol };
}

export function currencyCell(model: Opex365Model, index: 0 | 1): Cell {
  const { id, name } = currency(model, index);
  return lookup({ id, table: "transactioncurrency", name }, "transactioncurrencyid");
}

export function unitRef(model: Opex365Model, unit: UnitName): RecordRef {
  return { id: model.id("uom", UNITS.indexOf(unit)), table: "uom", name: unit };
}

/**
 * The owner columns as the Web API returns them: `_ownerid_value` is the owner, a user or a team;
 * `_owninguser_value` repeats the user of a user-owned row and is null on a team-owned one.
 */
export function ownerCells(model: Opex365Model, owner: OwnerRef | number): (readonly [string, Cell])[] {
  const ref = model.ownerRef(typeof owner === "number" ? { kind: "user", user: owner } : owner);
  return [
    ["_ownerid_value", lookup(ref, "ownerid")],
    ["_owninguser_value", bareLookup(ref.table === "systemuser" ? ref : null)],
  ];
}

/** statecode and statuscode of a table whose only states are Active (status 1) and Inactive (status 2). */
function activeState(active: boolean): (readonly [string, Cell])[] {
  return [
    ["statecode", choice(OPTIONS.activeInactive, active ? 0 : 1)],
    ["statuscode", choice(OPTIONS.activeInactiveStatus, active ? 1 : 2)],
  ];
}

export function accountRow(model: Opex365Model, index: number): ODataRow {
  const a = model.account(index);
  return tableRow(model, "account", index, [
    ["name", text(a.name)],
    ["telephone1", text(a.phone)],
    ["emailaddress1", text(a.email)],
    ["websiteurl", text(a.website)],
    ["address1_line1", text(a.line1)],
    ["address1_line2", text(a.line2)],
    ["address1_city", text(a.city)],
    ["address1_postalcode", text(a.postalCode)],
    ["address1_stateorprovince", text(a.state)],
    ["address1_country", text(a.country)],
    ["industrycode", choice(INDUSTRY, a.industry)],
    ["revenue", money(a.revenue, currency(model, a.currency))],
    ["numberofemployees", whole(a.employees)],
    ["_parentaccountid_value", lookup(a.parent === undefined ? null : model.accountRef(a.parent), "parentaccountid")],
    ...ownerCells(model, a.owner),
    ...activeState(a.active),
    ["createdon", dateTime(a.createdAt)],
    ["_transactioncurrencyid_value", currencyCell(model, a.currency)],
  ]);
}

export function contactRow(model: Opex365Model, index: number): ODataRow {
  const c = model.contact(index);
  return tableRow(model, "contact", index, [
    ["firstname", text(c.firstname)],
    ["lastname", text(c.name.last)],
    ["fullname", text(fullName(c))],
    ["emailaddress1", text(c.email)],
    ["telephone1", text(c.phone)],
    ["mobilephone", text(c.mobile)],
    ["jobtitle", text(c.jobTitle)],
    ["address1_line1", text(c.line1)],
    ["address1_city", text(c.city)],
    ["address1_stateorprovince", text(c.state)],
    ["address1_country", text(c.country)],
    ["birthdate", dateOnly(c.birthdate)],
    [
      "_parentcustomerid_value",
      lookup(c.parent && model.customerRef(c.parent), (table) => `parentcustomerid_${table}`),
    ],
    ...ownerCells(model, c.owner),
    ...activeState(c.active),
    ["new_lifecyclestage", choice(OPTIONS.lifecycleStage, c.lifecycle)],
    ["createdon", dateTime(c.createdAt)],
  ]);
}

export function leadRow(model: Opex365Model, index: number): ODataRow {
  const l = model.lead(index);
  return tableRow(model, "lead", index, [
    ["subject", text(l.subject)],
    ["firstname", text(l.name.first)],
    ["lastname", text(l.name.last)],
    ["fullname", text(`${l.name.first} ${l.name.last}`)],
    ["companyname", text(l.companyName)],
    ["emailaddress1", text(l.email)],
    ["telephone1", text(l.phone)],
    ["mobilephone", text(l.mobile)],
    ["jobtitle", text(l.jobTitle)],
    ["websiteurl", text(l.website)],
    ["address1_city", text(l.city)],
    ["address1_country", text(l.country)],
    ["description", text(l.description)],
    ["leadsourcecode", choice(OPTIONS.leadSource, l.source)],
    ["leadqualitycode", choice(OPTIONS.rating, l.quality)],
    ["statecode", choice(OPTIONS.leadState, l.state)],
    ["statuscode", choice(OPTIONS.leadStatus, l.status)],
    ...ownerCells(model, l.owner),
    ["_parentaccountid_value", lookup(l.account === undefined ? null : model.accountRef(l.account), "parentaccountid")],
    [
      "_qualifyingopportunityid_value",
      lookup(qualifyingOpportunity(model, l.opportunity, l.companyName), "qualifyingopportunityid"),
    ],
    ["new_leadscore", decimal(l.score, 2)],
    ["createdon", dateTime(l.createdAt)],
  ]);
}

/** The opportunity a lead was qualified into; one of them is no longer in the export, but the lookup keeps its GUID and name. */
function qualifyingOpportunity(
  model: Opex365Model,
  opportunity: number | "missing" | undefined,
  companyName: string,
): RecordRef | null {
  if (opportunity === undefined) return null;
  if (opportunity === "missing")
    return {
      id: model.missingId("opportunity"),
      table: "opportunity",
      name: `${companyName} – Calibration contract 2024`,
    };
  return refOfOpportunity(model.opportunity(opportunity));
}

export function opportunityRow(model: Opex365Model, index: number): ODataRow {
  const o = model.opportunity(index);

  return tableRow(model, "opportunity", index, [
    ["name", text(o.name)],
    ["description", text(o.description)],
    ["estimatedvalue", money(o.value, currency(model, o.currency))],
    ["estimatedclosedate", dateOnly(o.estimatedClose)],
    ["closeprobability", whole(o.probability)],
    ["stepname", text(o.stepName)],
    ["statecode", choice(OPTIONS.opportunityState, o.state)],
    ["statuscode", choice(OPTIONS.opportunityStatus, o.status)],
    ["opportunityratingcode", choice(OPTIONS.rating, o.rating)],
    ["actualclosedate", dateOnly(o.actualClose)],
    ["_customerid_value", lookup(model.customerRef(o.customer), (table) => `customerid_${table}`)],
    ...ownerCells(model, o.owner),
    [
      "_originatingleadid_value",
      lookup(o.lead === undefined ? null : refOfLead(model.lead(o.lead)), "originatingleadid"),
    ],
    ["new_opportunitytype", choice(OPTIONS.opportunityType, o.type)],
    ["new_lostreason", text(o.lostReason)],
    ["_transactioncurrencyid_value", currencyCell(model, o.currency)],
    [
      "_pricelevelid_value",
      lookup(
        { id: model.id("pricelevel", o.currency), table: "pricelevel", name: PRICE_LEVELS[o.currency].name },
        "pricelevelid",
      ),
    ],
    ["createdon", dateTime(o.createdAt)],
  ]);
}

export function incidentRow(model: Opex365Model, index: number): ODataRow {
  const c = model.incident(index);
  return tableRow(model, "incident", index, [
    ["title", text(c.title)],
    ["ticketnumber", text(c.ticketNumber)],
    ["description", text(c.description)],
    ["prioritycode", choice(OPTIONS.casePriority, c.priority)],
    ["statecode", choice(OPTIONS.caseState, c.state)],
    ["statuscode", choice(OPTIONS.caseStatus, c.status)],
    ["caseorigincode", choice(OPTIONS.caseOrigin, c.origin)],
    ["_customerid_value", lookup(model.customerRef(c.customer), (table) => `customerid_${table}`)],
    ...ownerCells(model, c.owner),
    [
      "_entitlementid_value",
      lookup(
        c.entitlement === null ? null : { id: c.entitlement, table: "entitlement", name: "Premium Support 2024" },
        "entitlementid",
      ),
    ],
    ["createdon", dateTime(c.createdAt)],
  ]);
}

export function projectRow(model: Opex365Model, index: number): ODataRow {
  const p = model.project(index);
  return tableRow(model, "new_project", index, [
    ["new_name", text(p.name)],
    ["new_budget", money(p.budget, currency(model, p.currency))],
    ["new_startdate", dateOnly(p.start)],
    ["new_status", choice(OPTIONS.projectStatus, p.status)],
    // Custom lookups navigate by the column's schema name.
    ["_new_accountid_value", lookup(p.account === undefined ? null : model.accountRef(p.account), "new_AccountId")],
    ...ownerCells(model, p.owner),
    ...activeState(p.status !== 100000002),
    ["_transactioncurrencyid_value", currencyCell(model, p.currency)],
    ["createdon", dateTime(p.createdAt)],
  ]);
}

export function productRow(model: Opex365Model, index: number): ODataRow {
  const p = model.product(index);
  const eur = currency(model, 0);
  return tableRow(model, "product", index, [
    ["name", text(p.name)],
    ["productnumber", text(p.number)],
    [
      "description",
      text(
        p.structure === 3
          ? `Bundle of ${p.components!.length} items.`
          : p.structure === 2
            ? null
            : `${p.name} (${p.number}).`,
      ),
    ],
    ["price", money(p.price, eur)],
    ["standardcost", money(p.cost, eur)],
    ["producttypecode", choice(OPTIONS.productType, p.type)],
    ["productstructure", choice(OPTIONS.productStructure, p.structure)],
    ["_defaultuomid_value", lookup(unitRef(model, p.unit), "defaultuomid")],
    ["statecode", choice(OPTIONS.productState, p.state)],
    ["statuscode", choice(OPTIONS.productStatus, ([1, 2, 0] as const)[p.state])],
    [
      "_parentproductid_value",
      lookup(p.familyIndex === undefined ? null : model.productRef(p.familyIndex), "parentproductid"),
    ],
    [
      "_defaultuomscheduleid_value",
      lookup({ id: model.id("uomschedule", 0), table: "uomschedule", name: UNIT_GROUP }, "defaultuomscheduleid"),
    ],
    ["_transactioncurrencyid_value", currencyCell(model, 0)],
  ]);
}

/** The price lists product `index` is in: families and drafts are in none; two of three products are sold in USD too. */
export function priceListsOf(model: Opex365Model, index: number): (0 | 1)[] {
  const p = model.product(index);
  if (p.structure === 2 || p.state === 2) return [];
  return index % 3 === 2 ? [0] : [0, 1];
}

export function productPriceLevelRow(model: Opex365Model, product: number, list: 0 | 1): ODataRow {
  const p = model.product(product);
  const level = PRICE_LEVELS[list];
  const amount = list === 0 ? p.price! : Math.round(p.price! * CURRENCIES[1].exchangeRate * 100) / 100;
  return tableRow(model, "productpricelevel", product * 2 + list, [
    [
      "_pricelevelid_value",
      lookup({ id: model.id("pricelevel", list), table: "pricelevel", name: level.name }, "pricelevelid"),
    ],
    ["_productid_value", lookup(model.productRef(product), "productid")],
    ["amount", money(amount, currency(model, level.currency))],
    ["quantitysellingcode", choice(OPTIONS.quantitySelling, p.unit === "Primary Unit" ? 2 : 3)],
    ["_uomid_value", lookup(unitRef(model, p.unit), "uomid")],
    ["_transactioncurrencyid_value", currencyCell(model, level.currency)],
  ]);
}

/** Component `position` of bundle `bundle`: bundles have fewer than eight components. */
export function productAssociationId(model: Opex365Model, bundle: number, position: number): string {
  return model.id("productassociation", bundle * 8 + position);
}

export function productAssociationRow(model: Opex365Model, bundle: number, position: number): ODataRow {
  const [component, quantity] = model.product(bundle).components![position]!;
  return row(versionNumber(model, "productassociation", bundle * 8 + position), [
    ["productassociationid", text(productAssociationId(model, bundle, position))],
    ["_productid_value", lookup(model.productRef(bundle), "productid")],
    ["_associatedproduct_value", lookup(model.productRef(component), "associatedproduct")],
    ["quantity", decimal(quantity, 5)],
    ["productisrequired", choice(OPTIONS.productRequired, position < 3 ? 1 : 0)],
    ["_uomid_value", lookup(unitRef(model, model.product(component).unit), "uomid")],
  ]);
}
