// The records an Odoo 17 database starts with, as far as a migration client can see them: the standard
// records of reference-data.json with their external ids, the main company and its partner, OdooBot and the
// users of the test server, one ir.model row (and its ir.model.fields rows) per model, and ir.module.module
// rows for the installed modules.

import type { ReferenceRecord } from "../../compiler/catalog/index.js";
import { reflectFields } from "./behaviours.js";
import type { Database } from "./database.js";
import { tableName, type ModelDef } from "./registry.js";
import { emailNormalize, nowString } from "./util.js";

export interface SeedUser {
  login: string;
  password: string;
  name?: string;
  email?: string;
}

/** The order reference models load in: a model before the models whose many2ones name its records. */
const REFERENCE_ORDER = ["res.currency", "res.country", "res.country.state", "res.groups", "crm.team", "crm.stage"];

function splitXmlid(xmlid: string): { module: string; name: string } {
  const dot = xmlid.indexOf(".");
  return { module: xmlid.slice(0, dot), name: xmlid.slice(dot + 1) };
}

class Seeder {
  private readonly now = nowString();

  constructor(private readonly db: Database) {}

  private xmlid(xmlid: string, model: string, resId: number): void {
    const { module, name } = splitXmlid(xmlid);
    this.db.insertRow("ir.model.data", {
      id: this.db.nextId("ir.model.data"),
      module,
      name,
      model,
      res_id: resId,
      noupdate: true,
    });
  }

  private insert(model: string, values: Record<string, unknown>, xmlid?: string, id?: number): number {
    const def = this.db.model(model);
    const rowId = id ?? this.db.nextId(model);
    if (id !== undefined) this.db.bumpSequence(model, id);
    const row: Record<string, unknown> & { id: number } = { ...values, id: rowId };
    if (def?.fields.get("active")?.type === "boolean" && !("active" in row)) row.active = true;
    if (def?.fields.has("create_uid"))
      Object.assign(row, { create_uid: 1, create_date: this.now, write_uid: 1, write_date: this.now });
    this.db.insertRow(model, row);
    if (xmlid) this.xmlid(xmlid, model, rowId);
    return rowId;
  }

  /** A many2one given by name in reference-data.json (e.g. a state's country "Romania"): the record's id. */
  private byName(model: ModelDef, value: string): number | false {
    const field = model.recName ?? "name";
    for (const row of this.db.table(model.name).values()) if (row[field] === value || row.name === value) return row.id;
    return false;
  }

  irModels(): void {
    const names = [...this.db.registry.models.keys()].sort();
    for (const name of names) {
      const model = this.db.registry.get(name);
      if (!model) continue;
      const id = this.insert(
        "ir.model",
        { model: name, name: model.label, state: "base", transient: false, order: "id", info: false },
        `${model.module}.model_${tableName(name)}`,
      );
      reflectFields(this.db, id, model, "base");
    }
  }

  referenceData(referenceData: ReadonlyMap<string, ReferenceRecord[]>): void {
    const models = [...referenceData.keys()].sort((a, b) => {
      const ia = REFERENCE_ORDER.indexOf(a);
      const ib = REFERENCE_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
    });
    for (const modelName of models) {
      const model = this.db.registry.get(modelName);
      if (!model) continue;
      for (const record of referenceData.get(modelName) ?? []) {
        const values: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(record)) {
          if (key === "xmlid") continue;
          const field = model.fields.get(key);
          if (!field) continue;
          if (field.type === "many2one") {
            const comodel = field.relation ? this.db.registry.get(field.relation) : undefined;
            if (typeof value === "string") values[key] = comodel ? this.byName(comodel, value) : false;
            else
              values[key] =
                typeof value === "number" && field.relation && this.db.exists(field.relation, value) ? value : false;
          } else values[key] = value;
        }
        if (modelName === "res.groups" && typeof record.full_name === "string" && !values.name) {
          values.name = record.full_name.split(" / ").pop() ?? record.full_name;
        }
        this.insert(modelName, values, record.xmlid);
      }
    }
  }

  private partner(
    id: number,
    name: string,
    email: string | false,
    extra: Record<string, unknown>,
    xmlid: string,
  ): number {
    return this.insert(
      "res.partner",
      {
        name,
        email,
        email_normalized: emailNormalize(email),
        complete_name: name,
        commercial_partner_id: id,
        commercial_company_name: extra.is_company === true ? name : false,
        type: "contact",
        lang: "en_US",
        company_id: false,
        is_company: false,
        ...extra,
      },
      xmlid,
      id,
    );
  }

  companyAndUsers(users: readonly SeedUser[]): void {
    const usd = this.db.xmlidRef("base.USD")?.id ?? false;
    this.partner(1, "My Company", false, { is_company: true, company_id: 1 }, "base.main_partner");
    this.insert(
      "res.company",
      { name: "My Company", partner_id: 1, currency_id: usd, sequence: 10 },
      "base.main_company",
      1,
    );
    this.partner(2, "OdooBot", "odoobot@example.com", { active: false }, "base.partner_root");
    this.insert(
      "res.users",
      { login: "__system__", partner_id: 2, company_id: 1, active: false, share: false, notification_type: "email" },
      "base.user_root",
      1,
    );
    users.forEach((user, index) => {
      const admin = index === 0;
      const partnerId = admin ? 3 : this.db.nextId("res.partner");
      const defaultEmail = user.login === "admin" ? "admin@example.com" : user.login.includes("@") ? user.login : false;
      const name = user.name ?? (user.login === "admin" ? "Administrator" : user.login);
      this.partner(
        partnerId,
        name,
        user.email ?? defaultEmail,
        {},
        admin ? "base.partner_admin" : `__test_server__.partner_${user.login}`,
      );
      const uid = this.insert(
        "res.users",
        {
          login: user.login,
          partner_id: partnerId,
          company_id: 1,
          active: true,
          share: false,
          notification_type: "email",
        },
        admin ? "base.user_admin" : `__test_server__.user_${user.login}`,
        admin ? 2 : this.db.nextId("res.users"),
      );
      this.db.passwords.set(uid, user.password);
    });
  }

  modules(installed: readonly string[]): void {
    for (const name of [...installed].sort()) {
      this.insert(
        "ir.module.module",
        { name, shortdesc: name, state: "installed", latest_version: "17.0.1.0", application: false },
        `base.module_${name}`,
      );
    }
  }
}

export function seedDatabase(db: Database, users: readonly SeedUser[], installedModules: readonly string[]): void {
  const seeder = new Seeder(db);
  seeder.referenceData(db.registry.catalog.referenceData);
  seeder.companyAndUsers(users);
  seeder.irModels();
  seeder.modules(installedModules);
}
