import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { SAGE_TABLES, generateSageExport, sageTraps, type SageTable } from "../../examples/generators/sage.js";
import {
  UNDEFINED_WINDOWS_1252,
  decodeWindows1252,
  encodeWindows1252,
  london,
  londonOffset,
} from "../../examples/generators/sage-format.js";
import {
  expectTrapRows,
  filesUnder,
  sampleDir,
  sampleGeneratorContract,
  trapIdsOf,
  type CsvRow as Row,
} from "../support/sample-export.js";

const SAMPLE = sampleDir("sage");

/** A table of a Sage export: Windows-1252 text, comma-delimited, `NULL` for null. */
async function textOf(dir: string, table: SageTable): Promise<string> {
  return decodeWindows1252(await readFile(join(dir, `${table}.csv`)));
}

async function readTable(dir: string, table: SageTable): Promise<Row[]> {
  return parse(await textOf(dir, table), { columns: true }) as Row[];
}

async function headerOf(dir: string, table: SageTable): Promise<string[]> {
  return (parse(await textOf(dir, table), { to_line: 1 }) as string[][])[0]!;
}

/** The tables whose records the scale multiplies. */
const SCALED: readonly SageTable[] = [
  ...["Company", "Person", "Address", "Address_Link", "Email", "EmailLink", "Phone", "PhoneLink", "Lead"],
  ...["Opportunity", "Cases", "Communication", "Comm_Link", "Library", "Notes", "Project"],
] as SageTable[];

async function countRecords(dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SCALED) counts[table] = (await readTable(dir, table)).length;
  return counts;
}

/** Every table's rows, by table, read once per folder. */
async function exportOf(dir: string): Promise<Record<SageTable, Row[]>> {
  const rows = await Promise.all(SAGE_TABLES.map((table) => readTable(dir, table)));
  return Object.fromEntries(SAGE_TABLES.map((table, k) => [table, rows[k]!])) as Record<SageTable, Row[]>;
}

const PREFIX: Partial<Record<SageTable, string>> = {
  Company: "Comp",
  Person: "Pers",
  Lead: "Lead",
  Opportunity: "Oppo",
  Cases: "Case",
  Communication: "Comm",
  Library: "Libr",
  Notes: "Note",
  Project: "proj",
};

const DATETIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d[037]$/;
const MONEY = /^\d+\.\d{4}$/;
const isNull = (cell: string | undefined) => cell === "NULL";

