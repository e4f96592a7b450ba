// The staging worker thread: reads every source of the plan in order and prepares its rows (prepare.ts),
// posting them to the main thread a batch at a time. At most `window` batches are in flight: the main
// thread grants one more after writing one, so a slow disk never lets prepared rows pile up in memory.
import { parentPort, workerData } from "node:worker_threads";
import { readSourceBatches, SourceReadError } from "../extract/index.js";
import { prepareRow, sourcePreparation, type OdooKeys, type PreparedRow } from "./prepare.js";
import type { FromWorker, ToWorker, WorkerInput } from "./prepared-rows.js";
import { readAheadLookups } from "./read-ahead.js";

const input = workerData as WorkerInput;
const port = parentPort!;
let credit = input.window;
let wake: (() => void) | undefined;

port.on("message", (message: ToWorker) => {
  if (message.kind !== "credit") return;
  credit += 1;
  wake?.();
});

async function send(message: FromWorker): Promise<void> {
  if (message.kind === "batch") {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit -= 1;
  }
  port.postMessage(message);
}

async function prepareSources(): Promise<void> {
  const lookupTables = await readAheadLookups(input.plan, input.exportDir);
  const context = {
    ...(input.installedModules ? { installedModules: new Set(input.installedModules) } : {}),
    ...(lookupTables.size > 0 ? { lookupTables } : {}),
  };
  for (const source of input.plan.sources) {
    const preparation = sourcePreparation(input.plan, source, context);
    let rows: PreparedRow[] = [];
    // An owner's e-mail or a country repeats on most rows: each key is sent once per batch.
    let odooKeys: OdooKeys = new Map();
    const flush = async () => {
      await send({
        kind: "batch",
        source: source.name,
        rows,
        odooKeys: [...odooKeys].map(([lookup, keys]) => [lookup, [...keys]]),
      });
      rows = [];
      odooKeys = new Map();
    };
    for await (const records of readSourceBatches(source, input.exportDir)) {
      for (const record of records) {
        rows.push(prepareRow(preparation, record, odooKeys));
        if (rows.length >= input.batchSize) await flush();
      }
    }
    if (rows.length > 0) await flush();
    await send({ kind: "end", source: source.name });
  }
}

prepareSources().then(
  () => port.postMessage({ kind: "done" } satisfies FromWorker),
  (error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    port.postMessage({
      kind: "failed",
      message: failure.message,
      stack: failure.stack ?? "",
      ...(failure instanceof SourceReadError ? { problems: [...failure.problems] } : {}),
    } satisfies FromWorker);
  },
);
