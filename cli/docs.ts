import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { TransformPlan } from "../plan/types.js";
import { output, type Command } from "./command.js";
import { requireCleanSpec } from "./guards.js";
import { exportFolder } from "./spec-files.js";

const help = `mapc docs SPEC [--out DIR] [--source DIR]

Writes the customer-facing mapping documents for a spec that checks clean: one Markdown file and one
self-contained HTML file (no external assets), each with the overview, the object table, one field
table per map, the value maps, the lossy register, the custom-field manifest, the lookups and what
happens on a miss, the load order, the workflow inventory and the column coverage.

Options:
  --out DIR      where to write (default: out/docs/<system>); files are <system>-mapping.md and .html
  --source DIR   the export: the custom-field manifest then lists the custom properties its metadata
                 holds (each with its x_ field), the coverage counts its columns (read, dropped or
                 not accounted for), and the workflow inventory lists every item of each \`document … from X\`
                 (every workflow, with the columns its \`show\` names), up to 500 per row

The documents hold no date or machine name: the same spec (and export) gives the same bytes, so they
can be committed and checked for staleness.`;

export const docsCommand: Command = {
  name: "docs",
  summary: "render the mapping documents (Markdown and HTML) for the customer",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, source: { type: "string" } },
      allowPositionals: true,
    });
    const compiled = requireCleanSpec(positionals, env);
    const system = compiled.plan.spec.system;
    const outDir = resolve(env.cwd, values.out ?? join("out", "docs", system));
    // Loaded on demand so that `check` and `fmt` do not pay for Handlebars and the templates.
    const { renderDocs } = await import("../compiler/docs/index.js");
    const exported =
      values.source === undefined ? undefined : await surveyedExport(compiled.plan, exportFolder(values.source, env));
    const plan = exported?.plan ?? compiled.plan;
    const docs = renderDocs(
      { ...plan, spec: { ...plan.spec, file: compiled.path } },
      exported ? { inventory: exported.inventory, exportColumns: exported.columns } : {},
    );
    mkdirSync(outDir, { recursive: true });
    const markdown = join(outDir, `${system}-mapping.md`);
    const html = join(outDir, `${system}-mapping.html`);
    writeFileSync(markdown, docs.markdown);
    writeFileSync(html, docs.html);
    const shown = (p: string) => relative(env.cwd, p) || p;
    return output(0, `wrote ${shown(markdown)}\nwrote ${shown(html)}\n`);
  },
};

// With an export, the documents describe the plan for it: its custom properties in the manifest, its columns
// in the coverage, its items in the workflow inventory.
export async function surveyedExport(plan: TransformPlan, exportDir: string) {
  const { readInventory } = await import("../runtime/extract/index.js");
  const { surveyExport } = await import("../runtime/survey/index.js");
  const survey = await surveyExport(plan, exportDir);
  return { plan: survey.plan, columns: survey.accounts, inventory: await readInventory(survey.plan, exportDir) };
}
