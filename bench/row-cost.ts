// Child process: what staging one row costs on one core, step by step, over the rows of one export held in
// memory: reading the CSV, the plan executor, preparing the row for the store (serialising its values,
// hashing it, noting its references), handing it to another thread, and the SQLite writes. Their sum gives
// the most rows per second the machine's cores could stage if the steps shared them perfectly: a ceiling
// measured in the same run as the throughput it bounds.
//
//   node dist/bench/row-cost.js PLAN.json EXPORT_DIR RUN_DIR
import { availableParallelism } from "node:os";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import type { TransformPlan } from "../plan/types.js";
import { transformRecord } from "../runtime/execute/index.js";
import { readSourceBatches, type SourceRecord } from "../runtime/extract/index.js";
import { openStaging } from "../runtime/run/folder.js";
import { keepRules, writePreparedRows } from "../runtime/stage/index.js";
import { prepareRow, sourcePreparation, type PreparedRow } from "../runtime/stage/prepare.js";
import { isEntryPoint, median, runAsChild } from "./child.js";
import { MEASURED_SOURCES } from "./staging.js";

export interface RowCost {
  rows: number;
  /** microseconds per row on one core, median of the passes */
  microsecondsPerRow: {
    read: number;
    transform: number;
    prepare: number;
    handoff: number;
    write: number;
    total: number;
  };
  cores: number;
  /** cores × 1e6 / total: staging can go no faster than this, however the steps are spread over the cores */
  ceilingRowsPerSecond: number;
  passes: number;
}

const PASSES = 3;
/** as many rows per batch as staging hands between threads and commits at once */
const BATCH = 2000;

type Step = "read" | "transform" | "prepare" | "handoff" | "write";

async function main([planFile, exportDir, runDir]: string[]): Promise<RowCost> {
  if (!planFile || !exportDir || !runDir) throw new Error("usage: row-cost.js PLAN.json EXPORT_DIR RUN_DIR");
  const plan = JSON.parse(readFileSync(planFile, "utf8")) as TransformPlan;
  const samples: Record<Step, number[]> = { read: [], transform: [], prepare: [], handoff: [], write: [] };
  let rows = 0;
  // A warm-up pass, then the timed ones: each step's figure is its median pass.
  for (let pass = 0; pass <= PASSES; pass++) {
    const measured = await measurePass(plan, exportDir, runDir);
    rows = measured.rows;
    if (pass === 0) continue;
    for (const step of Object.keys(samples) as Step[]) samples[step].push(measured.ms[step]);
  }
  const perRow = (ms: number[]) => Math.round((median(ms) * 1000 * 100) / rows) / 100;
  const steps = {
    read: perRow(samples.read),
    transform: perRow(samples.transform),
    prepare: perRow(samples.prepare),
    handoff: perRow(samples.handoff),
    write: perRow(samples.write),
  };
  const total = Math.round((steps.read + steps.transform + steps.prepare + steps.handoff + steps.write) * 100) / 100;
  const cores = availableParallelism();
  return {
    rows,
    microsecondsPerRow: { ...steps, total },
    cores,
    ceilingRowsPerSecond: Math.round((cores * 1e6) / total),
    passes: PASSES,
  };
}

/**
 * One pass over the measured sources, a batch at a time as staging goes, so the heap holds what it holds
 * while staging (one batch, not the whole export) and garbage collection costs what it costs there.
 */
async function measurePass(
  plan: TransformPlan,
  exportDir: string,
  runDir: string,
): Promise<{ rows: number; ms: Record<Step, number> }> {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const store = openStaging(runDir);
  const keep = keepRules(plan);
  const ms: Record<Step, number> = { read: 0, transform: 0, prepare: 0, handoff: 0, write: 0 };
  let rows = 0;
  try {
    const started = performance.now();
    for (const source of plan.sources.filter((s) => (MEASURED_SOURCES as readonly string[]).includes(s.name))) {
      const preparation = sourcePreparation(plan, source, {});
      let batch: SourceRecord[] = [];
      const stage = () => {
        ms.transform += timed(() => {
          for (const record of batch) transformRecord(plan, source.name, record.row, {});
        });
        let prepared: PreparedRow[] = [];
        // prepareRow runs the executor too: what it adds is serialising, hashing and noting references.
        ms.prepare += timed(() => {
          const odooKeys = new Map();
          prepared = batch.map((record) => prepareRow(preparation, record, odooKeys));
        });
        // structuredClone serialises and deserialises, as postMessage does on the worker's and the main thread's side.
        ms.handoff += timed(() => structuredClone(prepared));
        ms.write += timed(() => writePreparedRows(store, source.name, prepared, keep));
        rows += batch.length;
        batch = [];
      };
      for await (const records of readSourceBatches(source, exportDir)) {
        for (const record of records) {
          batch.push(record);
          if (batch.length >= BATCH) stage();
        }
      }
      if (batch.length > 0) stage();
    }
    const total = performance.now() - started;
    ms.read = total - ms.transform - ms.prepare - ms.handoff - ms.write;
    ms.prepare = Math.max(0, ms.prepare - ms.transform);
    return { rows, ms };
  } finally {
    store.close();
    rmSync(runDir, { recursive: true, force: true });
  }
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

if (isEntryPoint(import.meta.url)) runAsChild(main);
