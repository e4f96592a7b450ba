// The language must say what every seed page describes: one spec per source CRM, each covering every
// object row of its page, compiles without errors against the Odoo 17 catalog and is in canonical form.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileSpec, validatePlan } from "../../compiler/index.js";
import { formatSpec } from "../../grammar/index.js";

const specs = ["smartdesk", "opex365", "leadforce", "concord", "sage"].map((system) => ({
  name: `specs/${system}.mapspec`,
  url: new URL(`../../specs/${system}.mapspec`, import.meta.url),
}));

describe("a spec per source CRM", () => {
  it("covers all five sources", () => {
    expect(specs.map((s) => s.name).sort()).toEqual([
      "specs/concord.mapspec",
      "specs/leadforce.mapspec",
      "specs/opex365.mapspec",
      "specs/sage.mapspec",
      "specs/smartdesk.mapspec",
    ]);
  });

  it.each(specs)("$name checks without errors, is canonical and plans a valid plan", ({ name, url }) => {
    const text = readFileSync(url, "utf8");
    const result = compileSpec(text, name);
    expect(
      result.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`),
    ).toEqual([]);
    expect(formatSpec(result.spec)).toBe(text);
    expect(validatePlan(result.plan)).toEqual([]);
  });
});
