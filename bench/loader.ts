// Child process: the loader's records per second against the Odoo test server (an in-memory XML-RPC test
// double on loopback, not Odoo), once per batch size, each time from a fresh server state and run folder.
//
//   node dist/bench/loader.js PLAN.json EXPORT_DIR WORK_DIR BATCH_SIZE…
//
// The test server lives under test/, which the project's build does not compile: `npm run bench` compiles
// it with bench/tsconfig.json into dist/bench-odoo-server/, and this file imports it from there at run time.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TransformPlan } from "../compiler/plan/types.js";
import { loadIntoOdoo, readTargetSchema, XmlRpcTransport } from "../runtime/load/index.js";
import { applySchema } from "../runtime/schema/index.js";
import { stageExport, StagingStore } from "../runtime/stage/index.js";
import { isEntryPoint, runAsChild } from "./child.js";
import { perSecond } from "./staging.js";

/** What this benchmark uses of test/odoo-server/index.ts. */
interface OdooTestServer {
  readonly url: string;
  readonly db: string;
  readonly calls: ReadonlyArray<{ service: string; rpcMethod?: string }>;
  reset(): void;
  close(): Promise<void>;
}

type StartServer = (options?: { users?: Array<{ login: string; password: string }>; maxCalls?: number }) => Promise<OdooTestServer>;

const TEST_SERVER = new URL("../bench-odoo-server/test/odoo-server/index.js", import.meta.url);

export interface LoaderMeasurement {
  batchSize: number;
  /** records the load settled (created, updated or unchanged) */
  records: number;
  rejected: number;
  /** loadIntoOdoo from start to end: prefetching lookups, the batches, the deferred second pass */
  ms: number;
  recordsPerSecond: number;
  /** XML-RPC calls the load made */
  calls: number;
}

async function main([planFile, exportDir, workDir, ...batchSizes]: string[]): Promise<LoaderMeasurement[]> {
  if (!planFile || !exportDir || !workDir || batchSizes.length === 0) throw new Error("usage: loader.js PLAN.json EXPORT_DIR WORK_DIR BATCH_SIZE…");
  const plan = JSON.parse(readFileSync(planFile, "utf8")) as TransformPlan;
  const { startOdooTestServer } = (await import(TEST_SERVER.href)) as { startOdooTestServer: StartServer };
  // The export's owners exist as Odoo users, so owner lookups find them as they would after a real setup.
  const owners = (JSON.parse(readFileSync(join(exportDir, "owners.json"), "utf8")) as { results: Array<{ email: string }> }).results;
  const server = await startOdooTestServer({
    users: [{ login: "admin", password: "admin" }, ...owners.map((o) => ({ login: o.email, password: "x" }))],
    // Every call is kept, so the calls of a load can be counted.
    maxCalls: 10_000_000,
  });
  try {
    const measurements: LoaderMeasurement[] = [];
    for (const batchSize of batchSizes.map(Number)) {
      server.reset();
      measurements.push(await measureLoad(plan, exportDir, join(workDir, `load-${batchSize}`), server, batchSize));
    }
    return measurements;
  } finally {
    await server.close();
  }
}

async function measureLoad(plan: TransformPlan, exportDir: string, runDir: string, server: OdooTestServer, batchSize: number): Promise<LoaderMeasurement> {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const odoo = new XmlRpcTransport({ url: server.url, db: server.db, user: "admin" }, "admin");
  await odoo.authenticate();
  const store = StagingStore.open(join(runDir, "staging.sqlite"));
  try {
    // What `mapc apply-schema` and then `mapc run` do before the load: custom fields, the target's schema, staging.
    await applySchema(plan, odoo, store);
    const schema = await readTargetSchema(plan, odoo);
    await stageExport(plan, exportDir, store, { context: { installedModules: schema.installedModules } });
    const callsBefore = server.calls.length;
    const started = performance.now();
    const phases = await loadIntoOdoo(plan, store, odoo, schema, { exportDir, batchSize });
    const ms = performance.now() - started;
    const records = phases.reduce((n, p) => n + p.created + p.updated + p.unchanged, 0);
    const rejected = phases.reduce((n, p) => n + p.rejected, 0);
    return { batchSize, records, rejected, ms: Math.round(ms), recordsPerSecond: perSecond(records, ms), calls: server.calls.length - callsBefore };
  } finally {
    store.close();
  }
}

if (isEntryPoint(import.meta.url)) runAsChild(main);
