// What the sections of a generated module share: the plan, the runtime names it imports, and the
// identifiers given to sources, value maps and mappings.
import type { TransformPlan } from "../../plan/types.js";
import { GeneratedNames } from "./names.js";

export interface BuildContext {
  plan: TransformPlan;
  /** runtime values used, imported by name */
  runtime: Set<string>;
  /** runtime types used, imported with `type` */
  runtimeTypes: Set<string>;
  names: GeneratedNames;
  sourceConstants: Map<string, string>;
  valueMapConstants: Map<string, string>;
  mappingFunctions: Map<string, string>;
  sourceFunctions: Map<string, string>;
  /** link constants, by mapping id, assignment line and fields */
  linkConstants: Map<string, string>;
}

export function newBuildContext(plan: TransformPlan): BuildContext {
  const names = new GeneratedNames();
  names.reserve(
    "transformRecord",
    "EXTERNAL_ID_MODULE",
    "row",
    "context",
    "cell",
    "record",
    "sourceKey",
    "target",
    "skips",
    "value",
    "item",
    "items",
    "fanOut",
  );
  return {
    plan,
    runtime: new Set(),
    runtimeTypes: new Set(),
    names,
    sourceConstants: new Map(),
    valueMapConstants: new Map(),
    mappingFunctions: new Map(),
    sourceFunctions: new Map(),
    linkConstants: new Map(),
  };
}

/** A runtime value by name, noted for the import list. */
export function use(context: BuildContext, name: string): string {
  context.runtime.add(name);
  return name;
}

export function useType(context: BuildContext, name: string): string {
  context.runtimeTypes.add(name);
  return name;
}

export function lookupName(map: ReadonlyMap<string, string>, key: string, what: string): string {
  const name = map.get(key);
  if (name === undefined) throw new Error(`The plan refers to ${what} \`${key}\`, which it does not define.`);
  return name;
}
