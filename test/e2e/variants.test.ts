// The bundled specs, unchanged, on exports of every variant class real exports have (the generators'
// --variant): each class alone as a dry run, and all of them at once loaded into the Odoo test server, where
// every value of every custom property the export's metadata lists must land in its x_ field.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONCORD_VARIANTS, generateConcordExport } from "../../examples/generators/concord.js";
import { LEADFORCE_VARIANTS, generateLeadforceExport } from "../../examples/generators/leadforce.js";
import { SAGE_VARIANTS, generateSageExport } from "../../examples/generators/sage.js";
import { generateOpex365Export } from "../../examples/generators/opex365.js";
import { OPEX365_VARIANTS } from "../../examples/generators/opex365-variants.js";
import { generateSmartDeskExport } from "../../examples/generators/smartdesk.js";
import { SMARTDESK_VARIANTS } from "../../examples/generators/smartdesk-variants.js";
import { compileSpec, type TransformPlan } from "../../compiler/index.js";
import { externalId } from "../../runtime/index.js";
import { readSource } from "../../runtime/extract/index.js";
import { runMigration } from "../../runtime/run/index.js";
import { missingNeededColumns, surveyExport, type ExportSurvey } from "../../runtime/survey/index.js";
import { verifyRun } from "../../runtime/verify/index.js";
import { PairHarness, useEndToEnd } from "../support/odoo-pair.js";
import { stagingRows } from "../support/staging-sql.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { server: testServer, work } = useEndToEnd("variants");

interface Pair {
  name: string;
  plan: TransformPlan;
  variants: readonly string[];
  generate: (outDir: string, variants: string[]) => Promise<unknown>;
  /** HubSpot-defined columns the spec leaves to the report: real exports carry more than any spec names */
  leftToReport: Record<string, string[]>;
  /** the variants of the export that is loaded, and how many custom properties and values it must land */
  loaded: { variants: string[]; properties: number; values: number };
}

const specPlan = (file: string) => compileSpec(readFileSync(join(root, file), "utf8"), file).plan;

const pairs: Pair[] = [
  {
    name: "smartdesk",
    plan: specPlan("specs/smartdesk.mapspec"),
    variants: SMARTDESK_VARIANTS.map((v) => v.name),
    generate: (outDir, variants) => generateSmartDeskExport({ outDir, seed: 11, scale: 1, variants }),
    leftToReport: { Ticket: ["Source"] },
    loaded: { variants: ["all"], properties: 40, values: 200 },
  },
  {
    name: "opex365",
    plan: specPlan("specs/opex365.mapspec"),
    variants: OPEX365_VARIANTS.map((v) => v.name),
    generate: (outDir, variants) => generateOpex365Export({ outDir, seed: 11, scale: 1, variants }),
    leftToReport: {},
    loaded: { variants: ["all"], properties: 40, values: 200 },
  },
  {
    name: "leadforce",
    plan: specPlan("specs/leadforce.mapspec"),
    variants: LEADFORCE_VARIANTS.map((v) => v.name),
    generate: (outDir, variants) => generateLeadforceExport({ outDir, seed: 11, scale: 1, variants }),
    leftToReport: {},
    // without custom_fields.csv every CF column is text: the typed values are checked on an export that has it
    loaded: {
      variants: LEADFORCE_VARIANTS.map((v) => v.name).filter((v) => v !== "no-metadata"),
      properties: 20,
      values: 300,
    },
  },
  {
    name: "concord",
    plan: specPlan("specs/concord.mapspec"),
    variants: CONCORD_VARIANTS.map((v) => v.name),
    generate: (outDir, variants) => generateConcordExport({ outDir, seed: 11, scale: 1, variants }),
    leftToReport: {},
    loaded: { variants: ["all"], properties: 15, values: 300 },
  },
  {
    name: "sage",
    plan: specPlan("specs/sage.mapspec"),
    variants: SAGE_VARIANTS.map((v) => v.name),
    generate: (outDir, variants) => generateSageExport({ outDir, seed: 11, scale: 1, variants }),
    leftToReport: {},
    loaded: { variants: ["all"], properties: 15, values: 200 },
  },
];

async function exportOf(pair: Pair, variants: string[]): Promise<string> {
  const dir = join(work, `${pair.name}-${variants.join("+")}`);
  await pair.generate(dir, variants);
  return dir;
}

function unaccounted(survey: ExportSurvey): Record<string, string[]> {
  return Object.fromEntries(
    survey.accounts.filter((a) => a.unaccounted.length > 0).map((a) => [a.source, a.unaccounted]),
  );
}

describe.each(pairs)("the $name spec, unchanged, on every variant of its format", (pair) => {
  it.each(pair.variants)("reads the %s variant with every column accounted for, and stages it", async (variant) => {
    const exportDir = await exportOf(pair, [variant]);
    const survey = await surveyExport(pair.plan, exportDir);
    expect(survey.sources.flatMap((s) => s.problems.filter((p) => p.severity === "error"))).toEqual([]);
    expect(missingNeededColumns(survey)).toEqual([]);
    const expectedLeft = variant === "extra-columns" ? pair.leftToReport : {};
    expect(unaccounted(survey)).toEqual(expectedLeft);
    const summary = await runMigration(pair.plan, { exportDir, runDir: join(work, `${pair.name}-${variant}-run`) });
    expect(summary.balanced).toBe(true);
    expect(
      summary.objects.every(
        (o) => o.phases[0]!.staged > 0 || pair.plan.sources.find((s) => s.name === o.object)?.settings["optional"],
      ),
    ).toBe(true);
  });
});

