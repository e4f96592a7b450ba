// The business records of a Sage CRM export: companies, persons, leads, opportunities, cases and the custom
// entity's projects, each computed on its own from (seed, table, index), with the relations between them laid
// out by position (sage-layout.ts). Nothing is kept between records: an opportunity that needs its company
// recomputes it.
import {
  CURRENCIES,
  DISABLED_USER,
  SUPPORT_USER,
  codesOf,
  currencyOf,
  salesUsersOf,
  type Currency,
  type Territory,
  type User,
} from "./sage-account.js";
import { DAY, MINUTE, datetimeTicks, london, londonDayStart } from "./sage-format.js";
import {
  AT,
  BASE_COUNTS,
  LEAD_OPPORTUNITIES,
  PERSON_ONLY_OPPORTUNITY_PERSON,
  WON_OPPORTUNITIES,
  blockOf,
  businessAddressSlot,
  caseCompanyOf,
  caseHasPerson,
  employerOf,
  homeAddressSlot,
  inBlock,
  indexIn,
  isAt,
  isDeletedCompany,
  isDeletedPerson,
  isMatchedLead,
  isPrivatePerson,
  leadCompanyOf,
  leadOfOpportunity,
  opportunityCompanyOf,
  opportunityHasPerson,
  opportunityStatusOf,
  primaryPersonOf,
  ADDRESS_SLOTS,
  type CountedKind,
  type OpportunityStatus,
} from "./sage-layout.js";
import { asciiFold } from "./person-names.js";
import type { Random } from "./random.js";
import { ScaledModel } from "./scale.js";
import {
  BRANCHES,
  COMPANIES,
  DEPARTMENTS,
  FEMALE_FIRST_NAMES,
  GERMAN_JOB_TITLES,
  HOME_TOWNS,
  JOB_TITLES,
  LEAD_DESCRIPTIONS,
  LEAD_DETAILS,
  NAMES,
  OPPORTUNITY_NOTES,
  PLACED_NAMES,
  PRIVATE_MAIL_DOMAINS,
  PROJECT_NAMES,
  PROSPECTS,
  TOPICS,
  CASE_PROBLEMS,
  type CompanyEntry,
  type CountryCode,
  type SectorCode,
} from "./sage-vocabulary.js";

/** When the dump was taken: 2024-05-02 09:15 in London (BST). */
export const EXPORTED_AT = london(2024, 5, 2, 9, 15);

/** Who made a row and when, who changed it last and when, and whether it is deleted. */
export interface Audit {
  createdBy: number;
  created: number;
  updatedBy: number;
  updated: number;
  deleted: boolean;
}

export interface Company {
  index: number;
  id: number;
  entry: CompanyEntry;
  name: string;
  domain: string;
  type: string;
  status: string;
  source: string | null;
  territory: Territory;
  revenue: string | null;
  employees: string | null;
  sector: SectorCode;
  website: string | null;
  primaryPersonId: number | undefined;
  primaryAddressId: number;
  primaryUserId: number;
  mailRestriction: boolean;
  currency: Currency;
  audit: Audit;
}

export interface Person {
  index: number;
  id: number;
  companyId: number | undefined;
  salutation: string | null;
  first: string;
  last: string;
  jobTitle: string | null;
  department: string | null;
  status: string;
  source: string | null;
  primaryUserId: number;
  primaryAddressId: number | undefined;
  /** Self-service portal access: `Active` or `Inactive` with the login (the e-mail address), or null for none. */
  webStatus: string | null;
  webLogin: string | null;
  /** The business address (or a private person's own), for e-mails and the lead forms. */
  email: string | undefined;
  privateEmail: string | undefined;
  country: CountryCode;
  /** Where a private person lives (their home address); undefined for an employee. */
  home: { city: string; postCode: string; country: CountryCode } | undefined;
  audit: Audit;
}

