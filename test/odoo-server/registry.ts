// The models and fields the Odoo test server knows: every model of the field catalog
// (catalogs/odoo/<version>/<model>.json through compiler/catalog), two technical models the catalog lacks
// (ir.model.access, ir.module.module), and custom `x_` models and fields created over RPC.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  catalogDirectory,
  type CatalogField,
  type OdooCatalog,
  type OdooFieldType,
} from "../../compiler/catalog/index.js";

export type OnDelete = "set null" | "cascade" | "restrict";

/** A catalog field, plus what the test server needs that the catalog leaves out. */
export interface FieldDef extends Omit<CatalogField, "selection" | "modules"> {
  selection?: ReadonlyArray<readonly [string, string]>;
  modules: readonly string[];
  onDelete?: OnDelete;
  /** a custom field (state 'manual' in ir.model.fields) */
  manual: boolean;
}

export interface ModelDef {
  name: string;
  label: string;
  /** the module that defines the model (the module of its `id` field): `<module>.model_<table>` is its xmlid */
  module: string;
  fields: Map<string, FieldDef>;
  /** a custom model (state 'manual' in ir.model) */
  manual: boolean;
  /** the field that names a record (Odoo's _rec_name) */
  recName: string | null;
}

export const LOG_ACCESS_FIELDS = ["create_uid", "create_date", "write_uid", "write_date"] as const;

export function tableName(model: string): string {
  return model.replace(/\./g, "_");
}

function field(name: string, type: OdooFieldType, label: string, extra: Partial<FieldDef> = {}): FieldDef {
  return {
    name,
    type,
    label,
    required: false,
    readonly: false,
    stored: true,
    computed: false,
    related: null,
    write: "ok",
    modules: ["base"],
    manual: false,
    ...extra,
  };
}

/** The fields every model has: id, display_name and the four log-access fields. */
export function magicFields(module: string): FieldDef[] {
  const modules = [module];
  return [
    field("id", "integer", "ID", { readonly: true, modules }),
    field("display_name", "char", "Display Name", {
      readonly: true,
      stored: false,
      computed: true,
      write: "ignored",
      modules,
    }),
    field("create_uid", "many2one", "Created by", {
      readonly: true,
      relation: "res.users",
      onDelete: "set null",
      modules,
    }),
    field("create_date", "datetime", "Created on", { readonly: true, modules }),
    field("write_uid", "many2one", "Last Updated by", {
      readonly: true,
      relation: "res.users",
      onDelete: "set null",
      modules,
    }),
    field("write_date", "datetime", "Last Updated on", { readonly: true, modules }),
  ];
}

/** Models Odoo has but the catalog does not describe; defined here from the Odoo 17 source. */
function builtinModels(): ModelDef[] {
  const access: ModelDef = {
    name: "ir.model.access",
    label: "Model Access",
    module: "base",
    manual: false,
    recName: "name",
    fields: new Map(
      [
        ...magicFields("base"),
        field("name", "char", "Name", { required: true }),
        field("active", "boolean", "Active"),
        field("model_id", "many2one", "Model", { required: true, relation: "ir.model", onDelete: "cascade" }),
        field("group_id", "many2one", "Group", { relation: "res.groups", onDelete: "restrict" }),
        field("perm_read", "boolean", "Read Access"),
        field("perm_write", "boolean", "Write Access"),
        field("perm_create", "boolean", "Create Access"),
        field("perm_unlink", "boolean", "Delete Access"),
      ].map((f) => [f.name, f]),
    ),
  };
  const moduleStates: Array<[string, string]> = [
    ["uninstallable", "Uninstallable"],
    ["uninstalled", "Not Installed"],
    ["installed", "Installed"],
    ["to upgrade", "To be upgraded"],
    ["to remove", "To be removed"],
    ["to install", "To be installed"],
  ];
  const modules: ModelDef = {
    name: "ir.module.module",
    label: "Module",
    module: "base",
    manual: false,
    recName: "name",
    fields: new Map(
      [
        ...magicFields("base"),
        field("name", "char", "Technical Name", { required: true, readonly: true }),
        field("shortdesc", "char", "Module Name", { readonly: true }),
        field("state", "selection", "Status", { readonly: true, selection: moduleStates }),
        field("latest_version", "char", "Latest Version", { readonly: true }),
        field("application", "boolean", "Application", { readonly: true }),
      ].map((f) => [f.name, f]),
    ),
  };
  return [access, modules];
}

interface RawModelFile {
  fields: Record<string, { on_delete?: string }>;
}

const onDeleteCache = new Map<string, Map<string, OnDelete>>();

