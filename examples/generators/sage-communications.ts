// Communications of a Sage CRM export, and what hangs off records: the Comm_Link rows that tie a
// communication to its user, person, company and lead (one row can name all four; a meeting has a row per
// attendee), the Library's files (with the files themselves under Library/), and Notes, which name their
// record by Custom_Tables.Bord_TableId and id. Each comes after the record it belongs to.
import { RESOURCE_USER, USERS, tableId, userById, type User } from "./sage-account.js";
import { tinyPdf, tinyPng } from "./export-files.js";
import { DAY, MINUTE, encodeWindows1252, london } from "./sage-format.js";
import {
  AT,
  ATTACHMENT_EMAILS,
  BASE_COUNTS,
  NOTE_TABLES,
  PRIVATE_PERSONS,
  WON_OPPORTUNITIES,
  blockOf,
  communicationSubjectOf,
  hasAttachments,
  inBlock,
  indexIn,
  isAt,
  isDeletedCompany,
  isDeletedPerson,
  isMeeting,
  libraryOwnerOf,
  type NoteTable,
} from "./sage-layout.js";
import { EXPORTED_AT, auditOf, happenedAfter, officeTime, type Audit, type SageModel } from "./sage-model.js";
import type { Random } from "./random.js";
import {
  COMMUNICATION_NOTES,
  COMMUNICATION_SUBJECTS,
  FILE_TEXTS,
  MEETING_LOCATIONS,
  NOTE_BODIES,
} from "./sage-vocabulary.js";

export type CommAction = "PhoneOut" | "PhoneIn" | "EmailOut" | "EmailIn" | "Meeting" | "Note" | "ToDo";

/** One row of Comm_Link: any of a user, a person, a company and a lead. */
export interface CommLink {
  userId: number | undefined;
  personId: number | undefined;
  companyId: number | undefined;
  leadId: number | undefined;
}

export interface Communication {
  index: number;
  id: number;
  type: "Task" | "Appointment";
  action: CommAction;
  status: string;
  priority: string;
  start: number;
  end: number | undefined;
  isPrivate: boolean;
  subject: string;
  note: string | null;
  email: string | null;
  from: string | null;
  to: string | null;
  location: string | null;
  opportunityId: number | undefined;
  caseId: number | undefined;
  hasAttachments: boolean;
  links: CommLink[];
  audit: Audit;
}

/** Who and what a communication is about, before it is written: its first link, when that began, the addresses. */
interface Party {
  link: CommLink;
  since: number;
  user: User;
  /** The person's name to greet and their address; a lead's as the lead spells it. */
  first: string;
  name: string;
  address: string | null;
  opportunityId?: number;
  caseId?: number;
}

const PERSON_LESS: Pick<Party, "first" | "name" | "address"> = { first: "", name: "", address: null };

function partyOf(model: SageModel, index: number): Party {
  const subject = communicationSubjectOf(inBlock(index, "communications"));
  const sameBlock = (kind: "persons" | "leads" | "opportunities" | "cases", position: number) =>
    model.sameBlock("communications", index, kind, position);
  const personParty = (personId: number | undefined): Pick<Party, "first" | "name" | "address"> => {
    if (personId === undefined) return PERSON_LESS;
    const person = model.person(personId - 1);
    return { first: person.first, name: `${person.first} ${person.last}`, address: person.email ?? null };
  };
  switch (subject.kind) {
    case "opportunity": {
      const o = model.opportunity(sameBlock("opportunities", subject.opportunity));
      const link = { userId: o.assignedUserId, personId: o.personId, companyId: o.companyId, leadId: undefined };
      return {
        link,
        since: o.opened,
        user: userById(o.assignedUserId),
        ...personParty(o.personId),
        opportunityId: o.id,
      };
    }
    case "case": {
      const k = model.caseRecord(sameBlock("cases", subject.case));
      const link = { userId: k.assignedUserId, personId: k.personId, companyId: k.companyId, leadId: undefined };
      return { link, since: k.opened, user: userById(k.assignedUserId), ...personParty(k.personId), caseId: k.id };
    }
    case "lead": {
      const lead = model.lead(sameBlock("leads", subject.lead));
      const link = { userId: lead.assignedUserId, personId: lead.personId, companyId: lead.companyId, leadId: lead.id };
      const name = `${lead.personFirst} ${lead.personLast}`;
      return {
        link,
        since: lead.audit.created,
        user: userById(lead.assignedUserId),
        first: lead.personFirst,
        name,
        address: lead.personEmail,
      };
    }
    case "person": {
      const person = model.person(sameBlock("persons", subject.person));
      const link = {
        userId: person.primaryUserId,
        personId: person.id,
        companyId: person.companyId,
        leadId: undefined,
      };
      return { link, since: person.audit.created, user: userById(person.primaryUserId), ...personParty(person.id) };
    }
    case "user": {
      const user = userById(2);
      const link = { userId: user.id, personId: undefined, companyId: undefined, leadId: undefined };
      return { link, since: london(2024, 4, 22, 9), user, ...PERSON_LESS };
    }
  }
}

