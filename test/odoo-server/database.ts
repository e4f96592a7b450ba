// The in-memory database of the Odoo test server and the ORM methods that run on it. Every execute_kw runs in
// a transaction: a failure undoes everything the call did (as Odoo's rollback does), so a batch create with one
// bad record leaves nothing behind. Ids come from per-model sequences that, like PostgreSQL's, are not rolled back.

import { compileDomain, compileOrder, domainMentions, isEmpty, type DomainHost, type Row } from "./domain.js";
import {
  accessError,
  foreignKeyViolation,
  missingError,
  notNullViolation,
  pyRepr,
  pythonError,
  userError,
  valueError,
} from "./faults.js";
import { behaviourOf } from "./behaviours.js";
import { LOG_ACCESS_FIELDS, tableName, type FieldDef, type ModelDef, type Registry } from "./registry.js";
import { nowString, pyTypeName, todayString, truthy } from "./util.js";
import { PyFloat } from "./wire.js";

export type { Row } from "./domain.js";

export interface Env {
  uid: number;
  context: Record<string, unknown>;
  /** superuser mode (seeding): no access rights, log-access fields may be set */
  su?: boolean;
  /** fault injection: the message that rejects a record of this batch, if any */
  reject?: (model: string, vals: Readonly<Record<string, unknown>>) => string | undefined;
}

export type AccessMode = "read" | "write" | "create" | "unlink";

/** x2many commands, normalised: [code, id, values|ids]. */
export type X2ManyCommand = [number, number, unknown];

export interface Prepared {
  /** stored values (and the values of inverse fields, kept as given) */
  values: Record<string, unknown>;
  /** x2many fields and their commands */
  x2many: Array<{ field: FieldDef; commands: X2ManyCommand[] }>;
  /** values of non-stored related fields, written through to the related record */
  related: Record<string, unknown>;
  /** the field names the client gave (after dropping unknown-to-store ones, before defaults) */
  given: Set<string>;
  /** the vals as sent, for fault-injection matching */
  raw: Readonly<Record<string, unknown>>;
  /** scratch space for model behaviours (e.g. a password taken out of the values) */
  extra: Record<string, unknown>;
}

export interface DatabaseOptions {
  maxRecords: number;
  companyId: () => number;
}

const DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S";