export interface Lead {
  index: number;
  id: number;
  companyId: number | undefined;
  personId: number | undefined;
  assignedUserId: number;
  opportunityId: number | undefined;
  /** What the enquiry is about, which a converted lead's opportunity keeps. */
  topic: string;
  description: string;
  details: string | null;
  stage: string;
  status: string;
  source: string;
  rating: string | null;
  companyName: string | null;
  companyWebsite: string | null;
  personFirst: string;
  personLast: string;
  personTitle: string | null;
  personEmail: string | null;
  personPhone: string | null;
  audit: Audit;
}

export interface Opportunity {
  index: number;
  id: number;
  companyId: number | undefined;
  personId: number | undefined;
  leadId: number | undefined;
  assignedUserId: number;
  description: string;
  type: string;
  source: string;
  status: OpportunityStatus;
  stage: string;
  /** In pence or cents of the currency. */
  forecast: number | undefined;
  currency: Currency;
  certainty: number;
  priority: string;
  opened: number;
  targetClose: number;
  actualClose: number | undefined;
  note: string | null;
  audit: Audit;
}

export interface Case {
  index: number;
  id: number;
  companyId: number;
  personId: number | undefined;
  assignedUserId: number;
  referenceId: string;
  description: string;
  problemType: string;
  problemNote: string;
  solutionNote: string | null;
  opened: number;
  closed: number | undefined;
  status: string;
  stage: string;
  priority: string;
  audit: Audit;
}

export interface Project {
  index: number;
  id: number;
  name: string;
  companyId: number | undefined;
  personId: number | undefined;
  opportunityId: number;
  status: string;
  startDate: number;
  budget: number | undefined;
  userId: number;
  audit: Audit;
}

/** Lower-case ASCII for an e-mail local part: "Søren" → "soeren", "Ní Bhriain" → "nibhriain". */
export const mailLocal = (text: string): string => asciiFold(text).replace(/[^a-z0-9]/g, "");

/** A moment in office hours (08:30 to 18:00 in London) on the day of `day`, with seconds. */
export function officeTime(rng: Random, day: number): number {
  return londonDayStart(day) + rng.int(8 * 60 + 30, 18 * 60) * MINUTE + rng.int(0, 60) * 1000;
}

/** A moment spread over [from, until] by index, as ids grow with time, in office hours. */
function spreadOver(rng: Random, index: number, count: number, from: number, until: number): number {
  return officeTime(rng, from + ((index + rng.float()) / count) * (until - from));
}

/** A time the server stamped: with seconds and a 1/300-second fraction. */
const serverStamp = (rng: Random, at: number): number => Math.floor(at / 1000) * 1000 + datetimeTicks(rng.int(0, 300));

/** A moment some days after `since` and before the export was taken. */
export function happenedAfter(rng: Random, since: number, maxDays: number): number {
  const at = officeTime(rng, since + rng.int(0, maxDays + 1) * DAY);
  if (at > since && at < EXPORTED_AT) return at;
  // Late in the record's life: somewhere between it and the export, to the second.
  return Math.floor((since + (EXPORTED_AT - since) * (0.1 + 0.8 * rng.float())) / 1000) * 1000;
}

/** The audit stamps of a record created at `created` by `by`, changed once later by the owner or a colleague. */
export function auditOf(rng: Random, created: number, by: number, deleted: boolean, owner = by): Audit {
  const createdAt = serverStamp(rng, created);
  const changed = rng.chance(0.7);
  return {
    createdBy: by,
    created: createdAt,
    updatedBy: changed ? owner : by,
    updated: changed ? serverStamp(rng, happenedAfter(rng, createdAt, 400)) : createdAt,
    deleted,
  };
}

const UK_NORTH = /^(LS|SK|CA|WA|NE|HG|G|BD|HD|DN|PH|YO|S|PR|TS|BB|AB|LN|DE|NG|LA)\d/;

/** The sales territory of an address: a UK post code's area says North or South; a private person's is North. */
function territoryOf(country: CountryCode, postCode = ""): Territory {
  switch (country) {
    case "UK":
      return postCode === "" || UK_NORTH.test(postCode) ? "North" : "South";
    case "IE":
      return "Ireland";
    case "DE":
    case "AT":
      return "DACH";
    case "DK":
    case "NO":
      return "Nordics";
    default:
      return "WestEurope";
  }
}