/** Every non-empty cell of every custom property the plan took from the metadata, with the record it belongs to. */
async function customCells(plan: TransformPlan, survey: ExportSurvey, exportDir: string) {
  const cells: Array<{
    mapping: string;
    model: string;
    field: string;
    key: string;
    cell: unknown;
    kind: string;
    options: Array<{ value: string; label: string }>;
  }> = [];
  for (const found of survey.discovered) {
    const source = plan.sources.find((s) => s.name === found.source)!;
    const maps = plan.mappings.filter((m) => m.source === source.name && m.customProperties);
    for await (const record of readSource(source, exportDir)) {
      const cell = record.row[found.property.column];
      if (cell === null || cell === undefined) continue;
      for (const mapping of maps) {
        const assignment = mapping.assignments.find(
          (a) =>
            a.value.kind === "expression" &&
            a.value.input.kind === "column" &&
            a.value.input.column === found.property.column,
        )!;
        const key = String(record.row[source.key[0]!]);
        cells.push({
          mapping: mapping.id,
          model: mapping.model,
          field: assignment.fields[0]!,
          key,
          cell,
          kind: found.property.kind,
          options: found.property.options,
        });
      }
    }
  }
  return cells;
}

function expectedValue(cell: unknown, kind: string, options: Array<{ value: string; label: string }>): unknown {
  const text = String(cell).trim();
  switch (kind) {
    case "boolean":
      return ["yes", "y", "true", "1"].includes(text.toLowerCase());
    case "choice":
      return options.find((o) => o.value === text || o.label === text)?.value;
    case "integer":
    case "decimal":
      return Number(text);
    default:
      return undefined;
  }
}

describe.each(pairs)("the $name spec on an export of (nearly) all variants at once, loaded", (pair) => {
  it("lands every custom property value the export holds, and verifies clean", async () => {
    const exportDir = await exportOf(pair, pair.loaded.variants);
    const survey = await surveyExport(pair.plan, exportDir);
    expect(survey.discovered.length).toBeGreaterThanOrEqual(pair.loaded.properties);
    testServer().reset();
    const harness = new PairHarness(testServer, pair.plan, exportDir);
    const runDir = join(work, `${pair.name}-all-load`);
    const schema = await harness.prepareSchema(runDir, survey.plan);
    for (const d of survey.discovered) for (const field of d.fields) expect(schema.map((c) => c.name)).toContain(field);
    const summary = await harness.run(runDir);
    expect(summary.balanced).toBe(true);
    expect(Object.values(harness.loadCounts(summary)).filter((c) => c.rejected > 0)).toEqual([]);
    expect(summary.customProperties?.length).toBe(survey.discovered.length);

    const plan = survey.plan;
    const module = plan.target.externalIdModule;
    let checked = 0;
    const missing: string[] = [];
    // rows the run rejected (with the reason, in rejects.csv) or skipped by a rule of the spec (a junk lead), and
    // rows a many:1 map merged into another record
    // (the first row's values win, and the merge is reported), have no record of their own to hold the value
    const notLoaded = new Set(
      stagingRows<{ k: string }>(
        runDir,
        "SELECT source || ' ' || source_key AS k FROM source_rows WHERE outcome IN ('rejected', 'skipped')",
      ).map((r) => r.k),
    );
    const merged = new Set(
      stagingRows<{ k: string }>(runDir, "SELECT mapping || ' ' || source_key AS k FROM record_aliases").map(
        (r) => r.k,
      ),
    );
    const sourceOf = new Map(plan.mappings.map((m) => [m.id, m.source]));
    const cells = (await customCells(plan, survey, exportDir)).filter(
      (c) => !notLoaded.has(`${sourceOf.get(c.mapping)} ${c.key}`) && !merged.has(`${c.mapping} ${c.key}`),
    );
    const landedIn = (mapping: string, key: string) =>
      harness.odooId(externalId(module, mapping, key).slice(module.length + 1)) !== undefined;
    for (const c of cells) {
      const name = externalId(module, c.mapping, c.key).slice(module.length + 1);
      if (!landedIn(c.mapping, c.key)) {
        // a split map (`where`) makes the record of only one of its maps: the row must have landed in another
        const elsewhere = cells.some(
          (other) =>
            other.key === c.key &&
            other.field === c.field &&
            other.mapping !== c.mapping &&
            landedIn(other.mapping, other.key),
        );
        if (!elsewhere) missing.push(`${c.mapping} ${c.key}: no record landed for a row with ${c.field}`);
        continue;
      }
      checked++;
      const value = harness.odooRecord(c.model, name)[c.field];
      const expected = expectedValue(c.cell, c.kind, c.options);
      const empty = value === false || value === null || value === undefined || value === "";
      const wrong =
        c.kind === "boolean"
          ? value !== expected
          : expected !== undefined && typeof expected === "number"
            ? Math.abs(Number(value) - expected) > 1e-6
            : expected !== undefined
              ? value !== expected
              : empty;
      if (wrong)
        missing.push(`${c.mapping} ${c.key} ${c.field} = ${JSON.stringify(value)} (export: ${JSON.stringify(c.cell)})`);
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(pair.loaded.values);

    const odoo = await harness.authenticated();
    const verify = await harness.withStore(runDir, (store) => verifyRun(plan, store, odoo, exportDir));
    expect({ missing: verify.missing, mismatches: verify.mismatches }).toEqual({ missing: [], mismatches: [] });
  });
});
