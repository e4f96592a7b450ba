// Child process: the loader's records per second against the Odoo test server (an in-memory XML-RPC test
// double on loopback, not Odoo), each run from a fresh server state and run folder:
//   batch:N  batches of N records, answers at once: what the loader itself costs per record
//   jobs:N   `--jobs N` against the server's model of a real Odoo with 3 workers (ODOO_COST), where round
//            trips and parallel batches count as they do on a real server
//
//   node dist/bench/loader.js PLAN.json EXPORT_DIR WORK_DIR batch:1 batch:100 jobs:1 jobs:2 …
//
// The test server lives under test/, which the project's build does not compile: `npm run bench` compiles
// it with bench/tsconfig.json into dist/bench-odoo-server/, and this file imports it from there at run time.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TransformPlan } from "../plan/types.js";
import { loadIntoOdoo, readTargetSchema, XmlRpcTransport } from "../runtime/load/index.js";
import { applySchema } from "../runtime/schema/index.js";
import { openStaging } from "../runtime/run/folder.js";
import { stageExport } from "../runtime/stage/index.js";
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

interface CostModel {
  workers: number;
  callMs: number;
  recordMs: number;
}

type StartServer = (options?: {
  users?: Array<{ login: string; password: string }>;
  maxCalls?: number;
  cost?: CostModel;
}) => Promise<OdooTestServer>;

/**
 * A real Odoo 17 with `workers = 3`, from figures measured on one (bench/README.md): 30 ms a call (the
 * median of a call that does nothing, `search_count` on an empty domain, was 33–37 ms) and 7 ms a record
 * written (the hand-written loader's `create` calls: 2.35 s for 357 records, 3.45 s for 446). The model
 * gives each worker a core of its own, which the 2-core test machine could not.
 */
export const ODOO_COST: CostModel = { workers: 3, callMs: 30, recordMs: 7 };

const TEST_SERVER = new URL("../bench-odoo-server/test/odoo-server/index.js", import.meta.url);

export interface LoaderMeasurement {
  batchSize: number;
  /** batches at once (`--jobs`) */
  jobs: number;
  /** the server's answers waited as under ODOO_COST */
  modelledOdoo: boolean;
  /** records the load settled (created, updated or unchanged) */
  records: number;
  rejected: number;
  /** loadIntoOdoo from start to end: prefetching lookups, the batches, the deferred second pass */
  ms: number;
  recordsPerSecond: number;
  /** XML-RPC calls the load made */
  calls: number;
  callsPerRecord: number;
}

interface LoaderRun {
  batchSize: number;
  jobs: number;
  modelledOdoo: boolean;
}

const DEFAULT_BATCH = 200;

function parseRun(text: string): LoaderRun {
  const match = /^(batch|jobs):(\d+)$/.exec(text);
  if (!match) throw new Error(`bad run "${text}": expected batch:N or jobs:N`);
  const n = Number(match[2]);
  return match[1] === "batch"
    ? { batchSize: n, jobs: 1, modelledOdoo: false }
    : { batchSize: DEFAULT_BATCH, jobs: n, modelledOdoo: true };
}

async function main([planFile, exportDir, workDir, ...runs]: string[]): Promise<LoaderMeasurement[]> {
  if (!planFile || !exportDir || !workDir || runs.length === 0)
    throw new Error("usage: loader.js PLAN.json EXPORT_DIR WORK_DIR batch:N|jobs:N…");
  const plan = JSON.parse(readFileSync(planFile, "utf8")) as TransformPlan;
  const { startOdooTestServer } = (await import(TEST_SERVER.href)) as { startOdooTestServer: StartServer };
  // The export's owners exist as Odoo users, so owner lookups find them as they would after a real setup.
  const owners = (
    JSON.parse(readFileSync(join(exportDir, "owners.json"), "utf8")) as { results: Array<{ email: string }> }
  ).results;
  const measurements: LoaderMeasurement[] = [];
  for (const run of runs.map(parseRun)) {
    const server = await startOdooTestServer({
      users: [{ login: "admin", password: "admin" }, ...owners.map((o) => ({ login: o.email, password: "x" }))],
      // Every call is kept, so the calls of a load can be counted.
      maxCalls: 10_000_000,
      ...(run.modelledOdoo ? { cost: ODOO_COST } : {}),
    });
    try {
      measurements.push(
        await measureLoad(plan, exportDir, join(workDir, `load-${run.batchSize}-${run.jobs}`), server, run),
      );
    } finally {
      await server.close();
    }
  }
  return measurements;
}

async function measureLoad(
  plan: TransformPlan,
  exportDir: string,
  runDir: string,
  server: OdooTestServer,
  run: LoaderRun,
): Promise<LoaderMeasurement> {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const odoo = new XmlRpcTransport({ url: server.url, db: server.db, user: "admin" }, "admin");
  await odoo.authenticate();
  const store = openStaging(runDir);
  try {
    // What `mapc apply-schema` and then `mapc run` do before the load: custom fields, the target's schema, staging.
    await applySchema(plan, odoo, store);
    const schema = await readTargetSchema(plan, odoo);
    await stageExport(plan, exportDir, store, { context: { installedModules: schema.installedModules } });
    const callsBefore = server.calls.length;
    const started = performance.now();
    const phases = await loadIntoOdoo(plan, store, odoo, schema, {
      exportDir,
      batchSize: run.batchSize,
      jobs: run.jobs,
    });
    const ms = performance.now() - started;
    const records = phases.reduce((n, p) => n + p.created + p.updated + p.unchanged, 0);
    const rejected = phases.reduce((n, p) => n + p.rejected, 0);
    const calls = server.calls.length - callsBefore;
    return {
      ...run,
      records,
      rejected,
      ms: Math.round(ms),
      recordsPerSecond: perSecond(records, ms),
      calls,
      callsPerRecord: Math.round((calls / Math.max(records, 1)) * 100) / 100,
    };
  } finally {
    store.close();
  }
}

if (isEntryPoint(import.meta.url)) runAsChild(main);
