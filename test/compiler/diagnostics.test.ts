import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { diagnosticCases } from "./diagnostic-cases.js";

describe("diagnostics table", () => {
  it.each(diagnosticCases)("$name", ({ spec, expected, coverage, hint }) => {
    const result = compileSpec(spec, "case.mapspec");
    const shown = result.diagnostics.filter((d) => coverage || d.code !== "MC2019");
    expect(shown.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(expected);
    if (hint) expect(shown[0]?.hint ?? "").toContain(hint);
  });

  it("covers at least 30 distinct codes", () => {
    const codes = new Set(diagnosticCases.flatMap((c) => c.expected.map((e) => e.split(" ")[1])));
    expect(codes.size).toBeGreaterThanOrEqual(30);
  });
});