/** The catalog loader keeps no `on_delete`; read it off the catalog file itself (once per version and model). */
function readOnDelete(version: string, model: string): Map<string, OnDelete> {
  const key = `${version}/${model}`;
  const cached = onDeleteCache.get(key);
  if (cached) return cached;
  const out = new Map<string, OnDelete>();
  onDeleteCache.set(key, out);
  try {
    const raw = JSON.parse(readFileSync(join(catalogDirectory(), version, `${model}.json`), "utf8")) as RawModelFile;
    for (const [name, f] of Object.entries(raw.fields)) {
      if (f.on_delete === "set null" || f.on_delete === "cascade" || f.on_delete === "restrict")
        out.set(name, f.on_delete);
    }
  } catch {
    // a catalog without the file: every many2one is 'set null'
  }
  return out;
}

function fromCatalog(f: CatalogField, onDelete: OnDelete | undefined): FieldDef {
  const def: FieldDef = {
    name: f.name,
    type: f.type,
    label: f.label,
    required: f.required,
    readonly: f.readonly,
    stored: f.stored,
    computed: f.computed,
    related: f.related,
    write: f.write,
    modules: f.modules,
    manual: false,
  };
  if (f.relation !== undefined) def.relation = f.relation;
  if (f.relationField !== undefined) def.relationField = f.relationField;
  if (f.selection !== undefined) def.selection = f.selection;
  if (f.serverDefault !== undefined) def.serverDefault = f.serverDefault;
  if (f.help !== undefined) def.help = f.help;
  if (onDelete !== undefined) def.onDelete = onDelete;
  return def;
}

/** Odoo's _rec_name for the catalog models whose display name is not `name`. */
const REC_NAMES: Record<string, string> = {
  "ir.model.fields": "field_description",
  "ir.model.data": "complete_name",
  "res.partner": "complete_name",
  "res.groups": "full_name",
  "mail.message": "record_name",
  "utm.campaign": "title",
};

export function defaultRecName(model: string, fields: ReadonlyMap<string, FieldDef>): string | null {
  const special = REC_NAMES[model];
  if (special && fields.has(special)) return special;
  if (fields.has("name")) return "name";
  if (fields.has("x_name")) return "x_name";
  return null;
}

export class Registry {
  readonly models = new Map<string, ModelDef>();
  private referencing: Map<string, Array<{ model: string; field: FieldDef }>> | null = null;

  constructor(readonly catalog: OdooCatalog) {
    for (const [name, model] of catalog.models) {
      const onDelete = readOnDelete(catalog.version, name);
      const fields = new Map<string, FieldDef>();
      for (const [fname, f] of model.fields) fields.set(fname, fromCatalog(f, onDelete.get(fname)));
      const module = model.fields.get("id")?.modules[0] ?? model.modules[0] ?? "base";
      this.models.set(name, {
        name,
        label: model.label,
        module,
        fields,
        manual: false,
        recName: defaultRecName(name, fields),
      });
    }
    for (const model of builtinModels()) this.models.set(model.name, model);
  }

  get(model: string): ModelDef | undefined {
    return this.models.get(model);
  }

  addModel(model: ModelDef): void {
    this.models.set(model.name, model);
    this.referencing = null;
  }

  removeModel(name: string): ModelDef | undefined {
    const model = this.models.get(name);
    this.models.delete(name);
    this.referencing = null;
    return model;
  }

  addField(model: string, def: FieldDef): void {
    const m = this.models.get(model);
    if (!m) return;
    m.fields.set(def.name, def);
    if (m.recName === null) m.recName = defaultRecName(model, m.fields);
    this.referencing = null;
  }

  removeField(model: string, name: string): FieldDef | undefined {
    const m = this.models.get(model);
    const def = m?.fields.get(name);
    if (m && def) {
      m.fields.delete(name);
      if (m.recName === name) m.recName = defaultRecName(model, m.fields);
      this.referencing = null;
    }
    return def;
  }

  /** The stored many2one/many2many fields that point at `target`. */
  referencingFields(target: string): Array<{ model: string; field: FieldDef }> {
    if (!this.referencing) {
      const index = new Map<string, Array<{ model: string; field: FieldDef }>>();
      for (const [name, m] of this.models) {
        for (const f of m.fields.values()) {
          if (!f.stored || !f.relation || (f.type !== "many2one" && f.type !== "many2many")) continue;
          const list = index.get(f.relation) ?? [];
          list.push({ model: name, field: f });
          index.set(f.relation, list);
        }
      }
      this.referencing = index;
    }
    return this.referencing.get(target) ?? [];
  }

  /** Every module that defines a catalog model or field: the default list of installed modules. */
  catalogModules(): string[] {
    const modules = new Set<string>();
    for (const m of this.catalog.models.values()) {
      for (const mod of m.modules) modules.add(mod);
      for (const f of m.fields.values()) for (const mod of f.modules) modules.add(mod);
    }
    modules.delete("");
    return [...modules].sort();
  }
}
