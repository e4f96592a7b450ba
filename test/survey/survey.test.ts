import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { validatePlan } from "../../plan/validate.js";
import { accountColumns, LeafPaths, surveyExport, surveySource } from "../../runtime/survey/index.js";
import { readAll, rows, source, writeExport } from "../extract/support.js";

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("reading the variants of one format", () => {
  it("reads a JSON column under the first of its names that holds a value", async () => {
    const dir = writeExport({ "things.json": json([{ id: 1, primary: 7 }, { id: 2, old: 8 }, { id: 3 }]) });
    const outcome = await readAll(source("json", "things.json", ["id", "company | primary | old"]), dir);
    expect(rows(outcome)).toEqual([
      { id: 1, company: 7 },
      { id: 2, company: 8 },
      { id: 3, company: null },
    ]);
  });

  it("reads the elements of a mixed list by a property of theirs: Concord's guests, users apart from contacts", async () => {
    const guests = [
      { guestable_type: "users", guestable_id: 3 },
      { guestable_type: "contacts", guestable_id: 10 },
      { guestable_type: "App\\Models\\User", guestable_id: 4 },
      { guestable_id: 11 },
    ];
    const dir = writeExport({
      "a.json": json([
        { id: 1, guests },
        { id: 2, guests: [] },
      ]),
    });
    const users = "guests[guestable_type=users,App\\Models\\User].guestable_id";
    const contacts = "guests[guestable_type=contacts].guestable_id";
    const s = source("json", "a.json", ["id", `users | ${users}`, `contacts | ${contacts}`]);
    expect(rows(await readAll(s, dir))).toEqual([
      { id: 1, users: [3, 4], contacts: [10] },
      { id: 2, users: null, contacts: null },
    ]);
    const account = accountColumns(s, await surveySource(s, dir));
    expect(account).toMatchObject({ unaccounted: [], absent: [] });
    // an empty list is read as the same column, empty
    expect(account.read).toEqual(["id", "guests[].guestable_type", "guests[].guestable_id", "guests"]);
  });

  it("reads every `records` path in turn: deal and ticket pipelines under keys of their own", async () => {
    const split = { deals: { results: [{ id: "d1" }, { id: "d2" }] }, tickets: { results: [{ id: "t1" }] } };
    const settings = { records: ["results[]", "deals.results[]", "tickets.results[]"] };
    const dir = writeExport({ "split.json": json(split), "one.json": json({ results: [{ id: "x" }] }) });
    expect(rows(await readAll(source("json", "split.json", ["id"], settings), dir))).toEqual([
      { id: "d1" },
      { id: "d2" },
      { id: "t1" },
    ]);
    expect(rows(await readAll(source("json", "one.json", ["id"], settings), dir))).toEqual([{ id: "x" }]);
    const none = await readAll(source("json", "split.json", ["id"], { records: ["results[]", "items[]"] }), dir);
    expect(none.errors.map((e) => e.code)).toEqual(["MR3006"]);
  });

  it("reads the first source path that finds files: Dataverse folders by entity set or by logical name", async () => {
    const dir = writeExport({ "account/account_1.json": json({ value: [{ accountid: "a" }] }) });
    const accounts = { ...source("odata", "accounts/*.json", ["accountid"]), pathAlternatives: ["account/*.json"] };
    const outcome = await readAll(accounts, dir);
    expect(rows(outcome)).toEqual([{ accountid: "a" }]);
    expect(outcome.records[0]!.location.file).toBe("account/account_1.json");
  });
});

