// The faults the Odoo test server answers with. The texts are Odoo 17's own: copied from
// catalogs/odoo/17.0/rpc-transcripts.json where a transcript shows them, otherwise from the Odoo 17.0 source
// (odoo/service/model.py, odoo/models.py, odoo/fields.py, odoo/api.py, odoo/addons/base/models/ir_model.py,
// odoo/addons/base/models/ir_fields.py, odoo/addons/base/controllers/rpc.py). See README.md for the list.

/** XML-RPC fault codes of Odoo's /xmlrpc/2 endpoints (odoo/addons/base/controllers/rpc.py). */
export const FAULT_APPLICATION_ERROR = 1; // any Python exception: the faultString is the traceback
export const FAULT_WARNING = 2; // UserError, ValidationError, MissingError: the faultString is the message
export const FAULT_ACCESS_DENIED = 3; // AccessDenied (wrong password)
export const FAULT_ACCESS_ERROR = 4; // AccessError (ACLs, private methods)

/** Structured details that `load` needs to turn a fault into a row message, as Odoo's import does. */
export type FaultDetail =
  | { kind: "not-null"; model: string; field: string; label: string }
  | { kind: "foreign-key"; table: string; constraint: string; column: string; value: unknown; refTable: string }
  | { kind: "unique"; pgMessage: string }
  | { kind: "python"; type: string; message: string };

export class OdooFault extends Error {
  constructor(
    readonly faultCode: number,
    readonly faultString: string,
    readonly detail?: FaultDetail,
  ) {
    super(faultString);
    this.name = "OdooFault";
  }
}

/**
 * A Python exception that is not a UserError: Odoo answers with faultCode 1 and the whole traceback. There is no
 * Python here, so the "traceback" says which server raised it; its last line is Odoo's exact text.
 */
export function pythonError(type: string, message: string): OdooFault {
  const faultString =
    "Traceback (most recent call last):\n" +
    '  File "<odoo test server>", line 1, in execute_kw\n' +
    "    (raised by the Odoo test server, a test double of the Odoo 17 XML-RPC API: not Odoo)\n" +
    `${type}: ${message}\n`;
  return new OdooFault(FAULT_APPLICATION_ERROR, faultString, { kind: "python", type, message });
}

export function valueError(message: string): OdooFault {
  return pythonError("ValueError", message);
}

export function userError(message: string): OdooFault {
  return new OdooFault(FAULT_WARNING, message);
}

export function accessError(message: string): OdooFault {
  return new OdooFault(FAULT_ACCESS_ERROR, message);
}

/** odoo.exceptions.AccessDenied(): str() is "Access Denied" (transcript "execute_kw wrong password"). */
export function accessDenied(): OdooFault {
  return new OdooFault(FAULT_ACCESS_DENIED, "Access Denied");
}

/** odoo/fields.py Field.__get__ on a deleted record (transcripts "unlink already deleted", "write deleted"). */
export function missingError(model: string, id: number, uid: number): OdooFault {
  return new OdooFault(
    FAULT_WARNING,
    `Record does not exist or has been deleted.\n(Record: ${model}(${id},), User: ${uid})`,
  );
}

/** odoo/service/model.py _as_validation_error, NOT_NULL_VIOLATION (transcript "create crm.lead without required name"). */
export function notNullViolation(model: string, modelLabel: string, field: string, fieldLabel: string): OdooFault {
  return new OdooFault(
    FAULT_WARNING,
    "The operation cannot be completed:\n" +
      "- Create/update: a mandatory field is not set.\n" +
      "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n" +
      `Model: ${modelLabel} (${model})\n` +
      `Field: ${fieldLabel} (${field})\n`,
    { kind: "not-null", model, field, label: fieldLabel },
  );
}

/** odoo/service/model.py _as_validation_error, FOREIGN_KEY_VIOLATION (transcript "create crm.lead with dangling many2one"). */
export function foreignKeyViolation(
  model: string,
  modelLabel: string,
  table: string,
  column: string,
  value: unknown,
  refTable: string,
): OdooFault {
  const constraint = `${table}_${column}_fkey`;
  return new OdooFault(
    FAULT_WARNING,
    "The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n" +
      `Model: ${modelLabel} (${model})\n` +
      `Constraint: ${constraint}\n`,
    { kind: "foreign-key", table, constraint, column, value, refTable },
  );
}

/** odoo/service/model.py _as_validation_error for a violated _sql_constraints entry: its message. */
export function sqlConstraintViolation(message: string): OdooFault {
  return new OdooFault(FAULT_WARNING, `The operation cannot be completed: ${message}`);
}

/** odoo/service/model.py _as_validation_error for any other IntegrityError: PostgreSQL's own text. */
export function uniqueViolation(index: string, columns: string[], values: unknown[]): OdooFault {
  const pgMessage =
    `duplicate key value violates unique constraint "${index}"\n` +
    `DETAIL:  Key (${columns.join(", ")})=(${values.map((v) => String(v)).join(", ")}) already exists.\n`;
  return new OdooFault(FAULT_WARNING, `The operation cannot be completed: ${pgMessage}`, { kind: "unique", pgMessage });
}

/** Python's repr() of the JSON-like values that travel over XML-RPC, for messages that embed one. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "string") {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let out = "";
    for (const ch of value) {
      if (ch === "\\") out += "\\\\";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "\t") out += "\\t";
      else if (ch === quote) out += `\\${quote}`;
      else out += ch;
    }
    return `${quote}${out}${quote}`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (value instanceof Date) return `<DateTime '${value.toISOString()}'>`;
  if (Buffer.isBuffer(value)) return `<Binary of ${value.length} bytes>`;
  if (typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/** repr() of a domain leaf, which Odoo prints as a tuple. */
export function pyTupleRepr(items: readonly unknown[]): string {
  return items.length === 1 ? `(${pyRepr(items[0])},)` : `(${items.map(pyRepr).join(", ")})`;
}
