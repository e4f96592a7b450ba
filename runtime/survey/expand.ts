// The plan for one export: each `custom properties prefix "x_…"` of a map takes every custom property the
// export's metadata lists and the source does not declare, as a column of its own (`discovered`), an x_
// field on the map's model (created by apply-schema) and an assignment; a property with options gets a
// selection field and a value map from the export's values and labels to the option keys.
import type {
  ColumnType,
  OdooFieldType,
  PlanAssignment,
  PlanColumn,
  PlanCoverage,
  PlanCustomField,
  PlanMapping,
  PlanSource,
  PlanStep,
  PlanValueMap,
  TransformPlan,
} from "../../plan/types.js";
import { valueTypeOfColumn } from "../transforms/index.js";
import type { CustomProperty, PropertyKind } from "./properties.js";

/** A custom property the plan now migrates, and where it lands. */
export interface DiscoveredProperty {
  source: string;
  property: CustomProperty;
  /** `model.field` per map that takes it */
  fields: string[];
}

const kinds: Record<PropertyKind, { column: ColumnType; field: OdooFieldType }> = {
  text: { column: "text", field: "char" },
  textarea: { column: "text", field: "text" },
  html: { column: "html", field: "html" },
  integer: { column: "integer", field: "integer" },
  decimal: { column: "decimal", field: "float" },
  date: { column: "date", field: "date" },
  datetime: { column: "datetime", field: "datetime" },
  boolean: { column: "boolean", field: "boolean" },
  choice: { column: "text", field: "selection" },
  label: { column: "text", field: "char" },
};

/**
 * The plan with each source's new custom properties added. `properties` holds, per source, what its
 * metadata lists and this export really has; a property the source already declares or drops is its own.
 */
export function planWithProperties(
  plan: TransformPlan,
  properties: ReadonlyMap<string, readonly CustomProperty[]>,
): { plan: TransformPlan; discovered: DiscoveredProperty[] } {
  const next: TransformPlan = structuredClone(plan);
  const discovered: DiscoveredProperty[] = [];
  const shared = new Set<PlanCustomField>();
  for (const source of next.sources) {
    const maps = next.mappings.filter((m) => m.source === source.name && m.customProperties);
    if (!source.customProperties || maps.length === 0) continue;
    for (const property of properties.get(source.name) ?? []) {
      if (isAlreadyAccounted(source, property)) continue;
      source.columns.push(discoveredColumn(property, source.customProperties.line));
      const fields = maps.map((mapping) => addToMapping(next, mapping, source, property, shared));
      addToCoverage(next.coverage, source.name, property.column);
      discovered.push({ source: source.name, property, fields });
    }
  }
  return { plan: next, discovered };
}

function isAlreadyAccounted(source: PlanSource, property: CustomProperty): boolean {
  const names = new Set([property.column, ...property.alternatives].map((n) => n.toLowerCase()));
  const declared = source.columns.some((c) =>
    [c.name, ...(c.alternatives ?? [])].some((n) => names.has(n.toLowerCase())),
  );
  return declared || source.drops.some((d) => names.has(d.column.toLowerCase()));
}

function discoveredColumn(property: CustomProperty, line: number): PlanColumn {
  return {
    name: property.column,
    ...(property.alternatives.length > 0 ? { alternatives: property.alternatives } : {}),
    type: kinds[property.kind].column,
    custom: true,
    optional: true,
    discovered: true,
    line,
  };
}

function addToMapping(
  plan: TransformPlan,
  mapping: PlanMapping,
  source: PlanSource,
  property: CustomProperty,
  shared: Set<PlanCustomField>,
): string {
  const rule = mapping.customProperties!;
  const type = kinds[property.kind].field;
  const wanted: PlanCustomField = {
    model: mapping.model,
    name: fieldName(rule.prefix, property.name),
    type,
    label: property.label,
    required: false,
    ...(property.kind === "choice"
      ? { selection: property.options.map((o): [string, string] => [o.value, o.label]) }
      : {}),
    onCustomModel: false,
    line: rule.line,
  };
  // Two objects' properties of one name and shape (a region on companies and on contacts) share a field;
  // anything else already planned under that name (the spec's own field, another shape) is told apart.
  const existing = plan.customFields.find((f) => f.model === wanted.model && f.name === wanted.name);
  if (existing && !(shared.has(existing) && sameShape(existing, wanted)))
    wanted.name = `${wanted.name.slice(0, 52)}_${shortHash(`${source.name}.${property.name}`)}`;
  const field = wanted.name;
  if (!plan.customFields.some((f) => f.model === wanted.model && f.name === field)) {
    plan.customFields.push(wanted);
    shared.add(wanted);
  }
  const steps: PlanStep[] = [];
  if (property.kind === "choice")
    steps.push({ op: "map", valueMap: addValueMap(plan, source, property, rule.line), line: rule.line });
  const assignment: PlanAssignment = {
    fields: [field],
    fieldTypes: [type],
    value: {
      kind: "expression",
      input: { kind: "column", column: property.column },
      steps,
      valueType: property.kind === "choice" ? "text" : valueTypeOfColumn(kinds[property.kind].column),
    },
    required: false,
    deferred: false,
    line: rule.line,
  };
  mapping.assignments.push(assignment);
  return `${mapping.model}.${field}`;
}

/** `x_smartdesk_` + the property's name in Odoo's spelling (lower case, a-z0-9_), short enough for PostgreSQL. */
function fieldName(prefix: string, property: string): string {
  return `${prefix}${slug(property)}`.slice(0, 60).replace(/_+$/, "");
}

function sameShape(a: PlanCustomField, b: PlanCustomField): boolean {
  return a.type === b.type && JSON.stringify(a.selection ?? []) === JSON.stringify(b.selection ?? []);
}

function slug(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return folded.replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "property";
}

function shortHash(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash.toString(36).slice(0, 6);
}

function addValueMap(plan: TransformPlan, source: PlanSource, property: CustomProperty, line: number): string {
  const name = `${source.name}.${property.name}`;
  if (plan.valueMaps.some((m) => m.name === name)) return name;
  const entries: PlanValueMap["entries"] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    if (seen.has(from)) return;
    seen.add(from);
    entries.push({ from, to, line });
  };
  // Exports hold an option's value (the API, Dataverse's codes) or its label (HubSpot's UI export); the
  // option's value is its key in Odoo.
  for (const option of property.options) {
    add(option.value, option.value);
    add(option.label, option.value);
  }
  plan.valueMaps.push({ name, entries, otherwise: { kind: "fail" }, line });
  return name;
}

function addToCoverage(coverage: PlanCoverage[], source: string, column: string): void {
  const entry = coverage.find((c) => c.source === source);
  if (!entry) return;
  entry.mapped.push(column);
  entry.columns++;
  entry.percent = Math.round(((entry.mapped.length + entry.dropped.length) / entry.columns) * 1000) / 10;
}