function actionOf(rng: Random, position: number, party: Party): CommAction {
  if (isMeeting(position)) return "Meeting";
  if (hasAttachments(position)) return "EmailIn";
  if (position === AT.communication.entities) return "EmailOut";
  if (position === AT.communication.userOnly) return "ToDo";
  return rng.weighted<CommAction>([
    ["PhoneOut", 3],
    ["PhoneIn", 2],
    ["EmailOut", party.address ? 3 : 0],
    ["EmailIn", party.address ? 2 : 0],
    ["Note", 1],
    ["ToDo", 2],
  ]);
}

/** When it happens: placed by hand for the clock-change cases, otherwise after what it is about. */
function startOf(rng: Random, position: number, action: CommAction, since: number): number {
  const { repeatedHour, skippedHour } = AT.communication;
  // 01:30 BST, then 01:30 GMT an hour later: the clocks went back at 02:00 BST on 29 October 2023.
  if (isAt(position, repeatedHour)) return Date.UTC(2023, 9, 29, position === repeatedHour[0] ? 0 : 1, 30);
  // 00:30 GMT, then 02:30 BST an hour later: on 31 March 2024 the clocks skipped from 01:00 to 02:00.
  if (isAt(position, skippedHour)) return Date.UTC(2024, 2, 31, position === skippedHour[0] ? 0 : 1, 30);
  // Calls, meetings and to-dos may be planned after the export; what was received or written has happened.
  const planned = action === "PhoneOut" || action === "Meeting" || action === "ToDo";
  const at = officeTime(rng, since + rng.int(1, 420) * DAY);
  return planned || at < EXPORTED_AT ? at : happenedAfter(rng, since, 30);
}

/** A second attendee of a meeting: a colleague, or the boardroom it books. */
function attendee(rng: Random, position: number, organiser: User): CommLink {
  const colleague =
    position === AT.communication.resource
      ? RESOURCE_USER
      : rng.pick(USERS.filter((u) => u.id !== organiser.id && !u.resource && !u.disabled && u.id !== 1));
  return { userId: colleague.id, personId: undefined, companyId: undefined, leadId: undefined };
}

function emailBody(position: number, party: Party, user: User, inbound: boolean, line: string): string {
  const greeting = inbound ? (user.first ?? "team") : party.first || "all";
  const signature = inbound
    ? party.name || "Accounts"
    : `${user.first} ${user.last}<br>Calder &amp; Finch Instruments Ltd`;
  const body =
    position === AT.communication.entities
      ? "Please find our quotation for the pH meters &amp; buffers: &pound;4,250 (&#8364;4.970) &lt;excl. VAT&gt;."
      : line;
  return `<html><body><p>Dear ${greeting},</p>\n<p>${body}</p>\n<p>Kind regards,<br>${signature}</p></body></html>`;
}

export function communication(model: SageModel, index: number): Communication {
  const rng = model.random("communication", index);
  const position = inBlock(index, "communications");
  const party = partyOf(model, index);
  const action = actionOf(rng, position, party);
  const start = startOf(rng, position, action, party.since);
  const future = start > EXPORTED_AT;
  const user = party.user;
  const email = action === "EmailOut" || action === "EmailIn";
  const inbound = action === "EmailIn";
  const userAddress = user.email ?? "crm.admin@calder-finch.example";
  const line = rng.pick(COMMUNICATION_NOTES);
  const status = future
    ? "Pending"
    : action === "ToDo"
      ? rng.pick(["Complete", "Complete", "Pending", "InProgress"])
      : action === "Meeting" && rng.chance(0.1)
        ? "Cancelled"
        : "Complete";
  const links = isMeeting(position) ? [party.link, attendee(rng, position, user)] : [party.link];
  const created = future || action === "ToDo" ? Math.min(start, EXPORTED_AT) - rng.int(1, 20) * DAY : start;
  return {
    index,
    id: index + 1,
    type: action === "Meeting" ? "Appointment" : "Task",
    action,
    status,
    priority: rng.weighted([
      ["Normal", 7],
      ["High", 2],
      ["Low", 1],
    ] as const),
    start,
    end:
      action === "Meeting"
        ? start + rng.pick([60, 90, 120]) * MINUTE
        : action === "PhoneOut" || action === "PhoneIn"
          ? start + rng.int(3, 40) * MINUTE
          : undefined,
    isPrivate: (action === "Note" || action === "PhoneIn") && rng.chance(0.2),
    subject: rng.pick(COMMUNICATION_SUBJECTS[action]!),
    note: email ? null : line,
    email: email ? emailBody(position, party, user, inbound, line) : null,
    from: email ? (inbound ? party.address : userAddress) : null,
    to: email ? (inbound ? userAddress : party.address) : null,
    location:
      action === "Meeting"
        ? position === AT.communication.resource
          ? "Boardroom"
          : rng.pick(MEETING_LOCATIONS)
        : null,
    opportunityId: party.opportunityId,
    caseId: party.caseId,
    hasAttachments: hasAttachments(position),
    links,
    audit: auditOf(rng, Math.max(created, party.since), user.id, isAt(position, AT.communication.deleted)),
  };
}

