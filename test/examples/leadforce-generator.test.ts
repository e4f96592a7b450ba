import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { LEADFORCE_FILES, generateLeadforceExport, leadforceTraps } from "../../examples/generators/leadforce.js";
import {
  expectTrapRows,
  filesUnder,
  sampleGeneratorContract,
  trapIdsOf,
  type CsvRow as Row,
} from "../support/sample-export.js";
import { DATE, SAMPLE, expectFieldCell, headerOf, readCsv } from "./leadforce-csv.js";

/** The files whose records the scale multiplies. */
const SCALED = [
  "leads.csv",
  "deals.csv",
  "activities.csv",
  "notes.csv",
  "files.csv",
  "proposals.csv",
  "proposal_items.csv",
  "invoices.csv",
  "invoice_items.csv",
];

async function countRecords(dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const file of SCALED) counts[file] = (await readCsv(dir, file)).length;
  return counts;
}

const DATETIME = /^\d\d-\d\d-\d{4} \d\d:\d\d$/;
const MONEY = /^\d+\.\d\d$/;
const PLAIN = /^\d+(\.\d{1,2})?$/;
const QUALIFIED = ["Qualified", "Proposal Sent", "Negotiation", "Customer"];

const paise = (money: string) => Math.round(Number(money) * 100);
/** A lead's company: the website's domain, or the name when there is no website. */
const companyKey = (lead: Row) =>
  lead["Website"]!.replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/.*$/, "") || lead["Company"]!;
const lower = (text: string) => text.toLowerCase();

/** The records of an export, read once per folder. */
async function exportOf(dir: string) {
  const [staff, leads, pipelines, deals, activities, notes, files, items, proposals, proposalItems] = await Promise.all(
    [
      "staff.csv",
      "leads.csv",
      "pipelines.csv",
      "deals.csv",
      "activities.csv",
      "notes.csv",
      "files.csv",
      "items.csv",
      "proposals.csv",
      "proposal_items.csv",
    ].map((file) => readCsv(dir, file)),
  );
  const [invoices, invoiceItems] = await Promise.all(["invoices.csv", "invoice_items.csv"].map((f) => readCsv(dir, f)));
  return {
    staff: staff!,
    leads: leads!,
    pipelines: pipelines!,
    deals: deals!,
    activities: activities!,
    notes: notes!,
    files: files!,
    items: items!,
    proposals: proposals!,
    proposalItems: proposalItems!,
    invoices: invoices!,
    invoiceItems: invoiceItems!,
  };
}

type Export = Awaited<ReturnType<typeof exportOf>>;

/** Columns by the file that holds them: `{ leads: ["Created"] }`. */
type Columns = Partial<Record<keyof Export, readonly string[]>>;

/** Each column named, with the rows of its file. */
function columnsOf(e: Export, columns: Columns): [rows: Row[], column: string][] {
  return (Object.entries(columns) as [keyof Export, readonly string[]][]).flatMap(([file, labels]) =>
    labels.map((label): [Row[], string] => [e[file], label]),
  );
}

/** The cells of a column that hold something. */
function filledCells(rows: readonly Row[], column: string): string[] {
  return rows.map((r) => r[column]!).filter((cell) => cell !== "");
}

/** Every filled cell of these columns matches `pattern`: how Leadforce prints one kind of value. */
function expectCellsMatch(e: Export, pattern: RegExp, columns: Columns): void {
  for (const [rows, column] of columnsOf(e, columns))
    for (const cell of filledCells(rows, column)) expect(cell, column).toMatch(pattern);
}

