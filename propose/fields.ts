// The Odoo fields a proposed map may write, per model, from the field catalog of the target version
// (compiler/catalog): writable, not a one2many, not computed away. Apps Odoo Community lacks (Helpdesk,
// Knowledge) have no catalog: their standard fields are listed here, and a live run checks them.
import type { CatalogField, OdooCatalog, OdooFieldType } from "../compiler/catalog/index.js";

export interface FieldInfo {
  name: string;
  label: string;
  type: OdooFieldType;
  relation?: string;
  required: boolean;
  /** Odoo fills it itself when a create leaves it out */
  serverDefault: boolean;
  selection?: Array<[string, string]>;
  /** kept only until Odoo recomputes it (catalog `write: volatile`) */
  volatile: boolean;
}

/** Fields no migration writes: bookkeeping, chatter, access, company, sequences, computed mirrors. */
const SKIPPED =
  /^(id|display_name|create_date|create_uid|write_date|write_uid|__last_update|company_id|currency_id|sequence|color|access_.*|message_.*|activity_.*|website_message_ids|has_message|rating_.*|my_activity_date_deadline|self|image_.*|avatar_.*|commercial_partner_id|user_ids|.*_count|.*_ids_count)$/;

export function writableFields(catalog: OdooCatalog, model: string): FieldInfo[] {
  const known = catalog.models.get(model);
  if (!known) return appFields[model] ?? [];
  const fields: FieldInfo[] = [];
  for (const field of known.fields.values()) {
    if (!isWritable(field)) continue;
    fields.push({
      name: field.name,
      label: field.label,
      type: field.type,
      ...(field.relation ? { relation: field.relation } : {}),
      required: field.required,
      serverDefault: field.serverDefault !== undefined,
      ...(field.selection ? { selection: field.selection } : {}),
      volatile: field.write === "volatile",
    });
  }
  return fields;
}

function isWritable(field: CatalogField): boolean {
  if (field.write === "ignored" || field.type === "one2many") return false;
  if (["properties", "properties_definition", "json", "reference", "many2one_reference"].includes(field.type))
    return false;
  return !SKIPPED.test(field.name) || field.name === "user_ids";
}

const field = (name: string, label: string, type: OdooFieldType, extra: Partial<FieldInfo> = {}): FieldInfo => ({
  name,
  label,
  type,
  required: false,
  serverDefault: false,
  volatile: false,
  ...extra,
});

/** Standard fields of Enterprise apps the catalogs lack, as their models define them (Odoo 16–18). */
const appFields: Record<string, FieldInfo[]> = {
  "helpdesk.ticket": [
    field("name", "Subject", "char", { required: true }),
    field("description", "Description", "html"),
    field("partner_id", "Customer", "many2one", { relation: "res.partner" }),
    field("partner_email", "Customer Email", "char"),
    field("partner_phone", "Customer Phone", "char"),
    field("user_id", "Assigned to", "many2one", { relation: "res.users" }),
    field("priority", "Priority", "selection", {
      selection: [
        ["0", "Low priority"],
        ["1", "Medium priority"],
        ["2", "High priority"],
        ["3", "Urgent"],
      ],
    }),
    field("tag_ids", "Tags", "many2many", { relation: "helpdesk.tag" }),
  ],
  "knowledge.article": [
    field("name", "Title", "char", { required: true }),
    field("body", "Body", "html"),
    field("parent_id", "Parent Article", "many2one", { relation: "knowledge.article" }),
  ],
};
