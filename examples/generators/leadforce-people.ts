// Who a lead is: the person, the company as the lead spells it, and the company's website and address as
// the lead carries them (Leadforce keeps no separate company record). The awkward spellings, the private
// person and the odd cells are placed at the indices `AT.lead` names.
import { AT, BASE_COUNTS, FOREIGN_LEADS, isAt } from "./leadforce-layout.js";
import { asciiFold } from "./person-names.js";
import type { Random } from "./random.js";
import {
  ACME,
  COMPANIES,
  FIRST_NAMES,
  FOREIGN_COMPANIES,
  FOREIGN_NAMES,
  LAST_NAMES,
  NO_WEBSITE_COMPANY,
  POSITIONS,
  type Company,
} from "./leadforce-vocabulary.js";

export interface LeadIdentity {
  first: string;
  last: string;
  /** `First Last`, the Name cell. */
  name: string;
  position: string;
  /** The company as this lead spells it; empty for a private person. */
  company: string;
  /** The company's name without its legal form, for deal names; the person's name for a private person. */
  short: string;
  website: string;
  /** The website's host without `www.`; empty when there is no website. */
  domain: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  industry: string;
}

/** Lower-case ASCII for an e-mail local part: "Zoë" → "zoe", "D'Souza" → "dsouza", "Wei Ling" → "weiling". */
const local = (text: string) => asciiFold(text).replace(/[^a-z0-9]/g, "");

function companyOf(rng: Random, index: number): { company: Company; spelling: string; website: string } {
  const acme = (AT.lead.acme as readonly number[]).indexOf(index);
  if (acme >= 0) {
    const k = acme % ACME.spellings.length;
    return { company: ACME.company, spelling: ACME.spellings[k]!, website: ACME.websites[k]! };
  }
  if (isAt(index, AT.lead.noWebsite))
    return { company: NO_WEBSITE_COMPANY, spelling: NO_WEBSITE_COMPANY.name, website: "" };
  const company = FOREIGN_LEADS.includes(index % BASE_COUNTS.leads) ? rng.pick(FOREIGN_COMPANIES) : rng.pick(COMPANIES);
  return { company, spelling: company.name, website: company.website };
}

/** A person's name: the hand-placed awkward names, someone abroad, or an Indian name. */
function nameOf(rng: Random, index: number, company: Company): [string, string] {
  if (index === AT.lead.nonAsciiName) return ["Zoë", "D'Souza"];
  if (index === AT.lead.hyphenatedName) return ["Ananya", "Iyer-Krishnan"];
  if (index === AT.lead.junk) return ["test", "test"];
  if (company.country !== "India") {
    const [first, last] = rng.pick(FOREIGN_NAMES);
    return [first, last];
  }
  return [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
}

/** Indian mobile numbers as people type them: `+91 98450 12345`, `+91-9845012345`, `09845012345`. */
function phoneOf(rng: Random, country: string): string {
  const digits = `${rng.pick(["9", "8", "7"])}${rng.digits(9)}`;
  if (country === "United Arab Emirates") return `+971 ${rng.pick(["4", "2", "50"])} ${rng.digits(3)} ${rng.digits(4)}`;
  if (country === "Singapore") return `+65 ${rng.pick(["6", "8", "9"])}${rng.digits(3)} ${rng.digits(4)}`;
  return rng.weighted([
    [`+91 ${digits.slice(0, 5)} ${digits.slice(5)}`, 4],
    [`+91-${digits}`, 2],
    [`0${digits}`, 1],
    [digits, 1],
  ]);
}

function emailOf(rng: Random, first: string, last: string, domain: string): string {
  return rng.chance(0.25) ? `${local(first)}@${domain}` : `${local(first)}.${local(last)}@${domain}`;
}

/** A private person with no company: a home address and a personal e-mail. */
function privatePerson(rng: Random): LeadIdentity {
  return {
    first: "Harish",
    last: "Bhat",
    name: "Harish Bhat",
    position: "",
    company: "",
    short: "Harish Bhat",
    website: "",
    domain: "",
    email: "harish.bhat1987@gmail.com",
    phone: phoneOf(rng, "India"),
    address: "Flat 7B, Sai Residency, 4th Main, Malleshwaram",
    city: "Bengaluru",
    state: "Karnataka",
    zip: "560003",
    country: "India",
    industry: "",
  };
}

/** The junk lead: a web-form submission of test data. */
function junkLead(rng: Random): LeadIdentity {
  return {
    ...privatePerson(rng),
    first: "test",
    last: "test",
    name: "test test",
    short: "test",
    company: "asdf",
    email: "test@test.com",
    phone: "1234567890",
    address: "",
    city: "",
    state: "",
    zip: "",
  };
}

export function leadIdentity(rng: Random, index: number): LeadIdentity {
  if (index === AT.lead.privatePerson) return privatePerson(rng);
  if (index === AT.lead.junk) return junkLead(rng);
  const { company, spelling, website } = companyOf(rng, index);
  const [first, last] = nameOf(rng, index, company);
  const domain = company.domain;
  const email =
    index === AT.lead.noEmail
      ? ""
      : domain
        ? emailOf(rng, first, last, domain)
        : `${local(first)}.${local(last)}@gmail.com`;
  return {
    first,
    last,
    name: `${first} ${last}`,
    position: index === AT.lead.quotedPosition ? 'Head of IT; "Digital" Projects' : rng.pick(POSITIONS),
    company: spelling,
    short: company.short,
    website,
    domain,
    email,
    phone: phoneOf(rng, company.country),
    address: index === AT.lead.multilineAddress ? "Unit 402, 4th Floor\nNear Central Bus Stand" : company.street,
    city: company.city,
    state: company.state,
    zip: company.zip,
    country: company.country,
    industry: company.industry,
  };
}
