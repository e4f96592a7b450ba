import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { HELP, parseOpex365Args } from "../../examples/generators/opex365-cli.js";
import {
  ENTITY_SETS,
  LOGICAL_NAMES,
  OPEX365_VARIANTS,
  generateOpex365Export,
  type EntitySet,
} from "../../examples/generators/opex365.js";
import { readJsonFiles, sampleDir, variantContract } from "../support/sample-export.js";

const SAMPLE = sampleDir("opex365");

type Row = Record<string, unknown>;

interface Page {
  "@odata.context": string;
  "@odata.count"?: number;
  value: Row[];
  "@odata.nextLink"?: string;
}

interface Label {
  UserLocalizedLabel: { Label: string } | null;
}

interface Attribute {
  LogicalName: string;
  SchemaName: string;
  AttributeType: string;
  AttributeTypeName: { Value: string };
  IsCustomAttribute: boolean;
  DisplayName: Label;
  Format?: string;
  OptionSet?: { OptionSetType: string; Options?: { Value: number; Label: Label }[] };
}

interface Entity {
  LogicalName: string;
  EntitySetName: string;
  PrimaryIdAttribute: string;
  Attributes: Attribute[];
}

const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
const NAVIGATION = "@Microsoft.Dynamics.CRM.associatednavigationproperty";
const LOGICAL_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";
const CUSTOMIZED: readonly EntitySet[] = ["accounts", "contacts", "leads", "opportunities", "incidents"];
const KEYS: Readonly<Partial<Record<EntitySet, string>>> = {
  accounts: "accountid",
  contacts: "contactid",
  leads: "leadid",
  opportunities: "opportunityid",
  incidents: "incidentid",
};

/** The page files of a folder in page order: by the number in their name, however they are named. */
async function pageNames(dir: string, folder: string): Promise<string[]> {
  const names = await readdir(join(dir, folder));
  return names.sort((a, b) => Number(/(\d+)\.json$/.exec(a)![1]) - Number(/(\d+)\.json$/.exec(b)![1]));
}

async function readPages(dir: string, folder: string): Promise<Page[]> {
  return readJsonFiles<Page>(join(dir, folder), await pageNames(dir, folder));
}

async function readTable(dir: string, folder: string): Promise<Row[]> {
  return (await readPages(dir, folder)).flatMap((page) => page.value);
}

async function readEntities(dir: string): Promise<Entity[]> {
  if (existsSync(join(dir, "EntityDefinitions.json")))
    return (JSON.parse(await readFile(join(dir, "EntityDefinitions.json"), "utf8")) as Page)
      .value as unknown as Entity[];
  return (await readPages(dir, "EntityDefinitions")).flatMap((page) => page.value as unknown as Entity[]);
}

const labelOf = (label: Label) => label.UserLocalizedLabel?.Label;

