// Lowering: a resolved spec → its TransformPlan. Each declaration is lowered on its own (one module per kind),
// names are resolved as they are met, and what cannot be resolved is reported; the load order is planned
// from the lowered maps. The checks run afterwards on what this returns (compiler/checks/).
import { createHash } from "node:crypto";
import type * as A from "../../grammar/ast.js";
import {
  PLAN_VERSION,
  type PlanCustomField,
  type PlanCustomModel,
  type PlanDocumentRow,
  type PlanLookup,
  type PlanRecord,
  type PlanSource,
  type PlanValueMap,
  type TransformPlan,
} from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import { computeCoverage } from "./coverage.js";
import { lowerDocument } from "./documents.js";
import { planLoadOrder } from "./load-order.js";
import { lowerLookup } from "./lookups.js";
import { lowerMapping, type LoweredMap } from "./maps.js";
import { lowerSource } from "./sources.js";
import { lowerCustomField, lowerCustomModel, lowerRecord } from "./targets.js";
import { lowerValueMap } from "./value-maps.js";

export type { LoweredMap, ValueFact } from "./maps.js";

/** A declaration beside what it was lowered into: what the checks of its kind read. */
export type Lowered =
  | { kind: "source"; decl: A.SourceDecl; node: PlanSource }
  | { kind: "values"; decl: A.ValuesDecl; node: PlanValueMap }
  | { kind: "customModel"; decl: A.CustomModelDecl; node: { model: PlanCustomModel; fields: PlanCustomField[] } }
  | { kind: "customField"; decl: A.CustomFieldDecl; node: PlanCustomField }
  | { kind: "record"; decl: A.RecordDecl; node: PlanRecord }
  | { kind: "map"; decl: A.MapDecl; node: LoweredMap };

export interface LoweredSpec {
  plan: TransformPlan;
  lowered: Lowered[];
}

export function lowerSpec(spec: A.Spec, text: string, ctx: CompileContext): LoweredSpec {
  const lowered: Lowered[] = [];
  const parts = emptyParts();
  for (const decl of spec.declarations) {
    const one = lowerDeclaration(decl, ctx, parts);
    if (one) lowered.push(one);
  }
  const { sources, valueMaps, customFields, customModels, records, lookups, documentation } = parts;
  const mappings = parts.maps.map((m) => m.mapping);
  const loadOrder = planLoadOrder(
    mappings,
    spec.declarations.find((d) => d.kind === "order"),
    ctx,
  );
  const system = spec.header.system.text;
  const plan: TransformPlan = {
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
    coverage: computeCoverage(sources, mappings, ctx),
  };
  return { plan, lowered };
}

interface PlanParts {
  sources: PlanSource[];
  valueMaps: PlanValueMap[];
  customFields: PlanCustomField[];
  customModels: PlanCustomModel[];
  records: PlanRecord[];
  lookups: PlanLookup[];
  maps: LoweredMap[];
  documentation: PlanDocumentRow[];
}

function emptyParts(): PlanParts {
  return {
    sources: [],
    valueMaps: [],
    customFields: [],
    customModels: [],
    records: [],
    lookups: [],
    maps: [],
    documentation: [],
  };
}

/** Lowers one declaration into its part of the plan; returns it with its node when a check reads it. */
function lowerDeclaration(decl: A.Declaration, ctx: CompileContext, parts: PlanParts): Lowered | undefined {
  switch (decl.kind) {
    case "source": {
      const node = lowerSource(decl, ctx);
      parts.sources.push(node);
      return { kind: decl.kind, decl, node };
    }
    case "values": {
      const node = lowerValueMap(decl, ctx);
      parts.valueMaps.push(node);
      return { kind: decl.kind, decl, node };
    }
    case "customModel": {
      const node = lowerCustomModel(decl, ctx);
      parts.customModels.push(node.model);
      parts.customFields.push(...node.fields);
      return { kind: decl.kind, decl, node };
    }
    case "customField": {
      const node = lowerCustomField(decl.model, decl.field, ctx, false);
      parts.customFields.push(node);
      return { kind: decl.kind, decl, node };
    }
    case "record": {
      const node = lowerRecord(decl, ctx);
      parts.records.push(node);
      return { kind: decl.kind, decl, node };
    }
    case "map": {
      const node = lowerMapping(decl, ctx);
      parts.maps.push(node);
      return { kind: decl.kind, decl, node };
    }
    case "lookup":
      parts.lookups.push(lowerLookup(decl, ctx));
      return undefined;
    case "document":
      parts.documentation.push(lowerDocument(decl, ctx));
      return undefined;
    default:
      return undefined;
  }
}
