// The business records of the OPEX 365 export, each computed on its own from (seed, table, index).
//
// Nothing is kept between records: an opportunity that needs its account's name recomputes that account.
// Relations are laid out so they can be computed from indices: contact i belongs to account slot
// floor(i × accounts / contacts); lead i is qualified into opportunity i when i mod 6 = 2; everything
// created later (opportunities, cases, activities) points back at records created before it.
//
// The awkward cases are placed at fixed indices (`AT`), below the scale-1 counts, so they exist at every scale.
import { dataverseGuid, type RecordRef } from "./opex365-odata.js";
import {
  CASE_TOPICS,
  CATALOG,
  COUNTRIES,
  COUNTRY_WEIGHTS,
  JOB_TITLES,
  LEAD_TOPICS,
  LOCAL_JOB_TITLES,
  LOST_REASONS,
  OPPORTUNITY_TOPICS,
  PROJECT_NAMES,
  PROSPECTS,
  companyName,
  personName,
  type CatalogItem,
  type Country,
  type CountryCode,
  type IndustryCode,
  type Locale,
} from "./opex365-vocabulary.js";
import { KEY_ACCOUNTS_TEAM, LEAVER_LEFT_AT, SALES_USERS, SERVICE_USERS, STAGES, USER, USERS } from "./opex365-org.js";
import { asciiFold, type PersonName } from "./person-names.js";
import { Random } from "./random.js";
import { ScaledModel } from "./scale.js";

/** Records per table at scale 1; scale n gives n times as many. Products repeat the catalog. */
export const BASE_COUNTS = {
  accounts: 40,
  contacts: 50,
  leads: 30,
  opportunities: 36,
  incidents: 30,
  emails: 36,
  phonecalls: 28,
  tasks: 28,
  appointments: 24,
  annotations: 30,
  projects: 30,
  products: CATALOG.length,
} as const;

export type CountedTable = keyof typeof BASE_COUNTS;

/** Indices of the hand-placed records. All lie below the scale-1 counts. */
export const AT = {
  account: {
    groupParent: 0,
    groupChild: 2,
    groupGrandchild: 14,
    inactive: 5,
    japanese: 8,
    greek: 11,
    bulgarian: 17,
    teamOwned: 20,
    sparse: 23,
  },
  // Contact i sits in account slot floor(0.8 i): 10 and 11 at the Japanese account, 14 at the Greek, 22 at the Bulgarian one.
  contact: { noParent: 4, sparse: 7, japanese: 10, parentIsContact: 11, greek: 14, inactive: 19, bulgarian: 22 },
  /** Contacts below this index keep exactly their slot's account; random links start above it. */
  contactLayoutEnd: 24,
  lead: { qualified: 2, greek: 5, qualifiedOpportunityMissing: 8 },
  opportunity: { won: 0, lost: 1, fromLead: 2, contactCustomer: 3, sparse: 6 },
  incident: { cyrillic: 3, missingEntitlement: 5 },
  email: {
    regardingOpportunity: 0,
    regardingContact: 1,
    html: 2,
    japanese: 3,
    cyrillic: 4,
    leaverSender: 5,
    draft: 6,
    noRegarding: 7,
    unresolvedRecipient: 8,
  },
  appointment: { userAttendee: 0, deletedContact: 1, allDay: 2, greek: 3 },
  annotation: { pdf: 0, png: 1, text: 2, noFile: 3, onQualifiedLead: 4 },
  project: { noAccount: 3 },
} as const;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const CREATED_FROM = Date.UTC(2022, 0, 10);
export const CREATED_UNTIL = Date.UTC(2024, 5, 20);
/** When the export was taken; activities after it are planned, not done. */
export const EXPORTED_AT = Date.UTC(2024, 5, 28, 14, 0);

/** Who owns a record: a user (index into USERS) or the Key Accounts team. */
export type OwnerRef = { kind: "user"; user: number } | { kind: "team" };

