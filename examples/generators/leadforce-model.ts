// The leads and deals of a Leadforce export, each computed on its own from (seed, kind, index), with the
// relations between them laid out by position (leadforce-layout.ts). Nothing is kept between records: a
// deal that needs its lead recomputes it.
import {
  ACTIVE_STAFF,
  COMPETITORS,
  DELETED_STAFF,
  INACTIVE_STAFF,
  OPEN_STAGES,
  PRODUCTS_OF_INTEREST,
  fullName,
  staffEmail,
  type DealStatus,
  type Pipeline,
} from "./leadforce-account.js";
import { DAY, ist, istDayStart } from "./leadforce-format.js";
import {
  AT,
  BASE_COUNTS,
  COMPANY_LEADS,
  DEAL_LEADS,
  DELETED_LEAD_ID,
  FIXED_COMPANY_LEADS,
  blockOf,
  isAt,
  type CountedKind,
} from "./leadforce-layout.js";
import { leadIdentity, type LeadIdentity } from "./leadforce-people.js";
import { DEAL_TOPICS, LEAD_SOURCES, TAGS } from "./leadforce-vocabulary.js";
import type { Random } from "./random.js";
import { ScaledModel } from "./scale.js";

/** When the export was taken: 01-05-2024 10:00 in Kolkata. */
export const EXPORTED_AT = ist(2024, 5, 1, 10, 0);
const CREATED_FROM = ist(2023, 10, 2);
const CREATED_UNTIL = ist(2024, 4, 28);

const LEAD_DEALS: ReadonlyMap<number, number> = new Map(Object.entries(DEAL_LEADS).map(([d, l]) => [l, Number(d)]));

/** The status cycle of a block's deals: deal d is STATUS_CYCLE[d mod 8]; every third deal is a channel deal. */
const STATUS_CYCLE: readonly DealStatus[] = ["open", "won", "open", "lost", "open", "won", "open", "open"];

const LEAD_STATUS_OF_STAGE: Readonly<Record<string, string>> = {
  Qualification: "Qualified",
  Proposal: "Proposal Sent",
  Negotiation: "Negotiation",
  Won: "Customer",
};

export interface Lead extends LeadIdentity {
  index: number;
  id: number;
  /** Lead Value in paise; undefined for an empty cell. */
  value: number | undefined;
  currency: "INR" | "USD";
  status: string;
  source: string;
  assigned: string;
  tags: string;
  created: number;
  lastContact: number | undefined;
  lost: boolean;
  junk: boolean;
  budget: number | undefined;
  products: string[];
  newsletter: boolean;
  nextReview: number | undefined;
  referralCode: string;
}

export interface Deal {
  index: number;
  id: number;
  name: string;
  pipeline: Pipeline;
  stage: string;
  value: number;
  currency: "INR" | "USD";
  owner: string;
  /** Index of the lead it came from, if any. */
  lead: number | undefined;
  company: string;
  contactEmail: string;
  start: number;
  expectedClose: number | undefined;
  status: DealStatus;
  contractTerm: number | undefined;
  renewal: boolean;
  competitor: string;
}

export class LeadforceModel extends ScaledModel<CountedKind> {
  constructor(seed: number, scale: number) {
    super(seed, scale, BASE_COUNTS);
  }

  leadId(index: number): number {
    return index + 1 + (index + 1 >= DELETED_LEAD_ID ? 1 : 0);
  }

  /** The deal a lead was converted into, if any. */
  dealOfLead(index: number): number | undefined {
    const deal = LEAD_DEALS.get(index % BASE_COUNTS.leads);
    return deal === undefined ? undefined : blockOf(index, BASE_COUNTS.leads) * BASE_COUNTS.deals + deal;
  }

  /** The lead a deal came from, if any. */
  leadOfDeal(index: number): number | undefined {
    const lead = DEAL_LEADS[index % BASE_COUNTS.deals];
    return lead === undefined ? undefined : blockOf(index, BASE_COUNTS.deals) * BASE_COUNTS.leads + lead;
  }

