import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.js";
import { renderDocs } from "../../compiler/docs/index.js";
import { compileSpec } from "../../compiler/index.js";
import { runDryRun, SourceReadError, type RunSummary } from "../../runtime/run/index.js";
import { intoExport, intoSpec } from "../fixtures/specs/into.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mapc-run-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const smartdesk = compileSpec(
  readFileSync(join(root, "specs/smartdesk.mapspec"), "utf8"),
  "specs/smartdesk.mapspec",
).plan;

function counts(summary: RunSummary, object: string) {
  const phase = summary.objects.find((o) => o.object === object)!.phases[0]!;
  return { source: phase.source, staged: phase.staged, rejected: phase.rejected, skipped: phase.skipped };
}

describe("dry run of the SmartDesk example", async () => {
  const runDir = join(work, "smartdesk");
  const summary = await runDryRun(smartdesk, { exportDir: join(root, "examples/smartdesk"), runDir });

  it("balances every object, counting rows as the readers deliver them", () => {
    expect(summary.balanced).toBe(true);
    const all = {
      Owner: 6,
      Pipeline: 3,
      Stage: 16,
      Company: 30,
      Contact: 50,
      Lead: 20,
      Deal: 36,
      Ticket: 24,
      Call: 36,
      Email: 24,
      Meeting: 20,
      Task: 24,
      Campaign: 20,
      Template: 6,
      Article: 20,
      Workflow: 6,
    };
    for (const [object, rows] of Object.entries(all))
      expect(counts(summary, object), object).toEqual({ source: rows, staged: rows, rejected: 0, skipped: 0 });
    // the note whose contact is not in the export, and the file missing from files/
    expect(counts(summary, "Note")).toEqual({ source: 25, staged: 24, rejected: 1, skipped: 0 });
    expect(counts(summary, "Attachment")).toEqual({ source: 6, staged: 5, rejected: 1, skipped: 0 });
  });

  it("merges the two companies that share a domain and reports the merge", () => {
    const company = summary.mappings.find((m) => m.mapping === "Company")!;
    expect(company).toMatchObject({ records: 29, merged: 1 });
    const db = new Database(join(runDir, "staging.sqlite"), { readonly: true });
    const alias = db
      .prepare("SELECT external_id FROM record_aliases WHERE mapping = 'Company' AND source_key = '5119'")
      .get() as {
      external_id: string;
    };
    db.close();
    expect(alias.external_id).toBe("mapc_smartdesk.company_5107");
  });

  it("resolves references to external ids and leaves Odoo lookups for the load", () => {
    const db = new Database(join(runDir, "staging.sqlite"), { readonly: true });
    const deal = JSON.parse(
      (
        db.prepare("SELECT values_json FROM records WHERE external_id = 'mapc_smartdesk.deal_8102'").get() as {
          values_json: string;
        }
      ).values_json,
    );
    const contact = JSON.parse(
      (
        db.prepare("SELECT values_json FROM records WHERE external_id = 'mapc_smartdesk.contact_6112'").get() as {
          values_json: string;
        }
      ).values_json,
    );
    const company = JSON.parse(
      (
        db.prepare("SELECT deferred_json FROM records WHERE external_id = 'mapc_smartdesk.company_5103'").get() as {
          deferred_json: string;
        }
      ).deferred_json,
    );
    db.close();
    expect(deal.partner_id).toEqual({ xmlid: "mapc_smartdesk.contact_6101" });
    // the archived owner's name resolved through owners.json to an e-mail, then waits for Odoo
    expect(deal.user_id).toEqual({ lookup: { name: "OdooUser", key: "sophie.laurent@brightwave.io" } });
    // contact 6112 names company 5999, which is not in the export: `on missing empty`
    expect(contact.parent_id).toBeNull();
    // a company's parent company is written in the second pass
    expect(company.x_smartdesk_parent_company_id).toEqual({ xmlid: "mapc_smartdesk.company_5101" });
    expect(summary.pendingOdooLookups["OdooUser"]).toBe(6);
  });

  it("queues the note whose contact is not in the export", () => {
    const queue = readFileSync(join(runDir, "queue.csv"), "utf8").split("\r\n");
    expect(queue[0]).toBe("kind,map,record,field,looked in,key,what to do");
    expect(queue[1]).toBe(
      "orphan,Note,mapc_smartdesk.note_14104,res_id,Contact,6999,the record this note belongs to is not in the export",
    );
  });

  it("writes summary.json, rejects.csv and the report", () => {
    expect(JSON.parse(readFileSync(join(runDir, "summary.json"), "utf8"))).toMatchObject({
      summaryVersion: 1,
      mode: "dry-run",
      balanced: true,
    });
    expect(readFileSync(join(runDir, "rejects.csv"), "utf8")).toBe(
      "object,key,file,row,map,field,reason\r\n" +
        'Note,14104,engagements/notes-1.json,4,Note,res_id,"Contact ""6999"" is not in the export; held back in the queue until it can be linked"\r\n' +
        'Attachment,17106,files.csv,6,Attachment,datas,"file ""files/signed-contract-mueller.pdf"" is not in the export"\r\n',
    );
    expect(readFileSync(join(runDir, "report.md"), "utf8")).toContain("| Account (Company) | 30 | 30 | 0 | 0 | yes |");
    expect(readFileSync(join(runDir, "report.html"), "utf8")).toContain("<h2>Objects</h2>");
  });
});

