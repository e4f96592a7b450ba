import { describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileFile } from "../../compiler/index.js";
import { readSource, type SourceProblem } from "../../runtime/extract/index.js";
import { ENTITY_SETS, generateOpex365Export, opex365Traps } from "../../examples/generators/opex365.js";
import { readJsonFiles, sampleDir, sampleGeneratorContract, trapIdsOf } from "../support/sample-export.js";

const SAMPLE = sampleDir("opex365");
// The column contract: what the spec declares, the export must have.
const SPEC = fileURLToPath(new URL("../../specs/opex365.mapspec", import.meta.url));

type Row = Record<string, unknown>;

interface Page {
  "@odata.context": string;
  value: Row[];
  "@odata.nextLink"?: string;
}

const LOGICAL_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

const BUSINESS_TABLES = [
  "accounts",
  "contacts",
  "leads",
  "opportunities",
  "incidents",
  "emails",
  "appointments",
  "phonecalls",
  "tasks",
  "annotations",
  "products",
  "new_projects",
];

/** The user- or team-owned tables; the others belong to the organization or a business unit, or to their activity. */
const OWNED = [
  "workflows",
  "accounts",
  "contacts",
  "leads",
  "opportunities",
  "incidents",
  "emails",
  "appointments",
  "phonecalls",
  "tasks",
  "annotations",
  "new_projects",
];

/** The exported tables by logical name: a lookup to one of these must find its row. */
const TABLES: Readonly<Record<string, { entitySet: string; key: string }>> = {
  systemuser: { entitySet: "systemusers", key: "systemuserid" },
  role: { entitySet: "roles", key: "roleid" },
  transactioncurrency: { entitySet: "transactioncurrencies", key: "transactioncurrencyid" },
  pricelevel: { entitySet: "pricelevels", key: "pricelevelid" },
  workflow: { entitySet: "workflows", key: "workflowid" },
  account: { entitySet: "accounts", key: "accountid" },
  contact: { entitySet: "contacts", key: "contactid" },
  lead: { entitySet: "leads", key: "leadid" },
  opportunity: { entitySet: "opportunities", key: "opportunityid" },
  incident: { entitySet: "incidents", key: "incidentid" },
  email: { entitySet: "emails", key: "activityid" },
  appointment: { entitySet: "appointments", key: "activityid" },
  phonecall: { entitySet: "phonecalls", key: "activityid" },
  task: { entitySet: "tasks", key: "activityid" },
  product: { entitySet: "products", key: "productid" },
  new_project: { entitySet: "new_projects", key: "new_projectid" },
};

async function readPages(dir: string, entitySet: string): Promise<Page[]> {
  return readJsonFiles<Page>(join(dir, entitySet), (await readdir(join(dir, entitySet))).sort());
}

async function readTable(dir: string, entitySet: string): Promise<Row[]> {
  return (await readPages(dir, entitySet)).flatMap((page) => page.value);
}

/** Every lookup of the export that points at an exported table but finds no row there: "entity set key → target id". */
async function danglingLookups(dir: string): Promise<string[]> {
  const ids = new Map<string, Set<string>>();
  for (const [table, { entitySet, key }] of Object.entries(TABLES))
    ids.set(table, new Set((await readTable(dir, entitySet)).map((r) => String(r[key]))));
  const dangling: string[] = [];
  for (const entitySet of ENTITY_SETS) {
    for (const row of await readTable(dir, entitySet)) {
      for (const [column, value] of Object.entries(row)) {
        const target = row[`${column}${LOGICAL_NAME}`];
        if (value === null || typeof target !== "string" || !ids.has(target)) continue;
        if (!ids.get(target)!.has(String(value))) dangling.push(`${entitySet} ${column} → ${value}`);
      }
    }
  }
  return dangling;
}

/** The records scale multiplies: the business tables; configuration stays as it is. */
async function countRecords(dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entitySet of BUSINESS_TABLES) counts[entitySet] = (await readTable(dir, entitySet)).length;
  return counts;
}

/** What an export keeps at any scale: the configuration tables as in the sample, and no lookup dangling but the documented ones. */
async function expectRelations(dir: string, scale: number): Promise<void> {
  for (const entitySet of ["systemusers", "roles", "workflows", "processstages"]) {
    expect((await readTable(dir, entitySet)).length, entitySet).toBe((await readTable(SAMPLE, entitySet)).length);
  }
  const trapIds = trapIdsOf(opex365Traps(scale));
  const documented = [...trapIds("activityparty-missing-contact"), ...trapIds("qualified-lead-opportunity-missing")];
  expect(await danglingLookups(dir)).toHaveLength(documented.length);
}

describe("OPEX 365 sample generator", () => {
  sampleGeneratorContract({
    source: "opex365",
    generate: generateOpex365Export,
    seededFile: "accounts/page-0001.json",
    countRecords,
    expectRelations,
  });
});

