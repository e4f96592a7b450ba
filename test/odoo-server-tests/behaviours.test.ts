// The Odoo test server's behaviours beyond the transcripts, driven through odoo-await: batch failure, load,
// external ids, unlink cascade, custom fields and models, write verdicts, the DESIGN notes' Odoo facts.

import { describe, expect, it } from "vitest";
import Odoo from "odoo-await";
import { startOdooTestServer, type OdooTestServer } from "../odoo-server/index.js";
import {
  call,
  clientWithUid,
  connect,
  faultOf,
  irModelId,
  lastLine,
  rawCall,
  uidOf,
  useOdooTestServer,
  xmlidToId,
} from "./helpers.js";

let server: OdooTestServer;
let odoo: Odoo;

useOdooTestServer(
  (started, client) => {
    server = started;
    odoo = client;
  },
  { resetEach: true },
);

describe("it is a test double on loopback", () => {
  it("listens on 127.0.0.1 and reports the catalog's Odoo version", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.version).toBe("17.0-20240709");
    expect(await rawCall(server, "db", "list", [])).toEqual([server.db]);
  });

  it("says which server raised a traceback fault", async () => {
    const fault = await faultOf(call(odoo, "crm.lead", "create", [{ name: "x", type: "deal" }]));
    expect(fault.faultString).toContain("Odoo test server");
    expect(lastLine(fault.faultString)).toBe("ValueError: Wrong value for crm.lead.type: 'deal'");
  });
});

describe("create", () => {
  it("fails a whole batch when one record fails, and saves nothing", async () => {
    const before = server.records("res.partner").length;
    const fault = await faultOf(
      call(odoo, "res.partner", "create", [
        [{ name: "good 1" }, { name: "good 2" }, { name: "bad", country_id: 99999999 }],
      ]),
    );
    expect(fault.faultCode).toBe(2);
    expect(lastLine(fault.faultString)).toBe("Constraint: res_partner_country_id_fkey");
    expect(server.records("res.partner").length).toBe(before);
    const creates = server.calls.filter((c) => c.rpcMethod === "create");
    expect(creates).toEqual([
      {
        service: "object",
        method: "execute_kw",
        model: "res.partner",
        rpcMethod: "create",
        count: 3,
        outcome: "fault",
        faultCode: 2,
      },
    ]);
  });

  it("reports a missing required field before a dangling many2one, as PostgreSQL checks them", async () => {
    const fault = await faultOf(
      call(odoo, "crm.lead", "create", [[{ name: "a", partner_id: 99999999 }, { type: "lead" }]]),
    );
    expect(lastLine(fault.faultString)).toBe("Field: Opportunity (name)");
  });

  it("returns one id for a dict and a list of ids for a list, and logs records per call", async () => {
    const one = await call(odoo, "res.partner", "create", [{ name: "solo" }]);
    const many = await call(odoo, "res.partner", "create", [[{ name: "a" }, { name: "b" }, { name: "c" }]]);
    expect(typeof one).toBe("number");
    expect(many).toHaveLength(3);
    expect(server.calls.filter((c) => c.rpcMethod === "create").map((c) => c.count)).toEqual([1, 3]);
  });

  it("fills required fields Odoo fills itself (crm.lead.type defaults to 'lead') and names a lead after its partner", async () => {
    const partner = await call<number>(odoo, "res.partner", "create", [{ name: "Acme" }]);
    const lead = await call<number>(odoo, "crm.lead", "create", [{ partner_id: partner }]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "crm.lead", "read", [
      [lead],
      ["name", "type", "stage_id", "user_id", "partner_id"],
    ]);
    expect(row).toMatchObject({
      name: "Acme's opportunity",
      type: "lead",
      stage_id: [expect.any(Number), "New"],
      partner_id: [partner, "Acme"],
    });
    expect(row?.user_id).toEqual([2, "Administrator"]);
  });

  it("uses default_* values from the context", async () => {
    const lead = await call<number>(odoo, "crm.lead", "create", [{ name: "x" }], {
      context: { default_type: "opportunity" },
    });
    expect(server.records("crm.lead").find((r) => r.id === lead)?.type).toBe("opportunity");
  });

  it("answers a datetime with a 'T' as Odoo does (strptime)", async () => {
    const fault = await faultOf(
      call(odoo, "mail.message", "create", [
        { model: "res.partner", res_id: 3, body: "x", date: "2019-03-04T05:06:07" },
      ]),
    );
    expect(lastLine(fault.faultString)).toBe(
      "ValueError: time data '2019-03-04T05:06:07' does not match format '%Y-%m-%d %H:%M:%S'",
    );
  });

  it("answers an unknown field on write with the same ValueError", async () => {
    const lead = await call<number>(odoo, "crm.lead", "create", [{ name: "x", type: "opportunity" }]);
    const fault = await faultOf(call(odoo, "crm.lead", "write", [[lead], { planned_revenue: 10 }]));
    expect(lastLine(fault.faultString)).toBe("ValueError: Invalid field 'planned_revenue' on model 'crm.lead'");
  });
});

