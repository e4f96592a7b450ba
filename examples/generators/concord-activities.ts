// Activities and notes of a Concord export. Each is linked to contacts, companies and deals of its own block
// (Concord links an activity or note to any number of each), and comes after the records it is linked to.
// Times are UTC: `due_time`/`end_time` of an all-day activity are null.
import { USERS, usersOf, type ActivityFlag } from "./concord-account.js";
import { DAY, HOUR, MINUTE, dayStart, utc } from "./concord-format.js";
import { AT, BASE_COUNTS, dealCompanyOf, inBlock, isAt, staffOf, type CountedKind } from "./concord-layout.js";
import { EXPORTED_AT, happenedAfter, officeTime, type ConcordModel } from "./concord-model.js";
import { ACTIVITY_DESCRIPTIONS, ACTIVITY_NOTES, ACTIVITY_TITLES, NOTE_BODIES } from "./concord-vocabulary.js";
import type { Random } from "./random.js";

/** What an activity, note or e-mail is linked to, by id, and what follows from that. */
export interface Links {
  contacts: number[];
  companies: number[];
  deals: number[];
  /** When the latest of the linked records was created: what is linked to them comes later. */
  since: number;
  /** The first linked person's first name, to greet; empty when no person is linked. */
  first: string;
  /** The owner of the main linked record, or a user of the installation. */
  userId: number;
}

export interface Guest {
  type: "contacts" | "users";
  id: number;
}

export interface Activity extends Links {
  id: number;
  flag: ActivityFlag;
  title: string;
  description: string;
  note: string | null;
  due: number;
  end: number;
  /** No time of day: due_time and end_time are null. */
  allDay: boolean;
  completedAt: number | null;
  guests: Guest[];
  created: number;
}

export interface Note extends Links {
  id: number;
  body: string;
  created: number;
}

/** A deal (with its contacts and companies), a contact (with its employer) or a company of the record's block. */
export function linksInBlock(model: ConcordModel, rng: Random, kind: CountedKind, index: number): Links {
  const pick = rng.float();
  if (pick < 0.45) return dealLinks(model, model.sameBlock(kind, index, "deals", rng.int(0, BASE_COUNTS.deals)));
  if (pick < 0.85)
    return contactLinks(model, model.sameBlock(kind, index, "contacts", rng.int(0, BASE_COUNTS.contacts)));
  const company = model.company(model.sameBlock(kind, index, "companies", rng.int(0, BASE_COUNTS.companies)));
  return {
    contacts: [],
    companies: [company.id],
    deals: [],
    since: company.created,
    first: "",
    userId: company.userId,
  };
}

export function dealLinks(model: ConcordModel, index: number): Links {
  const deal = model.deal(index);
  const first = deal.contacts.length > 0 ? model.contact(deal.contacts[0]! - 1).first : "";
  const { contacts, companies } = deal;
  return { contacts, companies, deals: [deal.id], since: deal.created, first, userId: deal.userId };
}

function contactLinks(model: ConcordModel, index: number): Links {
  const contact = model.contact(index);
  const companies = contact.companies.slice(0, 1);
  return {
    contacts: [contact.id],
    companies,
    deals: [],
    since: contact.created,
    first: contact.first,
    userId: contact.userId,
  };
}

/** Linked to nothing: a task of the installation's own. */
function noLinks(rng: Random): Links {
  return { contacts: [], companies: [], deals: [], since: utc(2024, 2, 1), first: "", userId: rng.pick(USERS).id };
}

/** The deal positions the activity linked to several records is about. */
const SEVERAL_DEALS = [9, 13];

/** Two deals at once, with their companies and a person of each. */
function severalLinks(model: ConcordModel, index: number): Links {
  const deals = SEVERAL_DEALS.map((d) => model.deal(model.sameBlock("activities", index, "deals", d)));
  const contacts = SEVERAL_DEALS.map(
    (d) => model.sameBlock("activities", index, "contacts", staffOf(dealCompanyOf(d))[0]!) + 1,
  );
  return {
    contacts,
    companies: deals.flatMap((d) => d.companies),
    deals: deals.map((d) => d.id),
    since: Math.max(...deals.map((d) => d.created)),
    first: model.contact(contacts[0]! - 1).first,
    userId: deals[0]!.userId,
  };
}

function activityFlag(rng: Random, position: number): ActivityFlag {
  const a = AT.activity;
  if (isAt(position, [a.several, a.mixedGuests, a.nextDay])) return "meeting";
  if (isAt(position, [a.allDay, a.unlinked])) return "task";
  return rng.weighted<ActivityFlag>([
    ["call", 4],
    ["meeting", 3],
    ["task", 3],
    ["email", 2],
    ["deadline", 1],
    ["lunch", 1],
  ]);
}

