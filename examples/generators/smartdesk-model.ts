// The records of a SmartDesk export, each computed on its own from (seed, object, index).
//
// Nothing here is kept in memory between records: a deal that needs its company's name recomputes that
// company. Relations are laid out so they can be computed in both directions without an index:
// contact i sits in company slot floor(i × companies / contacts), and anything created later (deals,
// tickets, activities) points back only at records created before it.
//
// The awkward cases a migration must survive are placed by hand at fixed indices (see `AT`), so they
// exist at every scale; everything else is drawn from the record's own random stream.
import { asciiFold, type PersonName } from "./person-names.js";
import type { Random } from "./random.js";
import { ScaledModel } from "./scale.js";
import {
  ACTIVE_OWNER_IDS,
  ARCHIVED_OWNER_ID,
  ARCHIVED_OWNER_LEFT_AT,
  CONTACT_LEAD_STATUSES,
  LANGUAGES,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  OWNERS,
  RENEWALS_PIPELINE,
  SALES_PIPELINE,
  SUPPORT_PIPELINE,
  labelOf,
  stageOf,
  type Pipeline,
  type Stage,
} from "./smartdesk-account.js";
import {
  COMPANY_PREFIXES,
  COMPANY_TRADES,
  COUNTRIES,
  COUNTRY_WEIGHTS,
  DEAL_PRODUCTS,
  FREEMAIL_OF,
  JOB_TITLES,
  LANGUAGE_OF,
  LEAD_SOURCES,
  LOCAL_JOB_TITLES,
  PERSON_LOCALES,
  TICKET_TOPICS,
  personName,
  type Country,
  type PersonLocale,
} from "./smartdesk-vocabulary.js";

/** Records per object at scale 1; scale n gives n times as many. */
export const BASE_COUNTS = {
  companies: 30,
  contacts: 50,
  leads: 20,
  deals: 36,
  tickets: 24,
  calls: 36,
  emails: 24,
  meetings: 20,
  notes: 25,
  tasks: 24,
  campaigns: 20,
  kbArticles: 20,
  files: 6,
} as const;

export type CountedObject = keyof typeof BASE_COUNTS;
export type EngagementObject = "calls" | "emails" | "meetings" | "notes" | "tasks";
type IdObject = Exclude<CountedObject, "campaigns" | "kbArticles">;

/** Record ids are `prefix × span + 101 + index`: 5101… for companies, 6101… for contacts at scale 1. */
const ID_PREFIX: Readonly<Record<IdObject, number>> = {
  companies: 5,
  contacts: 6,
  leads: 7,
  deals: 8,
  tickets: 9,
  calls: 11,
  emails: 12,
  meetings: 13,
  notes: 14,
  tasks: 15,
  files: 17,
};

/** Indices of the hand-placed records. All lie below the scale-1 counts. */
export const AT = {
  company: {
    groupParent: 0,
    groupChild: 2,
    groupGrandchild: 14,
    childBeforeParent: 3,
    laterParent: 24,
    umlaut: 4,
    sameDomainA: 6,
    sameDomainB: 18,
    japanese: 8,
    quotedName: 10,
    multilineAddress: 12,
    htmlEntityName: 16,
    sparse: 20,
  },
  contact: {
    cyrillic: 0,
    dealPartner: 1,
    twoCompanies: 3,
    noCompany: 4,
    quotedTitle: 7,
    sparse: 8,
    abroad: 9,
    mergedCompany: 11,
    japanese: 14,
  },
  /** Contacts below this index keep exactly their slot's company; random links start above it. */
  contactLayoutEnd: 16,
  lead: { noCompany: 0 },
  deal: {
    withProposal: 0,
    twoContacts: 1,
    archivedOwner: [3, 10],
    salesContractSent: 4,
    renewalsContractSent: 5,
    sparse: 8,
    quotedName: 12,
  },
  ticket: { html: 1, multiline: 2, japanese: 5, unassigned: 7 },
  call: { dealAndContact: 1, offset: 2 },
  email: { attachment: 2, cyrillic: 4, forwarded: 6 },
  meeting: { offset: 1 },
  note: { attachments: 2, orphanContact: 3 },
  task: { archivedOwner: 5 },
} as const;

