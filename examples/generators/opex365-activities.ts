// E-mails, phone calls, tasks and appointments with their activity parties, each computed from
// (seed, table, index). An activity is "regarding" one record, and its parties name who took part in
// which role (participationtypemask): the sender and recipients of an e-mail, the organizer and attendees
// of an appointment, the caller and the called, and on every activity its owner.
import type { RecordRef } from "./opex365-odata.js";
import { SALES_USERS, SERVICE_USERS, USER, USERS } from "./opex365-org.js";
import {
  AT,
  CREATED_FROM,
  DAY,
  EXPORTED_AT,
  HOUR,
  MINUTE,
  emailLocalPart,
  refOfContact,
  refOfIncident,
  refOfLead,
  refOfOpportunity,
  workingTime,
  type Opex365Model,
} from "./opex365-model.js";
import {
  APPOINTMENT_TOPICS,
  CALL_TOPICS,
  INCOMING_EMAILS,
  OPPORTUNITY_TOPICS,
  OUTGOING_EMAILS,
  TASK_TOPICS,
  personName,
} from "./opex365-vocabulary.js";
import type { Random } from "./random.js";

export const PARTICIPATION = {
  sender: 1,
  to: 2,
  cc: 3,
  requiredAttendee: 5,
  optionalAttendee: 6,
  organizer: 7,
  owner: 9,
} as const;

export interface Party {
  mask: number;
  /** null for an e-mail address that matched no record (an "unresolved" recipient). */
  party: RecordRef | null;
  address: string | null;
  /** The party's record was deleted after the activity: the lookup still holds its GUID. */
  deleted: boolean;
}

/** The record an activity is about, and the people on both sides. */
export interface Regarding {
  ref: RecordRef | undefined;
  /** The customer-side person: a contact, a lead, an account, or only an address. */
  person: Party["party"];
  personAddress: string | null;
  personPhone: string | null;
  personFirstName: string;
  companyName: string;
  /** The customer's mail domain, for an address that matches no record. */
  domain: string | null;
  owner: number;
  notBefore: number;
}

export type ActivityTable = "email" | "phonecall" | "task" | "appointment";

export interface ActivityCommon {
  index: number;
  id: string;
  regarding: RecordRef | undefined;
  owner: number;
  parties: Party[];
}

export interface EmailRecord extends ActivityCommon {
  subject: string;
  body: string;
  outgoing: boolean;
  sender: string | null;
  to: string[];
  sentOn: number | undefined;
  createdAt: number;
  messageId: string | null;
  state: 0 | 1;
  status: number;
}

export interface PhoneCallRecord extends ActivityCommon {
  subject: string;
  description: string | null;
  phoneNumber: string | null;
  outgoing: boolean;
  duration: number | null;
  scheduledEnd: number;
  actualEnd: number | undefined;
  state: 0 | 1 | 2;
  status: number;
}

export interface TaskRecord extends ActivityCommon {
  subject: string;
  description: string | null;
  scheduledStart: number | undefined;
  scheduledEnd: number | undefined;
  priority: number;
  state: 0 | 1 | 2;
  status: number;
  percentComplete: number | null;
}

export interface AppointmentRecord extends ActivityCommon {
  subject: string;
  location: string | null;
  description: string | null;
  start: number;
  end: number;
  allDay: boolean;
  state: 0 | 1 | 2 | 3;
  status: number;
}

export function regardingOpportunity(model: Opex365Model, index: number, rng: Random): Regarding {
  const opportunity = model.opportunity(index);
  const customer = opportunity.customer;
  const contacts = customer.table === "contact" ? [customer.index] : model.contactsOf(customer.index);
  const person =
    contacts.length > 0 ? personOfContact(model, rng.pick(contacts)) : personOfAccount(model, customer.index);
  return { ...person, ref: refOfOpportunity(opportunity), owner: opportunity.owner, notBefore: opportunity.createdAt };
}

export function regardingContact(model: Opex365Model, index: number): Regarding {
  const person = personOfContact(model, index);
  return { ...person, ref: person.person ?? undefined };
}

function regardingAccount(model: Opex365Model, index: number, rng: Random): Regarding {
  const contacts = model.contactsOf(index);
  const person = contacts.length > 0 ? personOfContact(model, rng.pick(contacts)) : personOfAccount(model, index);
  return { ...person, ref: model.accountRef(index) };
}

