// The three XML-RPC services of the Odoo test server: `common` (version, authenticate, login), `object`
// (execute_kw/execute, dispatched to the ORM methods below) and `db` (list). Arguments bind like Python's:
// positional, then keyword, with Python's TypeError for a mismatch.

import type { Database, Env } from "./database.js";
import { toIds } from "./database.js";
import { accessDenied, accessError, pyRepr, pythonError, userError } from "./faults.js";
import { load } from "./load.js";
import type { FieldDef, ModelDef } from "./registry.js";
import { truthy } from "./util.js";

export interface ServerIdentity {
  db: string;
  serverVersion: string;
  serie: string;
}

interface MethodSpec {
  /** parameter names after `self` (and after the ids of a record method) */
  params: string[];
  /** how many leading params are required */
  required: number;
  /** a record method: args[0] are the ids */
  records: boolean;
  /** accepts **kwargs (search_read passes them to read) */
  varKwargs?: boolean;
  run(db: Database, env: Env, model: ModelDef, args: Record<string, unknown>, ids: number[]): unknown;
}

function bind(
  name: string,
  spec: MethodSpec,
  positional: unknown[],
  keywords: Record<string, unknown>,
): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  const qualname = `BaseModel.${name}`;
  if (positional.length > spec.params.length) {
    const total = spec.params.length + 1;
    throw pythonError(
      "TypeError",
      `${qualname}() takes from ${spec.required + 1} to ${total} positional arguments but ${positional.length + 1} were given`,
    );
  }
  positional.forEach((value, i) => (bound[spec.params[i] ?? ""] = value));
  for (const [key, value] of Object.entries(keywords)) {
    if (key === "context") continue;
    if (!spec.params.includes(key) && !spec.varKwargs)
      throw pythonError("TypeError", `${qualname}() got an unexpected keyword argument '${key}'`);
    if (key in bound) throw pythonError("TypeError", `${qualname}() got multiple values for argument '${key}'`);
    bound[key] = value;
  }
  const missing = spec.params.slice(0, spec.required).filter((p) => !(p in bound));
  if (missing.length === 1)
    throw pythonError("TypeError", `${qualname}() missing 1 required positional argument: '${missing[0]}'`);
  if (missing.length > 1) {
    throw pythonError(
      "TypeError",
      `${qualname}() missing ${missing.length} required positional arguments: ${missing.map((m) => `'${m}'`).join(" and ")}`,
    );
  }
  return bound;
}

/** One field as fields_get describes it. */
function describeField(field: FieldDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: field.name,
    type: field.type,
    string: field.label,
    required: field.required,
    readonly: field.readonly,
    store: field.stored,
    sortable: field.stored,
    searchable: field.stored || field.related !== null,
    groupable: field.stored && field.type !== "one2many" && field.type !== "many2many",
    manual: field.manual,
    company_dependent: false,
    exportable: true,
  };
  // Odoo lists a computed field's dependency paths; the catalog only says whether it is computed.
  out.depends = field.computed ? ["(computed)"] : [];
  if (field.help !== undefined) out.help = field.help;
  if (field.related) out.related = field.related;
  if (field.relation) out.relation = field.relation;
  if (field.relationField) out.relation_field = field.relationField;
  if (field.type === "selection" || field.type === "reference")
    out.selection = (field.selection ?? []).map(([v, l]) => [v, l]);
  return out;
}

function fieldsGet(model: ModelDef, allfields: unknown, attributes: unknown): Record<string, unknown> {
  const names =
    Array.isArray(allfields) && allfields.length
      ? allfields.filter((f): f is string => typeof f === "string")
      : [...model.fields.keys()];
  const attrs =
    Array.isArray(attributes) && attributes.length
      ? attributes.filter((a): a is string => typeof a === "string")
      : null;
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const field = model.fields.get(name);
    if (!field) continue;
    const description = describeField(field);
    if (attrs) {
      const filtered: Record<string, unknown> = {};
      for (const a of attrs) if (a in description) filtered[a] = description[a];
      out[name] = filtered;
    } else out[name] = description;
  }
  return out;
}

const limitOf = (value: unknown): number | undefined => (typeof value === "number" && value > 0 ? value : undefined);

