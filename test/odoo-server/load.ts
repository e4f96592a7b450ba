// `load(fields, rows)`, Odoo's import: upsert by external id (`id` column, `field/id` and `field/.id` columns,
// a bare external id goes to the `__import__` module), cells converted from text as Odoo's ir.fields.converter
// does, and on any error nothing is saved: `ids: false` and one message per problem, shaped as Odoo's
// (odoo/models.py BaseModel.load/_convert_records, odoo/addons/base/models/ir_fields.py).

import type { Database, Env } from "./database.js";
import { OdooFault, pyRepr, pythonError } from "./faults.js";
import type { FieldDef, ModelDef } from "./registry.js";
import { truthy } from "./util.js";

export interface LoadResult {
  ids: number[] | false;
  messages: Array<Record<string, unknown>>;
  nextrow: number;
}

/**
 * A conversion failure. `args1` mirrors the second argument of Odoo's exception: undefined for a one-argument
 * exception (the message gets no `field_name`), null for None, or a dict merged into the message.
 */
class ConversionProblem {
  constructor(
    readonly message: string,
    readonly args1: Record<string, unknown> | null | undefined,
    readonly warning = false,
  ) {}
}

class Rollback {
  constructor(readonly result: LoadResult) {}
}

const TRUES = new Set(["1", "true", "yes"]);
const FALSES = new Set(["", "0", "false", "no"]);

/** odoo.tools.misc fix_import_export_id_paths */
function fixPath(name: string): string[] {
  return name
    .replace(/([^/])\.id/g, "$1/.id")
    .replace(/([^/]):id/g, "$1/id")
    .split("/");
}

function possibleValues(field: FieldDef, subfield: string | undefined): Record<string, unknown> {
  const action: Record<string, unknown> = {
    name: "Possible Values",
    type: "ir.actions.act_window",
    target: "new",
    view_mode: "tree,form",
    views: [
      [false, "list"],
      [false, "form"],
    ],
    context: { create: false },
    help: "See all possible values",
  };
  if (subfield === undefined) action.res_model = field.relation ?? false;
  else {
    action.res_model = "ir.model.data";
    action.domain = [["model", "=", field.relation ?? false]];
  }
  return action;
}

function parseStrictDate(value: string, withTime: boolean): string | null {
  const m = withTime
    ? /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(value)
    : /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.slice(0, 10));
  if (!m) return null;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1).map((x) => x ?? "0");
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  const iso = date.toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}

class Loader {
  private readonly messages: Array<Record<string, unknown>> = [];

  constructor(
    private readonly db: Database,
    private readonly env: Env,
    private readonly model: ModelDef,
  ) {}

  /** ir.fields.converter db_id_for: one reference to a record of the field's comodel. */
  private reference(
    field: FieldDef,
    subfield: string | undefined,
    value: string,
    warnings: ConversionProblem[],
  ): number | false {
    const relation = field.relation ?? "";
    const comodel = this.db.model(relation);
    const label = field.label;
    if (subfield === ".id") {
      if (FALSES.has(value.toLowerCase())) return false;
      if (!/^\s*[-+]?\d+\s*$/.test(value)) {
        throw new ConversionProblem(`Invalid database id '${value}' for the field '${label}'`, {
          moreinfo: possibleValues(field, subfield),
        });
      }
      const id = parseInt(value, 10);
      if (this.db.exists(relation, id)) return id;
      throw new ConversionProblem(`No matching record found for database id '${value}' in field '${label}'`, {
        moreinfo: possibleValues(field, subfield),
      });
    }
    if (subfield === "id") {
      if (FALSES.has(value.toLowerCase())) return false;
      const xmlid = value.includes(".") ? value : `__import__.${value}`;
      const dataId = this.db.xmlidDataId(xmlid);
      const data = dataId === undefined ? undefined : this.db.row("ir.model.data", dataId);
      if (data && this.db.exists(String(data.model), Number(data.res_id))) {
        if (data.model !== relation) {
          throw new ConversionProblem(
            `Invalid external ID ${xmlid}: expected model ${pyRepr(relation)}, found ${pyRepr(data.model)}`,
            undefined,
          );
        }
        return Number(data.res_id);
      }
      throw new ConversionProblem(`No matching record found for external id '${value}' in field '${label}'`, {
        moreinfo: possibleValues(field, subfield),
      });
    }
    // by name: name_search(name=value, operator='=')
    const recName = comodel?.recName;
    const matches =
      comodel && recName ? this.db.searchRows(this.env, comodel, [[recName, "=", value]], 0, 0, "id") : [];
    if (matches.length > 1) {
      warnings.push(
        new ConversionProblem(
          `Found multiple matches for value ${pyRepr(value)} in field ${pyRepr(label)} (${matches.length} matches)`,
          undefined,
          true,
        ),
      );
    }
    const first = matches[0];
    if (first) return first.id;
    throw new ConversionProblem(`No matching record found for name '${value}' in field '${label}'`, {
      moreinfo: possibleValues(field, subfield),
    });
  }