describe("examples/opex365/", () => {
  const traps = opex365Traps(1);
  const trapIds = trapIdsOf(traps);

  it("pages every table: nextLink on every page but the last, at most 25 rows a page, a shorter last page", async () => {
    for (const entitySet of ENTITY_SETS) {
      const pages = await readPages(SAMPLE, entitySet);
      expect(pages.length, entitySet).toBeGreaterThan(0);
      pages.forEach((page, i) => {
        expect(Object.keys(page), `${entitySet} page ${i + 1}`).toEqual(
          i < pages.length - 1 ? ["@odata.context", "value", "@odata.nextLink"] : ["@odata.context", "value"],
        );
        expect(page["@odata.context"]).toMatch(new RegExp(`/api/data/v9\\.2/\\$metadata#${entitySet}\\(`));
        expect(page.value.length).toBeLessThanOrEqual(25);
        if (i < pages.length - 1) {
          expect(page.value.length).toBe(25);
          expect(page["@odata.nextLink"]).toContain(`$skiptoken=%3Ccookie%20pagenumber=%22${i + 2}%22`);
        }
        for (const row of page.value) expect(row["@odata.etag"], entitySet).toMatch(/^W\/"\d+"$/);
      });
    }
    const accounts = await readPages(SAMPLE, "accounts");
    expect(accounts.map((p) => p.value.length)).toEqual([25, 15]);
  });

  it("has every column the spec declares in every row, and the spec reads it without a problem", async () => {
    const { plan } = compileFile(SPEC);
    expect(plan.sources.length).toBe(ENTITY_SETS.length + 1);
    for (const source of plan.sources) {
      const warnings: SourceProblem[] = [];
      let rows = 0;
      for await (const record of readSource(source, SAMPLE, { onProblem: (p) => warnings.push(p) })) {
        expect(record.problem, `${source.name} ${record.location.file}:${record.location.row}`).toBeUndefined();
        rows++;
      }
      expect(warnings, source.name).toEqual([]);
      expect(rows, source.name).toBeGreaterThan(0);
      if (source.path === "EntityDefinitions.json") continue;
      for (const row of await readTable(SAMPLE, source.path.split("/")[0]!)) {
        for (const { name } of source.columns) {
          // Dataverse writes a lookup's annotations only when the lookup has a value.
          const base = name.split("@")[0]!;
          if (name.includes("@") && row[base] === null) continue;
          expect(Object.hasOwn(row, name), `${source.name}: ${name}`).toBe(true);
        }
      }
    }
  });

  it("names the owner of every owned row as the Web API does: _ownerid_value a user or a team, _owninguser_value the user", async () => {
    const users = new Set((await readTable(SAMPLE, "systemusers")).map((u) => u["systemuserid"]));
    const teamOwned: unknown[] = [];
    for (const entitySet of ENTITY_SETS) {
      for (const row of await readTable(SAMPLE, entitySet)) {
        const id = `${entitySet} ${Object.values(row)[1]}`;
        expect(
          Object.keys(row).filter((name) => name.startsWith("_owninguserid_value")),
          id,
        ).toEqual([]);
        if (!OWNED.includes(entitySet)) {
          expect(Object.hasOwn(row, "_ownerid_value"), id).toBe(false);
          continue;
        }
        const owner = row["_ownerid_value"];
        expect(typeof row[`_ownerid_value${FORMATTED}`], id).toBe("string");
        expect(row[`_owninguser_value${FORMATTED}`], id).toBeUndefined();
        if (row[`_ownerid_value${LOGICAL_NAME}`] === "team") {
          expect(row["_owninguser_value"], id).toBeNull();
          teamOwned.push(Object.values(row)[1]);
        } else {
          expect(users.has(owner), id).toBe(true);
          expect(
            [row[`_ownerid_value${LOGICAL_NAME}`], row["_owninguser_value"], row[`_owninguser_value${LOGICAL_NAME}`]],
            id,
          ).toEqual(["systemuser", owner, "systemuser"]);
        }
        if (entitySet === "annotations") expect(owner, id).toBe(row["_createdby_value"]);
      }
    }
    expect(teamOwned).toEqual(trapIds("team-owned-account"));
  });

  it("keeps relations between tables, except the documented references to deleted rows", async () => {
    const dangling = await danglingLookups(SAMPLE);
    const documented = [...trapIds("activityparty-missing-contact"), ...trapIds("qualified-lead-opportunity-missing")];
    expect(dangling).toHaveLength(2);
    const parties = await readTable(SAMPLE, "activityparties");
    const party = parties.find((p) => p["activitypartyid"] === documented[0])!;
    expect(party["ispartydeleted"]).toBe(true);
    expect(dangling).toContain(`activityparties _partyid_value → ${party["_partyid_value"]}`);
    const lead = (await readTable(SAMPLE, "leads")).find((l) => l["leadid"] === documented[1])!;
    expect(dangling).toContain(`leads _qualifyingopportunityid_value → ${lead["_qualifyingopportunityid_value"]}`);
  });

  it("gives every activity its parties: a sender and a recipient, an organizer and an attendee, an owner", async () => {
    const parties = await readTable(SAMPLE, "activityparties");
    const masksOf = (id: unknown) =>
      parties.filter((p) => p["_activityid_value"] === id).map((p) => p["participationtypemask"]);
    for (const email of await readTable(SAMPLE, "emails")) {
      const masks = masksOf(email["activityid"]);
      expect(
        masks.filter((m) => m === 1),
        String(email["activityid"]),
      ).toHaveLength(1);
      expect(masks).toContain(2);
      expect(masks).toContain(9);
    }
    for (const appointment of await readTable(SAMPLE, "appointments")) {
      const masks = masksOf(appointment["activityid"]);
      expect(
        masks.filter((m) => m === 7),
        String(appointment["activityid"]),
      ).toHaveLength(1);
      expect(masks).toContain(5);
    }
    for (const entitySet of ["phonecalls", "tasks"]) {
      for (const activity of await readTable(SAMPLE, entitySet))
        expect(masksOf(activity["activityid"]), entitySet).toContain(9);
    }
  });

  it("carries note files inline, with their real size and type", async () => {
    const notes = await readTable(SAMPLE, "annotations");
    const files = notes.filter((n) => n["isdocument"] === true);
    expect(new Set(files.map((n) => n["mimetype"]))).toEqual(new Set(["application/pdf", "image/png", "text/plain"]));
    for (const note of files) {
      const bytes = Buffer.from(String(note["documentbody"]), "base64");
      expect(bytes.length, String(note["filename"])).toBe(note["filesize"]);
      const magic: Record<string, string> = { "application/pdf": "%PDF-", "image/png": "\x89PNG" };
      const expected = magic[String(note["mimetype"])];
      if (expected) expect(bytes.subarray(0, expected.length).toString("latin1")).toBe(expected);
    }
    for (const note of notes.filter((n) => n["isdocument"] === false))
      expect([note["filename"], note["documentbody"]]).toEqual([null, null]);
  });

  it("has the awkward cases the README lists, at the ids it gives", async () => {
    const readme = await readFile(join(SAMPLE, "README.md"), "utf8");
    expect(traps.length).toBeGreaterThan(30);
    for (const trap of traps) {
      expect(readme).toContain(`| ${trap.key} | ${trap.file} |`);
      const entitySet = trap.file.split("/")[0]!;
      const rows = await readTable(SAMPLE, entitySet);
      const keys = new Set(rows.map((row) => Object.values(row)[1]));
      for (const id of trap.ids) expect(keys.has(id), `${trap.key}: ${id} in ${entitySet}`).toBe(true);
    }

    const byId = async (entitySet: string, key: string, id: string) =>
      (await readTable(SAMPLE, entitySet)).find((r) => r[key] === id)!;
    const [parent, child, grandchild] = trapIds("account-hierarchy");
    expect((await byId("accounts", "accountid", child!))["_parentaccountid_value"]).toBe(parent);
    expect((await byId("accounts", "accountid", grandchild!))["_parentaccountid_value"]).toBe(child);
    expect((await byId("accounts", "accountid", trapIds("inactive-account")[0]!))["statecode"]).toBe(1);
    const contact = await byId("contacts", "contactid", trapIds("contact-parent-contact")[0]!);
    expect(contact[`_parentcustomerid_value${LOGICAL_NAME}`]).toBe("contact");

    const lead = await byId("leads", "leadid", trapIds("qualified-lead")[0]!);
    expect([lead["statecode"], lead["statuscode"]]).toEqual([1, 3]);
    const opportunity = await byId("opportunities", "opportunityid", String(lead["_qualifyingopportunityid_value"]));
    expect(opportunity["_originatingleadid_value"]).toBe(lead["leadid"]);
    const [won, lost] = await Promise.all(
      trapIds("won-and-lost-opportunity").map((id) => byId("opportunities", "opportunityid", id)),
    );
    expect([won!["statecode"], lost!["statecode"]]).toEqual([1, 2]);

    const regarding = async (key: string) =>
      (await byId("emails", "activityid", trapIds(key)[0]!))[`_regardingobjectid_value${LOGICAL_NAME}`];
    expect(await regarding("email-regarding-opportunity")).toBe("opportunity");
    expect(await regarding("email-regarding-contact")).toBe("contact");
    expect(String((await byId("emails", "activityid", trapIds("html-email")[0]!))["description"])).toMatch(
      /^<html>.*<table/,
    );

    const parties = await readTable(SAMPLE, "activityparties");
    const disabledParty = parties.find((p) => p["activitypartyid"] === trapIds("activityparty-disabled-user")[0])!;
    const users = await readTable(SAMPLE, "systemusers");
    expect(users.find((u) => u["systemuserid"] === disabledParty["_partyid_value"])!["isdisabled"]).toBe(true);
    const meeting = trapIds("appointment-user-attendee")[0];
    expect(
      parties.some(
        (p) =>
          p["_activityid_value"] === meeting &&
          p["participationtypemask"] === 5 &&
          p[`_partyid_value${LOGICAL_NAME}`] === "systemuser",
      ),
    ).toBe(true);

    const text = JSON.stringify(await Promise.all(["accounts", "contacts", "emails"].map((t) => readTable(SAMPLE, t))));
    for (const script of [/[\u3040-\u30ff\u4e00-\u9fff]/, /[\u0400-\u04ff]/, /[\u0370-\u03ff]/])
      expect(text).toMatch(script);
  });
});
