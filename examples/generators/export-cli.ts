// The command line every sample-export generator shares:
// `--out DIR [--seed N] [--scale N] [--variant NAME[,NAME…]] [--replace]`.
// A generator's own CLI names its source, its variants and its generate function; parsing returns a value,
// so tests can call it without starting a process.
import { realpathSync } from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { ALL_VARIANTS, resolveVariants, type ExportVariant } from "./variants.js";

export interface ExportArgs {
  outDir: string;
  seed: number;
  scale: number;
  replace: boolean;
  /** The variants to apply, resolved (`all` expanded) and in the generator's order; empty for the sample's shape. */
  variants: string[];
}

/** What a generator's generate function takes (the export's options before the command line resolves them). */
export interface ExportOptions {
  outDir: string;
  seed: number;
  /** A whole number ≥ 1: scale n writes n times the business records of the sample. */
  scale: number;
  /** Overwrite the files of an earlier export in outDir (other files there are left alone). */
  replace?: boolean;
  /**
   * Shape the export like another customer's: names of the generator's variants, any combination, or `all`.
   * None (the default) writes the sample's shape.
   */
  variants?: readonly string[];
}

/** What the command prints instead of writing an export: help, or a usage error. */
export interface CliExit {
  message: string;
  exitCode: number;
}

export interface ExportCommand {
  /** The source's name: the script is `<source>-cli`, the sample (seed 1, scale 1) `examples/<source>/`. */
  source: string;
  /** The first line of the help: `Writes a … sample export.` */
  summary: string;
  /** What --scale multiplies: `records`, `business records`. */
  scaled: string;
  /** The variants the generator knows, in the order it applies them. */
  variants: readonly ExportVariant[];
}

function exportHelp(command: ExportCommand): string {
  const width = Math.max(...command.variants.map((v) => v.name.length), ALL_VARIANTS.length);
  const variants = [...command.variants, { name: ALL_VARIANTS, summary: "every variant above" }].map(
    (v) => `  ${v.name.padEnd(width)}  ${v.summary}`,
  );
  return `${command.summary}

Usage: ${command.source}-cli --out DIR [--seed N] [--scale N] [--variant NAME[,NAME…]] [--replace]

  --out DIR         folder to write to (created if missing)
  --seed N          random seed, default 1 (seed 1, scale 1 is examples/${command.source}/)
  --scale N         whole number ≥ 1, default 1: N times the sample's ${command.scaled}, for benchmarks
  --variant NAMES   shape the export like another customer's: variant names, comma-separated or the
                    option repeated, any combination; default none (the sample's shape)
  --replace         overwrite an earlier export in DIR

Variants:
${variants.join("\n")}
`;
}

/** Reads the command line; returns the options, or the text to print and the exit code. */
function parseExportArgs(argv: readonly string[], help: string, known: readonly ExportVariant[]): ExportArgs | CliExit {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string" },
        seed: { type: "string", default: "1" },
        scale: { type: "string", default: "1" },
        replace: { type: "boolean", default: false },
        variant: { type: "string", multiple: true },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    return { message: `${(error as Error).message}\n\n${help}`, exitCode: 2 };
  }
  if (values.help) return { message: help, exitCode: 0 };
  if (!values.out) return { message: `--out is required\n\n${help}`, exitCode: 2 };
  const seed = Number(values.seed);
  const scale = Number(values.scale);
  if (!Number.isInteger(seed) || seed < 0)
    return { message: `--seed must be a whole number ≥ 0, got ${values.seed}\n`, exitCode: 2 };
  if (!Number.isInteger(scale) || scale < 1)
    return { message: `--scale must be a whole number ≥ 1, got ${values.scale}\n`, exitCode: 2 };
  let variants: string[];
  try {
    variants = resolveVariants(known, values.variant);
  } catch (error) {
    return { message: `--variant: ${(error as Error).message}\n`, exitCode: 2 };
  }
  return { outDir: values.out, seed, scale, replace: values.replace, variants };
}

type Generate = (args: ExportArgs) => Promise<readonly { records: number }[]>;

async function main(
  argv: readonly string[],
  help: string,
  known: readonly ExportVariant[],
  generate: Generate,
): Promise<number> {
  const parsed = parseExportArgs(argv, help, known);
  if ("message" in parsed) {
    (parsed.exitCode === 0 ? process.stdout : process.stderr).write(parsed.message);
    return parsed.exitCode;
  }
  const started = Date.now();
  const written = await generate(parsed);
  const records = written.reduce((n, w) => n + w.records, 0);
  const shaped = parsed.variants.length > 0 ? ` (variants ${parsed.variants.join(", ")})` : "";
  process.stdout.write(
    `${parsed.outDir}${shaped}: ${written.length} files, ${records} records in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

/**
 * The command line of one generator: its help and its parser, which returns the options or the text to
 * print and the exit code. When `moduleUrl` is the script node was started with, it also runs the export.
 */
export function exportCli(
  moduleUrl: string,
  command: ExportCommand,
  generate: Generate,
): { help: string; parse(argv: readonly string[]): ExportArgs | CliExit } {
  const help = exportHelp(command);
  if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(moduleUrl)) {
    main(process.argv.slice(2), help, command.variants, generate).then(
      (code) => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  }
  return { help, parse: (argv) => parseExportArgs(argv, help, command.variants) };
}
