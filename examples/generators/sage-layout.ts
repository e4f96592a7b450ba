// Where the records of a Sage CRM export sit. Records come in blocks (one block at scale 1; scale n writes n
// blocks), and within a block a record's relations are fixed by its position: person p works for company
// p mod 60 unless p is a private person, opportunity o is for company 7o mod 60, project j carries the j-th won
// opportunity, and so on. So a relation is computed from indices, in both directions, at any scale, with
// nothing kept in memory. The child rows (addresses, e-mail addresses, phone numbers and their links) exist
// by position too, so every block has exactly as many.
//
// The awkward cases are placed by hand at fixed positions of a block (`AT`), so every block has them and they
// exist at every scale; the README lists their ids in the first block.
import { blockPositions, isAt } from "./scale.js";

/** Records per table in a block, which is the whole export at scale 1. */
export const BASE_COUNTS = {
  companies: 60,
  persons: 120,
  leads: 40,
  opportunities: 60,
  cases: 30,
  communications: 150,
  library: 20,
  notes: 40,
  projects: 12,
} as const;

export type CountedKind = keyof typeof BASE_COUNTS;

export const AT = {
  company: {
    /** "Nordsø Vandteknik ApS", "Société Lyonnaise d’Analyse", "Müller & Söhne Labortechnik GmbH". */
    accented: [4, 11, 23],
    /** `The "Clean Water" Company Ltd`: quotes in a name. */
    quoted: 31,
    /** `Hartley, Shaw & Co. Ltd`: a comma in a name. */
    comma: 36,
    /** One firm entered twice: "Pennine Labs Ltd" and "PENNINE LABS LTD", same address. */
    duplicate: [14, 47],
    deleted: [17, 44],
    noPrimaryPerson: 52,
    noPhone: 28,
    /** Its primary person has no line of its own: the switchboard's Phone row is linked to both. */
    sharedPhone: 6,
  },
  person: {
    /** Søren Østergaard, Hélène Lefèvre, Jürgen Weiß, Siobhán Ní Bhriain: placed by hand. */
    accented: [4, 11, 23, 38],
    /** Last name "Null", which a reader taking `NULL` case-insensitively would lose. */
    nullName: 50,
    /** Małgorzata Kołodziej: `ł` is not in Windows-1252, so the export wrote `?`. */
    outsideCodePage: 62,
    /** O'Brien (a straight apostrophe) and D’Arcy (a curly one). */
    apostrophes: [15, 75],
    /** Deleted; 17 and 77 with their company. */
    deleted: [17, 33, 77],
    /** Live, but their company 44 is deleted. */
    ofDeletedCompany: [44, 104],
    noEmail: [8, 57],
    /** An old e-mail address whose link is deleted, beside the new one. */
    replacedEmail: 21,
  },
  lead: {
    /** Linked to a company and a person, and also spelling them out, differently. */
    linkedAndSpelled: 9,
    privatePerson: 20,
    deleted: [13, 29],
  },
  opportunity: {
    /** For a private person: no company. */
    personOnly: 26,
    noForecast: 33,
    deleted: [38, 57],
  },
  case: { deleted: [19] },
  communication: {
    /** One Comm_Link row naming a user, a person, a company and a lead at once. */
    allLinks: 11,
    /** A to-do linked to a user and nothing else. */
    userOnly: 4,
    /** 2023-10-29 01:30:00.000 twice: once in BST and once, an hour later, in GMT. */
    repeatedHour: [8, 9],
    /** 2024-03-31 00:30 GMT and, an hour later, 02:30 BST: the clock skipped 01:00-02:00. */
    skippedHour: [14, 16],
    deleted: [24, 68, 131],
    /** Linked to a deleted person. */
    deletedPerson: 18,
    /** A meeting that books the boardroom, a resource user. */
    resource: 27,
    /** HTML entities in the e-mail body. */
    entities: 36,
  },
  library: {
    /** In the folder `N\Nordsø Vandteknik ApS\`. */
    accentedFolder: 0,
    /** Every byte value, a data logger's dump attached to a case. */
    binary: 12,
    /** "Prüfprotokoll Müller & Söhne.pdf". */
    accentedName: 5,
    /** Deleted, and its file is not in Library/. */
    deletedMissing: 15,
  },
  note: { onDeletedCompany: 12, deleted: [27] },
  project: { deleted: [7] },
} as const;

export { isAt };
/** A record's block and position in it, and back (see scale.ts). */
export const { blockOf, inBlock, indexIn } = blockPositions<CountedKind>(BASE_COUNTS);

// ── Companies and persons ──────────────────────────────────────────────────────────────────────────────

/** Persons at positions 9, 25, 41, … of a block work for no company: private customers. */
export const isPrivatePerson = (person: number): boolean => person % 16 === 9;

