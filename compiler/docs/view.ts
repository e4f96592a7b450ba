// TransformPlan → DocsView: the plain data the templates lay out. All text stays unescaped here;
// each output format escapes it (HTML through Handlebars' `{{ }}`, Markdown through its cell helpers).

import type {
  PlanAssignment,
  PlanCustomField,
  PlanInput,
  PlanLookup,
  PlanMapping,
  PlanStep,
  PlanValueMap,
  TransformPlan,
} from "../../plan/types.js";
import {
  capitalise,
  describeCardinality,
  describeCompatibility,
  describeCondition,
  describeGuard,
  describeInput,
  describeLiteral,
  describeMissing,
  describeOtherwise,
  describeSteps,
  describeValue,
  valueColumns,
} from "./describe.js";
import { SECTIONS } from "./sections.js";

export interface DocsView {
  title: string;
  system: string;
  odooVersion: string;
  generatedAt?: string;
  sections: Array<{ id: string; number: number; title: string }>;
  overview: OverviewView;
  objects: ObjectRow[];
  fieldTables: FieldTable[];
  valueMaps: ValueMapView[];
  lossy: { drops: DropRow[]; losses: LossRow[] };
  customFields: { properties: CustomPropertyRow[]; models: CustomModelRow[]; fields: CustomFieldRow[]; records: RecordRow[] };
  lookups: { lookups: LookupRow[]; references: ReferenceRow[] };
  loadOrder: LoadOrderView;
  workflows: WorkflowRow[];
  coverage: CoverageRow[];
  /** with an export: its columns per source object, read, dropped or not accounted for */
  exportCoverage?: ExportCoverageRow[];
}

export interface OverviewView {
  counts: Array<{ count: number; what: string }>;
  specFile: string;
  contentHash: string;
  planVersion: number;
  externalIdModule: string;
}

export interface ObjectRow {
  source: string;
  /** the mapping's alias, shown when it differs from the source object's name */
  alias?: string;
  anchor?: string;
  model?: string;
  modelLabel: string;
  cardinality: string;
  compatibility: string;
  /** drives the status styling in HTML */
  kind: PlanMapping["compatibility"] | "documentation";
  lossy: boolean;
}

export interface FieldTable {
  id: string;
  anchor: string;
  source: string;
  model: string;
  modelLabel: string;
  cardinality: string;
  context: string[];
  notes: string[];
  rows: FieldRow[];
  drops: number;
  losses: number;
}

export interface FieldRow {
  columns: string[];
  /** what stands in the source cell when no column is read */
  sourceText: string;
  fields: Array<{ name: string; type: string }>;
  transform: string;
  notes: string[];
}

export interface ValueMapView {
  name: string;
  anchor: string;
  usedBy: string[];
  entries: Array<{ from: string; to: string }>;
  otherwise: string;
}

export interface DropRow {
  source: string;
  mapping: string;
  column: string;
  reason: string;
}

export interface LossRow {
  source: string;
  mapping: string;
  what: string;
  reason: string;
}

export interface CustomModelRow {
  model: string;
  label: string;
  fields: string[];
}

export interface CustomFieldRow {
  model: string;
  name: string;
  type: string;
  label: string;
  relation: string;
  selection: string[];
  required: boolean;
  onCustomModel: boolean;
  /** the source columns that fill it: `Company."Customer Tier"` */
  from: string[];
}

/** A property the customer added in the source CRM (a column declared `custom`) and where it lands. */
export interface CustomPropertyRow {
  source: string;
  column: string;
  type: string;
  /** `res.partner.x_smartdesk_customer_tier`, one per map that writes it */
  fields: string[];
  /** "custom field to create", "standard Odoo field", or why it does not migrate */
  lands: string;
}

export interface LookupRow {
  name: string;
  against: string;
  model: string;
  /** for a source lookup that returns a column's value instead of the record */
  returns: string;
  key: string;
  onMissing: string;
}

export interface ReferenceRow {
  mapping: string;
  field: string;
  uses: string;
  models: string[];
  onMissing: string;
}

export interface LoadOrderView {
  explicit: boolean;
  phases: Array<{ number: number; mapping: string; source: string; model: string; modelLabel: string }>;
  deferred: Array<{ mapping: string; field: string; why: string }>;
}

