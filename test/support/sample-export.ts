// What every sample-export generator under examples/generators/ promises, tested the same way for each:
// the committed sample is its output byte for byte, the seed alone decides the bytes, scale 3 writes three
// times the records, and an earlier export is overwritten only when asked. Plus the file helpers the
// generator tests read exports with.
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

interface ExportOptions {
  outDir: string;
  seed: number;
  scale: number;
  replace?: boolean;
}

/** Files below dir, relative; dotfiles (a sample's .gitattributes) are the repository's, not the export's. */
export async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await filesUnder(dir, path)));
    else found.push(path);
  }
  return found.sort();
}

/** The JSON documents `names` of folder dir, in that order: the pages of a paged export. */
export async function readJsonFiles<T>(dir: string, names: readonly string[]): Promise<T[]> {
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8")) as T));
}

async function expectSameFiles(actual: string, expected: string, hint: string): Promise<void> {
  const files = await filesUnder(expected);
  expect(await filesUnder(actual), `file list differs${hint}`).toEqual(files);
  for (const file of files) {
    const same = (await readFile(join(actual, file))).equals(await readFile(join(expected, file)));
    expect(same, `${file} differs${hint}`).toBe(true);
  }
}

export interface SampleGenerator {
  /** The source's name: its sample is `examples/<source>/`, its command line `<source>-cli.ts`. */
  source: string;
  generate(options: ExportOptions): Promise<unknown>;
  /** A file whose bytes another seed changes. */
  seededFile: string;
  /** The records of an export that its scale multiplies, counted per file or table. */
  countRecords(dir: string): Promise<Record<string, number>>;
}

/**
 * Adds the tests every sample generator passes to the enclosing describe block, and returns a function
 * that writes an export into a scratch folder (removed after the block) and gives its path; an export
 * asked for again under the same name is written once.
 */
export function sampleGeneratorContract(generator: SampleGenerator): (name: string, seed: number, scale: number) => Promise<string> {
  const sample = `examples/${generator.source}/`;
  const regenerate = `npx tsc -p tsconfig.json && node dist/examples/generators/${generator.source}-cli.js --out examples/${generator.source} --seed 1 --scale 1 --replace`;
  const sampleDir = fileURLToPath(new URL(`../../${sample}`, import.meta.url));
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), `${generator.source}-`));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });
  const exports = new Map<string, Promise<string>>();
  const generated = (name: string, seed: number, scale: number) => {
    if (!exports.has(name)) exports.set(name, generator.generate({ outDir: join(scratch, name), seed, scale }).then(() => join(scratch, name)));
    return exports.get(name)!;
  };

  it(`reproduces the committed ${sample} byte for byte`, async () => {
    await expectSameFiles(await generated("seed1", 1, 1), sampleDir, ` from the generator's output; regenerate with ${regenerate}`);
  });

  it("gives identical bytes for the same seed, and other bytes for another seed", async () => {
    const first = await generated("seed7-a", 7, 2);
    await expectSameFiles(await generated("seed7-b", 7, 2), first, " between two runs with seed 7");
    const other = await generated("seed8", 8, 2);
    const file = generator.seededFile;
    expect((await readFile(join(first, file))).equals(await readFile(join(other, file))), file).toBe(false);
  });

  it("writes three times the records at scale 3", async () => {
    const small = await generator.countRecords(sampleDir);
    for (const [table, count] of Object.entries(small)) expect(count, table).toBeGreaterThanOrEqual(6);
    const tripled = Object.fromEntries(Object.entries(small).map(([table, count]) => [table, 3 * count]));
    expect(await generator.countRecords(await generated("scale3", 1, 3))).toEqual(tripled);
  });

  it("refuses to overwrite an earlier export unless asked to", async () => {
    const outDir = await generated("again", 3, 1);
    await expect(generator.generate({ outDir, seed: 3, scale: 1 })).rejects.toThrow(/already holds an export/);
    await expect(generator.generate({ outDir, seed: 3, scale: 1, replace: true })).resolves.toBeDefined();
    await expect(generator.generate({ outDir: join(scratch, "half"), seed: 1, scale: 1.5 })).rejects.toThrow(/whole number/);
  });

  return generated;
}
