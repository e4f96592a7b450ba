// The companies, contacts and deals of a Concord export, each computed on its own from (seed, kind, index),
// with the relations between them laid out by position (concord-layout.ts). Nothing is kept between records:
// a deal that needs its company recomputes it.
import {
  ACTIVE_PRODUCTS,
  PIPELINES,
  PRODUCTS,
  openStages,
  stageNamed,
  tagsOfType,
  usersOf,
  type Pipeline,
  type Product,
  type Stage,
  type Tag,
  type User,
} from "./concord-account.js";
import { DAY, HOUR, MINUTE, dayStart, utc } from "./concord-format.js";
import {
  AT,
  BASE_COUNTS,
  STANDALONE,
  blockOf,
  dealCompanyOf,
  employerOf,
  hasEmail,
  inBlock,
  indexIn,
  isAt,
  staffOf,
  type CountedKind,
} from "./concord-layout.js";
import { asciiFold, latinName } from "./person-names.js";
import type { Random } from "./random.js";
import { ScaledModel } from "./scale.js";
import {
  COMPANIES,
  ES_DEAL_TOPICS,
  ES_JOB_TITLES,
  ES_NAMES,
  INDUSTRIES,
  LOST_REASONS,
  PRIVATE_MAIL_DOMAINS,
  PT_DEAL_TOPICS,
  PT_JOB_TITLES,
  PT_NAMES,
  type CompanyEntry,
  type Country,
} from "./concord-vocabulary.js";

/** When the dump was taken: 2024-05-01 10:00 UTC. */
export const EXPORTED_AT = utc(2024, 5, 1, 10);

export interface Phone {
  number: string;
  type: "work" | "mobile" | "other";
}

/** What every record of the three main resources has: its id, owner, creation and what a custom field draws on. */
export interface Party {
  index: number;
  id: number;
  userId: number;
  created: number;
  country: Country["iso_3166_2"];
  /** The company's domain (a standalone person's e-mail domain), for custom fields. */
  domain: string;
}

export interface Company extends Party {
  entry: CompanyEntry;
  email: string | null;
  industry: { id: number; name: string } | null;
  phones: Phone[];
  updated: number;
}

export interface Contact extends Party {
  first: string;
  last: string;
  email: string | null;
  jobTitle: string | null;
  phones: Phone[];
  /** Company ids; the first is the employer. */
  companies: number[];
  tags: Tag[];
  updated: number;
}

export interface DealLine {
  product: Product;
  qty: number;
  /** In cents. */
  unitPrice: number;
}

export interface Deal extends Party {
  name: string;
  /** In cents: Σ qty × unit_price of its products, or as entered for a deal without products. */
  amount: number;
  pipeline: Pipeline;
  stage: Stage;
  status: "open" | "won" | "lost";
  expectedClose: number | null;
  wonDate: number | null;
  lostDate: number | null;
  lostReason: string | null;
  contacts: number[];
  companies: number[];
  products: DealLine[];
  tags: Tag[];
}

/** The status cycle of a block's deals: deal d is STATUS_CYCLE[d mod 5]. */
const STATUS_CYCLE: readonly Deal["status"][] = ["open", "won", "open", "lost", "open"];

/** Lower-case ASCII for an e-mail local part: "Maria da Conceição" → "mariadaconceicao". */
const local = (text: string) => asciiFold(text).replace(/[^a-z0-9]/g, "");

/** A moment in office hours (08:00 to 18:00 UTC), minDays to maxDays days after the day of `since`. */
export function officeTime(rng: Random, since: number, minDays: number, maxDays: number): number {
  return (
    dayStart(since) + rng.int(minDays, maxDays + 1) * DAY + rng.int(8 * 60, 18 * 60) * MINUTE + rng.int(0, 60) * 1000
  );
}

/** A moment after `since` and before the export was taken: what was written down has happened. */
export function happenedAfter(rng: Random, since: number, maxDays: number): number {
  const at = officeTime(rng, since, 0, maxDays);
  return at > since && at < EXPORTED_AT
    ? at
    : Math.min(since + rng.int(1, 6) * HOUR, EXPORTED_AT - rng.int(1, 48) * HOUR);
}

/** Creation times grow with the index, as Concord's ids do. */
function spreadOver(rng: Random, index: number, count: number, from: number, until: number): number {
  return officeTime(rng, from + ((index + rng.float()) / count) * (until - from), 0, 0);
}

function ownerOf(rng: Random, country: Country["iso_3166_2"]): User {
  return rng.pick(usersOf(country));
}

