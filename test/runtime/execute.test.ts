import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import type { TransformPlan } from "../../plan/types.js";
import { validatePlan } from "../../plan/validate.js";
import { externalId, slug, transformRecord, type RecordOutcome, type TargetRecord } from "../../runtime/index.js";
import { acme, jane } from "../fixtures/plans/small.rows.js";

const plan = JSON.parse(
  readFileSync(new URL("../fixtures/plans/small.plan.json", import.meta.url), "utf8"),
) as TransformPlan;
const withCrm = { installedModules: new Set(["crm", "mail"]) };
const unknownModules = {};

function staged(outcome: RecordOutcome): TargetRecord[] {
  if (outcome.status !== "staged") throw new Error(`expected staged, got ${JSON.stringify(outcome)}`);
  return outcome.records;
}

describe("the fixture plan", () => {
  it("is a valid TransformPlan by the published schema", () => {
    expect(validatePlan(plan)).toEqual([]);
  });
});

describe("executor: records", () => {
  it("stages a company with every kind of value, and its lead when crm is installed", () => {
    const [company, lead, ...rest] = staged(transformRecord(plan, "Company", acme, withCrm));
    expect(rest).toEqual([]);
    expect(company).toEqual({
      mapping: "company",
      model: "res.partner",
      externalId: "mapc_small.company_1001",
      sourceKey: "1001",
      dedupeKey: "acme.com",
      values: {
        is_company: true,
        name: "Acme Corp",
        website: "https://www.acme.com",
        industry_id: { xmlid: "base.res_partner_industry_J" },
        x_employees: 250,
        x_revenue: 1234,
        comment: "<p>Tags: b2b, vip</p><p>Key account<br>Call monthly</p>",
        // 02:30 on the morning British Summer Time starts is 01:30 UTC
        x_source_created: "2024-03-31 01:30:00",
      },
      deferred: { parent_id: null },
      queued: [],
    });
    expect(lead).toEqual({
      mapping: "company_lead",
      model: "crm.lead",
      externalId: "mapc_small.company_lead_1001",
      sourceKey: "1001",
      values: {
        type: "opportunity",
        name: "Opportunity: Acme Corp",
        partner_id: { ref: { mapping: "company", key: "1001" } },
        expected_revenue: 1234000,
      },
      deferred: {},
      queued: [],
    });
  });

  it("treats unknown modules as not installed, so requires-guards are off", () => {
    expect(staged(transformRecord(plan, "Company", acme, unknownModules)).map((record) => record.mapping)).toEqual([
      "company",
    ]);
  });

  it("defers the self-reference, leaves out a field whose `when` fails, and filters the lead by `where`", () => {
    const beta = { ...acme, "Record ID": "1002", "Parent ID": "1001", Website: "", Revenue: "", Notes: "" };
    const records = staged(transformRecord(plan, "Company", beta, withCrm));
    expect(records.map((record) => record.mapping)).toEqual(["company"]);
    const [company] = records;
    expect(company?.deferred).toEqual({ parent_id: { ref: { mapping: "company", key: "1001" } } });
    expect(company?.values).not.toHaveProperty("comment");
    expect(company).not.toHaveProperty("dedupeKey");
  });

  it("builds refs and lookups symbolically and notes those whose miss policy is queue", () => {
    const [contact] = staged(transformRecord(plan, "Contact", { ...jane, other_emails: [] }, unknownModules));
    expect(contact?.externalId).toBe("mapc_small.contact_501");
    expect(contact?.values).toEqual({
      name: "Jane Doe",
      email: "jane@example.com",
      phone: "+442079460958",
      parent_id: { ref: { mapping: "company", key: "1001" } },
      type: "contact",
      user_id: { lookup: { name: "owner", key: "owner@acme.com" } },
      x_stage: "new",
      x_birthday: "1990-11-05",
    });
    expect(contact?.queued).toEqual([
      { mapping: "company", key: "1001", reason: "company was not migrated", field: "parent_id" },
      { lookup: "owner", key: "owner@acme.com", reason: "owner has no Odoo user", field: "user_id" },
    ]);
  });

  it("applies value-map fallbacks, `default`, and leaves `when` fields out", () => {
    const loose = { id: "502", first: "Ann", email: "not-an-email", stage: "prospect" };
    const [contact] = staged(transformRecord(plan, "Contact", loose, unknownModules));
    expect(contact?.values).toEqual({
      name: "Ann",
      email: null,
      phone: null,
      parent_id: null,
      user_id: null,
      x_stage: "prospect",
      x_birthday: null,
    });
    const [unstaged] = staged(transformRecord(plan, "Contact", { ...loose, stage: null }, unknownModules));
    expect(unstaged?.values["x_stage"]).toBe("unknown");
  });

  it("fans out one record per distinct item, with the item in the external id", () => {
    const row = { id: "503", first: "Jo", other_emails: ["jo@home.org", "JO@HOME.ORG ", "j.o@work.com", ""] };
    const records = staged(transformRecord(plan, "Contact", row, unknownModules));
    const emails = records.filter((record) => record.mapping === "contact_email");
    expect(emails.map((record) => record.values["x_email"])).toEqual(["jo@home.org", "j.o@work.com"]);
    expect(emails.map((record) => record.externalId)).toEqual([
      `mapc_small.contact_email_503_${slug("jo@home.org")}`,
      `mapc_small.contact_email_503_${slug("j.o@work.com")}`,
    ]);
    expect(emails[0]?.values["x_partner_id"]).toEqual({ ref: { mapping: "contact", key: "503" } });
  });

  it("stages nothing, without rejecting, when where excludes every mapping", () => {
    expect(transformRecord(plan, "Contact", { id: "504", first: "", last: null }, unknownModules)).toEqual({
      status: "staged",
      records: [],
    });
  });

  it("writes a polymorphic link as an ir.model lookup and a link value", () => {
    const activity = {
      "Activity ID": "9001",
      Type: "call",
      "Related To": "contact",
      "Related ID": "501",
      Subject: "Quarterly business review call",
      Due: "15-01-2024",
      Logged: "15-01-2024 10:00",
      Owner: "owner@acme.com",
      Body: "<p>Agenda</p>",
      Completed: "",
    };
    const [record] = staged(transformRecord(plan, "Activity", activity, unknownModules));
    expect(record?.values).toEqual({
      res_model_id: { lookup: { name: "ir.model", key: "res.partner" } },
      res_id: { link: { mapping: "contact", model: "res.partner", key: "501" } },
      activity_type_id: { xmlid: "mail.mail_activity_data_call" },
      summary: "Quarterly business r",
      date_deadline: "2024-01-15",
      x_logged: "2024-01-15 04:30:00",
      user_id: { lookup: { name: "owner", key: "owner@acme.com" } },
      note: "<p>Agenda</p>",
    });
  });
});