  /** Every block has the same statuses at the same positions, which proposals and invoices rely on. */
  dealStatus(index: number): DealStatus {
    return STATUS_CYCLE[(index % BASE_COUNTS.deals) % STATUS_CYCLE.length]!;
  }

  dealPipeline(index: number): Pipeline {
    return (index % BASE_COUNTS.deals) % 3 === 2 ? "Channel Partners" : "Sales";
  }

  /** An open deal's stage comes from a stream of its own, so its lead can know it without the whole deal. */
  dealStage(index: number): string {
    const status = this.dealStatus(index);
    if (status !== "open") return status === "won" ? "Won" : "Lost";
    return this.random("deal-stage", index).pick(OPEN_STAGES);
  }

  lead(index: number): Lead {
    const rng = this.random("lead", index);
    const who = leadIdentity(rng, index);
    const deal = this.dealOfLead(index);
    const lost = isAt(index, AT.lead.lost);
    const junk = index === AT.lead.junk;
    const status = this.leadStatus(rng, index, deal, lost || junk);
    const created = leadCreated(rng, index, this.counts.leads);
    const hasValue =
      index === AT.lead.newWithValue ||
      (index !== AT.lead.qualifiedWithoutValue && (status === "Contacted" ? rng.chance(0.5) : status !== "New"));
    const source = junk ? "Website" : rng.pick(LEAD_SOURCES);
    const currency = who.country === "India" ? "INR" : "USD";
    return {
      ...who,
      index,
      id: this.leadId(index),
      value: hasValue ? amount(rng, currency) + rng.pick([0, 0, 0, 50]) : undefined,
      currency,
      status,
      source,
      assigned: assignedTo(rng, index),
      tags: tagsOf(rng, index),
      created,
      lastContact: lastContact(rng, index, created, status),
      lost,
      junk,
      budget: who.company !== "" && rng.chance(0.6) ? rng.int(2, 40) * 50_000 * 100 : undefined,
      products: rng.chance(0.8) ? rng.sample(PRODUCTS_OF_INTEREST, rng.int(1, 4)) : [],
      newsletter: rng.chance(0.4),
      nextReview: rng.chance(0.5) ? istDayStart(created) + rng.int(30, 90) * DAY : undefined,
      referralCode: source === "Referral" ? `REF-${rng.digits(4)}` : "",
    };
  }

  private leadStatus(rng: Random, index: number, deal: number | undefined, closed: boolean): string {
    if (deal !== undefined) return LEAD_STATUS_OF_STAGE[this.dealStage(deal)]!;
    if (index === AT.lead.newWithValue || index === AT.lead.junk) return "New";
    if (index === AT.lead.qualifiedWithoutValue) return "Qualified";
    if (index === AT.lead.afterMidnight) return "Contacted";
    if (closed) return rng.pick(["Contacted", "Qualified"]);
    return rng.weighted([
      ["New", 3],
      ["Contacted", 3],
      ["Qualified", 2],
    ]);
  }

  deal(index: number): Deal {
    const rng = this.random("deal", index);
    const leadIndex = this.leadOfDeal(index);
    const named = this.lead(leadIndex ?? this.companyLeadOfDeal(rng, index));
    const status = this.dealStatus(index);
    // A converted lead's deal starts after the lead and carries its value; the others have their own.
    const start =
      leadIndex === undefined
        ? createdAt(rng, index, this.counts.deals)
        : Math.min(named.created + rng.int(2, 25) * DAY, EXPORTED_AT - 2 * DAY);
    const topic = rng.pick(DEAL_TOPICS);
    return {
      index,
      id: index + 1,
      name: `${named.short} - ${topic}`,
      pipeline: this.dealPipeline(index),
      stage: this.dealStage(index),
      value: (leadIndex === undefined ? undefined : named.value) ?? amount(rng, named.currency),
      currency: named.currency,
      owner: dealOwner(rng, index),
      lead: leadIndex,
      company: named.company,
      contactEmail: index === AT.deal.unknownContact ? `accounts@${named.domain}` : named.email,
      start,
      expectedClose: status === "open" && rng.chance(0.15) ? undefined : istDayStart(start) + rng.int(15, 75) * DAY,
      status,
      contractTerm: rng.chance(0.8) ? rng.pick([12, 24, 36]) : undefined,
      renewal: topic === "AMC renewal" || rng.chance(0.2),
      competitor: rng.chance(0.75) ? rng.pick(COMPETITORS) : "",
    };
  }

