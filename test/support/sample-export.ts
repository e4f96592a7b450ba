// What every sample-export generator under examples/generators/ promises, tested the same way for each:
// the committed sample is its output byte for byte, the seed alone decides the bytes, scale 3 writes three
// times the records, and an earlier export is overwritten only when asked; and of its variants, that each
// changes the export, any set of them gives the same bytes every time, and the README names them. Plus the
// file helpers the generator tests read exports with.
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
  variants?: readonly string[];
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

/** Whether two exports hold the same files with the same bytes. */
export async function sameFiles(a: string, b: string): Promise<boolean> {
  const files = await filesUnder(a);
  if (JSON.stringify(files) !== JSON.stringify(await filesUnder(b))) return false;
  for (const file of files) if (!(await readFile(join(a, file))).equals(await readFile(join(b, file)))) return false;
  return true;
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
export function sampleGeneratorContract(
  generator: SampleGenerator,
): (name: string, seed: number, scale: number) => Promise<string> {
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
    if (!exports.has(name))
      exports.set(
        name,
        generator.generate({ outDir: join(scratch, name), seed, scale }).then(() => join(scratch, name)),
      );
    return exports.get(name)!;
  };

  it(`reproduces the committed ${sample} byte for byte`, async () => {
    await expectSameFiles(
      await generated("seed1", 1, 1),
      sampleDir,
      ` from the generator's output; regenerate with ${regenerate}`,
    );
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
    await expect(generator.generate({ outDir: join(scratch, "half"), seed: 1, scale: 1.5 })).rejects.toThrow(
      /whole number/,
    );
  });

  return generated;
}

export interface VariantGenerator {
  source: string;
  generate(options: ExportOptions): Promise<unknown>;
  /** The generator's variants, in the order it applies them. */
  variants: readonly { name: string }[];
}

/** Writes exports of a generator's variants into a scratch folder (removed after the block), each once. */
export type VariantExports = (variants: readonly string[], seed?: number, scale?: number) => Promise<string>;

/**
 * Adds the tests every generator's variants pass to the enclosing describe block, and returns a function
 * that writes an export of some variants (seed 1, scale 1 unless told) and gives its path.
 */
export function variantContract(generator: VariantGenerator): VariantExports {
  const sampleDir = fileURLToPath(new URL(`../../examples/${generator.source}/`, import.meta.url));
  const names = generator.variants.map((v) => v.name);
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), `${generator.source}-variants-`));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });
  const exports = new Map<string, Promise<string>>();
  let written = 0;
  const generated: VariantExports = (variants, seed = 1, scale = 1) => {
    const key = `${variants.join("+") || "none"}-${seed}-${scale}`;
    if (!exports.has(key)) {
      const outDir = join(scratch, `${++written}-${key}`);
      exports.set(
        key,
        generator.generate({ outDir, seed, scale, variants }).then(() => outDir),
      );
    }
    return exports.get(key)!;
  };

  it("writes the sample's bytes with no variant", async () => {
    expect(await sameFiles(await generated([]), sampleDir)).toBe(true);
  });

  it("changes the export with each variant, and names it in the export's README", async () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const dir = await generated([name]);
      expect(await sameFiles(dir, sampleDir), name).toBe(false);
      const readme = await readFile(join(dir, "README.md"), "utf8");
      expect(readme, name).toContain("## Variants");
      expect(readme, name).toContain(`- \`${name}\``);
      for (const other of names.filter((n) => n !== name))
        expect(readme, `${name} README names ${other}`).not.toContain(`- \`${other}\``);
    }
    const all = await readFile(join(await generated(["all"]), "README.md"), "utf8");
    for (const name of names) expect(all, name).toContain(`- \`${name}\``);
  });

  it("gives identical bytes for the same variants in any order, and other bytes for another seed", async () => {
    const first = await generated(["all"], 4, 2);
    const again = join(scratch, "all-again");
    await generator.generate({ outDir: again, seed: 4, scale: 2, variants: [...names].reverse() });
    expect(await sameFiles(again, first)).toBe(true);
    expect(await sameFiles(await generated(["all"], 5, 2), first)).toBe(false);
  });

  it("refuses an unknown variant, naming the known ones", async () => {
    const attempt = generator.generate({
      outDir: join(scratch, "unknown"),
      seed: 1,
      scale: 1,
      variants: ["no-such-variant"],
    });
    await expect(attempt).rejects.toThrow(
      new RegExp(`unknown variant no-such-variant; known: ${names.join(", ")}, all`),
    );
  });

  return generated;
}
