// Addresses, e-mail addresses and phone numbers of a Sage CRM export, and the link tables that tie them to
// companies and persons (Address_Link by company and person id; EmailLink and PhoneLink by entity, 5 for
// Company and 13 for Person, and record id). Which child rows exist is fixed by position (sage-layout.ts),
// so a block always has the same number; their values are drawn from the streams of their owners' ids. A
// child row of a deleted company or person is deleted with it.
import { tableId } from "./sage-account.js";
import type { Cell } from "./sage-format.js";
import {
  ADDRESS_SLOTS,
  AT,
  BASE_COUNTS,
  hasCompanyEmail,
  hasCompanyPhone,
  hasDirectLine,
  hasFax,
  hasMobile,
  hasPersonEmail,
  hasPrivateEmail,
  indexIn,
  isPrivatePerson,
  primaryPersonOf,
  type AddressSlot,
} from "./sage-layout.js";
import { mailLocal, type Audit, type Company, type Person, type SageModel } from "./sage-model.js";
import type { Random } from "./random.js";
import { DIALLING, STREETS, type CountryCode } from "./sage-vocabulary.js";

/** Sage's entity ids in EmailLink and PhoneLink. */
export const COMPANY_ENTITY = tableId("Company");
export const PERSON_ENTITY = tableId("Person");

export interface Address {
  id: number;
  lines: [Cell, Cell, Cell, Cell];
  city: string;
  state: string | null;
  postCode: string;
  country: CountryCode;
  audit: Audit;
}

export interface AddressLink {
  addressId: number;
  companyId: number | undefined;
  personId: number | undefined;
  type: "Business" | "Billing" | "Home";
  audit: Audit;
}

/** A row of a link table naming its entity (5 Company, 13 Person) and record. */
export interface EntityLink {
  entity: number;
  recordId: number;
  type: string;
  audit: Audit;
}

export interface EmailEntry {
  address: string;
  link: EntityLink;
}

export interface PhoneEntry {
  countryCode: string;
  areaCode: string | null;
  number: string;
  /** Usually one; the shared switchboard has two. */
  links: EntityLink[];
  audit: Audit;
}

/** Companies at positions 4, 15, 26, … fill all four address lines (a building, and an attention line). */
export const hasFourAddressLines = (company: number): boolean => company % 11 === 4;

const slotOf = (index: number) => ADDRESS_SLOTS[index % ADDRESS_SLOTS.length]!;
const blockOfAddress = (index: number) => Math.floor(index / ADDRESS_SLOTS.length);

/** A street address as the country writes it: `14 Mill Lane`, `Industriestraße 14`, `14 rue des Écoles`. */
function streetLine(rng: Random, country: CountryCode): string {
  const street = rng.pick(STREETS[country]);
  const number = rng.int(1, 180);
  switch (country) {
    case "UK":
    case "IE":
      return rng.chance(0.3) ? `Unit ${rng.int(1, 30)}, ${street}` : `${number} ${street}`;
    case "FR":
    case "BE":
      return `${number} ${street}`;
    default:
      return `${street} ${number}`;
  }
}

export function address(model: SageModel, index: number): Address {
  const slot = slotOf(index);
  const block = blockOfAddress(index);
  const id = index + 1;
  if (slot.kind === "Home") {
    const person = model.person(indexIn(block, "persons", slot.person));
    const rng = model.random("address", index);
    const home = person.home!;
    return {
      id,
      lines: [streetLine(rng, home.country), null, null, null],
      city: home.city,
      state: null,
      postCode: home.postCode,
      country: home.country,
      audit: person.audit,
    };
  }
  const company = model.company(indexIn(block, "companies", slot.company));
  const rng = model.random("address", index);
  const { entry } = company;
  const lines: Address["lines"] =
    slot.kind === "Billing"
      ? ["Accounts Payable", `PO Box ${rng.int(100, 9999)}`, null, null]
      : hasFourAddressLines(slot.company)
        ? [streetLine(rng, entry.country), `Building ${rng.int(1, 12)}`, "Science Park", "Attn: Goods In"]
        : [streetLine(rng, entry.country), rng.chance(0.3) ? "Riverside Industrial Estate" : null, null, null];
  return {
    id,
    lines,
    city: entry.city,
    state: entry.state,
    postCode: entry.postCode,
    country: entry.country,
    audit: company.audit,
  };
}

/** The Address_Link rows of address `index`: the company's (and its primary person's), or the home's person. */
export function addressLinks(model: SageModel, index: number): AddressLink[] {
  const slot: AddressSlot = slotOf(index);
  const block = blockOfAddress(index);
  const addressId = index + 1;
  if (slot.kind === "Home") {
    const person = model.person(indexIn(block, "persons", slot.person));
    return [{ addressId, companyId: undefined, personId: person.id, type: "Home", audit: person.audit }];
  }
  const company = model.company(indexIn(block, "companies", slot.company));
  const links: AddressLink[] = [
    { addressId, companyId: company.id, personId: undefined, type: slot.kind, audit: company.audit },
  ];
  const primary = primaryPersonOf(slot.company);
  if (slot.kind === "Business" && primary !== undefined) {
    const person = model.person(indexIn(block, "persons", primary));
    links.push({ addressId, companyId: company.id, personId: person.id, type: "Business", audit: person.audit });
  }
  return links;
}

