// compiler: syntax tree → checked TransformPlan → generated code. A spec moves through named stages:
// Parsed (grammar/) → Resolved (resolve/: names collected, the catalog of the target version loaded) →
// Checked (lower/ builds the plan and reports what it cannot resolve; checks/ judge it) → Planned; `mapc
// build` then takes a Planned spec to Emitted (build/). Diagnostics from every stage are returned together;
// a plan is returned even when there are errors, so `docs` can still show a draft, but `build` and `run`
// refuse a plan with errors.
import { readFileSync } from "node:fs";
import { parseSpec, type Spec } from "../grammar/index.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { generateTypeScript, type BuildOptions } from "./build/index.js";
import { CatalogNotFoundError, availableCatalogVersions, loadCatalog, type OdooCatalog } from "./catalog/index.js";
import { checkSpec } from "./checks/index.js";
import { CompileContext } from "./context.js";
import { lowerSpec } from "./lower/index.js";
import type { TransformPlan } from "../plan/types.js";
import { collectSymbols } from "./resolve/symbols.js";

export type { TransformPlan } from "../plan/types.js";
export { validatePlan } from "../plan/validate.js";

/** How far a spec got: each stage is reached with errors of its own, and passed without them. */
export enum SpecStage {
  Parsed = "parsed",
  Resolved = "resolved",
  Checked = "checked",
  Planned = "planned",
  Emitted = "emitted",
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
  const { plan, lowered } = lowerSpec(parsed.spec, text, ctx);
  checkSpec(parsed.spec, plan, lowered, ctx);
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

/** Every external id mapc creates lives in one module per source system: `mapc_smartdesk`. */
function externalIdModule(system: string): string {
  return `mapc_${system.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`;
}

export interface EmitResult {
  code: string;
  stage: SpecStage.Emitted;
}

/**
 * The last stage: a Planned spec's plan (maybe completed by a survey of the export) as readable TypeScript.
 * Refuses a spec that did not reach Planned: generated code must never stand for a plan with errors.
 */
export function emitTypeScript(result: CompileResult, plan: TransformPlan, options: BuildOptions = {}): EmitResult {
  if (result.stage !== SpecStage.Planned)
    throw new Error(`cannot emit code for a spec that stopped at stage ${result.stage}: run \`mapc check\` on it`);
  return { code: generateTypeScript(plan, options), stage: SpecStage.Emitted };
}