function regardingLead(model: Opex365Model, index: number): Regarding {
  const lead = model.lead(index);
  const ref = refOfLead(lead);
  return {
    ref,
    person: ref,
    personAddress: lead.email,
    personPhone: lead.phone ?? lead.mobile,
    personFirstName: lead.name.first,
    companyName: lead.companyName,
    domain: lead.email?.split("@")[1] ?? null,
    owner: lead.owner,
    notBefore: lead.createdAt,
  };
}

function regardingIncident(model: Opex365Model, index: number): Regarding {
  const incident = model.incident(index);
  const person =
    incident.customer.table === "contact"
      ? personOfContact(model, incident.customer.index)
      : personOfAccount(model, incident.customer.index);
  return { ...person, ref: refOfIncident(incident), owner: incident.owner, notBefore: incident.createdAt };
}

function personOfContact(model: Opex365Model, index: number): Regarding {
  const contact = model.contact(index);
  const account = model.account(model.contactAccount(index));
  return {
    ref: undefined,
    person: refOfContact(contact),
    personAddress: contact.email,
    personPhone: contact.phone ?? contact.mobile,
    personFirstName: contact.firstname ?? contact.name.last,
    companyName: account.shortName,
    domain: account.domain,
    owner: contact.owner,
    notBefore: contact.createdAt,
  };
}

function personOfAccount(model: Opex365Model, index: number): Regarding {
  const account = model.account(index);
  return {
    ref: undefined,
    person: model.accountRef(index),
    personAddress: account.email,
    personPhone: account.phone,
    personFirstName: "Sir or Madam",
    companyName: account.shortName,
    domain: account.domain,
    owner: account.owner.kind === "user" ? account.owner.user : USER.salesDirector,
    notBefore: account.createdAt,
  };
}

/** What activity `index` is about, drawn from records created before it; `none` leaves it unlinked. */
export function drawRegarding(model: Opex365Model, table: ActivityTable, index: number, rng: Random): Regarding {
  const fraction = (index + 1) / model.counts[`${table}s`];
  const kind = rng.weighted<"opportunity" | "contact" | "account" | "lead" | "incident">([
    ["opportunity", 35],
    ["contact", 25],
    ["account", 15],
    ["lead", table === "appointment" ? 0 : 10],
    ["incident", table === "appointment" ? 5 : 15],
  ]);
  switch (kind) {
    case "opportunity":
      return regardingOpportunity(model, model.earlier(rng, fraction, model.counts.opportunities), rng);
    case "contact":
      return regardingContact(model, model.earlier(rng, fraction, model.counts.contacts));
    case "account":
      return regardingAccount(model, model.earlier(rng, fraction, model.counts.accounts), rng);
    case "lead":
      return regardingLead(model, model.earlier(rng, fraction, model.counts.leads));
    case "incident":
      return regardingIncident(model, model.earlier(rng, fraction, model.counts.incidents));
  }
}

/** When activity `index` happened: after what it is about, spread over the timeline, not after the export unless planned. */
export function activityTime(
  model: Opex365Model,
  table: ActivityTable,
  index: number,
  rng: Random,
  notBefore: number,
  planned: boolean,
): number {
  if (planned) return workingTime(rng, EXPORTED_AT + rng.int(1, 60) * DAY);
  const spread = CREATED_FROM + ((index + rng.float()) / model.counts[`${table}s`]) * (EXPORTED_AT - CREATED_FROM);
  const at = workingTime(rng, Math.max(spread, notBefore + rng.int(1, 72) * HOUR));
  return at < EXPORTED_AT - HOUR
    ? Math.max(at, notBefore + HOUR)
    : notBefore + Math.floor((EXPORTED_AT - HOUR - notBefore) * rng.float());
}

/** The owner of an activity done at `at`: the record's owner while he or she worked here, else a colleague of the same team. */
function activityOwner(model: Opex365Model, rng: Random, at: number, preferred: number): number {
  if (preferred === USER.kenji) return preferred;
  return model.owner(rng, at, SERVICE_USERS.includes(preferred) ? SERVICE_USERS : SALES_USERS, preferred);
}

function userParty(model: Opex365Model, user: number, mask: number, withAddress = true): Party {
  return { mask, party: model.userRef(user), address: withAddress ? USERS[user]!.email : null, deleted: false };
}

function personParty(regarding: Regarding, mask: number, withAddress = true): Party {
  return { mask, party: regarding.person, address: withAddress ? regarding.personAddress : null, deleted: false };
}