describe("the column survey", () => {
  it("lists the leaf paths of JSON records as columns are written", () => {
    const paths = new LeafPaths();
    paths.addRecord({
      id: "1",
      properties: { a: "x", b: null },
      associations: { deals: { results: [{ id: "9", type: "t" }] }, tickets: { results: [] } },
      tags: ["a"],
      meta: {},
    });
    expect(paths.list()).toEqual([
      "id",
      "properties.a",
      "properties.b",
      "associations.deals.results[].id",
      "associations.deals.results[].type",
      "associations.tickets.results",
      "tags",
      "meta",
    ]);
  });

  it("accounts for every column: read (by any name or the same label but for case), dropped by a pattern, or left", async () => {
    const dir = writeExport({ "c.csv": "contact id,Email,Fax,Score@Formatted,Other@Formatted\n1,a@b,,,\n" });
    const contacts = {
      ...source("csv", "c.csv", ["Record ID | Contact ID", "Email", "Phone?"]),
      drops: [{ column: "*@Formatted", reason: "labels", line: 9 }],
    };
    const account = accountColumns(contacts, await surveySource(contacts, dir));
    expect(account).toMatchObject({
      read: ["contact id", "Email"],
      dropped: ["Score@Formatted", "Other@Formatted"],
      unaccounted: ["Fax"],
      absent: ["Phone"],
    });
  });

  it("counts a JSON column under a declared object or above a declared column as read", async () => {
    const dir = writeExport({
      "e.json": json({ results: [{ id: "1", metadata: { a: 1 }, associations: { deals: { results: [] } } }] }),
    });
    const s = source("hubspot", "e.json", ["id", "metadata", "associations.deals.results[].id"]);
    expect(accountColumns(s, await surveySource(s, dir))).toMatchObject({ unaccounted: [], absent: [] });
  });
});

const hubspotSpec = `mapping sd -> odoo 17.0
source Contact from csv "contacts.csv" {
  key "Record ID"
  custom properties from hubspot "properties.json" object "contacts"
  columns {
    "Record ID" or "Contact ID": id
    "Name": text
    "Tier": text custom optional
  }
}
map Contact -> res.partner {
  name <- "Name" required
  x_tier <- "Tier"
  custom properties prefix "x_sd_"
}
custom field res.partner.x_tier: char "Tier"
`;

const properties = {
  contacts: [
    { name: "firstname", label: "Name", type: "string", fieldType: "text", hubspotDefined: true },
    { name: "tier", label: "Tier", type: "string", fieldType: "text", hubspotDefined: false },
    {
      name: "region",
      label: "Account Region",
      type: "enumeration",
      fieldType: "select",
      hubspotDefined: false,
      options: [
        { label: "North", value: "north" },
        { label: "South", value: "south" },
      ],
    },
    { name: "credit_limit", label: "Credit Limit", type: "number", fieldType: "number", hubspotDefined: false },
    { name: "not_exported", label: "Not Exported", type: "string", fieldType: "text", hubspotDefined: false },
  ],
};