/** What an export keeps at any scale: every reference points at a row of the table it names. */
async function expectRelations(dir: string, scale: number): Promise<void> {
  const e = await exportOf(dir);
  const byId = (table: SageTable, column: string) => new Map(e[table].map((r) => [r[column]!, r]));
  const companies = byId("Company", "Comp_CompanyId");
  const persons = byId("Person", "Pers_PersonId");
  const addresses = byId("Address", "Addr_AddressId");
  const users = byId("Users", "User_UserId");
  const leads = byId("Lead", "Lead_LeadId");
  const opportunities = byId("Opportunity", "Oppo_OpportunityId");
  const cases = byId("Cases", "Case_CaseId");
  const communications = byId("Communication", "Comm_CommunicationId");
  const emails = byId("Email", "Emai_EmailId");
  const phones = byId("Phone", "Phon_PhoneId");
  const currencies = byId("Currency", "Curr_CurrencyID");
  const expectIn = (map: Map<string, Row>, cell: string | undefined, where: string) => {
    if (!isNull(cell)) expect(map.has(cell!), `${where} → ${cell}`).toBe(true);
  };
  const entity = (id: string) => (id === "5" ? companies : persons);

  for (const c of e.Company) {
    const where = `company ${c["Comp_CompanyId"]}`;
    expectIn(addresses, c["Comp_PrimaryAddressId"], where);
    expectIn(users, c["Comp_PrimaryUserId"], where);
    if (!isNull(c["Comp_PrimaryPersonId"]))
      expect(persons.get(c["Comp_PrimaryPersonId"]!)?.["Pers_CompanyId"], where).toBe(c["Comp_CompanyId"]);
  }
  for (const p of e.Person) {
    expectIn(companies, p["Pers_CompanyId"], `person ${p["Pers_PersonId"]}`);
    expectIn(addresses, p["Pers_PrimaryAddressId"], `person ${p["Pers_PersonId"]}`);
  }
  for (const l of e.Address_Link) {
    expectIn(addresses, l["AdLi_AddressId"], `address link ${l["AdLi_AddressLinkId"]}`);
    expectIn(companies, l["AdLi_CompanyID"], `address link ${l["AdLi_AddressLinkId"]}`);
    expectIn(persons, l["AdLi_PersonID"], `address link ${l["AdLi_AddressLinkId"]}`);
  }
  for (const l of e.EmailLink) {
    expectIn(emails, l["ELink_EmailId"], `email link ${l["ELink_LinkId"]}`);
    expect(["5", "13"]).toContain(l["ELink_EntityId"]);
    expectIn(entity(l["ELink_EntityId"]!), l["ELink_RecordID"], `email link ${l["ELink_LinkId"]}`);
  }
  for (const l of e.PhoneLink) {
    expectIn(phones, l["PLink_PhoneId"], `phone link ${l["PLink_LinkId"]}`);
    expectIn(entity(l["PLink_EntityID"]!), l["PLink_RecordID"], `phone link ${l["PLink_LinkId"]}`);
  }
  for (const l of e.Lead) {
    const where = `lead ${l["Lead_LeadId"]}`;
    expectIn(companies, l["Lead_PrimaryCompanyId"], where);
    expectIn(persons, l["Lead_PrimaryPersonId"], where);
    expectIn(users, l["Lead_AssignedUserId"], where);
    if (!isNull(l["Lead_OpportunityId"])) {
      expect(opportunities.get(l["Lead_OpportunityId"]!)?.["Oppo_LeadId"], where).toBe(l["Lead_LeadId"]);
      expect([l["Lead_Stage"], l["Lead_Status"]], where).toEqual(["Converted", "Closed"]);
    }
  }
  for (const o of e.Opportunity) {
    const where = `opportunity ${o["Oppo_OpportunityId"]}`;
    expectIn(companies, o["Oppo_PrimaryCompanyId"], where);
    expectIn(persons, o["Oppo_PrimaryPersonId"], where);
    expectIn(users, o["Oppo_AssignedUserId"], where);
    expectIn(leads, o["Oppo_LeadId"], where);
    expectIn(currencies, o["Oppo_Forecast_CID"], where);
    const closed = o["Oppo_Status"] !== "In Progress";
    expect(o["Oppo_Stage"] === "Closed", where).toBe(closed);
    expect(isNull(o["Oppo_ActualClose"]), where).toBe(!closed);
    if (closed) expect(o["Oppo_Certainty"], where).toBe(o["Oppo_Status"] === "Won" ? "100" : "0");
  }
  for (const k of e.Cases) {
    expectIn(companies, k["Case_PrimaryCompanyId"], `case ${k["Case_CaseId"]}`);
    expectIn(persons, k["Case_PrimaryPersonId"], `case ${k["Case_CaseId"]}`);
  }
  for (const c of e.Communication) {
    expectIn(opportunities, c["Comm_OpportunityId"], `communication ${c["Comm_CommunicationId"]}`);
    expectIn(cases, c["Comm_CaseId"], `communication ${c["Comm_CommunicationId"]}`);
  }
  const linksOf = new Map<string, Row[]>();
  for (const l of e.Comm_Link) {
    const where = `comm link ${l["CmLi_CommLinkId"]}`;
    const comm = communications.get(l["CmLi_Comm_CommunicationId"]!);
    expect(comm, where).toBeDefined();
    expect(l["CmLi_Deleted"], where).toBe(comm!["Comm_Deleted"]);
    expectIn(users, l["CmLi_Comm_UserId"], where);
    expectIn(persons, l["CmLi_Comm_PersonId"], where);
    expectIn(companies, l["CmLi_Comm_CompanyId"], where);
    expectIn(leads, l["CmLi_Comm_LeadId"], where);
    linksOf.set(l["CmLi_Comm_CommunicationId"]!, [...(linksOf.get(l["CmLi_Comm_CommunicationId"]!) ?? []), l]);
  }
  for (const c of e.Communication)
    expect(linksOf.get(c["Comm_CommunicationId"]!)?.length, `communication ${c["Comm_CommunicationId"]}`).toBe(
      c["Comm_Type"] === "Appointment" ? 2 : 1,
    );
  for (const f of e.Library) {
    const where = `library ${f["Libr_LibraryId"]}`;
    expectIn(companies, f["Libr_CompanyId"], where);
    expectIn(persons, f["Libr_PersonId"], where);
    expectIn(opportunities, f["Libr_OpportunityId"], where);
    expectIn(cases, f["Libr_CaseId"], where);
    expectIn(communications, f["Libr_CommunicationId"], where);
    const path = join(dir, "Library", ...f["Libr_FilePath"]!.split("\\"), f["Libr_FileName"]!);
    if (f["Libr_Deleted"] === "1") continue;
    expect((await readFile(path)).length, where).toBe(Number(f["Libr_FileSize"]));
    if (!isNull(f["Libr_CommunicationId"]))
      expect(communications.get(f["Libr_CommunicationId"]!)!["Comm_HasAttachments"], where).toBe("Y");
  }
  const tables = new Map(e.Custom_Tables.map((t) => [t["Bord_TableId"]!, t]));
  for (const n of e.Notes) {
    const table = tables.get(n["Note_ForeignTableId"]!);
    expect(table, `note ${n["Note_NoteId"]}`).toBeDefined();
    const rows = e[table!["Bord_Name"] as SageTable];
    expect(
      rows.some((r) => r[table!["Bord_IdField"]!] === n["Note_ForeignId"]),
      `note ${n["Note_NoteId"]}`,
    ).toBe(true);
  }
  for (const p of e.Project) {
    expect(opportunities.get(p["proj_OpportunityId"]!)?.["Oppo_Status"], `project ${p["proj_ProjectId"]}`).toBe("Won");
    expectIn(companies, p["proj_CompanyId"], `project ${p["proj_ProjectId"]}`);
  }
  // Every block keeps the documented dangling references, and no others between live rows.
  const deleted = (map: Map<string, Row>, prefix: string, id: string | undefined) =>
    !isNull(id) && map.get(id!)?.[`${prefix}_Deleted`] === "1";
  const liveToDeleted = e.Person.filter(
    (p) => p["Pers_Deleted"] !== "1" && deleted(companies, "Comp", p["Pers_CompanyId"]),
  );
  expect(liveToDeleted.length).toBe(2 * scale);
  const commToDeleted = e.Comm_Link.filter(
    (l) => l["CmLi_Deleted"] !== "1" && deleted(persons, "Pers", l["CmLi_Comm_PersonId"]),
  );
  // One communication of the deleted person's, and one each of their opportunity and case (sageTraps).
  expect(commToDeleted.length).toBe(3 * scale);
}

