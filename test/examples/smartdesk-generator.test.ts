import { describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generateSmartDeskExport, smartDeskTraps } from "../../examples/generators/smartdesk.js";
import {
  csvReader,
  filesUnder,
  readJsonFiles,
  sampleDir,
  sampleGeneratorContract,
  trapIdsOf,
} from "../support/sample-export.js";

const SAMPLE = sampleDir("smartdesk");
const ENGAGEMENTS = ["calls", "emails", "meetings", "notes", "tasks"];

interface EngagementPage {
  results: { id: string; associations?: Record<string, { results: { id: string; type: string }[] }> }[];
  paging?: { next: { after: string; link: string } };
}

const { readCsv } = csvReader();

async function readPages(dir: string, object: string): Promise<EngagementPage[]> {
  const names = (await readdir(join(dir, "engagements"))).filter((n) => n.startsWith(`${object}-`));
  names.sort((a, b) => Number(a.match(/-(\d+)\.json$/)![1]) - Number(b.match(/-(\d+)\.json$/)![1]));
  return readJsonFiles<EngagementPage>(join(dir, "engagements"), names);
}

const splitIds = (cell: string | undefined) => (cell ? cell.split(";") : []);

/** The records scale multiplies: the rows of the CSV exports and the engagements of the API pages. */
async function countRecords(dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const file of [
    "companies.csv",
    "contacts.csv",
    "leads.csv",
    "deals.csv",
    "tickets.csv",
    "campaigns.csv",
    "kb-articles.csv",
    "files.csv",
  ])
    counts[file] = (await readCsv(dir, file)).length;
  for (const object of ENGAGEMENTS)
    counts[object] = (await readPages(dir, object)).reduce((n, page) => n + page.results.length, 0);
  return counts;
}

describe("SmartDesk sample generator", () => {
  sampleGeneratorContract({
    source: "smartdesk",
    generate: generateSmartDeskExport,
    seededFile: "companies.csv",
    countRecords,
  });
});