describe("custom properties from the export's metadata", () => {
  it("adds a column, an x_ field and an assignment for each custom property the export has", async () => {
    const compiled = compileSpec(hubspotSpec, "sd.mapspec");
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const dir = writeExport({
      "properties.json": json(properties),
      "contacts.csv": "Contact ID,Name,Tier,Account Region,Credit Limit\n1,Ann,Gold,North,1500.5\n",
    });
    const survey = await surveyExport(compiled.plan, dir);
    expect(survey.discovered.map((d) => [d.property.name, d.fields])).toEqual([
      ["region", ["res.partner.x_sd_region"]],
      ["credit_limit", ["res.partner.x_sd_credit_limit"]],
    ]);
    const plan = survey.plan;
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.customFields.filter((f) => f.name.startsWith("x_sd_"))).toMatchObject([
      {
        model: "res.partner",
        name: "x_sd_region",
        type: "selection",
        label: "Account Region",
        selection: [
          ["north", "North"],
          ["south", "South"],
        ],
      },
      { model: "res.partner", name: "x_sd_credit_limit", type: "float", label: "Credit Limit" },
    ]);
    expect(plan.valueMaps.find((m) => m.name === "Contact.region")?.entries.map((e) => [e.from, e.to])).toEqual([
      ["north", "north"],
      ["North", "north"],
      ["south", "south"],
      ["South", "south"],
    ]);
    expect(survey.accounts[0]).toMatchObject({ unaccounted: [], absent: [] });
    // the spec's own plan is left as it was
    expect(compiled.plan.customFields.map((f) => f.name)).toEqual(["x_tier"]);
  });

  it("reads Dataverse custom attributes from paged EntityDefinitions", async () => {
    const spec = `mapping opex -> odoo 17.0
source Account from odata "accounts/*.json" or "account/*.json" {
  key "accountid"
  custom properties from dataverse "EntityDefinitions.json" or "EntityDefinitions/*.json" entity "account"
  drop "*@OData.Community.Display.V1.FormattedValue" because "labels of values the spec reads"
  columns {
    "accountid": id
    "name": text
  }
}
map Account -> res.partner {
  name <- "name" required
  custom properties prefix "x_opex_"
}
`;
    const compiled = compileSpec(spec, "opex.mapspec");
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const label = (text: string) => ({ UserLocalizedLabel: { Label: text } });
    const attributes = [
      {
        LogicalName: "kst_region",
        AttributeType: "Picklist",
        IsCustomAttribute: true,
        DisplayName: label("Region"),
        OptionSet: { Options: [{ Value: 100000000, Label: label("North") }] },
      },
      {
        LogicalName: "kst_golive",
        AttributeType: "DateTime",
        Format: "DateOnly",
        IsCustomAttribute: true,
        DisplayName: label("Go-live"),
      },
      { LogicalName: "kst_partner", AttributeType: "Lookup", IsCustomAttribute: true, DisplayName: label("Partner") },
      { LogicalName: "kst_partnername", AttributeType: "String", IsCustomAttribute: true, AttributeOf: "kst_partner" },
      { LogicalName: "name", AttributeType: "String", IsCustomAttribute: false },
    ];
    const dir = writeExport({
      "EntityDefinitions/page-0001.json": json({
        value: [{ LogicalName: "contact", Attributes: [] }],
        "@odata.nextLink": "x",
      }),
      "EntityDefinitions/page-0002.json": json({ value: [{ LogicalName: "account", Attributes: attributes }] }),
      "account/account_1.json": json({
        value: [
          {
            accountid: "a1",
            name: "Acme",
            kst_region: 100000000,
            "kst_region@OData.Community.Display.V1.FormattedValue": "North",
            kst_golive: "2024-05-01",
            _kst_partner_value: "g1",
            "_kst_partner_value@OData.Community.Display.V1.FormattedValue": "Partner AG",
          },
        ],
      }),
    });
    const survey = await surveyExport(compiled.plan, dir);
    expect(survey.discovered.map((d) => d.fields[0])).toEqual([
      "res.partner.x_opex_kst_region",
      "res.partner.x_opex_kst_golive",
      "res.partner.x_opex_kst_partner",
    ]);
    expect(survey.plan.customFields.map((f) => [f.name, f.type])).toEqual([
      ["x_opex_kst_region", "selection"],
      ["x_opex_kst_golive", "date"],
      ["x_opex_kst_partner", "char"],
    ]);
    expect(survey.accounts[0]).toMatchObject({ unaccounted: [], absent: [] });
    expect(validatePlan(survey.plan)).toEqual([]);
  });
});