export interface AccountRecord {
  index: number;
  id: string;
  name: string;
  shortName: string;
  /** Without www.; null when the account has no web presence. */
  domain: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  postalCode: string | null;
  state: string | null;
  country: string | null;
  locale: Locale;
  industry: IndustryCode | null;
  revenue: number | null;
  employees: number | null;
  /** Index into CURRENCIES. */
  currency: 0 | 1;
  parent: number | undefined;
  owner: OwnerRef;
  active: boolean;
  createdAt: number;
}

/** A customer lookup: an account or a contact, by index. */
export interface CustomerRef {
  table: "account" | "contact";
  index: number;
}

export interface ContactRecord {
  index: number;
  id: string;
  name: PersonName;
  firstname: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  line1: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  birthdate: number | undefined;
  parent: CustomerRef | undefined;
  owner: number;
  active: boolean;
  lifecycle: number | null;
  locale: Locale;
  createdAt: number;
}

export interface LeadRecord {
  index: number;
  id: string;
  subject: string;
  name: PersonName;
  companyName: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  jobTitle: string | null;
  website: string | null;
  city: string | null;
  country: string | null;
  description: string | null;
  source: number | null;
  quality: number | null;
  state: 0 | 1 | 2;
  status: number;
  owner: number;
  account: number | undefined;
  /** The opportunity it was qualified into: an index, or "missing" when that opportunity is not exported. */
  opportunity: number | "missing" | undefined;
  score: number | null;
  createdAt: number;
}

export interface OpportunityRecord {
  index: number;
  id: string;
  name: string;
  description: string | null;
  value: number | null;
  currency: 0 | 1;
  estimatedClose: number | undefined;
  probability: number | null;
  stepName: string | null;
  state: 0 | 1 | 2;
  status: number;
  rating: number | null;
  actualClose: number | undefined;
  customer: CustomerRef;
  owner: number;
  lead: number | undefined;
  type: number | null;
  lostReason: string | null;
  createdAt: number;
}

export interface IncidentRecord {
  index: number;
  id: string;
  title: string;
  ticketNumber: string;
  description: string | null;
  priority: number;
  state: 0 | 1 | 2;
  status: number;
  origin: number | null;
  customer: CustomerRef;
  owner: number;
  entitlement: string | null;
  createdAt: number;
}

export interface ProjectRecord {
  index: number;
  id: string;
  name: string;
  budget: number | null;
  currency: 0 | 1;
  start: number | undefined;
  status: number | null;
  account: number | undefined;
  owner: number;
  createdAt: number;
}

export interface ProductRecord extends CatalogItem {
  index: number;
  id: string;
  /** Index of the family product in the same copy of the catalog. */
  familyIndex: number | undefined;
}

const FREEMAIL: Readonly<Record<Locale, string>> = {
  de: "web.de",
  en: "gmail.com",
  fr: "orange.fr",
  it: "libero.it",
  ja: "yahoo.co.jp",
  el: "gmail.com",
  bg: "abv.bg",
};
const LATIN_LOCALES: readonly Locale[] = ["de", "en", "fr", "it"];

export class Opex365Model extends ScaledModel<CountedTable> {
  constructor(seed: number, scale: number) {
    super(seed, scale, BASE_COUNTS);
  }

  /** The GUID of row `index` of a table (logical name); configuration rows use the same scheme. */
  id(table: string, index: number): string {
    return dataverseGuid(Random.forRecord(this.seed, "id", table, index));
  }

  /** A GUID no exported row has: a reference to a row deleted in the source, or of a table not exported. */
  missingId(table: string): string {
    return dataverseGuid(Random.forRecord(this.seed, "missing", table));
  }

  userRef(user: number): RecordRef {
    return { id: this.id("systemuser", user), table: "systemuser", name: USERS[user]!.fullname };
  }

  ownerRef(owner: OwnerRef): RecordRef {
    return owner.kind === "user"
      ? this.userRef(owner.user)
      : { id: this.id("team", 0), table: "team", name: KEY_ACCOUNTS_TEAM };
  }