/** The private persons of a block. */
export const PRIVATE_PERSONS: readonly number[] = Array.from({ length: BASE_COUNTS.persons }, (_, p) => p).filter(
  isPrivatePerson,
);

/** The company position a person works for, or undefined for a private person. */
export const employerOf = (person: number): number | undefined =>
  isPrivatePerson(person) ? undefined : person % BASE_COUNTS.companies;

/** The persons of a company, in order: one or two. */
export function staffOf(company: number): number[] {
  return [company, company + BASE_COUNTS.companies].filter((p) => !isPrivatePerson(p));
}

/** The company's main contact (Comp_PrimaryPersonId): its first person, but for one company. */
export const primaryPersonOf = (company: number): number | undefined =>
  company === AT.company.noPrimaryPerson ? undefined : staffOf(company)[0];

export const isDeletedCompany = (company: number): boolean => isAt(company, AT.company.deleted);

/** A person is deleted on their own, or with their company. */
export const isDeletedPerson = (person: number): boolean => isAt(person, AT.person.deleted);

/** The next live company from `company` on: business records are not made for a deleted one. */
export const liveCompany = (company: number): number =>
  isDeletedCompany(company) ? (company + 1) % BASE_COUNTS.companies : company;

// ── Child rows: addresses, e-mail addresses, phone numbers ───────────────────────────────────────────

/** Companies at positions 3, 8, 13, … have a billing address besides their business address. */
export const hasBillingAddress = (company: number): boolean => company % 5 === 3;

const BILLING: readonly number[] = Array.from({ length: BASE_COUNTS.companies }, (_, c) => c).filter(hasBillingAddress);

/** An address slot of a block: a company's business or billing address, or a private person's home. */
export type AddressSlot =
  { kind: "Business"; company: number } | { kind: "Billing"; company: number } | { kind: "Home"; person: number };

/** The address slots of a block, in id order: the business addresses, the billing ones, the homes. */
export const ADDRESS_SLOTS: readonly AddressSlot[] = [
  ...Array.from({ length: BASE_COUNTS.companies }, (_, company): AddressSlot => ({ kind: "Business", company })),
  ...BILLING.map((company): AddressSlot => ({ kind: "Billing", company })),
  ...PRIVATE_PERSONS.map((person): AddressSlot => ({ kind: "Home", person })),
];

/** The address slot of a company's business address, and of a private person's home. */
export const businessAddressSlot = (company: number): number => company;
export const homeAddressSlot = (person: number): number =>
  BASE_COUNTS.companies + BILLING.length + PRIVATE_PERSONS.indexOf(person);

/** Companies at positions 5, 11, 17, … have no general e-mail address. */
export const hasCompanyEmail = (company: number): boolean => company % 6 !== 5;

/** Persons at positions 3, 13, 23, … have a private address besides their business one. */
export const hasPrivateEmail = (person: number): boolean => person % 10 === 3;

export const hasPersonEmail = (person: number): boolean => !isAt(person, AT.person.noEmail);

export const hasCompanyPhone = (company: number): boolean => company !== AT.company.noPhone;

/** Companies at positions 1, 5, 9, … still list a fax number. */
export const hasFax = (company: number): boolean => company % 4 === 1 && hasCompanyPhone(company);

/** A direct line, but for every fifth person and the one who shares the switchboard. */
export const hasDirectLine = (person: number): boolean =>
  person % 5 !== 4 && person !== primaryPersonOf(AT.company.sharedPhone);

export const hasMobile = (person: number): boolean => person % 3 === 0;

// ── Business records ──────────────────────────────────────────────────────────────────────────────────

/** The status of opportunity position o: a cycle of ten, two of them won. */
const OPPORTUNITY_STATUS_CYCLE = [
  "In Progress",
  "Won",
  "In Progress",
  "Lost",
  "In Progress",
  "Won",
  "Abandoned",
  "In Progress",
  "Lost",
  "In Progress",
] as const;

export type OpportunityStatus = (typeof OPPORTUNITY_STATUS_CYCLE)[number];

export const opportunityStatusOf = (opportunity: number): OpportunityStatus =>
  OPPORTUNITY_STATUS_CYCLE[opportunity % OPPORTUNITY_STATUS_CYCLE.length]!;

/** The won opportunities of a block, in order: project j carries WON_OPPORTUNITIES[j]. */
export const WON_OPPORTUNITIES: readonly number[] = Array.from({ length: BASE_COUNTS.opportunities }, (_, o) => o)
  .filter((o) => opportunityStatusOf(o) === "Won")
  .slice(0, BASE_COUNTS.projects);

/** Leads converted into an opportunity: lead position → opportunity position. */
export const LEAD_OPPORTUNITIES: Readonly<Record<number, number>> = {
  0: 2,
  3: 9,
  6: 15,
  12: 21,
  18: 30,
  24: 35,
  27: 44,
  33: 51,
};