const smallSpec = `mapping t -> odoo 17.0
source Person from csv "people.csv" {
  key "id"
  null "NULL"
  skip when "deleted" == "1" because "deleted in the source"
  columns {
    "id": id
    "name": text
    "email": email
    "boss": id
    "deleted": text
  }
}
map Person -> res.partner {
  name <- "name" required
  email <- "email" | email
  parent_id <- "boss" | ref Person on missing fail
  drop "deleted" because "only read by the skip rule"
}
`;

function writeExport(dir: string, csv: string): string {
  const exportDir = join(work, dir);
  rmSync(exportDir, { recursive: true, force: true });
  mkdirSync(exportDir, { recursive: true });
  writeFileSync(join(exportDir, "people.csv"), csv);
  return exportDir;
}

describe("every row ends staged, rejected with a reason, or skipped", () => {
  const plan = compileSpec(smallSpec, "small.mapspec").plan;

  it("rejects bad rows with their file and row, skips by rule, and still balances", async () => {
    const exportDir = writeExport(
      "awkward",
      [
        "id,name,email,boss,deleted",
        "1,Ann,ann@example.com,NULL,0",
        "2,Bob,not-an-email,1,0",
        "3,,c@example.com,1,0",
        "4,Dee,d@example.com,9,0",
        "5,Eve,e@example.com,1,1",
        "1,Ann again,a2@example.com,,0",
        "6,Fay,f@example.com,1",
        "",
      ].join("\r\n"),
    );
    const runDir = join(work, "awkward-run");
    const summary = await runDryRun(plan, { exportDir, runDir });
    expect(counts(summary, "Person")).toEqual({ source: 7, staged: 1, rejected: 5, skipped: 1 });
    expect(summary.balanced).toBe(true);
    const rejects = readFileSync(join(runDir, "rejects.csv"), "utf8").trim().split("\r\n").slice(1);
    expect(rejects).toHaveLength(5);
    expect(rejects.join("\n")).toContain("Person,2,people.csv,2,");
    expect(rejects.join("\n")).toMatch(/not-an-email/);
    expect(rejects.join("\n")).toMatch(/Person,3,people.csv,3,Person,name,/);
    expect(rejects).toContain('Person,4,people.csv,4,Person,parent_id,"Person ""9"" is not in the export"');
    expect(rejects).toContain(`Person,1,people.csv,6,,,"duplicate key ""1"": an earlier row has the same key"`);
    expect(rejects).toContain("Person,6,people.csv,7,,,Row has 4 cell(s) but the header has 5 (people.csv line 8).");
  });

  it("counts an unreadable row whose key is already taken as a duplicate, so the sums still close", async () => {
    const exportDir = writeExport(
      "ragged-duplicate",
      ["id,name,email,boss,deleted", "1,Ann,ann@example.com,,0", "1,Ann again,,0", ""].join("\r\n"),
    );
    const runDir = join(work, "ragged-duplicate-run");
    const summary = await runDryRun(plan, { exportDir, runDir });
    expect(counts(summary, "Person")).toEqual({ source: 2, staged: 1, rejected: 1, skipped: 0 });
    expect(summary.balanced).toBe(true);
    expect(readFileSync(join(runDir, "rejects.csv"), "utf8")).toContain(
      'duplicate key ""1"": an earlier row has the same key; the row is also unreadable: Row has 4 cell(s)',
    );
  });

  it("leaves no record unresolved, and rewrites only records that held references", async () => {
    const exportDir = writeExport(
      "resolution",
      ["id,name,email,boss,deleted", "1,Ann,ann@example.com,,0", "2,Bob,bob@example.com,1,0", ""].join("\r\n"),
    );
    const runDir = join(work, "resolution-run");
    const events: Array<{ source: string; rows: number; total?: number; done: boolean }> = [];
    await runDryRun(plan, { exportDir, runDir, progress: (event) => events.push(event) });
    // the read, then the resolution pass of the one record that holds a reference, each with progress
    expect(events.filter((e) => e.done)).toEqual([
      { source: "Person", rows: 2, done: true },
      { source: "resolve Person", rows: 1, total: 1, done: true },
    ]);
    const db = new Database(join(runDir, "staging.sqlite"), { readonly: true });
    const rows = db
      .prepare("SELECT external_id, unresolved, deferred_json FROM records ORDER BY external_id")
      .all() as Array<{
      external_id: string;
      unresolved: number;
      deferred_json: string;
    }>;
    db.close();
    expect(rows.map((row) => row.unresolved)).toEqual([0, 0]);
    expect(JSON.parse(rows[1]!.deferred_json).parent_id).toEqual({ xmlid: "mapc_t.person_1" });
  });

  it("lists partners that share an e-mail as suspected duplicates, without merging them", async () => {
    const exportDir = writeExport(
      "duplicates",
      [
        "id,name,email,boss,deleted",
        "1,Ann,ann@example.com,,0",
        "2,Ann B.,ANN@example.com,,0",
        "3,Cy,cy@example.com,,0",
        "",
      ].join("\r\n"),
    );
    const runDir = join(work, "duplicates-run");
    const summary = await runDryRun(plan, { exportDir, runDir });
    expect(counts(summary, "Person")).toEqual({ source: 3, staged: 3, rejected: 0, skipped: 0 });
    expect(summary.queue["duplicate"]).toBe(2);
    const queue = readFileSync(join(runDir, "queue.csv"), "utf8");
    expect(queue).toContain(
      'duplicate,Person,mapc_t.person_1,email,mapc_t.person_2,ann@example.com,"same e-mail as 1 other record(s), e.g. mapc_t.person_2: check whether they are one"',
    );
  });

  it("rejects a record whose attachment file is not in the export, or would leave it", async () => {
    const spec = `mapping t -> odoo 17.0
source File from csv "files.csv" {
  key "id"
  columns { "id": id  "name": text  "path": file }
}
map File -> ir.attachment {
  name <- "name" required
  datas <- "path" | file
}
`;
    const exportDir = writeExport("files", "");
    writeFileSync(
      join(exportDir, "files.csv"),
      "id,name,path\r\n1,a.txt,files/a.txt\r\n2,b.txt,files/missing.txt\r\n3,c.txt,../outside.txt\r\n",
    );
    mkdirSync(join(exportDir, "files"), { recursive: true });
    writeFileSync(join(exportDir, "files", "a.txt"), "hello");
    const summary = await runDryRun(compileSpec(spec, "files.mapspec").plan, {
      exportDir,
      runDir: join(work, "files-run"),
    });
    expect(counts(summary, "File")).toEqual({ source: 3, staged: 1, rejected: 2, skipped: 0 });
    const rejects = readFileSync(join(work, "files-run", "rejects.csv"), "utf8");
    expect(rejects).toContain('File,2,files.csv,2,File,datas,"file ""files/missing.txt"" is not in the export"');
    expect(rejects).toMatch(/File,3,files\.csv,3,File,datas,/);
  });

  it("refuses an export that lacks a declared column, naming every problem, and stages nothing", async () => {
    const exportDir = writeExport("missing-column", "id,name,boss,deleted\r\n1,Ann,,0\r\n");
    await expect(runDryRun(plan, { exportDir, runDir: join(work, "missing-run") })).rejects.toBeInstanceOf(
      SourceReadError,
    );
  });

  it("mapc run prints the readers' warnings with their codes", async () => {
    const exportDir = writeExport("header-case-cli", "ID,NAME,Email,Boss,Deleted\r\n1,Ann,ann@example.com,,0\r\n");
    const specFile = join(work, "small-warnings.mapspec");
    writeFileSync(specFile, smallSpec);
    const result = await runCli(["run", specFile, "--source", exportDir, "--out", join(work, "cli-warnings-run")], {
      cwd: root,
      color: false,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      'warning MR3020 people.csv: Column "id" of `Person` is read from the header "ID" of people.csv',
    );
  });

  it("mapc run exits 1 with the reader's message on an unreadable export", async () => {
    const exportDir = writeExport("missing-column-cli", "id,name,boss,deleted\r\n1,Ann,,0\r\n");
    const specFile = join(work, "small.mapspec");
    writeFileSync(specFile, smallSpec);
    const result = await runCli(["run", specFile, "--source", exportDir, "--out", join(work, "cli-run")], {
      cwd: root,
      color: false,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('MR3001: Column "email" of `Person` is not in the header of people.csv.');
    expect(result.stderr).toContain("nothing was staged");
  });
});

describe("a map into another adds each row's values to the record it names", async () => {
  const compiled = compileSpec(intoSpec, "into.mapspec");
  const exportDir = join(work, "into");
  mkdirSync(exportDir, { recursive: true });
  for (const [file, text] of Object.entries(intoExport)) writeFileSync(join(exportDir, file), text);
  const runDir = join(work, "into-run");
  const summary = await runDryRun(compiled.plan, { exportDir, runDir });
  const db = new Database(join(runDir, "staging.sqlite"), { readonly: true });
  const values = (id: string) =>
    JSON.parse(
      (db.prepare("SELECT values_json FROM records WHERE external_id = ?").get(id) as { values_json: string })
        .values_json,
    ) as Record<string, unknown>;
  const email10 = values("mapc_t.email_10");
  const email11 = values("mapc_t.email_11");
  db.close();

  it("compiles, and the maps into Email load with it rather than in phases of their own", () => {
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.plan.loadOrder.phases).toEqual(["Contact", "Email"]);
    expect(renderDocs(compiled.plan).markdown).toContain(
      "| Party (as `Recipient`) | Message (`mail.message`) | adds to Email |",
    );
  });

  it("gives the e-mail its sender and its recipients once each, a placeholder for the party not in the export", () => {
    expect(email10["author_id"]).toEqual({ xmlid: "mapc_t.contact_1" });
    expect(email10["partner_ids"]).toEqual([{ xmlid: "mapc_t.contact_2" }, { xmlid: "mapc_t.placeholder_contact_9" }]);
    expect(email11).toMatchObject({ author_id: { xmlid: "mapc_t.contact_2" } });
    expect(email11["partner_ids"]).toBeUndefined();
    // the placeholder is listed for review against the e-mail that points at it
    expect(readFileSync(join(runDir, "queue.csv"), "utf8")).toContain(
      "placeholder,Recipient,mapc_t.email_10,partner_ids,Contact,9,",
    );
  });

  it("rejects the party of an e-mail that is not in the export, skips that of a skipped one, and still balances", () => {
    expect(counts(summary, "Party")).toEqual({ source: 7, staged: 5, rejected: 1, skipped: 1 });
    const skipped = new Database(join(runDir, "staging.sqlite"), { readonly: true });
    expect(
      skipped.prepare("SELECT reason FROM source_rows WHERE source = 'Party' AND source_key = 'p7'").get(),
    ).toEqual({
      reason: 'its Email "12" is skipped: an e-mail on no record is not migrated',
    });
    skipped.close();
    expect(summary.balanced).toBe(true);
    expect(readFileSync(join(runDir, "rejects.csv"), "utf8")).toContain(
      'Party,p5,parties.csv,5,Recipient,(into),"Email ""99"" is not in the export"',
    );
    expect(
      summary.mappings
        .filter((m) => m.mapping === "Recipient" || m.mapping === "Sender")
        .map((m) => [m.mapping, m.records, m.merged]),
    ).toEqual([
      ["Recipient", 0, 3],
      ["Sender", 0, 2],
    ]);
  });
});

describe("an optional source the export lacks", () => {
  it("has no rows, with a warning, and the run goes on", async () => {
    const spec = `mapping t -> odoo 17.0
source Person from csv "people.csv" {
  key "id"
  columns { "id": id  "name": text }
}
source Role from csv "roles.csv" {
  key "id"
  optional true
  columns { "id": id  "name": text }
}
map Person -> res.partner {
  name <- "name" required
}
document Roles "Roles" {
  kind security
  from Role
  show "name"
  odoo "access groups"
}
`;
    const compiled = compileSpec(spec, "optional.mapspec");
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const exportDir = writeExport("optional-source", "id,name\r\n1,Ann\r\n");
    const summary = await runDryRun(compiled.plan, { exportDir, runDir: join(work, "optional-source-run") });
    expect(counts(summary, "Person")).toEqual({ source: 1, staged: 1, rejected: 0, skipped: 0 });
    expect(counts(summary, "Role")).toEqual({ source: 0, staged: 0, rejected: 0, skipped: 0 });
    expect(summary.warnings).toEqual([
      {
        code: "MR3022",
        file: "roles.csv",
        message: "The export has no roles.csv: `Role` is declared `optional true`, so it has no rows.",
      },
    ]);
    // without `optional true` the same export stops the run before anything is staged
    const strict = compileSpec(spec.replace("  optional true\n", ""), "strict.mapspec").plan;
    await expect(runDryRun(strict, { exportDir, runDir: join(work, "strict-source-run") })).rejects.toBeInstanceOf(
      SourceReadError,
    );
  });
});