describe("write verdicts and Odoo's side effects (DESIGN.md)", () => {
  it("drops a value written to an 'ignored' field: payment_state stays 'not_paid'", async () => {
    const move = await call<number>(odoo, "account.move", "create", [
      { move_type: "out_invoice", payment_state: "paid" },
    ]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "account.move", "read", [
      [move],
      ["payment_state", "state", "move_type"],
    ]);
    expect(row).toEqual({ id: move, payment_state: "not_paid", state: "draft", move_type: "out_invoice" });
    await call(odoo, "account.move", "write", [[move], { payment_state: "paid" }]);
    expect(server.records("account.move")[0]?.payment_state).toBe("not_paid");
  });

  it("keeps a value written to a 'volatile' field (crm.lead.probability)", async () => {
    const lead = await call<number>(odoo, "crm.lead", "create", [
      { name: "x", type: "opportunity", probability: 42.5 },
    ]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "crm.lead", "read", [[lead], ["probability"]]);
    expect(row?.probability).toBe(42.5);
  });

  it("overwrites a partner's e-mail with a lead's different email_from", async () => {
    const partner = await call<number>(odoo, "res.partner", "create", [
      { name: "Big Co", is_company: true, email: "info@big.example" },
    ]);
    await call(odoo, "crm.lead", "create", [
      { name: "Deal", type: "opportunity", partner_id: partner, email_from: "jane@big.example" },
    ]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "res.partner", "read", [[partner], ["email"]]);
    expect(row?.email).toBe("jane@big.example");
  });

  it("copies the partner's e-mail onto a lead that gives none, leaving the partner alone", async () => {
    const partner = await call<number>(odoo, "res.partner", "create", [{ name: "P", email: "p@example.com" }]);
    const lead = await call<number>(odoo, "crm.lead", "create", [{ name: "L", type: "lead", partner_id: partner }]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "crm.lead", "read", [[lead], ["email_from"]]);
    expect(row?.email_from).toBe("p@example.com");
  });

  // Seen on the real Odoo 17 (2026-11-22): SyncTest A–D below gave exactly these answers.
  it("gives a contact under a company the company's whole address, unless it is of another type or the company has none", async () => {
    const us = await xmlidToId(odoo, "base.us");
    const fr = await xmlidToId(odoo, "base.fr");
    const company = await call<number>(odoo, "res.partner", "create", [
      { name: "Co", is_company: true, street: "1 Main", city: "Denver", country_id: us },
    ]);
    const bare = await call<number>(odoo, "res.partner", "create", [{ name: "Empty Co", is_company: true }]);
    const ids = await call<number[]>(odoo, "res.partner", "create", [
      [
        { name: "A", parent_id: company, country_id: fr },
        { name: "B", parent_id: company, country_id: fr, type: "other" },
        { name: "C", parent_id: company, street: "2 Rue", city: "Paris" },
        { name: "D", parent_id: bare, country_id: fr, city: "Lyon" },
      ],
    ]);
    const address = async () =>
      (
        await call<Array<Record<string, unknown>>>(odoo, "res.partner", "read", [ids, ["street", "city", "country_id"]])
      ).map((r) => [
        r.street,
        r.city,
        (r.country_id as [number, string] | false) && (r.country_id as [number, string])[0],
      ]);
    expect(await address()).toEqual([
      ["1 Main", "Denver", us],
      [false, false, fr],
      ["1 Main", "Denver", us],
      [false, "Lyon", fr],
    ]);
    // the company's new city reaches its contacts of type contact
    await call(odoo, "res.partner", "write", [[company], { city: "Boulder" }]);
    expect((await address()).map(([, city]) => city)).toEqual(["Boulder", false, "Boulder", "Lyon"]);
  });

  // Also seen on the real Odoo 17 (2026-11-22), with the same values.
  it("gives a partner under a company the company's VAT number, until the partner's own is written alone", async () => {
    const company = await call<number>(odoo, "res.partner", "create", [
      { name: "Co", is_company: true, vat: "DE123456788" },
    ]);
    const person = await call<number>(odoo, "res.partner", "create", [
      { name: "P", parent_id: company, vat: "FR11111111111", type: "other" },
    ]);
    const vat = async () =>
      (await call<Array<{ vat: string | false }>>(odoo, "res.partner", "read", [[person], ["vat"]]))[0]?.vat;
    expect(await vat()).toBe("DE123456788");
    await call(odoo, "res.partner", "write", [[person], { vat: "FR11111111111" }]);
    expect(await vat()).toBe("FR11111111111");
    await call(odoo, "res.partner", "write", [[company], { vat: "DE999999999" }]);
    expect(await vat()).toBe("DE999999999");
  });

  it("keeps mail.message.date as given and ignores create_date/write_date", async () => {
    const message = await call<number>(odoo, "mail.message", "create", [
      {
        model: "res.partner",
        res_id: 3,
        body: "<p>old</p>",
        message_type: "comment",
        date: "2015-01-02 03:04:05",
        create_date: "2015-01-02 03:04:05",
      },
    ]);
    await call(odoo, "mail.message", "write", [[message], { write_date: "2015-01-02 03:04:05" }]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "mail.message", "read", [
      [message],
      ["date", "create_date", "write_date", "record_name", "author_id"],
    ]);
    expect(row?.date).toBe("2015-01-02 03:04:05");
    expect(row?.create_date).not.toBe("2015-01-02 03:04:05");
    expect(row?.write_date).not.toBe("2015-01-02 03:04:05");
    expect(row?.record_name).toBe("Administrator");
    expect(row?.author_id).toEqual([3, "Administrator"]);
  });

  it("accepts ir.attachment res_model/res_id on create though fields_get calls them readonly", async () => {
    const fields = await call<Record<string, { readonly: boolean }>>(
      odoo,
      "ir.attachment",
      "fields_get",
      [["res_model", "res_id"]],
      {
        attributes: ["readonly"],
      },
    );
    expect(fields).toEqual({ res_model: { readonly: true }, res_id: { readonly: true } });
    const datas = Buffer.from("hello world").toString("base64");
    const id = await call<number>(odoo, "ir.attachment", "create", [
      { name: "hello.txt", datas, res_model: "res.partner", res_id: 3 },
    ]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "ir.attachment", "read", [
      [id],
      ["res_model", "res_id", "datas", "file_size", "mimetype", "type"],
    ]);
    expect(row).toEqual({
      id,
      res_model: "res.partner",
      res_id: 3,
      datas,
      file_size: 11,
      mimetype: "text/plain",
      type: "binary",
    });
  });

  it("accepts a parent on a company partner (mapc must enforce its own rule)", async () => {
    const id = await call<number>(odoo, "res.partner", "create", [{ name: "Co", is_company: true, parent_id: 1 }]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "res.partner", "read", [
      [id],
      ["parent_id", "display_name"],
    ]);
    expect(row).toEqual({ id, parent_id: [1, "My Company"], display_name: "Co" });
  });

  it("names a contact with its company, as complete_name does", async () => {
    const company = await call<number>(odoo, "res.partner", "create", [{ name: "Acme", is_company: true }]);
    const person = await call<number>(odoo, "res.partner", "create", [{ name: "Jane", parent_id: company }]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "res.partner", "read", [
      [person],
      ["display_name", "commercial_partner_id"],
    ]);
    expect(row).toEqual({ id: person, display_name: "Acme, Jane", commercial_partner_id: [company, "Acme"] });
  });
});

