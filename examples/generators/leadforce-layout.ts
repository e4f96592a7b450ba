// Where the records of a Leadforce export sit. Records come in blocks (one block at scale 1; scale n writes
// n blocks), and within a block a record's role is fixed by its position: deal d came from lead
// DEAL_LEADS[d] of the same block, proposal p is for deal PROPOSAL_DEALS[p], and so on. So a relation is
// computed from indices, in both directions, at any scale, with nothing kept in memory.
//
// The awkward cases are placed by hand at fixed indices of the first block (`AT`), so they exist at every
// scale; at those positions later blocks hold ordinary records.

/** Records per file in a block, which is the whole export at scale 1. */
export const BASE_COUNTS = {
  leads: 40,
  deals: 36,
  activities: 40,
  notes: 30,
  files: 12,
  proposals: 15,
  invoices: 15,
} as const;

export type CountedKind = keyof typeof BASE_COUNTS;

export const AT = {
  lead: {
    newWithValue: 1,
    assignedOtherCase: 2,
    /** The same company three ways: `Acme Technologies`, `ACME Technologies Pvt. Ltd.`, `acme technologies`, `Acme Technologies`. */
    acme: [3, 11, 26, 34],
    hotEnterprise: 4,
    nonAsciiName: 5,
    /** Two leads of a company without a website, named identically. */
    noWebsite: [6, 19],
    assignedInactive: [7, 27],
    privatePerson: 8,
    lost: [9, 22, 31],
    quotedPosition: 12,
    qualifiedWithoutValue: 14,
    assignedUnknown: 15,
    hyphenatedName: 16,
    tagsOtherCase: [18, 29],
    multilineAddress: 20,
    afterMidnight: 24,
    leapDay: 28,
    unassigned: 36,
    junk: 37,
    noEmail: 39,
  },
  deal: {
    inactiveOwner: 7,
    deletedOwner: 11,
    noOwner: 14,
    /** Lead-less deals naming a lead's company and contact, with that lead's spelling. */
    acmeOtherSpelling: 6,
    noWebsiteCompany: 10,
    /** Names Acme (as lead 26 spells it) and a contact e-mail no lead has. */
    unknownContact: 15,
  },
  activity: { multilineDescription: 4, semicolonDescription: 9, orphan: 13 },
  note: { script: 6 },
  file: { nonAsciiName: 1 },
  proposal: { repeatedSku: 3, declinedThenAccepted: [0, 14] },
  invoice: { acmeOtherSpelling: 9 },
} as const;

/** Lead indices of a block whose lead is abroad (and quotes in USD): the UAE, Singapore, the UAE. */
export const FOREIGN_LEADS: readonly number[] = [10, 21, 33];

/** Lead ids skip this one: the lead was deleted in Leadforce, and an activity still points at it. */
export const DELETED_LEAD_ID = 21;

/** For each deal of a block that came from a lead, that lead's index in the block: about half the deals. */
export const DEAL_LEADS: Readonly<Record<number, number>> = {
  0: 0,
  1: 3,
  4: 2,
  5: 4,
  8: 7,
  9: 10,
  12: 13,
  13: 17,
  16: 18,
  17: 20,
  20: 23,
  21: 25,
  24: 27,
  25: 29,
  28: 30,
  29: 33,
  32: 35,
  33: 38,
};

/** Lead-less deals of the first block whose company is fixed: deal index → the lead whose spelling it uses. */
export const FIXED_COMPANY_LEADS: Readonly<Record<number, number>> = {
  [AT.deal.acmeOtherSpelling]: 11,
  [AT.deal.noWebsiteCompany]: 6,
  [AT.deal.unknownContact]: 26,
};

/** Leads a lead-less deal may name: not the private person, the junk lead, or the lead without an e-mail. */
export const COMPANY_LEADS: readonly number[] = Array.from({ length: BASE_COUNTS.leads }, (_, l) => l).filter(
  (l) => l !== AT.lead.privatePerson && l !== AT.lead.junk && l !== AT.lead.noEmail,
);

/** The deal of each proposal of a block: open or won deals; deal 1 gets a declined and then an accepted one. */
export const PROPOSAL_DEALS: readonly number[] = [1, 0, 5, 2, 9, 4, 13, 6, 17, 8, 21, 12, 25, 16, 1];

/** Lines per proposal of a block (35 in all). */
export const PROPOSAL_LINES: readonly number[] = [2, 3, 1, 4, 2, 3, 2, 1, 3, 4, 2, 2, 3, 1, 2];

/** The won deals of a block, which invoices are for: invoice v bills WON_DEALS[v mod 9]. */
export const WON_DEALS: readonly number[] = [1, 5, 9, 13, 17, 21, 25, 29, 33];

/** Lines per invoice of a block (30 in all). */
export const INVOICE_LINES: readonly number[] = [2, 1, 3, 2, 2, 1, 3, 2, 1, 2, 3, 2, 1, 2, 3];

export { isAt } from "./scale.js";

export const blockOf = (index: number, size: number): number => Math.floor(index / size);