  accountRef(index: number): RecordRef {
    return { id: this.id("account", index), table: "account", name: this.account(index).name };
  }

  customerRef(customer: CustomerRef): RecordRef {
    return customer.table === "account" ? this.accountRef(customer.index) : refOfContact(this.contact(customer.index));
  }

  /** Creation times grow with the index, spread over the timeline, on working hours. */
  private createdAt(rng: Random, index: number, count: number): number {
    return workingTime(rng, CREATED_FROM + ((index + rng.float()) / count) * (CREATED_UNTIL - CREATED_FROM));
  }

  /** An index below the share of `count` created by `fraction` of the timeline, so references point back in time. */
  earlier(rng: Random, fraction: number, count: number): number {
    return rng.int(0, Math.max(1, Math.min(count, Math.ceil(fraction * count))));
  }

  /** A user of `pool` who worked here at `at`: the one who left owns only what came before he left. */
  owner(rng: Random, at: number, pool: readonly number[], preferred?: number): number {
    const present = (user: number) => user !== USER.leaver || at < LEAVER_LEFT_AT;
    if (preferred !== undefined && pool.includes(preferred) && present(preferred) && rng.chance(0.75)) return preferred;
    return rng.pick(pool.filter(present));
  }

  account(index: number): AccountRecord {
    const rng = this.random("account", index);
    const countryCode = fixedAccountCountry(index) ?? rng.weighted(COUNTRY_WEIGHTS);
    const country = COUNTRIES[countryCode];
    const company = companyName(rng, country.people, index);
    const city = rng.pick(country.cities);
    const createdAt = this.createdAt(rng, index, this.counts.accounts);
    const domain = `${company.domainStem}.${country.tld}`;
    const employees = Math.round(rng.pick([12, 40, 90, 250, 600, 1800, 5200]) * (0.7 + rng.float() * 0.6));
    const record: AccountRecord = {
      index,
      id: this.id("account", index),
      name: company.name,
      shortName: company.shortName,
      domain,
      email: rng.chance(0.8) ? `info@${domain}` : null,
      phone: rng.chance(0.85) ? country.phone(rng, city) : null,
      website: rng.chance(0.85) ? `https://www.${domain}` : null,
      line1: country.street(rng),
      line2: rng.chance(0.2) ? rng.pick(["Gebäude B", "Suite 400", "2F", "Tor 3"]) : null,
      city: city.name,
      postalCode: city.postalCode,
      state: city.state,
      country: country.name,
      locale: country.people,
      industry: rng.chance(0.9) ? company.industry : null,
      revenue: rng.chance(0.75) ? Math.round((employees * rng.int(80, 260)) / 10) * 10_000 : null,
      employees: rng.chance(0.85) ? employees : null,
      currency: country.currency === "USD" ? 1 : 0,
      parent: undefined,
      owner: { kind: "user", user: countryCode === "JP" ? USER.kenji : this.owner(rng, createdAt, SALES_USERS) },
      active: rng.chance(0.96),
      createdAt,
    };
    // A few generated subsidiaries beyond the sample's accounts, always of an older account.
    if (index >= BASE_COUNTS.accounts && rng.chance(0.05)) record.parent = rng.int(0, index);
    return placeAccount(record);
  }

  /** The account slot of contact i; slot a is account a. */
  private slotOf(contact: number): number {
    return Math.floor((contact * this.counts.accounts) / this.counts.contacts);
  }

  contactParent(index: number): CustomerRef | undefined {
    const at = AT.contact;
    if (index === at.noParent) return undefined;
    if (index === at.parentIsContact) return { table: "contact", index: at.japanese };
    const slot: CustomerRef = { table: "account", index: this.slotOf(index) };
    if (index < AT.contactLayoutEnd) return slot;
    return this.random("contact-parent", index).chance(0.05) ? undefined : slot;
  }