/** The owner of a record of a territory: a sales user of it; before mid-2022 sometimes the one who has left. */
function ownerFor(rng: Random, territory: Territory, at: number): User {
  if (at < london(2022, 6, 1) && territory === "South" && rng.chance(0.5)) return DISABLED_USER;
  return rng.pick(salesUsersOf(territory));
}

function namesOf(country: CountryCode) {
  switch (country) {
    case "UK":
      return NAMES.UK;
    case "IE":
      return NAMES.IE;
    case "DE":
    case "AT":
      return NAMES.DE;
    case "DK":
    case "NO":
      return NAMES.NORDIC;
    case "FR":
    case "BE":
      return NAMES.FR;
    case "NL":
      return NAMES.NL;
  }
}

function salutationOf(rng: Random, first: string): string | null {
  if (rng.chance(0.25)) return null;
  if (rng.chance(0.1)) return "Dr.";
  return FEMALE_FIRST_NAMES.has(first) ? rng.pick(["Ms.", "Ms.", "Mrs."]) : "Mr.";
}

export class SageModel extends ScaledModel<CountedKind> {
  constructor(seed: number, scale: number) {
    super(seed, scale, BASE_COUNTS);
  }

  /** The index of position `position` of `target` in the block of record `index` of `kind`. */
  sameBlock(kind: CountedKind, index: number, target: CountedKind, position: number): number {
    return indexIn(blockOf(index, kind), target, position);
  }

  /** Address ids: a block holds ADDRESS_SLOTS.length addresses, in slot order. */
  addressId(block: number, slot: number): number {
    return block * ADDRESS_SLOTS.length + slot + 1;
  }

  /** A company's name and domain: the sample's, and for later blocks another site of the same firm. */
  companyEntry(index: number): { entry: CompanyEntry; name: string; domain: string } {
    const entry = COMPANIES[inBlock(index, "companies")]!;
    const block = blockOf(index, "companies");
    if (block === 0) return { entry, name: entry.name, domain: entry.domain };
    const round = Math.floor((block - 1) / BRANCHES.length);
    const branch = `${BRANCHES[(block - 1) % BRANCHES.length]}${round > 0 ? ` ${round + 1}` : ""}`;
    return { entry, name: `${entry.name} – ${branch}`, domain: `${mailLocal(branch)}.${entry.domain}` };
  }

  company(index: number): Company {
    const rng = this.random("company", index);
    const position = inBlock(index, "companies");
    const block = blockOf(index, "companies");
    const { entry, name, domain } = this.companyEntry(index);
    const territory = territoryOf(entry.country, entry.postCode);
    const created = spreadOver(rng, index, this.counts.companies, london(2016, 4, 1), london(2022, 12, 15));
    const owner = ownerFor(rng, territory, created);
    const primaryPerson = primaryPersonOf(position);
    const type = rng.weighted([
      ["Customer", 12],
      ["Prospect", 6],
      ["Partner", 1],
      ["Supplier", 1],
    ] as const);
    const websiteStyle = rng.int(0, 20);
    return {
      index,
      id: index + 1,
      entry,
      name,
      domain,
      type,
      status: rng.chance(0.1) ? "Inactive" : "Active",
      source: rng.chance(0.15) ? null : rng.pick(codesOf("Comp_Source")),
      territory,
      revenue: rng.chance(0.2) ? null : rng.pick(codesOf("Comp_Revenue")),
      employees: rng.chance(0.2) ? null : rng.pick(codesOf("Comp_Employees")),
      sector: entry.sector,
      website:
        position % 7 === 6
          ? null
          : websiteStyle < 12
            ? `www.${domain}`
            : websiteStyle < 17
              ? `http://www.${domain}`
              : `https://${domain}/`,
      primaryPersonId: primaryPerson === undefined ? undefined : indexIn(block, "persons", primaryPerson) + 1,
      primaryAddressId: this.addressId(block, businessAddressSlot(position)),
      primaryUserId: owner.id,
      mailRestriction: rng.chance(0.1),
      currency: currencyOf(entry.country),
      audit: auditOf(rng, created, owner.id, isDeletedCompany(position)),
    };
  }

