import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.js";
import { loadCatalog } from "../../compiler/catalog/index.js";
import { compileSpec } from "../../compiler/index.js";
import { formatSpec, parseSpec } from "../../grammar/index.js";
import { adaptSpec, proposeDraft, renderReport, unifiedDiff } from "../../propose/index.js";
import { missingNeededColumns, surveyExport } from "../../runtime/survey/index.js";
import { expectBaseline } from "../support/baseline.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mapc-propose-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const catalog = loadCatalog("17.0");
const env = { cwd: root, color: false };

function errorsOf(text: string, file = "draft.mapspec"): string[] {
  return compileSpec(text, file)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.range.start.line}: ${d.code} ${d.message}`);
}

/** The adapted spec reads the whole export: no column left behind, none it needs missing. */
async function expectReadsWholeExport(text: string, exportDir: string): Promise<void> {
  const compiled = compileSpec(text, "adapted.mapspec");
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const survey = await surveyExport(compiled.plan, exportDir);
  expect(survey.accounts.filter((a) => a.unaccounted.length > 0).map((a) => [a.source, a.unaccounted])).toEqual([]);
  expect(missingNeededColumns(survey)).toEqual([]);
}

/** Every comment the author wrote is still there, word for word. */
function expectCommentsKept(before: string, after: string): void {
  const comments = parseSpec(before, "spec.mapspec").spec.comments.map((c) => c.text);
  const kept = new Set(parseSpec(after, "spec.mapspec").spec.comments.map((c) => c.text));
  expect(comments.filter((c) => !kept.has(c))).toEqual([]);
}

describe("a draft from an export (no --from)", () => {
  for (const [example, system] of [
    ["smartdesk", "SmartDesk"],
    ["opex365", "OPEX365"],
  ] as const) {
    it(`drafts a spec for examples/${example} that checks without errors`, async () => {
      const draft = await proposeDraft({
        exportDir: join(root, "examples", example),
        system,
        catalog,
        shownDir: `examples/${example}`,
      });
      expectBaseline(`propose/${example}.draft.mapspec`, draft.text);
      expectBaseline(`propose/${example}.draft.report.txt`, renderReport(draft.report));
      expect(errorsOf(draft.text)).toEqual([]);
      // canonical: `mapc fmt` leaves it as it is
      expect(formatSpec(parseSpec(draft.text, "draft.mapspec").spec)).toBe(draft.text);
    });
  }

  it("says how sure each line is, and why a column is dropped", async () => {
    const draft = await proposeDraft({ exportDir: join(root, "examples", "smartdesk"), system: "SmartDesk", catalog });
    expect(draft.text).toMatch(/^ {2}email <- "Email" {2}# 1\.00: "Email" = field Email \(email\)$/m);
    expect(draft.text).toMatch(/^# proposed 0\.\d\d: table "contacts" = contact: contacts are partners$/m);
    expect(draft.text).toMatch(/drop "Lifecycle Stage" because "proposed: no Odoo field matches.* — review"/);
    // custom properties the metadata lists go to x_ fields, not to declared columns
    expect(draft.text).toContain('custom properties from hubspot "properties.json" object "contacts"');
    expect(draft.text).toContain('custom properties prefix "x_smartdesk_"');
    // owners are a lookup of Odoo users by e-mail, not a map
    expect(draft.text).toContain('lookup OwnerEmail in source Owner by "id" take "email"');
    expect(draft.text).not.toMatch(/^map Owner /m);
    // a message is on the record it belongs to
    expect(draft.text).toMatch(/model, res_id <- link first \{[^}]*"associations\.deals\.results\[\]\.id" => Deal/);
  });

  it("reads a semicolon-delimited Windows-1252 CSV export and guesses types and the key", async () => {
    const dir = join(work, "legacy");
    mkdirSync(dir, { recursive: true });
    const csv =
      "Kunden-Nr;Firma;E-Mail;Telefon;Umsatz;Gründung\r\n101;Müller GmbH;info@mueller.de;+49 30 1234567;1200.50;2001-05-01\r\n102;Bäcker AG;post@baecker.de;+49 40 7654321;99.90;1999-12-31\r\n";
    writeFileSync(join(dir, "companies.csv"), Buffer.from(csv, "latin1"));
    const draft = await proposeDraft({ exportDir: dir, system: "Legacy", catalog });
    expect(draft.text).toContain('encoding "windows-1252"');
    expect(draft.text).toContain('delimiter ";"');
    expect(draft.text).toContain('key "Kunden-Nr"');
    expect(draft.text).toMatch(/"E-Mail": +email/);
    expect(draft.text).toMatch(/"Gründung": +date/);
    expect(draft.text).toContain("is_company = true");
    expect(errorsOf(draft.text)).toEqual([]);
  });
});

// A small hand-written spec and an export that has drifted from it in every way --from handles.
const tinySpec = `# Tiny CRM → Odoo 17: written by hand; its comments and layout must survive.
mapping tiny -> odoo 17.0 "Tiny CRM"