export const METHODS: Record<string, MethodSpec> = {
  create: {
    params: ["vals_list"],
    required: 1,
    records: false,
    run(db, env, model, a) {
      const single = !Array.isArray(a.vals_list);
      const ids = db.createRecords(env, model.name, single ? [a.vals_list] : (a.vals_list as unknown[]));
      return single ? ids[0] : ids;
    },
  },
  write: {
    params: ["vals"],
    required: 1,
    records: true,
    run: (db, env, model, a, ids) => db.writeRecords(env, model.name, ids, a.vals),
  },
  unlink: {
    params: [],
    required: 0,
    records: true,
    run: (db, env, model, _a, ids) => db.unlinkRecords(env, model.name, ids),
  },
  read: {
    params: ["fields", "load"],
    required: 0,
    records: true,
    run: (db, env, model, a, ids) => db.readRecords(env, model.name, ids, a.fields),
  },
  search: {
    params: ["domain", "offset", "limit", "order"],
    required: 1,
    records: false,
    run: (db, env, model, a) => db.searchIds(env, model.name, a.domain, a.offset, limitOf(a.limit), a.order),
  },
  search_read: {
    params: ["domain", "fields", "offset", "limit", "order"],
    required: 0,
    records: false,
    varKwargs: true,
    run(db, env, model, a) {
      const ids = db.searchIds(env, model.name, a.domain ?? [], a.offset, limitOf(a.limit), a.order);
      return db.readRecords(env, model.name, ids, a.fields);
    },
  },
  search_count: {
    params: ["domain", "limit"],
    required: 1,
    records: false,
    run: (db, env, model, a) => db.searchIds(env, model.name, a.domain, 0, limitOf(a.limit), "id").length,
  },
  name_search: {
    params: ["name", "args", "operator", "limit"],
    required: 0,
    records: false,
    run(db, env, model, a) {
      const name = typeof a.name === "string" ? a.name : "";
      const operator = typeof a.operator === "string" ? a.operator : "ilike";
      const domain: unknown[] = Array.isArray(a.args) ? [...a.args] : [];
      if (name && model.recName) domain.push([model.recName, operator, name]);
      const ids = db.searchIds(env, model.name, domain, 0, a.limit === undefined ? 100 : limitOf(a.limit), "id");
      return ids.map((id) => [id, db.displayName(model.name, id)]);
    },
  },
  name_create: {
    params: ["name"],
    required: 1,
    records: false,
    run(db, env, model, a) {
      if (!model.recName) throw userError(`Cannot execute name_create, no _rec_name defined on ${model.name}`);
      const [id] = db.createRecords(env, model.name, [{ [model.recName]: a.name }]);
      return id === undefined ? false : [id, db.displayName(model.name, id)];
    },
  },
  fields_get: {
    params: ["allfields", "attributes"],
    required: 0,
    records: false,
    run: (_db, _env, model, a) => fieldsGet(model, a.allfields, a.attributes),
  },
  load: {
    params: ["fields", "data"],
    required: 2,
    records: false,
    run: (db, env, model, a) => load(db, env, model.name, a.fields, a.data),
  },
  default_get: {
    params: ["fields_list"],
    required: 1,
    records: false,
    run: (db, env, model, a) =>
      db.defaultsFor(
        env,
        model,
        Array.isArray(a.fields_list) ? a.fields_list.filter((f): f is string => typeof f === "string") : [],
      ),
  },
  check_access_rights: {
    params: ["operation", "raise_exception"],
    required: 1,
    records: false,
    run(db, env, model, a) {
      const operation = a.operation;
      if (operation !== "read" && operation !== "write" && operation !== "create" && operation !== "unlink") {
        throw pythonError("AssertionError", "Invalid access mode");
      }
      return db.checkAccess(env, model, operation, a.raise_exception === undefined || truthy(a.raise_exception));
    },
  },
};

/** How many records a call handles, for the call log: records per create, ids per write/unlink/read, rows per load. */
export function countOf(method: string, args: unknown[]): number | undefined {
  const first = args[0];
  if (method === "create")
    return Array.isArray(first) ? first.length : first && typeof first === "object" ? 1 : undefined;
  if (method === "write" || method === "unlink" || method === "read") {
    try {
      return toIds(first).length;
    } catch {
      return undefined;
    }
  }
  if (method === "load") return Array.isArray(args[1]) ? args[1].length : undefined;
  return undefined;
}

