// The live load against the load a consultant writes by hand (plain_loader.py), on a real Odoo, in the same
// run: each bundled pair's sample is loaded by `mapc run` into one fresh copy of a template database and by
// the plain loader (from mapc's staging of the same export) into another, and the ratio of their times is
// reported. Runs only when MAPC_BENCH_ODOO_URL names an Odoo; CI has none.
//   MAPC_BENCH_ODOO_URL        e.g. http://127.0.0.1:8069
//   MAPC_BENCH_ODOO_TEMPLATE   a database with the apps the specs need (crm, contacts, calendar, project, sale_management)
//   MAPC_BENCH_ODOO_MASTER     the master password, to copy and drop databases
//   MAPC_BENCH_ODOO_USER, MAPC_BENCH_ODOO_PASSWORD   a login of the template (default admin / admin)
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isEntryPoint } from "./child.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MAPC = join(ROOT, "bin", "mapc.js");
const PAIRS = ["smartdesk", "opex365", "leadforce", "concord", "sage"] as const;

export interface LiveLoadMeasurement {
  pair: string;
  records: number;
  mapcSeconds: number;
  plainSeconds: number;
  plainCalls: number;
  /** the plain loader's `create` calls alone: the records every loader must write */
  plainCreateSeconds: number;
  /** mapc's time over the plain loader's: the target is at most 0.4 */
  ratio: number;
  /** the plain loader's create calls over its whole time: no loader that writes the same records goes below */
  floor: number;
}

interface Server {
  url: string;
  template: string;
  master: string;
  user: string;
  password: string;
}

export function liveLoadServer(env: NodeJS.ProcessEnv = process.env): Server | undefined {
  const url = env["MAPC_BENCH_ODOO_URL"];
  if (!url) return undefined;
  return {
    url,
    template: env["MAPC_BENCH_ODOO_TEMPLATE"] ?? "mapc_template",
    master: env["MAPC_BENCH_ODOO_MASTER"] ?? "admin",
    user: env["MAPC_BENCH_ODOO_USER"] ?? "admin",
    password: env["MAPC_BENCH_ODOO_PASSWORD"] ?? "admin",
  };
}

/** A method of Odoo's `db` service, through Python's xmlrpc (python3 is what the plain loader needs too). */
function dbService(server: Server, method: string, ...args: string[]): void {
  const script = `import sys, xmlrpc.client as x; getattr(x.ServerProxy(sys.argv[1] + "/xmlrpc/2/db"), sys.argv[2])(*sys.argv[3:])`;
  execFileSync("python3", ["-c", script, server.url, method, ...args], { stdio: "inherit" });
}

function mapc(args: string[], server: Server): { status: number; seconds: number; stdout: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [MAPC, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, MAPC_ODOO_PASSWORD: server.password },
  });
  return { status: run.status ?? 1, seconds: (performance.now() - started) / 1000, stdout: run.stdout };
}

function freshDatabase(server: Server, name: string): void {
  spawnSync("python3", [
    "-c",
    `import sys, xmlrpc.client as x; x.ServerProxy(sys.argv[1] + "/xmlrpc/2/db").drop(sys.argv[2], sys.argv[3])`,
    server.url,
    server.master,
    name,
  ]);
  dbService(server, "duplicate_database", server.master, server.template, name);
}

function measurePair(server: Server, pair: string, work: string): LiveLoadMeasurement {
  const spec = join(work, `${pair}.mapspec`);
  copyFileSync(join(ROOT, "specs", `${pair}.mapspec`), spec);
  const exportDir = join(ROOT, "examples", pair);
  if (mapc(["confirm", spec, "--by", "bench"], server).status !== 0) throw new Error(`mapc confirm ${pair} failed`);
  const connection = (db: string) => ["--odoo", server.url, "--db", db, "--user", server.user];
  const times: Partial<LiveLoadMeasurement> = { pair };
  for (const who of ["mapc", "plain"] as const) {
    const db = `mapc_bench_${pair}_${who}`;
    const runDir = join(work, `${pair}-${who}`);
    freshDatabase(server, db);
    if (
      mapc(
        ["apply-schema", spec, "--source", exportDir, ...connection(db), "--out", join(work, `${pair}-${who}-schema`)],
        server,
      ).status !== 0
    )
      throw new Error(`apply-schema ${pair} failed`);
    if (who === "mapc") {
      const run = mapc(["run", spec, "--source", exportDir, ...connection(db), "--out", runDir, "--json"], server);
      if (run.status !== 0) throw new Error(`mapc run ${pair} failed`);
      times.mapcSeconds = round(run.seconds);
      times.records =
        (JSON.parse(run.stdout) as { loadPhases?: Array<{ created: number }> }).loadPhases?.reduce(
          (n, p) => n + p.created,
          0,
        ) ?? 0;
    } else {
      if (mapc(["run", spec, "--source", exportDir, "--out", runDir], server).status !== 0)
        throw new Error(`mapc dry run ${pair} failed`);
      const out = execFileSync(
        "python3",
        [join(ROOT, "bench", "plain_loader.py"), runDir, server.url, db, server.user, server.password],
        {
          encoding: "utf8",
        },
      );
      const plain = JSON.parse(out.trim().split("\n").at(-1)!) as {
        seconds: number;
        calls: number;
        createSeconds: number;
      };
      times.plainSeconds = plain.seconds;
      times.plainCalls = plain.calls;
      times.plainCreateSeconds = plain.createSeconds;
    }
    dbService(server, "drop", server.master, db);
  }
  return {
    ...(times as LiveLoadMeasurement),
    ratio: round(times.mapcSeconds! / times.plainSeconds!),
    floor: round(times.plainCreateSeconds! / times.plainSeconds!),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Every pair, or those `MAPC_BENCH_LIVE_PAIRS` names (`concord,leadforce`): one pair takes minutes. */
function livePairs(env: NodeJS.ProcessEnv = process.env): string[] {
  const named = env["MAPC_BENCH_LIVE_PAIRS"]?.split(",").map((pair) => pair.trim()) ?? [...PAIRS];
  const unknown = named.filter((pair) => !(PAIRS as readonly string[]).includes(pair));
  if (unknown.length > 0)
    throw new Error(`MAPC_BENCH_LIVE_PAIRS names no pair ${unknown.join(", ")}: use ${PAIRS.join(", ")}`);
  return named;
}

export function measureLiveLoad(server: Server): LiveLoadMeasurement[] {
  const work = mkdtempSync(join(tmpdir(), "mapc-bench-live-"));
  try {
    return livePairs().map((pair) => measurePair(server, pair, work));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isEntryPoint(import.meta.url)) {
  const server = liveLoadServer();
  if (!server) {
    process.stderr.write(
      "set MAPC_BENCH_ODOO_URL (and MAPC_BENCH_ODOO_TEMPLATE, MAPC_BENCH_ODOO_MASTER) to a real Odoo 17\n",
    );
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(measureLiveLoad(server))}\n`);
}
