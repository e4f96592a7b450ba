// Generated code against the plan executor, over the same rows held in memory: how much faster (or slower)
// the TypeScript `mapc build` writes is than interpreting the plan, and whether both give the same outcome.
//
//   node dist/bench/codegen.js PLAN.json GENERATED.js EXPORT_DIR SOURCE=ROWS…
// GENERATED.js comes from generated-code.ts. This child loads only the runtime, not the compiler.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { TransformPlan } from "../plan/types.js";
import {
  transformRecord,
  type RecordOutcome,
  type SourceRow,
  type TransformContext,
} from "../runtime/execute/index.js";
import { readSourceBatches } from "../runtime/extract/index.js";
import { isEntryPoint, median, runAsChild } from "./child.js";
import { perSecond } from "./staging.js";

interface GeneratedModule {
  transformRecord(source: string, row: SourceRow, context: TransformContext): RecordOutcome;
}

export interface CodegenMeasurement {
  sources: Array<{
    source: string;
    rows: number;
    executorRowsPerSecond: number;
    generatedRowsPerSecond: number;
    ratio: number;
  }>;
  /** all rows: generated rows per second over executor rows per second (> 1: generated code is faster) */
  ratio: number;
  executorRowsPerSecond: number;
  generatedRowsPerSecond: number;
  /** timed passes per side; each side's figure is its median pass */
  passes: number;
  /** every `sampleEvery`-th row compared outcome for outcome */
  sample: { rows: number; sampleEvery: number; identical: boolean; firstDifference?: string };
}

const PASSES = 5;
const SAMPLE_EVERY = 97;

async function main([planFile, generatedFile, exportDir, ...wanted]: string[]): Promise<CodegenMeasurement> {
  if (!planFile || !generatedFile || !exportDir || wanted.length === 0)
    throw new Error("usage: codegen.js PLAN.json GENERATED.js EXPORT_DIR SOURCE=ROWS…");
  const plan = JSON.parse(readFileSync(planFile, "utf8")) as TransformPlan;
  const generated = (await import(pathToFileURL(generatedFile).href)) as GeneratedModule;
  const context: TransformContext = {};
  const inputs = [];
  for (const entry of wanted) {
    const [source = "", rows = "0"] = entry.split("=");
    inputs.push({ source, rows: await readRows(plan, source, exportDir, Number(rows)) });
  }

  const sample = compareOutcomes(plan, generated, inputs, context);
  const executor = inputs.map(({ source }) => ({ source, ms: [] as number[] }));
  const compiled = inputs.map(({ source }) => ({ source, ms: [] as number[] }));
  // A warm-up pass each, then executor and generated code by turns, so a noisy moment hits both alike.
  for (let pass = 0; pass <= PASSES; pass++) {
    inputs.forEach(({ source, rows }, i) => {
      const executorMs = timeRows(rows, (row) => transformRecord(plan, source, row, context));
      const generatedMs = timeRows(rows, (row) => generated.transformRecord(source, row, context));
      if (pass === 0) return;
      executor[i]!.ms.push(executorMs);
      compiled[i]!.ms.push(generatedMs);
    });
  }
  const sources = inputs.map(({ source, rows }, i) => {
    const executorRowsPerSecond = perSecond(rows.length, median(executor[i]!.ms));
    const generatedRowsPerSecond = perSecond(rows.length, median(compiled[i]!.ms));
    return {
      source,
      rows: rows.length,
      executorRowsPerSecond,
      generatedRowsPerSecond,
      ratio: round2(generatedRowsPerSecond / executorRowsPerSecond),
    };
  });
  const rows = inputs.reduce((n, input) => n + input.rows.length, 0);
  const executorRowsPerSecond = perSecond(
    rows,
    executor.reduce((n, e) => n + median(e.ms), 0),
  );
  const generatedRowsPerSecond = perSecond(
    rows,
    compiled.reduce((n, c) => n + median(c.ms), 0),
  );
  return {
    sources,
    ratio: round2(generatedRowsPerSecond / executorRowsPerSecond),
    executorRowsPerSecond,
    generatedRowsPerSecond,
    passes: PASSES,
    sample,
  };
}

/** The first `count` rows of a source, read once. */
async function readRows(plan: TransformPlan, name: string, exportDir: string, count: number): Promise<SourceRow[]> {
  const source = plan.sources.find((s) => s.name === name);
  if (!source) throw new Error(`the plan has no source ${name}`);
  const rows: SourceRow[] = [];
  for await (const batch of readSourceBatches(source, exportDir)) {
    for (const record of batch) {
      if (rows.length >= count) return rows;
      rows.push(record.row);
    }
  }
  return rows;
}

function compareOutcomes(
  plan: TransformPlan,
  generated: GeneratedModule,
  inputs: ReadonlyArray<{ source: string; rows: SourceRow[] }>,
  context: TransformContext,
): CodegenMeasurement["sample"] {
  let compared = 0;
  for (const { source, rows } of inputs) {
    for (let i = 0; i < rows.length; i += SAMPLE_EVERY) {
      compared++;
      const executed = transformRecord(plan, source, rows[i]!, context);
      const fromCode = generated.transformRecord(source, rows[i]!, context);
      if (!isDeepStrictEqual(executed, fromCode)) {
        return {
          rows: compared,
          sampleEvery: SAMPLE_EVERY,
          identical: false,
          firstDifference: `${source} row ${i + 1}: ${JSON.stringify(executed)} ≠ ${JSON.stringify(fromCode)}`,
        };
      }
    }
  }
  return { rows: compared, sampleEvery: SAMPLE_EVERY, identical: true };
}

function timeRows(rows: readonly SourceRow[], transform: (row: SourceRow) => RecordOutcome): number {
  const started = performance.now();
  for (const row of rows) transform(row);
  return performance.now() - started;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

if (isEntryPoint(import.meta.url)) runAsChild(main);
