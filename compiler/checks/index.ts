// The checks, run once the spec is lowered: one registered per declaration kind, each reading the declaration
// (for where to point) beside what it was lowered into (for what it does); then the checks of the whole
// plan and the whole spec. A new check goes into the module of the node kind it reads.
import type * as A from "../../grammar/ast.js";
import type { TransformPlan } from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import type { Lowered } from "../lower/index.js";
import { checkCoverage } from "./coverage.js";
import { checkCustomField, checkCustomModel } from "./custom-fields.js";
import { checkMap } from "./maps.js";
import { checkRecord } from "./records.js";
import { checkSource } from "./sources.js";
import { checkWholeSpec } from "./spec.js";
import { checkValueMap } from "./value-maps.js";

type CheckOf<K extends Lowered["kind"]> = (lowered: Extract<Lowered, { kind: K }>, ctx: CompileContext) => void;

const checksByKind: { [K in Lowered["kind"]]: CheckOf<K> } = {
  source: ({ decl, node }, ctx) => checkSource(decl, node, ctx),
  values: ({ decl }, ctx) => checkValueMap(decl, ctx),
  customModel: ({ decl, node }, ctx) => checkCustomModel(decl, node.fields, ctx),
  customField: ({ decl, node }, ctx) => checkCustomField(decl.field, node, ctx),
  record: ({ decl, node }, ctx) => checkRecord(decl, node, ctx),
  map: ({ decl, node }, ctx) => checkMap(decl, node, ctx),
};

export function checkSpec(spec: A.Spec, plan: TransformPlan, lowered: readonly Lowered[], ctx: CompileContext): void {
  for (const one of lowered) (checksByKind[one.kind] as CheckOf<typeof one.kind>)(one, ctx);
  plan.sources.forEach((source, index) => checkCoverage(source, plan.coverage[index]!, plan.mappings, ctx));
  checkWholeSpec(spec, ctx);
}
