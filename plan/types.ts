// The TransformPlan: what the compiler hands to the docs, the code generator and the runtime. Plain JSON
// (no classes, no Maps), versioned, and validated against plan/plan.schema.json.
// Every element that came from the spec carries `line`, the spec line it was written on.

export const PLAN_VERSION = 1;

export interface TransformPlan {
  planVersion: typeof PLAN_VERSION;
  spec: {
    /** the spec's path as given to the compiler */
    file: string;
    /** sha256 of the spec text: `mapc confirm` binds the customer's sign-off to it */
    contentHash: string;
    system: string;
    title: string;
  };
  target: {
    system: "odoo";
    version: string;
    /** module of every external id mapc creates, e.g. `mapc_smartdesk` */
    externalIdModule: string;
  };
  sources: PlanSource[];
  lookups: PlanLookup[];
  valueMaps: PlanValueMap[];
  customFields: PlanCustomField[];
  customModels: PlanCustomModel[];
  /** records the target must have (teams, stages, tags, activity types…): `mapc apply-schema` creates them */
  records: PlanRecord[];
  mappings: PlanMapping[];
  documentation: PlanDocumentRow[];
  loadOrder: PlanLoadOrder;
  coverage: PlanCoverage[];
}

export type ColumnType =
  | "id"
  | "text"
  | "html"
  | "integer"
  | "decimal"
  | "money"
  | "boolean"
  | "date"
  | "datetime"
  | "email"
  | "phone"
  | "url"
  | "list"
  | "json"
  | "file"
  | "base64";

export type SourceFormat = "csv" | "json" | "jsonl" | "odata" | "laravel" | "hubspot";

export interface PlanSource {
  name: string;
  label: string;
  format: SourceFormat;
  /** relative to the export folder; may hold `*` for paged dumps */
  path: string;
  /** other paths exports use for the same table (`or`), tried in order when `path` finds no file */
  pathAlternatives?: string[];
  key: string[];
  /** reader settings by their spec names: encoding, delimiter, null, records, timezone, … (lists for null, trueValues) */
  settings: Record<string, string | number | boolean | string[]>;
  /**
   * `custom`: a property the customer added in the source CRM, listed in the custom-field manifest;
   * `optional`: an export may lack it, and it then reads as empty
   */
  columns: PlanColumn[];
  skips: Array<{ condition: PlanCondition; reason: string; line: number }>;
  /** columns dropped at the source, read by no map; a column holding `*` is a pattern (`*@OData.*`) */
  drops: Array<{ column: string; reason: string; line: number }>;
  /** where the export's own metadata lists the customer's properties (`custom properties from …`) */
  customProperties?: PlanPropertiesSource;
  line: number;
}

export interface PlanColumn {
  /** the name maps read the column by */
  name: string;
  /** other names of the column in other exports (`or`); the first one an export has is read */
  alternatives?: string[];
  type: ColumnType;
  custom?: true;
  optional?: true;
  /** the export's metadata declared it a custom property (added to the plan for one export) */
  discovered?: true;
  line: number;
}

export type PropertiesFormat = "hubspot" | "dataverse" | "leadforce" | "concord" | "sage";

export interface PlanPropertiesSource {
  format: PropertiesFormat;
  /** the metadata file(s), tried in order like a source's paths */
  paths: string[];
  /** the object type (HubSpot `contacts`) or table logical name (Dataverse `account`) */
  object: string;
  line: number;
}

export type MissingPolicy =
  | { kind: "fail" }
  | { kind: "empty" }
  | { kind: "default"; value: PlanLiteral }
  | { kind: "placeholder"; values: Record<string, PlanLiteral> }
  | { kind: "queue"; reason: string };

export interface PlanLookup {
  name: string;
  against: "odoo" | "source" | "staged";
  /** an Odoo model for `odoo`/`staged`, a source object for `source` */
  target: string;
  /** the model the lookup yields records of */
  model: string;
  /** a field of the model (odoo, staged), or a chain over the source object's rows (source) */
  key: { kind: "field"; name: string } | { kind: "expression"; input: PlanInput; steps: PlanStep[] };
  /** source lookups: the column whose value the lookup returns instead of the record; Odoo lookups: the many2one */
  take?: string;
  /** source lookups: the chain over the found row whose value the lookup returns (several columns, transforms) */
  takeChain?: { input: PlanInput; steps: PlanStep[] };
  onMissing: MissingPolicy;
  line: number;
}

/** A constant as it goes to Odoo; `xmlid` stays symbolic until load time. */
export type PlanLiteral = string | number | boolean | null | { xmlid: string };

export interface PlanValueMap {
  name: string;
  entries: Array<{ from: PlanLiteral; to: PlanLiteral; line: number }>;
  otherwise: { kind: "fail" } | { kind: "keep" } | { kind: "empty" } | { kind: "value"; value: PlanLiteral };
  line: number;
}

/** The field types a custom field may have: those Odoo lets a database add without a module. */
export const CUSTOM_FIELD_TYPES = [
  "char",
  "text",
  "html",
  "integer",
  "float",
  "monetary",
  "boolean",
  "date",
  "datetime",
  "selection",
  "many2one",
  "many2many",
  "binary",
] as const;

export type OdooFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface PlanCustomField {
  model: string;
  name: string;
  type: OdooFieldType;
  label: string;
  relation?: string;
  required: boolean;
  selection?: Array<[string, string]>;
  /** true when the field lives on a custom model the spec also declares */
  onCustomModel: boolean;
  line: number;
}