function strptime(value: string, format: string): number[] | null {
  let source = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "%" && i + 1 < format.length) {
      const directive = format[++i];
      source += directive === "Y" ? "(\\d{4})" : "(\\d{1,2})";
    } else if (ch !== undefined) {
      source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  const match = new RegExp(`^${source}$`).exec(value);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  const [year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 61) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return [year, month, day, hour, minute, second];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

export class Database implements DomainHost {
  private readonly tables = new Map<string, Map<number, Row>>();
  private readonly sequences = new Map<string, number>();
  private journal: Array<() => void> | null = null;
  private readonly xmlids = new Map<string, number>(); // "module.name" → ir.model.data id
  private recordCount = 0;
  /** passwords of res.users, by id (never stored on the row: Odoo never reads a password back) */
  readonly passwords = new Map<number, string>();

  constructor(
    readonly registry: Registry,
    private readonly options: DatabaseOptions,
  ) {}

  // ---------------------------------------------------------------- storage

  model(name: string): ModelDef | undefined {
    return this.registry.get(name);
  }

  /** The model, or Odoo's fault for an unknown one (odoo/service/model.py execute_cr). */
  requireModel(name: string): ModelDef {
    const model = this.registry.get(name);
    if (!model) throw userError(`Object ${name} doesn't exist`);
    return model;
  }

  table(model: string): Map<number, Row> {
    let table = this.tables.get(model);
    if (!table) {
      table = new Map();
      this.tables.set(model, table);
    }
    return table;
  }

  row(model: string, id: number): Row | undefined {
    return this.tables.get(model)?.get(id);
  }

  rows(model: string): Row[] {
    return [...this.table(model).values()].sort((a, b) => a.id - b.id);
  }

  exists(model: string, id: number): boolean {
    return this.tables.get(model)?.has(id) ?? false;
  }

  nextId(model: string): number {
    const next = (this.sequences.get(model) ?? 0) + 1;
    this.sequences.set(model, next);
    return next;
  }

  /** Moves a sequence past an id given explicitly (seeding). */
  bumpSequence(model: string, id: number): void {
    if ((this.sequences.get(model) ?? 0) < id) this.sequences.set(model, id);
  }

  private indexRow(model: string, row: Row, add: boolean): void {
    if (model !== "ir.model.data") return;
    const key = `${String(row.module ?? "")}.${String(row.name ?? "")}`;
    if (add) this.xmlids.set(key, row.id);
    else if (this.xmlids.get(key) === row.id) this.xmlids.delete(key);
  }

  private rawInsert(model: string, row: Row): void {
    this.table(model).set(row.id, row);
    this.indexRow(model, row, true);
    this.recordCount++;
  }

  private rawDelete(model: string, id: number): void {
    const table = this.table(model);
    const row = table.get(id);
    if (!row) return;
    table.delete(id);
    this.indexRow(model, row, false);
    this.recordCount--;
  }

  private rawReplace(model: string, row: Row): void {
    const table = this.table(model);
    const old = table.get(row.id);
    if (old) this.indexRow(model, old, false);
    table.set(row.id, row);
    this.indexRow(model, row, true);
  }

  /** Records an undo step in the current transaction. */
  onRollback(undo: () => void): void {
    this.journal?.push(undo);
  }

  insertRow(model: string, row: Record<string, unknown> & { id: number }): Row {
    if (this.recordCount >= this.options.maxRecords) {
      throw pythonError("MemoryError", `the Odoo test server holds at most ${this.options.maxRecords} records`);
    }
    const frozen = Object.freeze({ ...row }) as Row;
    this.rawInsert(model, frozen);
    this.onRollback(() => this.rawDelete(model, frozen.id));
    return frozen;
  }

  updateRow(model: string, id: number, patch: Record<string, unknown>): Row {
    const old = this.row(model, id);
    if (!old) throw new Error(`updateRow: ${model}(${id}) does not exist`);
    const next = Object.freeze({ ...old, ...patch, id }) as Row;
    this.rawReplace(model, next);
    this.onRollback(() => this.rawReplace(model, old));
    return next;
  }

  deleteRow(model: string, id: number): void {
    const old = this.row(model, id);
    if (!old) return;
    this.rawDelete(model, id);
    this.onRollback(() => this.rawInsert(model, old));
  }

  /** Drops a whole table (a custom model's records when the model goes), undoably. */
  dropTable(model: string): void {
    const table = this.tables.get(model);
    if (!table) return;
    for (const id of [...table.keys()]) this.deleteRow(model, id);
  }

  /**
   * Runs `fn` atomically: at top level a transaction, nested a savepoint. A throw undoes every change made
   * inside (rows, xmlids, custom models and fields) and propagates.
   */
  transaction<T>(fn: () => T): T {
    const outer = this.journal;
    const journal: Array<() => void> = [];
    this.journal = journal;
    try {
      const result = fn();
      this.journal = outer;
      if (outer) outer.push(...journal);
      return result;
    } catch (error) {
      for (let i = journal.length - 1; i >= 0; i--) journal[i]?.();
      this.journal = outer;
      throw error;
    }
  }

  // ---------------------------------------------------------------- xmlids and names

  /** The record an external id names, if the ir.model.data row and the record both exist. */
  xmlidRef(xmlid: string): { model: string; id: number } | undefined {
    const dataId = this.xmlids.get(xmlid);
    if (dataId === undefined) return undefined;
    const data = this.row("ir.model.data", dataId);
    if (!data) return undefined;
    const model = String(data.model ?? "");
    const id = Number(data.res_id ?? 0);
    if (!this.exists(model, id)) return undefined;
    return { model, id };
  }

  xmlidDataId(xmlid: string): number | undefined {
    return this.xmlids.get(xmlid);
  }

  /** The id of a model's ir.model row. */
  irModelId(model: string): number | undefined {
    for (const row of this.table("ir.model").values()) if (row.model === model) return row.id;
    return undefined;
  }

  displayName(model: string, id: number): string | false {
    const def = this.model(model);
    const row = this.row(model, id);
    if (!def || !row) return false;
    const behaviour = behaviourOf(model);
    const special = behaviour.displayName?.(this, row);
    if (special !== undefined) return special;
    if (!def.recName) return `${model},${id}`;
    const field = def.fields.get(def.recName);
    if (!field) return `${model},${id}`;
    const value = this.value(def, row, field);
    if (typeof value === "string") return value;
    if (value === false || value === undefined || value === null) return false;
    if (typeof value === "number" && field.type === "many2one" && field.relation)
      return this.displayName(field.relation, value);
    return String(value);
  }

  /** A field's value on a row: stored value, related value or computed value; many2one as id, x2many as ids. */
  value(model: ModelDef, row: Row, field: FieldDef): unknown {
    if (field.name === "id") return row.id;
    if (field.name === "display_name") return this.displayName(model.name, row.id);
    const behaviour = behaviourOf(model.name);
    const compute = behaviour.computeOnRead?.[field.name];
    if (compute) return compute(this, row);
    if (Object.prototype.hasOwnProperty.call(row, field.name)) return row[field.name];
    if (!field.stored && field.related) return this.relatedValue(model, row, field.related);
    if (field.type === "one2many") return this.one2manyIds(field, row.id);
    if (field.type === "many2many") return [];
    return undefined;
  }

  private relatedValue(model: ModelDef, row: Row, path: string): unknown {
    const names = path.split(".");
    let currentModel: ModelDef | undefined = model;
    let currentRow: Row | undefined = row;
    for (let i = 0; i < names.length; i++) {
      const f: FieldDef | undefined = currentModel?.fields.get(names[i] ?? "");
      if (!f || !currentModel || !currentRow) return undefined;
      const v = this.value(currentModel, currentRow, f);
      if (i === names.length - 1) return v;
      if (typeof v !== "number" || !v || !f.relation) return undefined;
      currentModel = this.model(f.relation);
      currentRow = this.row(f.relation, v);
    }
    return undefined;
  }

  private one2manyIds(field: FieldDef, id: number): number[] {
    if (!field.relation || !field.relationField) return [];
    const ids: number[] = [];
    for (const child of this.table(field.relation).values()) if (child[field.relationField] === id) ids.push(child.id);
    return ids.sort((a, b) => a - b);
  }

  // ---------------------------------------------------------------- access rights

  /** odoo/addons/base/models/ir_model.py IrModelAccess.check: custom models need an ir.model.access row. */
  checkAccess(env: Env, model: ModelDef, mode: AccessMode, raise = true): boolean {
    if (env.su || !model.manual) return true;
    const irModel = this.irModelId(model.name);
    const rows = [...this.table("ir.model.access").values()].filter(
      (r) => r.model_id === irModel && r.active !== false,
    );
    const granting = rows.filter((r) => r[`perm_${mode}`] === true);
    // every user of the test server belongs to every group
    if (granting.length > 0) return true;
    if (!raise) return false;
    const documentKind = this.displayName("ir.model", irModel ?? 0) || model.name;
    const heads: Record<AccessMode, string> = {
      read: `You are not allowed to access '${documentKind}' (${model.name}) records.`,
      write: `You are not allowed to modify '${documentKind}' (${model.name}) records.`,
      create: `You are not allowed to create '${documentKind}' (${model.name}) records.`,
      unlink: `You are not allowed to delete '${documentKind}' (${model.name}) records.`,
    };
    throw accessError(
      `${heads[mode]}\n\nNo group currently allows this operation.\n\nContact your administrator to request access if necessary.`,
    );
  }

  // ---------------------------------------------------------------- values

  /** convert_to_cache/convert_to_column of one value, with Odoo's errors for a value of the wrong kind. */
  convert(model: ModelDef, field: FieldDef, input: unknown): unknown {
    const value = input === null || input === undefined ? false : input;
    const fieldRef = `${model.name}.${field.name}`;
    switch (field.type) {
      case "char":
      case "text":
      case "html":
        if (value === false) return false;
        if (typeof value === "string") return value;
        if (value === true) return "True";
        if (typeof value === "number") return String(value);
        return pyRepr(value);
      case "selection": {
        const allowed = field.selection;
        if (allowed && allowed.length > 0) {
          if (typeof value === "string" && allowed.some(([v]) => v === value)) return value;
          if (!truthy(value)) return false;
          throw valueError(`Wrong value for ${fieldRef}: ${pyRepr(value)}`);
        }
        return truthy(value) ? value : false;
      }
      case "integer":
      case "many2one_reference": {
        if (!truthy(value)) return 0;
        if (typeof value === "number") return Math.trunc(value);
        if (typeof value === "boolean") return value ? 1 : 0;
        if (typeof value === "string" && /^\s*[-+]?\d+\s*$/.test(value)) return parseInt(value, 10);
        if (typeof value === "string") throw valueError(`invalid literal for int() with base 10: ${pyRepr(value)}`);
        throw pythonError(
          "TypeError",
          `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
        );
      }
      case "float":
      case "monetary": {
        if (!truthy(value)) return 0;
        if (typeof value === "number") return value;
        if (typeof value === "boolean") return value ? 1 : 0;
        if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
        if (typeof value === "string") throw valueError(`could not convert string to float: ${pyRepr(value)}`);
        throw pythonError(
          "TypeError",
          `float() argument must be a string or a real number, not '${pyTypeName(value)}'`,
        );
      }
      case "boolean":
        return truthy(value);
      case "date": {
        if (!truthy(value)) return false;
        if (typeof value !== "string")
          throw pythonError("TypeError", `'${pyTypeName(value)}' object is not subscriptable`);
        const v = value.slice(0, 10);
        const parts = strptime(v, "%Y-%m-%d");
        if (!parts) throw valueError(`time data ${pyRepr(v)} does not match format '%Y-%m-%d'`);
        return `${pad(parts[0] ?? 0, 4)}-${pad(parts[1] ?? 0)}-${pad(parts[2] ?? 0)}`;
      }
      case "datetime": {
        if (!truthy(value)) return false;
        if (typeof value !== "string")
          throw pythonError("TypeError", `object of type '${pyTypeName(value)}' has no len()`);
        const format = DATETIME_FORMAT.slice(0, value.length - 2);
        const parts = strptime(value, format);
        if (!parts) throw valueError(`time data ${pyRepr(value)} does not match format '${format}'`);
        const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = parts;
        return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
      }
      case "many2one": {
        if (!truthy(value)) return false;
        if (typeof value === "number") return Math.trunc(value);
        if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return parseInt(value, 10);
        if (typeof value === "string") {
          throw pythonError(
            "psycopg2.errors.InvalidTextRepresentation",
            `invalid input syntax for type integer: "${value}"`,
          );
        }
        throw pythonError(
          "psycopg2.errors.DatatypeMismatch",
          `column "${field.name}" is of type integer but expression is of type ${Array.isArray(value) ? "integer[]" : "text"}`,
        );
      }
      case "binary":
        if (!truthy(value)) return false;
        if (Buffer.isBuffer(value)) return value.toString("base64");
        return String(value);
      case "reference": {
        if (!truthy(value)) return false;
        if (typeof value === "string" && /^[\w.]+,\d+$/.test(value)) return value;
        throw valueError(`Wrong value for ${fieldRef}: ${pyRepr(value)}`);
      }
      case "many2many":
      case "one2many":
        return this.normaliseCommands(fieldRef, value);
      default:
        return value;
    }
  }

  /** x2many values: a list of ids, or Odoo's commands (0 create, 1 update, 2 delete, 3 unlink, 4 link, 5 clear, 6 set). */
  private normaliseCommands(fieldRef: string, value: unknown): X2ManyCommand[] {
    if (!truthy(value)) return [[5, 0, 0]];
    if (!Array.isArray(value)) throw valueError(`Wrong value for ${fieldRef}: ${pyRepr(value)}`);
    if (value.every((item) => typeof item === "number")) return [[6, 0, value as number[]]];
    return value.map((item): X2ManyCommand => {
      if (typeof item === "number") return [4, item, 0];
      if (!Array.isArray(item) || typeof item[0] !== "number" || item[0] < 0 || item[0] > 6) {
        throw valueError(`Wrong value for ${fieldRef}: ${pyRepr(value)}`);
      }
      const code = item[0];
      const id = typeof item[1] === "number" ? item[1] : 0;
      if (code === 6) return [6, 0, Array.isArray(item[2]) ? item[2] : []];
      return [code, id, item[2] ?? 0];
    });
  }

  /** Splits and converts the vals of a create/write; unknown fields are Odoo's ValueError. */
  prepare(env: Env, model: ModelDef, vals: unknown): Prepared {
    if (!vals || typeof vals !== "object" || Array.isArray(vals)) {
      throw pythonError("AttributeError", `'${pyTypeName(vals)}' object has no attribute 'items'`);
    }
    const raw = vals as Record<string, unknown>;
    const prepared: Prepared = { values: {}, x2many: [], related: {}, given: new Set(), raw, extra: {} };
    for (const [name, value] of Object.entries(raw)) {
      const field = model.fields.get(name);
      if (!field) throw valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model.name)}`);
      if (name === "id" || name === "parent_path") continue;
      if ((LOG_ACCESS_FIELDS as readonly string[]).includes(name) && !env.su) continue;
      const converted = this.convert(model, field, value);
      if (field.write === "ignored" && !env.su) continue; // Odoo recomputes it: the value is lost, silently
      prepared.given.add(name);
      if (field.type === "many2many" || field.type === "one2many") {
        prepared.x2many.push({ field, commands: converted as X2ManyCommand[] });
      } else if (!field.stored && field.related) {
        prepared.related[name] = converted;
      } else {
        prepared.values[name] = converted;
      }
    }
    return prepared;
  }

  /** default_get: the defaults a create would apply to these fields, as Odoo answers them. */
  defaultsFor(env: Env, model: ModelDef, names: readonly string[]): Record<string, unknown> {
    const dynamic = behaviourOf(model.name).defaults?.(this, env) ?? {};
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const field = model.fields.get(name);
      if (!field || ((field.type === "many2many" || field.type === "one2many") && !(name in dynamic))) continue;
      const value = this.defaultValue(env, model, field, dynamic);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  /** Odoo's default for a field the create left out: context default_*, known defaults, server-defaults.json. */
  private defaultValue(env: Env, model: ModelDef, field: FieldDef, dynamic: Record<string, unknown>): unknown {
    const fromContext = env.context[`default_${field.name}`];
    if (fromContext !== undefined) return this.convert(model, field, fromContext);
    if (field.name in dynamic) return dynamic[field.name];
    if (field.name === "active" && field.type === "boolean") return true;
    const reason = field.serverDefault;
    if (!reason) return undefined;
    let m = /^default '([^']*)'/.exec(reason);
    if (m) return field.type === "many2one" ? undefined : m[1];
    m = /^default (-?\d+(?:\.\d+)?)\b/.exec(reason);
    if (m) return field.type === "selection" || field.type === "char" ? m[1] : Number(m[1]);
    if (/^default now\b/.test(reason)) return nowString();
    if (/^default today\b/.test(reason)) return todayString();
    if (/^default 1 January of the current year/.test(reason)) return `${new Date().getUTCFullYear()}-01-01`;
    if (/^default the current user\b/.test(reason)) return env.uid;
    if (/currency/.test(reason) && field.relation === "res.currency") return this.companyCurrency();
    if (/^default the current company\b/.test(reason)) return this.options.companyId();
    const xmlid = /\(([a-z0-9_]+\.[a-z0-9_]+)\)/.exec(reason);
    if (xmlid?.[1] && field.relation) {
      const ref = this.xmlidRef(xmlid[1]);
      if (ref && ref.model === field.relation) return ref.id;
    }
    return undefined;
  }

  companyCurrency(): number | false {
    const company = this.row("res.company", this.options.companyId());
    const currency = company?.currency_id;
    return typeof currency === "number" ? currency : false;
  }

  private applyDefaults(env: Env, model: ModelDef, prepared: Prepared): void {
    const dynamic = behaviourOf(model.name).defaults?.(this, env) ?? {};
    for (const field of model.fields.values()) {
      if (prepared.given.has(field.name) || field.name === "id") continue;
      if (field.type === "many2many" || field.type === "one2many") continue;
      const value = this.defaultValue(env, model, field, dynamic);
      if (value === undefined) continue;
      if (!field.stored && field.related) prepared.related[field.name] = value;
      else prepared.values[field.name] = value;
    }
  }

  /** NOT NULL: a required stored field with no value, unless Odoo fills it itself when it is left out. */
  private checkRequired(model: ModelDef, prepared: Prepared, creating: boolean): void {
    for (const field of model.fields.values()) {
      if (!field.required || !field.stored || field.type === "one2many" || field.type === "many2many") continue;
      if (field.type === "boolean" || field.type === "integer" || field.type === "float" || field.type === "monetary")
        continue;
      const given = prepared.given.has(field.name);
      if (!creating && !given) continue;
      const value = prepared.values[field.name];
      if (value !== undefined && value !== false && value !== null) continue;
      if (creating && !given && field.serverDefault) continue; // Odoo fills it (server-defaults.json)
      throw notNullViolation(model.name, model.label, field.name, field.label);
    }
  }

  /** FOREIGN KEY: many2one values and many2many links must name existing records. */
  private checkForeignKeys(model: ModelDef, prepared: Prepared): void {
    for (const [name, value] of Object.entries(prepared.values)) {
      const field = model.fields.get(name);
      if (!field || field.type !== "many2one" || !field.relation || typeof value !== "number" || !value) continue;
      if (!this.registry.get(field.relation)) continue; // a model the test server does not know: nothing to check
      if (!this.exists(field.relation, value)) {
        throw foreignKeyViolation(
          model.name,
          model.label,
          tableName(model.name),
          name,
          value,
          tableName(field.relation),
        );
      }
    }
    for (const { field, commands } of prepared.x2many) {
      if (field.type !== "many2many" || !field.relation || !this.registry.get(field.relation)) continue;
      for (const [code, id, arg] of commands) {
        const ids = code === 6 ? (Array.isArray(arg) ? arg : []) : code === 4 ? [id] : [];
        for (const target of ids) {
          if (typeof target === "number" && !this.exists(field.relation, target)) {
            const [a, b] = [tableName(model.name), tableName(field.relation)].sort();
            const relTable = `${a}_${b}_rel`;
            throw foreignKeyViolation(
              "unknown",
              "Unknown",
              relTable,
              `${tableName(field.relation)}_id`,
              target,
              tableName(field.relation),
            );
          }
        }
      }
    }
  }

  private checkReject(env: Env, model: ModelDef, raw: Readonly<Record<string, unknown>>): void {
    const message = env.reject?.(model.name, raw);
    if (message !== undefined) throw userError(message);
  }

  /** Applies x2many commands to a record that exists. */
  private applyX2Many(env: Env, model: ModelDef, id: number, field: FieldDef, commands: X2ManyCommand[]): void {
    const relation = field.relation;
    if (!relation) return;
    const comodel = this.registry.get(relation);
    if (field.type === "many2many") {
      const current = new Set<number>((this.row(model.name, id)?.[field.name] as number[] | undefined) ?? []);
      for (const [code, target, arg] of commands) {
        if (code === 0 && comodel) {
          const [created] = this.createRecords(env, relation, [arg]);
          if (created !== undefined) current.add(created);
        } else if (code === 1 && comodel) this.writeRecords(env, relation, [target], arg);
        else if (code === 2 && comodel) {
          current.delete(target);
          if (this.exists(relation, target)) this.unlinkRecords(env, relation, [target]);
        } else if (code === 3) current.delete(target);
        else if (code === 4) current.add(target);
        else if (code === 5) current.clear();
        else if (code === 6) {
          current.clear();
          for (const t of arg as unknown[]) if (typeof t === "number") current.add(t);
        }
      }
      this.updateRow(model.name, id, { [field.name]: Object.freeze([...current].sort((a, b) => a - b)) });
      return;
    }
    // one2many: the link lives on the comodel's many2one
    const inverse = field.relationField;
    if (!comodel || !inverse) return;
    const unlinkChild = (child: number): void => {
      const inverseField = comodel.fields.get(inverse);
      if (inverseField?.required || inverseField?.onDelete === "cascade") this.unlinkRecords(env, relation, [child]);
      else this.writeRecords(env, relation, [child], { [inverse]: false });
    };
    for (const [code, target, arg] of commands) {
      if (code === 0) {
        const vals = { ...((arg as Record<string, unknown>) ?? {}), [inverse]: id };
        this.createRecords(env, relation, [vals]);
      } else if (code === 1) this.writeRecords(env, relation, [target], arg);
      else if (code === 2) this.unlinkRecords(env, relation, [target]);
      else if (code === 3) unlinkChild(target);
      else if (code === 4) this.writeRecords(env, relation, [target], { [inverse]: id });
      else if (code === 5) for (const child of this.one2manyIds(field, id)) unlinkChild(child);
      else if (code === 6) {
        const keep = new Set((arg as unknown[]).filter((t): t is number => typeof t === "number"));
        for (const child of this.one2manyIds(field, id)) if (!keep.has(child)) unlinkChild(child);
        for (const child of keep) this.writeRecords(env, relation, [child], { [inverse]: id });
      }
    }
  }

  /** Writes non-stored related values through to the related record (partner_id.name on res.users, …). */
  private writeRelated(env: Env, model: ModelDef, id: number, related: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(related)) {
      const field = model.fields.get(name);
      const path = field?.related?.split(".") ?? [];
      if (path.length !== 2) continue;
      const [link = "", target = ""] = path;
      const linkField = model.fields.get(link);
      const targetId = this.row(model.name, id)?.[link];
      if (!linkField?.relation || typeof targetId !== "number" || !targetId) continue;
      const comodel = this.registry.get(linkField.relation);
      if (!comodel?.fields.has(target)) continue;
      this.writeRecords({ ...env, su: true }, linkField.relation, [targetId], { [target]: value });
    }
  }

  // ---------------------------------------------------------------- ORM methods

  createRecords(env: Env, modelName: string, valsList: unknown[]): number[] {
    const model = this.requireModel(modelName);
    this.checkAccess(env, model, "create");
    const behaviour = behaviourOf(model.name);
    return this.transaction(() => {
      // 1. field names and value conversion, record by record (ValueError)
      const prepared = valsList.map((vals) => this.prepare(env, model, vals));
      // 2. defaults and what Odoo computes or creates before the INSERT
      for (const p of prepared) {
        this.applyDefaults(env, model, p);
        behaviour.beforeCreate?.(this, env, model, p);
      }
      // 3. the INSERT: NOT NULL for every row, then the foreign keys of every row (as PostgreSQL checks them)
      for (const p of prepared) this.checkRequired(model, p, true);
      for (const p of prepared) this.checkForeignKeys(model, p);
      const ids: number[] = [];
      const now = nowString();
      for (const p of prepared) {
        const id = this.nextId(model.name);
        const log: Record<string, unknown> = model.fields.has("create_uid")
          ? { create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now }
          : {};
        this.insertRow(model.name, { ...log, ...p.values, id });
        ids.push(id);
      }
      // 4. what follows the INSERT: x2many links, related values, computed fields, constraints
      prepared.forEach((p, i) => {
        const id = ids[i] ?? 0;
        behaviour.afterInsert?.(this, env, model, id, p);
        for (const { field, commands } of p.x2many) this.applyX2Many(env, model, id, field, commands);
        this.writeRelated(env, model, id, p.related);
        behaviour.afterWrite?.(this, env, model, id, p, true);
        this.checkReject(env, model, p.raw);
      });
      return ids;
    });
  }

  /** Ids of the given ones that exist; Odoo's MissingError (first missing id) when some do not. */
  private requireExisting(env: Env, model: ModelDef, ids: number[]): void {
    const missing = ids.find((id) => !this.exists(model.name, id));
    if (missing !== undefined) throw missingError(model.name, missing, env.uid);
  }

  writeRecords(env: Env, modelName: string, idsInput: unknown, vals: unknown): true {
    const model = this.requireModel(modelName);
    const ids = toIds(idsInput);
    this.checkAccess(env, model, "write");
    if (ids.length === 0) return true;
    this.requireExisting(env, model, ids);
    const behaviour = behaviourOf(model.name);
    return this.transaction(() => {
      const p = this.prepare(env, model, vals);
      behaviour.beforeWrite?.(this, env, model, ids, p);
      this.checkRequired(model, p, false);
      this.checkForeignKeys(model, p);
      const log: Record<string, unknown> = model.fields.has("write_uid")
        ? { write_uid: env.uid, write_date: nowString() }
        : {};
      for (const id of ids) {
        this.updateRow(model.name, id, { ...log, ...p.values });
        for (const { field, commands } of p.x2many) this.applyX2Many(env, model, id, field, commands);
        this.writeRelated(env, model, id, p.related);
        behaviour.afterWrite?.(this, env, model, id, p, false);
        this.checkReject(env, model, p.raw);
      }
      return true as const;
    });
  }

  unlinkRecords(env: Env, modelName: string, idsInput: unknown): true {
    const model = this.requireModel(modelName);
    const ids = toIds(idsInput);
    this.checkAccess(env, model, "unlink");
    if (ids.length === 0) return true;
    this.requireExisting(env, model, ids);
    behaviourOf(model.name).beforeUnlink?.(this, env, model, ids);
    return this.transaction(() => {
      this.cascadeUnlink(env, model, new Set(ids));
      return true as const;
    });
  }

  /** Models whose rows belong to a record through model/res_model + res_id and go with it. */
  private static readonly DOCUMENT_LINKS: ReadonlyArray<readonly [string, string]> = [
    ["mail.message", "model"],
    ["mail.followers", "res_model"],
    ["mail.activity", "res_model"],
    ["ir.attachment", "res_model"],
    ["ir.model.data", "model"],
  ];

  private cascadeUnlink(env: Env, model: ModelDef, ids: Set<number>): void {
    const present = [...ids].filter((id) => this.exists(model.name, id));
    if (present.length === 0) return;
    const doomed = new Set(present);
    // chatter, followers, activities, attachments and external ids of the records
    for (const [linked, modelField] of Database.DOCUMENT_LINKS) {
      if (linked === model.name || !this.registry.get(linked)) continue;
      const dependants = [...this.table(linked).values()]
        .filter((r) => r[modelField] === model.name && doomed.has(Number(r.res_id)))
        .map((r) => r.id);
      if (dependants.length) this.cascadeUnlink(env, this.requireModel(linked), new Set(dependants));
    }
    // foreign keys pointing at the records: ON DELETE cascade / set null / restrict
    for (const { model: refModelName, field } of this.registry.referencingFields(model.name)) {
      const refModel = this.registry.get(refModelName);
      if (!refModel) continue;
      const cascade: number[] = [];
      for (const row of [...this.table(refModelName).values()]) {
        if (refModelName === model.name && doomed.has(row.id)) continue;
        const value = row[field.name];
        if (field.type === "many2many") {
          if (Array.isArray(value) && value.some((id) => doomed.has(id as number))) {
            this.updateRow(refModelName, row.id, {
              [field.name]: Object.freeze(value.filter((id) => !doomed.has(id as number))),
            });
          }
          continue;
        }
        if (typeof value !== "number" || !doomed.has(value)) continue;
        const onDelete = field.onDelete ?? "set null";
        if (onDelete === "cascade") cascade.push(row.id);
        else if (onDelete === "restrict") {
          throw foreignKeyViolation(
            refModelName,
            refModel.label,
            tableName(refModelName),
            field.name,
            value,
            tableName(model.name),
          );
        } else if (field.required) {
          throw notNullViolation(refModelName, refModel.label, field.name, field.label);
        } else this.updateRow(refModelName, row.id, { [field.name]: false });
      }
      if (cascade.length) this.cascadeUnlink(env, refModel, new Set(cascade));
    }
    const behaviour = behaviourOf(model.name);
    for (const id of doomed) {
      behaviour.onDelete?.(this, env, model, id);
      this.deleteRow(model.name, id);
    }
  }

  readRecords(env: Env, modelName: string, idsInput: unknown, fieldsInput: unknown): Array<Record<string, unknown>> {
    const model = this.requireModel(modelName);
    this.checkAccess(env, model, "read");
    const fields = this.readFields(model, fieldsInput);
    const ids = toIds(idsInput);
    const out: Array<Record<string, unknown>> = [];
    for (const id of ids) {
      const row = this.row(model.name, id);
      if (!row) continue; // deleted records are left out silently (transcript "read deleted")
      const record: Record<string, unknown> = { id };
      for (const field of fields) if (field.name !== "id") record[field.name] = this.readValue(model, row, field);
      out.push(record);
    }
    return out;
  }

  readFields(model: ModelDef, fieldsInput: unknown): FieldDef[] {
    const names = Array.isArray(fieldsInput) && fieldsInput.length > 0 ? fieldsInput : [...model.fields.keys()];
    return names.map((name) => {
      const field = typeof name === "string" ? model.fields.get(name) : undefined;
      if (!field) throw valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model.name)}`);
      return field;
    });
  }

  /** A value as read() returns it: many2one [id, name], x2many ids, floats as floats, empty values false. */
  readValue(model: ModelDef, row: Row, field: FieldDef): unknown {
    const value = this.value(model, row, field);
    switch (field.type) {
      case "many2one": {
        if (typeof value !== "number" || !value) return false;
        const relation = field.relation ?? "";
        if (!this.registry.get(relation)) return [value, `${relation},${value}`];
        if (!this.exists(relation, value)) return false;
        return [value, this.displayName(relation, value)];
      }
      case "one2many":
      case "many2many":
        return Array.isArray(value) ? [...value] : [];
      case "integer":
      case "many2one_reference":
        return typeof value === "number" ? value : 0;
      case "float":
      case "monetary":
        return new PyFloat(typeof value === "number" ? value : 0);
      case "boolean":
        return value === true;
      default:
        return isEmpty(value) && value !== "" ? false : value;
    }
  }

  searchIds(env: Env, modelName: string, domain: unknown, offset: unknown, limit: unknown, order: unknown): number[] {
    const model = this.requireModel(modelName);
    this.checkAccess(env, model, "read");
    return this.searchRows(env, model, domain, offset, limit, order).map((r) => r.id);
  }

  searchRows(env: Env, model: ModelDef, domain: unknown, offset: unknown, limit: unknown, order: unknown): Row[] {
    let effective = domain;
    const activeField = model.fields.get("active");
    if (activeField?.type === "boolean" && env.context.active_test !== false && !domainMentions(domain, "active")) {
      effective = [["active", "=", true], ...(Array.isArray(domain) ? domain : [])];
    }
    const predicate = compileDomain(this, model, effective);
    const comparator = compileOrder(this, model, order);
    const rows = [...this.table(model.name).values()].filter(predicate).sort(comparator);
    const start = typeof offset === "number" && offset > 0 ? offset : 0;
    const end = typeof limit === "number" && limit > 0 ? start + limit : undefined;
    return rows.slice(start, end);
  }
}

/** An ids argument: one id or a list of ids. */
export function toIds(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === "number");
  if (value === false || value === null || value === undefined) return [];
  throw pythonError("TypeError", `unhashable type: '${pyTypeName(value)}'`);
}