  person(index: number): Person {
    const rng = this.random("person", index);
    const position = inBlock(index, "persons");
    const block = blockOf(index, "persons");
    const employerPosition = employerOf(position);
    const employer =
      employerPosition === undefined ? undefined : this.company(indexIn(block, "companies", employerPosition));
    const home = employer ? undefined : HOME_TOWNS[rng.int(0, HOME_TOWNS.length)]!;
    const country = employer?.entry.country ?? home!.country;
    const placed = PLACED_NAMES[position];
    const pool = namesOf(country);
    const first = placed?.[1] ?? rng.pick(pool.first);
    const last = placed?.[2] ?? rng.pick(pool.last);
    const since = employer?.audit.created ?? london(2017, 1, 9);
    const created = employer
      ? officeTime(rng, since + rng.int(0, 240) * DAY)
      : spreadOver(rng, index, this.counts.persons, london(2017, 2, 1), london(2023, 3, 31));
    const territory = employer?.territory ?? territoryOf(country);
    const owner = employer ? employer.primaryUserId : ownerFor(rng, territory, created).id;
    const german = country === "DE" || country === "AT";
    const local = rng.chance(0.2) ? mailLocal(first) : `${mailLocal(first)}.${mailLocal(last)}`;
    const privateDomain = rng.pick(PRIVATE_MAIL_DOMAINS);
    const isPrimary = employerPosition !== undefined && primaryPersonOf(employerPosition) === position;
    const email = employer ? `${local}@${employer.domain}` : `${local}${rng.int(1, 99)}@${privateDomain}`;
    const portal = employer?.type === "Customer" && rng.chance(0.3);
    return {
      index,
      id: index + 1,
      companyId: employer?.id,
      salutation: placed ? placed[0] : salutationOf(rng, first),
      first,
      last,
      jobTitle: employer ? (german && rng.chance(0.5) ? rng.pick(GERMAN_JOB_TITLES) : rng.pick(JOB_TITLES)) : null,
      department: employer && rng.chance(0.7) ? rng.pick(DEPARTMENTS) : null,
      status: rng.chance(0.08) ? "Inactive" : "Active",
      source: rng.chance(0.3) ? null : rng.pick(codesOf("Pers_Source")),
      primaryUserId: owner,
      primaryAddressId: isPrivatePerson(position)
        ? this.addressId(block, homeAddressSlot(position))
        : isPrimary
          ? employer!.primaryAddressId
          : undefined,
      webStatus: portal ? (rng.chance(0.8) ? "Active" : "Inactive") : null,
      webLogin: portal ? email : null,
      email,
      privateEmail: `${mailLocal(first)}.${mailLocal(last)}@${privateDomain}`,
      country,
      home,
      audit: auditOf(rng, created, owner, isDeletedPerson(position), owner),
    };
  }