source Contact "Contact" from csv "contacts.csv" {
  key "Record ID"
  columns {
    "Record ID": id       # the CRM's own id
    "Name":      text
    "Email":     email
    "Job Title": text
  }
}

# Deals come from the API, one page per file.
source Deal from hubspot "deals/*.json" {
  key "id"
  columns {
    "id":                  id
    "properties.dealname": text
    "properties.amount":   money
  }
}

map Contact -> res.partner {
  name <- "Name" required
  email <- "Email"
  function <- "Job Title"
}

map Deal -> crm.lead {
  type = "opportunity"
  name <- "properties.dealname" required
  expected_revenue <- "properties.amount"
}
`;

function writeTinyExport(dir: string): void {
  mkdirSync(join(dir, "deal"), { recursive: true });
  writeFileSync(
    join(dir, "contacts.csv"),
    "Contact ID,Name,E-mail,Tier,Account Region,Fax Number\r\n1,Ann Lee,ann@example.com,Gold,North,\r\n2,Bo Chen,bo@example.com,Silver,South,+1 555 0100\r\n",
  );
  const page = {
    results: [
      { id: "11", properties: { dealname: "Renewal", amount: "1200", hs_object_id: "11" } },
      { id: "12", properties: { dealname: "Upsell", amount: "300", hs_object_id: "12" } },
    ],
  };
  writeFileSync(join(dir, "deal", "page-1.json"), JSON.stringify(page, null, 2));
  const properties = {
    contacts: [
      { name: "name", label: "Name", type: "string", fieldType: "text", hubspotDefined: true },
      {
        name: "tier",
        label: "Tier",
        type: "enumeration",
        fieldType: "select",
        hubspotDefined: false,
        options: [
          { label: "Gold", value: "gold" },
          { label: "Silver", value: "silver" },
        ],
      },
      { name: "region", label: "Account Region", type: "string", fieldType: "text", hubspotDefined: false },
    ],
  };
  writeFileSync(join(dir, "properties.json"), JSON.stringify(properties, null, 2));
}

describe("adapting a spec to an export (--from)", () => {
  it("edits a spec's text where the export differs, keeps the rest, and reads the whole export", async () => {
    const dir = join(work, "tiny");
    writeTinyExport(dir);
    const adapted = await adaptSpec({ specText: tinySpec, specFile: "tiny.mapspec", exportDir: dir });
    expect(adapted.remaining).toEqual([]);
    expectBaseline(
      "propose/tiny.adapted.diff",
      unifiedDiff(tinySpec, adapted.text, "tiny.mapspec", "tiny.mapspec (proposed)"),
    );
    expect(adapted.text).toContain('"Record ID" or "Contact ID": id');
    expect(adapted.text).toContain('"Email" or "E-mail":');
    expect(adapted.text).toMatch(/"Job Title": text optional {2}# proposed: /);
    expect(adapted.text).toContain('from hubspot "deals/*.json" or "deal/*.json" {');
    expect(adapted.text).toContain('drop "Fax Number" because "proposed: not in the spec; review"');
    expect(adapted.text).toContain('custom properties from hubspot "properties.json" object "contacts"');
    expect(adapted.text).toContain('custom properties prefix "x_tiny_"');
    expectCommentsKept(tinySpec, adapted.text);
    await expectReadsWholeExport(adapted.text, dir);
    // the custom properties land in x_ fields of their own
    const survey = await surveyExport(compileSpec(adapted.text, "tiny.mapspec").plan, dir);
    expect(survey.discovered.map((d) => d.fields[0])).toEqual(["res.partner.x_tiny_tier", "res.partner.x_tiny_region"]);
  });

  it("adapts specs/smartdesk.mapspec to a SmartDesk export whose contacts.csv differs", async () => {
    const dir = join(work, "smartdesk");
    cpSync(join(root, "examples", "smartdesk"), dir, { recursive: true });
    const file = join(dir, "contacts.csv");
    const lines = readFileSync(file, "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    const header = parseCsvLine(lines[0]!);
    const jobTitle = header.indexOf("Job Title");
    const rewritten = lines.map((line, index) => {
      if (line === "") return line;
      const cells = parseCsvLine(line);
      cells.splice(jobTitle, 1);
      if (index === 0)
        return [...cells.map((c) => ({ "Record ID": "Contact ID", Email: "Email Address" })[c] ?? c), "Fax Number"]
          .map(csvCell)
          .join(",");
      return [...cells, index % 3 === 0 ? "+49 30 1234567" : ""].map(csvCell).join(",");
    });
    writeFileSync(file, `\uFEFF${rewritten.join("\r\n")}`);
    const specText = readFileSync(join(root, "specs", "smartdesk.mapspec"), "utf8");
    const adapted = await adaptSpec({ specText, specFile: "specs/smartdesk.mapspec", exportDir: dir });
    expect(adapted.remaining).toEqual([]);
    expect(adapted.text).toMatch(/"Record ID" or "Contact ID"/);
    // a qualified label whose values are e-mail addresses: the same column, never a drop
    expect(adapted.text).toMatch(/"Email" or "Email Address"/);
    expect(adapted.text).toContain('drop "Fax Number" because "proposed: not in the spec; review"');
    expectCommentsKept(specText, adapted.text);
    await expectReadsWholeExport(adapted.text, dir);
  });

  it("adapts specs/opex365.mapspec to an OPEX 365 export whose accounts/ folder is account/", async () => {
    const dir = join(work, "opex365");
    cpSync(join(root, "examples", "opex365"), dir, { recursive: true });
    renameSync(join(dir, "accounts"), join(dir, "account"));
    const specText = readFileSync(join(root, "specs", "opex365.mapspec"), "utf8");
    const adapted = await adaptSpec({ specText, specFile: "specs/opex365.mapspec", exportDir: dir });
    expect(adapted.remaining).toEqual([]);
    expectCommentsKept(specText, adapted.text);
    await expectReadsWholeExport(adapted.text, dir);
    // the same spec without its alternative paths: propose finds the folder
    const bare = specText.replace(/^(source Account\b.*? from odata "accounts\/\*\.json")(?: or "[^"]*")*/m, "$1");
    expect(bare).toMatch(/^source Account\b.* from odata "accounts\/\*\.json" \{/m);
    const found = await adaptSpec({ specText: bare, specFile: "specs/opex365.mapspec", exportDir: dir });
    expect(found.text).toMatch(
      /^source Account\b.* from odata "accounts\/\*\.json" or "account\/\*\.json" \{ {2}# proposed: "accounts\/\*\.json" finds no file/m,
    );
    await expectReadsWholeExport(found.text, dir);
  });

  it("refuses a spec with errors", async () => {
    await expect(
      adaptSpec({
        specText: 'mapping t -> odoo 17.0\nmap X -> res.partner { name <- "n" }\n',
        specFile: "bad.mapspec",
        exportDir: join(work, "tiny"),
      }),
    ).rejects.toThrow(/has \d+ errors?/);
  });
});

describe("mapc propose", () => {
  it("writes a draft and its report, and adapts a spec with --from --diff", async () => {
    const dir = join(work, "cli");
    writeTinyExport(dir);
    const out = join(work, "cli.mapspec");
    const draft = await runCli(["propose", "--source", dir, "--system", "Tiny", "--out", out], env);
    expect(draft.stderr).toContain("mapc propose:");
    expect(draft.stderr).toMatch(/Contact: contacts\.csv \(csv, 2 rows\) → res\.partner/);
    expect(draft.exitCode).toBe(0);
    expect(errorsOf(readFileSync(out, "utf8"))).toEqual([]);
    const spec = join(work, "tiny.mapspec");
    writeFileSync(spec, tinySpec);
    const diff = await runCli(["propose", "--source", dir, "--from", spec, "--diff"], env);
    expect(diff.exitCode).toBe(0);
    expect(diff.stdout).toMatch(/^\+ {2}drop "Fax Number" because "proposed: not in the spec; review"/m);
  });

  it("has help, and exits 2 on wrong usage", async () => {
    const help = await runCli(["propose", "--help"], env);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("mapc propose --source EXPORT --system NAME");
    expect((await runCli(["propose", "--system", "x"], env)).exitCode).toBe(2);
    expect((await runCli(["propose", "--source", join(work, "nowhere"), "--system", "x"], env)).exitCode).toBe(2);
    expect((await runCli(["propose", "--source", join(work, "tiny")], env)).exitCode).toBe(2);
    expect(
      (await runCli(["propose", "--source", join(work, "tiny"), "--system", "x", "--target", "9.0"], env)).exitCode,
    ).toBe(2);
  });
});

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
