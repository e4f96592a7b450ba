// What every sample-export generator under examples/generators/ promises, tested the same way for each:
// the committed sample is its output byte for byte, the seed alone decides the bytes, scale 3 writes three
// times the records (and keeps the relations), and an earlier export is overwritten only when asked; and of
// its variants, that the command line picks them, each changes the export, any set of them gives the same
// bytes every time, and the README names them. Plus the file helpers the generator tests read exports with.
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { CliExit, ExportArgs } from "../../examples/generators/export-cli.js";

interface ExportOptions {
  outDir: string;
  seed: number;
  scale: number;
  replace?: boolean;
  variants?: readonly string[];
}

/** The committed sample of a source, examples/<source>/, seed 1 and scale 1 of its generator. */
export function sampleDir(source: string): string {
  return fileURLToPath(new URL(`../../examples/${source}/`, import.meta.url));
}

/** A CSV row by its header's labels. */
export type CsvRow = Record<string, string>;

/** Reads the CSV files of an export in one delimiter; a byte order mark, where there is one, is dropped. */
export interface CsvReader {
  /** The rows of dir/file, by the labels of its header. */
  readCsv(dir: string, file: string): Promise<CsvRow[]>;
  /** The header of dir/file: its column labels, in order. */
  headerOf(dir: string, file: string): Promise<string[]>;
}

/** A CsvReader for files delimited by `delimiter`, a comma unless told. */
export function csvReader(delimiter = ","): CsvReader {
  return {
    readCsv: async (dir, file) =>
      parse(await readFile(join(dir, file)), { delimiter, columns: true, bom: true }) as CsvRow[],
    headerOf: async (dir, file) =>
      (parse(await readFile(join(dir, file)), { delimiter, bom: true, to_line: 1 }) as string[][])[0]!,
  };
}

/** The ids of a generator's awkward cases by key, as `trapIds("orphan-activity")`; an unknown key fails. */
export function trapIdsOf(traps: readonly { key: string; ids: string[] }[]): (key: string) => string[] {
  return (key) => {
    const trap = traps.find((t) => t.key === key);
    if (!trap) throw new Error(`no awkward case ${key}`);
    return trap.ids;
  };
}

/**
 * Each awkward case is listed in the README with its file and ids, and each id is a row of that file (`keyOf`
 * gives a file's rows and its id column). Returns the rows of a case by key.
 */