describe("OPEX 365 export variants", () => {
  const generated = variantContract({
    source: "opex365",
    generate: generateOpex365Export,
    variants: OPEX365_VARIANTS,
    cli: { help: HELP, parse: parseOpex365Args },
  });

  it("logical-names: folders by logical name, pages <logicalname>_<n>.json, the same rows", async () => {
    const dir = await generated(["logical-names"]);
    expect(existsSync(join(dir, "account/account_1.json"))).toBe(true);
    expect(existsSync(join(dir, "account/account_2.json"))).toBe(true);
    for (const entitySet of ENTITY_SETS) {
      const table = LOGICAL_NAMES[entitySet];
      expect(existsSync(join(dir, entitySet)), entitySet).toBe(false);
      const names = await pageNames(dir, table);
      expect(names, table).toEqual(names.map((_, i) => `${table}_${i + 1}.json`));
      const pages = await readPages(dir, table);
      expect(
        pages.flatMap((p) => p.value),
        table,
      ).toEqual(await readTable(SAMPLE, entitySet));
      // The Web API still names the entity set in the context and the next link.
      expect(pages[0]!["@odata.context"], table).toContain(`$metadata#${entitySet}(`);
    }
    expect(await readFile(join(dir, "README.md"), "utf8")).toContain(
      "| account/ | account_1.json … account_2.json | 40 |",
    );
  });

  it("metadata-pages: EntityDefinitions as pages, with the standard tables", async () => {
    const dir = await generated(["metadata-pages"]);
    expect(existsSync(join(dir, "EntityDefinitions.json"))).toBe(false);
    const names = await pageNames(dir, "EntityDefinitions");
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(names.map((_, i) => `page-${String(i + 1).padStart(4, "0")}.json`));
    const pages = await readPages(dir, "EntityDefinitions");
    pages.forEach((page, i) =>
      expect(Object.keys(page), `page ${i + 1}`).toEqual(
        i < pages.length - 1 ? ["@odata.context", "value", "@odata.nextLink"] : ["@odata.context", "value"],
      ),
    );
    const entities = await readEntities(dir);
    const byName = new Map(entities.map((e) => [e.LogicalName, e]));
    for (const table of [
      "account",
      "contact",
      "lead",
      "opportunity",
      "incident",
      "email",
      "appointment",
      "phonecall",
      "task",
      "new_project",
    ]) {
      const entity = byName.get(table)!;
      expect(entity, table).toBeDefined();
      expect(existsSync(join(SAMPLE, entity.EntitySetName)), `${table} ${entity.EntitySetName}`).toBe(true);
      expect(
        entity.Attributes.map((a) => a.LogicalName),
        table,
      ).toContain(entity.PrimaryIdAttribute);
    }
    // The sample's own custom columns on standard tables are described, with their choices.
    const lifecycle = byName.get("contact")!.Attributes.find((a) => a.LogicalName === "new_lifecyclestage")!;
    expect([lifecycle.AttributeType, lifecycle.IsCustomAttribute]).toEqual(["Picklist", true]);
    expect(lifecycle.OptionSet!.Options!.map((o) => o.Value)).toEqual([100000000, 100000001, 100000002]);
  });

  it("custom-columns: kst_ columns of every type in the rows, described in EntityDefinitions", async () => {
    const dir = await generated(["custom-columns"]);
    const entities = await readEntities(dir);
    const seenTypes = new Set<string>();
    for (const entitySet of CUSTOMIZED) {
      const table = LOGICAL_NAMES[entitySet];
      const rows = await readTable(dir, entitySet);
      const entity = entities.find((e) => e.LogicalName === table)!;
      expect(entity, table).toBeDefined();
      expect(entity.EntitySetName).toBe(entitySet);
      const custom = entity.Attributes.filter((a) => a.LogicalName.startsWith("kst_"));
      expect(custom.length, table).toBeGreaterThanOrEqual(9);
      for (const attribute of custom) {
        seenTypes.add(attribute.AttributeTypeName.Value);
        expect(attribute.IsCustomAttribute).toBe(true);
        expect(attribute.SchemaName.toLowerCase()).toBe(attribute.LogicalName);
        expect(labelOf(attribute.DisplayName), attribute.LogicalName).toBeTruthy();
        const values = rows.map((r) => r[attribute.LogicalName]);
        expect(
          rows.every((r) => Object.hasOwn(r, attribute.LogicalName)),
          `${table}.${attribute.LogicalName} in every row`,
        ).toBe(true);
        const present = rows.filter((r) => r[attribute.LogicalName] !== null);
        expect(present.length, `${table}.${attribute.LogicalName} present`).toBeGreaterThan(rows.length / 2);
        expect(
          values.some((v) => v === null),
          `${table}.${attribute.LogicalName} null somewhere`,
        ).toBe(true);
        for (const row of present) expectCustomValue(attribute, row, `${table}.${attribute.LogicalName}`);
      }
      // The sample's columns are all still there, in the sample's order, before the customer's own.
      const sample = await readTable(SAMPLE, entitySet);
      const key = KEYS[entitySet]!;
      rows.forEach((row, i) => {
        expect(row[key]).toBe(sample[i]![key]);
        expect(Object.keys(row).slice(0, Object.keys(sample[i]!).length)).toEqual(Object.keys(sample[i]!));
        expect(row["_transactioncurrencyid_value"], `${table} currency`).toBeTruthy();
      });
    }
    expect([...seenTypes].sort()).toEqual([
      "BooleanType",
      "DateTimeType",
      "DecimalType",
      "IntegerType",
      "MemoType",
      "MoneyType",
      "MultiSelectPicklistType",
      "PicklistType",
      "StringType",
    ]);
    const dateFormats = new Set(
      entities.flatMap((e) =>
        e.Attributes.filter((a) => a.LogicalName.startsWith("kst_") && a.AttributeType === "DateTime").map(
          (a) => a.Format,
        ),
      ),
    );
    expect(dateFormats).toEqual(new Set(["DateOnly", "DateAndTime"]));
    expect((await readTable(dir, "contacts"))[0]).toHaveProperty("new_lifecyclestage");
    expect(entities.at(-1)!.LogicalName).toBe("new_project");
  });

  it("annotations-minimal: lookuplogicalname only, and @odata.count on every page", async () => {
    const dir = await generated(["annotations-minimal"]);
    let lookups = 0;
    for (const entitySet of ENTITY_SETS) {
      const pages = await readPages(dir, entitySet);
      const total = pages.reduce((n, p) => n + p.value.length, 0);
      expect(total, entitySet).toBe((await readTable(SAMPLE, entitySet)).length);
      pages.forEach((page, i) => {
        const keys = ["@odata.context", "@odata.count", "value", ...(i < pages.length - 1 ? ["@odata.nextLink"] : [])];
        expect(Object.keys(page), `${entitySet} page ${i + 1}`).toEqual(keys);
        expect(page["@odata.count"], entitySet).toBe(total);
        if (page["@odata.nextLink"]) expect(page["@odata.nextLink"]).toContain("$count=true");
        for (const row of page.value) {
          for (const name of Object.keys(row)) {
            expect(name.endsWith(FORMATTED) || name.endsWith(NAVIGATION), `${entitySet} ${name}`).toBe(false);
            if (name.endsWith(LOGICAL_NAME)) lookups++;
          }
        }
      });
    }
    expect(lookups).toBeGreaterThan(1000);
    const account = (await readTable(dir, "accounts"))[0]!;
    expect(account[`_ownerid_value${LOGICAL_NAME}`]).toBe("systemuser");
    expect(account["statecode"]).toBe(0);
  });

  it("unselected: some non-key columns absent from every row, keys, names, lookups and statecode kept", async () => {
    const dir = await generated(["unselected"]);
    const absent: Record<string, string[]> = {
      accounts: ["revenue", "numberofemployees", "websiteurl"],
      contacts: ["mobilephone", "jobtitle", "birthdate"],
      leads: ["description"],
      opportunities: ["description"],
    };
    const kept: Record<string, string[]> = {
      accounts: [
        "accountid",
        "name",
        "_parentaccountid_value",
        "_ownerid_value",
        "statecode",
        "_transactioncurrencyid_value",
      ],
      contacts: [
        "contactid",
        "firstname",
        "lastname",
        "fullname",
        "emailaddress1",
        "_parentcustomerid_value",
        "statecode",
      ],
      leads: ["leadid", "subject", "fullname", "statecode", "_qualifyingopportunityid_value"],
      opportunities: ["opportunityid", "name", "estimatedvalue", "_customerid_value", "statecode"],
    };
    for (const [entitySet, columns] of Object.entries(absent)) {
      const pages = await readPages(dir, entitySet);
      for (const row of pages.flatMap((p) => p.value)) {
        for (const column of columns)
          expect(
            Object.keys(row).filter((name) => name.split("@")[0] === column),
            `${entitySet} ${column}`,
          ).toEqual([]);
        for (const column of kept[entitySet]!) expect(Object.hasOwn(row, column), `${entitySet} ${column}`).toBe(true);
      }
      for (const column of columns) expect(pages[0]!["@odata.context"]).not.toMatch(new RegExp(`[(,]${column}[,)]`));
    }
    // Tables without unselected columns are the sample's.
    expect(await readTable(dir, "emails")).toEqual(await readTable(SAMPLE, "emails"));
  });

  it("address-recipients: more To/CC parties are only an address, with no party lookup", async () => {
    const dir = await generated(["address-recipients"]);
    const addressOnly = (rows: Row[]) =>
      rows.filter(
        (p) => (p["participationtypemask"] === 2 || p["participationtypemask"] === 3) && p["_partyid_value"] === null,
      );
    const sample = addressOnly(await readTable(SAMPLE, "activityparties"));
    const parties = await readTable(dir, "activityparties");
    const found = addressOnly(parties);
    expect(found.length).toBeGreaterThanOrEqual(sample.length + 10);
    for (const party of found) {
      expect(String(party["addressused"])).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      expect(Object.keys(party).filter((name) => name.startsWith("_partyid_value@"))).toEqual([]);
      expect(party[`_activityid_value${LOGICAL_NAME}`]).toBe("email");
    }
    expect(found.some((p) => p["participationtypemask"] === 2)).toBe(true);
    expect(found.some((p) => p["participationtypemask"] === 3)).toBe(true);
    expect(new Set(parties.map((p) => p["activitypartyid"])).size).toBe(parties.length);
    const emails = new Set((await readTable(dir, "emails")).map((e) => e["activityid"]));
    for (const party of found) expect(emails.has(party["_activityid_value"])).toBe(true);
  });

  it("all: every variant at once", async () => {
    const dir = await generated(["all"]);
    expect(existsSync(join(dir, "account/account_1.json"))).toBe(true);
    expect(existsSync(join(dir, "EntityDefinitions/page-0001.json"))).toBe(true);
    expect(existsSync(join(dir, "accounts"))).toBe(false);
    const pages = await readPages(dir, "account");
    expect(pages[0]!["@odata.count"]).toBe(40);
    const account = pages[0]!.value[1]!;
    expect(Object.hasOwn(account, "kst_salesregion")).toBe(true);
    expect(Object.hasOwn(account, "revenue")).toBe(false);
    expect(Object.keys(account).some((name) => name.endsWith(FORMATTED))).toBe(false);
    const entities = await readEntities(dir);
    expect(
      entities.find((e) => e.LogicalName === "account")!.Attributes.some((a) => a.LogicalName === "kst_salesregion"),
    ).toBe(true);
    const parties = await readTable(dir, "activityparty");
    expect(
      parties.filter((p) => p["participationtypemask"] === 3 && p["_partyid_value"] === null).length,
    ).toBeGreaterThan(0);
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain(
      "--variant logical-names,metadata-pages,custom-columns,annotations-minimal,unselected,address-recipients",
    );
    expect(readme).toContain("| short-last-page | account/account_2.json |");
  });
});

