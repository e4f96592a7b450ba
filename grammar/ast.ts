// The mapspec syntax tree: plain data, every node with the exact source range it came from, so each later
// stage can point a diagnostic at the characters that caused it.

import type { SourceRange } from "../diagnostics/positions.js";

export type { Position, SourceRange } from "../diagnostics/positions.js";

export interface Located {
  range: SourceRange;
}

export interface Name extends Located {
  text: string;
}

export type LiteralValue =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number; text: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "xmlid"; value: string }
  /** `record TicketTag`: a record the spec declares with `record <model> as TicketTag { … }` */
  | { kind: "record"; value: string };

export type Literal = LiteralValue & Located;

export interface Comment extends Located {
  text: string;
}

export interface Spec extends Located {
  file: string;
  header: Header;
  declarations: Declaration[];
  comments: Comment[];
}

export interface Header extends Located {
  system: Name;
  targetVersion: Name;
  title?: Literal & { kind: "string" };
}

export type Declaration =
  | SourceDecl
  | LookupDecl
  | ValuesDecl
  | CustomFieldDecl
  | CustomModelDecl
  | MapDecl
  | DocumentDecl
  | RecordDecl
  | OrderDecl;

export interface RecordDecl extends Located {
  kind: "record";
  model: Name;
  name: Name;
  assignments: Assignment[];
}

export interface Setting extends Located {
  kind: "setting";
  key: Name;
  values: SettingValue[];
}

export type SettingValue = Literal | ({ kind: "name" } & Name);

export interface ColumnDecl extends Located {
  column: Name;
  /** `"Record ID" or "Contact ID"`: the names the column has in other exports; the first one found is read */
  alternatives: Name[];
  type: Name;
  /** a property the customer added in the source CRM: listed in the custom-field manifest */
  custom: boolean;
  /** an export may lack the column: it then reads as empty, with a warning, instead of stopping the run */
  optional: boolean;
}

export interface SkipRule extends Located {
  kind: "skip";
  condition: Condition;
  reason: Name;
}

export interface SourceDecl extends Located {
  kind: "source";
  name: Name;
  label?: Name;
  format: Name;
  path: Name;
  /** `from odata "accounts/*.json" or "account/*.json"`: other paths; the first that finds files is read */
  pathAlternatives: Name[];
  settings: Setting[];
  columns: ColumnDecl[];
  /** where the export's own metadata lists the customer's properties */
  properties?: PropertiesSource;
  /** where the `columns { … }` block is, when there is one */
  columnsRange?: SourceRange;
  skips: SkipRule[];
  /** columns no map reads, dropped here with a reason */
  drops: DropItem[];
  /** settings, column blocks, skip rules and drops in written order, for the formatter */
  items: Array<Setting | SkipRule | DropItem | PropertiesSource | { kind: "columns"; range: SourceRange }>;
}

/** `custom properties from hubspot "properties.json" object "contacts"` */
export interface PropertiesSource extends Located {
  kind: "properties";
  /** the metadata's format: `hubspot` (properties.json) or `dataverse` (EntityDefinitions) */
  format: Name;
  paths: Name[];
  /** `object` (HubSpot) or `entity` (Dataverse) */
  selector: Name;
  /** the object type or entity logical name whose properties these are */
  object: Name;
}

export type MissingPolicy =
  | ({ kind: "fail" } & Located)
  | ({ kind: "empty" } & Located)
  | ({ kind: "default"; value: Literal } & Located)
  | ({ kind: "placeholder"; assignments: Assignment[] } & Located)
  | ({ kind: "queue"; reason?: Name } & Located);

export interface LookupDecl extends Located {
  kind: "lookup";
  name: Name;
  against: "odoo" | "source" | "staged";
  target: Name;
  /** a field of the model (odoo, staged), or an expression over the source object's rows (source) */
  key: { kind: "field"; name: Name } | { kind: "expression"; expression: Expression };
  /** return this instead of the record: a column of the source object, or a many2one field of the Odoo model */
  take?: Name;
  /** source lookups: return what this chain makes of the found row (`("Phon_AreaCode", "Phon_Number") | join " "`) */
  takeChain?: Expression;
  onMissing?: MissingPolicy;
}

export interface ValueEntry extends Located {
  from: Literal;
  to: Literal;
}

export type ElsePolicy =
  | ({ kind: "fail" } & Located)
  | ({ kind: "keep" } & Located)
  | ({ kind: "empty" } & Located)
  | ({ kind: "value"; value: Literal } & Located);