const OPPORTUNITY_LEADS: ReadonlyMap<number, number> = new Map(
  Object.entries(LEAD_OPPORTUNITIES).map(([lead, opportunity]) => [opportunity, Number(lead)]),
);

export const leadOfOpportunity = (opportunity: number): number | undefined => OPPORTUNITY_LEADS.get(opportunity);

/** The company an opportunity is for (none for the private person's): 7o mod 60, skipping deleted companies. */
export const opportunityCompanyOf = (opportunity: number): number | undefined =>
  opportunity === AT.opportunity.personOnly ? undefined : liveCompany((opportunity * 7) % BASE_COUNTS.companies);

/** The private person of the person-only opportunity. */
export const PERSON_ONLY_OPPORTUNITY_PERSON = PRIVATE_PERSONS[1]!;

/** Opportunities at positions 4, 13, 22, … name no person. */
export const opportunityHasPerson = (opportunity: number): boolean => opportunity % 9 !== 4;

/** Leads at positions 0, 3, 6, … were matched to a company and its person in Sage. */
export const isMatchedLead = (lead: number): boolean => lead % 3 === 0;

/** The company a matched lead is linked to: its opportunity's, or 11l + 5 mod 60. */
export function leadCompanyOf(lead: number): number {
  const opportunity = LEAD_OPPORTUNITIES[lead];
  if (opportunity !== undefined) return opportunityCompanyOf(opportunity)!;
  return liveCompany((lead * 11 + 5) % BASE_COUNTS.companies);
}

/** The company a case is for: 2k + 1 mod 60; cases at positions 2, 6, 10, … name no person. */
export const caseCompanyOf = (kase: number): number => liveCompany((kase * 2 + 1) % BASE_COUNTS.companies);
export const caseHasPerson = (kase: number): boolean => kase % 4 !== 2;

// ── Communications, files and notes ───────────────────────────────────────────────────────────────────

/** The next live opportunity or lead from a position on: what a communication is about is not deleted. */
const liveOpportunity = (opportunity: number): number =>
  isAt(opportunity, AT.opportunity.deleted) ? opportunity + 1 : opportunity;
const liveLead = (lead: number): number => (isAt(lead, AT.lead.deleted) ? lead + 1 : lead);

/** What a communication is about, by its position. */
export type CommunicationSubject =
  | { kind: "opportunity"; opportunity: number }
  | { kind: "case"; case: number }
  | { kind: "lead"; lead: number }
  | { kind: "person"; person: number }
  | { kind: "user" };

/** Communications at positions 2, 7, 12, … are meetings, with a second Comm_Link row (another attendee). */
export const isMeeting = (communication: number): boolean => communication % 5 === 2;

export function communicationSubjectOf(communication: number): CommunicationSubject {
  const k = communication;
  if (k === AT.communication.userOnly) return { kind: "user" };
  if (k === AT.communication.allLinks) return { kind: "lead", lead: 9 };
  if (k === AT.communication.deletedPerson) return { kind: "person", person: AT.person.deleted[1] };
  if (k % 5 === 0)
    return { kind: "opportunity", opportunity: liveOpportunity(((k / 5) * 2) % BASE_COUNTS.opportunities) };
  if (k % 10 === 3) return { kind: "case", case: ((k - 3) / 10) * 2 };
  if (k % 10 === 1) return { kind: "lead", lead: liveLead((((k - 1) / 10) * 3 + 1) % BASE_COUNTS.leads) };
  const person = (k * 7) % BASE_COUNTS.persons;
  return { kind: "person", person: isDeletedPerson(person) ? (person + 1) % BASE_COUNTS.persons : person };
}

/** Files attached to e-mails: library position → the e-mail's communication position. */
export const ATTACHMENT_EMAILS: Readonly<Record<number, number>> = { 3: 43, 8: 56, 13: 63, 18: 118 };

const EMAILS_WITH_ATTACHMENTS: ReadonlySet<number> = new Set(Object.values(ATTACHMENT_EMAILS));

export const hasAttachments = (communication: number): boolean => EMAILS_WITH_ATTACHMENTS.has(communication);

/** What a library file belongs to, by its position: a company, an opportunity, a case, an e-mail or a person. */
export type LibraryOwner = "company" | "opportunity" | "case" | "communication" | "person";

export const libraryOwnerOf = (file: number): LibraryOwner =>
  (["company", "opportunity", "case", "communication", "person"] as const)[file % 5]!;

/** The tables a note can be on, by Custom_Tables.Bord_Name: note n is on NOTE_TABLES[n mod 6]. */
export const NOTE_TABLES = ["Company", "Person", "Opportunity", "Lead", "Cases", "Project"] as const;
export type NoteTable = (typeof NOTE_TABLES)[number];
