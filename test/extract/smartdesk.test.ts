// Every source of the SmartDesk spec, read from the sample export: the counts its README states.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import type { PlanSource } from "../../plan/types.js";
import { checkSourceHeader, readSource, type SourceProblem, type SourceRecord } from "../../runtime/extract/index.js";

const specPath = new URL("../../specs/smartdesk.mapspec", import.meta.url);
const exportDir = new URL("../../examples/smartdesk/", import.meta.url).pathname;
const { plan } = compileSpec(readFileSync(specPath, "utf8"), "specs/smartdesk.mapspec");
const pipelines = JSON.parse(readFileSync(`${exportDir}pipelines.json`, "utf8")) as {
  results: Array<{ stages: unknown[] }>;
};

// the record counts of examples/smartdesk/README.md
const expected: Record<string, number> = {
  Owner: 6,
  Pipeline: 3,
  Stage: pipelines.results.reduce((sum, pipeline) => sum + pipeline.stages.length, 0),
  Company: 30,
  Contact: 50,
  Lead: 20,
  Deal: 36,
  Ticket: 24,
  Call: 36,
  Email: 24,
  Meeting: 20,
  Note: 25,
  Task: 24,
  Campaign: 20,
  Template: 6,
  Article: 20,
  Attachment: 6,
  Workflow: 6,
};

function source(name: string): PlanSource {
  const found = plan.sources.find((s) => s.name === name);
  if (!found) throw new Error(`no source ${name} in the plan`);
  return found;
}

async function readAll(s: PlanSource): Promise<{ records: SourceRecord[]; warnings: SourceProblem[] }> {
  const records: SourceRecord[] = [];
  const warnings: SourceProblem[] = [];
  for await (const record of readSource(s, exportDir, { onProblem: (p) => warnings.push(p) })) records.push(record);
  return { records, warnings };
}

describe("the SmartDesk sample export", () => {
  it("declares every source the test expects", () => {
    expect(plan.sources.map((s) => s.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))(
    "%s yields %i rows with no header errors and no problem rows",
    async (name, count) => {
      const s = source(name);
      const headerProblems = await checkSourceHeader(s, exportDir);
      expect(headerProblems.filter((p) => p.severity === "error")).toEqual([]);
      const { records, warnings } = await readAll(s);
      expect(records).toHaveLength(count);
      expect(records.filter((r) => r.problem)).toEqual([]);
      expect(warnings.filter((p) => p.code !== "MR3002")).toEqual([]);
      for (const record of records) expect(Object.keys(record.row).sort()).toEqual(s.columns.map((c) => c.name).sort());
    },
  );

  it("reads nested stages with their pipeline's id and label", async () => {
    const { records } = await readAll(source("Stage"));
    const contractSent = records.filter((r) => r.row["label"] === "Contract Sent");
    expect(contractSent.map((r) => r.row["../id"])).toEqual(["default", expect.any(String)]);
    expect(contractSent[1]!.row["../label"]).toBe("Renewals");
    expect(typeof records[0]!.row["displayOrder"]).toBe("number");
    expect(records[0]!.row["metadata.probability"]).toBe("0.2");
  });

  it("collects note associations into arrays and reads both pages", async () => {
    const { records } = await readAll(source("Note"));
    const note = records.find((r) => r.row["id"] === "14101")!;
    expect(note.row["associations.contacts.results[].id"]).toEqual(["6102"]);
    expect(note.row["associations.deals.results[].id"]).toBeNull();
    expect(new Set(records.map((r) => r.location.file))).toEqual(new Set(["engagements/notes-1.json"]));
  });

  it("keeps the multi-line street address cell and points at the line where the row starts", async () => {
    const { records } = await readAll(source("Company"));
    expect(records[0]!.location).toEqual({ file: "companies.csv", row: 1, line: 2 });
    const lines = records.map((r) => r.location.line!);
    const jump = lines.findIndex((line, i) => i > 0 && line - lines[i - 1]! === 2);
    expect(jump).toBeGreaterThan(0);
  });
});