describe("executor: skips and rejections", () => {
  const activity = {
    "Activity ID": "9002",
    Type: "call",
    "Related To": "company",
    "Related ID": "1001",
    Due: "01-02-2024",
  };
  const cases: Array<[string, string, Record<string, unknown>, RecordOutcome]> = [
    ["a skip rule", "Company", { ...acme, Deleted: "Yes" }, { status: "skipped", reason: "deleted in SmartDesk" }],
    [
      "a compound skip rule",
      "Activity",
      { ...activity, Completed: "done" },
      { status: "skipped", reason: "completed activities are history, not to-dos" },
    ],
    [
      "a required field left empty",
      "Company",
      { ...acme, "Company name": "   " },
      { status: "rejected", reason: "name is required, but the value is empty", mapping: "company", field: "name" },
    ],
    [
      "a malformed cell in a declared datetime column",
      "Company",
      { ...acme, Created: "31/02/2024 10:00" },
      {
        status: "rejected",
        reason: 'column "Created": "31/02/2024 10:00" is not a real date and time: February 2024 has 29 days, not 31',
        mapping: "company",
        field: "x_source_created",
      },
    ],
    [
      "a cell a skip rule cannot read",
      "Company",
      { ...acme, Deleted: "maybe" },
      { status: "rejected", reason: 'column "Deleted": "maybe" is not a yes/no value' },
    ],
    [
      "a value missing from a value map that fails",
      "Activity",
      { ...activity, Type: "visit" },
      {
        status: "rejected",
        reason: '"visit" is not in value map `activity_type`',
        mapping: "activity",
        field: "activity_type_id",
      },
    ],
    [
      "a link type no case knows",
      "Activity",
      { ...activity, "Related To": "deal" },
      {
        status: "rejected",
        reason: 'link type "deal" is none of "contact", "company"',
        mapping: "activity",
        field: "res_id",
      },
    ],
    [
      "an empty required link",
      "Activity",
      { ...activity, "Related ID": "" },
      { status: "rejected", reason: "res_id is required, but the link is empty", mapping: "activity", field: "res_id" },
    ],
    [
      "a bad element in a fan-out",
      "Contact",
      { id: "505", first: "Al", other_emails: ["al@x.org", "al at x"] },
      { status: "rejected", reason: '"al at x" is not an e-mail address', mapping: "contact_email" },
    ],
    [
      "an empty key",
      "Contact",
      { id: "", first: "Al" },
      { status: "rejected", reason: 'key column "id" is empty', mapping: "contact" },
    ],
  ];
  it.each(cases)("%s", (_name, source, row, expected) => {
    expect(transformRecord(plan, source, row, withCrm)).toEqual(expected);
  });

  it("refuses a source the plan does not have", () => {
    expect(() => transformRecord(plan, "Deal", {}, withCrm)).toThrow(/no source `Deal`/);
  });
});

