// `mapc check --source` and `mapc propose --from` on the bundled samples and on exports of every variant
// class: their output is reviewed as baselines, so a change in what mapc tells a consultant shows in review.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../cli/main.js";
import { generateOpex365Export } from "../../examples/generators/opex365.js";
import { generateSmartDeskExport } from "../../examples/generators/smartdesk.js";
import { expectBaseline } from "../support/baseline.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mapc-export-checks-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { cwd: root, color: false };

const pairs = [
  {
    system: "smartdesk",
    variants: ["legacy-labels", "unselected", "extra-columns", "all"],
    generate: generateSmartDeskExport,
  },
  {
    system: "opex365",
    variants: ["logical-names", "unselected", "custom-columns", "all"],
    generate: generateOpex365Export,
  },
];

/** The export's folder, however the output names it (absolute or relative), as EXPORT: baselines hold no temp path. */
function portable(text: string, dir: string): string {
  const work = /[^\s`"']*mapc-export-checks-[A-Za-z0-9]+/g;
  return text.replace(work, "WORK").split(dir.replace(work, "WORK")).join("EXPORT");
}

describe.each(pairs)("$system: the bundled spec against exports", ({ system, variants, generate }) => {
  const spec = `specs/${system}.mapspec`;

  it("checks clean against its own sample", async () => {
    const result = await runCli(["check", spec, "--source", `examples/${system}`], env);
    expect(result.exitCode).toBe(0);
    expectBaseline(`export-checks/${system}.sample.check.txt`, result.stdout);
  });

  it.each(variants)("says what differs in the %s variant, on the spec's lines", async (variant) => {
    const dir = join(work, `${system}-${variant}`);
    await generate({ outDir: dir, seed: 5, scale: 1, variants: [variant] });
    const result = await runCli(["check", spec, "--source", dir], env);
    expect(result.exitCode).toBe(0);
    expectBaseline(`export-checks/${system}.${variant}.check.txt`, portable(result.stdout, dir));
  });

  it("drafts a spec from an export of all variants that checks without errors", async () => {
    const dir = join(work, `${system}-all`);
    const out = join(work, `${system}-draft.mapspec`);
    const drafted = await runCli(["propose", "--source", dir, "--system", system, "--out", out], env);
    expect(drafted.stderr).toContain("wrote");
    const checked = await runCli(["check", out, "--json"], env);
    const [report] = JSON.parse(checked.stdout) as Array<{
      ok: boolean;
      diagnostics: Array<{ severity: string; message: string }>;
    }>;
    expect(report!.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expectBaseline(`export-checks/${system}.all.draft.mapspec`, portable(readFileSync(out, "utf8"), dir));
  });

  it("adapts the spec to an export of all variants with propose --from, and the result reads all of it", async () => {
    const dir = join(work, `${system}-all`);
    const out = join(work, `${system}-adapted.mapspec`);
    const diff = await runCli(["propose", "--source", dir, "--system", system, "--from", spec, "--diff"], env);
    expect(diff.exitCode).toBe(0);
    expectBaseline(`export-checks/${system}.all.propose.diff`, portable(diff.stdout, work));
    expect(
      (await runCli(["propose", "--source", dir, "--system", system, "--from", spec, "--out", out], env)).exitCode,
    ).toBe(0);
    const checked = await runCli(["check", out, "--source", dir, "--json"], env);
    const [report] = JSON.parse(checked.stdout) as Array<{
      ok: boolean;
      exportCoverage: Array<{ unaccounted: string[] }>;
    }>;
    expect(report!.ok).toBe(true);
    expect(report!.exportCoverage.flatMap((a) => a.unaccounted)).toEqual([]);
  });
});
