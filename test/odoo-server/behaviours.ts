// What particular Odoo models do beyond storing fields, as far as a migration client can see it: records Odoo
// creates itself (a user's or company's partner), computed fields (a partner's complete name, an invoice's
// payment state), inverses with side effects (a lead's e-mail overwriting its partner's), and the technical
// models that change the registry (ir.model, ir.model.fields). Add a model here to teach the test server more.

import type { Database, Env, Prepared } from "./database.js";
import { pyRepr, pythonError, sqlConstraintViolation, uniqueViolation, userError, valueError } from "./faults.js";
import { magicFields, type FieldDef, type ModelDef } from "./registry.js";
import type { Row } from "./domain.js";
import { emailNormalize, nowString, sha1OfBase64 } from "./util.js";

export interface Behaviour {
  /** defaults beyond server-defaults.json (field defaults a client can observe) */
  defaults?(db: Database, env: Env): Record<string, unknown>;
  /** before the INSERT of a create: computed values, records Odoo creates, validation */
  beforeCreate?(db: Database, env: Env, model: ModelDef, p: Prepared): void;
  /** right after the INSERT, before x2many commands are applied */
  afterInsert?(db: Database, env: Env, model: ModelDef, id: number, p: Prepared): void;
  beforeWrite?(db: Database, env: Env, model: ModelDef, ids: number[], p: Prepared): void;
  /** after a create or write of one record: inverses and stored computed fields */
  afterWrite?(db: Database, env: Env, model: ModelDef, id: number, p: Prepared, created: boolean): void;
  /** checks before an unlink (outside the transaction) */
  beforeUnlink?(db: Database, env: Env, model: ModelDef, ids: number[]): void;
  /** as a record is deleted (also by cascade) */
  onDelete?(db: Database, env: Env, model: ModelDef, id: number): void;
  displayName?(db: Database, row: Row): string | false | undefined;
  /** non-stored computed fields, at read */
  computeOnRead?: Record<string, (db: Database, row: Row) => unknown>;
}

const su = (env: Env): Env => ({ uid: env.uid, context: env.context, su: true });

function num(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

function str(value: unknown): string | false {
  return typeof value === "string" && value !== "" ? value : false;
}

function userPartner(db: Database, uid: number): number | false {
  const partner = db.row("res.users", uid)?.partner_id;
  return typeof partner === "number" ? partner : false;
}

// ------------------------------------------------------------------ _inherits

/**
 * A model that `_inherits` another (res.users → res.partner, product.product → product.template): when the
 * create names no parent, Odoo creates it from the values of the parent's fields, which the child shows as
 * related fields `<link>.<field>`. Those values go to the parent and leave the child's related values.
 */
function createInheritedParent(
  db: Database,
  env: Env,
  model: ModelDef,
  p: Prepared,
  link: string,
  extra: Record<string, unknown>,
  context: Record<string, unknown> = {},
): void {
  if (p.values[link]) return;
  const parentModel = model.fields.get(link)?.relation;
  if (!parentModel) return;
  const parentVals: Record<string, unknown> = { ...extra };
  for (const [name, value] of Object.entries(p.related)) {
    const related = model.fields.get(name)?.related ?? "";
    const [head, target, ...rest] = related.split(".");
    if (head === link && target && rest.length === 0 && db.model(parentModel)?.fields.has(target)) {
      parentVals[target] = value;
      delete p.related[name];
    }
  }
  for (const { field, commands } of p.x2many) {
    const [head, target, ...rest] = (field.related ?? "").split(".");
    if (!field.stored && head === link && target && rest.length === 0) parentVals[target] = commands;
  }
  p.x2many = p.x2many.filter(({ field }) => !(!field.stored && (field.related ?? "").startsWith(`${link}.`)));
  const [parent] = db.createRecords({ uid: env.uid, context: { ...env.context, ...context }, su: true }, parentModel, [
    parentVals,
  ]);
  p.values[link] = parent;
}

// ------------------------------------------------------------------ res.partner

/** res.partner's stored computed fields: commercial partner, complete name, normalized e-mail. */
function recomputePartner(db: Database, id: number, depth = 0): void {
  const row = db.row("res.partner", id);
  if (!row || depth > 20) return;
  const parentId = num(row.parent_id);
  const parent = parentId ? db.row("res.partner", parentId) : undefined;
  const commercial = row.is_company === true || !parent ? id : num(parent.commercial_partner_id) || parentId;
  const commercialRow = db.row("res.partner", commercial);
  const commercialCompanyName = commercialRow?.is_company === true ? str(commercialRow.name) : str(row.company_name);
  let name = typeof row.name === "string" ? row.name : "";
  if ((str(row.company_name) || parent) && row.is_company !== true) {
    const prefix = str(parent?.commercial_company_name) || str(parent?.name) || str(row.company_name) || "";
    name = `${prefix}, ${name}`;
  }
  db.updateRow("res.partner", id, {
    commercial_partner_id: commercial,
    commercial_company_name: commercialCompanyName,
    complete_name: name.trim() || false,
    email_normalized: emailNormalize(row.email),
  });
  for (const child of db.table("res.partner").values()) {
    if (child.parent_id === id && child.id !== id) recomputePartner(db, child.id, depth + 1);
  }
}

/** res.partner._address_fields() */
const ADDRESS_FIELDS = ["street", "street2", "zip", "city", "state_id", "country_id"] as const;

/**
 * res.partner _fields_sync: a partner of type contact given a parent takes the parent's whole address when
 * the parent has one (onchange_parent_id), so its own street or country is lost; a partner whose address is
 * written passes it on to its children of type contact (_children_sync).
 */
function syncPartnerAddress(db: Database, id: number, p: Prepared): void {
  const row = db.row("res.partner", id);
  if (!row) return;
  const parent = num(row.parent_id) ? db.row("res.partner", num(row.parent_id)) : undefined;
  const upstream = p.given.has("parent_id") || (p.given.has("type") && p.values.type === "contact");
  if (upstream && parent && row.type === "contact" && ADDRESS_FIELDS.some((field) => parent[field])) {
    db.updateRow("res.partner", id, Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, parent[field] ?? false])));
  }
  const written = ADDRESS_FIELDS.filter((field) => p.given.has(field));
  if (written.length === 0) return;
  const address = Object.fromEntries(written.map((field) => [field, db.row("res.partner", id)?.[field] ?? false]));
  for (const child of db.table("res.partner").values()) {
    if (child.parent_id === id && child.id !== id && child.type === "contact")
      db.updateRow("res.partner", child.id, address);
  }
}