describe("executor: chained lookups", () => {
  it("keys a lookup on the unresolved lookup before it", () => {
    const chained = structuredClone(plan);
    const contact = chained.mappings.find((mapping) => mapping.id === "contact");
    const owner = contact?.assignments.find((assignment) => assignment.fields[0] === "user_id")?.value;
    if (owner?.kind !== "expression") throw new Error("fixture changed");
    owner.steps.push({ op: "lookup", lookup: "user", model: "res.users", onMissing: { kind: "fail" }, line: 92 });
    const [record] = staged(transformRecord(chained, "Contact", { id: "7", first: "A", owner: "a@b.co" }, {}));
    expect(record?.values["user_id"]).toEqual({
      lookup: { name: "user", key: { lookup: { name: "owner", key: "a@b.co" } } },
    });
  });
});

describe("executor: `+=` adds to a many2many", () => {
  const spec = `mapping t -> odoo 17.0
source Meeting from json "m.json" {
  key "id"
  columns {
    "id": id
    "title": text
    "at": datetime
    "contacts": list
    "guests[kind=contacts].id": list
    "guests[kind=users].email": list
  }
}
source Contact from csv "c.csv" {
  key "id"
  columns {
    "id": id
    "name": text
  }
}
lookup UserPartner in odoo res.partner by email on missing empty
map Contact -> res.partner {
  name <- "name"
}
map Meeting -> calendar.event {
  name <- "title"
  start <- "at"
  stop <- "at"
  partner_ids <- "contacts" | ref Contact on missing empty
  partner_ids += "guests[kind=contacts].id" | ref Contact on missing empty
  partner_ids += "guests[kind=users].email" | lookup UserPartner
}
`;
  const compiled = compileSpec(spec, "adds.mapspec");

  it("compiles without a diagnostic", () => {
    expect(compiled.diagnostics.map((d) => `${d.range.start.line} ${d.code} ${d.message}`)).toEqual([]);
  });

  it("joins every chain's elements, each once, in the order written", () => {
    const row = {
      id: "1",
      title: "Kick-off",
      at: "2024-01-01 10:00:00",
      contacts: ["7", "8"],
      "guests[kind=contacts].id": ["8", "9"],
      "guests[kind=users].email": ["a@b.co"],
    };
    const [record] = staged(transformRecord(compiled.plan, "Meeting", row, {}));
    const ref = (key: string) => ({ ref: { mapping: "Contact", key } });
    expect(record?.values["partner_ids"]).toEqual([
      ref("7"),
      ref("8"),
      ref("9"),
      { lookup: { name: "UserPartner", key: "a@b.co" } },
    ]);
  });

  it("adds to nothing when the first assignment found no value", () => {
    const row = {
      id: "2",
      title: "Call",
      at: "2024-01-01 10:00:00",
      contacts: null,
      "guests[kind=contacts].id": null,
      "guests[kind=users].email": ["u@b.co"],
    };
    const [record] = staged(transformRecord(compiled.plan, "Meeting", row, {}));
    expect(record?.values["partner_ids"]).toEqual([{ lookup: { name: "UserPartner", key: "u@b.co" } }]);
  });
});

describe("external ids", () => {
  it("keeps plain keys readable and hashes any key that lost characters", () => {
    expect(slug("10045")).toBe("10045");
    expect(slug("ACME-7")).toMatch(/^acme_7__[0-9a-z]{8}$/);
    expect(slug("ACME-7")).not.toBe(slug("acme-7"));
    expect(slug("a b")).not.toBe(slug("a_b"));
    expect(slug("x".repeat(100))).toMatch(/^x{40}__[0-9a-z]{8}$/);
    expect(externalId("mapc_x", "Company Lead", "7", "a@b.c")).toBe(`mapc_x.company_lead_7_${slug("a@b.c")}`);
  });
  it("never lets two distinct keys share an id", () => {
    const keys = ["1_2", "1", "2_3", "1-2", "1 2", "A", "a", "a_", "_a", "a__b", "ä", "ae", "", " ", "x|y", "x_y"];
    const items = ["3", "2_3", "", "3_"];
    const ids = keys.flatMap((key) => items.map((item) => externalId("m", "map", key, item)));
    expect(new Set(ids).size).toBe(ids.length);
    const plain = keys.map((key) => externalId("m", "map", key));
    expect(new Set(plain).size).toBe(plain.length);
  });
});