export interface ValuesDecl extends Located {
  kind: "values";
  name: Name;
  entries: ValueEntry[];
  /** every `else` written, so the checker can report a second one */
  elses: ElsePolicy[];
}

export interface FieldSignature extends Located {
  name: Name;
  type: Name;
  relation?: Name;
  label: Name;
  required: boolean;
  options: ValueEntry[];
}

export interface CustomFieldDecl extends Located {
  kind: "customField";
  /** `res.partner.x_tier`: the model and the field, split at the last dot */
  model: Name;
  field: FieldSignature;
}

export interface CustomModelDecl extends Located {
  kind: "customModel";
  name: Name;
  label: Name;
  fields: FieldSignature[];
}

export interface MapDecl extends Located {
  kind: "map";
  source: Name;
  model: Name;
  alias?: Name;
  cardinality?: Name;
  lossy?: Located;
  guard?: { kind: "requires" | "unless"; module: Name } & Located;
  /** the rows add their values to the record the map `into` made of the row whose key `by` gives */
  into?: { map: Name; by: Expression } & Located;
  where?: Condition;
  items: MapItem[];
}

export type MapItem = Assignment | DedupeItem | EachItem | DropItem | LostItem | NoteItem | CustomPropertiesItem;

/** `custom properties prefix "x_smartdesk_"`: each custom property the export lists lands in an x_ field */
export interface CustomPropertiesItem extends Located {
  kind: "customProperties";
  prefix: Name;
}

export interface Assignment extends Located {
  kind: "assignment";
  targets: Name[];
  value: Expression | LinkExpression | ConstantValue;
  /** `+=`: the values join what the field already holds (a many2many) instead of replacing it */
  adds: boolean;
  required: boolean;
  /** written in a second pass once the maps it points to have landed: its references do not order the load */
  deferred: boolean;
  when?: Condition;
}

export interface ConstantValue extends Located {
  kind: "constant";
  literal: Literal;
}

export interface DedupeItem extends Located {
  kind: "dedupe";
  by: Expression;
  keep?: Name;
}

export interface EachItem extends Located {
  kind: "each";
  expression: Expression;
}

export interface DropItem extends Located {
  kind: "drop";
  columns: Name[];
  reason: Name;
}

export interface LostItem extends Located {
  kind: "lost";
  what: Name;
  reason: Name;
}

export interface NoteItem extends Located {
  kind: "note";
  text: Name;
}

export type Primary =
  | ({ kind: "column"; column: Name } & Located)
  | ({ kind: "columns"; columns: Name[] } & Located)
  | ({ kind: "item" } & Located);

export interface Expression extends Located {
  kind: "expression";
  primary: Primary;
  steps: Step[];
}

export type Step =
  | ({ kind: "ref"; target: Name; onMissing?: MissingPolicy } & Located)
  | ({ kind: "lookup"; target: Name; onMissing?: MissingPolicy } & Located)
  | ({ kind: "map"; target: Name } & Located)
  | ({ kind: "transform"; name: Name; args: StepArg[] } & Located);

export interface StepArg extends Located {
  name?: Name;
  value: Literal;
}

export interface LinkExpression extends Located {
  kind: "link";
  /** `link "Related To", "Related ID"`: a type column picks the object; absent for `link first` */
  typeColumn?: Name;
  idColumn?: Name;
  cases: LinkCase[];
  onMissing?: MissingPolicy;
}

export interface LinkCase extends Located {
  /** a type value, or (for `link first`) the column holding the id */
  when: Name;
  object: Name;
}

export interface DocumentDecl extends Located {
  kind: "document";
  name: Name;
  label?: Name;
  settings: Setting[];
}

export interface OrderDecl extends Located {
  kind: "order";
  entries: Name[];
}

export type Condition =
  | ({ kind: "or"; operands: Condition[] } & Located)
  | ({ kind: "and"; operands: Condition[] } & Located)
  | ({ kind: "not"; operand: Condition } & Located)
  | ({ kind: "installed"; module: Name } & Located)
  | ({ kind: "compare"; subject: Primary; through: Name[]; op: "==" | "!="; value: Literal } & Located)
  | ({ kind: "in"; subject: Primary; through: Name[]; values: Literal[]; negated: boolean } & Located)
  | ({ kind: "empty"; subject: Primary; through: Name[]; negated: boolean } & Located)
  | ({ kind: "group"; condition: Condition } & Located);
