// Calls, emails, meetings, notes and tasks as HubSpot's v3 object API returns them: every property value
// a string, properties in alphabetical order, and `associations` only for the object types that have any.
import { Random } from "./random.js";
import { ARCHIVED_OWNER_ID, ARCHIVED_OWNER_LEFT_AT, OWNERS } from "./smartdesk-account.js";
import {
  AT,
  EXPORTED_AT,
  type EngagementObject,
  type EngagementTarget,
  type SmartDeskModel,
} from "./smartdesk-model.js";
import { isoUtc, isoWithOffset, offsetMinutesFor } from "./smartdesk-time.js";
import { CALL_TOPICS, EMAIL_TOPICS, MEETING_TOPICS, NOTE_BODIES, TASK_TOPICS } from "./smartdesk-vocabulary.js";

export interface AssociationList {
  results: { id: string; type: string }[];
}

export interface EngagementJson {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  associations?: Record<string, AssociationList>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** HubSpot's default call outcomes: these GUIDs are the same in every portal. */
export const CALL_DISPOSITIONS = {
  connected: "f240bbac-87c9-4f6e-bf70-924b57d47db7",
  leftVoicemail: "b2cf5968-551e-4856-9783-52b3da59a7d0",
  leftLiveMessage: "a4c4c377-d246-4b32-a13b-75a56a4cd0ff",
  noAnswer: "73a0d17f-1163-4015-bdd5-ec830791da20",
  busy: "9d9162e7-6cf3-4944-bf63-4dff82258764",
  wrongNumber: "17b47fee-58de-441e-a44c-c6300d46f273",
} as const;

/** The prefix of the association type names: `call_to_contact`, `meeting_event_to_deal`. */
const ASSOCIATION_PREFIX: Readonly<Record<EngagementObject, string>> = {
  calls: "call",
  emails: "email",
  meetings: "meeting_event",
  notes: "note",
  tasks: "task",
};

/** The injected call at 2024-03-05 14:00 India time, exactly as the seed's example writes it. */
const OFFSET_CALL_AT = Date.UTC(2024, 2, 5, 8, 30);
const OFFSET_MEETING_AT = Date.UTC(2024, 3, 18, 1, 0);
/** The quote attached to the injected email (files.csv row 2). */
export const QUOTE_NUMBER = "Q-2022-017";

export function engagementJson(model: SmartDeskModel, object: EngagementObject, index: number): EngagementJson {
  const rng = Random.forRecord(model.seed, object, index);
  switch (object) {
    case "calls":
      return call(model, index, rng);
    case "emails":
      return email(model, index, rng);
    case "meetings":
      return meeting(model, index, rng);
    case "notes":
      return note(model, index, rng);
    case "tasks":
      return task(model, index, rng);
  }
}

function fill(template: string, target: EngagementTarget): string {
  const person = target.person;
  const company = target.company;
  return template
    .replaceAll("{first}", person?.name.first ?? "the customer")
    .replaceAll("{last}", person?.name.last ?? "")
    .replaceAll("{company}", company?.shortName ?? person?.name.last ?? "your team")
    .replaceAll("{domain}", company?.domain.replace(/^www\./, "") || "example.com")
    .replaceAll("{city}", company?.city || "Berlin");
}

/** Most activity times are UTC; about one in eight keeps the offset of the person it was logged with. */
function timestamp(rng: Random, at: number, target: EngagementTarget, offsetMinutes?: number): string {
  const offset =
    offsetMinutes ?? (target.person && rng.chance(0.12) ? offsetMinutesFor(target.person.locale, at) : undefined);
  return offset === undefined ? isoUtc(at) : isoWithOffset(at, offset);
}

function associations(object: EngagementObject, target: EngagementTarget): Record<string, AssociationList> | undefined {
  const prefix = ASSOCIATION_PREFIX[object];
  const lists: Record<string, AssociationList> = {};
  const add = (key: string, singular: string, ids: string[]) => {
    if (ids.length > 0) lists[key] = { results: ids.map((id) => ({ id, type: `${prefix}_to_${singular}` })) };
  };
  add("contacts", "contact", target.contacts);
  add("companies", "company", target.companies);
  add("deals", "deal", target.deals);
  add("tickets", "ticket", target.tickets);
  return Object.keys(lists).length > 0 ? lists : undefined;
}

function finish(
  model: SmartDeskModel,
  object: EngagementObject,
  index: number,
  properties: Record<string, string>,
  createdAt: number,
  target: EngagementTarget,
  rng: Random,
): EngagementJson {
  const id = model.id(object, index);
  const updatedAt = rng.chance(0.3)
    ? Math.min(EXPORTED_AT - HOUR, createdAt + rng.int(1, 20) * DAY)
    : createdAt + rng.int(0, 5000);
  const all: Record<string, string> = {
    ...properties,
    hs_createdate: isoUtc(createdAt),
    hs_lastmodifieddate: isoUtc(Math.max(createdAt, updatedAt)),
    hs_object_id: id,
  };
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(all).sort()) sorted[key] = all[key]!;
  const json: EngagementJson = {
    id,
    properties: sorted,
    createdAt: isoUtc(createdAt),
    updatedAt: isoUtc(Math.max(createdAt, updatedAt)),
    archived: false,
  };
  const linked = associations(object, target);
  if (linked) json.associations = linked;
  return json;
}

