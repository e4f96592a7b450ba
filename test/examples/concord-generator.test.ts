import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  APP_URL,
  CONCORD_RESOURCES,
  concordTraps,
  generateConcordExport,
  type Resource,
} from "../../examples/generators/concord.js";
import {
  expectLaravelPages,
  filesUnder,
  pageFileNames,
  readJsonPages,
  sampleDir,
  sampleGeneratorContract,
  trapIdsOf,
  type LaravelPage as Page,
} from "../support/sample-export.js";

const SAMPLE = sampleDir("concord");

type Row = Record<string, unknown>;
type Ids = number[];

/** The resources whose records the scale multiplies. */
const SCALED: readonly Resource[] = ["companies", "contacts", "deals", "activities", "notes", "emails", "media"];

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$/;
const DATE = /^\d{4}-\d\d-\d\d$/;
const TIME = /^\d\d:\d\d:\d\d$/;

async function rowsOf(dir: string, resource: Resource): Promise<Row[]> {
  return (await readJsonPages<Page>(dir, resource)).flatMap((page) => page.data);
}

async function countRecords(dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const resource of SCALED) counts[resource] = (await rowsOf(dir, resource)).length;
  return counts;
}

/** Every resource's rows, by resource, read once per folder. */
async function exportOf(dir: string): Promise<Record<Resource, Row[]>> {
  const rows = await Promise.all(CONCORD_RESOURCES.map((resource) => rowsOf(dir, resource)));
  return Object.fromEntries(CONCORD_RESOURCES.map((resource, k) => [resource, rows[k]!])) as Record<Resource, Row[]>;
}