describe("Sage CRM sample generator", () => {
  sampleGeneratorContract({
    source: "sage",
    generate: generateSageExport,
    seededFile: "Company.csv",
    countRecords,
    expectRelations,
  });
});

describe("Windows-1252 and London time, as the generator writes them", () => {
  it("encodes every character of the code page to its byte, and a character outside it to ?", () => {
    // The WHATWG index of bytes 0x80-0x9F; the rest are their own code points.
    const high = [
      ...[0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152],
      ...[0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122],
      ...[0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178],
    ];
    const codePoint = (byte: number) => (byte >= 0x80 && byte < 0xa0 ? high[byte - 0x80]! : byte);
    const defined = Array.from({ length: 256 }, (_, b) => b).filter((b) => !UNDEFINED_WINDOWS_1252.includes(b));
    const text = String.fromCodePoint(...defined.map(codePoint));
    expect([...encodeWindows1252(text)]).toEqual(defined);
    expect(decodeWindows1252(Buffer.from(defined))).toBe(text);
    expect(encodeWindows1252("Kołodziej €5 “ok”").toString("latin1")).toBe("Ko?odziej \x805 \x93ok\x94");
  });

  it("knows when British Summer Time starts and ends", () => {
    expect(londonOffset(Date.UTC(2024, 2, 31, 0, 59))).toBe(0);
    expect(londonOffset(Date.UTC(2024, 2, 31, 1, 0))).toBe(3_600_000);
    expect(londonOffset(Date.UTC(2023, 9, 29, 0, 59))).toBe(3_600_000);
    expect(londonOffset(Date.UTC(2023, 9, 29, 1, 0))).toBe(0);
    expect(london(2024, 7, 1, 9, 30)).toBe(Date.UTC(2024, 6, 1, 8, 30));
    expect(london(2024, 1, 15, 9, 30)).toBe(Date.UTC(2024, 0, 15, 9, 30));
  });
});