export class Services {
  constructor(
    private readonly db: () => Database,
    private readonly identity: ServerIdentity,
  ) {}

  private checkDb(name: unknown): void {
    if (name !== this.identity.db) {
      throw pythonError(
        "psycopg2.OperationalError",
        `connection to server failed: FATAL:  database ${JSON.stringify(String(name))} does not exist`,
      );
    }
  }

  /** res.users.authenticate: the uid of an active user with that login and password, else AccessDenied. */
  private authenticate(login: unknown, password: unknown): number | false {
    const db = this.db();
    for (const user of db.table("res.users").values()) {
      if (
        user.login === login &&
        user.active !== false &&
        db.passwords.get(user.id) === password &&
        typeof password === "string" &&
        password
      ) {
        return user.id;
      }
    }
    return false;
  }

  version(): Record<string, unknown> {
    const [major = "17", minor = "0"] = this.identity.serie.split(".");
    return {
      server_version: this.identity.serverVersion,
      server_version_info: [Number(major), Number(minor), 0, "final", 0, ""],
      server_serie: this.identity.serie,
      protocol_version: 1,
    };
  }

  common(method: string, params: unknown[]): unknown {
    switch (method) {
      case "version":
        return this.version();
      case "about":
        return params[0] ? ["See http://openerp.com", this.identity.serverVersion] : "See http://openerp.com";
      case "login":
      case "authenticate":
        this.checkDb(params[0]);
        return this.authenticate(params[1], params[2]);
      default:
        throw pythonError("Exception", `Method not found: ${method}`);
    }
  }

  dbService(method: string, params: unknown[]): unknown {
    switch (method) {
      case "list":
        return [this.identity.db];
      case "db_exist":
        return params[0] === this.identity.db;
      case "server_version":
        return this.identity.serverVersion;
      default:
        throw pythonError("KeyError", pyRepr(`Method not found: ${method}`));
    }
  }

  /**
   * odoo/service/model.py dispatch → execute_kw: credentials, private-method check, model, method, call.
   * `reject` is the fault-injection hook for records.
   */
  object(method: string, params: unknown[], reject?: Env["reject"]): unknown {
    if (method !== "execute_kw" && method !== "execute")
      throw pythonError("NameError", `Method not available ${method}`);
    const [dbName, uidRaw, password, modelName, rpcMethod] = params;
    this.checkDb(dbName);
    const uid =
      typeof uidRaw === "number"
        ? Math.trunc(uidRaw)
        : typeof uidRaw === "string" && /^\d+$/.test(uidRaw)
          ? Number(uidRaw)
          : uidRaw === false
            ? 0
            : NaN;
    if (Number.isNaN(uid)) throw pythonError("ValueError", `invalid literal for int() with base 10: ${pyRepr(uidRaw)}`);
    const db = this.db();
    const user = db.row("res.users", uid);
    if (!user || user.active === false || typeof password !== "string" || db.passwords.get(uid) !== password)
      throw accessDenied();
    if (typeof rpcMethod !== "string") throw pythonError("TypeError", "method name must be a string");
    if (/^(_.*|init)$/.test(rpcMethod))
      throw accessError(`Private methods (such as ${rpcMethod}) cannot be called remotely.`);
    const model = db.requireModel(String(modelName));
    let args: unknown[];
    let kwargs: Record<string, unknown>;
    if (method === "execute_kw") {
      args = Array.isArray(params[5]) ? params[5] : [];
      kwargs =
        params[6] && typeof params[6] === "object" && !Array.isArray(params[6])
          ? (params[6] as Record<string, unknown>)
          : {};
    } else {
      args = params.slice(5);
      kwargs = {};
    }
    const spec = METHODS[rpcMethod];
    if (!spec)
      throw pythonError("AttributeError", `The method '${rpcMethod}' does not exist on the model '${model.name}'`);
    const context =
      kwargs.context && typeof kwargs.context === "object" ? (kwargs.context as Record<string, unknown>) : {};
    const env: Env = { uid, context };
    if (reject) env.reject = reject;
    let ids: number[] = [];
    let rest = args;
    if (spec.records) {
      if (args.length === 0) throw pythonError("IndexError", "list index out of range");
      ids = toIds(args[0]);
      rest = args.slice(1);
    }
    const bound = bind(rpcMethod, spec, rest, kwargs);
    return spec.run(db, env, model, bound, ids);
  }
}