describe("x2many commands", () => {
  it("creates, links and unlinks through one2many and many2many commands", async () => {
    const company = await call<number>(odoo, "res.partner", "create", [
      {
        name: "Acme",
        is_company: true,
        child_ids: [
          [0, 0, { name: "Jane" }],
          [0, 0, { name: "Joe" }],
        ],
      },
    ]);
    const [row] = await call<Array<{ child_ids: number[] }>>(odoo, "res.partner", "read", [[company], ["child_ids"]]);
    expect(row?.child_ids).toHaveLength(2);
    const children = await call<Array<Record<string, unknown>>>(odoo, "res.partner", "read", [
      row?.child_ids ?? [],
      ["parent_id", "display_name"],
    ]);
    expect(children.map((c) => c.display_name)).toEqual(["Acme, Jane", "Acme, Joe"]);
    await call(odoo, "res.partner", "write", [[company], { child_ids: [[3, row?.child_ids[0]]] }]);
    expect(
      (await call<Array<{ child_ids: number[] }>>(odoo, "res.partner", "read", [[company], ["child_ids"]]))[0]
        ?.child_ids,
    ).toEqual([row?.child_ids[1]]);

    const lead = await call<number>(odoo, "crm.lead", "create", [
      { name: "x", type: "lead", tag_ids: [[0, 0, { name: "Hot" }]] },
    ]);
    const tag = server.records("crm.tag").find((t) => t.name === "Hot")?.id;
    const other = await call<number>(odoo, "crm.tag", "create", [{ name: "Cold" }]);
    await call(odoo, "crm.lead", "write", [
      [lead],
      {
        tag_ids: [
          [4, other],
          [3, tag],
        ],
      },
    ]);
    expect(server.records("crm.lead").find((l) => l.id === lead)?.tag_ids).toEqual([other]);
    await call(odoo, "crm.tag", "unlink", [[other]]);
    expect(server.records("crm.lead").find((l) => l.id === lead)?.tag_ids).toEqual([]);
  });
});