  /** Contacts whose parent customer is account `account`, in index order. */
  contactsOf(account: number): number[] {
    const { accounts, contacts } = this.counts;
    const found: number[] = [];
    for (
      let i = Math.max(0, Math.ceil((account * contacts) / accounts) - 1);
      i < contacts && this.slotOf(i) <= account;
      i++
    ) {
      const parent = this.contactParent(i);
      if (parent?.table === "account" && parent.index === account) found.push(i);
    }
    return found;
  }

  contact(index: number): ContactRecord {
    const rng = this.random("contact", index);
    const at = AT.contact;
    const parent = this.contactParent(index);
    const accountIndex = parent?.table === "account" ? parent.index : this.slotOf(index);
    const account = this.account(accountIndex);
    const fixedLocale =
      index === at.japanese || index === at.parentIsContact || index === at.greek || index === at.bulgarian;
    const locale = fixedLocale || rng.chance(0.8) ? account.locale : rng.pick(LATIN_LOCALES);
    const name = personName(rng, locale);
    const createdAt = Math.max(
      this.createdAt(rng, index, this.counts.contacts),
      account.createdAt + rng.int(5, 600) * MINUTE,
    );
    const domain = parent?.table === "account" && account.domain ? account.domain : FREEMAIL[locale];
    const country = countryOfLocale(locale, account);
    const home = rng.pick(country.cities);
    const atWork = parent?.table === "account" && rng.chance(0.5);
    const record: ContactRecord = {
      index,
      id: this.id("contact", index),
      name,
      firstname: name.first,
      email: fixedLocale || rng.chance(0.9) ? `${emailLocalPart(name)}@${domain}` : null,
      phone: rng.chance(0.7) ? country.phone(rng, home) : null,
      mobile: rng.chance(0.5) ? country.phone(rng, home) : null,
      jobTitle: rng.chance(0.85)
        ? LOCAL_JOB_TITLES[locale] && rng.chance(0.4)
          ? rng.pick(LOCAL_JOB_TITLES[locale]!)
          : rng.pick(JOB_TITLES)
        : null,
      line1: atWork ? account.line1 : rng.chance(0.4) ? country.street(rng) : null,
      city: atWork ? account.city : home.name,
      state: atWork ? account.state : home.state,
      country: atWork ? account.country : country.name,
      birthdate: rng.chance(0.3) ? Date.UTC(rng.int(1958, 2000), rng.int(0, 12), rng.int(1, 29)) : undefined,
      parent,
      owner:
        account.owner.kind === "user"
          ? this.owner(
              rng,
              createdAt,
              SALES_USERS.includes(account.owner.user) ? SALES_USERS : [account.owner.user],
              account.owner.user,
            )
          : this.owner(rng, createdAt, SALES_USERS),
      active: index !== at.inactive,
      lifecycle: rng.weighted<number | null>([
        [100000000, 15],
        [100000001, 35],
        [100000002, 35],
        [null, 15],
      ]),
      locale,
      createdAt,
    };
    if (index === at.sparse) {
      Object.assign(record, {
        firstname: null,
        email: null,
        phone: null,
        mobile: null,
        jobTitle: null,
        line1: null,
        city: null,
        state: null,
        country: null,
        birthdate: undefined,
        lifecycle: null,
      });
    }
    return record;
  }

  /** The opportunity lead `index` was qualified into, if it was qualified. */
  leadOpportunity(index: number): number | "missing" | undefined {
    if (index % 6 !== 2) return undefined;
    return index === AT.lead.qualifiedOpportunityMissing ? "missing" : index;
  }

  /** The lead opportunity `index` came from: the inverse of leadOpportunity. */
  opportunityLead(index: number): number | undefined {
    return index < this.counts.leads && this.leadOpportunity(index) === index ? index : undefined;
  }