describe("examples/sage/", () => {
  const traps = sageTraps(1);
  const trapIds = trapIdsOf(traps);

  it("is one Windows-1252 CSV per table, CRLF, quoted only where needed, NULL for null", async () => {
    const files = await filesUnder(SAMPLE);
    expect(files.filter((f) => !f.includes("/") && f.endsWith(".csv"))).toEqual(
      SAGE_TABLES.map((t) => `${t}.csv`).sort(),
    );
    for (const table of SAGE_TABLES) {
      const bytes = await readFile(join(SAMPLE, `${table}.csv`));
      for (const byte of UNDEFINED_WINDOWS_1252) expect(bytes.includes(byte), table).toBe(false);
      expect([...bytes.subarray(0, 3)], table).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = await textOf(SAMPLE, table);
      // Every line break is CRLF, inside a cell too, and the file ends with one.
      expect(text.replaceAll("\r\n", "").includes("\n"), table).toBe(false);
      expect(text.replaceAll("\r\n", "").includes("\r"), table).toBe(false);
      expect(text.endsWith("\r\n"), table).toBe(true);
      expect(encodeWindows1252(text).equals(bytes), table).toBe(true);
      const records = parse(text) as string[][];
      expect(records.length, table).toBeGreaterThan(1);
      const cell = (c: string) => (/[,"\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
      expect(records.map((r) => `${r.map(cell).join(",")}\r\n`).join(""), table).toBe(text);
      // A null is NULL, never an empty cell.
      expect(records.flat().includes(""), table).toBe(false);
    }
  });

  it("has the format's columns, and the six audit columns on every table", async () => {
    expect(await headerOf(SAMPLE, "Company")).toEqual([
      ...["Comp_CompanyId", "Comp_PrimaryPersonId", "Comp_PrimaryAddressId", "Comp_PrimaryUserId", "Comp_Name"],
      ...["Comp_Type", "Comp_Status", "Comp_Source", "Comp_Territory", "Comp_Revenue", "Comp_Employees"],
      ...["Comp_Sector", "Comp_WebSite", "Comp_MailRestriction", "Comp_CreatedBy", "Comp_CreatedDate"],
      ...["Comp_UpdatedBy", "Comp_UpdatedDate", "Comp_TimeStamp", "Comp_Deleted", "comp_industrycode"],
      ...["comp_accountref", "comp_creditlimit"],
    ]);
    const expected: Partial<Record<SageTable, string[]>> = {
      Address: ["Addr_AddressId", "Addr_Address1", "Addr_Address2", "Addr_Address3", "Addr_Address4", "Addr_City"],
      Address_Link: ["AdLi_AddressLinkId", "AdLi_AddressId", "AdLi_CompanyID", "AdLi_PersonID", "AdLi_Type"],
      Email: ["Emai_EmailId", "Emai_EmailAddress"],
      EmailLink: ["ELink_LinkId", "ELink_EmailId", "ELink_EntityId", "ELink_RecordID", "ELink_Type"],
      Phone: ["Phon_PhoneId", "Phon_CountryCode", "Phon_AreaCode", "Phon_Number"],
      PhoneLink: ["PLink_LinkId", "PLink_PhoneId", "PLink_EntityID", "PLink_RecordID", "PLink_Type"],
      Notes: ["Note_NoteId", "Note_ForeignTableId", "Note_ForeignId", "Note_Note"],
      Custom_Tables: ["Bord_TableId", "Bord_Name", "Bord_Caption", "Bord_Prefix"],
    };
    for (const [table, columns] of Object.entries(expected))
      expect((await headerOf(SAMPLE, table as SageTable)).slice(0, columns.length), table).toEqual(columns);
    const formatColumns: Partial<Record<SageTable, string[]>> = {
      Person: ["Pers_CompanyId", "Pers_Salutation", "Pers_FirstName", "Pers_LastName", "Pers_Title", "Pers_Department"],
      Lead: ["Lead_Stage", "Lead_Rating", "Lead_CompanyName", "Lead_CompanyWebSite", "Lead_PersonEmail"],
      Opportunity: ["Oppo_Forecast", "Oppo_Forecast_CID", "Oppo_Certainty", "Oppo_TargetClose", "Oppo_ActualClose"],
      Cases: ["Case_ProblemType", "Case_ProblemNote", "Case_SolutionNote", "Case_Opened", "Case_ReferenceId"],
      Communication: ["Comm_Type", "Comm_Action", "Comm_Email", "Comm_From", "Comm_TO", "Comm_ToDateTime"],
      Comm_Link: ["CmLi_Comm_CommunicationId", "CmLi_Comm_UserId", "CmLi_Comm_PersonId", "CmLi_Comm_LeadId"],
      Library: ["Libr_FileName", "Libr_FilePath", "Libr_FileSize", "Libr_Type", "Libr_CommunicationId"],
      Users: ["User_Logon", "User_FirstName", "User_LastName", "User_EmailAddress", "User_Disabled"],
      Custom_Captions: ["Capt_Family", "Capt_Code", "Capt_US", "Capt_DE"],
      Custom_Edits: ["ColP_ColName", "ColP_Entity", "ColP_EntryType", "ColP_Caption"],
    };
    for (const [table, columns] of Object.entries(formatColumns))
      expect(await headerOf(SAMPLE, table as SageTable), table).toEqual(expect.arrayContaining(columns));
    const edits = await readTable(SAMPLE, "Custom_Edits");
    for (const table of SAGE_TABLES) {
      const header = await headerOf(SAMPLE, table);
      const prefix = header[0]!.split("_")[0]!;
      const audit = ["CreatedBy", "CreatedDate", "UpdatedBy", "UpdatedDate", "TimeStamp", "Deleted"].map(
        (s) => `${prefix}_${s}`,
      );
      const at = header.indexOf(audit[0]!);
      expect(header.slice(at, at + 6), table).toEqual(audit);
      // What follows the audit columns is the customer's, described in Custom_Edits.
      for (const column of header.slice(at + 6))
        expect(
          edits.some((r) => r["ColP_ColName"] === column && r["ColP_Entity"] === table),
          `${table}.${column}`,
        ).toBe(true);
    }
  });

  it("prints date-times, money, flags and deletions as SQL Server does, in London time", async () => {
    const e = await exportOf(SAMPLE);
    let summer = 0;
    let winter = 0;
    for (const table of SAGE_TABLES) {
      const header = await headerOf(SAMPLE, table);
      const dateColumns = header.filter((c) =>
        /(Date|DateTime|TimeStamp|Opened|Closed|TargetClose|ActualClose|StartDate|lastaudit|lastwebinar)$/i.test(c),
      );
      for (const row of e[table]) {
        for (const column of dateColumns)
          if (!isNull(row[column])) expect(row[column], `${table}.${column}`).toMatch(DATETIME);
        const deleted = row[header.find((c) => c.endsWith("_Deleted"))!];
        expect(["NULL", "1"], table).toContain(deleted);
        const created = row[header.find((c) => c.endsWith("_CreatedDate"))!]!;
        // A time in the hour the clocks skipped cannot have been stamped by the server.
        expect(created, table).not.toMatch(/^2\d{3}-03-(2[5-9]|3[01]) 01:/);
        if (/-0[6-8]-/.test(created)) summer++;
        if (/-(12|01|02)-/.test(created)) winter++;
      }
    }
    expect(summer).toBeGreaterThan(50);
    expect(winter).toBeGreaterThan(50);
    for (const table of [
      "Company",
      "Person",
      "Lead",
      "Opportunity",
      "Cases",
      "Communication",
      "Library",
      "Notes",
      "Project",
    ] as const) {
      const deleted = e[table].filter((r) => r[`${PREFIX[table]}_Deleted`] === "1");
      expect(deleted.length, table).toBeGreaterThan(0);
      expect(deleted.length, table).toBeLessThan(e[table].length / 4);
    }
    for (const o of e.Opportunity) if (!isNull(o["Oppo_Forecast"])) expect(o["Oppo_Forecast"]).toMatch(MONEY);
    for (const p of e.Project) if (!isNull(p["proj_Budget"])) expect(p["proj_Budget"]).toMatch(MONEY);
    for (const [table, column] of [
      ["Users", "User_Disabled"],
      ["Communication", "Comm_Private"],
      ["Communication", "Comm_HasAttachments"],
      ["Person", "pers_gdprconsent"],
    ] as const)
      expect(new Set(e[table].map((r) => r[column])), column).toEqual(new Set(["Y", "NULL"]));
    expect(new Set(e.Opportunity.map((o) => o["Oppo_Status"]))).toEqual(
      new Set(["In Progress", "Won", "Lost", "Abandoned"]),
    );
    expect(new Set(e.Communication.map((c) => c["Comm_Type"]))).toEqual(new Set(["Task", "Appointment"]));
    expect(new Set(e.Communication.map((c) => c["Comm_Action"]))).toEqual(
      new Set(["PhoneOut", "PhoneIn", "EmailOut", "EmailIn", "Meeting", "Note", "ToDo"]),
    );
    expect(new Set(e.PhoneLink.map((l) => l["PLink_Type"]))).toEqual(new Set(["Business", "Mobile", "Fax"]));
    for (const c of e.Communication.filter((c) => c["Comm_Action"]!.startsWith("Email"))) {
      expect(c["Comm_Email"], c["Comm_CommunicationId"]).toMatch(/^<html>/);
      expect(isNull(c["Comm_From"]) || isNull(c["Comm_TO"]), c["Comm_CommunicationId"]).toBe(false);
    }
  });

  it("names every code of every selection column in Custom_Captions, in US English and German", async () => {
    const e = await exportOf(SAMPLE);
    const live = new Set(
      e.Custom_Captions.filter((c) => c["Capt_Deleted"] !== "1").map((c) => `${c["Capt_Family"]}|${c["Capt_Code"]}`),
    );
    for (const c of e.Custom_Captions) {
      expect(c["Capt_US"], c["Capt_CaptionId"]).not.toBe("NULL");
      expect(c["Capt_DE"], c["Capt_CaptionId"]).not.toBe("NULL");
    }
    const edits = e.Custom_Edits;
    const selections = new Set(edits.filter((r) => r["ColP_EntryType"] === "21").map((r) => r["ColP_ColName"]));
    let checked = 0;
    for (const table of SAGE_TABLES) {
      const header = await headerOf(SAMPLE, table);
      const coded = header.filter(
        (c) =>
          /_(Type|Status|Stage|Source|Priority|Rating|Territory|Revenue|Employees|Sector|Salutation|Country|Action|ProblemType|WebStatus)$/.test(
            c,
          ) || selections.has(c),
      );
      if (["Custom_Captions", "Custom_Tables", "Custom_Edits", "WorkflowRule", "Custom_ScreenObjects"].includes(table))
        continue;
      for (const column of coded)
        for (const row of e[table]) {
          if (isNull(row[column])) continue;
          checked++;
          expect(live.has(`${column}|${row[column]}`), `${table}.${column} = ${row[column]}`).toBe(true);
        }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it("describes its custom columns in Custom_Edits and its custom entity in Custom_Tables", async () => {
    const e = await exportOf(SAMPLE);
    const project = e.Custom_Tables.find((t) => t["Bord_Name"] === "Project")!;
    expect([project["Bord_Prefix"], project["Bord_IdField"], project["Bord_System"]]).toEqual([
      "proj",
      "proj_ProjectId",
      "NULL",
    ]);
    expect(e.Custom_Tables.find((t) => t["Bord_Name"] === "Company")!["Bord_TableId"]).toBe("5");
    expect(e.Custom_Tables.find((t) => t["Bord_Name"] === "Person")!["Bord_TableId"]).toBe("13");
    const projectHeader = await headerOf(SAMPLE, "Project");
    for (const edit of e.Custom_Edits.filter((r) => r["ColP_Entity"] === "Project"))
      expect(projectHeader).toContain(edit["ColP_ColName"]);
    expect(e.Custom_Edits.some((r) => r["ColP_ColName"] === "comp_industrycode" && r["ColP_EntryType"] === "21")).toBe(
      true,
    );
    for (const c of e.Company) if (!isNull(c["comp_creditlimit"])) expect(c["comp_creditlimit"]).toMatch(MONEY);
    for (const o of e.Opportunity)
      if (!isNull(o["oppo_contractmonths"])) expect(["12", "24", "36"]).toContain(o["oppo_contractmonths"]);
  });

  it("has data for every object of the requirement", async () => {
    const e = await exportOf(SAMPLE);
    const live = (table: SageTable) => e[table].filter((r) => r[`${PREFIX[table] ?? ""}_Deleted`] !== "1");
    expect(live("Company").length).toBeGreaterThan(50);
    expect(live("Person").filter((p) => isNull(p["Pers_CompanyId"])).length).toBeGreaterThan(3);
    expect(live("Person").filter((p) => !isNull(p["Pers_CompanyId"])).length).toBeGreaterThan(100);
    expect(live("Lead").length).toBeGreaterThan(30);
    expect(live("Opportunity").length).toBeGreaterThan(50);
    expect(live("Cases").length).toBeGreaterThan(25);
    expect(live("Communication").length).toBeGreaterThan(140);
    expect(live("Project").length).toBeGreaterThan(10);
    expect(live("Library").length).toBeGreaterThan(15);
    expect(e.WorkflowRule.length + e.Custom_Reports.length + e.Custom_ScreenObjects.length).toBeGreaterThan(15);
    expect(e.Users.filter((u) => u["User_Resource"] !== "Y").length).toBeGreaterThan(5);
    // The self-service portal: persons with a web login.
    expect(
      e.Person.filter((p) => p["Pers_WebStatus"] === "Active" && !isNull(p["Pers_WebLogin"])).length,
    ).toBeGreaterThan(3);
    // Communications of cases, opportunities, leads, persons and companies.
    expect(e.Communication.some((c) => !isNull(c["Comm_CaseId"]))).toBe(true);
    expect(e.Communication.some((c) => !isNull(c["Comm_OpportunityId"]))).toBe(true);
    expect(e.Comm_Link.some((l) => !isNull(l["CmLi_Comm_LeadId"]))).toBe(true);
  });

  it("has the awkward cases the README lists, at the ids it gives", async () => {
    const readme = await readFile(join(SAMPLE, "README.md"), "utf8");
    const e = await exportOf(SAMPLE);
    const keyOf: Record<string, [Row[], string]> = Object.fromEntries(
      SAGE_TABLES.map((t) => [`${t}.csv`, [e[t], Object.keys(e[t][0]!)[0]!]]),
    );
    expect(traps.length).toBeGreaterThan(50);
    const rowsOf = expectTrapRows(readme, traps, keyOf);
    const one = (key: string) => rowsOf(key)[0]!;

    expect(rowsOf("accented-company-names").map((c) => c["Comp_Name"])).toEqual([
      "Nordsø Vandteknik ApS",
      "Société Lyonnaise d’Analyse",
      "Müller & Söhne Labortechnik GmbH",
    ]);
    const companyBytes = await readFile(join(SAMPLE, "Company.csv"));
    for (const byte of [0xf8, 0xe9, 0x92, 0xfc, 0xf6]) expect(companyBytes.includes(byte)).toBe(true);
    expect(one("quoted-company-name")["Comp_Name"]).toBe('The "Clean Water" Company Ltd');
    expect(one("comma-in-company-name")["Comp_Name"]).toBe("Hartley, Shaw & Co. Ltd");
    const [duplicate, again] = rowsOf("duplicate-company");
    expect(duplicate!["Comp_Name"]!.toLowerCase()).toBe(again!["Comp_Name"]!.toLowerCase());
    expect(e.Company.filter((c) => c["Comp_Deleted"] === "1").map((c) => c["Comp_CompanyId"])).toEqual(
      trapIds("deleted-companies"),
    );
    expect(one("company-without-primary-person")["Comp_PrimaryPersonId"]).toBe("NULL");
    for (const address of rowsOf("four-address-lines"))
      for (const line of ["Addr_Address1", "Addr_Address2", "Addr_Address3", "Addr_Address4"])
        expect(address[line]).not.toBe("NULL");
    expect(one("country-codes")["Addr_Country"]).toBe("DK");
    for (const p of rowsOf("private-persons")) expect(p["Pers_CompanyId"]).toBe("NULL");
    expect(rowsOf("accented-person-names").map((p) => `${p["Pers_FirstName"]} ${p["Pers_LastName"]}`)).toEqual([
      "Søren Østergaard",
      "Hélène Lefèvre",
      "Jürgen Weiß",
      "Siobhán Ní Bhriain",
    ]);
    expect(one("null-last-name")["Pers_LastName"]).toBe("Null");
    const outside = one("letter-outside-code-page");
    expect(`${outside["Pers_FirstName"]} ${outside["Pers_LastName"]}`).toBe("Ma?gorzata Ko?odziej");
    expect(rowsOf("apostrophes").map((p) => p["Pers_LastName"])).toEqual(["O'Brien", "D’Arcy"]);
    for (const p of rowsOf("deleted-persons")) expect(p["Pers_Deleted"]).toBe("1");
    const replaced = rowsOf("replaced-email");
    expect(replaced.map((l) => l["ELink_Deleted"])).toEqual(["NULL", "1"]);
    expect(new Set(replaced.map((l) => l["ELink_RecordID"])).size).toBe(1);
    const shared = rowsOf("shared-phone");
    expect(shared.map((l) => l["PLink_EntityID"])).toEqual(["5", "13"]);
    expect(shared[0]!["PLink_PhoneId"]).toBe(shared[1]!["PLink_PhoneId"]);

    const spelled = one("lead-linked-and-spelled");
    expect(spelled["Lead_PrimaryCompanyId"]).not.toBe("NULL");
    expect(spelled["Lead_CompanyName"]).not.toBe(
      e.Company.find((c) => c["Comp_CompanyId"] === spelled["Lead_PrimaryCompanyId"])!["Comp_Name"],
    );
    expect(one("lead-private-person")["Lead_CompanyName"]).toBe("NULL");
    expect(rowsOf("opportunity-statuses").map((o) => o["Oppo_Status"])).toEqual([
      "In Progress",
      "Won",
      "Lost",
      "Abandoned",
    ]);
    expect(one("opportunity-person-only")["Oppo_PrimaryCompanyId"]).toBe("NULL");
    expect(one("opportunity-without-forecast")["Oppo_Forecast"]).toBe("NULL");
    expect(rowsOf("forecast-currencies").map((o) => o["Oppo_Forecast_CID"])).toEqual(["2", "3", "4"]);

    const links = (comm: string) => e.Comm_Link.filter((l) => l["CmLi_Comm_CommunicationId"] === comm);
    const [all] = links(trapIds("all-links-in-one-row")[0]!);
    for (const column of ["CmLi_Comm_UserId", "CmLi_Comm_PersonId", "CmLi_Comm_CompanyId", "CmLi_Comm_LeadId"])
      expect(all![column], column).not.toBe("NULL");
    const [userOnly] = links(trapIds("user-only-task")[0]!);
    expect([userOnly!["CmLi_Comm_PersonId"], userOnly!["CmLi_Comm_CompanyId"], userOnly!["CmLi_Comm_LeadId"]]).toEqual([
      "NULL",
      "NULL",
      "NULL",
    ]);
    expect(rowsOf("repeated-hour").map((c) => c["Comm_DateTime"])).toEqual([
      "2023-10-29 01:30:00.000",
      "2023-10-29 01:30:00.000",
    ]);
    expect(rowsOf("skipped-hour").map((c) => c["Comm_DateTime"])).toEqual([
      "2024-03-31 00:30:00.000",
      "2024-03-31 02:30:00.000",
    ]);
    expect(links(trapIds("resource-attendee")[0]!)[1]!["CmLi_Comm_UserId"]).toBe("10");
    const gone = e.Person.find((p) => p["Pers_PersonId"] === one("records-of-deleted-person")["Oppo_PrimaryPersonId"])!;
    expect(gone["Pers_Deleted"]).toBe("1");
    for (const comm of trapIds("linked-to-deleted-person"))
      expect(links(comm).map((l) => l["CmLi_Comm_PersonId"])).toContain(gone["Pers_PersonId"]);
    expect(one("html-entities")["Comm_Email"]).toContain("&pound;");
    for (const c of rowsOf("planned-after-export")) expect(c["Comm_Status"]).toBe("Pending");
    expect(one("accented-library-folder")["Libr_FilePath"]).toBe("N\\Nordsø Vandteknik ApS\\");
    expect(one("comma-in-library-folder")["Libr_FilePath"]).toBe("H\\Hartley, Shaw & Co. Ltd\\");
    const binary = one("binary-file");
    const bytes = await readFile(
      join(SAMPLE, "Library", ...binary["Libr_FilePath"]!.split("\\"), binary["Libr_FileName"]!),
    );
    expect(new Set(bytes).size).toBe(256);
    const missing = one("deleted-file-missing");
    expect(missing["Libr_Deleted"]).toBe("1");
    expect(
      existsSync(join(SAMPLE, "Library", ...missing["Libr_FilePath"]!.split("\\"), missing["Libr_FileName"]!)),
    ).toBe(false);
    expect(rowsOf("note-tables").map((n) => n["Note_ForeignTableId"])).toEqual(["5", "13", "10", "41", "3", "10032"]);
    const captions = rowsOf("replaced-caption");
    expect(captions.map((c) => [c["Capt_Family"], c["Capt_Code"], c["Capt_US"], c["Capt_Deleted"]])).toEqual([
      ["Oppo_Source", "Web", "Internet", "1"],
      ["Oppo_Source", "Web", "Website", "NULL"],
    ]);
    expect(one("disabled-user")["User_Disabled"]).toBe("Y");
  });

  it("has a file in Library/ for every live Library row, PDFs, PNGs, text and binary", async () => {
    const rows = await readTable(SAMPLE, "Library");
    const onDisk = (await filesUnder(join(SAMPLE, "Library"))).sort();
    const live = rows.filter((r) => r["Libr_Deleted"] !== "1");
    expect(live.map((r) => `${r["Libr_FilePath"]!.replaceAll("\\", "/")}${r["Libr_FileName"]}`).sort()).toEqual(onDisk);
    const magic: Record<string, string> = { pdf: "%PDF-1.4", png: "\x89PNG" };
    const kinds = new Set<string>();
    for (const path of onDisk) {
      const ext = path.split(".").at(-1)!;
      kinds.add(ext);
      const bytes = await readFile(join(SAMPLE, "Library", path));
      if (magic[ext]) expect(bytes.subarray(0, magic[ext].length).toString("latin1"), path).toBe(magic[ext]);
      if (ext === "txt") expect(bytes.toString("latin1"), path).toMatch(/^[^\n]*\r\n([^\n]*\r\n)*$/);
    }
    expect(kinds).toEqual(new Set(["pdf", "png", "txt", "dat"]));
  });
});
