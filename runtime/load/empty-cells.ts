// Which empty cells of a record mapc leaves to Odoo rather than sending: the one rule the loader writes by
// and verify reads by. An empty value the spec stages for such a field means "what Odoo holds".
import type { LiveField } from "./schema.js";

/** Fields other than user fields whose Odoo default is the importing user (or their partner, their address). */
const IMPORTING_USER_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  "mail.message": ["author_id", "email_from"],
};

/**
 * Fields Odoo fills itself when a record comes without them, though `fields_get` shows no default: a
 * message's Message-Id is generated on create (seen on the real server). Empty in the spec, they are left out.
 */
const GENERATED_WHEN_EMPTY: Readonly<Record<string, readonly string[]>> = {
  "mail.message": ["message_id"],
};

/**
 * Fields `load` cannot take empty. Seen on Odoo 17: calendar.event reads partner_ids as a list of commands,
 * and an empty cell fails the record with "TypeError: 'bool' object is not iterable". Such a cell is left
 * out, on a new record (the creator attends, as Odoo does by default) and on an existing one (its attendees stay).
 */
const NEVER_SENT_EMPTY: Readonly<Record<string, readonly string[]>> = {
  "calendar.event": ["partner_ids"],
};

/**
 * `load` takes an empty cell as "set it empty": a required field then refuses even when Odoo has a default
 * for it (an activity's assignee, a campaign's responsible), an empty HTML cell was seen to land as the text
 * "False" on Odoo 17, and an empty computed or defaulted field would override what Odoo fills in (a lead's
 * e-mail from its partner, a partner's type, a record's `active`). Such a cell is left out, on a new record
 * and on an existing one alike, and is no difference from what Odoo holds; so are a partner's fields Odoo
 * copies from a related partner, and a field the record's second pass writes (its `deferred` values).
 * Fields whose default is whoever runs the import (an optional user field, a message's author and sender)
 * are sent empty, so the admin does not become the owner or the author of every record whose owner is unknown.
 */
export function emptyCellLeftToOdoo(
  model: string,
  field: string,
  fields: ReadonlyMap<string, LiveField>,
  cell: (field: string) => string | undefined,
  deferred: Readonly<Record<string, unknown>>,
): boolean {
  if (deferred[field] !== undefined) return true;
  const info = fields.get(field) ?? { type: "char" };
  if (omitsEmpty(model, field, info) && !computedFromNothing(info, cell)) return true;
  return filledFromRelatedPartner(model, field, cell);
}

/**
 * A computed field without a default whose every dependency the record writes empty: Odoo computes it
 * empty, so sending the empty cell changes nothing, and rows that differ only there share a `load` call
 * (a lead without a partner sends its contact fields empty like any other; OPEX 365's leads took 32 calls
 * for 66 records while each left out its own set).
 */
function computedFromNothing(info: LiveField, cell: (field: string) => string | undefined): boolean {
  if (
    info.required === true ||
    info.type === "html" ||
    info.defaulted !== false ||
    !info.depends ||
    info.depends.length === 0
  )
    return false;
  return info.depends.every((path) => cell(path.split(".")[0]!) === "");
}

/** Whether an empty cell for this field is left out, so Odoo fills the field itself. */
function omitsEmpty(model: string, field: string, info: LiveField): boolean {
  if (NEVER_SENT_EMPTY[model]?.includes(field) || GENERATED_WHEN_EMPTY[model]?.includes(field)) return true;
  if (keepsEmpty(model, field, info)) return false;
  const computed = info.depends === undefined || info.depends.length > 0;
  return info.required === true || info.type === "html" || computed || info.defaulted !== false;
}

function keepsEmpty(model: string, field: string, info: LiveField): boolean {
  if (info.required === true) return false;
  return (
    (info.type === "many2one" && info.relation === "res.users") ||
    (IMPORTING_USER_DEFAULTS[model]?.includes(field) ?? false)
  );
}

const PARTNER_ADDRESS = ["street", "street2", "zip", "city", "state_id", "country_id"];
const PARTNER_COMMERCIAL = ["vat", "company_registry", "industry_id"];

/**
 * Fields Odoo 17 fills on a partner from another (seen on the real server, and checked by MC2125 and MC2127):
 * a partner of type `contact` gets its parent's whole address, a partner that is not a company its parent's
 * commercial fields, and a company without an address the address of its first contact. Empty in the spec,
 * they hold the other partner's values in Odoo; that is no difference, and nothing to clear.
 */
function filledFromRelatedPartner(
  model: string,
  field: string,
  written: (field: string) => string | undefined,
): boolean {
  if (model !== "res.partner") return false;
  const cell = (name: string) => written(name) ?? "";
  if (PARTNER_ADDRESS.includes(field)) {
    const noAddress = PARTNER_ADDRESS.every((f) => cell(f) === "");
    return noAddress || (cell("parent_id") !== "" && (cell("type") === "" || cell("type") === "contact"));
  }
  return (
    PARTNER_COMMERCIAL.includes(field) &&
    cell("parent_id") !== "" &&
    !["1", "true", "True"].includes(cell("is_company"))
  );
}