function activityLinks(model: ConcordModel, rng: Random, index: number, position: number): Links {
  if (position === AT.activity.unlinked) return noLinks(rng);
  if (position === AT.activity.several) return severalLinks(model, index);
  if (position === AT.activity.mixedGuests)
    return contactLinks(model, model.sameBlock("activities", index, "contacts", 2));
  return linksInBlock(model, rng, "activities", index);
}

/** When it is due and ends, UTC: quarter hours in office time, lunch at noon, an all-day activity at midnight. */
function schedule(rng: Random, flag: ActivityFlag, position: number, since: number) {
  const day = dayStart(since) + rng.int(1, 46) * DAY;
  if (position === AT.activity.nextDay) return { due: day + 21 * HOUR, end: day + DAY + 90 * MINUTE, allDay: false };
  const allDay =
    position === AT.activity.allDay ||
    flag === "deadline" ||
    (flag === "task" && position !== AT.activity.unlinked && rng.chance(0.5));
  if (allDay) return { due: day, end: day, allDay };
  const due = day + (flag === "lunch" ? rng.pick([48, 50]) : rng.int(32, 71)) * 15 * MINUTE;
  const minutes = { call: rng.pick([15, 30]), meeting: rng.pick([60, 90]), lunch: 90, task: 30, email: 0, deadline: 0 };
  return { due, end: due + minutes[flag] * MINUTE, allDay };
}

function guestsOf(rng: Random, flag: ActivityFlag, position: number, links: Links): Guest[] {
  if (flag !== "meeting" && flag !== "lunch") return [];
  const contacts = links.contacts.map((id): Guest => ({ type: "contacts", id }));
  const others = USERS.filter((u) => u.id !== links.userId);
  if (position === AT.activity.mixedGuests) return [{ type: "users", id: others[0]!.id }, ...contacts];
  // A colleague comes along to half the meetings, and to every one with no contact linked.
  return contacts.length === 0 || rng.chance(0.5)
    ? [{ type: "users", id: rng.pick(others).id }, ...contacts]
    : contacts;
}

function activityTitle(rng: Random, flag: ActivityFlag, position: number): string {
  if (position === AT.activity.nextDay) return "Arranque noturno do WMS (cutover)";
  if (position === AT.activity.allDay) return "Inventário anual no armazém";
  if (position === AT.activity.unlinked) return "Renovar certificado SSL do portal";
  if (position === AT.activity.several) return "Reunião conjunta de parceiros";
  return rng.pick(ACTIVITY_TITLES[flag]!);
}

export function activity(model: ConcordModel, index: number): Activity {
  const rng = model.random("activity", index);
  const position = inBlock(index, "activities");
  const flag = activityFlag(rng, position);
  const links = activityLinks(model, rng, index, position);
  const { due, end, allDay } = schedule(rng, flag, position, links.since);
  const finished = allDay ? end + 17 * HOUR : end;
  // Planned some days ahead, in office hours; logged after the fact when it came after what it is linked to.
  const planned = Math.min(officeTime(rng, due - rng.int(1, 10) * DAY, 0, 0), EXPORTED_AT - rng.int(1, 72) * HOUR);
  const created = Math.max(links.since + rng.int(1, 24) * HOUR, planned);
  return {
    ...links,
    id: index + 1,
    flag,
    title: activityTitle(rng, flag, position),
    description: rng.pick(ACTIVITY_DESCRIPTIONS),
    note: rng.chance(0.3) ? rng.pick(ACTIVITY_NOTES) : null,
    due,
    end,
    allDay,
    completedAt: finished <= EXPORTED_AT && rng.chance(0.9) ? finished : null,
    guests: guestsOf(rng, flag, position, links),
    created,
  };
}

export const SCRIPT_NOTE = '<p>Copiado do formulário do site:</p><script>alert("rumo")</script>';
export const ENTITIES_NOTE =
  "<p>Reunião com TI &amp; Operações: orçamento &gt; 25&nbsp;000&nbsp;&euro; &ndash; decisão em &quot;junho&quot;.</p>";

export function note(model: ConcordModel, index: number): Note {
  const rng = model.random("note", index);
  const position = inBlock(index, "notes");
  const links = linksInBlock(model, rng, "notes", index);
  const body =
    position === AT.note.script
      ? SCRIPT_NOTE
      : position === AT.note.entities
        ? ENTITIES_NOTE
        : rng.pick(NOTE_BODIES).replaceAll("{first}", links.first || "o cliente");
  const created = happenedAfter(rng, links.since, 30);
  const writers = usersOf(rng.chance(0.5) ? "PT" : "ES");
  return { ...links, id: index + 1, body, created, userId: rng.chance(0.7) ? links.userId : rng.pick(writers).id };
}