  lead(index: number): Lead {
    const rng = this.random("lead", index);
    const position = inBlock(index, "leads");
    const block = blockOf(index, "leads");
    const created = spreadOver(rng, index, this.counts.leads, london(2023, 1, 9), london(2024, 4, 19));
    const topic = rng.pick(TOPICS);
    const opportunityPosition = LEAD_OPPORTUNITIES[position];
    const matched = isMatchedLead(position);
    const company = matched ? this.company(indexIn(block, "companies", leadCompanyOf(position))) : undefined;
    const personPosition = company ? primaryPersonOf(inBlock(company.index, "companies")) : undefined;
    const person = personPosition === undefined ? undefined : this.person(indexIn(block, "persons", personPosition));
    const prospect = PROSPECTS[rng.int(0, PROSPECTS.length)]!;
    const country = company?.entry.country ?? prospect.country;
    const owner = company ? company.primaryUserId : rng.pick(salesUsersOf(territoryOf(country))).id;
    const pool = namesOf(country);
    const first = person?.first ?? rng.pick(pool.first);
    const last = person?.last ?? rng.pick(pool.last);
    const privatePerson = position === AT.lead.privatePerson;
    const converted = opportunityPosition !== undefined;
    const closed = converted || rng.chance(0.2);
    const companyName = privatePerson ? null : (company?.name ?? prospect.name);
    const domain = company?.domain ?? prospect.domain;
    return {
      index,
      id: index + 1,
      companyId: company?.id,
      personId: person?.id,
      assignedUserId: owner === DISABLED_USER.id ? salesUsersOf("South")[0]!.id : owner,
      opportunityId: converted ? indexIn(block, "opportunities", opportunityPosition) + 1 : undefined,
      topic,
      description: rng.pick(LEAD_DESCRIPTIONS).replace("{topic}", topic),
      details: rng.chance(0.3) ? null : rng.pick(LEAD_DETAILS),
      stage: converted ? "Converted" : closed ? "NoInterest" : rng.pick(["Lead", "Prospect", "Qualified"]),
      status: closed ? "Closed" : "In Progress",
      source: rng.pick(codesOf("Lead_Source")),
      rating: rng.chance(0.25) ? null : rng.pick(codesOf("Lead_Rating")),
      ...(position === AT.lead.linkedAndSpelled
        ? { companyName: `${company!.entry.short.toLowerCase()} limited`, personFirst: first.toUpperCase() }
        : { companyName, personFirst: first }),
      companyWebsite: privatePerson || rng.chance(0.3) ? null : `www.${domain}`,
      personLast: last,
      personTitle: privatePerson || rng.chance(0.4) ? null : rng.pick(JOB_TITLES),
      personEmail: privatePerson
        ? `${mailLocal(first)}.${mailLocal(last)}@${PRIVATE_MAIL_DOMAINS[0]}`
        : (person?.email ?? `${mailLocal(first)}.${mailLocal(last)}@${domain}`),
      personPhone: rng.chance(0.5)
        ? null
        : `0${rng.pick(["113", "114", "1484", "161"])} ${rng.digits(3)} ${rng.digits(4)}`,
      audit: auditOf(rng, created, owner, isAt(position, AT.lead.deleted)),
    };
  }

  opportunity(index: number): Opportunity {
    const rng = this.random("opportunity", index);
    const position = inBlock(index, "opportunities");
    const block = blockOf(index, "opportunities");
    const companyPosition = opportunityCompanyOf(position);
    const company =
      companyPosition === undefined ? undefined : this.company(indexIn(block, "companies", companyPosition));
    const personPosition =
      companyPosition === undefined
        ? PERSON_ONLY_OPPORTUNITY_PERSON
        : opportunityHasPerson(position)
          ? primaryPersonOf(companyPosition)
          : undefined;
    const person = personPosition === undefined ? undefined : this.person(indexIn(block, "persons", personPosition));
    const leadPosition = leadOfOpportunity(position);
    const lead = leadPosition === undefined ? undefined : this.lead(indexIn(block, "leads", leadPosition));
    const opened = lead
      ? Math.min(officeTime(rng, lead.audit.created + rng.int(3, 30) * DAY), EXPORTED_AT - 2 * DAY)
      : spreadOver(rng, index, this.counts.opportunities, london(2021, 1, 11), london(2024, 4, 12));
    const status = opportunityStatusOf(position);
    const stage =
      status === "In Progress" ? rng.pick(["Lead", "Qualified", "Proposal", "Negotiating", "Verbal"]) : "Closed";
    const certainty =
      { Lead: 10, Qualified: 25, Proposal: 50, Negotiating: 75, Verbal: 90 }[stage] ?? (status === "Won" ? 100 : 0);
    const targetClose = londonDayStart(opened + rng.int(30, 151) * DAY);
    const closed =
      status === "In Progress" ? undefined : happenedAfter(rng, opened, Math.round((targetClose - opened) / DAY) + 20);
    const owner = company ? company.primaryUserId : person!.primaryUserId;
    const currency = company?.currency ?? CURRENCIES[0]!;
    const topic = lead ? lead.topic : rng.pick(TOPICS);
    const named = company ? company.entry.short : `${person!.first} ${person!.last}`;
    return {
      index,
      id: index + 1,
      companyId: company?.id,
      personId: person?.id,
      leadId: lead?.id,
      assignedUserId: owner,
      description: `${named} – ${topic}`,
      type: rng.pick(codesOf("Oppo_Type")),
      source: lead ? "Lead" : rng.pick(["Web", "Tradeshow", "Referral", "ColdCall", "Existing"]),
      status,
      stage,
      forecast: position === AT.opportunity.noForecast ? undefined : rng.int(30, 2400) * 50_00,
      currency,
      certainty,
      priority: rng.weighted([
        ["Normal", 6],
        ["High", 2],
        ["Low", 2],
      ] as const),
      opened,
      targetClose,
      actualClose: closed,
      note: rng.chance(0.4) ? null : rng.pick(OPPORTUNITY_NOTES),
      audit: auditOf(rng, opened, owner, isAt(position, AT.opportunity.deleted)),
    };
  }