  lead(index: number): LeadRecord {
    const rng = this.random("lead", index);
    const opportunity = this.leadOpportunity(index);
    const accountIndex =
      typeof opportunity === "number"
        ? this.opportunityCustomer(opportunity).index
        : rng.chance(0.35)
          ? this.earlier(rng, (index + 1) / this.counts.leads, this.counts.accounts)
          : undefined;
    const account = accountIndex === undefined ? undefined : this.account(accountIndex);
    const locale: Locale = index === AT.lead.greek ? "el" : (account?.locale ?? rng.pick(LATIN_LOCALES));
    const name = personName(rng, locale);
    const company = account ? { name: account.name, domain: account.domain } : prospect(rng, locale);
    const createdAt = Math.max(
      this.createdAt(rng, index, this.counts.leads),
      (account?.createdAt ?? 0) + rng.int(1, 40) * DAY,
    );
    const [state, status] =
      opportunity !== undefined
        ? ([1, 3] as const)
        : rng.weighted<readonly [0 | 2, number]>([
            [[0, 1], 30],
            [[0, 2], 25],
            [[2, 4], 10],
            [[2, 5], 8],
            [[2, 6], 10],
            [[2, 7], 4],
          ]);
    const country = countryOfLocale(locale, account);
    return {
      index,
      id: this.id("lead", index),
      subject: rng.pick(LEAD_TOPICS),
      name,
      companyName: company.name,
      email: rng.chance(0.9) ? `${emailLocalPart(name)}@${company.domain ?? FREEMAIL[locale]}` : null,
      phone: rng.chance(0.6) ? country.phone(rng, rng.pick(country.cities)) : null,
      mobile: rng.chance(0.4) ? country.phone(rng, rng.pick(country.cities)) : null,
      jobTitle: rng.chance(0.7) ? rng.pick(JOB_TITLES) : null,
      website: company.domain && rng.chance(0.7) ? `https://www.${company.domain}` : null,
      city: account?.city ?? rng.pick(country.cities).name,
      country: account?.country ?? country.name,
      description: rng.chance(0.5)
        ? `Came in through the ${rng.pick(["website form", "trade show booth", "partner referral"])}.`
        : null,
      source: rng.chance(0.85) ? rng.pick([1, 3, 4, 6, 7, 8, 8, 8, 9, 10]) : null,
      quality: rng.chance(0.8) ? rng.pick([1, 2, 2, 3]) : null,
      state,
      status,
      owner: this.owner(rng, createdAt, [...SALES_USERS, USER.marketing]),
      account: accountIndex,
      opportunity,
      score: rng.chance(0.7) ? rng.int(50, 1000) / 10 : null,
      createdAt,
    };
  }

  /** Computed on its own stream, so a lead can name the account of the opportunity it was qualified into. */
  opportunityCustomer(index: number): CustomerRef {
    if (index === AT.opportunity.contactCustomer) return { table: "contact", index: AT.contact.greek };
    const rng = this.random("opportunity-customer", index);
    const account =
      index === AT.opportunity.won
        ? AT.account.groupChild
        : this.earlier(rng, (index + 1) / this.counts.opportunities, this.counts.accounts);
    if (this.opportunityLead(index) === undefined && rng.chance(0.12)) {
      const contacts = this.contactsOf(account);
      if (contacts.length > 0) return { table: "contact", index: rng.pick(contacts) };
    }
    return { table: "account", index: account };
  }