export interface WorkflowRow {
  label: string;
  kind: string;
  odoo: string;
  from: string;
  show: string[];
  notes: string[];
  /** the items read from the export, when the docs were rendered with one */
  inventory?: Inventory & { anchor: string };
}

/** Items of a source listed in the workflow inventory: one line per item, one cell per `show` column. */
export interface Inventory {
  /** the headers: the `show` columns, then one per recommendation */
  columns: string[];
  items: string[][];
  /** items the export holds beyond those listed */
  more: number;
}

/** The account of an export's columns for one source (what `mapc docs --source` surveyed). */
export interface ExportColumns {
  source: string;
  files: readonly string[];
  columns: number;
  read: readonly string[];
  dropped: readonly string[];
  unaccounted: readonly string[];
  absent: readonly string[];
}

export interface ExportCoverageRow {
  source: string;
  files: number;
  columns: number;
  read: number;
  dropped: number;
  unaccounted: string[];
  absent: string[];
}

export interface CoverageRow {
  source: string;
  columns: number;
  mapped: number;
  dropped: number;
  unmapped: string[];
  percent: number;
}

export function buildDocsView(
  plan: TransformPlan,
  generatedAt?: string,
  inventory: Readonly<Record<string, Inventory>> = {},
  exportColumns?: readonly ExportColumns[],
): DocsView {
  const sourceLabel = labelOfSource(plan);
  const anchors = new AnchorBook(SECTIONS.map((section) => section.id));
  const mappingAnchor = new Map(plan.mappings.map((m) => [m.id, anchors.claim("map", m.id)]));
  const view: DocsView = {
    title: plan.spec.title,
    system: plan.spec.system,
    odooVersion: plan.target.version,
    sections: SECTIONS.map((section, index) => ({ id: section.id, number: index + 1, title: section.title })),
    overview: overview(plan),
    objects: [
      ...plan.mappings.map((m) => objectRow(m, sourceLabel(m.source), mappingAnchor.get(m.id))),
      ...plan.documentation.map(
        (row): ObjectRow => ({
          source: row.label,
          modelLabel: row.odoo,
          cardinality: "documentation only",
          compatibility: `Documentation only (${row.kind}): rebuilt in Odoo by the customer's admin, not migrated`,
          kind: "documentation",
          lossy: false,
        }),
      ),
    ],
    fieldTables: plan.mappings.map((m) => fieldTable(plan, m, sourceLabel(m.source), mappingAnchor.get(m.id) ?? "")),
    valueMaps: plan.valueMaps.map((vm) => valueMapView(plan, vm, anchors.claim("value-map", vm.name))),
    lossy: {
      drops: [
        ...plan.sources.flatMap((source) =>
          source.drops.map((d) => ({ source: source.label, mapping: "(source)", column: d.column, reason: d.reason })),
        ),
        ...plan.mappings.flatMap((m) =>
          m.drops.map((d) => ({ source: sourceLabel(m.source), mapping: m.id, column: d.column, reason: d.reason })),
        ),
      ],
      losses: plan.mappings.flatMap((m) =>
        m.losses.map((l) => ({ source: sourceLabel(m.source), mapping: m.id, what: l.what, reason: l.reason })),
      ),
    },
    customFields: customFieldManifest(plan, sourceLabel),
    lookups: {
      lookups: plan.lookups.map((l) => lookupRow(l, sourceLabel)),
      references: plan.mappings.flatMap(references),
    },
    loadOrder: loadOrder(plan, sourceLabel),
    workflows: plan.documentation.map((row) => ({
      label: row.label,
      kind: row.kind,
      odoo: row.odoo,
      from: row.from === undefined ? "" : sourceLabel(row.from),
      show: row.show,
      notes: row.notes,
      ...(inventory[row.name] ? { inventory: { ...inventory[row.name]!, anchor: anchors.claim("inventory", row.name) } } : {}),
    })),
    coverage: plan.coverage.map((c) => ({
      source: sourceLabel(c.source),
      columns: c.columns,
      mapped: c.mapped.length,
      dropped: c.dropped.length,
      unmapped: c.unmapped,
      percent: c.percent,
    })),
  };
  if (exportColumns) {
    view.exportCoverage = exportColumns.map((c) => ({
      source: sourceLabel(c.source),
      files: c.files.length,
      columns: c.columns,
      read: c.read.length,
      dropped: c.dropped.length,
      unaccounted: [...c.unaccounted],
      absent: [...c.absent],
    }));
  }
  if (generatedAt !== undefined) view.generatedAt = generatedAt;
  return view;
}

