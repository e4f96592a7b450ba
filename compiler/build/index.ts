// `mapc build`: the plan as one readable, typed TypeScript module. Each mapping becomes a function whose
// statements follow the spec line by line; the runtime helpers it calls are the plan executor's own, so
// generated code and executor give the same outcome for every row.
import type { TransformPlan } from "../../plan/types.js";
import { newBuildContext, type BuildContext } from "./context.js";
import { constantCase, pascalCase } from "./names.js";
import {
  headerSection,
  importSection,
  mappingSection,
  sourceDispatchSection,
  sourcesSection,
  targetSection,
  transformRecordSection,
  valueMapsSection,
} from "./sections.js";

export interface BuildOptions {
  /** where generated code imports the runtime from */
  runtimeImport?: string;
}

export const DEFAULT_RUNTIME_IMPORT = "mapc/runtime";

export function generateTypeScript(plan: TransformPlan, options: BuildOptions = {}): string {
  const context = newBuildContext(plan);
  nameEverything(context);
  // The body is generated first: it decides which runtime names the import list holds.
  const body = [
    ...targetSection(context),
    ...sourcesSection(context),
    ...valueMapsSection(context),
    ...plan.mappings.flatMap((mapping) => ["", ...mappingSection(context, mapping)]),
    ...plan.sources.flatMap((source) => ["", ...sourceDispatchSection(context, source)]),
    "",
    ...transformRecordSection(context),
  ];
  const head = [
    ...headerSection(context),
    "",
    ...importSection(context, options.runtimeImport ?? DEFAULT_RUNTIME_IMPORT),
    "",
  ];
  return `${[...head, ...body].join("\n")}\n`;
}

function nameEverything(context: BuildContext): void {
  const { plan, names } = context;
  for (const source of plan.sources) {
    context.sourceConstants.set(source.name, names.unique(`${constantCase(source.name)}_SOURCE`));
    context.sourceFunctions.set(source.name, names.unique(`transform${pascalCase(source.name)}Row`));
  }
  for (const valueMap of plan.valueMaps) {
    context.valueMapConstants.set(valueMap.name, names.unique(`${constantCase(valueMap.name)}_MAP`));
  }
  for (const mapping of plan.mappings) {
    context.mappingFunctions.set(mapping.id, names.unique(`map${pascalCase(mapping.id)}`));
  }
}
