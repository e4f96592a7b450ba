// What the compiler knows about a target Odoo version: its models and fields as read off a real server,
// the standard records with external ids, and the models and field names specs expect but Odoo lacks.
import { CUSTOM_FIELD_TYPES } from "../../plan/types.js";

/** Every field type the catalogs hold. A catalog with another type is refused when loaded. */
export const odooFieldTypes = [
  ...CUSTOM_FIELD_TYPES,
  "one2many",
  "json",
  "many2one_reference",
  "reference",
  "properties",
  "properties_definition",
] as const;

export type OdooFieldType = (typeof odooFieldTypes)[number];

/**
 * What happens to a value written over RPC, read off the live registry: `ok` it stays; `volatile` it stays
 * until the fields it is computed from change; `ignored` Odoo recomputes it and the value is lost silently.
 */
export type WriteVerdict = "ok" | "volatile" | "ignored";

export interface CatalogField {
  name: string;
  type: OdooFieldType;
  /** the field's label (Odoo's `string`) */
  label: string;
  required: boolean;
  /** a UI flag, not an API rule: Odoo accepts some readonly fields on create */
  readonly: boolean;
  stored: boolean;
  computed: boolean;
  /** the path a related field mirrors, e.g. `partner_id.name` */
  related: string | null;
  /** the model a relational field points to */
  relation?: string;
  /** the many2one on `relation` that a one2many is the inverse of */
  relationField?: string;
  /** [value, label] pairs of a selection or reference field */
  selection?: Array<[string, string]>;
  write: WriteVerdict;
  /** the modules that define or extend the field */
  modules: string[];
  help?: string;
  /** why a required field may be left out of a create(): Odoo fills it itself (server-defaults.json) */
  serverDefault?: string;
}

export interface CatalogModel {
  model: string;
  label: string;
  modules: string[];
  fields: ReadonlyMap<string, CatalogField>;
}

/** A model that specs name but that Odoo Community lacks in this version, and what to load instead. */
export interface KnownMissingModel {
  model: string;
  reason: string;
  /** the module that would bring the model; null when no current module does */
  module: string | null;
  fallbacks: Array<{ model: string; how: string }>;
}

/** An old or mistaken field name, for "did you mean" hints. */
export interface RenamedField {
  model: string;
  field: string;
  /** the field to use instead; null when there is no single one (the note says what to do) */
  replacement: string | null;
  /** the Odoo version from which `replacement` is the right name */
  since: string;
  /** with a replacement, reads as the continuation of the old name: "`planned_revenue` was renamed in Odoo 14.0" */
  note: string;
}

/** A standard record with its external id, e.g. `crm.stage_lead1`; the other keys are its field values. */
export type ReferenceRecord = Record<string, unknown> & { xmlid: string };

export interface OdooCatalog {
  /** the catalog folder, e.g. "17.0" */
  version: string;
  /** the server the catalog was read off, e.g. "17.0-20240709" */
  serverVersion: string;
  models: ReadonlyMap<string, CatalogModel>;
  /** standard records by model */
  referenceData: ReadonlyMap<string, ReferenceRecord[]>;
  /** known models this version lacks, by model name */
  knownMissing: ReadonlyMap<string, KnownMissingModel>;
  /** old names that this version does not have */
  renamedFields: RenamedField[];
  field(model: string, name: string): CatalogField | undefined;
  hasModel(model: string): boolean;
  findXmlid(xmlid: string): { model: string; record: ReferenceRecord } | undefined;
}