  opportunity(index: number): OpportunityRecord {
    const rng = this.random("opportunity", index);
    const at = AT.opportunity;
    const customer = this.opportunityCustomer(index);
    const account = this.account(customer.table === "account" ? customer.index : this.contactAccount(customer.index));
    const lead = this.opportunityLead(index);
    const notBefore = lead === undefined ? account.createdAt : this.lead(lead).createdAt;
    const createdAt = Math.max(this.createdAt(rng, index, this.counts.opportunities), notBefore + rng.int(1, 20) * DAY);
    const outcome =
      index === at.won
        ? "won"
        : index === at.lost
          ? "lost"
          : index === at.sparse
            ? "open"
            : rng.weighted<"open" | "won" | "lost">([
                ["open", 50],
                ["won", 28],
                ["lost", 22],
              ]);
    const stage = rng.int(0, STAGES.length);
    const closedAt = Math.max(
      createdAt + DAY,
      Math.min(createdAt + rng.int(10, 150) * DAY, EXPORTED_AT - rng.int(1, 5) * DAY),
    );
    const record: OpportunityRecord = {
      index,
      id: this.id("opportunity", index),
      name: `${account.shortName} – ${rng.pick(OPPORTUNITY_TOPICS)}`,
      description: rng.chance(0.5) ? "Budget confirmed by the customer; decision by the plant manager." : null,
      value: rng.int(4, 400) * 250,
      currency: account.currency,
      estimatedClose: outcome === "open" ? Math.max(createdAt, EXPORTED_AT) + rng.int(14, 200) * DAY : closedAt,
      probability: outcome === "won" ? 100 : outcome === "lost" ? 0 : STAGES[stage]!.probability,
      stepName: outcome === "won" ? STAGES[3].name : STAGES[stage]!.name,
      state: outcome === "open" ? 0 : outcome === "won" ? 1 : 2,
      status: outcome === "open" ? (rng.chance(0.9) ? 1 : 2) : outcome === "won" ? 3 : rng.pick([4, 5]),
      rating: rng.chance(0.85) ? rng.pick([1, 2, 2, 3]) : null,
      actualClose: outcome === "open" ? undefined : closedAt,
      customer,
      owner: this.owner(rng, createdAt, SALES_USERS, account.owner.kind === "user" ? account.owner.user : undefined),
      lead,
      type:
        lead !== undefined
          ? 100000000
          : rng.weighted<number | null>([
              [100000000, 50],
              [100000001, 40],
              [null, 10],
            ]),
      lostReason: outcome === "lost" && rng.chance(0.85) ? rng.pick(LOST_REASONS) : null,
      createdAt,
    };
    if (account.locale === "ja") record.owner = USER.kenji;
    if (index === at.lost) Object.assign(record, { status: 5, lostReason: "Chose a competitor" });
    if (index === at.sparse)
      Object.assign(record, {
        description: null,
        value: null,
        estimatedClose: undefined,
        probability: null,
        stepName: null,
        rating: null,
        type: null,
      });
    return record;
  }

  /** The account a contact works for: its parent account, or its slot's account when it has none. */
  contactAccount(contact: number): number {
    const parent = this.contactParent(contact);
    return parent?.table === "account" ? parent.index : this.slotOf(contact);
  }

  incident(index: number): IncidentRecord {
    const rng = this.random("incident", index);
    const at = AT.incident;
    const fraction = (index + 1) / this.counts.incidents;
    const customer: CustomerRef =
      index === at.cyrillic
        ? { table: "contact", index: AT.contact.bulgarian }
        : rng.chance(0.7)
          ? { table: "account", index: this.earlier(rng, fraction, this.counts.accounts) }
          : { table: "contact", index: this.earlier(rng, fraction, this.counts.contacts) };
    const notBefore =
      customer.table === "account" ? this.account(customer.index).createdAt : this.contact(customer.index).createdAt;
    const createdAt = Math.max(this.createdAt(rng, index, this.counts.incidents), notBefore + rng.int(1, 60) * DAY);
    const old = createdAt < EXPORTED_AT - 30 * DAY;
    const [state, status] = rng.weighted<readonly [0 | 1 | 2, number]>(
      old
        ? [
            [[1, 5], 60],
            [[1, 1000], 15],
            [[2, 6], 8],
            [[0, 1], 10],
            [[0, 3], 7],
          ]
        : [
            [[0, 1], 50],
            [[0, 2], 15],
            [[0, 4], 15],
            [[1, 5], 20],
          ],
    );
    const [title, description] = rng.pick(CASE_TOPICS);
    const record: IncidentRecord = {
      index,
      id: this.id("incident", index),
      title,
      ticketNumber: `CAS-${String(1001 + index).padStart(5, "0")}-${alphanumeric(rng, 6)}`,
      description: rng.chance(0.9) ? description : null,
      priority: rng.weighted([
        [1, 20],
        [2, 60],
        [3, 20],
      ]),
      state,
      status,
      origin: rng.chance(0.9) ? rng.pick([1, 2, 2, 3]) : null,
      customer,
      owner: this.owner(rng, createdAt, SERVICE_USERS),
      entitlement: index === at.missingEntitlement ? this.missingId("entitlement") : null,
      createdAt,
    };
    if (index === at.cyrillic) {
      record.title = "Сензорът не изпраща данни";
      record.description =
        "След смяната на батерията сензор T-200 в склад 2 не изпраща данни към облака. Моля за спешна помощ.";
    }
    return record;
  }

