// `mapc docs`: the customer-facing mapping document, rendered from a TransformPlan as Markdown and as one
// self-contained HTML file. Same plan in, same bytes out: nothing time- or machine-dependent is printed
// unless the caller passes it (`generatedAt`), so the documents can be committed and checked by a test.

import type { TransformPlan } from "../../plan/types.js";
import { documentTemplate } from "./templates.js";
import { buildDocsView, type ExportColumns, type Inventory } from "./view.js";

export interface RenderDocsOptions {
  /** printed in the overview when given, e.g. an ISO date; omitted by default to keep output reproducible */
  generatedAt?: string;
  /** the items of each documentation row that lists a source (`from`), read from an export: by row name */
  inventory?: Readonly<Record<string, Inventory>>;
  /** every column of an export, per source: the coverage then counts the export's columns too */
  exportColumns?: readonly ExportColumns[];
}


export interface RenderedDocs {
  markdown: string;
  html: string;
}

export function renderDocs(plan: TransformPlan, options: RenderDocsOptions = {}): RenderedDocs {
  const view = buildDocsView(plan, options.generatedAt, options.inventory, options.exportColumns);
  return {
    markdown: documentTemplate("markdown")(view),
    html: documentTemplate("html")(view),
  };
}

export { SECTIONS } from "./sections.js";
export { markdownCell, markdownCode } from "./markdown-escape.js";
export { buildDocsView, type DocsView, type ExportColumns, type Inventory } from "./view.js";