describe("read, search and fields_get", () => {
  it("reads many2one as [id, name], x2many as ids, floats as floats", async () => {
    const tag = await call<number>(odoo, "crm.tag", "create", [{ name: "VIP" }]);
    const lead = await call<number>(odoo, "crm.lead", "create", [
      { name: "x", type: "opportunity", tag_ids: [[6, 0, [tag]]], expected_revenue: 10 },
    ]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "crm.lead", "read", [
      [lead],
      ["tag_ids", "expected_revenue", "partner_id", "company_id"],
    ]);
    expect(row).toEqual({ id: lead, tag_ids: [tag], expected_revenue: 10, partner_id: false, company_id: false });
    const fault = await faultOf(call(odoo, "crm.lead", "write", [[lead], { tag_ids: [[4, 99999999]] }]));
    expect(lastLine(fault.faultString)).toMatch(/^Constraint: .*_rel_crm_tag_id_fkey$/);
  });

  it("evaluates domains: prefix operators, ilike, in, dotted paths, the implicit active filter", async () => {
    const ids = await call<number[]>(odoo, "res.country", "search", [
      ["|", ["code", "=", "FR"], "&", ["name", "ilike", "germ"], "!", ["code", "in", ["XX"]]],
    ]);
    const countries = await call<Array<{ code: string }>>(odoo, "res.country", "read", [ids, ["code"]]);
    expect(countries.map((c) => c.code).sort()).toEqual(["DE", "FR"]);
    const states = await call<number>(odoo, "res.country.state", "search_count", [[["country_id.code", "=", "RO"]]]);
    expect(states).toBeGreaterThan(30);
    expect(await call<number[]>(odoo, "res.currency", "search", [[["name", "=", "EUR"]]])).toEqual([]);
    expect(
      await call<number[]>(odoo, "res.currency", "search", [[["name", "=", "EUR"]]], {
        context: { active_test: false },
      }),
    ).toHaveLength(1);
    expect(
      await call<number[]>(odoo, "res.currency", "search", [
        [
          ["name", "=", "EUR"],
          ["active", "in", [true, false]],
        ],
      ]),
    ).toHaveLength(1);
  });

  it("orders, offsets and limits, and name_search finds by name", async () => {
    const rows = await call<Array<{ name: string }>>(odoo, "crm.stage", "search_read", [[], ["name"]], {
      order: "sequence desc",
      limit: 2,
      offset: 1,
    });
    expect(rows.map((r) => r.name)).toEqual(["Proposition", "Qualified"]);
    const found = await call<Array<[number, string]>>(odoo, "res.country", "name_search", ["Belgi"]);
    expect(found.map(([, name]) => name)).toEqual(["Belgium"]);
  });

  it("describes fields from the catalog", async () => {
    const fields = await call<Record<string, Record<string, unknown>>>(
      odoo,
      "crm.lead",
      "fields_get",
      [["type", "partner_id"]],
      {
        attributes: ["type", "string", "required", "relation", "selection"],
      },
    );
    expect(fields).toEqual({
      type: {
        type: "selection",
        string: "Type",
        required: true,
        selection: [
          ["lead", "Lead"],
          ["opportunity", "Opportunity"],
        ],
      },
      partner_id: { type: "many2one", string: "Customer", required: false, relation: "res.partner" },
    });
  });

  it("lists installed modules with state 'installed'", async () => {
    const modules = await call<Array<{ name: string; state: string }>>(odoo, "ir.module.module", "search_read", [
      [["state", "=", "installed"]],
      ["name", "state"],
    ]);
    const names = modules.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(["base", "crm", "mail", "project", "sale", "account", "calendar"]));
    expect(names).not.toContain("helpdesk");
    expect(modules.every((m) => m.state === "installed")).toBe(true);
  });
});

