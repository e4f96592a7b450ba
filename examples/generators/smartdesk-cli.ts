#!/usr/bin/env node
// node dist/examples/generators/smartdesk-cli.js --out DIR [--seed N] [--scale N] [--replace]
import { realpathSync } from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { generateSmartDeskExport, type SmartDeskExportOptions } from "./smartdesk.js";

export const HELP = `Writes a SmartDesk (HubSpot look-alike) sample export.

Usage: smartdesk-cli --out DIR [--seed N] [--scale N] [--replace]

  --out DIR     folder to write to (created if missing)
  --seed N      random seed, default 1 (seed 1, scale 1 is examples/smartdesk/)
  --scale N     whole number ≥ 1, default 1: N times the sample's records, for benchmarks
  --replace     overwrite an earlier export in DIR
`;

/** Reads the command line; returns the options, or the text to print and the exit code. */
export function parseSmartDeskArgs(argv: readonly string[]): SmartDeskExportOptions | { message: string; exitCode: number } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string" },
        seed: { type: "string", default: "1" },
        scale: { type: "string", default: "1" },
        replace: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    return { message: `${(error as Error).message}\n\n${HELP}`, exitCode: 2 };
  }
  if (values.help) return { message: HELP, exitCode: 0 };
  if (!values.out) return { message: `--out is required\n\n${HELP}`, exitCode: 2 };
  const seed = Number(values.seed);
  const scale = Number(values.scale);
  if (!Number.isInteger(seed) || seed < 0) return { message: `--seed must be a whole number ≥ 0, got ${values.seed}\n`, exitCode: 2 };
  if (!Number.isInteger(scale) || scale < 1) return { message: `--scale must be a whole number ≥ 1, got ${values.scale}\n`, exitCode: 2 };
  return { outDir: values.out, seed, scale, replace: values.replace };
}

async function main(): Promise<number> {
  const parsed = parseSmartDeskArgs(process.argv.slice(2));
  if ("message" in parsed) {
    (parsed.exitCode === 0 ? process.stdout : process.stderr).write(parsed.message);
    return parsed.exitCode;
  }
  const started = Date.now();
  const written = await generateSmartDeskExport(parsed);
  const records = written.reduce((n, w) => n + w.records, 0);
  process.stdout.write(`${parsed.outDir}: ${written.length} files, ${records} records in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