function call(model: SmartDeskModel, index: number, rng: Random): EngagementJson {
  const target =
    index === AT.call.dealAndContact
      ? model.dealTarget(AT.deal.twoContacts)
      : model.engagementTarget("calls", index, rng);
  const at = index === AT.call.offset ? OFFSET_CALL_AT : model.engagementTime("calls", index, rng, target, false);
  const outcome = rng.weighted<keyof typeof CALL_DISPOSITIONS>([
    ["connected", 55],
    ["leftVoicemail", 15],
    ["leftLiveMessage", 7],
    ["noAnswer", 15],
    ["busy", 5],
    ["wrongNumber", 3],
  ]);
  const [title, body] = rng.pick(CALL_TOPICS);
  const duration =
    outcome === "connected"
      ? rng.int(2, 45) * 60_000 + rng.int(0, 60) * 1000
      : outcome === "busy"
        ? 0
        : outcome === "noAnswer"
          ? rng.int(0, 30) * 1000
          : rng.int(15, 90) * 1000;
  const bodies: Record<typeof outcome, string> = {
    connected: fill(body, target),
    leftVoicemail: fill("<p>Left a voicemail for {first} about the proposal.</p>", target),
    leftLiveMessage: fill("<p>Spoke to the front desk, {first} will call back.</p>", target),
    noAnswer: "",
    busy: "",
    wrongNumber: "<p>Number on file is wrong &ndash; please update.</p>",
  };
  const properties = {
    hs_call_body: bodies[outcome],
    hs_call_direction: rng.chance(0.75) ? "OUTBOUND" : "INBOUND",
    hs_call_disposition: CALL_DISPOSITIONS[outcome],
    hs_call_duration: String(duration),
    hs_call_status: outcome === "noAnswer" ? "NO_ANSWER" : outcome === "busy" ? "BUSY" : "COMPLETED",
    hs_call_title:
      outcome === "connected"
        ? title
        : `${title} (${outcome === "noAnswer" || outcome === "busy" ? "not reached" : "voicemail"})`,
    hs_timestamp: timestamp(rng, at, target, index === AT.call.offset ? 330 : undefined),
    hubspot_owner_id: model.owner(rng, at, target.ownerId),
  };
  return finish(model, "calls", index, properties, at + rng.int(1, 30) * MINUTE, target, rng);
}

const INCOMING_REPLIES = [
  "thanks, that works for us. Could you send the updated quote?",
  "could you resend the invoice? The PDF did not open.",
  "we need to postpone until after the summer break.",
  "please add my colleague to the next call.",
];

