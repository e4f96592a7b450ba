// End to end against the Odoo test server: the OPEX 365 (Dataverse) sample export through apply-schema →
// run → verify → re-run (nothing changes) → rollback, checking the links issue 5 lists on the sample's cases
// (examples/opex365/README.md names them with their ids).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { externalId } from "../../runtime/index.js";
import { verifyRun } from "../../runtime/verify/index.js";
import { startOdooTestServer, type OdooTestServer } from "../odoo-server/index.js";
import { PairHarness } from "../support/odoo-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const example = join(root, "examples/opex365");
const plan = compileSpec(readFileSync(join(root, "specs/opex365.mapspec"), "utf8"), "specs/opex365.mapspec").plan;
const work = mkdtempSync(join(tmpdir(), "mapc-e2e-opex-"));
let server: OdooTestServer;
const pair = new PairHarness(() => server, plan, example);

beforeAll(async () => {
  server = await startOdooTestServer();
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** A record of the run by its map and source key (a GUID), as its external id names it. */
const landed = pair.landed.bind(pair);
const idOf = pair.idOf.bind(pair);

const ANNA = { id: "e3eae784-1ab2-ed11-a96c-000d3a2268d4", email: "anna.schmidt@kestrel-instruments.com" };

describe("OPEX 365 into the Odoo test server", () => {
  it("runs, verifies, changes nothing on a re-run, and rolls back", async () => {
    const runDir = join(work, "full");
    const schema = await pair.prepareSchema(runDir);
    expect(schema.filter((c) => c.status === "created").map((c) => c.name)).toContain("x_opex_project");
    // One owner has an Odoo user (matched by e-mail); the others must not be invented.
    const { user: annaUser, partner: annaPartner } = await pair.provisionUser({
      name: "Anna Schmidt",
      login: ANNA.email,
      email: ANNA.email,
    });
    const usersBefore = server.records("res.users").length;
    const countsBefore = Object.fromEntries(
      [
        "res.partner",
        "crm.lead",
        "mail.message",
        "calendar.event",
        "ir.attachment",
        "project.task",
        "product.product",
      ].map((m) => [m, server.records(m).length]),
    );

    const first = await pair.run(runDir);
    expect(first.balanced).toBe(true);
    expect(Object.values(pair.loadCounts(first)).every((c) => c.rejected === 0)).toBe(true);
    expect(pair.loadCounts(first)).toMatchObject({
      Account: { created: 40 },
      Contact: { created: 50 },
      Lead: { created: 30 },
      Opportunity: { created: 36 },
      Email: { created: 35 },
      Appointment: { created: 24 },
    });
    // the e-mail regarding no record is skipped with the reason, and so are its parties: no message lands
    // on no record, where Odoo would let no one but its author see, change or delete it
    const emails = first.objects.find((o) => o.object === "Email")!.phases[0]!;
    expect(emails).toMatchObject({ source: 36, staged: 35, skipped: 1 });
    expect(server.records("mail.message").filter((m) => m["message_type"] === "email" && !m["model"])).toEqual([]);

    // accounts are companies, their hierarchy kept; contacts sit under their account, or under a contact
    const holding = landed("res.partner", "Account", "c63d6a9f-ffa7-ed11-84dc-000d3a334b8e");
    const middle = landed("res.partner", "Account", "44718a78-c2e5-ed11-9e5e-000d3a1a0512");
    const south = landed("res.partner", "Account", "355ebd34-6c16-ef11-8342-000d3af39abc");
    expect([holding["is_company"], middle["x_opex_parent_account_id"], south["x_opex_parent_account_id"]]).toEqual([
      true,
      holding["id"],
      middle["id"],
    ]);
    expect(landed("res.partner", "Contact", "8c2f691c-c860-ee11-b2b7-000d3a7fadaa")["parent_id"]).toBe(
      idOf("Contact", "f0321ad2-f699-ee11-98f7-000d3a0d0041"),
    );
    expect(landed("res.partner", "Contact", "701cdb37-4f97-ef11-b116-000d3ae5a0be")["parent_id"] ?? false).toBe(false);

    // opportunities and leads: type, stage, revenue, deadline, probability, owner
    const won = landed("crm.lead", "Opportunity", "238cf75f-bf86-ef11-a3e2-000d3ae204d6");
    const wonStage = server.records("crm.stage").find((s) => s["id"] === won["stage_id"]);
    expect(won).toMatchObject({ type: "opportunity", probability: 100 });
    expect(wonStage?.["is_won"]).toBe(true);
    expect(landed("crm.lead", "Opportunity", "7b5273d1-5521-ef11-a5e4-000d3aee7a90")["active"]).toBe(false);
    const owned = server.records("crm.lead").filter((l) => l["user_id"] === annaUser);
    expect(owned.length).toBeGreaterThan(0);
    expect(landed("crm.lead", "Lead", "25232885-2b63-ef11-950a-000d3a8b3f18")).toMatchObject({
      type: "lead",
      active: false,
    });

    // the e-mail regarding the won opportunity: from its contact sender party, to Anna's partner
    const email = landed("mail.message", "Email", "ae1fa932-8659-ef11-bb72-000d3a6f3126");
    expect(email).toMatchObject({
      model: "crm.lead",
      res_id: won["id"],
      author_id: idOf("Contact", "75c47a98-0abb-ed11-a98c-000d3a3cdaa1"),
      partner_ids: [annaPartner],
    });
    // the appointment's attendees: the contact and Anna (the organiser Léa has no Odoo user)
    expect(landed("calendar.event", "Appointment", "6a416a37-9643-ee11-ba91-000d3a9fe09e")["partner_ids"]).toEqual(
      expect.arrayContaining([idOf("Contact", "75c47a98-0abb-ed11-a98c-000d3a3cdaa1"), annaPartner]),
    );
    // the attendee deleted from the export: a placeholder partner, marked as such and listed in the report
    const placeholder = pair.odooRecord(
      "res.partner",
      externalId(plan.target.externalIdModule, "placeholder_Contact", "9f6fbec9-b9c4-ed11-8110-000d3aa1e7b3").split(
        ".",
      )[1]!,
    );
    expect(placeholder["name"]).toBe("Unknown party (OPEX 365) 9f6fbec9-b9c4-ed11-8110-000d3aa1e7b3");
    expect(landed("calendar.event", "Appointment", "003c68ec-d818-ee11-bd66-000d3a136dc8")["partner_ids"]).toContain(
      placeholder["id"],
    );
    expect(readFileSync(join(runDir, "report.md"), "utf8")).toMatch(
      /## Placeholders[\s\S]*\| Contact \| 9f6fbec9-b9c4-ed11-8110-000d3aa1e7b3 \|/,
    );

    // a note with a file: a message, and the file as an attachment on the same record with its name and type
    const file = landed("ir.attachment", "NoteFile", "e040a76a-bfca-ef11-8e42-000d3a17c063");
    expect(file).toMatchObject({
      name: "Q-2024-0117.pdf",
      mimetype: "application/pdf",
      res_model: "crm.lead",
      res_id: won["id"],
    });
    expect(landed("mail.message", "NoteMessage", "e040a76a-bfca-ef11-8e42-000d3a17c063")).toMatchObject({
      model: "crm.lead",
      res_id: won["id"],
      attachment_ids: [file["id"]],
    });
    const plainNote = landed("mail.message", "NoteMessage", "bff80fef-9e1d-ed11-abeb-000d3a3f0870");
    expect(plainNote).toMatchObject({ model: "res.partner", res_id: holding["id"] });
    expect(plainNote["attachment_ids"] ?? []).toEqual([]);

    // cases, calls, products and the custom entity land on their documented Odoo 17 targets
    expect(pair.ownRecords("project.task")).toBe(30 + 28);
    expect(pair.ownRecords("product.product")).toBe(30);
    expect(pair.ownRecords("x_opex_project")).toBe(30);
    expect(server.records("x_opex_project").map((p) => p["x_status"])).toEqual(
      expect.arrayContaining(["active", "on_hold", "closed"]),
    );
    // owners are matched by e-mail, and the rest wait for the admin
    expect(first.ownersToCreate.map((o) => o.key)).not.toContain(ANNA.email);
    expect(first.ownersToCreate.length).toBeGreaterThan(0);
    expect(server.records("res.users").length).toBe(usersBefore);

    const verified = await pair.withStore(runDir, async (store) =>
      verifyRun(plan, store, await pair.authenticated(), example),
    );
    expect(verified.mismatches).toEqual([]);
    expect(verified.missing).toEqual([]);

    const callsBefore = server.calls.length;
    const second = await pair.run(runDir);
    expect(
      Object.values(pair.loadCounts(second)).every((c) => c.created === 0 && c.updated === 0 && c.rejected === 0),
    ).toBe(true);
    expect(
      server.calls
        .slice(callsBefore)
        .filter((c) => c.rpcMethod === "load" || c.rpcMethod === "write" || c.rpcMethod === "create"),
    ).toEqual([]);

    const rolledBack = await pair.rollback(runDir);
    expect(rolledBack.failed).toEqual([]);
    for (const [model, count] of Object.entries(countsBefore)) expect(server.records(model).length, model).toBe(count);
  }, 60_000);
});