  /** One non-empty cell, converted for create/write (ir.fields.converter _str_to_<type>). */
  private convert(
    field: FieldDef,
    subfield: string | undefined,
    value: string,
    warnings: ConversionProblem[],
  ): unknown {
    const label = field.label;
    switch (field.type) {
      case "many2one":
        return this.reference(field, subfield, value, warnings);
      case "many2many":
      case "one2many": {
        const ids = value.split(",").map((ref) => this.reference(field, subfield, ref, warnings));
        if (field.type === "many2many") return [[6, 0, ids.filter((id) => id !== false)]];
        return ids.filter((id) => id !== false).map((id) => [4, id, 0]);
      }
      case "boolean": {
        const lower = value.toLowerCase();
        if (TRUES.has(lower)) return true;
        if (FALSES.has(lower)) return false;
        warnings.push(
          new ConversionProblem(
            `Unknown value '${value}' for boolean field '${label}'`,
            { moreinfo: "Use '1' for yes and '0' for no" },
            true,
          ),
        );
        return true;
      }
      case "integer":
      case "many2one_reference":
        if (/^\s*[-+]?\d+\s*$/.test(value)) return parseInt(value, 10);
        throw new ConversionProblem(`'${value}' does not seem to be an integer for field '${label}'`, null);
      case "float":
      case "monetary":
        if (value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
        throw new ConversionProblem(`'${value}' does not seem to be a number for field '${label}'`, null);
      case "date": {
        const date = parseStrictDate(value, false);
        if (date) return date;
        throw new ConversionProblem(`'${value}' does not seem to be a valid date for field '${label}'`, {
          moreinfo: "Use the format '2012-12-31'",
        });
      }
      case "datetime": {
        const datetime = parseStrictDate(value, true);
        if (datetime) return datetime;
        throw new ConversionProblem(`'${value}' does not seem to be a valid datetime for field '${label}'`, {
          moreinfo: "Use the format '2012-12-31 23:59:59'",
        });
      }
      case "selection": {
        const selection = field.selection ?? [];
        if (selection.length === 0) return value;
        const lower = value.toLowerCase();
        const hit = selection.find(
          ([item, itemLabel]) => item.toLowerCase() === lower || itemLabel.toLowerCase() === lower,
        );
        if (hit) return hit[0];
        throw new ConversionProblem(`Value '${value}' not found in selection field '${label}'`, {
          moreinfo: selection
            .filter(([item, itemLabel]) => itemLabel || item)
            .map(([item, itemLabel]) => itemLabel || item),
        });
      }
      case "json":
        try {
          return JSON.parse(value);
        } catch {
          throw new ConversionProblem(`'${value}' does not seem to be a valid JSON for field '${label}'`, null);
        }
      default:
        return value;
    }
  }

  private log(base: Record<string, unknown>, record: number, field: FieldDef, problem: ConversionProblem): void {
    const message: Record<string, unknown> = {
      ...base,
      type: problem.warning ? "warning" : "error",
      record,
      field: field.name,
      message: problem.message,
    };
    if (problem.args1 !== undefined) Object.assign(message, problem.args1 ?? {}, { field_name: field.label });
    this.messages.push(message);
  }

  /** A failed create/write of one row, as Odoo's load reports it (psycopg2 errors, UserError, anything else). */
  private logFailure(info: Record<string, unknown>, error: unknown): void {
    if (!(error instanceof OdooFault)) throw error;
    const detail = error.detail;
    if (detail?.kind === "not-null") {
      this.messages.push(
        detail.model === this.model.name
          ? {
              ...info,
              type: "error",
              message: `Missing required value for the field '${detail.label}' (${detail.field})`,
              field: detail.field,
            }
          : { ...info, type: "error", message: `Missing required value for the field '${detail.field}'` },
      );
    } else if (detail?.kind === "foreign-key") {
      this.messages.push({
        ...info,
        type: "error",
        message:
          `insert or update on table "${detail.table}" violates foreign key constraint "${detail.constraint}"\n` +
          `DETAIL:  Key (${detail.column})=(${String(detail.value)}) is not present in table "${detail.refTable}".\n`,
      });
    } else if (detail?.kind === "unique") {
      this.messages.push({ ...info, type: "error", message: detail.pgMessage });
    } else if (detail?.kind === "python") {
      this.messages.push({
        ...info,
        type: "error",
        message: `Unknown error during import: <class '${detail.type}'>: ${detail.message}`,
        moreinfo: "Resolve other errors first",
      });
    } else {
      this.messages.push({ ...info, type: "error", message: error.faultString });
    }
  }

  run(fieldsInput: unknown, dataInput: unknown): LoadResult {
    if (!Array.isArray(fieldsInput) || !fieldsInput.every((f) => typeof f === "string")) {
      throw pythonError("TypeError", "'fields' must be a list of field names");
    }
    if (!Array.isArray(dataInput)) throw pythonError("TypeError", "'data' must be a list of rows");
    const paths = (fieldsInput as string[]).map(fixPath);
    for (const path of paths) {
      const head = path[0] ?? "";
      if (head === "id" || head === ".id") continue;
      const field = this.model.fields.get(head);
      if (!field) throw pythonError("KeyError", pyRepr(head));
      if (path.length > 2 || (path.length === 2 && path[1] !== "id" && path[1] !== ".id")) {
        throw pythonError(
          "NotImplementedError",
          `the Odoo test server's load() does not import sub-fields such as ${pyRepr(path.join("/"))}`,
        );
      }
    }
    const ids: number[] = [];
    try {
      return this.db.transaction(() => {
        dataInput.forEach((rowInput, index) => this.loadRow(paths, rowInput, index, ids));
        const result: LoadResult = { ids, messages: this.messages, nextrow: 0 };
        if (this.messages.some((m) => m.type === "error"))
          throw new Rollback({ ids: false, messages: this.messages, nextrow: 0 });
        return result;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.result;
      throw error;
    }
  }

  private loadRow(paths: string[][], rowInput: unknown, index: number, ids: number[]): void {
    const cells = Array.isArray(rowInput) ? rowInput : [];
    const base = { rows: { from: index, to: index } };
    const vals: Record<string, unknown> = {};
    const warnings: ConversionProblem[] = [];
    let xid: string | false = false;
    let dbid: number | false = false;
    paths.forEach((path, column) => {
      const cell = cells[column];
      const text = cell === undefined || cell === null || cell === false ? "" : String(cell);
      const head = path[0] ?? "";
      if (head === "id") {
        xid = text || false;
        return;
      }
      if (head === ".id") {
        if (!text) return;
        const id = /^\s*\d+\s*$/.test(text) ? parseInt(text, 10) : NaN;
        if (!Number.isNaN(id) && this.db.exists(this.model.name, id)) dbid = id;
        else
          this.messages.push({
            ...base,
            type: "error",
            record: index,
            field: ".id",
            message: `Unknown database identifier '${text}'`,
          });
        return;
      }
      const field = this.model.fields.get(head);
      if (!field) return;
      if (!truthy(text)) {
        vals[field.name] = false;
        return;
      }
      try {
        const before = warnings.length;
        vals[field.name] = this.convert(field, path[1], text, warnings);
        for (const warning of warnings.slice(before)) this.log(base, index, field, warning);
      } catch (error) {
        if (error instanceof ConversionProblem) this.log(base, index, field, error);
        else throw error;
      }
    });
    const info = { ...base, record: index };
    try {
      this.db.transaction(() => {
        const existingXid = xid ? this.resolveOwnXid(xid) : undefined;
        if (existingXid?.id !== undefined) {
          this.db.writeRecords(this.env, this.model.name, [existingXid.id], vals);
          ids.push(existingXid.id);
        } else if (dbid !== false) {
          this.db.writeRecords(this.env, this.model.name, [dbid], vals);
          ids.push(dbid);
        } else {
          const [id] = this.db.createRecords(this.env, this.model.name, [vals]);
          if (id === undefined) return;
          ids.push(id);
          if (xid) this.bindXid(xid, id, existingXid?.dataId);
        }
      });
    } catch (error) {
      this.logFailure(info, error);
    }
  }

  private fullXid(xid: string): { module: string; name: string } {
    const dot = xid.indexOf(".");
    return dot >= 0 ? { module: xid.slice(0, dot), name: xid.slice(dot + 1) } : { module: "__import__", name: xid };
  }

  /** The record an `id` cell names, or the orphaned ir.model.data row to reuse. */
  private resolveOwnXid(xid: string): { id?: number; dataId?: number } | undefined {
    const { module, name } = this.fullXid(xid);
    const dataId = this.db.xmlidDataId(`${module}.${name}`);
    if (dataId === undefined) return undefined;
    const data = this.db.row("ir.model.data", dataId);
    if (data && data.model === this.model.name && this.db.exists(this.model.name, Number(data.res_id)))
      return { id: Number(data.res_id) };
    return { dataId };
  }

  private bindXid(xid: string, id: number, staleDataId: number | undefined): void {
    const { module, name } = this.fullXid(xid);
    const su: Env = { uid: this.env.uid, context: {}, su: true };
    if (staleDataId !== undefined)
      this.db.writeRecords(su, "ir.model.data", [staleDataId], { model: this.model.name, res_id: id });
    else
      this.db.createRecords(su, "ir.model.data", [
        { module, name, model: this.model.name, res_id: id, noupdate: false },
      ]);
  }
}

export function load(db: Database, env: Env, modelName: string, fields: unknown, data: unknown): LoadResult {
  const model = db.requireModel(modelName);
  return new Loader(db, env, model).run(fields, data);
}