function labelOfSource(plan: TransformPlan): (name: string) => string {
  const labels = new Map(plan.sources.map((s) => [s.name, s.label]));
  return (name) => labels.get(name) ?? name;
}

function overview(plan: TransformPlan): OverviewView {
  const counted = (count: number, one: string, many: string) => ({ count, what: count === 1 ? one : many });
  return {
    counts: [
      counted(plan.sources.length, "source object", "source objects"),
      counted(plan.mappings.length, "map", "maps"),
      counted(plan.mappings.filter((m) => m.lossy).length, "lossy map", "lossy maps"),
      counted(plan.customFields.length, "custom field", "custom fields"),
      counted(plan.customModels.length, "custom model", "custom models"),
      counted(plan.valueMaps.length, "value map", "value maps"),
      counted(plan.lookups.length, "lookup", "lookups"),
      counted(plan.documentation.length, "documentation-only row", "documentation-only rows"),
    ],
    specFile: plan.spec.file,
    contentHash: plan.spec.contentHash,
    planVersion: plan.planVersion,
    externalIdModule: plan.target.externalIdModule,
  };
}

function lookupRow(lookup: PlanLookup, sourceLabel: (name: string) => string): LookupRow {
  const key = lookup.key.kind === "field" ? `field ${lookup.key.name}` : describeChainOf(lookup.key);
  return {
    name: lookup.name,
    against: lookup.against === "odoo" ? "Odoo" : lookup.against === "source" ? `source: ${sourceLabel(lookup.target)}` : "staged",
    model: lookup.model,
    returns: lookupReturns(lookup),
    key,
    onMissing: describeMissing(lookup.onMissing),
  };
}

/** A chain as the docs spell it: its input, then its steps. */
function describeChainOf(chain: { input: PlanInput; steps: PlanStep[] }): string {
  return chain.steps.length === 0
    ? describeInput(chain.input)
    : `${describeInput(chain.input)} → ${describeSteps(chain.steps)}`;
}

/** What a lookup with `take` gives instead of the record it finds: a column's value, or a record it names. */
function lookupReturns(lookup: PlanLookup): string {
  if (lookup.takeChain) return `the value of ${describeChainOf(lookup.takeChain)}`;
  if (lookup.take === undefined) return "";
  if (lookup.against === "source") return `the value of ${lookup.take}`;
  return `the ${lookup.model} that ${lookup.target}.${lookup.take} names`;
}

function objectRow(mapping: PlanMapping, source: string, anchor: string | undefined): ObjectRow {
  const row: ObjectRow = {
    source,
    model: mapping.model,
    modelLabel: mapping.modelLabel,
    cardinality: describeCardinality(mapping),
    compatibility: describeCompatibility(mapping),
    kind: mapping.compatibility,
    lossy: mapping.lossy,
  };
  if (mapping.id !== mapping.source) row.alias = mapping.id;
  if (anchor !== undefined) row.anchor = anchor;
  return row;
}

function fieldTable(plan: TransformPlan, mapping: PlanMapping, source: string, anchor: string): FieldTable {
  return {
    id: mapping.id,
    anchor,
    source,
    model: mapping.model,
    modelLabel: mapping.modelLabel,
    cardinality: describeCardinality(mapping),
    context: mappingContext(plan, mapping),
    notes: mapping.notes,
    rows: mapping.assignments.map((a) => fieldRow(plan, mapping, a)),
    drops: mapping.drops.length,
    losses: mapping.losses.length,
  };
}

/** What governs the whole map, said once above its field table. */
function mappingContext(plan: TransformPlan, mapping: PlanMapping): string[] {
  const lines: string[] = [];
  if (mapping.guard) lines.push(`${capitalise(describeGuard(mapping.guard))}.`);
  for (const skip of plan.sources.find((s) => s.name === mapping.source)?.skips ?? []) {
    lines.push(`Source rows are skipped when ${describeCondition(skip.condition)}: ${skip.reason}.`);
  }
  if (mapping.where) lines.push(`Only records where ${describeCondition(mapping.where)}.`);
  if (mapping.each) {
    const after = mapping.each.steps.length > 0 ? ` (${describeSteps(mapping.each.steps)})` : "";
    lines.push(`One record per item of ${describeInput(mapping.each.input)}${after}.`);
  }
  if (mapping.dedupe) {
    const after = mapping.dedupe.steps.length > 0 ? ` (${describeSteps(mapping.dedupe.steps)})` : "";
    lines.push(
      `Records with the same ${describeInput(mapping.dedupe.input)}${after} become one; the ${mapping.dedupe.keep} one wins.`,
    );
  }
  return lines;
}

