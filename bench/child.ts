// Each measurement runs in a child process of its own: its peak RSS is its own (not the sum of everything
// measured before it), and one measurement's JIT and heap state cannot help or hurt the next.
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Runs `node <script> <args…>` and parses the JSON it prints last on stdout; its stderr passes through. */
export function runChild<T>(script: URL, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(script), ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${fileURLToPath(script)} exited with code ${code}`));
      const last = out.trim().split("\n").at(-1) ?? "";
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${fileURLToPath(script)} printed no JSON result: ${out.slice(-500)}`));
      }
    });
  });
}

/** True when this module is the script node was started with (so a child entry point runs its main). */
export function isEntryPoint(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(moduleUrl);
}

/** Runs a child's main and prints its result as one JSON line, or fails with the error. */
export function runAsChild(main: (args: string[]) => Promise<unknown>): void {
  main(process.argv.slice(2)).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