const fill = (template: string, regarding: Regarding, owner: number, topic: string) =>
  template
    .replaceAll("{first}", regarding.personFirstName)
    .replaceAll("{company}", regarding.companyName)
    .replaceAll("{topic}", topic)
    .replaceAll("{owner}", USERS[owner]!.fullname);

/** Thomas Brandt's e-mail, one week before he left. */
const LEAVER_EMAIL_AT = Date.UTC(2023, 8, 21, 9, 14, 7);

export function email(model: Opex365Model, index: number): EmailRecord {
  const rng = model.random("email", index);
  const at = AT.email;
  const regarding = emailRegarding(model, index, rng);
  const draft = index === at.draft || (index !== at.leaverSender && rng.chance(0.05));
  const alwaysOutgoing: readonly number[] = [at.leaverSender, at.html, at.japanese, at.unresolvedRecipient];
  const outgoing = index === at.cyrillic ? false : draft || alwaysOutgoing.includes(index) || rng.chance(0.7);
  const createdAt =
    index === at.leaverSender ? LEAVER_EMAIL_AT : activityTime(model, "email", index, rng, regarding.notBefore, false);
  const owner =
    index === at.leaverSender
      ? USER.leaver
      : index === at.japanese
        ? USER.kenji
        : activityOwner(model, rng, createdAt, regarding.owner);
  const topic = rng.pick(OPPORTUNITY_TOPICS);
  const [subject, body] = outgoing ? rng.pick(OUTGOING_EMAILS) : rng.pick(INCOMING_EMAILS);
  const parties = emailParties(model, rng, {
    outgoing,
    owner,
    regarding,
    unresolved: index === at.unresolvedRecipient,
  });
  const sentOn = draft ? undefined : createdAt + rng.int(0, 5) * MINUTE;
  const record: EmailRecord = {
    index,
    id: model.id("email", index),
    subject: fill(subject, regarding, owner, topic),
    body: fill(body, regarding, owner, topic),
    outgoing,
    sender: parties[0]!.address,
    to: parties.filter((p) => p.mask === PARTICIPATION.to).flatMap((p) => (p.address ? [p.address] : [])),
    sentOn,
    createdAt,
    messageId: sentOn === undefined ? null : messageId(rng, outgoing, regarding),
    state: draft ? 0 : 1,
    status: draft ? 1 : outgoing ? 3 : 4,
    regarding: index === at.noRegarding ? undefined : regarding.ref,
    owner,
    parties,
  };
  return specialEmail(record, regarding);
}

function emailRegarding(model: Opex365Model, index: number, rng: Random): Regarding {
  const at = AT.email;
  switch (index) {
    case at.regardingOpportunity:
      return regardingOpportunity(model, AT.opportunity.won, rng);
    case at.regardingContact:
      return regardingContact(model, AT.contact.greek);
    case at.japanese:
      return regardingContact(model, AT.contact.japanese);
    case at.cyrillic:
      return regardingIncident(model, AT.incident.cyrillic);
    case at.leaverSender:
      return regardingContact(model, 0);
  }
  return drawRegarding(model, "email", index, rng);
}

/**
 * The sender first, then the recipients and the owner. An address that matches no record, such as a
 * shared mailbox, stays an "unresolved" party: addressused without a party lookup.
 */
function emailParties(
  model: Opex365Model,
  rng: Random,
  e: { outgoing: boolean; owner: number; regarding: Regarding; unresolved: boolean },
): Party[] {
  const customer = (mask: number): Party =>
    e.unresolved || e.regarding.personAddress === null
      ? { mask, party: null, address: `einkauf@${e.regarding.domain ?? "example.com"}`, deleted: false }
      : personParty(e.regarding, mask);
  const parties = e.outgoing
    ? [userParty(model, e.owner, PARTICIPATION.sender), customer(PARTICIPATION.to)]
    : [customer(PARTICIPATION.sender), userParty(model, e.owner, PARTICIPATION.to)];
  if (e.outgoing && rng.chance(0.25))
    parties.push(userParty(model, e.owner === USER.salesDirector ? USER.jonas : USER.salesDirector, PARTICIPATION.cc));
  parties.push(userParty(model, e.owner, PARTICIPATION.owner, false));
  return parties;
}