function fieldRow(plan: TransformPlan, mapping: PlanMapping, assignment: PlanAssignment): FieldRow {
  const columns = valueColumns(assignment.value);
  const notes: string[] = [];
  if (assignment.required) notes.push("required");
  if (assignment.adds) notes.push("added to the field's other values");
  if (assignment.when) notes.push(`only when ${describeCondition(assignment.when)}`);
  if (assignment.deferred) {
    const deferral = plan.loadOrder.deferred.find(
      (d) => d.mapping === mapping.id && assignment.fields.includes(d.field),
    );
    notes.push(deferral ? `second pass: ${deferralReason(deferral)}` : "second pass");
  }
  return {
    columns,
    sourceText: assignment.value.kind === "constant" ? "constant" : columns.length === 0 ? "each item" : "",
    fields: assignment.fields.map((name, i) => ({ name, type: assignment.fieldTypes[i] ?? "" })),
    transform: describeValue(assignment.value),
    notes,
  };
}

function deferralReason(deferral: TransformPlan["loadOrder"]["deferred"][number]): string {
  return deferral.reason === "self-reference"
    ? "points at records of the same phase, written once the phase has landed"
    : `declared deferred: points at a later phase, written once phase ${deferral.after} has landed`;
}

function valueMapView(plan: TransformPlan, valueMap: PlanValueMap, anchor: string): ValueMapView {
  const usedBy = plan.mappings.flatMap((m) =>
    m.assignments
      .filter((a) => a.value.kind === "expression" && a.value.steps.some((s) => s.op === "map" && s.valueMap === valueMap.name))
      .map((a) => `${m.id}.${a.fields.join(" + ")}`),
  );
  return {
    name: valueMap.name,
    anchor,
    usedBy,
    entries: valueMap.entries.map((e) => ({ from: describeLiteral(e.from), to: describeLiteral(e.to) })),
    otherwise: describeOtherwise(valueMap.otherwise),
  };
}

interface RecordRow {
  model: string;
  name: string;
  xmlid: string;
  values: string[];
}

/**
 * The source's custom properties with the Odoo field each lands in, then the custom models and fields to
 * create (custom models first, each followed by its fields, then the fields added to standard models).
 */
function customFieldManifest(plan: TransformPlan, sourceLabel: (source: string) => string): DocsView["customFields"] {
  const writers = columnWriters(plan);
  const row = (f: PlanCustomField): CustomFieldRow => ({
    model: f.model,
    name: f.name,
    type: f.type,
    label: f.label,
    relation: f.relation ?? "",
    selection: (f.selection ?? []).map(([value, label]) => `${value}: ${label}`),
    required: f.required,
    onCustomModel: f.onCustomModel,
    from: [...writers].filter(([, fields]) => fields.includes(`${f.model}.${f.name}`)).map(([column]) => column),
  });
  const customModelNames = plan.customModels.map((m) => m.model);
  const onCustomModels = customModelNames.flatMap((model) => plan.customFields.filter((f) => f.model === model));
  const onStandardModels = plan.customFields.filter((f) => !customModelNames.includes(f.model));
  return {
    properties: customProperties(plan, writers, sourceLabel),
    models: plan.customModels.map((m) => ({ model: m.model, label: m.label, fields: m.fields })),
    fields: [...onCustomModels, ...onStandardModels].map(row),
    records: plan.records.map((r) => ({
      model: r.model,
      name: r.name,
      xmlid: r.xmlid,
      values: Object.entries(r.values).map(([field, value]) => `${field} = ${typeof value === "object" && value !== null ? value.xmlid : JSON.stringify(value)}`),
    })),
  };
}

/** `Company."Customer Tier"` → the `model.field`s the maps of Company fill from that column. */
function columnWriters(plan: TransformPlan): Map<string, string[]> {
  const writers = new Map<string, string[]>();
  for (const mapping of plan.mappings) {
    for (const assignment of mapping.assignments) {
      for (const column of valueColumns(assignment.value)) {
        const key = `${mapping.source}.${JSON.stringify(column)}`;
        const fields = assignment.fields.map((field) => `${mapping.model}.${field}`);
        writers.set(key, [...new Set([...(writers.get(key) ?? []), ...fields])]);
      }
    }
  }
  return writers;
}

