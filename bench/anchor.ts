// The same-work reference for staging (issue 16): a plain single-threaded Python script, kept beside the
// project (../shared/bench/anchor_stage_smartdesk.py, or MAPC_BENCH_ANCHOR), that stages the bench export's
// Company and Contact maps into SQLite as mapc does. The bench runs it on the same export in the same run,
// between mapc's own measurements, so the two figures share the machine's state.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface AnchorMeasurement {
  /** company and contact rows read, as the script counts them */
  rows: number;
  /** the script's own time from its start to its last write */
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

/** The anchor script, or undefined when it or python3 is not on this machine (the bench then goes without). */
export function anchorScript(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const script = env["MAPC_BENCH_ANCHOR"] ?? join(root, "..", "shared", "bench", "anchor_stage_smartdesk.py");
  if (!existsSync(script)) return undefined;
  return spawnSync("python3", ["--version"]).status === 0 ? script : undefined;
}

const RESULT = /^anchor: (\d+) rows staged .* in ([\d.]+) s: [\d,]+ rows\/s, peak RSS ([\d.]+) MB$/m;

export function measureAnchor(script: string, exportDir: string): AnchorMeasurement {
  const work = mkdtempSync(join(tmpdir(), "mapc-anchor-"));
  try {
    const run = spawnSync("python3", [script, exportDir, join(work, "anchor.sqlite")], { encoding: "utf8" });
    const found = RESULT.exec(run.stdout);
    if (run.status !== 0 || !found) throw new Error(`the anchor script failed: ${run.stderr || run.stdout}`);
    const rows = Number(found[1]);
    const seconds = Number(found[2]);
    return { rows, seconds, rowsPerSecond: Math.round(rows / seconds), peakRssMb: Number(found[3]) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