function specialEmail(record: EmailRecord, regarding: Regarding): EmailRecord {
  const at = AT.email;
  switch (record.index) {
    case at.html:
      return Object.assign(record, {
        subject: `Angebot Nr. ${2024000 + record.index} – Kestrel Cloud`,
        body: outlookHtml(regarding.personFirstName, USERS[record.owner]!.fullname),
      });
    case at.japanese:
      return Object.assign(record, {
        subject: "お見積りの件（T-200 温度センサー）",
        body: `<p>${regarding.personFirstName}様</p><p>いつもお世話になっております。T-200 温度センサー40台のお見積りをお送りいたします。ご検討のほど、よろしくお願いいたします。</p><p>渡辺 健二</p>`,
      });
    case at.cyrillic:
      return Object.assign(record, {
        subject: "Сензорът не изпраща данни",
        body: `<p>Здравейте,</p><p>сензорът T-200 в склад 2 не изпраща данни след смяната на батерията. Моля, обадете ни се.</p><p>Поздрави,<br>${regarding.personFirstName}</p>`,
      });
  }
  return record;
}

/** An e-mail written in Outlook: a whole HTML document with a style block, a table and entities. */
function outlookHtml(first: string, owner: string): string {
  return (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>p{margin:0;font-family:"Segoe UI",sans-serif;font-size:11pt}' +
    "td{border:1px solid #ccc;padding:4px}</style></head><body>" +
    `<p>Guten Tag ${first},</p><p>&nbsp;</p><p>anbei unser Angebot &ndash; wie besprochen:</p>` +
    '<table cellspacing="0"><tr><td><b>Position</b></td><td><b>Menge</b></td><td><b>Preis</b></td></tr>' +
    "<tr><td>Kestrel Cloud Licence (annual)</td><td>40</td><td>3.960,00&nbsp;&euro;</td></tr>" +
    "<tr><td>Installation Flat Fee</td><td>1</td><td>650,00&nbsp;&euro;</td></tr></table>" +
    `<p>&nbsp;</p><p>Mit freundlichen Gr&uuml;&szlig;en<br>${owner}</p>` +
    '<p style="color:#888;font-size:8pt">Kestrel Instruments GmbH &middot; Leopoldstra&szlig;e 21 &middot; 80802 M&uuml;nchen</p></body></html>'
  );
}

/** Exchange Online's message ids for mail sent from Dataverse; the customer's mail server's for replies. */
function messageId(rng: Random, outgoing: boolean, regarding: Regarding): string {
  const token = (length: number) =>
    Array.from({ length }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[rng.int(0, 36)]).join("");
  if (outgoing)
    return `<DB9PR08MB${rng.digits(4)}${token(6)}${rng.digits(4)}@DB9PR08MB${rng.digits(4)}.eurprd08.prod.outlook.com>`;
  const domain = regarding.personAddress?.split("@")[1] ?? "example.com";
  return `<${token(12).toLowerCase()}.${rng.digits(6)}@${domain}>`;
}

export function phoneCall(model: Opex365Model, index: number): PhoneCallRecord {
  const rng = model.random("phonecall", index);
  const regarding = drawRegarding(model, "phonecall", index, rng);
  const open = rng.chance(0.15);
  const at = activityTime(model, "phonecall", index, rng, regarding.notBefore, open);
  const owner = activityOwner(model, rng, at, regarding.owner);
  const outgoing = rng.chance(0.7);
  const canceled = !open && rng.chance(0.08);
  const [subject, description] = rng.pick(CALL_TOPICS);
  const [from, to] = outgoing
    ? [userParty(model, owner, PARTICIPATION.sender, false), personParty(regarding, PARTICIPATION.to, false)]
    : [personParty(regarding, PARTICIPATION.sender, false), userParty(model, owner, PARTICIPATION.to, false)];
  return {
    index,
    id: model.id("phonecall", index),
    subject: `${subject} – ${regarding.companyName}`,
    description: open || canceled ? null : description,
    phoneNumber: regarding.personPhone,
    outgoing,
    duration: open || canceled ? null : rng.int(1, 45),
    scheduledEnd: at,
    actualEnd: open || canceled ? undefined : at + rng.int(1, 45) * MINUTE,
    state: open ? 0 : canceled ? 2 : 1,
    status: open ? 1 : canceled ? 3 : outgoing ? 2 : 4,
    regarding: regarding.ref,
    owner,
    parties: [from, to, userParty(model, owner, PARTICIPATION.owner, false)],
  };
}

