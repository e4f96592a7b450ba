// End to end against the Odoo test server: the Sage CRM sample dump (Windows-1252 tables) through apply-schema →
// run → verify → re-run from a new folder (nothing changes) → rollback, checking what issue 15 lists on the
// sample's awkward cases (examples/sage/README.md names them with their ids).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { surveyExport } from "../../runtime/survey/index.js";
import { PairHarness, useEndToEnd } from "../support/odoo-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const example = join(root, "examples/sage");
const plan = compileSpec(readFileSync(join(root, "specs/sage.mapspec"), "utf8"), "specs/sage.mapspec").plan;
const { server: testServer, work } = useEndToEnd("sage");
const pair = new PairHarness(testServer, plan, example);
const MODELS = [
  "res.partner",
  "crm.lead",
  "crm.tag",
  "crm.lost.reason",
  "utm.source",
  "res.partner.category",
  "calendar.event",
  "mail.message",
  "mail.activity",
  "ir.attachment",
];

type Row = Record<string, string>;
/** The rows of a table of the sample, as its CSV holds them (Windows-1252, NULL for null). */
function rows(table: string): Row[] {
  const [header, ...lines] = new TextDecoder("windows-1252")
    .decode(readFileSync(join(example, `${table}.csv`)), { stream: true })
    .split("\r\n")
    .filter((line) => line !== "");
  const names = header!.split(",");
  // the awkward cells are quoted; the rows these checks read are not
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i]!, cell])));
}
const byId = (table: string, column: string, id: string) => rows(table).find((r) => r[column] === id)!;

const landed = pair.landed.bind(pair);
const idOf = pair.idOf.bind(pair);