describe("reference data and external ids", () => {
  it("preloads standard records with their xmlids, and the administrator", async () => {
    const stage = await xmlidToId(odoo, "crm.stage_lead1");
    const [row] = await call<Array<{ name: string }>>(odoo, "crm.stage", "read", [[stage], ["name"]]);
    expect(row?.name).toBe("New");
    const call_type = await xmlidToId(odoo, "mail.mail_activity_data_call");
    expect(
      (await call<Array<{ name: string }>>(odoo, "mail.activity.type", "read", [[call_type], ["name"]]))[0]?.name,
    ).toBe("Call");
    const [admin] = await call<Array<Record<string, unknown>>>(odoo, "res.users", "read", [
      [await xmlidToId(odoo, "base.user_admin")],
      ["login", "email", "partner_id", "company_id"],
    ]);
    expect(admin).toEqual({
      id: 2,
      login: "admin",
      email: "admin@example.com",
      partner_id: [3, "Administrator"],
      company_id: [1, "My Company"],
    });
    expect(await xmlidToId(odoo, "base.USD")).toBeGreaterThan(0);
    expect(await xmlidToId(odoo, "mail.mt_note")).toBeGreaterThan(0);
    expect(await xmlidToId(odoo, "crm.model_crm_lead")).toBe(await irModelId(odoo, "crm.lead"));
  });

  it("stores ir.model.data rows clients create, and refuses a duplicate", async () => {
    const id = await odoo.create("res.partner", { name: "With xmlid" }, "partner_42", "migration");
    expect(await odoo.searchByExternalId("partner_42")).toBe(id);
    const fault = await faultOf(odoo.createExternalId("res.partner", id, "partner_42", "migration"));
    expect(fault.faultCode).toBe(2);
    expect(fault.faultString).toBe(
      'The operation cannot be completed: duplicate key value violates unique constraint "ir_model_data_module_name_uniq_index"\n' +
        "DETAIL:  Key (module, name)=(migration, partner_42) already exists.\n",
    );
  });
});

describe("load", () => {
  it("upserts by external id, links records of the same batch, and puts bare ids in __import__", async () => {
    const first = await call<{ ids: number[]; messages: unknown[] }>(odoo, "res.partner", "load", [
      ["id", "name", "parent_id/id", "country_id/id", "is_company"],
      [
        ["acme", "Acme", "", "base.fr", "1"],
        ["mig.jane", "Jane", "acme", "", "0"],
      ],
    ]);
    expect(first.messages).toEqual([]);
    const [acme, jane] = first.ids;
    const rows = await call<Array<Record<string, unknown>>>(odoo, "res.partner", "read", [
      first.ids,
      ["parent_id", "country_id", "is_company"],
    ]);
    expect(rows[1]?.parent_id).toEqual([acme, "Acme"]);
    expect(rows[0]?.country_id).toEqual([await xmlidToId(odoo, "base.fr"), "France"]);
    expect(rows[0]?.is_company).toBe(true);
    expect(await xmlidToId(odoo, "__import__.acme")).toBe(acme);
    expect(await xmlidToId(odoo, "mig.jane")).toBe(jane);

    const again = await call<{ ids: number[]; messages: unknown[] }>(odoo, "res.partner", "load", [
      ["id", "name"],
      [["mig.jane", "Jane Doe"]],
    ]);
    expect(again).toEqual({ ids: [jane], messages: [], nextrow: 0 });
    expect(server.records("res.partner").find((p) => p.id === jane)?.name).toBe("Jane Doe");
  });

  it("saves nothing when a row fails, and says which row and field", async () => {
    const before = server.records("crm.lead").length;
    const result = await call<{ ids: unknown; messages: Array<Record<string, unknown>> }>(odoo, "crm.lead", "load", [
      ["name", "type", "priority"],
      [
        ["fine", "lead", "1"],
        ["", "lead", "0"],
        ["bad", "deal", "2"],
      ],
    ]);
    expect(result.ids).toBe(false);
    expect(result.messages).toEqual([
      {
        rows: { from: 1, to: 1 },
        record: 1,
        type: "error",
        message: "Missing required value for the field 'Opportunity' (name)",
        field: "name",
      },
      {
        rows: { from: 2, to: 2 },
        type: "error",
        record: 2,
        field: "type",
        message: "Value 'deal' not found in selection field 'Type'",
        moreinfo: ["Lead", "Opportunity"],
        field_name: "Type",
      },
    ]);
    expect(server.records("crm.lead").length).toBe(before);
  });

  it("matches selection labels and many2one names, and reports an unknown name", async () => {
    const ok = await call<{ ids: number[] }>(odoo, "crm.lead", "load", [
      ["name", "type", "stage_id"],
      [["x", "Opportunity", "Qualified"]],
    ]);
    expect(server.records("crm.lead").find((r) => r.id === ok.ids[0])).toMatchObject({
      type: "opportunity",
      stage_id: await xmlidToId(odoo, "crm.stage_lead2"),
    });
    const bad = await call<{ ids: unknown; messages: Array<Record<string, unknown>> }>(odoo, "crm.lead", "load", [
      ["name", "stage_id"],
      [["y", "Nowhere"]],
    ]);
    expect(bad.ids).toBe(false);
    expect(bad.messages[0]?.message).toBe("No matching record found for name 'Nowhere' in field 'Stage'");
  });
});