export function task(model: Opex365Model, index: number): TaskRecord {
  const rng = model.random("task", index);
  const regarding = drawRegarding(model, "task", index, rng);
  const open = rng.chance(0.3);
  const at = activityTime(model, "task", index, rng, regarding.notBefore, open && rng.chance(0.6));
  const owner = activityOwner(model, rng, at, regarding.owner);
  const [subject, description] = rng.pick(TASK_TOPICS);
  const [state, status] = open
    ? rng.pick<readonly [0, number]>([
        [0, 2],
        [0, 3],
        [0, 4],
      ])
    : rng.chance(0.9)
      ? ([1, 5] as const)
      : ([2, 6] as const);
  return {
    index,
    id: model.id("task", index),
    subject,
    description: description || null,
    scheduledStart: rng.chance(0.5) ? at - rng.int(1, 5) * DAY : undefined,
    scheduledEnd: rng.chance(0.9) ? at : undefined,
    priority: rng.weighted([
      [0, 15],
      [1, 65],
      [2, 20],
    ]),
    state,
    status,
    percentComplete: state === 1 ? 100 : status === 3 ? rng.pick([25, 50, 75]) : rng.chance(0.5) ? 0 : null,
    regarding: regarding.ref,
    owner,
    parties: [userParty(model, owner, PARTICIPATION.owner, false)],
  };
}

export function appointment(model: Opex365Model, index: number): AppointmentRecord {
  const rng = model.random("appointment", index);
  const at = AT.appointment;
  const regarding =
    index === at.userAttendee
      ? regardingOpportunity(model, AT.opportunity.fromLead, rng)
      : index === at.greek
        ? regardingContact(model, AT.contact.greek)
        : drawRegarding(model, "appointment", index, rng);
  const planned = rng.chance(0.2);
  const allDay = index === at.allDay;
  const startAt = activityTime(model, "appointment", index, rng, regarding.notBefore, planned);
  const start = allDay ? Math.floor(startAt / DAY) * DAY : Math.floor(startAt / (30 * MINUTE)) * 30 * MINUTE;
  const owner = activityOwner(model, rng, start, regarding.owner);
  const [subject, location, description] = rng.pick(APPOINTMENT_TOPICS);
  const [state, status] = planned ? ([3, 5] as const) : rng.chance(0.88) ? ([1, 3] as const) : ([2, 4] as const);
  const record: AppointmentRecord = {
    index,
    id: model.id("appointment", index),
    subject: `${subject}: ${regarding.companyName}`,
    location: location === "On site" ? `${regarding.companyName}, on site` : location,
    description,
    start,
    end: allDay ? start + DAY : start + rng.pick([30, 60, 90, 120]) * MINUTE,
    allDay,
    state,
    status,
    regarding: regarding.ref,
    owner,
    parties: attendees(model, rng, regarding, owner, index),
  };
  if (index === at.greek)
    Object.assign(record, {
      subject: "Συνάντηση: επέκταση παρακολούθησης ψυχρής αλυσίδας",
      location: "Αθήνα, γραφεία πελάτη",
      description: "<p>Συζήτηση για 20 επιπλέον αισθητήρες T-210 στις αποθήκες.</p>",
    });
  if (allDay)
    Object.assign(record, { subject: `Training day: ${regarding.companyName}`, location: "Kestrel HQ, Munich" });
  return record;
}

function attendees(model: Opex365Model, rng: Random, regarding: Regarding, owner: number, index: number): Party[] {
  const at = AT.appointment;
  const parties: Party[] = [
    userParty(model, owner, PARTICIPATION.organizer),
    personParty(regarding, PARTICIPATION.requiredAttendee),
  ];
  if (index === at.userAttendee || rng.chance(0.2)) {
    const colleague = owner === USER.salesDirector ? USER.supportEngineer : USER.salesDirector;
    parties.push(userParty(model, colleague, PARTICIPATION.requiredAttendee));
  }
  if (index === at.deletedContact) {
    // The contact was deleted after the meeting: the party keeps its GUID and the address it was invited with.
    const name = personName(rng, "de");
    parties.push({
      mask: PARTICIPATION.requiredAttendee,
      party: { id: model.missingId("contact"), table: "contact", name: null },
      address: `${emailLocalPart(name)}@${regarding.domain ?? "example.com"}`,
      deleted: true,
    });
  }
  if (rng.chance(0.3)) parties.push(userParty(model, USER.marketing, PARTICIPATION.optionalAttendee));
  parties.push(userParty(model, owner, PARTICIPATION.owner, false));
  return parties;
}