function customProperties(plan: TransformPlan, writers: ReadonlyMap<string, string[]>, sourceLabel: (source: string) => string): CustomPropertyRow[] {
  return plan.sources.flatMap((source) =>
    source.columns
      .filter((column) => column.custom)
      .map((column) => {
        const fields = writers.get(`${source.name}.${JSON.stringify(column.name)}`) ?? [];
        const dropped = [...source.drops, ...plan.mappings.filter((m) => m.source === source.name).flatMap((m) => m.drops)].find((d) => d.column === column.name);
        const lands = whereItLands(fields, source.key.includes(column.name), dropped?.reason);
        return { source: sourceLabel(source.name), column: column.name, type: column.type, fields, lands };
      }),
  );
}

/** What becomes of a custom property: the kind of Odoo field it fills, or why it fills none. */
function whereItLands(fields: readonly string[], isKey: boolean, dropReason: string | undefined): string {
  if (fields.length === 0) return isKey ? "the records' external ids (it is the key)" : `not migrated: ${dropReason ?? "no map writes it"}`;
  const custom = fields.filter((field) => field.slice(field.lastIndexOf(".") + 1).startsWith("x_"));
  if (custom.length === fields.length) return "custom field (create it: see below)";
  return custom.length === 0 ? "standard Odoo field" : "standard and custom fields";
}

/** Every ref, lookup and link used inside a map, with what happens when it finds nothing. */
function references(mapping: PlanMapping): ReferenceRow[] {
  const fromSteps = (field: string, steps: PlanStep[]): ReferenceRow[] =>
    steps.flatMap((step): ReferenceRow[] => {
      if (step.op === "ref") {
        const target = step.mapping === step.object ? step.object : `${step.object} as ${step.mapping}`;
        return [{ mapping: mapping.id, field, uses: `ref ${target}`, models: [step.model], onMissing: describeMissing(step.onMissing) }];
      }
      if (step.op === "lookup") {
        return [{ mapping: mapping.id, field, uses: `lookup ${step.lookup}`, models: [step.model], onMissing: describeMissing(step.onMissing) }];
      }
      return [];
    });
  return [
    ...(mapping.each ? fromSteps("(each item)", mapping.each.steps) : []),
    ...(mapping.dedupe ? fromSteps("(dedupe key)", mapping.dedupe.steps) : []),
    ...mapping.assignments.flatMap((a): ReferenceRow[] => {
      const field = a.fields.join(" + ");
      if (a.value.kind === "expression") return fromSteps(field, a.value.steps);
      if (a.value.kind === "link") {
        return [
          {
            mapping: mapping.id,
            field,
            uses: `link to ${a.value.cases.map((c) => c.object).join(" or ")}`,
            models: [...new Set(a.value.cases.map((c) => c.model))],
            onMissing: describeMissing(a.value.onMissing),
          },
        ];
      }
      return [];
    }),
  ];
}

function loadOrder(plan: TransformPlan, sourceLabel: (name: string) => string): LoadOrderView {
  const byId = new Map(plan.mappings.map((m) => [m.id, m]));
  return {
    explicit: plan.loadOrder.explicit,
    phases: plan.loadOrder.phases.map((id, index) => {
      const mapping = byId.get(id);
      return {
        number: index + 1,
        mapping: id,
        source: mapping ? sourceLabel(mapping.source) : id,
        model: mapping?.model ?? "",
        modelLabel: mapping?.modelLabel ?? "",
      };
    }),
    deferred: plan.loadOrder.deferred.map((d) => ({
      mapping: d.mapping,
      field: d.field,
      why: capitalise(deferralReason(d)),
    })),
  };
}

/** Anchors must be unique in the HTML and safe in a URL fragment, whatever the spec calls things. */
class AnchorBook {
  private readonly taken: Set<string>;

  constructor(reserved: string[]) {
    this.taken = new Set(reserved);
  }

  claim(prefix: string, name: string): string {
    const slug = name
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    const base = slug === "" ? prefix : `${prefix}-${slug}`;
    let anchor = base;
    for (let n = 2; this.taken.has(anchor); n++) anchor = `${base}-${n}`;
    this.taken.add(anchor);
    return anchor;
  }
}