/** A company's general mailbox: `info@`, or as its country writes it. */
function companyMailbox(company: Company): string {
  const box = { FR: "contact", BE: "contact", DE: "info", AT: "office", DK: "kontakt", NO: "post" }[
    company.entry.country as string
  ];
  return `${box ?? (company.index % 2 === 0 ? "info" : "enquiries")}@${company.domain}`;
}

const companyLink = (company: Company, type: string): EntityLink => ({
  entity: COMPANY_ENTITY,
  recordId: company.id,
  type,
  audit: company.audit,
});

const personLink = (person: Person, type: string, audit = person.audit): EntityLink => ({
  entity: PERSON_ENTITY,
  recordId: person.id,
  type,
  audit,
});

/** Every e-mail address of the export with its EmailLink row, in id order: block by block, companies first. */
export function* emailEntries(model: SageModel): Iterable<EmailEntry> {
  const blocks = model.counts.companies / BASE_COUNTS.companies;
  for (let block = 0; block < blocks; block++) {
    for (let c = 0; c < BASE_COUNTS.companies; c++) {
      if (!hasCompanyEmail(c)) continue;
      const company = model.company(indexIn(block, "companies", c));
      yield { address: companyMailbox(company), link: companyLink(company, "Business") };
    }
    for (let p = 0; p < BASE_COUNTS.persons; p++) {
      if (!hasPersonEmail(p)) continue;
      const person = model.person(indexIn(block, "persons", p));
      yield { address: person.email!, link: personLink(person, isPrivatePerson(p) ? "Private" : "Business") };
    }
    for (let p = 0; p < BASE_COUNTS.persons; p++) {
      if (!hasPrivateEmail(p) || isPrivatePerson(p)) continue;
      const person = model.person(indexIn(block, "persons", p));
      yield { address: person.privateEmail!, link: personLink(person, "Private") };
    }
    // The address before the company moved to its new domain: its link deleted, the row with it.
    const moved = model.person(indexIn(block, "persons", AT.person.replacedEmail));
    const company = model.company(moved.companyId! - 1);
    yield {
      address: `${mailLocal(moved.first)}.${mailLocal(moved.last)}@${company.domain.replace(/\.example$/, "-ltd.example")}`,
      link: personLink(moved, "Business", { ...moved.audit, deleted: true }),
    };
  }
}

/** A phone number as Sage splits it: country code, area code (none in Denmark and Norway), number. */
function phoneNumber(
  rng: Random,
  country: CountryCode,
  mobile: boolean,
): Pick<PhoneEntry, "countryCode" | "areaCode" | "number"> {
  const dialling = DIALLING[country];
  const pairs = () => `${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
  if (country === "DK" || country === "NO") return { countryCode: dialling.country, areaCode: null, number: pairs() };
  if (mobile) {
    const area = { UK: "7700", IE: "87", DE: "151", AT: "664", FR: "6", NL: "6", BE: "475" }[country];
    const number = country === "UK" ? `900 ${rng.digits(3)}` : country === "FR" ? pairs() : rng.digits(7);
    return { countryCode: dialling.country, areaCode: area, number };
  }
  const area = rng.pick(dialling.areas);
  const number =
    country === "UK"
      ? area.length === 4
        ? rng.digits(6)
        : `${rng.digits(3)} ${rng.digits(4)}`
      : country === "FR"
        ? pairs()
        : rng.digits(7);
  return { countryCode: dialling.country, areaCode: area, number };
}

/** Every phone number of the export with its PhoneLink rows, in id order: block by block, companies first. */
export function* phoneEntries(model: SageModel): Iterable<PhoneEntry> {
  const blocks = model.counts.companies / BASE_COUNTS.companies;
  for (let block = 0; block < blocks; block++) {
    for (let c = 0; c < BASE_COUNTS.companies; c++) {
      if (!hasCompanyPhone(c)) continue;
      const company = model.company(indexIn(block, "companies", c));
      const rng = model.random("company-phone", company.index);
      const links = [companyLink(company, "Business")];
      const sharer = c === AT.company.sharedPhone ? primaryPersonOf(c) : undefined;
      if (sharer !== undefined) links.push(personLink(model.person(indexIn(block, "persons", sharer)), "Business"));
      yield { ...phoneNumber(rng, company.entry.country, false), links, audit: company.audit };
      if (hasFax(c))
        yield {
          ...phoneNumber(rng, company.entry.country, false),
          links: [companyLink(company, "Fax")],
          audit: company.audit,
        };
    }
    for (let p = 0; p < BASE_COUNTS.persons; p++) {
      if (!hasDirectLine(p) && !hasMobile(p)) continue;
      const person = model.person(indexIn(block, "persons", p));
      const rng = model.random("person-phone", person.index);
      if (hasDirectLine(p))
        yield {
          ...phoneNumber(rng, person.country, false),
          links: [personLink(person, "Business")],
          audit: person.audit,
        };
      if (hasMobile(p))
        yield { ...phoneNumber(rng, person.country, true), links: [personLink(person, "Mobile")], audit: person.audit };
    }
  }
}