/** A custom column's value in a row: its JSON type, and the formatted value Dataverse writes beside it. */
function expectCustomValue(attribute: Attribute, row: Row, where: string): void {
  const value = row[attribute.LogicalName];
  const formatted = row[`${attribute.LogicalName}${FORMATTED}`];
  const options = new Map((attribute.OptionSet?.Options ?? []).map((o) => [o.Value, labelOf(o.Label)]));
  switch (attribute.AttributeTypeName.Value) {
    case "StringType":
    case "MemoType":
      expect(typeof value, where).toBe("string");
      expect(formatted, where).toBeUndefined();
      break;
    case "IntegerType":
      expect(Number.isInteger(value), where).toBe(true);
      expect(typeof formatted, where).toBe("string");
      break;
    case "DecimalType":
    case "MoneyType":
      expect(typeof value, where).toBe("number");
      expect(typeof formatted, where).toBe("string");
      break;
    case "DateTimeType":
      expect(value, where).toMatch(
        attribute.Format === "DateOnly" ? /^\d{4}-\d\d-\d\d$/ : /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      );
      break;
    case "BooleanType":
      expect(typeof value, where).toBe("boolean");
      expect(formatted, where).toBe(value ? "Yes" : "No");
      break;
    case "PicklistType":
      expect(options.has(value as number), `${where}: ${String(value)}`).toBe(true);
      expect(value as number).toBeGreaterThanOrEqual(100000000);
      expect(formatted, where).toBe(options.get(value as number));
      break;
    case "MultiSelectPicklistType": {
      expect(attribute.AttributeType).toBe("Virtual");
      expect(value, where).toMatch(/^\d{9}(,\d{9})*$/);
      const codes = String(value).split(",").map(Number);
      for (const code of codes) expect(options.has(code), `${where}: ${code}`).toBe(true);
      expect(formatted, where).toBe(codes.map((code) => options.get(code)).join("; "));
      break;
    }
    default:
      throw new Error(`${where}: unexpected type ${attribute.AttributeTypeName.Value}`);
  }
}