/** What an export keeps at any scale: consistent pages, and every reference pointing at an existing row. */
async function expectRelations(dir: string, scale: number): Promise<void> {
  for (const resource of CONCORD_RESOURCES)
    expectLaravelPages(await readJsonPages<Page>(dir, resource), `${APP_URL}/api/${resource}`, 100);
  const e = await exportOf(dir);
  const idsOf = (resource: Resource) => new Set(e[resource].map((r) => r["id"] as number));
  const ids = Object.fromEntries(CONCORD_RESOURCES.map((r) => [r, idsOf(r)])) as Record<Resource, Set<number>>;
  const expectIn = (resource: Resource, values: unknown, where: string) => {
    for (const id of values as Ids) expect(ids[resource].has(id), `${where} → ${resource} ${id}`).toBe(true);
  };
  const tags = new Map(e.tags.map((t) => [t["id"], t]));
  const expectTags = (row: Row, type: string, where: string) => {
    for (const tag of row["tags"] as Row[]) expect({ ...tags.get(tag["id"]) }, where).toEqual({ ...tag, type });
  };

  for (const row of [...e.companies, ...e.contacts, ...e.deals, ...e.notes, ...e.activities])
    expect(ids.users.has(row["user_id"] as number), `user ${row["user_id"]}`).toBe(true);
  for (const contact of e.contacts) {
    expectIn("companies", contact["companies"], `contact ${contact["id"]}`);
    expectTags(contact, "contacts", `contact ${contact["id"]}`);
  }
  const stages = new Map(
    e.pipelines.flatMap((p) =>
      (p["stages"] as Row[]).map((s): [unknown, Row] => [s["id"], { ...s, pipeline: p["id"] }]),
    ),
  );
  const products = new Map(e.products.map((p) => [p["id"], p]));
  for (const deal of e.deals) {
    const where = `deal ${deal["id"]}`;
    expectIn("contacts", deal["contacts"], where);
    expectIn("companies", deal["companies"], where);
    expectTags(deal, "deals", where);
    const stage = stages.get(deal["stage_id"])!;
    expect(stage["pipeline"], where).toBe(deal["pipeline_id"]);
    const closed = { won: "Won", lost: "Lost" }[deal["status"] as string];
    if (closed) expect(stage["name"], where).toBe(closed);
    else expect(["Won", "Lost"], where).not.toContain(stage["name"]);
    expect(deal["won_date"] !== null, where).toBe(deal["status"] === "won");
    expect(deal["lost_date"] !== null && deal["lost_reason"] !== null, where).toBe(deal["status"] === "lost");
    const lines = deal["products"] as Row[];
    for (const line of lines) expect(products.has(line["product_id"]), where).toBe(true);
    const cents = lines.reduce(
      (sum, l) => sum + Math.round((l["unit_price"] as number) * 100) * (l["qty"] as number),
      0,
    );
    if (lines.length > 0) expect(Math.round((deal["amount"] as number) * 100), where).toBe(cents);
  }
  for (const [resource, rows] of [
    ["activities", e.activities],
    ["notes", e.notes],
    ["emails", e.emails],
  ] as const) {
    for (const row of rows) {
      const where = `${resource} ${row["id"]}`;
      for (const linked of ["contacts", "companies", "deals"] as const) expectIn(linked, row[linked], where);
    }
  }
  for (const activity of e.activities) {
    const where = `activity ${activity["id"]}`;
    expect(ids["activity-types"].has(activity["activity_type_id"] as number), where).toBe(true);
    for (const guest of activity["guests"] as Row[])
      expectIn(guest["guestable_type"] as "users" | "contacts", [guest["guestable_id"]], where);
  }
  const mediable: Record<string, Resource> = {
    "App\\Models\\Contact": "contacts",
    "App\\Models\\Company": "companies",
    "App\\Models\\Deal": "deals",
  };
  for (const medium of e.media) {
    expectIn(mediable[medium["mediable_type"] as string]!, [medium["mediable_id"]], `media ${medium["id"]}`);
    const file = join(dir, "storage", "app", medium["disk_path"] as string);
    expect((await stat(file)).size, file).toBe(medium["size"]);
  }
  // A choice field's values are ids of its options; a field is on every row of its resource.
  for (const field of e["custom-fields"]) {
    const options = new Set((field["options"] as Row[]).map((o) => o["id"]));
    for (const row of e[field["resource_name"] as Resource]) {
      const value = row[field["field_id"] as string];
      expect(value, `${field["field_id"]} of ${row["id"]}`).not.toBeUndefined();
      if (options.size > 0 && value !== null)
        for (const id of [value].flat()) expect(options.has(id), `${field["field_id"]}: ${id}`).toBe(true);
    }
  }
  expect(concordTraps(scale).length).toBe(concordTraps(1).length);
}

describe("Concord sample generator", () => {
  sampleGeneratorContract({
    source: "concord",
    generate: generateConcordExport,
    seededFile: "contacts/page-1.json",
    countRecords,
    expectRelations,
  });
});

