// The words the OPEX 365 sample is made of: the customer is Kestrel Instruments, a maker of measuring
// sensors in Munich that sells across Europe, to the US and Japan. Accounts in Japan, Greece and Bulgaria
// bring kanji, Greek and Cyrillic into names, addresses and the text of activities.
import type { UnitName } from "./opex365-org.js";
import { latinName, type PersonName } from "./person-names.js";
import type { Random } from "./random.js";

export interface City {
  name: string;
  state: string;
  postalCode: string;
  areaCode: string;
}

export type Locale = "de" | "en" | "fr" | "it" | "ja" | "el" | "bg";

export interface Country {
  /** As typed into address1_country, which is free text in Dataverse. */
  name: string;
  tld: string;
  currency: "EUR" | "USD";
  people: Locale;
  cities: readonly City[];
  street(rng: Random): string;
  phone(rng: Random, city: City): string;
}

const city = (name: string, state: string, postalCode: string, areaCode: string): City => ({
  name,
  state,
  postalCode,
  areaCode,
});

export const COUNTRIES = {
  DE: {
    name: "Germany",
    tld: "de",
    currency: "EUR",
    people: "de",
    cities: [
      city("München", "Bayern", "80331", "89"),
      city("Hamburg", "Hamburg", "20095", "40"),
      city("Stuttgart", "Baden-Württemberg", "70173", "711"),
      city("Köln", "Nordrhein-Westfalen", "50667", "221"),
      city("Leipzig", "Sachsen", "04109", "341"),
    ],
    street: (rng) =>
      `${rng.pick(["Leopoldstraße", "Industriestraße", "Am Hafen", "Hauptstraße", "Kaiserstraße"])} ${rng.int(1, 160)}`,
    phone: (rng, c) => `+49 ${c.areaCode} ${rng.digits(7)}`,
  },
  AT: {
    name: "Austria",
    tld: "at",
    currency: "EUR",
    people: "de",
    cities: [
      city("Wien", "Wien", "1010", "1"),
      city("Graz", "Steiermark", "8010", "316"),
      city("Linz", "Oberösterreich", "4020", "732"),
    ],
    street: (rng) => `${rng.pick(["Mariahilfer Straße", "Herrengasse", "Landstraße"])} ${rng.int(1, 120)}`,
    phone: (rng, c) => `+43 ${c.areaCode} ${rng.digits(6)}`,
  },
  GB: {
    name: "United Kingdom",
    tld: "co.uk",
    currency: "EUR",
    people: "en",
    cities: [
      city("London", "England", "EC2A 4NE", "20"),
      city("Manchester", "England", "M1 1AE", "161"),
      city("Edinburgh", "Scotland", "EH1 1YZ", "131"),
    ],
    street: (rng) => `${rng.int(1, 220)} ${rng.pick(["Old Street", "Deansgate", "Princes Street"])}`,
    phone: (rng, c) => `+44 ${c.areaCode} ${rng.digits(4)} ${rng.digits(4)}`,
  },
  FR: {
    name: "France",
    tld: "fr",
    currency: "EUR",
    people: "fr",
    cities: [
      city("Lyon", "Auvergne-Rhône-Alpes", "69002", "4"),
      city("Toulouse", "Occitanie", "31000", "5"),
      city("Paris", "Île-de-France", "75002", "1"),
    ],
    street: (rng) =>
      `${rng.int(1, 140)} ${rng.pick(["rue de la République", "avenue Jean Jaurès", "boulevard de la Liberté"])}`,
    phone: (rng, c) => `+33 ${c.areaCode} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
  },
  IT: {
    name: "Italy",
    tld: "it",
    currency: "EUR",
    people: "it",
    cities: [city("Milano", "Lombardia", "20121", "02"), city("Bologna", "Emilia-Romagna", "40121", "051")],
    street: (rng) => `${rng.pick(["Via Torino", "Corso Buenos Aires", "Via dell'Indipendenza"])} ${rng.int(1, 90)}`,
    phone: (rng, c) => `+39 ${c.areaCode} ${rng.digits(7)}`,
  },
  US: {
    name: "United States",
    tld: "com",
    currency: "USD",
    people: "en",
    cities: [
      city("Boston", "MA", "02110", "617"),
      city("Chicago", "IL", "60601", "312"),
      city("San Diego", "CA", "92101", "619"),
    ],
    street: (rng) => `${rng.int(100, 4000)} ${rng.pick(["Market Street", "Michigan Ave", "Harbor Drive"])}`,
    phone: (rng, c) => `+1 ${c.areaCode}-555-${rng.digits(4)}`,
  },
  JP: {
    name: "Japan",
    tld: "co.jp",
    currency: "USD",
    people: "ja",
    cities: [
      city("東京", "東京都", "100-0005", "3"),
      city("大阪", "大阪府", "530-0001", "6"),
      city("横浜", "神奈川県", "220-0011", "45"),
    ],
    street: (rng) =>
      `${rng.pick(["丸の内", "梅田", "みなとみらい"])}${rng.int(1, 5)}-${rng.int(1, 12)}-${rng.int(1, 30)}`,
    phone: (rng, c) => `+81 ${c.areaCode}-${rng.digits(4)}-${rng.digits(4)}`,
  },
  GR: {
    name: "Greece",
    tld: "gr",
    currency: "EUR",
    people: "el",
    cities: [city("Αθήνα", "Αττική", "105 57", "21"), city("Θεσσαλονίκη", "Κεντρική Μακεδονία", "546 24", "2310")],
    street: (rng) => `${rng.pick(["Οδός Ερμού", "Λεωφόρος Συγγρού", "Οδός Τσιμισκή"])} ${rng.int(1, 200)}`,
    phone: (rng, c) => `+30 ${c.areaCode} ${rng.digits(c.areaCode.length === 2 ? 8 : 6)}`,
  },
  BG: {
    name: "Bulgaria",
    tld: "bg",
    currency: "EUR",
    people: "bg",
    cities: [city("София", "София-град", "1000", "2"), city("Пловдив", "Пловдив", "4000", "32")],
    street: (rng) => `${rng.pick(["бул. Витоша", "ул. Граф Игнатиев", "бул. Цар Борис III"])} ${rng.int(1, 120)}`,
    phone: (rng, c) => `+359 ${c.areaCode} ${rng.digits(c.areaCode.length === 1 ? 7 : 6)}`,
  },
} as const satisfies Record<string, Country>;

export type CountryCode = keyof typeof COUNTRIES;

export const COUNTRY_WEIGHTS: readonly (readonly [CountryCode, number])[] = [
  ["DE", 40],
  ["AT", 10],
  ["GB", 8],
  ["FR", 8],
  ["IT", 6],
  ["US", 12],
  ["JP", 5],
  ["GR", 5],
  ["BG", 6],
];

const latin = (first: readonly string[], last: readonly string[]) => ({ first, last });

/** Latin-script locales combine any first and last name. */
const LATIN_NAMES = {
  de: latin(
    ["Anna", "Lukas", "Sabine", "Jürgen", "Katrin", "Matthias", "Franziska", "Stefan", "Birgit", "Tobias"],
    ["Schneider", "Hofmann", "Krüger", "Wagner", "Becker", "Weiß", "Schäfer", "Neumann", "Lehmann", "Brandl"],
  ),
  en: latin(
    ["Emily", "James", "Olivia", "Daniel", "Grace", "Michael", "Hannah", "Robert"],
    ["Carter", "Hughes", "Bennett", "Morgan", "Price", "Turner", "Foster", "Reed"],
  ),
  fr: latin(
    ["Camille", "Julien", "Élodie", "Mathieu", "Céline", "Nicolas"],
    ["Lefèvre", "Moreau", "Girard", "Rousseau", "Faure", "Mercier"],
  ),
  it: latin(
    ["Giulia", "Marco", "Chiara", "Luca", "Francesca", "Davide"],
    ["Bianchi", "Romano", "Colombo", "Ricci", "Greco", "Conti"],
  ),
} as const;

/** Non-Latin names come whole, with the spelling the person uses in e-mail addresses. */
const SCRIPT_NAMES: Readonly<Record<"ja" | "el" | "bg", readonly PersonName[]>> = {
  ja: [
    { first: "陽菜", last: "佐藤", asciiFirst: "Hina", asciiLast: "Sato" },
    { first: "大輔", last: "鈴木", asciiFirst: "Daisuke", asciiLast: "Suzuki" },
    { first: "美咲", last: "高橋", asciiFirst: "Misaki", asciiLast: "Takahashi" },
    { first: "翔太", last: "田中", asciiFirst: "Shota", asciiLast: "Tanaka" },
  ],
  el: [
    { first: "Γιώργος", last: "Παπαδόπουλος", asciiFirst: "Giorgos", asciiLast: "Papadopoulos" },
    { first: "Ελένη", last: "Νικολάου", asciiFirst: "Eleni", asciiLast: "Nikolaou" },
    { first: "Δημήτρης", last: "Οικονόμου", asciiFirst: "Dimitris", asciiLast: "Oikonomou" },
    { first: "Μαρία", last: "Γεωργίου", asciiFirst: "Maria", asciiLast: "Georgiou" },
  ],
  bg: [
    { first: "Ивелина", last: "Петрова", asciiFirst: "Ivelina", asciiLast: "Petrova" },
    { first: "Георги", last: "Димитров", asciiFirst: "Georgi", asciiLast: "Dimitrov" },
    { first: "Мария", last: "Иванова", asciiFirst: "Maria", asciiLast: "Ivanova" },
    { first: "Николай", last: "Стоянов", asciiFirst: "Nikolay", asciiLast: "Stoyanov" },
  ],
};

export function personName(rng: Random, locale: Locale): PersonName {
  if (locale === "ja" || locale === "el" || locale === "bg") return rng.pick(SCRIPT_NAMES[locale]);
  return latinName(rng, LATIN_NAMES[locale]);
}

/** Dataverse's own industry codes (account.industrycode) and labels, for the trades below. */
export const INDUSTRY = {
  6: "Business Services",
  10: "Distributors, Dispatchers and Processors",
  11: "Doctor's Offices and Clinics",
  12: "Durable Manufacturing",
  16: "Financial",
  17: "Food and Tobacco Processing",
  22: "Non-Durable Merchandise Retail",
  24: "Petrochemical Extraction and Distribution",
  30: "Transportation",
  31: "Utility Creation and Distribution",
  33: "Wholesale",
} as const;

export type IndustryCode = keyof typeof INDUSTRY;

/** How companies of one script are named: a prefix by index, a trade at random, a legal form. */
interface CompanyStyle {
  /** [as written, in Latin letters for the domain] */
  prefixes: readonly (readonly [string, string])[];
  trades: readonly (readonly [string, string, IndustryCode])[];
  legalForms: readonly string[];
  compose(prefix: string, trade: string, legalForm: string): string;
  short(prefix: string, trade: string): string;
}

const western = (
  legalForms: readonly string[],
  prefixes: readonly (readonly [string, string])[],
  trades: readonly (readonly [string, string, IndustryCode])[],
): CompanyStyle => ({
  prefixes,
  trades,
  legalForms,
  compose: (prefix, trade, legalForm) => `${prefix} ${trade} ${legalForm}`,
  short: (prefix, trade) => `${prefix} ${trade}`,
});

const COMPANY_STYLES: Readonly<Record<Locale, CompanyStyle>> = {
  de: western(
    ["GmbH", "AG", "GmbH & Co. KG"],
    [
      ["Alpenfrost", "alpenfrost"],
      ["Isar", "isar"],
      ["Falkenstein", "falkenstein"],
      ["Rheinwerk", "rheinwerk"],
      ["Lindner", "lindner"],
      ["Spreetal", "spreetal"],
      ["Donau", "donau"],
      ["Elbmark", "elbmark"],
      ["Harzer", "harzer"],
      ["Brenner", "brenner"],
    ],
    [
      ["Logistik", "logistik", 30],
      ["Pharma", "pharma", 22],
      ["Lebensmittel", "lebensmittel", 17],
      ["Kältetechnik", "kaeltetechnik", 12],
      ["Chemie", "chemie", 24],
      ["Labortechnik", "labortechnik", 6],
      ["Großhandel", "grosshandel", 33],
    ],
  ),
  en: western(
    ["Ltd", "Inc.", "LLC"],
    [
      ["Harbourview", "harbourview"],
      ["Summit", "summit"],
      ["Redwood", "redwood"],
      ["Clearwater", "clearwater"],
      ["Northgate", "northgate"],
      ["Bluestone", "bluestone"],
    ],
    [
      ["Cold Storage", "coldstorage", 10],
      ["BioLabs", "biolabs", 6],
      ["Fresh Foods", "freshfoods", 17],
      ["Utilities", "utilities", 31],
      ["Clinics", "clinics", 11],
      ["Capital", "capital", 16],
    ],
  ),
  fr: {
    ...western(
      ["SAS", "SARL", "SA"],
      [
        ["Rhône", "rhone"],
        ["Garonne", "garonne"],
        ["Lefèvre", "lefevre"],
        ["Mistral", "mistral"],
      ],
      [
        ["Laiterie", "laiterie", 17],
        ["Pharmacie", "pharmacie", 22],
        ["Entrepôts", "entrepots", 10],
        ["Transports", "transports", 30],
      ],
    ),
    compose: (prefix, trade, legalForm) => `${trade} ${prefix} ${legalForm}`,
    short: (prefix, trade) => `${trade} ${prefix}`,
  },
  it: western(
    ["S.r.l.", "S.p.A."],
    [
      ["Valtellina", "valtellina"],
      ["Emiliana", "emiliana"],
      ["Adriatica", "adriatica"],
    ],
    [
      ["Alimentari", "alimentari", 17],
      ["Farmaceutica", "farmaceutica", 22],
      ["Logistica", "logistica", 30],
    ],
  ),
  ja: {
    prefixes: [
      ["東邦", "toho"],
      ["さくら", "sakura"],
      ["富士", "fuji"],
      ["北斗", "hokuto"],
      ["青葉", "aoba"],
    ],
    trades: [
      ["精機", "seiki", 12],
      ["フーズ", "foods", 17],
      ["物流", "butsuryu", 30],
      ["製薬", "seiyaku", 22],
    ],
    legalForms: ["株式会社"],
    compose: (prefix, trade, legalForm) => `${legalForm}${prefix}${trade}`,
    short: (prefix, trade) => `${prefix}${trade}`,
  },
  el: western(
    ["Α.Ε."],
    [
      ["Όλυμπος", "olympos"],
      ["Ερμής", "ermis"],
      ["Ποσειδών", "poseidon"],
      ["Κρήτη", "kriti"],
    ],
    [
      ["Τρόφιμα", "trofima", 17],
      ["Φαρμακευτική", "farmakeftiki", 22],
      ["Μεταφορές", "metafores", 30],
    ],
  ),
  bg: western(
    ["ЕООД", "ООД", "АД"],
    [
      ["Витоша", "vitosha"],
      ["Родопи", "rodopi"],
      ["Дунав", "dunav"],
      ["Пирин", "pirin"],
    ],
    [
      ["Фарма", "farma", 22],
      ["Логистик", "logistik", 30],
      ["Храни", "hrani", 17],
    ],
  ),
};

export interface CompanyName {
  name: string;
  /** Without the legal form, for opportunity and project titles. */
  shortName: string;
  /** The domain without its top-level part: `isar-pharma`. */
  domainStem: string;
  industry: IndustryCode;
}

/**
 * The company name of slot `index`: prefix and trade both follow from the index, so two slots of one
 * script never share a name (past all pairs, a number joins the prefix: "Isar 2 Pharma").
 */
export function companyName(rng: Random, locale: Locale, index: number): CompanyName {
  const style = COMPANY_STYLES[locale];
  const prefixes = style.prefixes.length;
  const [basePrefix, asciiBasePrefix] = style.prefixes[index % prefixes]!;
  const [trade, asciiTrade, industry] = style.trades[Math.floor(index / prefixes) % style.trades.length]!;
  const round = Math.floor(index / (prefixes * style.trades.length));
  const prefix = round === 0 ? basePrefix : `${basePrefix} ${round + 1}`;
  return {
    name: style.compose(prefix, trade, rng.pick(style.legalForms)),
    shortName: style.short(prefix, trade),
    domainStem: `${asciiBasePrefix}${round === 0 ? "" : round + 1}-${asciiTrade}`,
    industry,
  };
}

/** Prospects: companies that only appear as a lead's company name, never as accounts. [name, domain stem]. */
export const PROSPECTS: Readonly<Record<Locale, readonly (readonly [string, string])[]>> = {
  de: [
    ["Bäckerei Huber KG", "baeckerei-huber"],
    ["Klinikum Ostallgäu", "klinikum-oal"],
    ["Weinkellerei Mosel eG", "weinkellerei-mosel"],
    ["Kühlhaus Bremen GmbH", "kuehlhaus-bremen"],
  ],
  en: [
    ["Riverside Dairy Ltd", "riverside-dairy"],
    ["St. Anne's Hospital", "st-annes"],
    ["Pacific Seafood Co.", "pacific-seafood"],
  ],
  fr: [
    ["Fromagerie Dubois", "fromagerie-dubois"],
    ["Clinique des Alpes", "clinique-alpes"],
  ],
  it: [
    ["Gelateria Milano S.r.l.", "gelateria-milano"],
    ["Ospedale San Luca", "ospedale-sanluca"],
  ],
  ja: [["株式会社さくら物産", "sakura-bussan"]],
  el: [["Κρητικά Γαλακτοκομικά Α.Ε.", "kritika-galaktokomika"]],
  bg: [["Млечни продукти Родопа АД", "rodopa-milk"]],
};

export const JOB_TITLES = [
  "Head of Quality Assurance",
  "Plant Manager",
  "Purchasing Manager",
  "Lab Manager",
  "Facility Manager",
  "Head of Logistics",
  "Managing Director",
  "IT Administrator",
  "Maintenance Engineer",
] as const;

export const LOCAL_JOB_TITLES: Partial<Record<Locale, readonly string[]>> = {
  de: ["Leiterin Qualitätssicherung", "Einkaufsleiter", "Werksleiter"],
  ja: ["品質保証部長", "購買担当"],
  el: ["Διευθυντής Ποιότητας", "Υπεύθυνη Προμηθειών"],
  bg: ["Ръководител качество", "Мениджър доставки"],
};

export const LEAD_TOPICS = [
  "Temperature monitoring for cold storage",
  "Replacement of legacy data loggers",
  "GDP-compliant transport monitoring",
  "Cleanroom humidity monitoring",
  "Calibration service contract",
  "Request for quote: pressure transmitters",
  "Webinar follow-up: wireless sensors",
] as const;

/** What an opportunity sells: its title and the sensor count that drives its value. */
export const OPPORTUNITY_TOPICS = [
  "Cold-chain monitoring rollout",
  "T-200 sensors for warehouse 2",
  "Calibration contract 2024",
  "Cloud licence renewal",
  "Cleanroom monitoring upgrade",
  "Flow meters for CIP line",
  "Gateway replacement",
] as const;

export const LOST_REASONS = [
  "Price too high",
  "Chose a competitor",
  "No budget this year",
  "Project postponed",
] as const;

export const CASE_TOPICS = [
  [
    "Sensor shows no data in cloud portal",
    "Since the firmware update on Monday the T-200 sensors in hall 3 report no values.",
  ],
  ["Calibration certificate missing", "The certificate for the last on-site calibration was not in the delivery."],
  ["Gateway offline after power cut", "G-10 gateway does not reconnect after the power cut last night."],
  ["Wrong unit on invoice", "Invoice lists 12 months of licence instead of 12 sensors."],
  ["Alarm e-mails arrive late", "Temperature alarm e-mails arrive 20–30 minutes after the event."],
] as const;

export const CALL_TOPICS = [
  ["Follow-up on quote", "Discussed the quote; they want a second price for 3-year terms."],
  ["Qualification call", "Current loggers are read out by hand every week; budget is approved for Q3."],
  ["Support callback", "Walked through the gateway reset, customer will confirm tomorrow."],
  ["Contract renewal", "Renewal in principle agreed, waiting for the purchase order."],
  ["Introduction call", "First call, sent the product brochure afterwards."],
] as const;

export const TASK_TOPICS = [
  ["Send updated quote", "Include the 3-year option and installation."],
  ["Prepare site survey", "Floor plans requested from the facility manager."],
  ["Check credit limit", ""],
  ["Book calibration technician", "Two days on site, certificate in German and English."],
  ["Update contact details", "New purchasing contact since April."],
] as const;

export const APPOINTMENT_TOPICS = [
  ["Site survey", "On site", "<p>Walk through the cold rooms, check Wi-Fi coverage for the gateways.</p>"],
  [
    "Product demo: Kestrel Cloud",
    "Microsoft Teams Meeting",
    '<p>Demo of dashboards and alarm rules.</p><p>Join: <a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting">Teams</a></p>',
  ],
  [
    "Quarterly business review",
    "Kestrel HQ, Munich",
    "<p>Agenda:</p><ol><li>Service tickets</li><li>Roadmap</li><li>Renewal</li></ol>",
  ],
  ["Calibration kickoff", "On site", "<p>Plan the calibration days with maintenance.</p>"],
] as const;

export const NOTE_TEXTS = [
  "Customer prefers contact by phone in the morning.",
  "Budget owner is the plant manager, not purchasing.",
  "Competitor's loggers are due for replacement in 2025.",
  "Asked for references in the pharma industry.",
  "Signed NDA is on file with legal.",
] as const;

/** Outgoing e-mails: subject and HTML body; {first}, {company}, {topic} and {owner} are filled in. */
export const OUTGOING_EMAILS = [
  [
    "Your quote: {topic}",
    "<p>Dear {first},</p><p>please find our quote for <b>{topic}</b> attached. It is valid for 30 days.</p><p>Kind regards<br>{owner}</p>",
  ],
  [
    "Follow-up: {topic}",
    "<p>Hello {first},</p><p>thank you for your time today. As discussed, I will send the site survey checklist by Friday.</p><p>Best regards,<br>{owner}</p>",
  ],
  [
    "Calibration dates for {company}",
    "<p>Dear {first},</p><p>our technician can be on site in week 23 or 24. Which week suits you better?</p><p>{owner}</p>",
  ],
  [
    "Kestrel Cloud: your new login",
    "<p>Hi {first},</p><p>your account for Kestrel Cloud is ready. You will receive a separate e-mail to set your password.</p><p>{owner}</p>",
  ],
] as const;

export const INCOMING_EMAILS = [
  [
    "RE: Your quote",
    "<p>Hello,</p><p>thanks for the quote. Could you add the installation as a separate line?</p><p>{first}</p>",
  ],
  [
    "Sensor question",
    "<p>Hi,</p><p>can the T-200 be mounted directly in the freezer at -30 °C?</p><p>Regards, {first}</p>",
  ],
  ["Purchase order", "<p>Please find our purchase order attached.</p><p>{first}</p>"],
] as const;

export const PROJECT_NAMES = ["Rollout", "Calibration programme", "Cloud migration", "Pilot", "Retrofit"] as const;

export interface CatalogItem {
  name: string;
  number: string;
  /** 1 product, 2 product family, 3 product bundle */
  structure: 1 | 2 | 3;
  /** 1 sales inventory, 2 miscellaneous charges, 3 services, 4 flat fees */
  type: 1 | 2 | 3 | 4;
  /** Catalog index of the family the product belongs to. */
  family: number | null;
  /** EUR list price and standard cost; null for families, which have no price. */
  price: number | null;
  cost: number | null;
  unit: UnitName;
  /** 0 active, 1 retired, 2 draft */
  state: 0 | 1 | 2;
  /** Bundles: [catalog index, quantity] of each component. */
  components?: readonly (readonly [number, number])[];
}

const item = (
  name: string,
  number: string,
  type: CatalogItem["type"],
  family: number,
  price: number,
  cost: number,
  unit: CatalogItem["unit"] = "Primary Unit",
  state: CatalogItem["state"] = 0,
): CatalogItem => ({
  name,
  number,
  structure: 1,
  type,
  family,
  price,
  cost,
  unit,
  state,
});
const family = (name: string, number: string): CatalogItem => ({
  name,
  number,
  structure: 2,
  type: 1,
  family: null,
  price: null,
  cost: null,
  unit: "Primary Unit",
  state: 0,
});
const bundle = (
  name: string,
  number: string,
  price: number,
  components: readonly (readonly [number, number])[],
): CatalogItem => ({
  name,
  number,
  structure: 3,
  type: 1,
  family: null,
  price,
  cost: null,
  unit: "Primary Unit",
  state: 0,
  components,
});

/** Kestrel's price book: three families, their products, and bundles of those products. */
export const CATALOG: readonly CatalogItem[] = [
  family("Sensors", "KI-FAM-SEN"),
  family("Services", "KI-FAM-SRV"),
  family("Software", "KI-FAM-SW"),
  item("Kestrel T-200 Temperature Sensor", "KI-T200", 1, 0, 189, 74),
  item("Kestrel T-210 Freezer Probe (-40 °C)", "KI-T210", 1, 0, 229, 88),
  item("Kestrel H-120 Humidity Probe", "KI-H120", 1, 0, 245, 96),
  item("Kestrel P-350 Pressure Transmitter", "KI-P350", 1, 0, 412, 170),
  item("Kestrel F-500 Flow Meter", "KI-F500", 1, 0, 1290, 610),
  item("Kestrel G-10 Gateway", "KI-G10", 1, 0, 549, 230),
  item("Kestrel G-5 Gateway", "KI-G5", 1, 0, 399, 180, "Primary Unit", 1),
  item("Wall Mount Kit M8", "KI-ACC-M8", 1, 0, 24.5, 6.2),
  item("Sensor Cable M12, 5 m", "KI-ACC-C5", 1, 0, 18.9, 4.1),
  item("Battery Pack 3.6 V", "KI-ACC-B36", 1, 0, 12.4, 3.9),
  item("On-site Calibration", "KI-SRV-CAL", 3, 1, 980, 520, "Day"),
  item("Remote Support", "KI-SRV-SUP", 3, 1, 145, 60, "Hour"),
  item("Installation Flat Fee", "KI-SRV-INST", 4, 1, 650, 300),
  item("Shipping & Handling", "KI-MISC-SHIP", 2, 1, 45, 38),
  item("Kestrel Cloud Licence", "KI-SW-CLOUD-M", 3, 2, 9.9, 1.2, "Month"),
  item("Kestrel Cloud Licence (annual)", "KI-SW-CLOUD-Y", 3, 2, 99, 12, "Year"),
  item("Kestrel Cloud API Add-on", "KI-SW-API", 3, 2, 49, 5, "Month"),
  item("Alarm SMS Package (500)", "KI-SW-SMS", 2, 2, 59, 31),
  item("Kestrel T-300 Wireless Sensor", "KI-T300", 1, 0, 259, 101, "Primary Unit", 2),
  item("Calibration Certificate (DAkkS)", "KI-SRV-DAKKS", 3, 1, 85, 40),
  item("Training Workshop", "KI-SRV-TRAIN", 3, 1, 1150, 480, "Day"),
  item("Extended Warranty, 3 Years", "KI-SRV-WAR3", 4, 1, 120, 35),
  bundle("Starter Kit Temperature Monitoring", "KI-KIT-START", 1490, [
    [3, 4],
    [8, 1],
    [11, 4],
    [15, 1],
  ]),
  bundle("Cold Chain Bundle", "KI-KIT-COLD", 2390, [
    [4, 6],
    [8, 1],
    [18, 6],
    [22, 6],
  ]),
  bundle("Cleanroom Monitoring Bundle", "KI-KIT-CLEAN", 3490, [
    [5, 8],
    [6, 2],
    [8, 1],
    [13, 1],
  ]),
  bundle("Process Monitoring Bundle", "KI-KIT-PROC", 4690, [
    [6, 4],
    [7, 2],
    [8, 2],
    [15, 1],
  ]),
  bundle("Lab Starter Bundle", "KI-KIT-LAB", 1690, [
    [3, 2],
    [5, 2],
    [8, 1],
    [14, 2.5],
  ]),
];