/** Relations every export keeps, at any scale, except the documented dangling ones. */
async function expectRelations(dir: string, scale: number): Promise<void> {
  const e = await exportOf(dir);
  const traps = leadforceTraps(scale);
  const trapIds = trapIdsOf(traps);
  const leadById = new Map(e.leads.map((l) => [l["ID"]!, l]));
  const dealById = new Map(e.deals.map((d) => [d["Deal ID"]!, d]));
  const staffEmails = new Set(e.staff.map((s) => s["Email"]!));
  const staffNames = new Set(e.staff.map((s) => `${s["First Name"]} ${s["Last Name"]}`));

  for (const lead of e.leads) {
    const assigned = lead["Assigned"]!;
    if (assigned && !trapIds("assigned-unknown").includes(lead["ID"]!))
      expect(staffEmails.has(lower(assigned)), `lead ${lead["ID"]}: ${assigned}`).toBe(true);
  }
  const stages = new Set(e.pipelines.map((p) => `${p["Pipeline"]}/${p["Stage"]}`));
  for (const deal of e.deals) {
    const id = deal["Deal ID"]!;
    expect(stages.has(`${deal["Pipeline"]}/${deal["Stage"]}`), `deal ${id}`).toBe(true);
    const stage = { won: ["Won"], lost: ["Lost"], open: ["Qualification", "Proposal", "Negotiation"] }[deal["Status"]!];
    expect(stage, `deal ${id}: ${deal["Status"]}`).toContain(deal["Stage"]);
    if (deal["Owner"] && !trapIds("deal-owner-unknown").includes(id))
      expect(staffNames.has(deal["Owner"]), `deal ${id}: ${deal["Owner"]}`).toBe(true);
    const lead = deal["Lead ID"] ? leadById.get(deal["Lead ID"]) : undefined;
    if (deal["Lead ID"]) {
      expect(lead, `deal ${id}: lead ${deal["Lead ID"]}`).toBeDefined();
      expect(QUALIFIED, `deal ${id}`).toContain(lead!["Status"]);
      expect([deal["Company"], deal["Primary Contact Email"]]).toEqual([lead!["Company"], lead!["Email"]]);
    } else {
      // The company as one of its leads spells it, and that lead's e-mail (one documented exception).
      const named = e.leads.filter((l) => l["Company"] === deal["Company"]);
      expect(named.length, `deal ${id}: ${deal["Company"]}`).toBeGreaterThan(0);
      const known = named.some((l) => l["Email"] === deal["Primary Contact Email"]);
      expect(known, `deal ${id}: ${deal["Primary Contact Email"]}`).toBe(!trapIds("deal-unknown-contact").includes(id));
    }
  }
  expect(e.deals.filter((d) => d["Lead ID"]).length).toBe(e.deals.length / 2);
  expect(new Set(e.deals.map((d) => `${d["Pipeline"]}/${d["Status"]}`)).size).toBe(6);

  for (const [file, rows, idColumn] of [
    ["activities", e.activities, "Activity ID"],
    ["notes", e.notes, "Note ID"],
    ["files", e.files, "File ID"],
  ] as const) {
    for (const row of rows) {
      const id = row["Related ID"]!;
      const exists = row["Related To"] === "lead" ? leadById.has(id) : dealById.has(id);
      expect(["lead", "deal"], `${file} ${row[idColumn]}`).toContain(row["Related To"]);
      const orphan = file === "activities" && trapIds("orphan-activity").includes(row[idColumn]!);
      expect(exists, `${file} ${row[idColumn]}: ${row["Related To"]} ${id}`).toBe(!orphan);
    }
  }
  for (const file of e.files) {
    expect(file["Path"]).toBe(`files/${file["Related To"]}s/${file["Related ID"]}/${file["File Name"]}`);
    expect(existsSync(join(dir, file["Path"]!)), file["Path"]).toBe(true);
  }

  const skus = new Set(e.items.map((i) => i["SKU"]));
  const expectLines = (lines: Row[], key: string, totalOf: (line: Row) => number) => {
    const totals = new Map<string, number>();
    const seen = new Set<string>();
    for (const line of lines) {
      expect(skus.has(line["SKU"]), line["SKU"]).toBe(true);
      const unique = `${line[key]}|${line["SKU"]}|${line["Description"]}`;
      expect(seen.has(unique), unique).toBe(false);
      seen.add(unique);
      totals.set(line[key]!, (totals.get(line[key]!) ?? 0) + totalOf(line));
    }
    return totals;
  };
  const net = (line: Row) => paise(line["Rate"]!) * Number(line["Qty"]);
  const proposalTotals = expectLines(e.proposalItems, "Proposal ID", net);
  for (const proposal of e.proposals) {
    const deal = dealById.get(proposal["Deal ID"]!);
    expect(["open", "won"], `proposal ${proposal["Proposal ID"]}`).toContain(deal?.["Status"]);
    expect(paise(proposal["Total"]!), `proposal ${proposal["Proposal ID"]}`).toBe(
      proposalTotals.get(proposal["Proposal ID"]!),
    );
    expect(proposal["Currency"]).toBe(deal!["Currency"]);
  }
  const gross = (line: Row) => net(line) + Math.round((net(line) * Number(line["Tax %"])) / 100);
  const invoiceTotals = expectLines(e.invoiceItems, "Invoice Number", gross);
  for (const invoice of e.invoices) {
    const deal = dealById.get(invoice["Deal ID"]!);
    expect(deal?.["Status"], invoice["Invoice Number"]).toBe("won");
    expect(paise(invoice["Total"]!), invoice["Invoice Number"]).toBe(invoiceTotals.get(invoice["Invoice Number"]!));
    // Spelled as one of the company's leads spells it: the leads of the deal's lead's company (by website domain).
    const company = companyKey(leadById.get(deal!["Lead ID"]!)!);
    const spellings = e.leads.filter((l) => companyKey(l) === company).map((l) => l["Company"]);
    expect(spellings, invoice["Invoice Number"]).toContain(invoice["Company"]);
  }
  for (const line of [...e.proposalItems, ...e.invoiceItems]) expect(line["Qty"]).toMatch(/^\d+(\.5)?$/);
}