function phone(rng: Random, country: Country["iso_3166_2"], type: Phone["type"]): Phone {
  if (country === "ES")
    return type === "mobile"
      ? { number: `+34 6${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`, type }
      : { number: `+34 9${rng.digits(2)} ${rng.digits(3)} ${rng.digits(3)}`, type };
  return type === "mobile"
    ? { number: `+351 9${rng.pick(["1", "2", "3", "6"])}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}`, type }
    : { number: `+351 2${rng.digits(2)} ${rng.digits(3)} ${rng.digits(3)}`, type };
}

export class ConcordModel extends ScaledModel<CountedKind> {
  constructor(seed: number, scale: number) {
    super(seed, scale, BASE_COUNTS);
  }

  company(index: number): Company {
    const rng = this.random("company", index);
    const position = inBlock(index, "companies");
    const entry = COMPANIES[position]!;
    const country = entry.country.iso_3166_2;
    const created = spreadOver(rng, index, this.counts.companies, utc(2022, 1, 10), utc(2024, 3, 31));
    const phones =
      position === AT.company.noPhones
        ? []
        : [phone(rng, country, "work"), ...(rng.chance(0.3) ? [phone(rng, country, "mobile")] : [])];
    return {
      index,
      id: index + 1,
      userId: ownerOf(rng, country).id,
      created,
      updated: happenedAfter(rng, created, 200),
      country,
      domain: entry.domain,
      entry,
      email: rng.chance(0.8) ? `${country === "PT" ? "geral" : "info"}@${entry.domain}` : null,
      industry: entry.industry === null ? null : { id: entry.industry, name: INDUSTRIES[entry.industry]! },
      phones,
    };
  }

  /** The index of position `position` of `target` in the block of record `index` of `kind`. */
  sameBlock(kind: CountedKind, index: number, target: CountedKind, position: number): number {
    return indexIn(blockOf(index, kind), target, position);
  }

  contact(index: number): Contact {
    const rng = this.random("contact", index);
    const position = inBlock(index, "contacts");
    const employerPosition = employerOf(position);
    const employer =
      employerPosition === undefined
        ? undefined
        : this.company(this.sameBlock("contacts", index, "companies", employerPosition));
    const country = employer?.country ?? (rng.chance(0.75) ? "PT" : "ES");
    const [first, last] = contactName(rng, position, country);
    const mailDomain = employer?.domain ?? rng.pick(PRIVATE_MAIL_DOMAINS[country]);
    const email = !hasEmail(position)
      ? null
      : employer
        ? `${local(first)}.${local(last)}@${employer.domain}`
        : `${local(first)}.${local(last)}${rng.int(70, 100)}@${mailDomain}`;
    const companies = employer === undefined ? [] : [employer.id];
    if (employer && isAt(position, AT.contact.twoCompanies))
      companies.push(
        this.sameBlock("contacts", index, "companies", (employerPosition! + 20) % BASE_COUNTS.companies) + 1,
      );
    const created = employer
      ? Math.min(employer.created + rng.int(1, 90) * DAY, EXPORTED_AT - rng.int(2, 20) * DAY)
      : spreadOver(rng, index, this.counts.contacts, utc(2022, 6, 1), utc(2024, 4, 20));
    const titles = country === "PT" ? PT_JOB_TITLES : ES_JOB_TITLES;
    return {
      index,
      id: index + 1,
      userId: employer && rng.chance(0.7) ? employer.userId : ownerOf(rng, country).id,
      created,
      updated: happenedAfter(rng, created, 120),
      country,
      domain: mailDomain,
      first,
      last,
      email,
      jobTitle: employer && rng.chance(0.85) ? rng.pick(titles) : null,
      phones: email === null || rng.chance(0.6) ? [phone(rng, country, "mobile")] : [],
      companies,
      tags: rng.chance(0.35) ? rng.sample(tagsOfType("contacts"), rng.int(1, 3)) : [],
    };
  }