describe("examples/smartdesk/", () => {
  const traps = smartDeskTraps(1);
  const trapIds = trapIdsOf(traps);

  it("has UI exports with a byte order mark, CRLF line ends and label headers", async () => {
    const csvFiles = (await filesUnder(SAMPLE)).filter((f) => f.endsWith(".csv"));
    expect(csvFiles.length).toBe(8);
    for (const file of csvFiles) {
      const bytes = await readFile(join(SAMPLE, file));
      expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8");
      expect(text.indexOf("\n"), file).toBe(text.indexOf("\r\n") + 1);
      expect(text.endsWith("\r\n"), file).toBe(true);
    }
    const properties = JSON.parse(await readFile(join(SAMPLE, "properties.json"), "utf8")) as Record<
      string,
      { label: string }[]
    >;
    for (const object of ["companies", "contacts", "leads", "deals", "tickets"]) {
      const header = Object.keys((await readCsv(SAMPLE, `${object}.csv`))[0]!);
      expect(header, object).toEqual(properties[object]!.map((p) => p.label));
    }
  });

  it("keeps relations between files, except the documented dangling references", async () => {
    const companies = new Set((await readCsv(SAMPLE, "companies.csv")).map((r) => r["Record ID"]));
    const contacts = await readCsv(SAMPLE, "contacts.csv");
    const contactIds = new Set(contacts.map((r) => r["Record ID"]));
    const deals = await readCsv(SAMPLE, "deals.csv");
    const dealIds = new Set(deals.map((r) => r["Record ID"]));

    const missingCompanyContacts = trapIds("contact-missing-company");
    expect(missingCompanyContacts.length).toBe(1);
    for (const contact of contacts) {
      const dangling = splitIds(contact["Associated Company IDs"]).filter((id) => !companies.has(id));
      if (missingCompanyContacts.includes(contact["Record ID"]!)) expect(dangling.length, contact["Record ID"]).toBe(1);
      else expect(dangling, contact["Record ID"]).toEqual([]);
    }
    for (const file of ["leads.csv", "deals.csv", "tickets.csv"]) {
      for (const row of await readCsv(SAMPLE, file)) {
        for (const id of splitIds(row["Associated Company IDs"]))
          expect(companies.has(id), `${file}: company ${id}`).toBe(true);
        for (const id of splitIds(row["Associated Contact IDs"]))
          expect(contactIds.has(id), `${file}: contact ${id}`).toBe(true);
      }
    }
    for (const row of await readCsv(SAMPLE, "companies.csv")) {
      if (row["Parent Company ID"]) expect(companies.has(row["Parent Company ID"]), row["Record ID"]).toBe(true);
    }

    const orphans = trapIds("orphan-engagement");
    for (const object of ENGAGEMENTS) {
      for (const page of await readPages(SAMPLE, object)) {
        for (const record of page.results) {
          const linked = (key: string) => record.associations?.[key]?.results.map((r) => r.id) ?? [];
          const unknownContacts = linked("contacts").filter((id) => !contactIds.has(id));
          expect(unknownContacts.length > 0, `${object} ${record.id}`).toBe(orphans.includes(record.id));
          for (const id of linked("companies")) expect(companies.has(id), `${object} ${record.id}`).toBe(true);
          for (const id of linked("deals")) expect(dealIds.has(id), `${object} ${record.id}`).toBe(true);
        }
      }
    }

    const files = await readCsv(SAMPLE, "files.csv");
    const missing = files.filter((f) => !existsSync(join(SAMPLE, f["Path"]!))).map((f) => f["File ID"]);
    expect(missing).toEqual(trapIds("missing-file"));
  });

  it("has the awkward cases the README lists, at the ids it gives", async () => {
    const readme = await readFile(join(SAMPLE, "README.md"), "utf8");
    expect(traps.length).toBeGreaterThan(25);
    for (const trap of traps) {
      expect(readme).toContain(`| ${trap.key} | ${trap.file} |`);
      if (trap.file.endsWith(".csv")) {
        const keys = new Set((await readCsv(SAMPLE, trap.file)).map((row) => Object.values(row)[0]));
        for (const id of trap.ids) expect(keys.has(id), `${trap.key}: ${id} in ${trap.file}`).toBe(true);
      } else if (trap.file.startsWith("engagements/") && trap.file.endsWith(".json") && trap.ids.length > 0) {
        const page = JSON.parse(await readFile(join(SAMPLE, trap.file), "utf8")) as EngagementPage;
        for (const id of trap.ids)
          expect(
            page.results.some((r) => r.id === id),
            `${trap.key}: ${id}`,
          ).toBe(true);
      }
    }

    const companies = await readCsv(SAMPLE, "companies.csv");
    const byId = (id: string) => companies.find((c) => c["Record ID"] === id)!;
    const [a, b] = trapIds("same-domain");
    expect(byId(b!)["Company Domain Name"]).toBe(`www.${byId(a!)["Company Domain Name"]}`);
    expect(byId(trapIds("multiline-cell")[0]!)["Street Address"]).toContain("\n");

    const deals = await readCsv(SAMPLE, "deals.csv");
    const deal = (id: string) => deals.find((d) => d["Record ID"] === id)!;
    for (const id of trapIds("archived-owner")) expect(deal(id)["Deal owner"]).toBe("Tom Becker");
    expect(splitIds(deal(trapIds("deal-two-contacts")[0]!)["Associated Contact IDs"]).length).toBe(2);
    const [sales, renewal] = trapIds("shared-stage-label").map(deal);
    expect([sales!["Deal Stage"], sales!["Pipeline"]]).toEqual(["Contract Sent", "Sales Pipeline"]);
    expect([renewal!["Deal Stage"], renewal!["Pipeline"]]).toEqual(["Contract Sent", "Renewals"]);

    const owners = JSON.parse(await readFile(join(SAMPLE, "owners.json"), "utf8")) as {
      results: { id: string; archived: boolean }[];
    };
    expect(owners.results.filter((o) => o.archived).map((o) => o.id)).toEqual(["41106"]);

    const calls = await readPages(SAMPLE, "calls");
    expect(calls[0]!.paging?.next.after).toBeTruthy();
    expect(calls.at(-1)!.paging).toBeUndefined();
    const notes = await readPages(SAMPLE, "notes");
    expect(notes.at(-1)).toEqual({ results: [] });
    const stamps = (await Promise.all(ENGAGEMENTS.map((o) => readPages(SAMPLE, o))))
      .flat()
      .flatMap((page) =>
        page.results.map((r) => (r as unknown as { properties: { hs_timestamp: string } }).properties.hs_timestamp),
      );
    expect(stamps).toContain("2024-03-05T14:00:00+05:30");
    expect(stamps.every((s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}Z|[+-]\d\d:\d\d)$/.test(s))).toBe(true);
  });
});