describe("unlink", () => {
  it("takes the record's messages, followers, activities, attachments and external ids with it", async () => {
    const partner = await odoo.create("res.partner", { name: "Doomed" }, "doomed", "mig");
    const keeper = await call<number>(odoo, "res.partner", "create", [{ name: "Keeper" }]);
    await call(odoo, "mail.message", "create", [
      [
        { model: "res.partner", res_id: partner, body: "bye" },
        { model: "res.partner", res_id: keeper, body: "stay" },
      ],
    ]);
    await call(odoo, "mail.followers", "create", [{ res_model: "res.partner", res_id: partner, partner_id: keeper }]);
    await call(odoo, "ir.attachment", "create", [
      { name: "a.txt", datas: "YQ==", res_model: "res.partner", res_id: partner },
    ]);
    await call(odoo, "mail.activity", "create", [
      {
        res_model_id: await irModelId(odoo, "res.partner"),
        res_id: partner,
        activity_type_id: await xmlidToId(odoo, "mail.mail_activity_data_call"),
        summary: "call",
      },
    ]);
    const lead = await call<number>(odoo, "crm.lead", "create", [{ name: "L", type: "lead", partner_id: partner }]);

    expect(await call(odoo, "res.partner", "unlink", [[partner]])).toBe(true);

    expect(server.records("mail.message").filter((m) => m.res_id === partner && m.model === "res.partner")).toEqual([]);
    expect(server.records("mail.message").some((m) => m.body === "stay")).toBe(true);
    expect(server.records("mail.followers").filter((f) => f.res_id === partner)).toEqual([]);
    expect(server.records("ir.attachment").filter((a) => a.res_id === partner)).toEqual([]);
    expect(server.records("mail.activity").filter((a) => a.res_id === partner)).toEqual([]);
    expect(server.records("ir.model.data").filter((d) => d.module === "mig")).toEqual([]);
    expect(server.records("crm.lead").find((l) => l.id === lead)?.partner_id).toBe(false); // ON DELETE SET NULL
  });

  it("refuses what a restrict foreign key protects, and what is already gone", async () => {
    const stage = await call<number>(odoo, "crm.stage", "create", [{ name: "Custom" }]);
    await call(odoo, "crm.lead", "create", [{ name: "L", type: "opportunity", stage_id: stage }]);
    const fault = await faultOf(call(odoo, "crm.stage", "unlink", [[stage]]));
    expect(lastLine(fault.faultString)).toBe("Constraint: crm_lead_stage_id_fkey");
    expect(fault.faultString).toContain("Model: Lead/Opportunity (crm.lead)");
    const gone = await faultOf(call(odoo, "crm.stage", "unlink", [[stage, 99999]]));
    expect(gone.faultString).toBe("Record does not exist or has been deleted.\n(Record: crm.stage(99999,), User: 2)");
    expect(server.records("crm.stage").some((s) => s.id === stage)).toBe(true);
  });
});