  deal(index: number): Deal {
    const rng = this.random("deal", index);
    const position = inBlock(index, "deals");
    const company = this.company(this.sameBlock("deals", index, "companies", dealCompanyOf(position)));
    const status = STATUS_CYCLE[position % STATUS_CYCLE.length]!;
    const pipeline = PIPELINES[position % 3 === 2 ? 1 : 0]!;
    const { contacts, companies, named, since, country } = this.dealParties(rng, index, position, company);
    const spread = spreadOver(rng, index, this.counts.deals, utc(2023, 1, 9), utc(2024, 4, 25));
    const created = Math.min(Math.max(since + rng.int(1, 30) * DAY, spread), EXPORTED_AT - 2 * DAY);
    const closing = Math.min(created + rng.int(3, 60) * DAY, EXPORTED_AT - rng.int(1, 10) * HOUR);
    const products = dealLines(rng, position);
    const topics = country === "PT" ? PT_DEAL_TOPICS : ES_DEAL_TOPICS;
    return {
      index,
      id: index + 1,
      userId: companies.length > 0 && rng.chance(0.8) ? company.userId : ownerOf(rng, country).id,
      created,
      country,
      domain: company.domain,
      name: `${named} – ${rng.pick(topics)}`,
      amount:
        products.length > 0 ? products.reduce((sum, l) => sum + l.qty * l.unitPrice, 0) : rng.int(20, 400) * 25_000,
      pipeline,
      stage: dealStage(rng, position, pipeline, status),
      status,
      expectedClose: expectedClose(rng, status, created),
      wonDate: status === "won" ? closing : null,
      lostDate: status === "lost" ? closing : null,
      lostReason: status === "lost" ? rng.pick(LOST_REASONS) : null,
      contacts,
      companies,
      products,
      tags: rng.chance(0.4) ? rng.sample(tagsOfType("deals"), rng.int(1, 3)) : [],
    };
  }

  /** Who a deal is with: its company and one or two of its people, or the hand-placed exceptions. */
  private dealParties(rng: Random, index: number, position: number, company: Company) {
    const d = AT.deal;
    if (position === d.noParties)
      return {
        contacts: [],
        companies: [],
        named: "Pedido pelo website",
        since: company.created,
        country: "PT" as const,
      };
    if (position === d.personOnly) {
      const person = this.contact(this.sameBlock("deals", index, "contacts", STANDALONE[1]!));
      const named = `${person.first} ${person.last}`;
      return { contacts: [person.id], companies: [], named, since: person.created, country: person.country };
    }
    const staff = staffOf(inBlock(company.index, "companies")).map((k) =>
      this.sameBlock("deals", index, "contacts", k),
    );
    const chosen = isAt(position, d.companyOnly) ? [] : rng.sample(staff, rng.chance(0.3) ? 2 : 1);
    const since = Math.max(company.created, ...chosen.map((k) => this.contact(k).created));
    const contacts = chosen.map((k) => k + 1);
    return { contacts, companies: [company.id], named: company.entry.short, since, country: company.country };
  }
}

/** When a deal was expected to close: most open deals in the months after the export, some long overdue, some unset. */
function expectedClose(rng: Random, status: Deal["status"], created: number): number | null {
  if (status === "open" && rng.chance(0.15)) return null;
  if (status === "open" && rng.chance(0.75)) return dayStart(EXPORTED_AT) + rng.int(5, 120) * DAY;
  return dayStart(created) + rng.int(20, 120) * DAY;
}

/** The hand-placed names, or a name of the country. */
function contactName(rng: Random, position: number, country: Country["iso_3166_2"]): [string, string] {
  if (position === AT.contact.accented[0]) return ["Maria da Conceição", "Magalhães"];
  if (position === AT.contact.accented[1]) return ["Íñigo", "Ibáñez Peña"];
  const name = latinName(rng, country === "PT" ? PT_NAMES : ES_NAMES);
  return [name.first, name.last];
}

function dealStage(rng: Random, position: number, pipeline: Pipeline, status: Deal["status"]): Stage {
  if (status === "won") return stageNamed(pipeline, "Won");
  if (status === "lost") return stageNamed(pipeline, "Lost");
  if (isAt(position, AT.deal.sharedStage)) return stageNamed(pipeline, "Negotiation");
  return rng.pick(openStages(pipeline));
}

/** How many of a product a deal buys: users, vehicles, days or hours. */
function quantity(rng: Random, product: Product): number {
  if (product.id <= 4 || product.id === 6) return rng.int(5, 41);
  if (product.id === 5) return rng.int(5, 60);
  if (product.id === 10 || product.id === 14) return rng.int(8, 81);
  if (product.id === 9 || product.id === 11) return rng.int(2, 11);
  return 1;
}

/** A deal's products: at their list price, but the hand-placed deal has 10 % off the TMS licence. */
function dealLines(rng: Random, position: number): DealLine[] {
  if (position === AT.deal.priceDiffers) {
    const [tms, implementation] = [PRODUCTS[0]!, PRODUCTS[8]!];
    return [
      { product: tms, qty: 25, unitPrice: (tms.unitPrice * 9) / 10 },
      { product: implementation, qty: 6, unitPrice: implementation.unitPrice },
    ];
  }
  if (!rng.chance(0.55)) return [];
  return rng
    .sample(ACTIVE_PRODUCTS, rng.int(1, 4))
    .sort((a, b) => a.id - b.id)
    .map((product) => ({ product, qty: quantity(rng, product), unitPrice: product.unitPrice }));
}