describe("a run on an export that differs from the spec", () => {
  const spec = `mapping t -> odoo 17.0
source Deal from csv "deals.csv" {
  key "Record ID"
  columns {
    "Record ID": id
    "Deal Name": text
    "Amount":    money optional
  }
}
map Deal -> crm.lead {
  type = "opportunity"
  name <- "Deal Name" required
  expected_revenue <- "Amount"
}
`;
  const plan = compileSpec(spec, "t.mapspec").plan;

  it("stops before staging when a column a required field needs is not in the export, even where the reader would read it as empty", async () => {
    const { runMigration, SourceReadError } = await import("../../runtime/run/index.js");
    const optionalName = compileSpec(spec.replace('"Deal Name": text', '"Deal Name": text optional'), "t.mapspec").plan;
    const dir = writeExport({ "deals.csv": "Record ID,Title,Amount\n1,Big deal,100\n" });
    const failure = await runMigration(optionalName, { exportDir: dir, runDir: join(dir, "run") }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SourceReadError);
    expect((failure as InstanceType<typeof SourceReadError>).problems.map((p) => [p.code, p.message])).toEqual([
      [
        "MR3023",
        'Column "Deal Name" of `Deal` is not in the export, and map `Deal` requires `name`: its rows would lose it without a word.',
      ],
    ]);
  });

  it("reports every column it neither reads nor drops, and refuses to run with --strict", async () => {
    const { runMigration, SourceReadError } = await import("../../runtime/run/index.js");
    const dir = writeExport({ "deals.csv": "Record ID,Deal Name,Amount,Deal Temperature\n1,Big deal,100,hot\n" });
    const summary = await runMigration(plan, { exportDir: dir, runDir: join(dir, "run") });
    expect(summary.columns).toEqual([
      {
        source: "Deal",
        files: ["deals.csv"],
        columns: 4,
        read: 3,
        dropped: [],
        unaccounted: ["Deal Temperature"],
        absent: [],
      },
    ]);
    expect(summary.warnings.map((w) => w.code)).toContain("MR3024");
    const strict = await runMigration(plan, { exportDir: dir, runDir: join(dir, "strict"), strict: true }).catch(
      (error: unknown) => error,
    );
    expect(strict).toBeInstanceOf(SourceReadError);
    expect((strict as InstanceType<typeof SourceReadError>).problems.map((p) => p.code)).toEqual(["MR3025"]);
  });
});

