// compiler: syntax tree → checked TransformPlan. A spec moves through named stages:
// Parsed → Resolved (names collected) → Checked (against the source schema and the Odoo catalog) → Planned.
// Diagnostics from every stage are returned together; a plan is returned even when there are errors, so
// `docs` can still show a draft, but `build` and `run` refuse a plan with errors.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseSpec, type SourceRange, type Spec } from "../grammar/index.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { CatalogNotFoundError, availableCatalogVersions, loadCatalog, type OdooCatalog } from "./catalog/index.js";
import { CompileContext } from "./context.js";
import { computeCoverage } from "./coverage.js";
import { lowerDocument } from "./documents.js";
import { lowerLookup } from "./lookups.js";
import { lowerMapping } from "./maps.js";
import { planLoadOrder } from "./load-order.js";
import { PLAN_VERSION, type PlanCustomField, type PlanCustomModel, type TransformPlan } from "../plan/types.js";
import { didYouMean } from "./hints.js";
import { lowerSource } from "./sources.js";
import { collectSymbols } from "./symbols.js";
import { lowerCustomField, lowerCustomModel, lowerRecord } from "./targets.js";
import { lowerValueMap } from "./value-maps.js";

export type { TransformPlan } from "../plan/types.js";
export { validatePlan } from "../plan/validate.js";

/** How far a spec got: each stage is reached with errors of its own, and passed without them. */
export enum SpecStage {
  Parsed = "parsed",
  Resolved = "resolved",
  Checked = "checked",
  Planned = "planned",
}

export interface CompileResult {
  spec: Spec;
  plan: TransformPlan;
  diagnostics: Diagnostic[];
  ok: boolean;
  stage: SpecStage;
}

export function compileFile(path: string): CompileResult & { text: string } {
  const text = readFileSync(path, "utf8");
  return { ...compileSpec(text, path), text };
}

export function compileSpec(text: string, file: string): CompileResult {
  const parsed = parseSpec(text, file);
  const { symbols, diagnostics: symbolDiagnostics } = collectSymbols(parsed.spec);
  const { catalog, diagnostics: catalogDiagnostics } = catalogFor(parsed.spec);
  const ctx = new CompileContext(file, symbols, catalog, externalIdModule(parsed.spec.header.system.text));
  const plan = buildPlan(parsed.spec, text, ctx);
  const diagnostics = sortDiagnostics([
    ...parsed.diagnostics,
    ...symbolDiagnostics,
    ...catalogDiagnostics,
    ...ctx.diagnostics,
  ]);
  const stage = stageReached([parsed.diagnostics, symbolDiagnostics, [...catalogDiagnostics, ...ctx.diagnostics]]);
  return { spec: parsed.spec, plan, diagnostics, ok: !hasErrors(diagnostics), stage };
}

/**
 * The last stage the spec passed without an error: Parsed when its syntax is wrong, Resolved when a name is
 * declared twice or missing, Checked when a check against the source or the catalog failed, else Planned.
 */
function stageReached([syntax, names, checks]: ReadonlyArray<readonly Diagnostic[]>): SpecStage {
  if (hasErrors(syntax!)) return SpecStage.Parsed;
  if (hasErrors(names!)) return SpecStage.Resolved;
  if (hasErrors(checks!)) return SpecStage.Checked;
  return SpecStage.Planned;
}

function catalogFor(spec: Spec): { catalog: OdooCatalog | undefined; diagnostics: Diagnostic[] } {
  const version = spec.header.targetVersion.text;
  if (version === "") return { catalog: undefined, diagnostics: [] };
  try {
    return { catalog: loadCatalog(version), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof CatalogNotFoundError)) throw error;
    const ctx = new CompileContext(spec.file, collectSymbols(spec).symbols, undefined);
    ctx.report(
      "MC2001",
      spec.header.targetVersion.range,
      { version },
      `catalogs exist for ${availableCatalogVersions().join(", ")}`,
    );
    return { catalog: undefined, diagnostics: ctx.diagnostics };
  }
}

function buildPlan(spec: Spec, text: string, ctx: CompileContext): TransformPlan {
  const declarations = spec.declarations;
  const sources = declarations.flatMap((d) => (d.kind === "source" ? [lowerSource(d, ctx)] : []));
  const valueMaps = declarations.flatMap((d) => (d.kind === "values" ? [lowerValueMap(d, ctx)] : []));
  const customModels: PlanCustomModel[] = [];
  const customFields: PlanCustomField[] = [];
  for (const d of declarations) {
    if (d.kind === "customModel") {
      const lowered = lowerCustomModel(d, ctx);
      customModels.push(lowered.model);
      customFields.push(...lowered.fields);
    } else if (d.kind === "customField") {
      customFields.push(lowerCustomField(d.model, d.field, ctx, false));
    }
  }
  const records = declarations.flatMap((d) => (d.kind === "record" ? [lowerRecord(d, ctx)] : []));
  const lookups = declarations.flatMap((d) => (d.kind === "lookup" ? [lowerLookup(d, ctx)] : []));
  const mappings = declarations.flatMap((d) => (d.kind === "map" ? [lowerMapping(d, ctx)] : []));
  const documentation = declarations.flatMap((d) => (d.kind === "document" ? [lowerDocument(d, ctx)] : []));
  const orders = declarations.filter((d) => d.kind === "order");
  for (const extra of orders.slice(1)) ctx.report("MC2002", extra.range, { kind: "Load order", name: "order" });
  const loadOrder = planLoadOrder(mappings, orders[0], ctx);
  const coverage = computeCoverage(sources, mappings, ctx);
  reportUnused(spec, ctx);
  checkRecordLiterals(spec, ctx);
  const system = spec.header.system.text;
  return {
    planVersion: PLAN_VERSION,
    spec: {
      file: spec.file,
      contentHash: createHash("sha256").update(text).digest("hex"),
      system,
      title: spec.header.title?.value ?? `${system} to Odoo ${spec.header.targetVersion.text}`,
    },
    target: { system: "odoo", version: spec.header.targetVersion.text, externalIdModule: ctx.module },
    sources,
    lookups,
    valueMaps,
    customFields,
    customModels,
    records,
    mappings,
    documentation,
    loadOrder,
    coverage,
  };
}

/** Every external id mapc creates lives in one module per source system: `mapc_smartdesk`. */
function externalIdModule(system: string): string {
  return `mapc_${system.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`;
}

/** Every `record X` literal, wherever it stands, must name a declared record. */
function checkRecordLiterals(spec: Spec, ctx: CompileContext): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const value = node as { kind?: unknown; value?: unknown; range?: SourceRange };
    if (value.kind === "record" && typeof value.value === "string" && value.range) {
      if (!ctx.symbols.records.has(value.value))
        ctx.report("MC2123", value.range, { name: value.value }, didYouMean(value.value, ctx.symbols.records.keys()));
      return;
    }
    Object.values(node).forEach(visit);
  };
  visit(spec.declarations);
}

function reportUnused(spec: Spec, ctx: CompileContext): void {
  for (const d of spec.declarations) {
    if (d.kind === "lookup" && !ctx.usedNames.has(`lookup:${d.name.text}`))
      ctx.report("MC2210", d.name.range, { name: d.name.text });
    if (d.kind === "values" && !ctx.usedNames.has(`values:${d.name.text}`))
      ctx.report("MC2210", d.name.range, { name: d.name.text });
    if (d.kind === "customField" && !ctx.usedCustomFields.has(`${d.model.text}.${d.field.name.text}`)) {
      ctx.report("MC2118", d.field.name.range, { model: d.model.text, field: d.field.name.text });
    }
  }
}
