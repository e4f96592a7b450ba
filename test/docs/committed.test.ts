// The customer documents committed under docs/<pair>/ must be what `mapc docs` writes today for the
// bundled spec and example export; a change to the spec, the templates or the export makes this fail.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDocs } from "../../compiler/docs/index.js";
import { compileSpec } from "../../compiler/index.js";
import { surveyedExport } from "../../cli/docs.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe.each([{ system: "smartdesk" }, { system: "opex365" }, { system: "leadforce" }, { system: "concord" }, { system: "sage" }])("docs/$system", ({ system }) => {
  it("is current: regenerate with the command in the message if not", async () => {
    const specFile = `specs/${system}.mapspec`;
    const { plan } = compileSpec(readFileSync(join(root, specFile), "utf8"), specFile);
    // as `mapc docs --source` does: the plan for the export, its inventory and its columns
    const exported = await surveyedExport(plan, join(root, "examples", system));
    const docs = renderDocs(exported.plan, { inventory: exported.inventory, exportColumns: exported.columns });
    const regenerate = `stale: run \`npx mapc docs ${specFile} --source examples/${system} --out docs/${system}\``;
    expect(readFileSync(join(root, "docs", system, `${system}-mapping.md`), "utf8"), regenerate).toBe(docs.markdown);
    expect(readFileSync(join(root, "docs", system, `${system}-mapping.html`), "utf8"), regenerate).toBe(docs.html);
    // the inventory lists the export's items (workflows, stages, …), not only the columns it would show
    expect(docs.markdown).toContain("the items in the export");
  });
});