/** res.partner._commercial_fields() of base */
const COMMERCIAL_FIELDS = ["vat", "company_registry", "industry_id"] as const;

/**
 * res.partner _commercial_sync_from_company / _commercial_sync_to_children: a partner that is not a
 * company takes these from its commercial entity when it is given a parent (written alone later, its own
 * value stays), and a company passes them on to the partners below it.
 */
function syncCommercialFields(db: Database, id: number, p: Prepared): void {
  const row = db.row("res.partner", id);
  if (!row) return;
  const commercial = num(row.commercial_partner_id);
  if (commercial && commercial !== id && p.given.has("parent_id")) {
    const entity = db.row("res.partner", commercial);
    if (entity)
      db.updateRow(
        "res.partner",
        id,
        Object.fromEntries(COMMERCIAL_FIELDS.map((field) => [field, entity[field] ?? false])),
      );
  }
  if (row.is_company !== true || !COMMERCIAL_FIELDS.some((field) => p.given.has(field))) return;
  const values = Object.fromEntries(
    COMMERCIAL_FIELDS.map((field) => [field, db.row("res.partner", id)?.[field] ?? false]),
  );
  for (const child of db.table("res.partner").values()) {
    if (child.commercial_partner_id === id && child.id !== id) db.updateRow("res.partner", child.id, values);
  }
}

// ------------------------------------------------------------------ calendar.event

/** Seen on Odoo 17: calendar.event iterates partner_ids as commands, so an empty import cell (False) fails. */
function refuseEmptyAttendees(p: Prepared): void {
  if (p.raw["partner_ids"] === false) throw pythonError("TypeError", "'bool' object is not iterable");
}

// ------------------------------------------------------------------ crm.lead

function firstStage(db: Database): number | false {
  const stages = [...db.table("crm.stage").values()].filter((s) => s.fold !== true && s.active !== false);
  stages.sort((a, b) => num(a.sequence) - num(b.sequence) || a.id - b.id);
  return stages[0]?.id ?? false;
}

/** crm.lead _get_partner_email_update / _get_partner_phone_update. */
function partnerNeedsUpdate(
  leadValue: unknown,
  partnerValue: unknown,
  normalize: (v: unknown) => string | false,
): boolean {
  if (leadValue === partnerValue) return false;
  const lead = normalize(leadValue) || str(leadValue) || false;
  const partner = normalize(partnerValue) || str(partnerValue) || false;
  return lead !== partner;
}