// ── Library ──────────────────────────────────────────────────────────────────────────────────────────

export interface LibraryFile {
  index: number;
  id: number;
  companyId: number | undefined;
  personId: number | undefined;
  opportunityId: number | undefined;
  caseId: number | undefined;
  communicationId: number | undefined;
  fileName: string;
  /** Relative to the Library folder, `\`-separated, with a trailing `\`, as Sage stores it. */
  filePath: string;
  type: string;
  note: string | null;
  /** Not in Library/: the row is deleted and its file gone. */
  missing: boolean;
  content: Buffer;
  audit: Audit;
}

/** The companies of a block whose own files are in the Library, for files 0, 5, 10, 15. */
const LIBRARY_COMPANIES: readonly number[] = [4, 23, 36, 40];

/** A Library folder name: Windows refuses `\ / : * ? " < > |` in a name; Sage writes `_` for them. */
const folderName = (name: string) => name.replace(/[\\/:*?"<>|]/g, "_");

/** `N\Nordsø Vandteknik ApS\`: the first letter, then the record's own folder. */
const libraryFolder = (name: string) => `${folderName(name).charAt(0).toUpperCase()}\\${folderName(name)}\\`;

/** Every byte value once: a data logger's binary dump. */
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, k) => (k * 7 + 3) % 256));

export function libraryFile(model: SageModel, index: number): LibraryFile {
  const rng = model.random("library", index);
  const position = inBlock(index, "library");
  const block = blockOf(index, "library");
  const at = (kind: "companies" | "persons" | "opportunities" | "cases" | "communications", p: number) =>
    indexIn(block, kind, p);
  const owner = libraryOwnerOf(position);
  const round = Math.floor(position / 5);
  const base = {
    index,
    id: index + 1,
    companyId: undefined as number | undefined,
    personId: undefined as number | undefined,
    opportunityId: undefined as number | undefined,
    caseId: undefined as number | undefined,
    communicationId: undefined as number | undefined,
    missing: position === AT.library.deletedMissing,
  };
  const finish = (
    folder: string,
    fileName: string,
    type: string,
    content: Buffer,
    since: number,
    by: number,
    ids: Partial<typeof base>,
  ): LibraryFile => ({
    ...base,
    ...ids,
    fileName,
    filePath: libraryFolder(folder),
    type,
    note: rng.chance(0.5) ? null : rng.pick(["Signed copy", "As sent to the customer", "Scanned on receipt"]),
    content,
    audit: auditOf(rng, happenedAfter(rng, since, 60), by, isAt(position, AT.library.deletedMissing)),
  });
  switch (owner) {
    case "company": {
      const company = model.company(at("companies", LIBRARY_COMPANIES[round]!));
      const name =
        position === AT.library.accentedName
          ? `Prüfprotokoll ${company.entry.short}.pdf`
          : `Calibration certificate ${rng.int(2019, 2024)}.pdf`;
      const pdf = tinyPdf([name.replace(/\.pdf$/, ""), company.name, "Calder & Finch Instruments Ltd, Leeds"]);
      return finish(company.name, name, "Certificate", pdf, company.audit.created, company.primaryUserId, {
        companyId: company.id,
      });
    }
    case "opportunity": {
      const o = model.opportunity(at("opportunities", WON_OPPORTUNITIES[round * 3]!));
      const company = o.companyId === undefined ? undefined : model.company(o.companyId - 1);
      const name = `Quotation Q-${new Date(o.opened).getUTCFullYear()}-${String(o.id).padStart(4, "0")}.pdf`;
      const pdf = tinyPdf([name.replace(/\.pdf$/, ""), o.description, "Valid for 60 days"]);
      return finish(company?.name ?? o.description, name, "Quote", pdf, o.opened, o.assignedUserId, {
        opportunityId: o.id,
        companyId: o.companyId,
        personId: o.personId,
      });
    }
    case "case": {
      const k = model.caseRecord(at("cases", round * 7 + 1));
      const company = model.company(k.companyId - 1);
      const [name, type, content] =
        position === AT.library.binary
          ? (["logger-export.dat", "Data", ALL_BYTES] as const)
          : ([
              "fault photo.png",
              "Image",
              tinyPng(16, 10, (x, y) => [(x * 16 + k.id) % 256, (y * 25) % 256, 120]),
            ] as const);
      return finish(company.name, name, type, content, k.opened, k.assignedUserId, {
        caseId: k.id,
        companyId: k.companyId,
        personId: k.personId,
      });
    }
    case "communication": {
      const comm = communication(model, at("communications", ATTACHMENT_EMAILS[position]!));
      const [link] = comm.links;
      const company = link!.companyId === undefined ? undefined : model.company(link!.companyId - 1);
      const name = rng.chance(0.5) ? `PO ${rng.int(4500100, 4509999)}.pdf` : "site photo.png";
      const content = name.endsWith(".pdf")
        ? tinyPdf(["Purchase order", company?.name ?? "", `Ref. ${comm.subject}`])
        : tinyPng(12, 12, (x, y) => [200, (x * 20) % 256, (y * 20) % 256]);
      return finish(
        company?.name ?? comm.subject,
        name,
        name.endsWith(".pdf") ? "Document" : "Image",
        content,
        comm.start,
        link!.userId!,
        {
          communicationId: comm.id,
          companyId: link!.companyId,
          personId: link!.personId,
        },
      );
    }
    case "person": {
      const person = model.person(at("persons", PRIVATE_PERSONS[round]!));
      const text = encodeWindows1252(rng.pick(FILE_TEXTS));
      return finish(
        `${person.last} ${person.first}`,
        "Site survey notes.txt",
        "Document",
        text,
        person.audit.created,
        person.primaryUserId,
        {
          personId: person.id,
        },
      );
    }
  }
}

