// Each record as the attributes of its row in the sample, in the order Concord's API resources write them,
// with time stamps and dates printed as Concord prints them (concord-format.ts). A variant then drops, renames
// and adds attributes and picks how time stamps end (concord-variants.ts); the values here do not change.
import type { Activity, Note } from "./concord-activities.js";
import {
  ACTIVITY_TYPES,
  activityTypeId,
  userEmail,
  type Pipeline,
  type Product,
  type Tag,
  type User,
  type Workflow,
} from "./concord-account.js";
import type { CustomField } from "./concord-custom-fields.js";
import type { Email, MediaFile } from "./concord-emails.js";
import { clockTime, euros, isoDate } from "./concord-format.js";
import type { Company, Contact, Deal, Phone } from "./concord-model.js";
import type { Json, JsonRow } from "./concord-pages.js";

/** A row's attributes in the sample's order, before a variant reshapes them. */
export type Entries = JsonRow;

/** How the export writes a moment: a record's time stamps, and an e-mail's date. */
export interface Clock {
  timestamp(at: number): string;
  mailDate(at: number): string;
}

const stamp = (clock: Clock, at: number | null): string | null => (at === null ? null : clock.timestamp(at));
const phoneList = (phones: readonly Phone[]): Json => phones.map((p) => ({ number: p.number, type: p.type }));
const tagList = (tags: readonly Tag[]): Json => tags.map((t) => ({ id: t.id, name: t.name }));

export function userRow(u: User): Entries {
  return {
    id: u.id,
    name: u.name,
    email: userEmail(u),
    timezone: u.timezone,
    super_admin: u.superAdmin,
    access_api: u.accessApi,
  };
}

export function pipelineRow(p: Pipeline): Entries {
  const stages = p.stages.map((s) => ({
    id: s.id,
    name: s.name,
    win_probability: s.winProbability,
    display_order: s.displayOrder,
  }));
  return {
    id: p.id,
    name: p.name,
    flag: p.flag,
    stages,
  };
}

/** An activity type's row: `id, name, icon, flag`, as ACTIVITY_TYPES holds it. */
export const activityTypeRow = (k: number): Entries => ({ ...ACTIVITY_TYPES[k]! });

/** A tag's row: `id, name, type`. */
export const tagRow = (t: Tag): Entries => ({ ...t });

export function customFieldRow(f: CustomField): Entries {
  return {
    id: f.id,
    field_id: f.fieldId,
    label: f.label,
    field_type: f.type,
    resource_name: f.resource,
    options: f.options.map((o) => ({ id: o.id, name: o.name })),
  };
}

export function productRow(p: Product): Entries {
  return {
    id: p.id,
    name: p.name,
    sku: p.sku,
    unit_price: euros(p.unitPrice),
    direct_cost: euros(p.directCost),
    description: p.description,
    tax_rate: p.taxRate,
    is_active: p.isActive,
  };
}

export function workflowRow(w: Workflow): Entries {
  return {
    id: w.id,
    title: w.title,
    description: w.description,
    trigger_type: w.triggerType,
    action_type: w.actionType,
    data: w.data,
    is_active: w.isActive,
  };
}

export function companyRow(c: Company, clock: Clock): Entries {
  const { entry } = c;
  return {
    id: c.id,
    name: entry.name,
    email: c.email,
    domain: entry.domain,
    industry: c.industry,
    phones: phoneList(c.phones),
    street: entry.street,
    city: entry.city,
    postal_code: entry.postalCode,
    country: { ...entry.country },
    user_id: c.userId,
    created_at: clock.timestamp(c.created),
    updated_at: clock.timestamp(c.updated),
  };
}

export function contactRow(c: Contact, clock: Clock): Entries {
  return {
    id: c.id,
    first_name: c.first,
    last_name: c.last,
    email: c.email,
    job_title: c.jobTitle,
    phones: phoneList(c.phones),
    user_id: c.userId,
    companies: c.companies,
    tags: tagList(c.tags),
    created_at: clock.timestamp(c.created),
    updated_at: clock.timestamp(c.updated),
  };
}

export function dealRow(d: Deal, clock: Clock): Entries {
  const products = d.products.map((l) => ({ product_id: l.product.id, qty: l.qty, unit_price: euros(l.unitPrice) }));
  return {
    id: d.id,
    name: d.name,
    amount: euros(d.amount),
    pipeline_id: d.pipeline.id,
    stage_id: d.stage.id,
    expected_close_date: d.expectedClose === null ? null : isoDate(d.expectedClose),
    status: d.status,
    won_date: stamp(clock, d.wonDate),
    lost_date: stamp(clock, d.lostDate),
    lost_reason: d.lostReason,
    user_id: d.userId,
    contacts: d.contacts,
    companies: d.companies,
    products: products,
    tags: tagList(d.tags),
    created_at: clock.timestamp(d.created),
  };
}

export function activityRow(a: Activity, clock: Clock): Entries {
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    note: a.note,
    activity_type_id: activityTypeId(a.flag),
    user_id: a.userId,
    due_date: isoDate(a.due),
    due_time: a.allDay ? null : clockTime(a.due),
    end_date: isoDate(a.end),
    end_time: a.allDay ? null : clockTime(a.end),
    is_completed: a.completedAt !== null,
    completed_at: stamp(clock, a.completedAt),
    guests: a.guests.map((g) => ({ guestable_type: g.type, guestable_id: g.id })),
    contacts: a.contacts,
    companies: a.companies,
    deals: a.deals,
    created_at: clock.timestamp(a.created),
  };
}

export function noteRow(n: Note, clock: Clock): Entries {
  return {
    id: n.id,
    body: n.body,
    user_id: n.userId,
    contacts: n.contacts,
    companies: n.companies,
    deals: n.deals,
    created_at: clock.timestamp(n.created),
  };
}

export function emailRow(e: Email, clock: Clock): Entries {
  return {
    id: e.id,
    subject: e.subject,
    html_body: e.html,
    text_body: e.text,
    from: { ...e.from },
    to: e.to.map((a) => ({ ...a })),
    date: clock.mailDate(e.date),
    contacts: e.contacts,
    companies: e.companies,
    deals: e.deals,
  };
}

export function mediaRow(m: MediaFile): Entries {
  return {
    id: m.id,
    file_name: m.fileName,
    disk_path: m.diskPath,
    mime_type: m.mimeType,
    size: m.content.length,
    mediable_type: m.mediableType,
    mediable_id: m.mediableId,
  };
}
