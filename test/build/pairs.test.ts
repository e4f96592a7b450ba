// Each bundled spec over its sample export: the code `mapc build` generates gives the executor's outcome
// on every row of every source, whatever the format (CSV, JSON, HubSpot or OData pages), and no row
// breaks the executor (every row is staged, skipped or rejected with a reason).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateTypeScript } from "../../compiler/build/index.js";
import { compileSpec } from "../../compiler/index.js";
import { readSource } from "../../runtime/extract/index.js";
import { transformRecord, type RecordOutcome, type SourceRow, type TransformContext } from "../../runtime/index.js";
import { readAheadLookups } from "../../runtime/stage/read-ahead.js";
import { surveyExport } from "../../runtime/survey/index.js";
import { generateOpex365Export } from "../../examples/generators/opex365.js";
import { generateSmartDeskExport } from "../../examples/generators/smartdesk.js";

const GENERATED_DIR = fileURLToPath(new URL("../.generated/", import.meta.url));

// The sample, and an export of every variant at once, built for that export (`mapc build --source`): with
// the custom properties its metadata lists.
const exports = [
  { system: "smartdesk", export: "sample" },
  { system: "opex365", export: "sample" },
  { system: "leadforce", export: "sample" },
  { system: "concord", export: "sample" },
  { system: "sage", export: "sample" },
  { system: "smartdesk", export: "all variants", generate: generateSmartDeskExport },
  { system: "opex365", export: "all variants", generate: generateOpex365Export },
];

describe.each(exports)("the $system spec over an export ($export)", ({ system, generate }) => {
  const specFile = `specs/${system}.mapspec`;
  let plan = compileSpec(readFileSync(new URL(`../../${specFile}`, import.meta.url), "utf8"), specFile).plan;
  let exportDir = fileURLToPath(new URL(`../../examples/${system}/`, import.meta.url));
  let generated: { transformRecord(source: string, row: SourceRow, context: TransformContext): RecordOutcome };
  const rows: Array<{ source: string; row: SourceRow }> = [];
  // the source lookups conditions read (Concord routes activities by their type's flag), read ahead
  let context: TransformContext = {};

  beforeAll(async () => {
    if (generate) {
      exportDir = mkdtempSync(join(tmpdir(), "mapc-pairs-"));
      await generate({ outDir: exportDir, seed: 3, scale: 1, variants: ["all"] });
      plan = (await surveyExport(plan, exportDir)).plan;
    }
    mkdirSync(GENERATED_DIR, { recursive: true });
    const file = `${GENERATED_DIR}${system}${generate ? ".variants" : ""}.pair.ts`;
    writeFileSync(file, generateTypeScript(plan, { runtimeImport: "mapc/runtime" }));
    generated = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as typeof generated;
    for (const source of plan.sources)
      for await (const record of readSource(source, exportDir)) rows.push({ source: source.name, row: record.row });
    context = { lookupTables: await readAheadLookups(plan, exportDir) };
  });

  it("gives the executor's outcome on every row of every source", () => {
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(plan.sources.map((s) => s.name)));
    const differing = rows.filter(
      ({ source, row }) =>
        JSON.stringify(generated.transformRecord(source, row, context)) !==
        JSON.stringify(transformRecord(plan, source, row, context)),
    );
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it("stages, skips or rejects every row with a reason", () => {
    for (const { source, row } of rows) {
      const outcome = transformRecord(plan, source, row, context);
      if (outcome.status !== "staged") expect(outcome.reason.length, source).toBeGreaterThan(0);
    }
  });
});
