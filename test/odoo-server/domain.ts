// Odoo search domains and `order` clauses, evaluated in memory: prefix `&`/`|`/`!`, implicit `&` between terms,
// the common operators, dotted paths through relational fields, and Odoo's rule that a negative operator
// (`!=`, `not in`, `not like`, `not ilike`) also matches empty values.

import { pyRepr, pythonError, pyTupleRepr, valueError } from "./faults.js";
import type { FieldDef, ModelDef } from "./registry.js";

export type Row = Readonly<Record<string, unknown>> & { readonly id: number };

/** What the evaluator needs from the database. */
export interface DomainHost {
  model(name: string): ModelDef | undefined;
  row(model: string, id: number): Row | undefined;
  displayName(model: string, id: number): string | false;
  /** a field's value on a row: many2one as id or false, x2many as ids, other fields as stored (or computed) */
  value(model: ModelDef, row: Row, field: FieldDef): unknown;
}

type Predicate = (row: Row) => boolean;

const POSITIVE: Record<string, string> = {
  "!=": "=",
  "<>": "=",
  "not in": "in",
  "not like": "like",
  "not ilike": "ilike",
  "not =like": "=like",
  "not =ilike": "=ilike",
};
const OPERATORS = new Set([
  "=",
  "!=",
  "<>",
  "<",
  ">",
  "<=",
  ">=",
  "=?",
  "in",
  "not in",
  "like",
  "not like",
  "ilike",
  "not ilike",
  "=like",
  "=ilike",
  "not =like",
  "not =ilike",
  "child_of",
  "parent_of",
  "any",
  "not any",
]);

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** SQL LIKE: `%` any run, `_` one character. */
function likeRegex(pattern: string, insensitive: boolean): RegExp {
  let source = "";
  let escaped = false;
  for (const ch of pattern) {
    // As in PostgreSQL, a backslash makes the next `%`, `_` or `\` stand for itself.
    if (!escaped && ch === "\\") escaped = true;
    else if (!escaped && ch === "%") source += "[\\s\\S]*";
    else if (!escaped && ch === "_") source += "[\\s\\S]";
    else {
      source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      escaped = false;
    }
  }
  return new RegExp(`^${source}$`, insensitive ? "i" : "");
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" || typeof b === "boolean") return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function looseEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "string" && b.trim() !== "" && !Number.isNaN(Number(b)))
    return a === Number(b);
  if (typeof b === "number" && typeof a === "string" && a.trim() !== "" && !Number.isNaN(Number(a)))
    return b === Number(a);
  return a === b;
}

/** One value against a positive operator. */
function matchValue(value: unknown, op: string, right: unknown): boolean {
  switch (op) {
    case "=":
      if (right === false || right === null) return isEmpty(value);
      if (right === true) return value === true;
      return !isEmpty(value) && looseEqual(value, right);
    case "<":
    case ">":
    case "<=":
    case ">=": {
      if (isEmpty(value) && value !== "" && value !== 0) return false;
      if (right === false || right === null) return false;
      const c = compare(value, right);
      return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
    }
    case "in": {
      const list = Array.isArray(right) ? right : [right];
      if (isEmpty(value)) return list.some((item) => item === false || item === null);
      return list.some((item) => item !== false && looseEqual(value, item));
    }
    case "like":
    case "ilike":
    case "=like":
    case "=ilike": {
      if (right === false || right === null) return isEmpty(value);
      if (isEmpty(value)) return false;
      const pattern = op.startsWith("=") ? String(right) : `%${String(right)}%`;
      return likeRegex(pattern, op.endsWith("ilike")).test(String(value));
    }
    default:
      return false;
  }
}

function rightIsNames(right: unknown): boolean {
  if (typeof right === "string") return true;
  return Array.isArray(right) && right.length > 0 && right.every((item) => typeof item === "string");
}

class Compiler {
  constructor(
    private readonly host: DomainHost,
    private readonly root: ModelDef,
  ) {}

  /** The values a path reaches from a row (any-semantics across relations), plus the last field. */
  private reach(
    model: ModelDef,
    row: Row,
    path: string[],
    leaf: unknown[],
  ): { field: FieldDef; model: ModelDef; values: unknown[] } {
    let rows: Row[] = [row];
    let current = model;
    for (let i = 0; i < path.length; i++) {
      const name = path[i] ?? "";
      const field = current.fields.get(name);
      if (!field) throw valueError(`Invalid field ${current.name}.${name} in leaf ${pyTupleRepr(leaf)}`);
      const values = rows.map((r) => this.host.value(current, r, field));
      if (i === path.length - 1) return { field, model: current, values };
      if (!field.relation) throw valueError(`Invalid field ${current.name}.${name} in leaf ${pyTupleRepr(leaf)}`);
      const next = this.host.model(field.relation);
      if (!next) return { field, model: current, values: [false] };
      const ids = new Set<number>();
      for (const v of values) {
        if (typeof v === "number" && v) ids.add(v);
        else if (Array.isArray(v)) for (const id of v) if (typeof id === "number") ids.add(id);
      }
      rows = [...ids].map((id) => this.host.row(next.name, id)).filter((r): r is Row => r !== undefined);
      current = next;
      if (rows.length === 0) {
        // an empty relation: the leaf sees one empty value
        const last = path[path.length - 1] ?? "";
        const lastField = current.fields.get(last) ?? field;
        return { field: lastField, model: current, values: [false] };
      }
    }
    throw valueError(`Invalid leaf ${pyTupleRepr(leaf)}`);
  }