describe("custom fields and models", () => {
  it("adds an x_ field through ir.model.fields, visible to fields_get, create and read", async () => {
    const before = await faultOf(call(odoo, "res.partner", "create", [{ name: "x", x_legacy_id: "L-1" }]));
    expect(lastLine(before.faultString)).toBe("ValueError: Invalid field 'x_legacy_id' on model 'res.partner'");
    await call(odoo, "ir.model.fields", "create", [
      {
        model_id: await irModelId(odoo, "res.partner"),
        name: "x_legacy_id",
        ttype: "char",
        field_description: "Legacy ID",
      },
    ]);
    const fields = await call<Record<string, Record<string, unknown>>>(
      odoo,
      "res.partner",
      "fields_get",
      [["x_legacy_id"]],
      {
        attributes: ["type", "string", "manual"],
      },
    );
    expect(fields).toEqual({ x_legacy_id: { type: "char", string: "Legacy ID", manual: true } });
    const id = await call<number>(odoo, "res.partner", "create", [{ name: "x", x_legacy_id: "L-1" }]);
    expect(await call(odoo, "res.partner", "search_read", [[["x_legacy_id", "=", "L-1"]], ["x_legacy_id"]])).toEqual([
      { id, x_legacy_id: "L-1" },
    ]);
  });

  it("adds custom selection fields and refuses names without x_", async () => {
    const model_id = await irModelId(odoo, "crm.lead");
    await call(odoo, "ir.model.fields", "create", [
      {
        model_id,
        name: "x_source",
        ttype: "selection",
        field_description: "Source",
        selection: "[('web', 'Web'), ('fair', 'Fair')]",
      },
    ]);
    const bad = await faultOf(call(odoo, "crm.lead", "create", [{ name: "x", x_source: "tv" }]));
    expect(lastLine(bad.faultString)).toBe("ValueError: Wrong value for crm.lead.x_source: 'tv'");
    const fault = await faultOf(
      call(odoo, "ir.model.fields", "create", [{ model_id, name: "legacy", ttype: "char", field_description: "L" }]),
    );
    expect(fault).toEqual({
      faultCode: 2,
      faultString: "The operation cannot be completed: Custom fields must have a name that starts with 'x_'!",
    });
    const twice = await faultOf(
      call(odoo, "ir.model.fields", "create", [{ model_id, name: "x_source", ttype: "char" }]),
    );
    expect(twice.faultString).toBe("The operation cannot be completed: Field names must be unique per model.");
  });

  it("adds an x_ model through ir.model, unusable until an ir.model.access row grants rights", async () => {
    const modelId = await call<number>(odoo, "ir.model", "create", [{ name: "Projects", model: "x_project" }]);
    const fields = await call<Record<string, unknown>>(odoo, "x_project", "fields_get", [], { attributes: ["type"] });
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["id", "x_name", "display_name", "create_date"]));

    const denied = await faultOf(call(odoo, "x_project", "create", [{ x_name: "P1" }]));
    expect(denied).toEqual({
      faultCode: 4,
      faultString:
        "You are not allowed to create 'Projects' (x_project) records.\n\nNo group currently allows this operation.\n\nContact your administrator to request access if necessary.",
    });
    expect((await faultOf(call(odoo, "x_project", "search", [[]]))).faultString).toMatch(
      /^You are not allowed to access 'Projects' \(x_project\) records\./,
    );

    await call(odoo, "ir.model.access", "create", [
      {
        name: "x_project all",
        model_id: modelId,
        group_id: await xmlidToId(odoo, "base.group_user"),
        perm_read: true,
        perm_write: true,
        perm_create: true,
        perm_unlink: true,
      },
    ]);
    const id = await call<number>(odoo, "x_project", "create", [{ x_name: "P1" }]);
    expect(await call(odoo, "x_project", "read", [[id], ["x_name", "display_name"]])).toEqual([
      { id, x_name: "P1", display_name: "P1" },
    ]);

    const wrong = await faultOf(call(odoo, "ir.model", "create", [{ name: "Bad", model: "project_extra" }]));
    expect(wrong).toEqual({ faultCode: 2, faultString: "The model name must start with 'x_'." });
  });

  it("drops a custom field or model when its ir.model.fields / ir.model row is unlinked; base ones stay", async () => {
    const partnerModel = await irModelId(odoo, "res.partner");
    const fieldId = await call<number>(odoo, "ir.model.fields", "create", [
      { model_id: partnerModel, name: "x_gone", ttype: "integer", field_description: "Gone" },
    ]);
    await call(odoo, "ir.model.fields", "unlink", [[fieldId]]);
    expect(await call(odoo, "res.partner", "fields_get", [["x_gone"]])).toEqual({});
    const baseField = await call<number[]>(odoo, "ir.model.fields", "search", [
      [
        ["model", "=", "res.partner"],
        ["name", "=", "email"],
      ],
    ]);
    expect(await faultOf(call(odoo, "ir.model.fields", "unlink", [baseField]))).toEqual({
      faultCode: 2,
      faultString: "This column contains module data and cannot be removed!",
    });
    expect(await faultOf(call(odoo, "ir.model", "unlink", [[partnerModel]]))).toEqual({
      faultCode: 2,
      faultString: "Model 'Contact' contains module data and cannot be removed.",
    });

    const modelId = await call<number>(odoo, "ir.model", "create", [
      {
        name: "Gadgets",
        model: "x_gadget",
        field_id: [
          [0, 0, { name: "x_name", ttype: "char", field_description: "Name" }],
          [0, 0, { name: "x_size", ttype: "float", field_description: "Size" }],
        ],
      },
    ]);
    await call(odoo, "ir.model.access", "create", [
      { name: "gadgets", model_id: modelId, perm_read: true, perm_create: true, perm_write: true, perm_unlink: true },
    ]);
    await call(odoo, "x_gadget", "create", [[{ x_name: "a", x_size: 1.5 }, { x_name: "b" }]]);
    const gadgets = await call<Array<Record<string, unknown>>>(odoo, "x_gadget", "search_read", [
      [],
      ["x_name", "x_size"],
    ]);
    expect(gadgets.map((g) => [g.x_name, g.x_size])).toEqual([
      ["a", 1.5],
      ["b", 0],
    ]);
    await call(odoo, "ir.model", "unlink", [[modelId]]);
    expect(await faultOf(call(odoo, "x_gadget", "search", [[]]))).toEqual({
      faultCode: 2,
      faultString: "Object x_gadget doesn't exist",
    });
    expect(server.records("ir.model.access").filter((a) => a.model_id === modelId)).toEqual([]);
    expect(server.records("ir.model.fields").filter((f) => f.model === "x_gadget")).toEqual([]);
  });

  it("forgets custom models and fields on reset()", async () => {
    await call(odoo, "ir.model", "create", [{ name: "Temp", model: "x_temp" }]);
    server.reset();
    const fault = await faultOf(call(odoo, "x_temp", "search", [[]]));
    expect(fault).toEqual({ faultCode: 2, faultString: "Object x_temp doesn't exist" });
  });
});

