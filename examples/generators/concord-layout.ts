// Where the records of a Concord export sit. Records come in blocks (one block at scale 1; scale n writes n
// blocks), and within a block a record's relations are fixed by its position: contact k works for company
// k mod 40 unless it is a standalone person, deal d is for company d (or 7d mod 40 past the 40th), and so on. So
// a relation is computed from indices, in both directions, at any scale, with nothing kept in memory.
//
// The awkward cases are placed by hand at fixed positions of a block (`AT`), so every block has them and they
// exist at every scale; the README lists their ids in the first block.
import { blockPositions, isAt } from "./scale.js";

/** Records per resource in a block, which is the whole export at scale 1. */
export const BASE_COUNTS = {
  companies: 40,
  contacts: 130,
  deals: 45,
  activities: 130,
  notes: 40,
  emails: 30,
  media: 15,
} as const;

export type CountedKind = keyof typeof BASE_COUNTS;

export const AT = {
  company: {
    /** Names with accents and an ampersand: "Transportes Conceição & Filhos, Lda.", "Logística Ibáñez, S.A.". */
    accented: [0, 29],
    noPhones: 9,
  },
  contact: {
    /** Works for two companies; the first listed is the employer. */
    twoCompanies: [4, 57],
    /** No e-mail: an employee, and a standalone person (only a phone). */
    noEmail: [11, 123],
    /** "Maria da Conceição Magalhães" and "Íñigo Ibáñez Peña", placed by hand. */
    accented: [1, 29],
  },
  deal: {
    won: 1,
    lost: 3,
    /** Stage Negotiation, in Direct Sales and in Partners Iberia. */
    sharedStage: [4, 5],
    /** A product line whose unit_price is below the product's. */
    priceDiffers: 6,
    /** A company, no contact. */
    companyOnly: [8, 23],
    /** A standalone contact, no company. */
    personOnly: 17,
    /** No contact and no company. */
    noParties: 30,
  },
  activity: {
    several: 2,
    mixedGuests: 3,
    unlinked: 7,
    allDay: 12,
    nextDay: 15,
  },
  note: { script: 5, entities: 9 },
  email: { unknownSender: 4, unknownRecipient: 7, entities: 10 },
  media: { nonAsciiName: 1 },
} as const;

export { isAt };
/** A record's block and position in it, and back (see scale.ts). */
export const { blockOf, inBlock, indexIn } = blockPositions<CountedKind>(BASE_COUNTS);

/** Contacts at positions 6, 19, 32, … of a block work for no company (`companies: []`). */
export const isStandalone = (contactPosition: number): boolean => contactPosition % 13 === 6;

/** The company position a contact position works for (its first company), or undefined for a standalone person. */
export function employerOf(contactPosition: number): number | undefined {
  return isStandalone(contactPosition) ? undefined : contactPosition % BASE_COUNTS.companies;
}

/** The contact positions of a block that work for company position `company`, in order: two to four. */
export function staffOf(company: number): number[] {
  const staff: number[] = [];
  for (let k = company; k < BASE_COUNTS.contacts; k += BASE_COUNTS.companies) if (!isStandalone(k)) staff.push(k);
  return staff;
}

/** The standalone contact positions of a block. */
export const STANDALONE: readonly number[] = Array.from({ length: BASE_COUNTS.contacts }, (_, k) => k).filter(
  isStandalone,
);

/** The company position a deal position is for: deal d for company d, the five past the 40th for 7d mod 40. */
export const dealCompanyOf = (dealPosition: number): number =>
  dealPosition < BASE_COUNTS.companies ? dealPosition : (dealPosition * 7) % BASE_COUNTS.companies;

/** Whether a contact position has an e-mail address. */
export const hasEmail = (contactPosition: number): boolean => !isAt(contactPosition, AT.contact.noEmail);