  /** The lead whose company (as that lead spells it) and contact a lead-less deal names. */
  private companyLeadOfDeal(rng: Random, index: number): number {
    const fixed = FIXED_COMPANY_LEADS[index];
    const block = blockOf(index, BASE_COUNTS.deals) * BASE_COUNTS.leads;
    return block + (fixed ?? rng.pick(COMPANY_LEADS));
  }
}

/** A value in paise or cents: ₹25,000 to ₹15,00,000 in steps of ₹2,500, or $500 to $20,000 in steps of $250. */
function amount(rng: Random, currency: "INR" | "USD"): number {
  return currency === "INR" ? rng.int(10, 601) * 2_500_00 : rng.int(2, 81) * 250_00;
}

/** Creation times grow with the index, as Leadforce's ids do, and fall in office hours in Kolkata. */
export function createdAt(rng: Random, index: number, count: number): number {
  const day = istDayStart(CREATED_FROM + ((index + rng.float()) / count) * (CREATED_UNTIL - CREATED_FROM));
  return day + rng.int(9 * 60, 19 * 60) * 60_000;
}

/** A lead's creation time; two are placed by hand. */
function leadCreated(rng: Random, index: number, count: number): number {
  if (index === AT.lead.afterMidnight) return ist(2024, 4, 1, 2, 30);
  if (index === AT.lead.leapDay) return ist(2024, 2, 29, 11, 20);
  return createdAt(rng, index, count);
}

function lastContact(rng: Random, index: number, created: number, status: string): number | undefined {
  // Shortly after midnight in Kolkata, which is still the day before in UTC.
  if (index === AT.lead.afterMidnight) return ist(2024, 4, 2, 0, 15);
  if (status === "New") return undefined;
  const at = created + rng.int(1, 30) * DAY + rng.int(-120, 120) * 60_000;
  // Contacted before the export was taken; a lead created just before it, soon after its creation.
  return at < EXPORTED_AT
    ? at
    : Math.max(created + rng.int(30, 600) * 60_000, EXPORTED_AT - rng.int(60, 2880) * 60_000);
}

/** A staff e-mail, as typed when the lead was assigned: sometimes in another case, sometimes someone gone. */
function assignedTo(rng: Random, index: number): string {
  const { lead } = AT;
  if (index === lead.unassigned || index === lead.privatePerson) return "";
  if (isAt(index, lead.assignedInactive)) return staffEmail(INACTIVE_STAFF);
  if (index === lead.assignedUnknown) return staffEmail(DELETED_STAFF);
  if (index === lead.assignedOtherCase) return "Arjun.Mehta@LeadForce-Demo.in";
  if (rng.chance(0.1)) return "";
  const email = staffEmail(rng.pick(ACTIVE_STAFF));
  return rng.chance(0.15) ? email.replace(/^./, (c) => c.toUpperCase()) : email;
}

function tagsOf(rng: Random, index: number): string {
  if (index === AT.lead.hotEnterprise) return "Hot, Enterprise";
  if (index === AT.lead.tagsOtherCase[0]) return "hot, SMB";
  if (index === AT.lead.tagsOtherCase[1]) return "ENTERPRISE, Follow-up";
  return rng
    .sample(
      TAGS,
      rng.weighted([
        [0, 3],
        [1, 4],
        [2, 2],
      ] as const),
    )
    .join(", ");
}

function dealOwner(rng: Random, index: number): string {
  if (index === AT.deal.inactiveOwner) return fullName(INACTIVE_STAFF);
  if (index === AT.deal.deletedOwner) return fullName(DELETED_STAFF);
  if (index === AT.deal.noOwner) return "";
  return fullName(rng.pick(ACTIVE_STAFF));
}