export function expectTrapRows(
  readme: string,
  traps: readonly { key: string; file: string; ids: string[] }[],
  keyOf: Readonly<Record<string, readonly [CsvRow[], string]>>,
): (key: string) => CsvRow[] {
  for (const trap of traps) {
    expect(readme).toContain(`| ${trap.key} | ${trap.file} | ${trap.ids.join(", ")} |`);
    const [rows, key] = keyOf[trap.file] ?? [[], ""];
    for (const id of trap.ids)
      expect(
        rows.some((r) => r[key] === id),
        `${trap.key}: ${id} in ${trap.file}`,
      ).toBe(true);
  }
  return (key) => {
    const trap = traps.find((t) => t.key === key)!;
    const [rows, column] = keyOf[trap.file]!;
    return trap.ids.map((id) => rows.find((r) => r[column] === id)!);
  };
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

/** The page files of folder dir/folder in page order: by the number in their name, however they are named. */
export async function pageFileNames(dir: string, folder: string): Promise<string[]> {
  const pageNumber = (name: string) => Number(/(\d+)\.json$/.exec(name)?.[1] ?? Number.NaN);
  return (await readdir(join(dir, folder)))
    .filter((name) => name.endsWith(".json"))
    .sort((a, b) => pageNumber(a) - pageNumber(b));
}

/** The JSON pages of a paged folder, in page order. */
export async function readJsonPages<T>(dir: string, folder: string): Promise<T[]> {
  return readJsonFiles<T>(join(dir, folder), await pageFileNames(dir, folder));
}

/** A page of a Laravel API's paginated answer, as a Concord export holds it. */
export interface LaravelPage {
  data: Record<string, unknown>[];
  links: { first: string; last: string; prev: string | null; next: string | null };
  meta: Record<string, number | string | null>;
}

/**
 * Laravel's paginator, pages 1…n of a resource at `path`: `perPage` rows a page (the last short), rows in id
 * order from 1, links and meta that agree with them.
 */
export function expectLaravelPages(pages: readonly LaravelPage[], path: string, perPage: number): void {
  const total = pages.reduce((n, page) => n + page.data.length, 0);
  const last = Math.max(1, Math.ceil(total / perPage));
  const url = (n: number) => `${path}?page=${n}`;
  expect(pages.length, path).toBe(last);
  pages.forEach((page, i) => {
    const n = i + 1;
    const where = `${path} page ${n}`;
    const from = (n - 1) * perPage + 1;
    expect(Object.keys(page), where).toEqual(["data", "links", "meta"]);
    expect(page.data.length, where).toBe(n < last ? perPage : total - (last - 1) * perPage);
    expect(page.links, where).toEqual({
      first: url(1),
      last: url(last),
      prev: n > 1 ? url(n - 1) : null,
      next: n < last ? url(n + 1) : null,
    });
    expect(page.meta, where).toEqual({
      current_page: n,
      last_page: last,
      per_page: perPage,
      total,
      from,
      to: from + page.data.length - 1,
      path,
    });
    expect(
      page.data.map((r) => r["id"]),
      where,
    ).toEqual(page.data.map((_, k) => from + k));
  });
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
  /** Expects what an export keeps at any scale beyond its counts (relations between files); run at scale 3. */
  expectRelations?(dir: string, scale: number): Promise<void>;
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
  const sampleFolder = sampleDir(generator.source);
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
      sampleFolder,
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
    const small = await generator.countRecords(sampleFolder);
    for (const [table, count] of Object.entries(small)) expect(count, table).toBeGreaterThanOrEqual(6);
    const tripled = Object.fromEntries(Object.entries(small).map(([table, count]) => [table, 3 * count]));
    expect(await generator.countRecords(await generated("scale3", 1, 3))).toEqual(tripled);
  });

  const { expectRelations } = generator;
  if (expectRelations)
    it("keeps every relation at scale 3", async () => {
      await expectRelations(await generated("scale3", 1, 3), 3);
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
  /** The generator's command line: its help, and its parser (`exportCli` in export-cli.ts). */
  cli: { help: string; parse(argv: readonly string[]): ExportArgs | CliExit };
}

/** Each variant alone, then all of them: the exports a test of what every variant keeps reads. */
export function eachVariantThenAll(variants: readonly { name: string }[]): string[][] {
  return [...variants.map((v) => [v.name]), ["all"]];
}

/** Writes exports of a generator's variants into a scratch folder (removed after the block), each once. */
export type VariantExports = (variants: readonly string[], seed?: number, scale?: number) => Promise<string>;

/**
 * Adds the tests every generator's variants pass to the enclosing describe block, and returns a function
 * that writes an export of some variants (seed 1, scale 1 unless told) and gives its path.
 */
export function variantContract(generator: VariantGenerator): VariantExports {
  const sampleFolder = sampleDir(generator.source);
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

  it("are chosen on the command line with --variant, comma-separated, repeated or all", () => {
    const variantsOf = (...argv: string[]) => {
      const parsed = generator.cli.parse(["--out", "x", ...argv]);
      return "variants" in parsed ? parsed.variants : parsed;
    };
    // The generator's order, whatever the order asked in.
    const [first, last] = [names[0]!, names.at(-1)!];
    expect(names.length).toBeGreaterThan(1);
    expect(variantsOf()).toEqual([]);
    expect(variantsOf("--variant", `${last},${first}`)).toEqual([first, last]);
    expect(variantsOf("--variant", last, "--variant", first)).toEqual([first, last]);
    expect(variantsOf("--variant", "all")).toEqual(names);
    expect(variantsOf("--variant", `${first},bogus`)).toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(`unknown variant bogus; known: ${first}`),
    });
    for (const name of names) expect(generator.cli.help).toContain(`  ${name} `);
  });

  it("writes the sample's bytes with no variant", async () => {
    expect(await sameFiles(await generated([]), sampleFolder)).toBe(true);
  });

  it("changes the export with each variant, and names it in the export's README", async () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const dir = await generated([name]);
      expect(await sameFiles(dir, sampleFolder), name).toBe(false);
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