function email(model: SmartDeskModel, index: number, rng: Random): EngagementJson {
  const at_ = AT.email;
  const target =
    index === at_.attachment
      ? model.dealTarget(AT.deal.withProposal)
      : index === at_.cyrillic
        ? model.contactTarget(AT.contact.cyrillic)
        : model.engagementTarget("emails", index, rng);
  const direction =
    index === at_.attachment
      ? "EMAIL"
      : index === at_.cyrillic
        ? "INCOMING_EMAIL"
        : index === at_.forwarded
          ? "FORWARDED_EMAIL"
          : rng.weighted<string>([
              ["EMAIL", 60],
              ["INCOMING_EMAIL", 35],
              ["FORWARDED_EMAIL", 5],
            ]);
  const at = model.engagementTime("emails", index, rng, target, false);
  const ownerId = model.owner(rng, at, target.ownerId);
  const owner = OWNERS.find((o) => o.id === ownerId)!;
  const person = target.person;
  const companyInbox = `info@${target.company?.domain.replace(/^www\./, "") || "example.com"}`;
  const them = person
    ? { email: person.email || companyInbox, firstName: person.name.first, lastName: person.name.last }
    : { email: companyInbox, firstName: "", lastName: "" };
  const us = { email: owner.email, firstName: owner.firstName, lastName: owner.lastName };
  const incoming = direction === "INCOMING_EMAIL";
  const [topicSubject, topicText] = rng.pick(EMAIL_TOPICS);
  let subject = fill(topicSubject, target);
  let text = incoming
    ? `Hi ${owner.firstName},\n\n${rng.pick(INCOMING_REPLIES)}\n\nBest,\n${them.firstName}`
    : `Hi ${them.firstName || "there"},\n\n${topicText}\n\nBest regards,\n${owner.firstName} ${owner.lastName}`;
  if (incoming) subject = `Re: ${subject}`;
  if (direction === "FORWARDED_EMAIL") subject = `Fwd: ${subject}`;
  if (index === at_.attachment) {
    subject = `Quote ${QUOTE_NUMBER} – ${target.company?.shortName ?? ""}`;
    text = `Hi ${them.firstName},\n\nplease find attached our quote ${QUOTE_NUMBER}. It is valid for 30 days.\n\nBest regards,\n${owner.firstName} ${owner.lastName}`;
  }
  if (index === at_.cyrillic) {
    subject = "Re: Встреча в четверг";
    text = `Добрый день, ${owner.firstName}!\n\nПодтверждаю встречу в четверг в 10:00. Договор пришлю заранее.\n\nС уважением,\nОльга`;
  }
  const html = `<div dir="ltr">${text
    .split("\n\n")
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll("\n", "<br>")}</p>`)
    .join("")}</div>`;
  const properties = {
    hs_attachment_ids: index === at_.attachment ? model.id("files", 1) : "",
    hs_email_direction: direction,
    hs_email_headers: JSON.stringify({ from: incoming ? them : us, to: [incoming ? us : them], cc: [], bcc: [] }),
    hs_email_html: html,
    hs_email_status: incoming ? "" : rng.chance(0.05) ? "BOUNCED" : "SENT",
    hs_email_subject: subject,
    hs_email_text: text,
    hs_timestamp: timestamp(rng, at, target),
    hubspot_owner_id: ownerId,
  };
  return finish(model, "emails", index, properties, at + rng.int(0, 3) * MINUTE, target, rng);
}

function meeting(model: SmartDeskModel, index: number, rng: Random): EngagementJson {
  const injected = index === AT.meeting.offset;
  const target = injected ? model.contactTarget(AT.contact.japanese) : model.engagementTarget("meetings", index, rng);
  const start = injected
    ? OFFSET_MEETING_AT
    : Math.floor(model.engagementTime("meetings", index, rng, target, true) / (15 * MINUTE)) * 15 * MINUTE;
  const end = start + rng.pick([30, 45, 60, 90]) * MINUTE;
  const [title, body] = rng.pick(MEETING_TOPICS);
  const company = target.company;
  const ownerId = injected ? "41104" : model.owner(rng, start, target.ownerId);
  const attendees = [ownerId];
  if (rng.chance(0.35)) {
    const other = rng.pick(OWNERS.filter((o) => o.id !== ownerId && (!o.archived || start < ARCHIVED_OWNER_LEFT_AT)));
    attendees.push(other.id);
  }
  if (injected && !attendees.includes("41101")) attendees.push("41101");
  const offset = injected
    ? 540
    : target.person && rng.chance(0.12)
      ? offsetMinutesFor(target.person.locale, start)
      : undefined;
  const write = (at: number) => (offset === undefined ? isoUtc(at) : isoWithOffset(at, offset));
  const properties = {
    hs_attendee_owner_ids: attendees.join(";"),
    hs_meeting_body: fill(body, target),
    hs_meeting_end_time: write(end),
    hs_meeting_location: injected
      ? "株式会社サンプル 本社, 丸の内1-1-1"
      : rng.pick(["Zoom", "Microsoft Teams", "Google Meet", company ? `${company.name}, ${company.city}` : "", ""]),
    hs_meeting_outcome: injected
      ? "COMPLETED"
      : start > EXPORTED_AT
        ? "SCHEDULED"
        : rng.weighted<string>([
            ["COMPLETED", 70],
            ["NO_SHOW", 8],
            ["RESCHEDULED", 10],
            ["CANCELED", 12],
          ]),
    hs_meeting_start_time: write(start),
    hs_meeting_title: injected ? "導入キックオフ / Onboarding kickoff" : fill(title, target),
    hs_timestamp: write(start),
    hubspot_owner_id: ownerId,
  };
  const createdAt = Math.max(target.notBefore + MINUTE, start - rng.int(1, 15) * DAY);
  return finish(model, "meetings", index, properties, Math.min(createdAt, EXPORTED_AT - HOUR), target, rng);
}

function note(model: SmartDeskModel, index: number, rng: Random): EngagementJson {
  const target =
    index === AT.note.orphanContact
      ? model.orphanTarget()
      : index === AT.note.attachments
        ? model.contactTarget(AT.contact.japanese)
        : model.engagementTarget("notes", index, rng);
  const at = model.engagementTime("notes", index, rng, target, false);
  let body = fill(rng.pick(NOTE_BODIES), target);
  if (index === AT.note.attachments)
    body =
      "<p>打ち合わせメモと契約概要を添付します。</p><p>Notes from the kickoff and the contract summary are attached.</p>";
  if (index === AT.note.orphanContact)
    body = "<p>Imported from the old CRM: follow up about the <b>pilot</b> &amp; pricing.</p>";
  const properties = {
    hs_attachment_ids: index === AT.note.attachments ? `${model.id("files", 3)};${model.id("files", 4)}` : "",
    hs_note_body: body,
    hs_timestamp: timestamp(rng, at, target),
    hubspot_owner_id: model.owner(rng, at, target.ownerId),
  };
  return finish(model, "notes", index, properties, at, target, rng);
}

function task(model: SmartDeskModel, index: number, rng: Random): EngagementJson {
  const injected = index === AT.task.archivedOwner;
  const target = injected ? model.dealTarget(AT.deal.archivedOwner[0]) : model.engagementTarget("tasks", index, rng);
  let due = model.engagementTime("tasks", index, rng, target, true);
  if (injected) due = Math.min(due, ARCHIVED_OWNER_LEFT_AT - 2 * DAY);
  const [subject, body, type] = rng.pick(TASK_TOPICS);
  const status = injected
    ? "NOT_STARTED"
    : due < EXPORTED_AT
      ? rng.weighted<string>([
          ["COMPLETED", 70],
          ["NOT_STARTED", 15],
          ["IN_PROGRESS", 5],
          ["WAITING", 5],
          ["DEFERRED", 5],
        ])
      : rng.weighted<string>([
          ["NOT_STARTED", 70],
          ["IN_PROGRESS", 20],
          ["WAITING", 10],
        ]);
  const properties = {
    hs_task_body: body,
    hs_task_priority: rng.weighted<string>([
      ["LOW", 35],
      ["MEDIUM", 40],
      ["HIGH", 25],
    ]),
    hs_task_status: status,
    hs_task_subject: target.company ? `${subject} – ${target.company.shortName}` : subject,
    hs_task_type: type,
    hs_timestamp: timestamp(rng, due, target),
    hubspot_owner_id: injected ? ARCHIVED_OWNER_ID : model.owner(rng, due, target.ownerId),
  };
  const createdAt = Math.min(EXPORTED_AT - HOUR, Math.max(target.notBefore + MINUTE, due - rng.int(1, 10) * DAY));
  return finish(model, "tasks", index, properties, createdAt, target, rng);
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
