// The compiler's real SmartDesk plan over the SmartDesk sample export: executor and generated code agree
// on every CSV row, and no row breaks the executor (every row is staged, skipped or rejected with a reason).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { generateTypeScript } from "../../compiler/build/index.js";
import type { TransformPlan } from "../../compiler/plan/types.js";
import { transformRecord, type RecordOutcome, type SourceRow, type TransformContext } from "../../runtime/index.js";

const plan = JSON.parse(readFileSync(new URL("../baselines/plans/smartdesk.plan.json", import.meta.url), "utf8")) as TransformPlan;
const EXPORT = new URL("../../examples/smartdesk/", import.meta.url);
const GENERATED_DIR = fileURLToPath(new URL("../.generated/", import.meta.url));

function csvRows(path: string): SourceRow[] {
  const text = readFileSync(new URL(path, EXPORT), "utf8");
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as SourceRow[];
}

const csvSources = plan.sources.filter((source) => source.format === "csv");
const samples = csvSources.flatMap((source) =>
  csvRows(source.path).map((row, index) => ({ name: `${source.name} row ${index + 1}`, source: source.name, row })),
);

describe("the SmartDesk plan over the sample export", () => {
  let generated: { transformRecord(source: string, row: SourceRow, context: TransformContext): RecordOutcome };
  beforeAll(async () => {
    mkdirSync(GENERATED_DIR, { recursive: true });
    const file = `${GENERATED_DIR}smartdesk.plan.ts`;
    writeFileSync(file, generateTypeScript(plan, { runtimeImport: "mapc/runtime" }));
    generated = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as typeof generated;
  });

  it("reads rows of every CSV source", () => {
    expect(csvSources.length).toBeGreaterThan(0);
    for (const source of csvSources) expect(samples.some((sample) => sample.source === source.name), source.name).toBe(true);
  });

  it.each(samples.map((sample) => [sample.name, sample] as const))("%s: same outcome from executor and generated code", (_name, sample) => {
    const outcome = transformRecord(plan, sample.source, sample.row, {});
    expect(generated.transformRecord(sample.source, sample.row, {})).toEqual(outcome);
    if (outcome.status === "rejected") expect(outcome.reason.length).toBeGreaterThan(0);
  });

  it("stages most rows", () => {
    const staged = samples.filter((sample) => transformRecord(plan, sample.source, sample.row, {}).status === "staged");
    expect(staged.length).toBeGreaterThan(samples.length / 2);
  });
});
