// One private Handlebars instance per output format, holding that format's partials (one per section) and
// helpers. Helpers never un-escape: in HTML, data goes through `{{ }}`; in Markdown, the `cell` and `code`
// helpers escape for Markdown and anything printed without them still gets Handlebars' HTML escaping.

import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { markdownCell, markdownCode } from "./markdown-escape.js";
import { SECTIONS } from "./sections.js";
import { packageRoot } from "../../plan/package-root.js";
import type { DocsView } from "./view.js";

export type DocsFormat = "markdown" | "html";

const compiled = new Map<DocsFormat, Handlebars.TemplateDelegate<DocsView>>();

export function documentTemplate(format: DocsFormat): Handlebars.TemplateDelegate<DocsView> {
  let template = compiled.get(format);
  if (template === undefined) {
    template = compileDocument(format);
    compiled.set(format, template);
  }
  return template;
}

function compileDocument(format: DocsFormat): Handlebars.TemplateDelegate<DocsView> {
  const folder = join(packageRoot(), "compiler", "docs", "templates", format);
  const handlebars = Handlebars.create();
  registerSharedHelpers(handlebars);
  if (format === "markdown") registerMarkdownHelpers(handlebars);

  const partials = readdirSync(folder)
    .filter((file) => file.endsWith(".hbs") && file !== "document.hbs")
    .sort();
  for (const file of partials) {
    handlebars.registerPartial(basename(file, ".hbs"), readFileSync(join(folder, file), "utf8"));
  }
  const missing = SECTIONS.filter((section) => !partials.includes(`${section.id}.hbs`));
  if (missing.length > 0) {
    throw new Error(`mapc docs: no ${format} partial for section ${missing.map((s) => s.id).join(", ")} in ${folder}`);
  }
  return handlebars.compile<DocsView>(readFileSync(join(folder, "document.hbs"), "utf8"));
}

function registerSharedHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper("join", (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === "string" ? separator : ", ") : "",
  );
  // One item per line; HTML cells keep the line breaks (white-space: pre-line), Markdown's `cell` does the same.
  handlebars.registerHelper("lines", (list: unknown) => (Array.isArray(list) ? list.join("\n") : ""));
  handlebars.registerHelper("percent", (value: unknown) => (typeof value === "number" ? `${value.toFixed(1)} %` : ""));
}

function registerMarkdownHelpers(handlebars: typeof Handlebars): void {
  // A list in a cell becomes one line per item.
  handlebars.registerHelper(
    "cell",
    (value: unknown) => new handlebars.SafeString(markdownCell(Array.isArray(value) ? value.join("\n") : text(value))),
  );
  // Technical names (models, fields, columns); a list becomes comma-separated code spans.
  handlebars.registerHelper(
    "code",
    (value: unknown) =>
      new handlebars.SafeString(
        (Array.isArray(value) ? value : [value])
          .map((item) => markdownCode(text(item)))
          .filter((span) => span !== "")
          .join(", "),
      ),
  );
}

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}