describe("the object service's guards", () => {
  it("refuses private methods and unknown databases", async () => {
    const fault = await faultOf(call(odoo, "res.partner", "_read", [[1]]));
    expect(fault).toEqual({ faultCode: 4, faultString: "Private methods (such as _read) cannot be called remotely." });
    const other = clientWithUid(server, { db: "other", password: "admin", uid: 2 });
    const db = await faultOf(other.execute_kw("res.partner", "search", [[[]]]));
    expect(db.faultCode).toBe(1);
  });

  it("binds arguments like Python (search has no count in Odoo 17)", async () => {
    const fault = await faultOf(call(odoo, "res.partner", "search", [[]], { count: true }));
    expect(lastLine(fault.faultString)).toBe(
      "TypeError: BaseModel.search() got an unexpected keyword argument 'count'",
    );
  });

  it("lets extra users log in with their own password", async () => {
    const custom = await startOdooTestServer({
      db: "acme",
      users: [
        { login: "migrator", password: "s3cret", email: "m@acme.example" },
        { login: "bob", password: "b" },
      ],
    });
    try {
      const client = await connect(custom, "migrator", "s3cret");
      expect(uidOf(client)).toBe(2);
      expect(await rawCall(custom, "common", "authenticate", ["acme", "bob", "b", {}])).toBe(3);
      expect(await rawCall(custom, "common", "authenticate", ["acme", "admin", "admin", {}])).toBe(false);
    } finally {
      await custom.close();
    }
  });
});

describe("seed()", () => {
  it("creates records with the same validation, with an optional external id", async () => {
    const id = server.seed("res.partner", { name: "Seeded" }, "fixture.seeded");
    expect(await xmlidToId(odoo, "fixture.seeded")).toBe(id);
    expect(() => server.seed("crm.lead", { type: "lead" })).toThrow(/Field: Opportunity \(name\)/);
  });
});
