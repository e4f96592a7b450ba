import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateTypeScript } from "../../compiler/build/index.js";
import { compileSpec, emitTypeScript, SpecStage, validatePlan } from "../../compiler/index.js";
import { expectBaseline } from "../support/baseline.js";

const text = readFileSync(new URL("../../specs/smartdesk.mapspec", import.meta.url), "utf8");

describe("the SmartDesk plan", () => {
  const result = compileSpec(text, "specs/smartdesk.mapspec");

  it("checks clean", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("is valid against the published schema", () => {
    expect(validatePlan(result.plan)).toEqual([]);
  });

  it("defers the company hierarchy and a message's files to a second pass and loads in reference order", () => {
    expect(result.plan.loadOrder.deferred).toEqual([
      { mapping: "Company", field: "x_smartdesk_parent_company_id", reason: "self-reference", after: "Company" },
      { mapping: "Call", field: "attachment_ids", reason: "forward-reference", after: "Attachment" },
      { mapping: "Email", field: "attachment_ids", reason: "forward-reference", after: "Attachment" },
      { mapping: "Note", field: "attachment_ids", reason: "forward-reference", after: "Attachment" },
    ]);
    const phases = result.plan.loadOrder.phases;
    const before = (a: string, b: string) =>
      expect(phases.indexOf(a), `${a} before ${b}`).toBeLessThan(phases.indexOf(b));
    before("Pipeline", "Stage");
    before("Company", "Contact");
    before("Contact", "Deal");
    for (const activity of ["Call", "Email", "Meeting", "Note", "Task", "DoneTask"]) before("Deal", activity);
    for (const linked of ["Email", "Note", "Call", "Task", "TicketLead"]) before(linked, "Attachment");
  });

  it("matches its baseline", () => {
    expectBaseline("plans/smartdesk.plan.json", `${JSON.stringify(result.plan, null, 2)}\n`);
  });

  // Its customer documents are the committed docs/smartdesk/, checked by test/docs/committed.test.ts.
  it("generates the TypeScript of the baseline", () => {
    expectBaseline("build/smartdesk.plan.ts", generateTypeScript(result.plan, { runtimeImport: "mapc/runtime" }));
  });
});

describe("schema validation", () => {
  it("refuses a plan of another version or shape, naming the place", () => {
    const plan = structuredClone(compileSpec(text, "specs/smartdesk.mapspec").plan) as unknown as Record<
      string,
      unknown
    >;
    plan["planVersion"] = 2;
    (plan["target"] as Record<string, unknown>)["externalIdModule"] = "Bad Module";
    const problems = validatePlan(plan);
    expect(problems.some((p) => p.startsWith("/planVersion"))).toBe(true);
    expect(problems.some((p) => p.startsWith("/target/externalIdModule"))).toBe(true);
  });
});

describe("the stage a spec reaches", () => {
  const header = "mapping t -> odoo 17.0\n";
  const source = 'source Deal from csv "deals.csv" {\n  key "id"\n  columns { "id": id  "name": text }\n}\n';
  it.each([
    { case: "a syntax error stops it at Parsed", text: `${header}source Deal from csv {`, stage: SpecStage.Parsed },
    {
      case: "a name declared twice stops it at Resolved",
      text: `${header}${source}${source}`,
      stage: SpecStage.Resolved,
    },
    {
      case: "a field Odoo 17 lacks stops it at Checked",
      text: `${header}${source}map Deal -> crm.lead {\n  name <- "name"\n  planned_revenue <- "name"\n}\n`,
      stage: SpecStage.Checked,
    },
    { case: "a clean spec is Planned", text, stage: SpecStage.Planned },
  ])("$case", ({ text, stage }) => {
    expect(compileSpec(text, "t.mapspec").stage).toBe(stage);
  });

  it("emitting code takes a Planned spec to Emitted", () => {
    const planned = compileSpec(text, "t.mapspec");
    const emitted = emitTypeScript(planned, planned.plan);
    expect(emitted.stage).toBe(SpecStage.Emitted);
    expect(emitted.code).toContain("export");
  });

  it("emitting code refuses a spec that stopped before Planned", () => {
    const broken = `${header}${source}map Deal -> crm.lead {\n  name <- "name"\n  planned_revenue <- "name"\n}\n`;
    const checked = compileSpec(broken, "t.mapspec");
    expect(() => emitTypeScript(checked, checked.plan)).toThrow(/stopped at stage checked/);
  });
});