const phoneNormalize = (value: unknown): string | false =>
  typeof value === "string" && value.trim() ? value.replace(/[\s.()-]/g, "") : false;

// ------------------------------------------------------------------ ir.attachment

const MIMETYPES: Record<string, string> = {
  txt: "text/plain",
  csv: "text/csv",
  html: "text/html",
  pdf: "application/pdf",
  json: "application/json",
  xml: "application/xml",
  zip: "application/zip",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  eml: "message/rfc822",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

// ------------------------------------------------------------------ ir.model / ir.model.fields

/** Python literal of a selection, e.g. "[('a', 'A'), ('b', 'B')]". */
function parseSelection(text: unknown): Array<[string, string]> {
  if (typeof text !== "string" || !text.trim() || /^\[\s*\]$/.test(text.trim())) return [];
  const pairs: Array<[string, string]> = [];
  const re = /\(\s*(['"])(.*?)\1\s*,\s*(['"])(.*?)\3\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) pairs.push([m[2] ?? "", m[4] ?? ""]);
  if (pairs.length === 0) throw valueError(`malformed node or string: ${pyRepr(text)}`);
  return pairs;
}

function customFieldDef(row: Row, selection: Array<[string, string]>): FieldDef {
  const def: FieldDef = {
    name: String(row.name),
    type: String(row.ttype) as FieldDef["type"],
    label: typeof row.field_description === "string" ? row.field_description : "",
    required: row.required === true,
    readonly: row.readonly === true,
    stored: row.store !== false,
    computed: false,
    related: str(row.related) || null,
    write: "ok",
    modules: [],
    manual: true,
  };
  const relation = str(row.relation);
  if (relation) def.relation = relation;
  const relationField = str(row.relation_field);
  if (relationField) def.relationField = relationField;
  if (selection.length) def.selection = selection;
  if (def.type === "many2one")
    def.onDelete = row.on_delete === "cascade" || row.on_delete === "restrict" ? row.on_delete : "set null";
  const help = str(row.help);
  if (help) def.help = help;
  return def;
}

function fieldSelection(db: Database, fieldId: number): Array<[string, string]> {
  return [...db.table("ir.model.fields.selection").values()]
    .filter((r) => r.field_id === fieldId)
    .sort((a, b) => num(a.sequence) - num(b.sequence) || a.id - b.id)
    .map((r): [string, string] => [String(r.value ?? ""), String(r.name ?? "")]);
}

/**
 * res.partner _handle_first_contact_creation: a company (or a partner without a parent) that has no address
 * takes the address of its first contact when that contact has one (seen on the real Odoo 17).
 */
function giveFirstContactAddressToParent(db: Database, id: number): void {
  const row = db.row("res.partner", id);
  const parentId = num(row?.parent_id);
  const parent = parentId ? db.row("res.partner", parentId) : undefined;
  if (!row || !parent || !(parent.is_company === true || !num(parent.parent_id))) return;
  const children = db.rows("res.partner").filter((child) => child.parent_id === parentId);
  if (
    children.length !== 1 ||
    !ADDRESS_FIELDS.some((field) => row[field]) ||
    ADDRESS_FIELDS.some((field) => parent[field])
  )
    return;
  db.updateRow(
    "res.partner",
    parentId,
    Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, row[field] ?? false])),
  );
}

let generatedMessageIds = 0;

/** Fields of crm.lead Odoo 17 tracks (tracking=True): changing one posts a message to the lead's chatter. */
const TRACKED_LEAD_FIELDS = [
  "name",
  "stage_id",
  "user_id",
  "team_id",
  "partner_id",
  "expected_revenue",
  "active",
  "date_deadline",
];

/**
 * mail.thread: a record created without `mail_create_nolog` (or `tracking_disable`) gets a "created" message,
 * and a write of a tracked field without `tracking_disable` or `mail_notrack` a tracking message. Odoo's
 * importer context carries both flags; a call without them leaves chatter that outlives a rollback.
 */
function postChatter(
  db: Database,
  env: Env,
  model: string,
  id: number,
  p: Prepared,
  created: boolean,
  tracked: readonly string[],
): void {
  const context = env.context ?? {};
  const quiet = context["tracking_disable"] === true;
  const post = (body: string) =>
    db.createRecords(su({ ...env, context: { tracking_disable: true } }), "mail.message", [
      { model, res_id: id, body, message_type: "notification", message_id: false },
    ]);
  if (created) {
    if (!quiet && context["mail_create_nolog"] !== true) post("<p>Record created</p>");
    return;
  }
  if (!quiet && context["mail_notrack"] !== true && tracked.some((field) => p.given.has(field)))
    post("<p>Values changed</p>");
}

/**
 * An e-mail Odoo queues to people (an activity's assignee, a meeting's guests): a mail.message of type
 * `user_notification` on the record, with its recipients. A migration must send none.
 */
function notify(
  db: Database,
  env: Env,
  model: string,
  id: number,
  body: string,
  recipients: ReadonlyArray<number | false>,
): void {
  const partners = recipients.filter((partner): partner is number => partner !== false);
  if (partners.length === 0) return;
  db.createRecords(su({ ...env, context: { tracking_disable: true } }), "mail.message", [
    { model, res_id: id, body, message_type: "user_notification", partner_ids: [[6, 0, partners]], message_id: false },
  ]);
}

/** mail.activity.mixin write: archiving a record deletes its activities. */
function unlinkActivitiesOfArchived(db: Database, model: string, id: number, p: Prepared, created: boolean): void {
  if (created || !p.given.has("active") || p.values.active !== false) return;
  for (const activity of db.rows("mail.activity")) {
    if (activity.res_model === model && activity.res_id === id) db.deleteRow("mail.activity", activity.id);
  }
}

/** Inserts the ir.model.fields rows that reflect a model's fields (what Odoo's _reflect_fields does). */
export function reflectFields(db: Database, irModelId: number, model: ModelDef, state: "base" | "manual"): void {
  for (const f of model.fields.values()) {
    const row: Record<string, unknown> & { id: number } = {
      id: db.nextId("ir.model.fields"),
      name: f.name,
      model: model.name,
      model_id: irModelId,
      field_description: f.label,
      ttype: f.type,
      state: f.manual ? "manual" : state,
      required: f.required,
      readonly: f.readonly,
      store: f.stored,
      relation: f.relation ?? false,
      relation_field: f.relationField ?? false,
      related: f.related ?? false,
      help: f.help ?? false,
      on_delete: f.onDelete ?? false,
    };
    db.insertRow("ir.model.fields", row);
  }
}

const behaviours: Record<string, Behaviour> = {
  "res.partner": {
    defaults: () => ({ type: "contact" }),
    afterWrite(db, _env, _model, id, p, created) {
      syncPartnerAddress(db, id, p);
      if (created) giveFirstContactAddressToParent(db, id);
      recomputePartner(db, id);
      // after the commercial entity is computed
      syncCommercialFields(db, id, p);
      unlinkActivitiesOfArchived(db, "res.partner", id, p, created);
    },
  },

  "res.users": {
    beforeCreate(db, env, model, p) {
      if ("password" in p.values) {
        p.extra.password = p.values.password;
        delete p.values.password;
      }
      // res.users _inherits res.partner: Odoo creates the partner from the user's values
      const login = typeof p.values.login === "string" ? p.values.login : "";
      createInheritedParent(db, env, model, p, "partner_id", {
        name: login,
        email: login.includes("@") ? login : false,
      });
    },
    beforeWrite(_db, _env, _model, _ids, p) {
      if ("password" in p.values) {
        p.extra.password = p.values.password;
        delete p.values.password;
      }
    },
    afterWrite(db, _env, _model, id, p) {
      if (typeof p.extra.password === "string") {
        const previous = db.passwords.get(id);
        db.passwords.set(id, p.extra.password);
        db.onRollback(() => (previous === undefined ? db.passwords.delete(id) : db.passwords.set(id, previous)));
      }
    },
    computeOnRead: { password: () => "" },
  },

  "res.company": {
    beforeCreate(db, env, _model, p) {
      if (!p.values.partner_id) {
        const [partner] = db.createRecords(su(env), "res.partner", [
          { name: p.values.name ?? false, is_company: true },
        ]);
        p.values.partner_id = partner;
      }
    },
    afterWrite(db, env, _model, id, p, created) {
      const row = db.row("res.company", id);
      if (!created && p.given.has("name") && row && typeof row.partner_id === "number") {
        db.writeRecords(su(env), "res.partner", [row.partner_id], { name: row.name });
      }
    },
  },

  "crm.lead": {
    defaults: (db, env) => ({ priority: "0", user_id: env.uid, stage_id: firstStage(db) }),
    beforeCreate(db, _env, _model, p) {
      const partnerId = num(p.values.partner_id);
      const partner = partnerId ? db.row("res.partner", partnerId) : undefined;
      if (!partner) return;
      // crm.lead _compute_name, _compute_email_from, _compute_phone, _compute_contact_name, _compute_partner_name
      if (!p.given.has("name") && str(partner.name)) p.values.name = `${String(partner.name)}'s opportunity`;
      if (!p.given.has("email_from") && str(partner.email)) p.values.email_from = partner.email;
      if (!p.given.has("phone") && str(partner.phone)) p.values.phone = partner.phone;
      if (!p.given.has("contact_name") && partner.is_company !== true) p.values.contact_name = partner.name ?? false;
      if (!p.given.has("partner_name")) {
        const parent = db.row("res.partner", num(partner.parent_id));
        p.values.partner_name = str(parent?.name) || (partner.is_company === true ? partner.name : false);
      }
    },
    afterWrite(db, env, _model, id, p, created) {
      let lead = db.row("crm.lead", id);
      if (!lead) return;
      // Seen on Odoo 17: _compute_probabilities puts a lead on a won stage at 100 unless a probability is given
      const stage = db.row("crm.stage", num(lead.stage_id));
      if (p.given.has("stage_id") && !p.given.has("probability") && stage?.is_won === true)
        lead = db.updateRow("crm.lead", id, { probability: 100 });
      const partnerId = num(lead.partner_id);
      const partner = partnerId ? db.row("res.partner", partnerId) : undefined;
      if (partner && !created && p.given.has("partner_id")) {
        // a new partner on an existing lead: its e-mail and phone come along (computes)
        const patch: Record<string, unknown> = {};
        if (!p.given.has("email_from") && str(partner.email)) patch.email_from = partner.email;
        if (!p.given.has("phone") && str(partner.phone)) patch.phone = partner.phone;
        if (Object.keys(patch).length) lead = db.updateRow("crm.lead", id, patch);
      }
      if (partner) {
        // crm.lead _inverse_email_from / _inverse_phone: the lead's value overwrites the partner's
        const patch: Record<string, unknown> = {};
        if (p.given.has("email_from") && partnerNeedsUpdate(lead.email_from, partner.email, emailNormalize))
          patch.email = lead.email_from ?? false;
        if (p.given.has("phone") && partnerNeedsUpdate(lead.phone, partner.phone, phoneNormalize))
          patch.phone = lead.phone ?? false;
        if (Object.keys(patch).length) db.writeRecords(su(env), "res.partner", [partnerId], patch);
      }
      db.updateRow("crm.lead", id, { email_normalized: emailNormalize(lead.email_from) });
      unlinkActivitiesOfArchived(db, "crm.lead", id, p, created);
      postChatter(db, env, "crm.lead", id, p, created, TRACKED_LEAD_FIELDS);
    },
  },

  "mail.message": {
    defaults: (db, env) => ({ date: nowString(), author_id: userPartner(db, env.uid) }),
    beforeCreate(db, _env, _model, p) {
      const model = str(p.values.model);
      const resId = num(p.values.res_id);
      if (!p.given.has("record_name") && model && resId && db.model(model))
        p.values.record_name = db.displayName(model, resId);
      // mail.message create: a message without a Message-Id gets one generated
      if (!str(p.values.message_id))
        p.values.message_id = `<${++generatedMessageIds}-openerp-${resId || 0}-${model || "mail.message"}@test-server>`;
    },
  },

  "mail.activity": {
    afterWrite(db, env, _model, id, _p, created) {
      const row = db.row("mail.activity", id);
      if (!row) return;
      const resModel = db.row("ir.model", num(row.res_model_id))?.model;
      const model = typeof resModel === "string" ? resModel : false;
      db.updateRow("mail.activity", id, {
        res_model: model,
        res_name: model && db.model(model) ? db.displayName(model, num(row.res_id)) : false,
      });
      // Seen on Odoo 17: an activity created for another user e-mails them ("… has been assigned to you"),
      // a notification on the record, unless the context carries `mail_activity_quick_update`.
      const assignee = num(row.user_id);
      if (
        created &&
        model &&
        assignee !== 0 &&
        assignee !== env.uid &&
        env.context?.["mail_activity_quick_update"] !== true
      ) {
        notify(db, env, model, num(row.res_id), "<p>An activity has been assigned to you</p>", [
          userPartner(db, assignee),
        ]);
      }
    },
  },

  "calendar.event": {
    defaults: (db, env) => ({ partner_ids: [userPartner(db, env.uid)].filter((id) => id !== false) }),
    beforeCreate(db, env, model, p) {
      refuseEmptyAttendees(p);
      // _default_partners: the user who creates the event attends it, unless attendees are given
      const attendees = model.fields.get("partner_ids");
      const creator = userPartner(db, env.uid);
      if (attendees && creator && !p.given.has("partner_ids"))
        p.x2many.push({ field: attendees, commands: [[6, 0, [creator]]] });
      const hours = typeof p.values.duration === "number" && p.values.duration > 0 ? p.values.duration : 1;
      if (!p.given.has("start")) {
        const start = new Date();
        start.setUTCSeconds(0, 0);
        start.setUTCMinutes(start.getUTCMinutes() < 30 ? 30 : 60);
        p.values.start = nowString(start);
      }
      if (!p.given.has("stop") && typeof p.values.start === "string") {
        const start = new Date(`${p.values.start.replace(" ", "T")}Z`);
        p.values.stop = nowString(new Date(start.getTime() + hours * 3600_000));
      }
    },
    beforeWrite(_db, _env, _model, _ids, p) {
      refuseEmptyAttendees(p);
    },
    afterWrite(db, env, _model, id, _p, created) {
      const row = db.row("calendar.event", id);
      const resModel = db.row("ir.model", num(row?.res_model_id))?.model;
      if (row) db.updateRow("calendar.event", id, { res_model: typeof resModel === "string" ? resModel : false });
      // Seen on Odoo 17: a meeting created in the future e-mails an invitation to its attendees, unless the
      // context carries `no_mail_to_attendees`.
      const start = typeof row?.start === "string" ? row.start : "";
      if (created && row && start > nowString() && env.context?.["no_mail_to_attendees"] !== true) {
        const guests = Array.isArray(row.partner_ids)
          ? row.partner_ids.filter((partner): partner is number => typeof partner === "number")
          : [];
        notify(db, env, "calendar.event", id, "<p>Invitation</p>", guests);
      }
    },
  },

  "ir.attachment": {
    afterWrite(db, _env, _model, id, p) {
      const row = db.row("ir.attachment", id);
      if (!row) return;
      const patch: Record<string, unknown> = {};
      if (p.given.has("datas") || p.given.has("raw")) {
        const base64 =
          typeof row.datas === "string"
            ? row.datas
            : typeof row.raw === "string"
              ? Buffer.from(row.raw).toString("base64")
              : "";
        patch.file_size = Buffer.from(base64, "base64").length;
        patch.checksum = base64 ? sha1OfBase64(base64) : false;
      }
      if (!str(row.mimetype)) {
        const ext =
          typeof row.name === "string" && row.name.includes(".") ? (row.name.split(".").pop() ?? "").toLowerCase() : "";
        patch.mimetype = row.type === "url" ? false : (MIMETYPES[ext] ?? "application/octet-stream");
      }
      if (Object.keys(patch).length) db.updateRow("ir.attachment", id, patch);
    },
    computeOnRead: {
      res_name: (db, row) => {
        const model = str(row.res_model);
        return model && db.model(model) && num(row.res_id) ? db.displayName(model, num(row.res_id)) : false;
      },
    },
  },

  "account.move": {
    afterWrite(db, _env, _model, id) {
      // payment_state is computed from the reconciliation: a move created over RPC is 'not_paid'
      if (!db.row("account.move", id)?.payment_state) db.updateRow("account.move", id, { payment_state: "not_paid" });
    },
  },

  "product.template": {
    afterWrite(db, env, _model, id, _p, created) {
      // product.template.create() creates the variant, unless product.product is creating the template
      if (created && env.context.create_product_product !== false)
        db.createRecords(su(env), "product.product", [{ product_tmpl_id: id }]);
    },
  },

  "product.product": {
    beforeCreate(db, env, model, p) {
      // product.product _inherits product.template
      createInheritedParent(db, env, model, p, "product_tmpl_id", {}, { create_product_product: false });
    },
  },

  "sale.order": {
    defaults: () => ({ state: "draft" }),
    // Seen on Odoo 17: sale.order.unlink refuses what is neither a draft nor cancelled
    beforeUnlink(db, _env, _model, ids) {
      for (const id of ids) {
        const state = db.row("sale.order", id)?.state;
        if (state !== undefined && state !== false && state !== "draft" && state !== "cancel")
          throw userError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
      }
    },
    beforeCreate(db, _env, _model, p) {
      if (!p.values.name || p.values.name === "New")
        p.values.name = `S${String(db.nextId("sale.order/sequence")).padStart(5, "0")}`;
    },
  },

  "res.country.state": {
    displayName: (db, row) => {
      const code = db.row("res.country", num(row.country_id))?.code;
      return typeof row.name === "string" ? `${row.name} (${typeof code === "string" ? code : ""})` : false;
    },
  },

  "res.groups": {
    displayName: (_db, row) => str(row.full_name) || str(row.name),
  },

  "ir.model.data": {
    beforeCreate(db, _env, _model, p) {
      const module = typeof p.values.module === "string" ? p.values.module : "";
      const name = typeof p.values.name === "string" ? p.values.name : "";
      if (db.xmlidDataId(`${module}.${name}`) !== undefined) {
        throw sqlUnique(module, name);
      }
    },
    beforeWrite(db, _env, _model, ids, p) {
      for (const id of ids) {
        const row = db.row("ir.model.data", id);
        const module = String(p.values.module ?? row?.module ?? "");
        const name = String(p.values.name ?? row?.name ?? "");
        const holder = db.xmlidDataId(`${module}.${name}`);
        if (holder !== undefined && holder !== id) throw sqlUnique(module, name);
      }
    },
    computeOnRead: {
      complete_name: (_db, row) => `${String(row.module ?? "")}.${String(row.name ?? "")}`,
      reference: (_db, row) => `${String(row.model ?? "")},${String(row.res_id ?? 0)}`,
    },
  },

  "ir.model": {
    beforeCreate(db, _env, _model, p) {
      if (!p.given.has("state")) p.values.state = "manual";
      const name = typeof p.values.model === "string" ? p.values.model : "";
      if (p.values.state === "manual" && !name.startsWith("x_"))
        throw userError("The model name must start with 'x_'.");
      if (!/^[a-z0-9_.]+$/.test(name))
        throw userError("The model name can only contain lowercase characters, digits, underscores and dots.");
      if (db.irModelId(name) !== undefined || db.model(name))
        throw sqlConstraintViolation("Each model must have a unique name.");
      if (!p.x2many.some((x) => x.field.name === "field_id")) {
        const fieldId = db.model("ir.model")?.fields.get("field_id");
        if (fieldId)
          p.x2many.push({
            field: fieldId,
            commands: [[0, 0, { name: "x_name", field_description: "Name", ttype: "char", copied: true }]],
          });
      }
    },
    afterInsert(db, _env, _model, id, p) {
      if (p.values.state !== "manual") return;
      const name = String(p.values.model);
      const model: ModelDef = {
        name,
        label: typeof p.values.name === "string" ? p.values.name : name,
        module: "__custom__",
        fields: new Map(magicFields("base").map((f) => [f.name, f])),
        manual: true,
        recName: null,
      };
      db.registry.addModel(model);
      db.onRollback(() => db.registry.removeModel(name));
      reflectFields(db, id, model, "base");
    },
    beforeWrite(db, _env, _model, ids, p) {
      for (const id of ids) {
        const row = db.row("ir.model", id);
        if (p.given.has("model") && row?.model !== p.values.model)
          throw userError('Field "Model" cannot be modified on models.');
        if (p.given.has("state") && row?.state !== p.values.state)
          throw userError('Field "Type" cannot be modified on models.');
        if (p.given.has("transient") && row?.transient !== p.values.transient)
          throw userError('Field "Transient Model" cannot be modified on models.');
      }
    },
    afterWrite(db, _env, _model, id, p, created) {
      const row = db.row("ir.model", id);
      const def = db.model(String(row?.model ?? ""));
      if (!created && def && p.given.has("name") && typeof row?.name === "string") {
        const previous = def.label;
        def.label = row.name;
        db.onRollback(() => (def.label = previous));
      }
    },
    beforeUnlink(db, _env, _model, ids) {
      for (const id of ids) {
        const row = db.row("ir.model", id);
        if (row && row.state !== "manual")
          throw userError(`Model ${pyRepr(row.name)} contains module data and cannot be removed.`);
      }
    },
    onDelete(db, _env, _model, id) {
      const name = String(db.row("ir.model", id)?.model ?? "");
      const def = db.model(name);
      if (!def?.manual) return;
      db.dropTable(name);
      db.registry.removeModel(name);
      db.onRollback(() => db.registry.addModel(def));
    },
    computeOnRead: {
      // "Count (Incl. Archived)": the rows of the model's table, whoever may see them
      count: (db, row) => (db.model(String(row.model)) ? db.table(String(row.model)).size : 0),
    },
  },

  "ir.model.fields": {
    beforeCreate(db, _env, _model, p) {
      const irModel = db.row("ir.model", num(p.values.model_id));
      if (irModel && typeof irModel.model === "string") p.values.model = irModel.model;
      if (p.values.state !== "manual") return;
      const name = typeof p.values.name === "string" ? p.values.name : "";
      const modelName = String(p.values.model ?? "");
      if (!name.startsWith("x_")) throw sqlConstraintViolation("Custom fields must have a name that starts with 'x_'!");
      if (!/^[a-z_][a-z0-9_]*$/i.test(name) || name.length > 63) {
        throw userError("Field names can only contain characters, digits and underscores (up to 63).");
      }
      const clash = [...db.table("ir.model.fields").values()].some((r) => r.model === modelName && r.name === name);
      if (clash || db.model(modelName)?.fields.has(name))
        throw sqlConstraintViolation("Field names must be unique per model.");
      const relation = str(p.values.relation);
      if (relation && !db.model(relation)) throw userError(`Model ${relation} does not exist!`);
      if (p.values.ttype === "one2many") {
        const inverse = db.model(relation || "")?.fields.get(String(p.values.relation_field ?? ""));
        if (inverse?.type !== "many2one" || inverse.relation !== modelName) {
          throw userError(
            `Many2one ${String(p.values.relation_field ?? false)} on model ${String(relation)} does not exist!`,
          );
        }
      }
      parseSelection(p.values.selection ?? ""); // a malformed selection literal is Python's ValueError
    },
    afterInsert(db, _env, _model, id) {
      const row = db.row("ir.model.fields", id);
      if (!row || row.state !== "manual") return;
      const modelName = String(row.model);
      const selection = parseSelectionSafe(row.selection) ?? [];
      const def = customFieldDef(row, selection);
      db.registry.addField(modelName, def);
      db.onRollback(() => db.registry.removeField(modelName, def.name));
    },
    afterWrite(db, _env, _model, id, p, created) {
      const row = db.row("ir.model.fields", id);
      if (!row || row.state !== "manual") return;
      const modelName = String(row.model);
      const previous = db.model(modelName)?.fields.get(String(row.name));
      if (!previous) return;
      const fromRows = fieldSelection(db, id);
      const selection = fromRows.length ? fromRows : (parseSelectionSafe(row.selection) ?? previous.selection ?? []);
      if (created && !fromRows.length && !p.given.has("selection")) return;
      const def = customFieldDef(
        row,
        selection.map(([v, l]): [string, string] => [v, l]),
      );
      db.registry.addField(modelName, def);
      db.onRollback(() => db.registry.addField(modelName, previous));
    },
    beforeUnlink(db, _env, _model, ids) {
      for (const id of ids) {
        const row = db.row("ir.model.fields", id);
        if (row && row.state !== "manual") throw userError("This column contains module data and cannot be removed!");
      }
    },
    onDelete(db, _env, _model, id) {
      const row = db.row("ir.model.fields", id);
      if (!row || row.state !== "manual") return;
      const modelName = String(row.model);
      const def = db.registry.removeField(modelName, String(row.name));
      if (def) db.onRollback(() => db.registry.addField(modelName, def));
    },
    computeOnRead: {
      selection: (db, row) => {
        if (row.ttype !== "selection" && row.ttype !== "reference") return false;
        const def = db.model(String(row.model))?.fields.get(String(row.name));
        const pairs = def?.selection ?? [];
        return `[${pairs.map(([v, l]) => `(${pyRepr(v)}, ${pyRepr(l)})`).join(", ")}]`;
      },
    },
  },
};

function parseSelectionSafe(text: unknown): Array<[string, string]> | undefined {
  try {
    const pairs = parseSelection(text);
    return pairs.length ? pairs : undefined;
  } catch {
    return undefined;
  }
}

/** The unique index on ir_model_data (module, name): PostgreSQL's message, as Odoo passes it on. */
function sqlUnique(module: string, name: string) {
  return uniqueViolation("ir_model_data_module_name_uniq_index", ["module", "name"], [module, name]);
}

const none: Behaviour = {};

export function behaviourOf(model: string): Behaviour {
  return behaviours[model] ?? none;
}