/** A country other than the company's: a contact based abroad, with nothing of its address but the country. */
function abroadFrom(companyCountry: string): string {
  return Object.values(COUNTRIES).find((country) => country.name !== companyCountry)!.name;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const CREATED_FROM = Date.UTC(2022, 0, 10);
export const CREATED_UNTIL = Date.UTC(2024, 5, 20);
/** When the export was taken; activities after it are scheduled, not done. */
export const EXPORTED_AT = Date.UTC(2024, 5, 28, 14, 0);

export interface CompanyRecord {
  index: number;
  id: string;
  name: string;
  /** The name without its legal form, for deal names. */
  shortName: string;
  domain: string;
  industry: string;
  employees: string;
  revenue: string;
  phone: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  people: PersonLocale;
  ownerId: string;
  createdAt: number;
  modifiedAt: number;
  parentId: string;
  tier: string;
  vatNumber: string;
}

export interface ContactLinks {
  /** Indices of existing companies, the primary one first. */
  companies: number[];
  /** Company ids that are not in the export (merged or deleted in the source). */
  missingCompanyIds: string[];
}

export interface ContactRecord extends ContactLinks {
  index: number;
  id: string;
  name: PersonName;
  locale: PersonLocale;
  email: string;
  phone: string;
  mobile: string;
  jobTitle: string;
  ownerId: string;
  lifecycleStage: string;
  leadStatus: string;
  createdAt: number;
  modifiedAt: number;
  street: string;
  city: string;
  country: string;
  language: string;
  newsletter: string;
}

export interface LeadRecord {
  id: string;
  name: string;
  status: string;
  source: string;
  ownerId: string;
  contact: number;
  companies: number[];
  createdAt: number;
}

export interface DealRecord {
  index: number;
  id: string;
  name: string;
  pipeline: Pipeline;
  stage: Stage;
  amount: string;
  closeDate: number | undefined;
  ownerId: string;
  createdAt: number;
  dealType: string;
  contacts: number[];
  company: number | undefined;
  contractMonths: string;
  renewalDate: number | undefined;
}

export interface TicketRecord {
  index: number;
  id: string;
  subject: string;
  description: string;
  stage: Stage;
  priority: string;
  ownerId: string;
  createdAt: number;
  contact: number;
  companies: number[];
}

/** What an activity is attached to. */
export interface EngagementTarget {
  contacts: string[];
  companies: string[];
  deals: string[];
  tickets: string[];
  person: ContactRecord | undefined;
  company: CompanyRecord | undefined;
  deal: DealRecord | undefined;
  ticket: TicketRecord | undefined;
  /** Activities come after the records they are attached to. */
  notBefore: number;
  ownerId: string;
}

export class SmartDeskModel extends ScaledModel<CountedObject> {
  /** Distance between the id ranges of two objects; grows with the scale so ranges never overlap. */
  readonly idSpan: number;

  constructor(seed: number, scale: number) {
    super(seed, scale, BASE_COUNTS);
    const largest = Math.max(...Object.values(this.counts));
    this.idSpan = Math.max(1000, 10 ** Math.ceil(Math.log10(largest + 200)));
  }

  id(object: IdObject, index: number): string {
    return String(ID_PREFIX[object] * this.idSpan + 101 + index);
  }

  /** An id in the object's range that no record has: a reference to something not exported. */
  missingId(object: IdObject): string {
    return String(ID_PREFIX[object] * this.idSpan + this.idSpan - 1);
  }

  /** Creation times grow with the index, as HubSpot ids do. */
  private createdAt(rng: Random, index: number, count: number): number {
    return workingTime(rng, CREATED_FROM + ((index + rng.float()) / count) * (CREATED_UNTIL - CREATED_FROM));
  }

  /**
   * The owner of a record created (or an activity done) at `at`: someone who had joined by then, and the
   * owner who has left only for things from before he left.
   */
  owner(rng: Random, at: number, preferred = ""): string {
    const present = (id: string) => {
      const owner = OWNERS.find((o) => o.id === id);
      return (
        owner !== undefined && Date.parse(owner.createdAt) <= at && (!owner.archived || at < ARCHIVED_OWNER_LEFT_AT)
      );
    };
    if (preferred && present(preferred) && rng.chance(0.75)) return preferred;
    if (present(ARCHIVED_OWNER_ID) && rng.chance(0.15)) return ARCHIVED_OWNER_ID;
    const candidates = ACTIVE_OWNER_IDS.filter(present);
    return rng.pick(candidates.length > 0 ? candidates : ACTIVE_OWNER_IDS);
  }

  company(index: number): CompanyRecord {
    const rng = this.random("company", index);
    const at = AT.company;
    const countryCode =
      index === at.umlaut ||
      index === at.sameDomainA ||
      index === at.sameDomainB ||
      index === at.groupParent ||
      index === at.groupChild ||
      index === at.groupGrandchild
        ? "DE"
        : index === at.japanese
          ? "JP"
          : index === at.quotedName || index === at.multilineAddress || index === at.htmlEntityName
            ? "GB"
            : index === at.childBeforeParent || index === at.laterParent
              ? "US"
              : rng.weighted(COUNTRY_WEIGHTS);
    const country: Country = COUNTRIES[countryCode]!;
    const prefix = COMPANY_PREFIXES[index % COMPANY_PREFIXES.length]!;
    const [trade, industry] = rng.pick(COMPANY_TRADES);
    const legalForm = rng.pick(country.legalForms);
    const generation = Math.floor(index / COMPANY_PREFIXES.length);
    const city = rng.pick(country.cities);
    const employees = Math.round(rng.pick([8, 25, 60, 140, 320, 900, 2500, 12000]) * (0.7 + rng.float() * 0.6));
    const createdAt = this.createdAt(rng, index, this.counts.companies);
    const record: CompanyRecord = {
      index,
      id: this.id("companies", index),
      name: `${prefix} ${trade} ${legalForm}`,
      shortName: `${prefix} ${trade}`,
      domain: `${asciiFold(prefix)}-${asciiFold(trade)}${generation > 0 ? `-${generation}` : ""}.${country.tld}`,
      industry: rng.chance(0.9) ? industry : "",
      employees: rng.chance(0.9) ? String(employees) : "",
      revenue: rng.chance(0.8) ? String(Math.round((employees * rng.int(60, 220)) / 10) * 10_000) : "",
      phone: rng.chance(0.9) ? country.phone(rng, city) : "",
      street: country.street(rng),
      city: city.name,
      region: city.region,
      postalCode: city.postalCode,
      country: country.name,
      people: country.people,
      ownerId: this.owner(rng, createdAt),
      createdAt,
      modifiedAt: modifiedAfter(rng, createdAt),
      parentId: "",
      tier: rng.weighted<string>([
        ["Strategic", 5],
        ["Gold", 15],
        ["Silver", 30],
        ["Bronze", 30],
        ["", 20],
      ]),
      vatNumber: rng.chance(0.85) ? country.vatNumber(rng) : "",
    };
    // A few generated subsidiaries, always of an older company.
    if (index >= this.counts.companies / this.scale && rng.chance(0.05))
      record.parentId = this.id("companies", rng.int(0, index));

    const named = (name: string, shortName: string, domain: string) =>
      Object.assign(record, { name, shortName, domain });
    switch (index) {
      case at.groupParent:
        named("Helios Industrial Group AG", "Helios Group", "helios-group.de");
        Object.assign(record, {
          industry: "Mechanical or Industrial Engineering",
          employees: "5400",
          revenue: "1250000000",
          tier: "Strategic",
        });
        break;
      case at.groupChild:
        named("Helios Logistik GmbH", "Helios Logistik", "helios-logistik.de");
        Object.assign(record, {
          industry: "Logistics and Supply Chain",
          employees: "860",
          parentId: this.id("companies", at.groupParent),
        });
        break;
      case at.groupGrandchild:
        named("Helios Logistik Nord GmbH", "Helios Logistik Nord", "nord.helios-logistik.de");
        Object.assign(record, {
          industry: "Logistics and Supply Chain",
          employees: "140",
          parentId: this.id("companies", at.groupChild),
        });
        break;
      case at.childBeforeParent:
        named("Meridian Labs Inc.", "Meridian Labs", "meridianlabs.com");
        Object.assign(record, { industry: "Computer Software", parentId: this.id("companies", at.laterParent) });
        break;
      case at.laterParent:
        named("Meridian Holdings Inc.", "Meridian Holdings", "meridian-holdings.com");
        record.industry = "Financial Services";
        break;
      case at.umlaut:
        named("Müller GmbH", "Müller", "mueller-gmbh.de");
        Object.assign(record, { industry: "Electrical/Electronic Manufacturing", employees: "140" });
        break;
      case at.sameDomainA:
        named("Acme Robotics GmbH", "Acme Robotics", "acme-robotics.de");
        record.industry = "Mechanical or Industrial Engineering";
        break;
      case at.sameDomainB:
        named("ACME Robotics", "ACME Robotics", "www.acme-robotics.de");
        Object.assign(record, { industry: "", employees: "", revenue: "", tier: "" });
        break;
      case at.japanese:
        named("株式会社サンプル", "サンプル", "sample.co.jp");
        Object.assign(record, {
          industry: "Computer Software",
          street: "丸の内1-1-1",
          city: "Tokyo",
          region: "東京都",
          postalCode: "100-0005",
        });
        break;
      case at.quotedName:
        named('Smith, Jones & "Partners" LLP', "Smith Jones", "smithjonespartners.co.uk");
        Object.assign(record, { industry: "Management Consulting", employees: "85", revenue: "14000000" });
        break;
      case at.multilineAddress:
        named("Harbourside Foods Ltd", "Harbourside Foods", "harbourside-foods.co.uk");
        Object.assign(record, {
          industry: "Food & Beverages",
          street: "Unit 4, Harbour Trade Park\nHarbour Road",
          city: "Bristol",
          region: "England",
          postalCode: "BS1 5TY",
        });
        break;
      case at.htmlEntityName:
        named("Bits &amp; Bytes Ltd", "Bits & Bytes", "bitsandbytes.co.uk");
        record.industry = "Information Technology and Services";
        break;
      case at.sparse:
        named("Zenith Partners", "Zenith Partners", "");
        Object.assign(record, {
          industry: "",
          employees: "",
          revenue: "",
          phone: "",
          street: "",
          city: "",
          region: "",
          postalCode: "",
          country: "",
          ownerId: "",
          tier: "",
          vatNumber: "",
        });
        break;
    }
    return record;
  }

  /** The company slot of contact i; slot c is company c. */
  private slotOf(contact: number): number {
    return Math.floor((contact * this.counts.companies) / this.counts.contacts);
  }

  contactLinks(index: number): ContactLinks {
    const at = AT.contact;
    const slot = this.slotOf(index);
    if (index === at.noCompany) return { companies: [], missingCompanyIds: [] };
    if (index === at.mergedCompany) return { companies: [], missingCompanyIds: [this.missingId("companies")] };
    if (index === at.twoCompanies)
      return { companies: [AT.company.groupChild, AT.company.groupParent], missingCompanyIds: [] };
    if (index < AT.contactLayoutEnd) return { companies: [slot], missingCompanyIds: [] };
    const rng = this.random("contact-links", index);
    if (rng.chance(0.06)) return { companies: [], missingCompanyIds: [] };
    if (rng.chance(0.06)) {
      const other = rng.int(0, this.counts.companies - 1);
      return { companies: [slot, other >= slot ? other + 1 : other], missingCompanyIds: [] };
    }
    return { companies: [slot], missingCompanyIds: [] };
  }

  /** Contacts whose primary company is `company`, in id order. */
  contactsOf(company: number): number[] {
    const { companies, contacts } = this.counts;
    const first = Math.ceil((company * contacts) / companies);
    const found: number[] = [];
    for (let i = Math.max(0, first - 1); i < contacts && this.slotOf(i) <= company; i++) {
      if (this.slotOf(i) === company && this.contactLinks(i).companies[0] === company) found.push(i);
    }
    return found;
  }

  contact(index: number): ContactRecord {
    const rng = this.random("contact", index);
    const at = AT.contact;
    const links = this.contactLinks(index);
    const company = links.companies[0] === undefined ? undefined : this.company(links.companies[0]);
    const locale: PersonLocale =
      index === at.cyrillic
        ? "ru"
        : index === at.japanese
          ? "ja"
          : company && rng.chance(0.8)
            ? company.people
            : rng.pick(PERSON_LOCALES);
    const name =
      index === at.cyrillic
        ? { first: "Ольга", last: "Иванова", asciiFirst: "Olga", asciiLast: "Ivanova" }
        : index === at.japanese
          ? { first: "陽菜", last: "佐藤", asciiFirst: "Hina", asciiLast: "Sato" }
          : index === at.quotedTitle
            ? { first: "Jürgen", last: "Müller", asciiFirst: "Jürgen", asciiLast: "Müller" }
            : personName(rng, locale);
    const country = Object.values(COUNTRIES).find((c) => c.people === locale) ?? COUNTRIES.DE!;
    const homeCity = rng.pick(country.cities);

    let createdAt = this.createdAt(rng, index, this.counts.contacts);
    if (company && createdAt < company.createdAt) createdAt = company.createdAt + rng.int(5, 600) * MINUTE;

    const local = emailLocalPart(
      rng,
      name,
      index >= BASE_COUNTS.contacts ? Math.floor(index / BASE_COUNTS.contacts) : 0,
    );
    const domain = company?.domain ? company.domain.replace(/^www\./, "") : FREEMAIL_OF[locale];
    const lifecycle = rng.weighted<string>([
      ["subscriber", 8],
      ["lead", 25],
      ["marketingqualifiedlead", 12],
      ["salesqualifiedlead", 10],
      ["opportunity", 12],
      ["customer", 25],
      ["evangelist", 3],
      ["other", 5],
    ]);
    const address = rng.float();
    const record: ContactRecord = {
      index,
      id: this.id("contacts", index),
      name,
      locale,
      email: rng.chance(0.03) ? `${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain}` : `${local}@${domain}`,
      phone: rng.chance(0.7)
        ? company?.phone
          ? company.phone.replace(/\d{2}$/, rng.digits(2))
          : country.phone(rng, homeCity)
        : "",
      mobile: rng.chance(0.5) ? country.phone(rng, homeCity) : "",
      jobTitle: rng.chance(0.85)
        ? rng.chance(0.3) && LOCAL_JOB_TITLES[locale]
          ? rng.pick(LOCAL_JOB_TITLES[locale]!)
          : rng.pick(JOB_TITLES)
        : "",
      ownerId: this.owner(rng, createdAt, company?.ownerId),
      lifecycleStage: labelOf(LIFECYCLE_STAGES, lifecycle),
      leadStatus:
        lifecycle === "customer" || lifecycle === "evangelist" || rng.chance(0.3)
          ? ""
          : rng.pick(CONTACT_LEAD_STATUSES)[0],
      createdAt,
      modifiedAt: modifiedAfter(rng, createdAt),
      street: address < 0.4 && company ? company.street : address < 0.55 ? country.street(rng) : "",
      city: address < 0.4 && company ? company.city : address < 0.75 ? homeCity.name : "",
      country: address < 0.4 && company ? company.country : address < 0.85 ? country.name : "",
      language: rng.chance(0.7) ? labelOf(LANGUAGES, LANGUAGE_OF[locale]) : "",
      newsletter: rng.weighted<string>([
        ["Yes", 45],
        ["No", 35],
        ["", 20],
      ]),
      ...links,
    };
    if (index === at.quotedTitle) record.jobTitle = 'Head of "Special Projects", EMEA';
    if (index === at.abroad)
      Object.assign(record, { street: "", city: "", country: abroadFrom(company?.country ?? "") });
    if (index === at.sparse) {
      Object.assign(record, {
        email: "",
        phone: "",
        mobile: "",
        jobTitle: "",
        ownerId: "",
        lifecycleStage: "",
        leadStatus: "",
        street: "",
        city: "",
        country: "",
        language: "",
        newsletter: "",
      });
    }
    return record;
  }

  /** An index below the share of `count` created by `fraction` of the timeline, so references point back in time. */
  private earlier(rng: Random, fraction: number, count: number): number {
    return rng.int(0, Math.max(1, Math.min(count, Math.ceil(fraction * count))));
  }

  lead(index: number): LeadRecord {
    const rng = this.random("lead", index);
    const fraction = (index + 1) / this.counts.leads;
    const contactIndex =
      index === AT.lead.noCompany ? AT.contact.noCompany : this.earlier(rng, fraction, this.counts.contacts);
    const person = this.contact(contactIndex);
    const company = person.companies[0] === undefined ? undefined : this.company(person.companies[0]);
    const createdAt = Math.max(this.createdAt(rng, index, this.counts.leads), person.createdAt + rng.int(1, 48) * HOUR);
    return {
      id: this.id("leads", index),
      name: `${person.name.first} ${person.name.last}${company ? ` – ${company.shortName}` : ""}`,
      status: rng.pick(LEAD_STATUSES)[0],
      source: rng.chance(0.9) ? rng.pick(LEAD_SOURCES)[0] : "",
      ownerId: this.owner(rng, createdAt, person.ownerId),
      contact: contactIndex,
      companies: person.companies,
      createdAt,
    };
  }

  deal(index: number): DealRecord {
    const rng = this.random("deal", index);
    const at = AT.deal;
    const fraction = (index + 1) / this.counts.deals;
    const renewal =
      index === at.renewalsContractSent
        ? true
        : index === at.salesContractSent || index === at.twoContacts || index === at.withProposal
          ? false
          : rng.chance(0.2);
    const pipeline = renewal ? RENEWALS_PIPELINE : SALES_PIPELINE;
    const stageId =
      index === at.withProposal
        ? "closedwon"
        : index === at.salesContractSent
          ? "contractsent"
          : index === at.renewalsContractSent
            ? "74291532"
            : renewal
              ? rng.weighted<string>([
                  ["74291530", 20],
                  ["74291531", 15],
                  ["74291532", 10],
                  ["74291533", 40],
                  ["74291534", 15],
                ])
              : rng.weighted<string>([
                  ["appointmentscheduled", 10],
                  ["qualifiedtobuy", 10],
                  ["presentationscheduled", 8],
                  ["decisionmakerboughtin", 6],
                  ["contractsent", 6],
                  ["closedwon", 22],
                  ["closedlost", 14],
                ]);
    const stage = stageOf(pipeline, stageId);
    const companyIndex =
      index === at.withProposal
        ? AT.company.sameDomainA
        : index === at.twoContacts
          ? AT.company.groupParent
          : this.earlier(rng, fraction, this.counts.companies);
    const company = this.company(companyIndex);
    const candidates = this.contactsOf(companyIndex);
    const contacts =
      index === at.twoContacts
        ? [AT.contact.cyrillic, AT.contact.dealPartner]
        : candidates.length >= 2 && rng.chance(0.15)
          ? candidates.slice(0, 2)
          : candidates.length > 0
            ? [rng.pick(candidates)]
            : [];

    const createdAt = Math.max(this.createdAt(rng, index, this.counts.deals), company.createdAt + rng.int(1, 30) * DAY);
    const closed = stage.metadata.isClosed === "true";
    const closeDate = closed
      ? Math.min(createdAt + rng.int(10, 150) * DAY, EXPORTED_AT - rng.int(1, 5) * DAY)
      : workingTime(rng, Math.max(createdAt, EXPORTED_AT) + rng.int(7, 180) * DAY);
    const amount = renewal ? rng.int(10, 120) * 500 : rng.int(4, 500) * 500;
    const won = stageId === "closedwon" || stageId === "74291533";
    const months = won || rng.chance(0.5) ? rng.pick([12, 24, 36]) : 0;
    const record: DealRecord = {
      index,
      id: this.id("deals", index),
      name: renewal
        ? `${company.shortName} – Renewal ${new Date(closeDate).getUTCFullYear()}`
        : `${company.shortName} – ${rng.pick(DEAL_PRODUCTS)}`,
      pipeline,
      stage,
      amount: rng.chance(0.1) ? (amount - 0.01).toFixed(2) : String(amount),
      closeDate,
      ownerId: at.archivedOwner.some((i) => i === index)
        ? ARCHIVED_OWNER_ID
        : this.owner(rng, createdAt, company.ownerId),
      createdAt,
      dealType: renewal
        ? "Existing Business"
        : rng.weighted<string>([
            ["New Business", 70],
            ["Existing Business", 20],
            ["", 10],
          ]),
      contacts,
      company: companyIndex,
      contractMonths: months ? String(months) : "",
      renewalDate: won && months ? addMonths(closeDate, months) : undefined,
    };
    if (index === at.sparse)
      Object.assign(record, {
        amount: "",
        closeDate: undefined,
        dealType: "",
        contractMonths: "",
        renewalDate: undefined,
      });
    if (index === at.quotedName) record.name = `${company.shortName} – Rollout "Phase 2", Hamburg`;
    if (index === at.withProposal) record.name = `${company.shortName} – Platform licence (200 seats)`;
    return record;
  }

  ticket(index: number): TicketRecord {
    const rng = this.random("ticket", index);
    const at = AT.ticket;
    const contactIndex = this.earlier(rng, (index + 1) / this.counts.tickets, this.counts.contacts);
    const person = this.contact(contactIndex);
    const createdAt = Math.max(
      this.createdAt(rng, index, this.counts.tickets),
      person.createdAt + rng.int(1, 20) * DAY,
    );
    const [subject, description] = rng.pick(TICKET_TOPICS);
    const old = createdAt < EXPORTED_AT - 30 * DAY;
    const stageId = old && rng.chance(0.8) ? "4" : rng.pick(["1", "2", "3", "4"]);
    const record: TicketRecord = {
      index,
      id: this.id("tickets", index),
      subject,
      description,
      stage: stageOf(SUPPORT_PIPELINE, stageId),
      priority: rng.weighted<string>([
        ["Low", 30],
        ["Medium", 35],
        ["High", 20],
        ["Urgent", 5],
        ["", 10],
      ]),
      ownerId: rng.chance(0.9) ? this.owner(rng, createdAt) : "",
      createdAt,
      contact: contactIndex,
      companies: person.companies,
    };
    if (index === at.html) {
      record.subject = "Dashboard shows 0 deals for Q2";
      record.description =
        "<p>Hi team,</p><p>The sales dashboard shows <strong>0 deals</strong> for Q2 although we closed 14.</p>" +
        "<ul><li>Browser: Chrome 125</li><li>Screenshot attached</li></ul><p>Thanks,<br>" +
        `${person.name.first}</p>`;
    }
    if (index === at.multiline) {
      record.subject = "CSV export cut off";
      record.description =
        'Customer wrote on the phone:\n"The CSV export stops at row 65,536 – is that a limit?"\nAsked them to retry with the new exporter.';
    }
    if (index === at.japanese) {
      record.subject = "ログインできません";
      record.description = "パスワードを再設定した後もログインできません。至急対応をお願いします。";
    }
    if (index === at.unassigned)
      Object.assign(record, { ownerId: "", priority: "", stage: stageOf(SUPPORT_PIPELINE, "1") });
    return record;
  }

  private targetOfDeal(deal: DealRecord): EngagementTarget {
    const person = deal.contacts[0] === undefined ? undefined : this.contact(deal.contacts[0]);
    const company = deal.company === undefined ? undefined : this.company(deal.company);
    return {
      contacts: deal.contacts.map((c) => this.id("contacts", c)),
      companies: company ? [company.id] : [],
      deals: [deal.id],
      tickets: [],
      person,
      company,
      deal,
      ticket: undefined,
      notBefore: deal.createdAt,
      ownerId: deal.ownerId,
    };
  }

  private targetOfContact(person: ContactRecord): EngagementTarget {
    const company = person.companies[0] === undefined ? undefined : this.company(person.companies[0]);
    return {
      contacts: [person.id],
      companies: person.companies.map((c) => this.id("companies", c)),
      deals: [],
      tickets: [],
      person,
      company,
      deal: undefined,
      ticket: undefined,
      notBefore: person.createdAt,
      ownerId: person.ownerId,
    };
  }

  private targetOfTicket(ticket: TicketRecord): EngagementTarget {
    const person = this.contact(ticket.contact);
    return {
      ...this.targetOfContact(person),
      tickets: [ticket.id],
      ticket,
      notBefore: ticket.createdAt,
      ownerId: ticket.ownerId || person.ownerId,
    };
  }

  /** What activity `index` of `object` is attached to, drawn from records created before it. */
  engagementTarget(object: EngagementObject, index: number, rng: Random): EngagementTarget {
    const fraction = (index + 1) / this.counts[object];
    const kind = rng.weighted<"deal" | "contact" | "ticket">([
      ["deal", object === "meetings" || object === "tasks" ? 40 : 30],
      ["contact", 60],
      ["ticket", object === "emails" || object === "notes" ? 15 : 0],
    ]);
    if (kind === "deal") return this.targetOfDeal(this.deal(this.earlier(rng, fraction, this.counts.deals)));
    if (kind === "ticket") return this.targetOfTicket(this.ticket(this.earlier(rng, fraction, this.counts.tickets)));
    return this.targetOfContact(this.contact(this.earlier(rng, fraction, this.counts.contacts)));
  }

  dealTarget(deal: number): EngagementTarget {
    return this.targetOfDeal(this.deal(deal));
  }

  contactTarget(contact: number): EngagementTarget {
    return this.targetOfContact(this.contact(contact));
  }

  /** A contact id that is not in contacts.csv (deleted in the source after the activity was logged). */
  orphanTarget(): EngagementTarget {
    return {
      contacts: [this.missingId("contacts")],
      companies: [],
      deals: [],
      tickets: [],
      person: undefined,
      company: undefined,
      deal: undefined,
      ticket: undefined,
      notBefore: CREATED_FROM,
      ownerId: "",
    };
  }

  /** When activity `index` happened: after its target, spread over the timeline, not after the export. */
  engagementTime(
    object: EngagementObject,
    index: number,
    rng: Random,
    target: EngagementTarget,
    allowFuture: boolean,
  ): number {
    const spread = workingTime(
      rng,
      CREATED_FROM + ((index + rng.float()) / this.counts[object]) * (EXPORTED_AT - CREATED_FROM),
    );
    let at = workingTime(rng, Math.max(spread, target.notBefore + rng.int(1, 72) * HOUR));
    if (at < target.notBefore) at += DAY;
    if (!allowFuture && at > EXPORTED_AT - HOUR)
      at = target.notBefore + Math.floor((EXPORTED_AT - HOUR - target.notBefore) * rng.float());
    return at;
  }
}

function emailLocalPart(rng: Random, name: PersonName, generation: number): string {
  const first = asciiFold(name.asciiFirst).replace(/[^a-z0-9]/g, "");
  const last = asciiFold(name.asciiLast).replace(/[^a-z0-9]/g, "");
  const local = rng.chance(0.15) ? `${first.charAt(0)}${last}` : `${first}.${last}`;
  return generation > 0 ? `${local}${generation}` : local;
}

/** A time on the same UTC day between 06:00 and 17:00 (07:00–19:00 in Berlin), with seconds. */
export function workingTime(rng: Random, around: number): number {
  const day = Math.floor(around / DAY) * DAY;
  return day + (6 * 60 + rng.int(0, 11 * 60)) * MINUTE + rng.int(0, 60) * 1000 + rng.int(0, 1000);
}

function modifiedAfter(rng: Random, createdAt: number): number {
  return Math.min(EXPORTED_AT - HOUR, createdAt + Math.floor(rng.float() * rng.float() * (EXPORTED_AT - createdAt)));
}

function addMonths(at: number, months: number): number {
  const d = new Date(at);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() + months,
    Math.min(d.getUTCDate(), 28),
    d.getUTCHours(),
    d.getUTCMinutes(),
  );
}
