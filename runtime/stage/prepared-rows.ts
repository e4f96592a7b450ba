// The main thread's side of the staging worker: prepared rows of every source, in plan order, a batch at a
// time. Reading and transforming run on the worker while the caller writes the previous batch to SQLite:
// on two cores that is what lets staging go faster than either half alone.
import { Worker } from "node:worker_threads";
import type { TransformPlan } from "../../plan/types.js";
import type { TransformContext } from "../execute/index.js";
import { SourceReadError, type SourceProblem } from "../extract/index.js";
import type { PreparedRow } from "./prepare.js";

export interface WorkerInput {
  plan: TransformPlan;
  exportDir: string;
  installedModules?: string[];
  batchSize: number;
  /** batches prepared ahead of the writer */
  window: number;
}

/** A batch of prepared rows, with the distinct keys its rows look up in Odoo: [lookup, keys]. */
export interface PreparedRowBatch {
  kind: "batch";
  source: string;
  rows: PreparedRow[];
  odooKeys: Array<[string, string[]]>;
}

export type FromWorker =
  | PreparedRowBatch
  | { kind: "end"; source: string }
  | { kind: "done" }
  | { kind: "failed"; message: string; stack: string; problems?: SourceProblem[] };

export type ToWorker = { kind: "credit" };

export type PreparedBatch = PreparedRowBatch | { kind: "end"; source: string };

/** Under vitest this module runs from its TypeScript source, which a worker cannot load: take the build's. */
function workerUrl(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("../../dist/runtime/stage/worker.js", import.meta.url)
    : new URL("./worker.js", import.meta.url);
}

export async function* preparedBatches(
  plan: TransformPlan,
  exportDir: string,
  context: TransformContext,
  batchSize: number,
): AsyncGenerator<PreparedBatch> {
  const input: WorkerInput = {
    plan,
    exportDir,
    batchSize,
    window: 4,
    ...(context.installedModules ? { installedModules: [...context.installedModules] } : {}),
  };
  const worker = new Worker(workerUrl(), { workerData: input });
  const inbox: Array<FromWorker | { kind: "crashed"; error: Error }> = [];
  let wake: (() => void) | undefined;
  const deliver = (message: FromWorker | { kind: "crashed"; error: Error }) => {
    inbox.push(message);
    wake?.();
  };
  worker.on("message", deliver);
  worker.on("error", (error) => deliver({ kind: "crashed", error }));
  worker.on("exit", (code) =>
    deliver({ kind: "crashed", error: new Error(`the staging worker stopped (exit code ${code})`) }),
  );
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift()!;
      switch (message.kind) {
        case "done":
          return;
        case "crashed":
          throw message.error;
        case "failed":
          throw workerFailure(message);
        case "batch":
          yield message;
          worker.postMessage({ kind: "credit" } satisfies ToWorker);
          break;
        case "end":
          yield message;
      }
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

/** The worker's error as the caller would have had it in one thread: a SourceReadError keeps its problems. */
function workerFailure(message: Extract<FromWorker, { kind: "failed" }>): Error {
  const error = message.problems ? new SourceReadError(message.problems) : new Error(message.message);
  error.stack = message.stack;
  return error;
}
