import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { commands, runCli } from "../../cli/main.js";
import { validatePlan } from "../../compiler/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mapc-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { cwd: root, color: false };

const broken = `mapping t -> odoo 17.0
source Deal from csv "deals.csv" {
  key "id"
  columns { "id": id  "name": text  "amount": money }
}
map Deal -> crm.lead {
  type = "opportunity"
  name <- "name"
  planned_revenue <- "amount"
}
`;

describe("mapc as a process", () => {
  const bin = join(root, "bin", "mapc.js");
  it("exits 0 on a spec that checks clean", () => {
    const run = spawnSync(process.execPath, [bin, "check", "specs/smartdesk.mapspec"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("specs/smartdesk.mapspec: 0 errors");
  });

  it("exits 1 with file:line:col, the code, the code frame and the hint on an error", () => {
    const file = join(work, "broken.mapspec");
    writeFileSync(file, broken);
    const run = spawnSync(process.execPath, [bin, "check", file], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${file}:9:3 - error MC2103: Unknown field \`planned_revenue\` on \`crm.lead\` in Odoo 17.0.`,
    );
    expect(run.stdout).toContain('9 |   planned_revenue <- "amount"');
    expect(run.stdout).toContain("  |   ~~~~~~~~~~~~~~~");
    expect(run.stdout).toContain("hint: did you mean `expected_revenue`?");
  });

  it("exits 2 on wrong usage and names the command's help", () => {
    const run = spawnSync(process.execPath, [bin, "check"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("mapc check SPEC...");
    expect(spawnSync(process.execPath, [bin, "nonsense"], { cwd: root, encoding: "utf8" }).status).toBe(2);
  });

  it.each(commands.map((command) => command.name))("prints the help of %s as a process, and exits 0", (name) => {
    const run = spawnSync(process.execPath, [bin, name, "--help"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`mapc ${name}`);
  });

  it("lists every command in the top-level help", () => {
    const help = execFileSync(process.execPath, [bin, "--help"], { cwd: root, encoding: "utf8" });
    for (const command of commands) expect(help).toContain(`${command.name} `);
  });
});

describe("a live run and the customer's confirmation", () => {
  // nothing listens on port 9: a refusal must come before any connection is tried
  const odoo = ["--odoo", "http://127.0.0.1:9", "--db", "prod", "--user", "admin"];
  const copy = (name: string) => {
    const spec = join(work, `${name}.mapspec`);
    writeFileSync(spec, readFileSync(join(root, "specs", "smartdesk.mapspec"), "utf8"));
    return spec;
  };

  it("refuses a spec nobody confirmed, and writes nothing", async () => {
    const spec = copy("unconfirmed");
    const runDir = join(work, "unconfirmed-run");
    const result = await runCli(["run", spec, "--source", "examples/smartdesk", "--out", runDir, ...odoo], env);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("is not confirmed: show the customer `mapc docs");
    expect(existsSync(runDir)).toBe(false);
  });

  it("refuses a spec changed since it was confirmed, and writes nothing", async () => {
    const spec = copy("changed");
    expect((await runCli(["confirm", spec, "--by", "A. Customer"], env)).exitCode).toBe(0);
    writeFileSync(spec, readFileSync(spec, "utf8").replace('because "', 'because "changed: '));
    const runDir = join(work, "changed-run");
    const result = await runCli(["run", spec, "--source", "examples/smartdesk", "--out", runDir, ...odoo], env);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/changed since it was confirmed on .* by A\. Customer/);
    expect(existsSync(runDir)).toBe(false);
  });

  it("needs no confirmation for a dry run", async () => {
    const spec = copy("dry");
    const result = await runCli(["run", spec, "--source", "examples/smartdesk", "--out", join(work, "dry-run")], env);
    expect(result.exitCode).toBe(0);
  });
});

describe("commands in-process", () => {
  it("check --json reports diagnostics and coverage for machines", async () => {
    const file = join(work, "json.mapspec");
    writeFileSync(file, broken);
    const result = await runCli(["check", "--json", file], env);
    expect(result.exitCode).toBe(1);
    const [report] = JSON.parse(result.stdout) as Array<{
      ok: boolean;
      diagnostics: Array<{ code: string; range: { start: { line: number } } }>;
      coverage: unknown[];
    }>;
    expect(report!.ok).toBe(false);
    expect(report!.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["MC2103", 9]]);
    expect(report!.coverage).toHaveLength(1);
  });

  it("fmt --check passes on the committed spec and fails on a messy one; --write fixes it", async () => {
    expect((await runCli(["fmt", "--check", "specs/smartdesk.mapspec"], env)).exitCode).toBe(0);
    const file = join(work, "messy.mapspec");
    writeFileSync(file, broken.replace("  type = ", "type=  "));
    expect((await runCli(["fmt", "--check", file], env)).exitCode).toBe(1);
    expect((await runCli(["fmt", "--write", file], env)).exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toContain('\n  type = "opportunity"\n');
    expect((await runCli(["fmt", "--check", file], env)).exitCode).toBe(0);
  });

  it("fmt refuses a spec with syntax errors rather than lose text", async () => {
    const file = join(work, "syntax.mapspec");
    writeFileSync(file, "mapping t -> odoo 17.0\nmap X -> y {\n");
    const result = await runCli(["fmt", "--write", file], env);
    expect(result.exitCode).toBe(1);
    expect(readFileSync(file, "utf8")).toBe("mapping t -> odoo 17.0\nmap X -> y {\n");
  });

  it("docs and build refuse a spec with errors", async () => {
    const file = join(work, "refused.mapspec");
    writeFileSync(file, broken);
    for (const command of ["docs", "build"]) {
      const result = await runCli([command, file, "--out", join(work, command)], env);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain("MC2103");
      expect(existsSync(join(work, command))).toBe(false);
    }
  });

  it("docs writes Markdown and self-contained HTML for the SmartDesk spec", async () => {
    const out = join(work, "docs");
    const result = await runCli(["docs", "specs/smartdesk.mapspec", "--out", out], env);
    expect(result.exitCode).toBe(0);
    const html = readFileSync(join(out, "smartdesk-mapping.html"), "utf8");
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(readFileSync(join(out, "smartdesk-mapping.md"), "utf8")).toContain("x_smartdesk_lifecycle_stage");
  });

  it("run --resume on a folder that never loaded into Odoo says so, and stages nothing", async () => {
    const runDir = join(work, "never-loaded");
    const result = await runCli(["run", "specs/smartdesk.mapspec", "--out", runDir, "--resume"], env);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("has never loaded into one: run without --resume");
    expect(existsSync(runDir)).toBe(false);
  });

  it("apply-schema refuses a run folder that loaded into another database, before connecting", async () => {
    const runDir = join(work, "other-db");
    mkdirSync(runDir, { recursive: true });
    const bound = `${JSON.stringify({ url: "http://127.0.0.1:9", db: "first", user: "admin" })}\n`;
    writeFileSync(join(runDir, "connection.json"), bound);
    const result = await runCli(
      [
        "apply-schema",
        "specs/smartdesk.mapspec",
        "--out",
        runDir,
        "--odoo",
        "http://127.0.0.1:9",
        "--db",
        "second",
        "--user",
        "admin",
      ],
      env,
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("loaded into http://127.0.0.1:9 (database first)");
    expect(readFileSync(join(runDir, "connection.json"), "utf8")).toBe(bound);
  });

  it("build writes a plan valid against the published schema and TypeScript pointing at spec lines", async () => {
    const out = join(work, "build");
    const result = await runCli(["build", "specs/smartdesk.mapspec", "--out", out], env);
    expect(result.exitCode).toBe(0);
    const plan = JSON.parse(readFileSync(join(out, "smartdesk.plan.json"), "utf8")) as unknown;
    expect(validatePlan(plan)).toEqual([]);
    expect(readFileSync(join(out, "smartdesk.plan.ts"), "utf8")).toContain("specs/smartdesk.mapspec:");
  });
});
