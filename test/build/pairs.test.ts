// Each bundled spec over its sample export: the code `mapc build` generates gives the executor's outcome
// on every row of every source, whatever the format (CSV, JSON, HubSpot or OData pages), and no row
// breaks the executor (every row is staged, skipped or rejected with a reason).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateTypeScript } from "../../compiler/build/index.js";
import { compileSpec } from "../../compiler/index.js";
import { readSource } from "../../runtime/extract/index.js";
import { transformRecord, type RecordOutcome, type SourceRow, type TransformContext } from "../../runtime/index.js";

const GENERATED_DIR = fileURLToPath(new URL("../.generated/", import.meta.url));

describe.each(["smartdesk", "opex365"])("the %s spec over its sample export", (system) => {
  const specFile = `specs/${system}.mapspec`;
  const { plan } = compileSpec(readFileSync(new URL(`../../${specFile}`, import.meta.url), "utf8"), specFile);
  const exportDir = fileURLToPath(new URL(`../../examples/${system}/`, import.meta.url));
  let generated: { transformRecord(source: string, row: SourceRow, context: TransformContext): RecordOutcome };
  const rows: Array<{ source: string; row: SourceRow }> = [];

  beforeAll(async () => {
    mkdirSync(GENERATED_DIR, { recursive: true });
    const file = `${GENERATED_DIR}${system}.pair.ts`;
    writeFileSync(file, generateTypeScript(plan, { runtimeImport: "mapc/runtime" }));
    generated = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as typeof generated;
    for (const source of plan.sources) for await (const record of readSource(source, exportDir)) rows.push({ source: source.name, row: record.row });
  });

  it("gives the executor's outcome on every row of every source", () => {
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(plan.sources.map((s) => s.name)));
    const differing = rows.filter(({ source, row }) => JSON.stringify(generated.transformRecord(source, row, {})) !== JSON.stringify(transformRecord(plan, source, row, {})));
    expect(differing.slice(0, 3)).toEqual([]);
  });

  it("stages, skips or rejects every row with a reason", () => {
    for (const { source, row } of rows) {
      const outcome = transformRecord(plan, source, row, {});
      if (outcome.status !== "staged") expect(outcome.reason.length, source).toBeGreaterThan(0);
    }
  });
});