describe("Sage CRM into the Odoo test server", () => {
  it("lands the sample, verifies, changes nothing on a re-run, and rolls back", async () => {
    const runDir = join(work, "full");
    // Tom Whitfield (user 3) has an Odoo user, found by his e-mail as login.
    const tom = byId("Users", "User_UserId", "3");
    const { partner: tomPartner } = await pair.provisionUser({
      name: "Tom Whitfield",
      login: tom["User_EmailAddress"],
    });
    const countsBefore = Object.fromEntries(MODELS.map((m) => [m, testServer().records(m).length]));
    await pair.prepareSchema(runDir, (await surveyExport(plan, example)).plan);

    const first = await pair.run(runDir);
    expect(first.balanced).toBe(true);
    expect(Object.values(pair.loadCounts(first)).filter((c) => c.rejected > 0)).toEqual([]);
    // Deleted rows never migrate: skipped by the declared rule (companies 18 and 45, persons 18, 34, 78).
    expect(first.objects.find((o) => o.object === "Company")!.phases[0]).toMatchObject({ source: 60, skipped: 2 });
    expect(first.objects.find((o) => o.object === "Person")!.phases[0]).toMatchObject({ source: 120, skipped: 3 });
    expect(idOf("Company", 18)).toBeUndefined();
    // What hangs on a deleted row is skipped with it: note 13 on company 18; communication 19, whose only
    // person (34) is deleted; a to-do of users only (5) has no record to sit on. 3 notes and communications
    // are deleted themselves.
    expect(first.objects.find((o) => o.object === "Note")!.phases[0]).toMatchObject({ skipped: 2, rejected: 0 });
    expect(first.objects.find((o) => o.object === "Communication")!.phases[0]).toMatchObject({
      skipped: 5,
      rejected: 0,
    });

    // A company with its name in Windows-1252, its e-mail, phone and address through the link tables.
    const nordso = landed("res.partner", "Company", 5);
    expect(nordso).toMatchObject({ name: "Nordsø Vandteknik ApS", is_company: true });
    expect(String(nordso["email"])).toContain("@");
    expect(nordso["street"]).toBeTruthy();
    // the phone as dialled from abroad, from its country code, area code and number
    expect(landed("res.partner", "Company", 1)["phone"]).toBe("+44 161 764 2696");
    expect(nordso["country_id"]).toBeTruthy();
    // A person under their company; a private person standalone, with an address of their own.
    const person = byId("Person", "Pers_PersonId", "5");
    expect(landed("res.partner", "Person", 5)["parent_id"]).toBe(idOf("Company", Number(person["Pers_CompanyId"])));
    expect(landed("res.partner", "Person", 10)["parent_id"] ?? false).toBe(false);
    expect(landed("res.partner", "Person", 10)["street"]).toBeTruthy();

    // Opportunities: won is won; lost and abandoned are archived with the status as lost reason.
    const won = landed("crm.lead", "Opportunity", 2);
    expect(won).toMatchObject({ type: "opportunity", probability: 100 });
    for (const id of [4, 7]) {
      const lost = landed("crm.lead", "Opportunity", id);
      expect(lost["active"]).toBe(false);
      const reason = testServer()
        .records("crm.lost.reason")
        .find((r) => r["id"] === lost["lost_reason_id"]);
      expect(reason?.["name"]).toBe(id === 4 ? "Lost" : "Abandoned");
    }
    // Leads are leads; a case is a lead tagged Case (Odoo 17 Community has no Helpdesk).
    expect(landed("crm.lead", "Lead", 21)["type"]).toBe("lead");
    const caseLead = landed("crm.lead", "CaseLead", 1);
    const tags = testServer()
      .records("crm.tag")
      .filter((t) => (caseLead["tag_ids"] as number[]).includes(t["id"] as number));
    expect(tags.map((t) => t["name"])).toContain("Case");

    // Communications: London time in UTC; a meeting as a calendar event with
    // its person and Tom's partner as attendees; a task of an opportunity on that opportunity.
    const repeated = [9, 10].map((id) => idOf("CommMessage", id));
    expect(repeated.every((id) => id !== undefined)).toBe(true);
    const dates = testServer()
      .records("mail.message")
      .filter((m) => repeated.includes(m["id"] as number))
      .map((m) => m["date"]);
    // 01:30 happened twice that night and the cell cannot say which: both read as the first (BST), 00:30 UTC
    expect(dates).toEqual(["2023-10-29 00:30:00", "2023-10-29 00:30:00"]);
    // the night the clocks went forward: 00:30 GMT and 02:30 BST are an hour apart
    expect([15, 17].map((id) => landed("mail.message", "CommMessage", id)["date"])).toEqual([
      "2024-03-31 00:30:00",
      "2024-03-31 01:30:00",
    ]);
    const meeting = landed("calendar.event", "Appointment", 3);
    expect(meeting["partner_ids"]).toEqual(expect.arrayContaining([tomPartner]));
    expect((meeting["partner_ids"] as number[]).length).toBeGreaterThan(1);
    const onOpportunity = landed("mail.message", "CommMessageOnRecord", 1);
    expect(onOpportunity).toMatchObject({ model: "crm.lead", res_id: idOf("Opportunity", 1) });
    // A note follows Note_ForeignTableId to its record, the custom entity's too.
    expect(landed("mail.message", "NoteOnProject", 6)["model"]).toBe("x_sage_project");

    // A Library file behind a Windows path with ø lands with the same bytes.
    const file = landed("ir.attachment", "Library", 1);
    const library = byId("Library", "Libr_LibraryId", "1");
    const path = `${library["Libr_FilePath"]!.replace(/\\/g, "/")}${library["Libr_FileName"]}`;
    const bytes = readFileSync(join(example, "Library", path));
    expect(Buffer.from(String(file["datas"]), "base64").equals(bytes)).toBe(true);
    expect(file).toMatchObject({ res_model: "res.partner", res_id: idOf("Company", 5) });
    // The custom entity is an x_ model with its rows.
    expect(landed("x_sage_project", "CustomProject", 1)["x_name"]).toBe(
      byId("Project", "proj_ProjectId", "1")["proj_Name"],
    );

    await pair.expectVerifyRerunRollback(runDir, join(work, "second"), countsBefore);
    // the custom model apply-schema made goes with it
    expect(() => testServer().records("x_sage_project")).toThrow(/no model x_sage_project/);
  }, 60_000);
});
