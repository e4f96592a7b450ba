import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { generateTypeScript } from "../../compiler/build/index.js";
import type { PlanMapping, PlanSource, TransformPlan } from "../../plan/types.js";
import { transformRecord, type RecordOutcome, type SourceRow, type TransformContext } from "../../runtime/index.js";
import { compileSpec } from "../../compiler/index.js";
import { sampleRows, type SampleRow } from "../fixtures/plans/small.rows.js";
import { intoSpec } from "../fixtures/specs/into.js";
import { expectBaseline } from "../support/baseline.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const GENERATED_DIR = fileURLToPath(new URL("../.generated/", import.meta.url));
const smallPlan = JSON.parse(
  readFileSync(new URL("../fixtures/plans/small.plan.json", import.meta.url), "utf8"),
) as TransformPlan;

interface GeneratedModule {
  transformRecord(source: string, row: SourceRow, context: TransformContext): RecordOutcome;
  [mapping: string]: unknown;
}

/** Writes the generated module under test/.generated/ and imports it; vitest maps "mapc/runtime" (vitest.config.ts). */
async function buildAndImport(plan: TransformPlan, name: string): Promise<{ file: string; module: GeneratedModule }> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const file = `${GENERATED_DIR}${name}.ts`;
  writeFileSync(file, generateTypeScript(plan, { runtimeImport: "mapc/runtime" }));
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as GeneratedModule;
  return { file, module };
}

/** Type errors in a generated module, checked with the repository's strict settings. */
function typeErrors(file: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noImplicitOverride: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts"],
    types: [],
    baseUrl: REPO,
    paths: { "mapc/runtime": ["runtime/index.ts"] },
  };
  const program = ts.createProgram([file], options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const where = diagnostic.file ? `${diagnostic.file.fileName}:${(line ?? 0) + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

function sameOutcomes(
  plan: TransformPlan,
  generated: () => GeneratedModule,
  rows: SampleRow[],
  contexts: Array<[string, TransformContext]>,
): void {
  describe.each(contexts)("gives the executor's outcome for every row (%s)", (_name, context) => {
    it.each(rows.map((sample) => [sample.note, sample] as const))("%s", (_note, sample) => {
      const expected = transformRecord(plan, sample.source, sample.row, context);
      expect(generated().transformRecord(sample.source, sample.row, context)).toEqual(expected);
    });
  });
}

describe("mapc build: small plan", () => {
  let file = "";
  let generated: GeneratedModule;
  beforeAll(async () => {
    ({ file, module: generated } = await buildAndImport(smallPlan, "small.plan"));
  });

  it("matches the reviewed baseline", () => {
    expectBaseline("build/small.plan.ts", generateTypeScript(smallPlan, { runtimeImport: "mapc/runtime" }));
  });

  it("exports one function per mapping and transformRecord", () => {
    expect(Object.keys(generated).sort()).toEqual([
      "mapActivity",
      "mapCompany",
      "mapCompanyLead",
      "mapContact",
      "mapContactEmail",
      "transformRecord",
    ]);
  });

  it("points every assignment back to its spec line", () => {
    const text = readFileSync(file, "utf8");
    for (const mapping of smallPlan.mappings) {
      for (const assignment of mapping.assignments) {
        expect(text).toContain(`// ${smallPlan.spec.file}:${assignment.line}  ${assignment.fields.join(", ")} `);
      }
    }
  });

  sameOutcomes(smallPlan, () => generated, sampleRows, [
    ["modules unknown", {}],
    ["crm installed", { installedModules: new Set(["crm"]) }],
  ]);

  it("covers staged, skipped and rejected rows", () => {
    const statuses = new Set(
      sampleRows.map((sample) => transformRecord(smallPlan, sample.source, sample.row, {}).status),
    );
    expect([...statuses].sort()).toEqual(["rejected", "skipped", "staged"]);
  });

  it("refuses an unknown source as the executor does", () => {
    expect(() => generated.transformRecord("Deal", {}, {})).toThrow(/no source `Deal`/);
  });

  it("type-checks under the repository's strict settings", () => {
    expect(typeErrors(file)).toEqual([]);
  }, 60_000);
});

// Branches the small plan does not reach: an unless-guard, `installed` conditions, a `first` link written by
// model name, a variadic transform, multi-step each and dedupe chains, and sources without mappings or skips.
const orphan: PlanSource = {
  name: "Orphan",
  label: "Never mapped",
  format: "csv",
  path: "orphan.csv",
  key: ["id"],
  settings: {},
  columns: [{ name: "id", type: "id", line: 200 }],
  skips: [],
  drops: [],
  line: 199,
};