describe("Leadforce sample generator", () => {
  sampleGeneratorContract({
    source: "leadforce",
    generate: generateLeadforceExport,
    seededFile: "leads.csv",
    countRecords,
    expectRelations,
  });
});

describe("examples/leadforce/", () => {
  const traps = leadforceTraps(1);
  const trapIds = trapIdsOf(traps);

  it("is UTF-8 without BOM, LF, `;`-delimited, quoted only where needed, with the format's columns", async () => {
    const csvFiles = (await filesUnder(SAMPLE)).filter((f) => f.endsWith(".csv"));
    expect(csvFiles).toEqual(LEADFORCE_FILES.map((f) => `${f}.csv`).sort());
    for (const file of csvFiles) {
      const bytes = await readFile(join(SAMPLE, file));
      expect(bytes[0], file).not.toBe(0xef);
      expect(bytes.includes("\r"), file).toBe(false);
      const records = parse(bytes, { delimiter: ";" }) as string[][];
      expect(records.length, file).toBeGreaterThan(1);
      // Written back with a cell quoted only when it holds `;`, `"` or a line break, the records give the same bytes.
      const cell = (c: string) => (/[;"\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
      expect(records.map((r) => `${r.map(cell).join(";")}\n`).join(""), file).toBe(bytes.toString("utf8"));
    }
    expect(await headerOf(SAMPLE, "leads.csv")).toEqual([
      ...["ID", "Name", "Position", "Company", "Website", "Email", "Phone", "Address", "City", "State", "Zip"],
      ...["Country", "Lead Value", "Currency", "Status", "Source", "Assigned", "Tags", "Created", "Last Contact"],
      ...["Lost", "Junk", "CF: Industry", "CF: Budget", "CF: Products of interest", "CF: Newsletter"],
      ...["CF: Next review", "CF: Referral code"],
    ]);
    expect(await headerOf(SAMPLE, "deals.csv")).toEqual([
      ...["Deal ID", "Deal Name", "Pipeline", "Stage", "Deal Value", "Currency", "Owner", "Lead ID", "Company"],
      ...["Primary Contact Email", "Start Date", "Expected Close", "Status", "CF: Contract term", "CF: Renewal"],
      "CF: Competitor",
    ]);
    expect(await headerOf(SAMPLE, "activities.csv")).toEqual([
      ...["Activity ID", "Type", "Subject", "Description", "Date", "Duration (min)", "Related To", "Related ID"],
      ...["Owner", "Completed"],
    ]);
    expect(await headerOf(SAMPLE, "staff.csv")).toEqual(["Staff ID", "First Name", "Last Name", "Email", "Active"]);
    expect(await headerOf(SAMPLE, "invoices.csv")).toEqual([
      ...["Invoice Number", "Company", "Deal ID", "Date", "Due Date", "Status", "Total", "Currency"],
    ]);
  });

  it("prints dates, money and flags as Leadforce does, and describes every CF column in custom_fields.csv", async () => {
    const e = await exportOf(SAMPLE);
    expectCellsMatch(e, DATETIME, {
      leads: ["Created", "Last Contact"],
      activities: ["Date"],
      notes: ["Date Added"],
      files: ["Uploaded At"],
    });
    expectCellsMatch(e, DATE, {
      deals: ["Start Date", "Expected Close"],
      proposals: ["Open Till"],
      invoices: ["Due Date"],
      leads: ["CF: Next review"],
    });
    expectCellsMatch(e, MONEY, { leads: ["Lead Value"], deals: ["Deal Value"], invoices: ["Total"] });
    expectCellsMatch(e, PLAIN, { items: ["Rate"] });
    expect(filledCells(e.items, "Rate")).toContain("7499.5");
    const flags = {
      staff: ["Active"],
      leads: ["Lost", "Junk", "CF: Newsletter"],
      activities: ["Completed"],
      deals: ["CF: Renewal"],
    };
    // Both values of every flag occur in the sample, so a flag printed another way would show.
    for (const [rows, column] of columnsOf(e, flags))
      expect(new Set(rows.map((r) => r[column])), column).toEqual(new Set(["0", "1"]));
    expect(new Set(e.leads.map((l) => l["Currency"]))).toEqual(new Set(["INR", "USD"]));
    expect(new Set(e.leads.map((l) => l["Status"]))).toEqual(
      new Set(["New", "Contacted", "Qualified", "Proposal Sent", "Negotiation", "Customer"]),
    );

    const fields = await readCsv(SAMPLE, "custom_fields.csv");
    for (const [file, rows] of [
      ["leads", e.leads],
      ["deals", e.deals],
    ] as const) {
      const columns = (await headerOf(SAMPLE, `${file}.csv`)).filter((c) => c.startsWith("CF: "));
      const described = fields.filter((f) => f["Belongs To"] === file);
      expect(columns, file).toEqual(described.map((f) => `CF: ${f["Field"]}`));
      for (const field of described)
        for (const cell of filledCells(rows, `CF: ${field["Field"]}`)) expectFieldCell(field, cell);
    }
  });

  it("keeps relations between files, except the documented dangling references", async () => {
    await expectRelations(SAMPLE, 1);
    const activities = await readCsv(SAMPLE, "activities.csv");
    const orphan = activities.find((a) => a["Activity ID"] === trapIds("orphan-activity")[0])!;
    expect([orphan["Related To"], orphan["Related ID"]]).toEqual(["lead", "21"]);
  });

  it("has the awkward cases the README lists, at the ids it gives", async () => {
    const readme = await readFile(join(SAMPLE, "README.md"), "utf8");
    expect(traps.length).toBeGreaterThan(30);
    const e = await exportOf(SAMPLE);
    const keyOf: Record<string, [Row[], string]> = {
      "leads.csv": [e.leads, "ID"],
      "deals.csv": [e.deals, "Deal ID"],
      "activities.csv": [e.activities, "Activity ID"],
      "notes.csv": [e.notes, "Note ID"],
      "files.csv": [e.files, "File ID"],
      "items.csv": [e.items, "SKU"],
      "proposals.csv": [e.proposals, "Proposal ID"],
      "proposal_items.csv": [e.proposalItems, "Proposal ID"],
      "invoices.csv": [e.invoices, "Invoice Number"],
      "staff.csv": [e.staff, "Staff ID"],
    };
    const rowsOf = expectTrapRows(readme, traps, keyOf);
    const one = (key: string) => rowsOf(key)[0]!;

    const acme = rowsOf("company-three-spellings");
    expect(acme.map((l) => l["Company"])).toEqual([
      "Acme Technologies",
      "ACME Technologies Pvt. Ltd.",
      "acme technologies",
      "Acme Technologies",
    ]);
    expect(acme.map((l) => l["Website"])).toEqual([
      "https://www.acme-tech.example",
      "acme-tech.example",
      "http://acme-tech.example/contact",
      "https://www.acme-tech.example",
    ]);
    const noWebsite = rowsOf("company-without-website");
    expect(noWebsite.map((l) => [l["Company"], l["Website"]])).toEqual([
      ["Sri Lakshmi Traders", ""],
      ["Sri Lakshmi Traders", ""],
    ]);
    expect([one("private-person")["Company"], one("private-person")["Website"]]).toEqual(["", ""]);
    expect(one("lead-without-email")["Email"]).toBe("");
    expect([one("qualified-without-value")["Status"], one("qualified-without-value")["Lead Value"]]).toEqual([
      "Qualified",
      "",
    ]);
    expect(one("new-with-value")["Status"]).toBe("New");
    expect(one("new-with-value")["Lead Value"]).toMatch(MONEY);
    expect(e.leads.filter((l) => l["Lost"] === "1").map((l) => l["ID"])).toEqual(trapIds("lost-leads"));
    expect(e.leads.filter((l) => l["Junk"] === "1").map((l) => l["ID"])).toEqual(trapIds("junk-lead"));
    expect(rowsOf("non-ascii-names").map((l) => l["Name"])).toEqual(["Zoë D'Souza", "Ananya Iyer-Krishnan"]);
    expect(rowsOf("non-ascii-names")[0]!["Email"]).toMatch(/^zoe\.dsouza@/);
    expect(one("quoted-position")["Position"]).toBe('Head of IT; "Digital" Projects');
    expect(one("multiline-address")["Address"]).toContain("\n");
    expect([one("after-midnight")["Created"], one("after-midnight")["Last Contact"]]).toEqual([
      "01-04-2024 02:30",
      "02-04-2024 00:15",
    ]);
    expect(one("leap-day")["Created"]).toMatch(/^29-02-2024 /);
    expect(one("assigned-other-case")["Assigned"]).toBe("Arjun.Mehta@LeadForce-Demo.in");
    const inactive = e.staff.find((s) => s["Active"] === "0")!;
    expect(trapIds("inactive-staff")).toEqual([inactive["Staff ID"]]);
    for (const lead of rowsOf("assigned-inactive")) expect(lead["Assigned"]).toBe(inactive["Email"]);
    expect(e.staff.map((s) => s["Email"])).not.toContain(one("assigned-unknown")["Assigned"]);
    for (const lead of rowsOf("unassigned")) expect(lead["Assigned"]).toBe("");
    expect(rowsOf("tags-case").map((l) => l["Tags"])).toEqual(["Hot, Enterprise", "hot, SMB", "ENTERPRISE, Follow-up"]);
    for (const lead of rowsOf("foreign-leads")) expect(lead["Currency"]).toBe("USD");
    expect(e.leads.map((l) => l["ID"])).not.toContain("21");

    const inactiveName = `${inactive["First Name"]} ${inactive["Last Name"]}`;
    expect(one("deal-owner-inactive")["Owner"]).toBe(inactiveName);
    expect(one("deal-owner-unknown")["Owner"]).toBe("Vikram Singh");
    expect(e.deals.filter((d) => d["Owner"] === "").map((d) => d["Deal ID"])).toEqual(trapIds("deal-without-owner"));
    const [fromLead, otherSpelling] = rowsOf("deal-company-spelling");
    expect([fromLead!["Company"], otherSpelling!["Company"], otherSpelling!["Lead ID"]]).toEqual([
      "Acme Technologies",
      "ACME Technologies Pvt. Ltd.",
      "",
    ]);
    expect(one("deal-company-without-website")["Company"]).toBe("Sri Lakshmi Traders");
    expect(one("deal-unknown-contact")["Primary Contact Email"]).toBe("accounts@acme-tech.example");
    expect(rowsOf("shared-stage-names").map((d) => [d["Pipeline"], d["Stage"]])).toEqual([
      ["Sales", "Won"],
      ["Channel Partners", "Won"],
    ]);

    expect(one("multiline-description")["Description"]).toContain("\n");
    expect(one("semicolon-description")["Description"]).toContain(";");
    expect(one("script-note")["Note"]).toContain("<script>");
    expect(e.notes.every((n) => n["Note"] !== "")).toBe(true);
    expect(e.notes.some((n) => /<p>|<b>|<br>|&amp;/.test(n["Note"]!))).toBe(true);
    expect(one("non-ascii-file-name")["File Name"]).toBe("Visiting card Zoë.png");
    expect(one("multiline-long-description")["Long Description"]).toContain("\n");
    expect(one("quoted-long-description")["Long Description"]).toContain('"');
    for (const item of rowsOf("zero-rated-items")) expect(item["Tax"]).toBe("0%");
    const repeated = e.proposalItems.filter((l) => l["Proposal ID"] === trapIds("repeated-sku")[0]);
    expect(repeated.filter((l) => l["SKU"] === "LF-SVC-001").length).toBe(2);
    expect(rowsOf("declined-then-accepted").map((p) => [p["Deal ID"], p["Status"]])).toEqual([
      ["2", "declined"],
      ["2", "accepted"],
    ]);
    const invoice = one("invoice-company-spelling");
    expect(invoice["Company"]).toBe("acme technologies");
    expect(e.deals.find((d) => d["Deal ID"] === invoice["Deal ID"])!["Company"]).toBe("Acme Technologies");
    expect(one("non-ascii-staff")["Email"]).toBe("zoe.fernandes@leadforce-demo.in");
    const triggers = await readCsv(SAMPLE, "auto_triggers.csv");
    expect(triggers.filter((t) => t["Active"] === "0").map((t) => t["Trigger"])).toEqual(["Lost deal alert"]);
  });

  it("has valid attachments: PDFs, PNGs and text, one per row of files.csv", async () => {
    const files = await readCsv(SAMPLE, "files.csv");
    expect((await filesUnder(join(SAMPLE, "files"))).map((f) => `files/${f}`).sort()).toEqual(
      files.map((f) => f["Path"]).sort(),
    );
    const magic: Record<string, string> = { pdf: "%PDF-1.4", png: "\x89PNG" };
    const kinds = new Set<string>();
    for (const file of files) {
      const ext = file["Path"]!.split(".").at(-1)!;
      kinds.add(ext);
      const bytes = await readFile(join(SAMPLE, file["Path"]!));
      if (magic[ext]) expect(bytes.subarray(0, magic[ext].length).toString("latin1"), file["Path"]).toBe(magic[ext]);
    }
    expect(kinds).toEqual(new Set(["pdf", "png", "txt"]));
  });
});
