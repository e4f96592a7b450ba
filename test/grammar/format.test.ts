import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatSpec, parseSpec, type Spec } from "../../grammar/index.js";

const smartdesk = readFileSync(new URL("../../specs/smartdesk.mapspec", import.meta.url), "utf8");

/** The tree without positions, comments or file name: what a round trip must keep. */
function shape(spec: Spec): unknown {
  return JSON.parse(
    JSON.stringify({ header: spec.header, declarations: spec.declarations }, (key, value: unknown) =>
      key === "range" || key === "columnsRange" ? undefined : value,
    ),
  );
}

function roundTrip(text: string): { first: string; second: string; before: Spec; after: Spec } {
  const before = parseSpec(text, "a.mapspec");
  expect(before.diagnostics).toEqual([]);
  const first = formatSpec(before.spec);
  const after = parseSpec(first, "a.mapspec");
  expect(after.diagnostics).toEqual([]);
  return { first, second: formatSpec(after.spec), before: before.spec, after: after.spec };
}

const messy = `# leading comment
mapping   demo->odoo 17.0
source  Ticket "Help Desk Ticket"   from csv "tickets.csv"{key "Ticket ID"   delimiter ";"
  skip when "Status"=="deleted" because "deleted"   # trailing
  columns{"Ticket ID":id "Subject":text "Body":html "Tags":list "When": datetime}}
values Priority{"1"=>"0" "2"=>"1" "3" => "2"
  else=>"0"}
lookup Owner in odoo res.users by login on missing placeholder { name = "Unknown \\"owner\\"", active = false }


map Ticket->crm.lead 1:many lossy unless helpdesk where not ("Status" in ("spam","test") or "Subject" is empty) {
  each "Tags"|split ";"   # one lead per tag
  type="lead"  name<-("Subject","Ticket ID")|format "{1} (#{2})" required
  priority <- "Ticket ID" | map Priority when installed crm
  description<-"Body"
  date_deadline <- "When" | date
  model, res_id <- link "Kind", "Ref" { "a" => Ticket } on missing queue "x"
  lost "SLA timers" because "no Odoo field: 日本語 ✓ \\u{1F600}"
  drop "Tags" because "tags become separate leads"
  note "ünïcödé"
}
order Ticket
# closing comment
`;

describe("formatter", () => {
  it("keeps the tree, comments and Unicode through a round trip, and is idempotent", () => {
    const { first, second, before, after } = roundTrip(messy);
    expect(shape(after)).toEqual(shape(before));
    expect(second).toBe(first);
    for (const comment of ["# leading comment", "# trailing", "# one lead per tag", "# closing comment"])
      expect(first).toContain(comment);
    expect(first).toContain("日本語 ✓ 😀");
    expect(first).toContain('name = "Unknown \\"owner\\""');
  });

  it("leaves the committed SmartDesk spec as it is (it is in canonical form)", () => {
    const { first } = roundTrip(smartdesk);
    expect(first).toBe(smartdesk);
  });

  it("prints the messy spec in the canonical layout", () => {
    const { first } = roundTrip(messy);
    expect(first.split("\n").slice(0, 8)).toEqual([
      "# leading comment",
      "mapping demo -> odoo 17.0",
      "",
      'source Ticket "Help Desk Ticket" from csv "tickets.csv" {',
      '  key "Ticket ID"',
      '  delimiter ";"',
      '  skip when "Status" == "deleted" because "deleted"  # trailing',
      "  columns {",
    ]);
  });
});

describe("canonical layout of new syntax", () => {
  it("writes `+=` and an Odoo lookup's `take`, and keeps columns aligned past an overlong filtered name", () => {
    const long =
      "guests[guestable_type=contacts,App\\\\Models\\\\Contact,Modules\\\\Contacts\\\\Models\\\\Contact].guestable_id";
    const text = [
      "mapping x -> odoo 17.0",
      'source A from json "a.json" {',
      '  key "id"',
      "  columns {",
      '    "id": id',
      '    "contacts": list',
      `    "${long}": list`,
      "  }",
      "}",
      "lookup UP in odoo res.users by login take partner_id on missing empty",
      "map A -> calendar.event {",
      '  partner_ids <- "contacts" | lookup UP',
      `  partner_ids += "${long}" | lookup UP`,
      "}",
      "",
    ].join("\n");
    const { first, second } = roundTrip(text);
    expect(second).toBe(first);
    expect(first.split("\n")).toEqual(
      expect.arrayContaining([
        '    "id":       id',
        '    "contacts": list',
        `    "${long}": list`,
        "lookup UP in odoo res.users by login take partner_id on missing empty",
        `  partner_ids += "${long}" | lookup UP`,
      ]),
    );
  });
});

describe("string escapes", () => {
  it.each([
    ['"a\\"b"', 'a"b'],
    ['"tab\\there"', "tab\there"],
    ['"\\u00e9"', "é"],
    ['"\\u{1F600}"', "😀"],
    ['"naïve 株式会社"', "naïve 株式会社"],
  ])("%s reads as %s", (literal, value) => {
    const { spec, diagnostics } = parseSpec(`mapping x -> odoo 17.0 ${literal}\n`, "x");
    expect(diagnostics).toEqual([]);
    expect(spec.header.title?.value).toBe(value);
  });
});