  private positive(field: FieldDef, values: unknown[], op: string, right: unknown): boolean {
    const relational = field.type === "many2one" || field.type === "many2many" || field.type === "one2many";
    const byName = relational && field.relation !== undefined && (rightIsNames(right) || op.includes("like"));
    const relation = field.relation ?? "";
    const expand = (v: unknown): unknown[] => {
      if (Array.isArray(v)) return v.length ? v : [false];
      return [v];
    };
    const atoms = values.flatMap(expand);
    return atoms.some((atom) => {
      const subject = byName && typeof atom === "number" && atom ? this.host.displayName(relation, atom) : atom;
      return matchValue(subject, op, right);
    });
  }

  leaf(term: unknown[]): Predicate {
    if (term.length !== 3) throw valueError(`Invalid leaf ${pyTupleRepr(term)}`);
    const [left, rawOp, right] = term;
    if ((left === 1 || left === 0) && rawOp === "=" && right === 1) {
      const value = left === 1;
      return () => value;
    }
    if (typeof left !== "string" || typeof rawOp !== "string") throw valueError(`Invalid leaf ${pyTupleRepr(term)}`);
    const op = rawOp.toLowerCase();
    if (!OPERATORS.has(op)) throw valueError(`Invalid leaf ${pyTupleRepr(term)}`);
    if (op === "child_of" || op === "parent_of" || op === "any" || op === "not any") {
      throw pythonError(
        "NotImplementedError",
        `the Odoo test server does not evaluate the operator ${pyRepr(op)} (leaf ${pyTupleRepr(term)})`,
      );
    }
    const path = left.split(".");
    const first = this.root.fields.get(path[0] ?? "");
    if (!first) throw valueError(`Invalid field ${this.root.name}.${path[0] ?? ""} in leaf ${pyTupleRepr(term)}`);
    if (op === "=?") {
      if (right === false || right === null || right === undefined) return () => true;
      return this.leaf([left, "=", right]);
    }
    const positiveOp = POSITIVE[op];
    if (positiveOp !== undefined) {
      const inner = this.leaf([left, positiveOp, right]);
      return (row) => !inner(row);
    }
    return (row) => {
      const { field, values } = this.reach(this.root, row, path, term);
      return this.positive(field, values, op, right);
    };
  }

  compile(domain: unknown): Predicate {
    if (domain === false || domain === null || domain === undefined) return () => true;
    if (!Array.isArray(domain)) throw valueError(`Domain ${pyRepr(domain)} is syntactically not correct.`);
    const items = domain as unknown[];
    let pos = 0;
    const next = (): Predicate => {
      if (pos >= items.length) throw valueError(`Domain ${pyRepr(domain)} is syntactically not correct.`);
      const item = items[pos++];
      if (item === "&" || item === "|") {
        const a = next();
        const b = next();
        return item === "&" ? (row) => a(row) && b(row) : (row) => a(row) || b(row);
      }
      if (item === "!") {
        const a = next();
        return (row) => !a(row);
      }
      if (Array.isArray(item)) return this.leaf(item);
      throw valueError(`Invalid leaf ${pyRepr(item)}`);
    };
    const parts: Predicate[] = [];
    while (pos < items.length) parts.push(next());
    return (row) => parts.every((p) => p(row));
  }
}

/** Whether a domain names a field at its top level (e.g. `active`, which turns off the implicit active filter). */
export function domainMentions(domain: unknown, field: string): boolean {
  if (!Array.isArray(domain)) return false;
  return domain.some(
    (item) =>
      Array.isArray(item) && typeof item[0] === "string" && (item[0] === field || item[0].startsWith(`${field}.`)),
  );
}

export function compileDomain(host: DomainHost, model: ModelDef, domain: unknown): Predicate {
  return new Compiler(host, model).compile(domain);
}

/** An `order` clause ("name desc, id") as a comparator; PostgreSQL puts NULLs last ascending, first descending. */
export function compileOrder(host: DomainHost, model: ModelDef, order: unknown): (a: Row, b: Row) => number {
  const clause = typeof order === "string" && order.trim() ? order : "id";
  const keys = clause.split(",").map((part) => {
    const words = part.trim().split(/\s+/);
    const name = (words[0] ?? "").replace(/"/g, "");
    const desc = (words[1] ?? "").toLowerCase() === "desc";
    const nulls = words.slice(2).join(" ").toLowerCase();
    const nullsFirst = nulls === "nulls first" ? true : nulls === "nulls last" ? false : desc;
    const field = model.fields.get(name);
    if (!field) throw valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model.name)}`);
    return { field, desc, nullsFirst };
  });
  const sortValue = (row: Row, field: FieldDef): unknown => {
    const v = host.value(model, row, field);
    if (field.type === "many2one" && typeof v === "number" && v && field.relation)
      return host.displayName(field.relation, v);
    if (Array.isArray(v)) return v.length ? v[0] : false;
    return v;
  };
  return (a, b) => {
    for (const { field, desc, nullsFirst } of keys) {
      const va = sortValue(a, field);
      const vb = sortValue(b, field);
      const ea = va === undefined || va === null || (va === false && field.type !== "boolean");
      const eb = vb === undefined || vb === null || (vb === false && field.type !== "boolean");
      if (ea && eb) continue;
      if (ea) return nullsFirst ? -1 : 1;
      if (eb) return nullsFirst ? 1 : -1;
      const c = compare(va, vb);
      if (c !== 0) return desc ? -c : c;
    }
    return a.id - b.id;
  };
}