describe("custom properties of the other three formats", () => {
  const specOf = (source: string, rule: string, columns: string, setting = "") => `mapping t -> odoo 17.0
source Lead from ${source} {
  key "ID"${setting}
  ${rule}
  columns {
    "ID": id
    ${columns}
  }
}
map Lead -> crm.lead {
  type = "lead"
  name <- "Name" required
  custom properties prefix "x_t_"
}
`;
  const discovered = async (spec: string, files: Record<string, string>) => {
    const compiled = compileSpec(spec, "t.mapspec");
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const survey = await surveyExport(compiled.plan, writeExport(files));
    expect(validatePlan(survey.plan)).toEqual([]);
    expect(survey.accounts[0]!.unaccounted).toEqual([]);
    return survey.plan.customFields.map((f) => [f.name, f.type, f.selection ?? null]);
  };

  it("reads Leadforce's custom_fields.csv for the CF: columns of its object", async () => {
    const spec = specOf(
      'csv "leads.csv"',
      'custom properties from leadforce "custom_fields.csv" object "leads"',
      '"Name": text',
      '\n  delimiter ";"',
    );
    const fields = await discovered(spec, {
      "custom_fields.csv":
        "Field;Belongs To;Type;Options\nBudget;leads;number;\nIndustry;leads;select;Retail, Food\nTerm;deals;number;\n",
      "leads.csv": "ID;Name;CF: Budget;CF: Industry\n1;A;100;Food\n",
    });
    expect(fields).toEqual([
      ["x_t_budget", "float", null],
      [
        "x_t_industry",
        "selection",
        [
          ["retail", "Retail"],
          ["food", "Food"],
        ],
      ],
    ]);
  });

  it("keeps Leadforce's CF: columns as text when the export has no custom_fields.csv", async () => {
    const spec = specOf(
      'csv "leads.csv"',
      'custom properties from leadforce "custom_fields.csv" object "leads"',
      '"Name": text',
      '\n  delimiter ";"',
    );
    const fields = await discovered(spec, { "leads.csv": "ID;Name;CF: Budget\n1;A;100\n" });
    expect(fields).toEqual([["x_t_budget", "char", null]]);
  });

  it("reads Concord's custom-fields pages for the attributes named by field_id", async () => {
    const spec = specOf(
      'laravel "leads/*.json"',
      'custom properties from concord "custom-fields/*.json" object "leads"',
      '"Name": text',
    );
    const page = {
      data: [
        {
          id: 1,
          field_id: "tier",
          label: "Tier",
          field_type: "Select",
          resource_name: "leads",
          options: [{ id: 7, name: "Gold" }],
        },
        { id: 2, field_id: "x", label: "X", field_type: "Text", resource_name: "deals" },
      ],
      links: {},
      meta: { current_page: 1, last_page: 1 },
    };
    const fields = await discovered(spec, {
      "custom-fields/page-1.json": JSON.stringify(page),
      "leads/page-1.json": JSON.stringify({
        data: [{ ID: 1, Name: "A", tier: 7 }],
        links: {},
        meta: { current_page: 1, last_page: 1 },
      }),
    });
    expect(fields).toEqual([["x_t_tier", "selection", [["7", "Gold"]]]]);
  });

  it("reads Sage's Custom_Edits.csv for the columns of its entity, as the export spells them", async () => {
    const spec = specOf(
      'csv "Lead.csv"',
      'custom properties from sage "Custom_Edits.csv" entity "Lead"',
      '"Name": text',
    );
    const fields = await discovered(spec, {
      "Custom_Edits.csv":
        "ColP_ColName,ColP_Entity,ColP_EntryType,ColP_Caption\nlead_name,Lead,10,Name\nlead_budget,Lead,51,Budget\nlead_due,Lead,42,Due\ncomp_x,Company,10,X\n",
      "Lead.csv": "ID,Name,Lead_Budget,Lead_Due\n1,A,10.5,2024-01-02\n",
    });
    expect(fields).toEqual([
      ["x_t_lead_budget", "float", null],
      ["x_t_lead_due", "date", null],
    ]);
  });

  // SQL Server's bcp writes Custom_Edits.csv in Windows-1252; Node's one-shot TextDecoder would read "’" (0x92)
  // as U+0092 (nodejs/node#56542), so the metadata goes through the readers' decoder.
  const sageSpec = specOf(
    'csv "Lead.csv"',
    'custom properties from sage "Custom_Edits.csv" entity "Lead"',
    '"Name": text',
  );
  const customEdits = (caption: Buffer) =>
    Buffer.concat([
      Buffer.from("ColP_ColName,ColP_Entity,ColP_EntryType,ColP_Caption\r\nlead_budget,Lead,51,"),
      caption,
      Buffer.from("\r\n"),
    ]);

  it("reads a Windows-1252 Custom_Edits.csv as Windows-1252", async () => {
    const caption = Buffer.from([0x64, 0x92, 0x41, 0x6e, 0x61, 0x6c, 0x79, 0x73, 0x65, 0x20, 0x80, 0x96]);
    const survey = await surveyExport(
      compileSpec(sageSpec, "t.mapspec").plan,
      writeExport({ "Custom_Edits.csv": customEdits(caption), "Lead.csv": "ID,Name,Lead_Budget\n1,A,10.5\n" }),
    );
    expect(survey.metadataProblems).toEqual([]);
    expect(survey.customProperties.get("Lead")?.map((p) => p.label)).toEqual(["d’Analyse €–"]);
  });

  it("refuses a Custom_Edits.csv that is neither UTF-8 nor Windows-1252, saying where", async () => {
    const survey = await surveyExport(
      compileSpec(sageSpec, "t.mapspec").plan,
      writeExport({
        "Custom_Edits.csv": customEdits(Buffer.from([0x42, 0x81, 0x43])),
        "Lead.csv": "ID,Name,Lead_Budget\n1,A,10.5\n",
      }),
    );
    expect(survey.metadataProblems).toEqual([
      {
        source: "Lead",
        problem:
          'Custom_Edits.csv is not valid WINDOWS-1252 at byte 75 (near "ead_budget,Lead,51,B\uFFFDC ") (line 2, column 22), and not UTF-8 either',
      },
    ]);
    expect(survey.customProperties.get("Lead")).toEqual([]);
  });
});
