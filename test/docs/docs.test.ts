import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { markdownCell, markdownCode, renderDocs, SECTIONS } from "../../compiler/docs/index.js";
import type { TransformPlan } from "../../plan/types.js";
import { validatePlan } from "../../plan/validate.js";
import { expectBaseline } from "../support/baseline.js";

function smallPlan(): TransformPlan {
  const text = readFileSync(new URL("../fixtures/plans/docs-small.plan.json", import.meta.url), "utf8");
  return JSON.parse(text) as TransformPlan;
}

/** The positions of `needles` in `haystack`, failing on any that is missing. */
function positions(haystack: string, needles: string[]): number[] {
  return needles.map((needle) => {
    const at = haystack.indexOf(needle);
    expect(at, `missing: ${needle}`).toBeGreaterThanOrEqual(0);
    return at;
  });
}

/** Cells of a Markdown table row: split on pipes that are not escaped. */
function cellsOf(row: string): string[] {
  return row.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "").split(/(?<!\\)\|/);
}

/** Every Markdown table (consecutive lines starting with `|`) as its rows. */
function markdownTables(markdown: string): string[][] {
  const tables: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split("\n")) {
    if (line.startsWith("|")) current.push(line);
    else if (current.length > 0) {
      tables.push(current);
      current = [];
    }
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

describe("the docs-small fixture", () => {
  it("is a valid TransformPlan", () => {
    expect(validatePlan(smallPlan())).toEqual([]);
  });
});

describe("renderDocs", () => {
  const docs = renderDocs(smallPlan());

  it("has the sections in order in Markdown", () => {
    const headings = SECTIONS.map((section, i) => `\n## ${i + 1}. ${section.title}\n`);
    const at = positions(docs.markdown, headings);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(SECTIONS.map((s) => s.id)).toEqual([
      "overview",
      "objects",
      "fields",
      "value-maps",
      "lossy",
      "custom-fields",
      "lookups",
      "load-order",
      "workflows",
      "coverage",
    ]);
  });

  it("has the sections in order in HTML, each reachable from the table of contents", () => {
    const headings = SECTIONS.map((section, i) => `<h2><span class="num">${i + 1}.</span> ${section.title}</h2>`);
    const at = positions(docs.html, headings);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const section of SECTIONS) {
      expect(docs.html).toContain(`<a href="#${section.id}">`);
      expect(docs.html).toContain(`<section id="${section.id}">`);
    }
  });

  it("is one self-contained HTML file", () => {
    expect(docs.html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(docs.html).toContain("<style>");
    expect(docs.html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
    expect(docs.html).not.toMatch(/https?:\/\//);
  });

  it("is deterministic and prints a date only when given one", () => {
    const again = renderDocs(smallPlan());
    expect(again.markdown).toBe(docs.markdown);
    expect(again.html).toBe(docs.html);
    expect(docs.markdown).not.toMatch(/Generated \d/);

    const dated = renderDocs(smallPlan(), { generatedAt: "2025-03-01" });
    expect(dated.markdown).toContain("Generated 2025-03-01.");
    expect(dated.html).toContain("Generated 2025-03-01.");
  });

  it("renders the object table in the seeds' shape", () => {
    expect(docs.markdown).toContain("| SmartDesk object | Odoo model | Cardinality | Compatibility |");
    expect(docs.markdown).toContain("| Contact | Contact (`res.partner`) | 1:1, lossy | Fully supported |");
    expect(docs.markdown).toContain(
      '| Help Desk Ticket | Lead/Opportunity (`crm.lead`) | 1:1 | Fallback: Helpdesk is an Odoo Enterprise app: without it, tickets land as leads tagged "ticket", with priority and status kept on the lead.<br>Used only when the helpdesk app is not installed. |',
    );
    expect(docs.markdown).toContain("| Help Desk Ticket (as `TicketComment`) | Message (`mail.message`) | 1:many |");
    expect(docs.markdown).toMatch(/\| Ticket escalation rule \| .* \| documentation only \| Documentation only \(workflow\)/);
    expect(docs.markdown).toMatch(/\| Weekly pipeline report \| .* \| documentation only \| Documentation only \(report\)/);
  });

  it("says a fallback's guard and names the app an optional map needs", () => {
    const plan = smallPlan();
    const ticket = plan.mappings.find((m) => m.id === "Ticket");
    if (!ticket) throw new Error("fixture has no Ticket mapping");
    ticket.compatibility = "optional-app";
    ticket.guard = { kind: "requires", module: "helpdesk" };
    expect(renderDocs(plan).markdown).toContain("| 1:1 | Needs the helpdesk app |");
  });

  it("renders transforms, conditions and second passes readably", () => {
    const md = docs.markdown;
    expect(md).toContain("| `Email` | `email` (char) | trim → lower | only when Email is not empty and Lifecycle stage is not one of \"Bounced\", \"Spam\" |");
    expect(md).toContain("| constant | `type` (selection) | = \"lead\" |");
    expect(md).toContain("ref Contact (on missing: placeholder)");
    expect(md).toContain("trim → value map tier_map");
    expect(md).toContain(
      "| `Related type`, `Related ID` | `model` (char) + `res_id` (many2one_reference) | model + id from Related type, Related ID: ticket → Ticket, contact → Contact (on missing: queue) | required |",
    );
    expect(md).toContain("second pass: points at records of the same phase");
    expect(md).toContain("second pass: declared deferred: points at a later phase, written once phase Ticket has landed");
    expect(md).toContain("- Used only when the helpdesk app is not installed.");
    expect(md).toContain("- Records with the same Company Domain Name (url) become one; the first one wins.");
    expect(md).toContain("- One record per item of Comments (json).");
    expect(md).toContain("- Only records where Archived is not true.");
  });

  it("states every on-miss policy of the lookups", () => {
    const md = docs.markdown;
    expect(md).toContain("| `owner` | Odoo | `res.users` | field login | queue for reconciliation: the owner has no Odoo user yet |");
    expect(md).toContain('create a placeholder {name: "Unclassified", full_name: "Unclassified (SmartDesk)"}');
    expect(md).toContain("| default base.be (external id) |");
    expect(md).toContain("| `sla` | Odoo | `x_smartdesk_sla` | field x_name | leave empty |");
    expect(md).toContain("| `company_by_domain` | staged | `res.partner` | field website | fail the record |");
    expect(md).toContain("| `requester` | source: Contact | `res.partner` | Email → lower |");
    expect(md).toContain("| `Contact` | `parent_id` | ref Company | `res.partner` | queue for reconciliation: the company is not migrated |");
  });

  it("lists custom models first in the custom-field manifest", () => {
    const at = positions(docs.markdown, [
      "| `x_smartdesk_sla` | `x_name` | char | Name |",
      "| `x_smartdesk_sla` | `x_hours` |",
      "| `res.partner` | `x_smartdesk_tier` | selection | SmartDesk tier |  | gold: Gold<br>silver: Silver<br>bronze: Bronze | no |",
      "| `crm.lead` | `x_sla_id` | many2one | SLA policy | `x_smartdesk_sla` |",
    ]);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(docs.markdown).toContain("Settings › Technical › Fields");
    expect(docs.markdown).toContain("`mapc apply-schema`");
  });

  it("registers every drop and loss, the load order and the coverage", () => {
    const md = docs.markdown;
    expect(md).toContain("| Contact | `Contact` | `Email opens` | tracking counts have no Odoo field |");
    expect(md).toContain("| Contact | `Contact` | e-mail open and click history | Odoo stores no tracking metadata |");
    expect(md).toContain("1. `Company`: Account (Company) → `res.partner` (Contact)\n2. `Contact`:");
    expect(md).toContain("| `Contact` | `x_last_ticket_id` | Declared deferred: points at a later phase, written once phase Ticket has landed");
    expect(md).toContain("| Account (Company) | 9 | 8 | 0 | `Number of Employees` | 88.9 % |");
    expect(md).toContain("| Contact | 10 | 8 | 2 | none | 100.0 % |");
  });

  it("matches the baselines", () => {
    expectBaseline("docs/docs-small.md", docs.markdown);
    expectBaseline("docs/docs-small.html", docs.html);
  });
});

describe("escaping text that comes from specs and data", () => {
  const HOSTILE = '<script>alert(1)</script> "quotes" &amp; Ольга | 株式会社\nsecond line';

  function hostilePlan(): TransformPlan {
    const plan = smallPlan();
    plan.spec.title = HOSTILE;
    plan.spec.system = `SmartDesk ${HOSTILE}`;
    for (const source of plan.sources) source.label = `${source.label} ${HOSTILE}`;
    for (const mapping of plan.mappings) {
      mapping.modelLabel = HOSTILE;
      mapping.notes = [HOSTILE];
      for (const drop of mapping.drops) drop.reason = HOSTILE;
      for (const loss of mapping.losses) {
        loss.what = HOSTILE;
        loss.reason = HOSTILE;
      }
    }
    for (const valueMap of plan.valueMaps) {
      for (const entry of valueMap.entries) {
        entry.from = HOSTILE;
        entry.to = HOSTILE;
      }
    }
    for (const field of plan.customFields) {
      field.label = HOSTILE;
      if (field.selection) field.selection = field.selection.map(([value]) => [value, HOSTILE]);
    }
    for (const model of plan.customModels) model.label = HOSTILE;
    for (const lookup of plan.lookups) if (lookup.onMissing.kind === "queue") lookup.onMissing.reason = HOSTILE;
    for (const row of plan.documentation) {
      row.label = HOSTILE;
      row.odoo = HOSTILE;
      row.notes = [HOSTILE];
    }
    return plan;
  }

  const docs = renderDocs(hostilePlan());

  it("never lets markup through into the HTML", () => {
    expect(docs.html).not.toMatch(/<script/i);
    expect(docs.html).not.toContain("<\/script>");
    expect(docs.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp;amp; Ольга | 株式会社");
    expect(docs.html).toContain("<title>&lt;script&gt;");
  });

  it("keeps Markdown cells in their table and markup out of the Markdown", () => {
    expect(docs.markdown).not.toMatch(/<script/i);
    expect(docs.markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt; "quotes" &amp;amp; Ольга \\| 株式会社<br>second line');
    // A line break inside a cell never reaches the file as a line break.
    expect(docs.markdown.split("\n").filter((line) => line.startsWith("second line"))).toEqual([]);
    const tables = markdownTables(docs.markdown);
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      const width = cellsOf(table[0] ?? "").length;
      for (const row of table) expect(cellsOf(row), row).toHaveLength(width);
    }
  });

  it("never prints templates' data with triple braces", () => {
    for (const format of ["html", "markdown"]) {
      const folder = new URL(`../../compiler/docs/templates/${format}/`, import.meta.url);
      for (const file of readdirSync(folder)) {
        expect(readFileSync(new URL(file, folder), "utf8"), `${format}/${file}`).not.toContain("{{{");
      }
    }
  });
});

describe("Markdown escaping", () => {
  it.each([
    ["a|b", "a\\|b"],
    ["one\ntwo\r\nthree", "one<br>two<br>three"],
    ["<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"],
    ["x_customer_tier", "x_customer_tier"],
    ["_em_ and *strong*", "\\_em\\_ and \\*strong\\*"],
    ["[link](http://x)", "\\[link\\](http://x)"],
    ["# not a heading", "\\# not a heading"],
    ["- not a list", "\\- not a list"],
    ["1. not a list", "1\\. not a list"],
    ["17.0", "17.0"],
    ["back\\slash `tick`", "back\\\\slash \\`tick\\`"],
    ["Ольга 株式会社", "Ольга 株式会社"],
  ])("cell %j", (text, expected) => {
    expect(markdownCell(text)).toBe(expected);
  });

  it.each([
    ["res.partner", "`res.partner`"],
    ["a|b", "`a\\|b`"],
    ["x`y", "``x`y``"],
    ["`edge`", "`` `edge` ``"],
    ["two\nlines", "`two lines`"],
    ["", ""],
  ])("code %j", (text, expected) => {
    expect(markdownCode(text)).toBe(expected);
  });
});

describe("the workflow inventory and the custom properties", () => {
  it("lists the items an export holds for a documentation row, and says how many more there are", () => {
    const docs = renderDocs(smallPlan(), { inventory: { ticket_escalation: { columns: ["Priority", "Status"], items: [["High", "Open | waiting"], ["Low", "Closed"]], more: 3 } } });
    expect(docs.markdown).toContain("| Priority | Status |\n| --- | --- |\n| High | Open \\| waiting |\n| Low | Closed |\n\n…and 3 more in the export.");
    expect(docs.html).toContain("<tr><td>High</td><td>Open | waiting</td></tr>");
    // without an export, only the columns it would show
    expect(renderDocs(smallPlan()).markdown).not.toContain("the items in the export");
  });

  it("lists each column marked custom with the Odoo field it lands in, or why it does not migrate", () => {
    const plan = smallPlan();
    const company = plan.sources.find((s) => s.name === "Company")!;
    company.columns = company.columns.map((c) => (["Tier", "Parent Company Domain", "Record ID"].includes(c.name) ? { ...c, custom: true as const } : c));
    const contact = plan.sources.find((s) => s.name === "Contact")!;
    contact.columns = contact.columns.map((c) => (c.name === "Email opens" ? { ...c, custom: true as const } : c));
    const md = renderDocs(plan).markdown;
    expect(md).toMatch(/\| Email opens \| \w+ \|  \| not migrated: tracking counts have no Odoo field \|/);
    expect(md).toContain("| Account (Company) | Record ID | id |  | the records' external ids (it is the key) |");
    expect(md).toContain("| Account (Company) | Tier | text | `res.partner.x_smartdesk_tier` | custom field (create it: see below) |");
    expect(md).toContain("| Account (Company) | Parent Company Domain | url | `res.partner.parent_id` | standard Odoo field |");
  });
});
