import { describe, expect, it } from "vitest";
import { comparableCell, readCell } from "../../runtime/load/cells.js";

// What verify compares: a staged cell and the value Odoo 17 hands back must read the same when they are.
describe("comparableCell", () => {
  it.each([
    {
      name: "an Outlook e-mail as Odoo's sanitizer keeps it (no head, style or entities)",
      type: "html",
      staged:
        "<html><head><style>p{margin:0}</style></head><body><!-- x --><p>Gr&uuml;&szlig;e &middot; 5&nbsp;&euro;</p></body></html>",
      odoo: "<p>Grüße · 5\u00a0€</p>",
    },
    { name: "a float with binary noise", type: "float", staged: "18.9", odoo: "18.900000000000002" },
    { name: "an empty amount, which Odoo reads back as 0", type: "monetary", staged: "", odoo: "0" },
    { name: "many2many ids in any order", type: "many2many", staged: "3,1,2", odoo: "1,2,3" },
  ])("$name", ({ type, staged, odoo }) => {
    expect(comparableCell({ type }, staged)).toBe(comparableCell({ type }, odoo));
  });

  it.each([
    { name: "different text", type: "html", staged: "<p>Hello</p>", odoo: "<p>Hallo</p>" },
    { name: "a float that really differs", type: "float", staged: "18.9", odoo: "18.91" },
  ])("tells apart $name", ({ type, staged, odoo }) => {
    expect(comparableCell({ type }, staged)).not.toBe(comparableCell({ type }, odoo));
  });
});

describe("an HTML value read back from Odoo", () => {
  it("keeps an escaped angle bracket as text, as it was staged", () => {
    const staged = "<p>valores &lt;sem IVA&gt; &mdash; fim</p>";
    const odoo = "<p>valores &lt;sem IVA&gt; — fim</p>";
    const info = { type: "html" };
    expect(comparableCell(info, readCell(info, odoo))).toBe("valores <sem IVA> — fim");
    expect(comparableCell(info, readCell(info, odoo))).toBe(comparableCell(info, staged));
  });
});