describe("examples/concord/", () => {
  const traps = concordTraps(1);
  const trapIds = trapIdsOf(traps);

  it("has a folder of pages per resource, 2-space indented JSON, and the media's files under storage/app/", async () => {
    const files = await filesUnder(SAMPLE);
    for (const resource of CONCORD_RESOURCES) {
      const names = await pageFileNames(SAMPLE, resource);
      expect(names, resource).toEqual(names.map((_, k) => `page-${k + 1}.json`));
      for (const name of names) {
        const text = await readFile(join(SAMPLE, resource, name), "utf8");
        expect(text, `${resource}/${name}`).toBe(JSON.stringify(JSON.parse(text), null, 2) + "\n");
      }
    }
    const media = await rowsOf(SAMPLE, "media");
    expect(files.filter((f) => f.startsWith("storage/"))).toEqual(
      media.map((m) => `storage/app/${m["disk_path"]}`).sort(),
    );
    expect(files.filter((f) => !f.startsWith("storage/") && !f.includes("/"))).toEqual(["README.md"]);
    await expectRelations(SAMPLE, 1);
  });

  it("has more than a page of contacts and activities, and the installation's configuration", async () => {
    const e = await exportOf(SAMPLE);
    expect(e.contacts.length).toBeGreaterThan(100);
    expect(e.activities.length).toBeGreaterThan(100);
    expect((await pageFileNames(SAMPLE, "contacts")).length).toBe(2);
    expect(e.users.length).toBe(6);
    for (const user of e.users) {
      expect(Object.keys(user)).toEqual(["id", "name", "email", "timezone", "super_admin", "access_api"]);
      expect(user["email"]).toBe((user["email"] as string).toLowerCase());
    }
    expect(e["activity-types"].map((t) => t["flag"])).toEqual([
      "call",
      "meeting",
      "task",
      "email",
      "deadline",
      "lunch",
    ]);
    expect(new Set(e.activities.map((a) => a["activity_type_id"]))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(e.pipelines.length).toBe(2);
    const [direct, partners] = e.pipelines.map((p) => p["stages"] as Row[]);
    const names = (stages: Row[]) => stages.map((s) => s["name"]);
    for (const name of ["Qualified", "Proposal", "Negotiation", "Won", "Lost"]) {
      expect(names(direct!), name).toContain(name);
      expect(names(partners!), name).toContain(name);
    }
    const all = [...direct!, ...partners!];
    expect(new Set(all.map((s) => s["id"])).size).toBe(all.length);
    for (const stage of all) {
      if (stage["name"] === "Won") expect(stage["win_probability"]).toBe(100);
      if (stage["name"] === "Lost") expect(stage["win_probability"]).toBe(0);
    }
    expect(new Set(e.deals.map((d) => d["status"]))).toEqual(new Set(["open", "won", "lost"]));
    const fields = e["custom-fields"];
    for (const resource of ["companies", "contacts", "deals"])
      expect(fields.filter((f) => f["resource_name"] === resource).length, resource).toBe(3);
    for (const field of fields) expect(field["field_id"]).toMatch(/^cf_[a-z_]+$/);
    expect(e.workflows.length).toBe(6);
    expect(e.tags.length).toBe(10);
  });

  it("writes time stamps, dates and times as Concord does", async () => {
    const e = await exportOf(SAMPLE);
    const expectAll = (rows: Row[], attributes: readonly string[], pattern: RegExp) => {
      for (const row of rows)
        for (const attribute of attributes)
          if (row[attribute] !== null) expect(row[attribute], `${attribute} of ${row["id"]}`).toMatch(pattern);
    };
    expectAll(e.companies, ["created_at", "updated_at"], TIMESTAMP);
    expectAll(e.contacts, ["created_at", "updated_at"], TIMESTAMP);
    expectAll(e.deals, ["created_at", "won_date", "lost_date"], TIMESTAMP);
    expectAll(e.deals, ["expected_close_date", "cf_go_live_date"], DATE);
    expectAll(e.activities, ["created_at", "completed_at"], TIMESTAMP);
    expectAll(e.activities, ["due_date", "end_date"], DATE);
    expectAll(e.activities, ["due_time", "end_time"], TIME);
    expectAll(e.notes, ["created_at"], TIMESTAMP);
    expectAll(e.emails, ["date"], TIMESTAMP);
    expectAll(e.contacts, ["cf_birthday"], DATE);
    for (const activity of e.activities) {
      expect(activity["due_time"] === null, `activity ${activity["id"]}`).toBe(activity["end_time"] === null);
      expect(activity["completed_at"] !== null, `activity ${activity["id"]}`).toBe(activity["is_completed"]);
    }
    for (const contact of e.contacts) expect(Array.isArray(contact["companies"])).toBe(true);
  });

  it("has the awkward cases the README lists, at the ids it gives", async () => {
    const readme = await readFile(join(SAMPLE, "README.md"), "utf8");
    const e = await exportOf(SAMPLE);
    expect(traps.length).toBeGreaterThan(25);
    for (const trap of traps) {
      expect(readme).toContain(`| ${trap.key} | ${trap.file} | ${trap.ids.join(", ")} |`);
      const rows = e[trap.file.replace(/\/$/, "") as Resource];
      expect(rows, trap.file).toBeDefined();
      for (const id of trap.ids)
        expect(
          rows.some((r) => String(r["id"]) === id),
          `${trap.key}: ${id}`,
        ).toBe(true);
    }
    const rowsOfTrap = (key: string): Row[] => {
      const trap = traps.find((t) => t.key === key)!;
      const rows = e[trap.file.replace(/\/$/, "") as Resource];
      return trap.ids.map((id) => rows.find((r) => String(r["id"]) === id)!);
    };
    const one = (key: string) => rowsOfTrap(key)[0]!;
    const nonAscii = /[^\x00-\x7f]/;

    for (const company of rowsOfTrap("accented-company-names")) expect(company["name"]).toMatch(nonAscii);
    expect(one("company-without-phones")["phones"]).toEqual([]);
    expect(e.companies.filter((c) => c["industry"] === null).map((c) => String(c["id"]))).toEqual(
      trapIds("company-without-industry"),
    );
    for (const contact of rowsOfTrap("contact-two-companies")) {
      const [employer, other] = contact["companies"] as Ids;
      expect(other).toBeDefined();
      const domain = e.companies.find((c) => c["id"] === employer)!["domain"];
      expect(contact["email"]).toBe(`${(contact["email"] as string).split("@")[0]}@${domain}`);
    }
    expect(e.contacts.filter((c) => (c["companies"] as Ids).length === 0).map((c) => String(c["id"]))).toEqual(
      trapIds("standalone-contacts"),
    );
    expect(e.contacts.filter((c) => c["email"] === null).map((c) => String(c["id"]))).toEqual(
      trapIds("contact-without-email"),
    );
    expect(rowsOfTrap("accented-contact-names").map((c) => `${c["first_name"]} ${c["last_name"]}`)).toEqual([
      "Maria da Conceição Magalhães",
      "Íñigo Ibáñez Peña",
    ]);
    for (const contact of rowsOfTrap("accented-contact-names")) expect(contact["email"]).not.toMatch(nonAscii);

    const stageName = (id: unknown) =>
      e.pipelines.flatMap((p) => p["stages"] as Row[]).find((s) => s["id"] === id)!["name"];
    expect(one("won-deal")["status"]).toBe("won");
    expect(one("won-deal")["won_date"]).toMatch(TIMESTAMP);
    expect(one("lost-deal")["status"]).toBe("lost");
    expect(one("lost-deal")["lost_reason"]).toMatch(/\w/);
    const shared = rowsOfTrap("shared-stage-name");
    expect(shared.map((d) => d["pipeline_id"])).toEqual([1, 2]);
    expect(shared.map((d) => stageName(d["stage_id"]))).toEqual(["Negotiation", "Negotiation"]);
    expect(shared[0]!["stage_id"]).not.toBe(shared[1]!["stage_id"]);
    const differs = (one("product-price-differs")["products"] as Row[]).filter(
      (l) => l["unit_price"] !== e.products.find((p) => p["id"] === l["product_id"])!["unit_price"],
    );
    expect(differs.length).toBe(1);
    for (const deal of rowsOfTrap("deal-company-only"))
      expect([deal["contacts"], (deal["companies"] as Ids).length]).toEqual([[], 1]);
    const personOnly = one("deal-person-only");
    expect(personOnly["companies"]).toEqual([]);
    expect(trapIds("standalone-contacts")).toContain(String((personOnly["contacts"] as Ids)[0]));
    expect([one("deal-without-parties")["contacts"], one("deal-without-parties")["companies"]]).toEqual([[], []]);

    const several = one("activity-several-records");
    for (const linked of ["contacts", "companies", "deals"]) expect((several[linked] as Ids).length, linked).toBe(2);
    const guests = one("activity-mixed-guests")["guests"] as Row[];
    expect(guests.map((g) => g["guestable_type"])).toEqual(["users", "contacts"]);
    const unlinked = one("activity-unlinked");
    expect([unlinked["contacts"], unlinked["companies"], unlinked["deals"]]).toEqual([[], [], []]);
    expect([one("all-day-activity")["due_time"], one("all-day-activity")["end_time"]]).toEqual([null, null]);
    const nextDay = one("activity-next-day");
    const dayAfter = new Date(Date.parse(nextDay["due_date"] as string) + 86_400_000).toISOString().slice(0, 10);
    expect(nextDay["end_date"]).toBe(dayAfter);
    expect(nextDay["end_time"]! < nextDay["due_time"]!).toBe(true);

    expect(one("script-note")["body"]).toContain("<script>");
    expect(one("html-entities")["body"]).toMatch(/&amp;.*&gt;.*&euro;/);
    const addresses = new Set(e.contacts.map((c) => c["email"]));
    const unknownSender = one("email-unknown-sender");
    expect(addresses.has((unknownSender["from"] as Row)["address"])).toBe(false);
    expect(unknownSender["contacts"]).toEqual([]);
    const unknownRecipient = one("email-unknown-recipient");
    expect(addresses.has((unknownRecipient["to"] as Row[])[0]!["address"])).toBe(false);
    const userAddresses = new Set(e.users.map((u) => u["email"]));
    for (const mail of e.emails) {
      const from = (mail["from"] as Row)["address"];
      const to = (mail["to"] as Row[]).map((a) => a["address"]);
      // Either a contact writes to a user, or a user to a contact; the two exceptions write from or to an unknown address.
      expect(userAddresses.has(from) !== to.every((a) => userAddresses.has(a)), `email ${mail["id"]}`).toBe(true);
    }
    expect(e.emails.some((m) => userAddresses.has((m["from"] as Row)["address"]))).toBe(true);
    expect(e.emails.some((m) => !userAddresses.has((m["from"] as Row)["address"]))).toBe(true);
    expect(one("email-html-entities")["html_body"]).toContain("&amp;");
    expect(one("email-html-entities")["text_body"]).toContain(" & ");

    expect(one("inactive-product")["is_active"]).toBe(false);
    expect(e.products.filter((p) => p["is_active"] === false).length).toBe(1);
    expect(one("product-without-sku")["sku"]).toBeNull();
    expect(rowsOfTrap("same-tag-name").map((t) => [t["name"], t["type"]])).toEqual([
      ["VIP", "contacts"],
      ["VIP", "deals"],
    ]);
    expect(one("non-ascii-file-name")["file_name"]).toMatch(/ .*[^\x00-\x7f]|[^\x00-\x7f].* /);
    for (const field of rowsOfTrap("option-ids")) expect((field["options"] as Row[]).length).toBeGreaterThan(1);
    expect(rowsOfTrap("user-time-zones").map((u) => u["timezone"])).not.toContain("Europe/Lisbon");
  });

  it("has valid attachments: PDFs, PNGs and text whose size is the media row's", async () => {
    const magic: Record<string, string> = { "application/pdf": "%PDF-1.4", "image/png": "\x89PNG" };
    const kinds = new Set<string>();
    for (const medium of await rowsOf(SAMPLE, "media")) {
      const path = join(SAMPLE, "storage", "app", medium["disk_path"] as string);
      expect(existsSync(path), path).toBe(true);
      expect(medium["disk_path"]).toMatch(/^media\/[0-9a-f-]{36}\//);
      expect((medium["disk_path"] as string).endsWith(`/${medium["file_name"]}`)).toBe(true);
      const bytes = await readFile(path);
      const type = medium["mime_type"] as string;
      kinds.add(type);
      if (magic[type]) expect(bytes.subarray(0, magic[type].length).toString("latin1"), path).toBe(magic[type]);
    }
    expect(kinds).toEqual(new Set(["application/pdf", "image/png", "text/plain"]));
  });
});