  project(index: number): ProjectRecord {
    const rng = this.random("project", index);
    const account =
      index === AT.project.noAccount || rng.chance(0.08)
        ? undefined
        : this.account(this.earlier(rng, (index + 1) / this.counts.projects, this.counts.accounts));
    const createdAt = Math.max(
      this.createdAt(rng, index, this.counts.projects),
      (account?.createdAt ?? 0) + rng.int(1, 60) * DAY,
    );
    return {
      index,
      id: this.id("new_project", index),
      name: account
        ? `${rng.pick(PROJECT_NAMES)} ${account.shortName}`
        : `Internal: ${rng.pick(["ISO 17025 audit", "Trade show 2024", "CRM clean-up"])}`,
      budget: rng.chance(0.85) ? rng.int(10, 400) * 500 : null,
      currency: account?.currency ?? 0,
      start: rng.chance(0.9) ? Math.floor(createdAt / DAY) * DAY + rng.int(0, 60) * DAY : undefined,
      status: rng.weighted<number | null>([
        [100000000, 55],
        [100000001, 15],
        [100000002, 25],
        [null, 5],
      ]),
      account: account?.index,
      owner: this.owner(rng, createdAt, account?.locale === "ja" ? [USER.kenji] : SALES_USERS),
      createdAt,
    };
  }

  /** Product `index` is catalog item index mod the catalog's length, in copy index div that length. */
  product(index: number): ProductRecord {
    const copy = Math.floor(index / CATALOG.length);
    const item = CATALOG[index % CATALOG.length]!;
    const base = copy * CATALOG.length;
    return {
      ...item,
      name: copy === 0 ? item.name : `${item.name} (${copy + 1})`,
      number: copy === 0 ? item.number : `${item.number}-${copy + 1}`,
      components: item.components?.map(([component, quantity]) => [base + component, quantity] as const),
      index,
      id: this.id("product", index),
      familyIndex: item.family === null ? undefined : base + item.family,
    };
  }

  productRef(index: number): RecordRef {
    return { id: this.id("product", index), table: "product", name: this.product(index).name };
  }
}

export function fullName(contact: ContactRecord): string {
  return contact.firstname ? `${contact.firstname} ${contact.name.last}` : contact.name.last;
}

// The lookup to a record: its id, its table and the primary name Dataverse shows for it.
export const refOfContact = (c: ContactRecord): RecordRef => ({ id: c.id, table: "contact", name: fullName(c) });
export const refOfLead = (l: LeadRecord): RecordRef => ({
  id: l.id,
  table: "lead",
  name: `${l.name.first} ${l.name.last}`,
});
export const refOfOpportunity = (o: OpportunityRecord): RecordRef => ({ id: o.id, table: "opportunity", name: o.name });
export const refOfIncident = (i: IncidentRecord): RecordRef => ({ id: i.id, table: "incident", name: i.title });

export function emailLocalPart(name: PersonName): string {
  const part = (text: string) => asciiFold(text).replace(/[^a-z0-9]/g, "");
  return `${part(name.asciiFirst)}.${part(name.asciiLast)}`;
}

/** A time on the same UTC day between 06:00 and 17:00, with seconds. */
export function workingTime(rng: Random, around: number): number {
  const day = Math.floor(around / DAY) * DAY;
  return day + (6 * 60 + rng.int(0, 11 * 60)) * MINUTE + rng.int(0, 60) * 1000;
}