const fallbackTask: PlanMapping = {
  id: "company-task",
  source: "Company",
  model: "project.task",
  modelLabel: "Task",
  cardinality: "1:many",
  lossy: false,
  compatibility: "fallback",
  guard: { kind: "unless", module: "crm" },
  where: {
    op: "or",
    operands: [
      { op: "installed", module: "project" },
      { op: "not", operand: { op: "in", input: { kind: "column", column: "Industry" }, values: ["Retail"] } },
    ],
  },
  each: {
    input: { kind: "columns", columns: ["Notes", "Company name"] },
    steps: [
      { op: "transform", name: "join", args: ["\n"], named: {}, line: 211 },
      { op: "transform", name: "split", args: ["\n"], named: {}, line: 211 },
    ],
  },
  dedupe: {
    input: { kind: "column", column: "Website" },
    steps: [
      { op: "transform", name: "domain", args: [], named: {}, line: 212 },
      { op: "transform", name: "upper", args: [], named: {}, line: 212 },
    ],
    keep: "last",
  },
  assignments: [
    {
      fields: ["name"],
      fieldTypes: ["char"],
      value: {
        kind: "expression",
        input: { kind: "item" },
        steps: [{ op: "transform", name: "truncate", args: [12], named: {}, line: 213 }],
        valueType: "text",
      },
      required: true,
      deferred: false,
      line: 213,
    },
    {
      fields: ["active"],
      fieldTypes: ["boolean"],
      value: {
        kind: "expression",
        input: { kind: "column", column: "Industry" },
        steps: [{ op: "transform", name: "bool", args: ["Software", "IT"], named: {}, line: 214 }],
        valueType: "boolean",
      },
      required: false,
      when: { op: "installed", module: "project" },
      deferred: false,
      line: 214,
    },
    {
      fields: ["res_model", "res_id"],
      fieldTypes: ["char", "many2one_reference"],
      value: {
        kind: "link",
        mode: "first",
        cases: [
          { when: "Parent ID", object: "Company", mapping: "company", model: "res.partner" },
          { when: "Record ID", object: "Company", mapping: "company", model: "res.partner" },
        ],
        onMissing: { kind: "queue", reason: "linked company not migrated" },
        modelAs: "name",
      },
      required: false,
      deferred: true,
      line: 215,
    },
    {
      fields: ["x_owner"],
      fieldTypes: ["many2one"],
      value: {
        kind: "expression",
        input: { kind: "column", column: "Tags" },
        steps: [
          { op: "transform", name: "upper", args: [], named: {}, line: 216 },
          {
            op: "lookup",
            lookup: "owner",
            model: "res.users",
            onMissing: { kind: "default", value: { xmlid: "base.user_admin" } },
            line: 216,
          },
        ],
        valueType: "list",
      },
      required: false,
      deferred: false,
      line: 216,
    },
  ],
  drops: [],
  losses: [],
  notes: [],
  dependsOn: ["company"],
  line: 210,
};

const edgePlan: TransformPlan = {
  ...smallPlan,
  sources: [...smallPlan.sources, orphan],
  mappings: [...smallPlan.mappings, fallbackTask],
};

const acmeRow = sampleRows[0]?.row ?? {};
const edgeRows: SampleRow[] = [
  ...sampleRows.filter((sample) => sample.source === "Company"),
  { note: "orphan row", source: "Orphan", row: { id: "1" } },
  { note: "retail company", source: "Company", row: { ...acmeRow, Industry: "Retail", Notes: "one\n\ntwo\none" } },
  { note: "company without notes", source: "Company", row: { ...acmeRow, Notes: "", "Parent ID": "77" } },
  {
    note: "company name longer than its task name",
    source: "Company",
    row: { ...acmeRow, Notes: "", "Company name": "A very long company name" },
  },
];

describe("mapc build: generator branches", () => {
  let file = "";
  let generated: GeneratedModule;
  beforeAll(async () => {
    ({ file, module: generated } = await buildAndImport(edgePlan, "edge.plan"));
  });

  it("names functions after mapping ids and spells out the unless-guard", () => {
    const text = readFileSync(file, "utf8");
    expect(text).toContain(
      "export function mapCompanyTask(row: SourceRow, context: TransformContext): MappingOutcome {",
    );
    expect(text).toContain('if (isInstalled(context, "crm")) return [];');
    expect(text).toContain('bool(cell("Industry"), ["Software", "IT"])');
    expect(text).toContain("function transformOrphanRow(_row: SourceRow, _context: TransformContext): RecordOutcome {");
  });

  sameOutcomes(edgePlan, () => generated, edgeRows, [
    ["modules unknown", {}],
    ["project installed", { installedModules: new Set(["project"]) }],
    ["crm and project installed", { installedModules: new Set(["crm", "project"]) }],
  ]);

  it("type-checks under the repository's strict settings", () => {
    expect(typeErrors(file)).toEqual([]);
  }, 60_000);

  it("refuses to build a plan with a broken transform step", () => {
    const broken: TransformPlan = JSON.parse(JSON.stringify(smallPlan)) as TransformPlan;
    const step = broken.mappings[0]?.assignments[1]?.value;
    if (step?.kind !== "expression") throw new Error("fixture changed");
    step.steps = [{ op: "transform", name: "truncate", args: ["ten"], named: {}, line: 67 }];
    expect(() => generateTypeScript(broken, { runtimeImport: "mapc/runtime" })).toThrow(/length cannot be "ten"/);
  });
});

describe("mapc build: a map into another", () => {
  it("names the record its values go to as the executor does", async () => {
    const { plan } = compileSpec(intoSpec, "into.mapspec");
    const { file, module } = await buildAndImport(plan, "into.plan");
    for (const row of [
      { id: "p1", email: "10", party: "1", role: "1" },
      { id: "p3", email: "10", party: "9", role: "3" },
      { id: "p7", email: "", party: "1", role: "2" },
    ]) {
      const expected = transformRecord(plan, "Party", row, {});
      expect(module.transformRecord("Party", row, {})).toEqual(expected);
    }
    expect(transformRecord(plan, "Party", { id: "p1", email: "10", party: "1", role: "1" }, {})).toMatchObject({
      status: "staged",
      records: [{ into: { mapping: "Email", key: "10" } }],
    });
    expect(transformRecord(plan, "Party", { id: "p7", email: "", party: "1", role: "2" }, {})).toMatchObject({
      status: "rejected",
      reason: expect.stringContaining("the key of the Email record to add to is empty"),
    });
    expect(typeErrors(file)).toEqual([]);
  }, 60_000);
});