/** Where a library file sits in the export: under Library/, its path with `/`. */
export const libraryDiskPath = (file: LibraryFile): string =>
  `Library/${file.filePath.replaceAll("\\", "/")}${file.fileName}`;

// ── Notes ────────────────────────────────────────────────────────────────────────────────────────────

export interface Note {
  index: number;
  id: number;
  table: NoteTable;
  foreignTableId: number;
  foreignId: number;
  body: string;
  audit: Audit;
}

/** The record note n is on, as its table's index, and when that record began. */
function noteRecord(model: SageModel, index: number, table: NoteTable): { id: number; since: number; owner: number } {
  const position = inBlock(index, "notes");
  const block = blockOf(index, "notes");
  switch (table) {
    case "Company": {
      const c = position === AT.note.onDeletedCompany ? AT.company.deleted[0] : (position * 7) % BASE_COUNTS.companies;
      const company = model.company(
        indexIn(block, "companies", isDeletedCompany(c) && position !== AT.note.onDeletedCompany ? c + 1 : c),
      );
      return { id: company.id, since: company.audit.created, owner: company.primaryUserId };
    }
    case "Person": {
      const p = (position * 5 + 2) % BASE_COUNTS.persons;
      const person = model.person(indexIn(block, "persons", isDeletedPerson(p) ? p + 1 : p));
      return { id: person.id, since: person.audit.created, owner: person.primaryUserId };
    }
    case "Opportunity": {
      const o = model.opportunity(indexIn(block, "opportunities", (position * 3) % BASE_COUNTS.opportunities));
      return { id: o.id, since: o.opened, owner: o.assignedUserId };
    }
    case "Lead": {
      const l = position % BASE_COUNTS.leads;
      const lead = model.lead(indexIn(block, "leads", isAt(l, AT.lead.deleted) ? l + 1 : l));
      return { id: lead.id, since: lead.audit.created, owner: lead.assignedUserId };
    }
    case "Cases": {
      const k = model.caseRecord(indexIn(block, "cases", position % BASE_COUNTS.cases));
      return { id: k.id, since: k.opened, owner: k.assignedUserId };
    }
    case "Project": {
      const j = position % BASE_COUNTS.projects;
      const project = model.project(indexIn(block, "projects", isAt(j, AT.project.deleted) ? j + 1 : j));
      return { id: project.id, since: project.audit.created, owner: project.userId };
    }
  }
}

export function note(model: SageModel, index: number): Note {
  const rng = model.random("note", index);
  const position = inBlock(index, "notes");
  const table = NOTE_TABLES[position % NOTE_TABLES.length]!;
  const record = noteRecord(model, index, table);
  return {
    index,
    id: index + 1,
    table,
    foreignTableId: tableId(table),
    foreignId: record.id,
    body: rng.chance(0.25) ? `${rng.pick(NOTE_BODIES)}\n${rng.pick(NOTE_BODIES)}` : rng.pick(NOTE_BODIES),
    audit: auditOf(rng, happenedAfter(rng, record.since, 200), record.owner, isAt(position, AT.note.deleted)),
  };
}