function fixedAccountCountry(index: number): CountryCode | undefined {
  const at = AT.account;
  if (index === at.japanese) return "JP";
  if (index === at.greek) return "GR";
  if (index === at.bulgarian) return "BG";
  const german: readonly number[] = [
    at.groupParent,
    at.groupChild,
    at.groupGrandchild,
    at.inactive,
    at.teamOwned,
    at.sparse,
  ];
  return german.includes(index) ? "DE" : undefined;
}

/** The hand-placed accounts: the Nordwerk group, the non-Latin names, and the inactive, team-owned and empty ones. */
function placeAccount(record: AccountRecord): AccountRecord {
  const at = AT.account;
  const named = (name: string, shortName: string, domain: string, industry: IndustryCode) =>
    Object.assign(record, {
      name,
      shortName,
      domain,
      industry,
      email: `info@${domain}`,
      website: `https://www.${domain}`,
    });
  switch (record.index) {
    case at.groupParent:
      named("Nordwerk Holding AG", "Nordwerk", "nordwerk.de", 16);
      return Object.assign(record, { employees: 5200, revenue: 1_250_000_000 });
    case at.groupChild:
      named("Nordwerk Kühllogistik GmbH", "Nordwerk Kühllogistik", "nordwerk-kuehllogistik.de", 30);
      return Object.assign(record, { parent: at.groupParent, employees: 860 });
    case at.groupGrandchild:
      named("Nordwerk Kühllogistik Süd GmbH", "Nordwerk Süd", "sued.nordwerk-kuehllogistik.de", 30);
      return Object.assign(record, { parent: at.groupChild, employees: 140 });
    case at.japanese:
      named("株式会社ミドリ精機", "ミドリ精機", "midori-seiki.co.jp", 12);
      return Object.assign(record, {
        line1: "丸の内2-4-1",
        city: "東京",
        state: "東京都",
        postalCode: "100-6390",
        phone: "+81 3-3211-4711",
      });
    case at.greek:
      named("Αιγαίο Τρόφιμα Α.Ε.", "Αιγαίο Τρόφιμα", "aigaio-trofima.gr", 17);
      return Object.assign(record, {
        line1: "Λεωφόρος Κηφισίας 124",
        city: "Αθήνα",
        state: "Αττική",
        postalCode: "115 26",
        phone: "+30 21 06894210",
      });
    case at.bulgarian:
      named("Тракия Фарма ЕООД", "Тракия Фарма", "trakia-farma.bg", 22);
      return Object.assign(record, {
        line1: "бул. България 118",
        city: "София",
        state: "София-град",
        postalCode: "1618",
        phone: "+359 2 9555210",
      });
    case at.inactive:
      return Object.assign(record, { active: false });
    case at.teamOwned:
      return Object.assign(record, { owner: { kind: "team" } });
    case at.sparse:
      return Object.assign(record, {
        name: "Meyer & Söhne",
        shortName: "Meyer & Söhne",
        domain: null,
        email: null,
        phone: null,
        website: null,
        line1: null,
        line2: null,
        city: null,
        postalCode: null,
        state: null,
        country: null,
        industry: null,
        revenue: null,
        employees: null,
      });
  }
  return record;
}

function countryOfLocale(locale: Locale, account: AccountRecord | undefined): Country {
  if (account && account.locale === locale) {
    const own = Object.values<Country>(COUNTRIES).find((c) => c.name === account.country);
    if (own) return own;
  }
  return Object.values<Country>(COUNTRIES).find((c) => c.people === locale) ?? COUNTRIES.DE;
}

/** A lead's company that is not an account yet; two leads may come from the same prospect. */
function prospect(rng: Random, locale: Locale): { name: string; domain: string | null } {
  const [name, domainStem] = rng.pick(PROSPECTS[locale]);
  return { name, domain: rng.chance(0.8) ? `${domainStem}.${countryOfLocale(locale, undefined).tld}` : null };
}

function alphanumeric(rng: Random, length: number): string {
  const chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  return Array.from({ length }, () => chars[rng.int(0, chars.length)]).join("");
}
