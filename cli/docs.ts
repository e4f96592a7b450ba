import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { output, type Command } from "./command.js";
import { requireCleanSpec } from "./guards.js";

const help = `mapc docs SPEC [--out DIR]

Writes the customer-facing mapping documents for a spec that checks clean: one Markdown file and one
self-contained HTML file (no external assets), each with the overview, the object table, one field
table per map, the value maps, the lossy register, the custom-field manifest, the lookups and what
happens on a miss, the load order, the workflow inventory and the column coverage.

Options:
  --out DIR   where to write (default: out/docs/<system>); files are <system>-mapping.md and .html`;

export const docsCommand: Command = {
  name: "docs",
  summary: "render the mapping documents (Markdown and HTML) for the customer",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({ args: argv, options: { out: { type: "string" } }, allowPositionals: true });
    const compiled = requireCleanSpec(positionals, env);
    const system = compiled.plan.spec.system;
    const outDir = resolve(env.cwd, values.out ?? join("out", "docs", system));
    // Loaded on demand so that `check` and `fmt` do not pay for Handlebars and the templates.
    const { renderDocs } = await import("../compiler/docs/index.js");
    const docs = renderDocs({ ...compiled.plan, spec: { ...compiled.plan.spec, file: compiled.path } });
    mkdirSync(outDir, { recursive: true });
    const markdown = join(outDir, `${system}-mapping.md`);
    const html = join(outDir, `${system}-mapping.html`);
    writeFileSync(markdown, docs.markdown);
    writeFileSync(html, docs.html);
    const shown = (p: string) => relative(env.cwd, p) || p;
    return output(0, `wrote ${shown(markdown)}\nwrote ${shown(html)}\n`);
  },
};