export interface PlanRecord {
  name: string;
  model: string;
  /** `<module>.record_<name>` */
  xmlid: string;
  values: Record<string, PlanLiteral>;
  line: number;
}

export interface PlanCustomModel {
  model: string;
  label: string;
  fields: string[];
  line: number;
}

/** The value flowing through a transform chain, as far as the compiler can tell. */
export type ValueType =
  "text" | "html" | "integer" | "decimal" | "boolean" | "date" | "datetime" | "binary" | "list" | "record" | "any";

export type PlanStep =
  | { op: "transform"; name: string; args: PlanLiteral[]; named: Record<string, PlanLiteral>; line: number }
  | { op: "map"; valueMap: string; line: number }
  | { op: "ref"; object: string; mapping: string; model: string; onMissing: MissingPolicy; line: number }
  | { op: "lookup"; lookup: string; model: string; onMissing: MissingPolicy; line: number };

export type PlanInput = { kind: "column"; column: string } | { kind: "columns"; columns: string[] } | { kind: "item" };

export type PlanValue =
  | { kind: "constant"; value: PlanLiteral }
  | { kind: "expression"; input: PlanInput; steps: PlanStep[]; valueType: ValueType }
  | {
      kind: "link";
      /** discriminated: a type column picks the object; first: the first non-empty id column wins */
      mode: "discriminated" | "first";
      typeColumn?: string;
      idColumn?: string;
      cases: Array<{ when: string; object: string; mapping: string; model: string }>;
      onMissing: MissingPolicy;
      /** how the model is written: a model name (`mail.message.model`) or an `ir.model` id (`res_model_id`) */
      modelAs: "name" | "ir.model";
    };

export interface PlanAssignment {
  /** one field, or two for a link (model field, id field) */
  fields: string[];
  fieldTypes: string[];
  value: PlanValue;
  /** `+=`: the value's elements join what earlier assignments wrote to the (many2many) field */
  adds?: true;
  /** reject the record when the value is empty */
  required: boolean;
  when?: PlanCondition;
  /** resolved after the whole phase has landed (self-references, references into later phases) */
  deferred: boolean;
  /** a field the spec declares `deferred`: the other maps it points to, whose phases land before its pass */
  after?: string[];
  line: number;
}

export type PlanCondition =
  | { op: "or" | "and"; operands: PlanCondition[] }
  | { op: "not"; operand: PlanCondition }
  | { op: "installed"; module: string }
  | { op: "==" | "!="; input: PlanInput; through?: string[]; value: PlanLiteral }
  | { op: "in"; input: PlanInput; through?: string[]; values: PlanLiteral[] }
  | { op: "empty" | "not-empty"; input: PlanInput; through?: string[] };

export type Cardinality = "1:1" | "1:many" | "many:1";

export interface PlanMapping {
  /** unique: the alias, or the source object's name */
  id: string;
  source: string;
  model: string;
  modelLabel: string;
  cardinality: Cardinality;
  lossy: boolean;
  /** use this mapping only when the module is (requires) or is not (unless) installed in the target */
  guard?: { kind: "requires" | "unless"; module: string };
  where?: PlanCondition;
  each?: { input: PlanInput; steps: PlanStep[] };
  dedupe?: { input: PlanInput; steps: PlanStep[]; keep: "first" | "last" };
  /**
   * `into Email by "_activityid_value"`: the map makes no records of its own; each row's values go into the
   * record `mapping` made of the row whose key the chain gives (a list field gains them, another field takes them)
   */
  into?: { mapping: string; input: PlanInput; steps: PlanStep[] };
  assignments: PlanAssignment[];
  drops: Array<{ column: string; reason: string; line: number }>;
  losses: Array<{ what: string; reason: string; line: number }>;
  notes: string[];
  /** `custom properties prefix "x_…"`: each custom property an export's metadata lists gets an x_ field */
  customProperties?: { prefix: string; line: number };
  /** ids of the mappings this one references (ref, link, lookups against staged records) */
  dependsOn: string[];
  /** `compatible`, `fallback` (the seed's target is missing, this is the replacement) or `optional-app` */
  compatibility: "compatible" | "fallback" | "optional-app";
  line: number;
}

export interface PlanDocumentRow {
  name: string;
  label: string;
  kind: "workflow" | "report" | "script" | "portal" | "security" | "other";
  odoo: string;
  /** the source object that lists the items (e.g. the exported workflows), if there is one */
  from?: string;
  /** the columns of `from` to show for each item in the inventory */
  show: string[];
  /** per item, the Odoo equivalent a value map gives for one of its columns (`recommend "Event", Automation`) */
  recommend?: Array<{ column: string; valueMap: string }>;
  notes: string[];
  line: number;
}

export interface PlanLoadOrder {
  /** mapping ids in load order */
  phases: string[];
  /**
   * fields written in a second pass: a self-reference once its phase has landed, a field declared
   * `deferred` (a forward reference) once `after`, the last phase it points into, has landed
   */
  deferred: Array<{ mapping: string; field: string; reason: "self-reference" | "forward-reference"; after: string }>;
  /** whether the order came from the spec (`order …`) or was derived */
  explicit: boolean;
}

export interface PlanCoverage {
  source: string;
  columns: number;
  mapped: string[];
  dropped: string[];
  unmapped: string[];
  /** (mapped + dropped) / columns, 0–100, one decimal */
  percent: number;
}