  caseRecord(index: number): Case {
    const rng = this.random("case", index);
    const position = inBlock(index, "cases");
    const block = blockOf(index, "cases");
    const companyPosition = caseCompanyOf(position);
    const company = this.company(indexIn(block, "companies", companyPosition));
    const personPosition = caseHasPerson(position) ? primaryPersonOf(companyPosition) : undefined;
    const problem = rng.pick(CASE_PROBLEMS);
    const opened = spreadOver(rng, index, this.counts.cases, london(2022, 2, 1), london(2024, 4, 26));
    const open = position % 3 === 0;
    const assigned = rng.chance(0.7) ? SUPPORT_USER.id : company.primaryUserId;
    return {
      index,
      id: index + 1,
      companyId: company.id,
      personId: personPosition === undefined ? undefined : indexIn(block, "persons", personPosition) + 1,
      assignedUserId: assigned,
      referenceId: `${assigned}-${10000 + index + 1}`,
      description: problem.description,
      problemType: problem.type,
      problemNote: problem.problem,
      solutionNote: open ? null : problem.solution,
      opened,
      closed: open ? undefined : happenedAfter(rng, opened, 20),
      status: open ? "In Progress" : "Closed",
      stage: open
        ? rng.pick(["Logged", "Queued", "Investigating", "AwaitingCustomer"])
        : rng.pick(["Solved", "Closed"]),
      priority: rng.weighted([
        ["Normal", 5],
        ["High", 3],
        ["Low", 2],
      ] as const),
      audit: auditOf(rng, opened, SUPPORT_USER.id, isAt(position, AT.case.deleted), assigned),
    };
  }

  /** Project j is the j-th won opportunity's installation, under the custom entity. */
  project(index: number): Project {
    const rng = this.random("project", index);
    const position = inBlock(index, "projects");
    const block = blockOf(index, "projects");
    const opportunity = this.opportunity(indexIn(block, "opportunities", WON_OPPORTUNITIES[position]!));
    const startDate = londonDayStart(opportunity.actualClose! + rng.int(7, 45) * DAY);
    const status =
      startDate > EXPORTED_AT
        ? "Planned"
        : startDate < london(2023, 10, 1)
          ? "Completed"
          : rng.chance(0.2)
            ? "OnHold"
            : "Active";
    return {
      index,
      id: index + 1,
      name: `${opportunity.description.split(" – ")[0]} – ${rng.pick(PROJECT_NAMES)}`,
      companyId: opportunity.companyId,
      personId: opportunity.personId,
      opportunityId: opportunity.id,
      status,
      startDate,
      budget:
        opportunity.forecast === undefined ? undefined : Math.round((opportunity.forecast * 0.9) / 10_000) * 10_000,
      userId: opportunity.assignedUserId,
      audit: auditOf(
        rng,
        happenedAfter(rng, opportunity.actualClose!, 5),
        opportunity.assignedUserId,
        isAt(position, AT.project.deleted),
      ),
    };
  }
}
