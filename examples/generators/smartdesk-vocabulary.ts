// The words the SmartDesk sample is made of: places, people, company names and the text of activities.
// Several countries on purpose, so names, addresses and bodies carry umlauts, accents, kanji and Cyrillic.
import { latinName, type PersonName } from "./person-names.js";
import type { Random } from "./random.js";

export interface City {
  name: string;
  region: string;
  postalCode: string;
  areaCode: string;
}

export type PersonLocale = "de" | "en-US" | "en-GB" | "fr" | "ja" | "en-IN" | "it" | "ru";

export interface Country {
  /** As HubSpot's Country/Region property shows it. */
  name: string;
  tld: string;
  legalForms: readonly string[];
  cities: readonly City[];
  street(rng: Random): string;
  phone(rng: Random, city: City): string;
  /** Empty where companies have none (the US). */
  vatNumber(rng: Random): string;
  people: PersonLocale;
}

const city = (name: string, region: string, postalCode: string, areaCode: string): City => ({
  name,
  region,
  postalCode,
  areaCode,
});

export const COUNTRIES: Readonly<Record<string, Country>> = {
  DE: {
    name: "Germany",
    tld: "de",
    legalForms: ["GmbH", "AG", "GmbH & Co. KG"],
    cities: [
      city("Berlin", "Berlin", "10117", "30"),
      city("München", "Bayern", "80331", "89"),
      city("Hamburg", "Hamburg", "20095", "40"),
      city("Köln", "Nordrhein-Westfalen", "50667", "221"),
      city("Stuttgart", "Baden-Württemberg", "70173", "711"),
    ],
    street: (rng) =>
      `${rng.pick(["Friedrichstraße", "Hauptstraße", "Bahnhofstraße", "Leopoldstraße", "Königsallee"])} ${rng.int(1, 180)}`,
    phone: (rng, c) => `+49 ${c.areaCode} ${rng.digits(7)}`,
    vatNumber: (rng) => `DE${rng.digits(9)}`,
    people: "de",
  },
  US: {
    name: "United States",
    tld: "com",
    legalForms: ["Inc.", "LLC", "Corp."],
    cities: [
      city("Austin", "Texas", "78701", "512"),
      city("Boston", "Massachusetts", "02110", "617"),
      city("Seattle", "Washington", "98101", "206"),
      city("Chicago", "Illinois", "60601", "312"),
      city("Denver", "Colorado", "80202", "303"),
    ],
    street: (rng) =>
      `${rng.int(100, 4000)} ${rng.pick(["Congress Ave", "Market Street", "Pine Street", "Michigan Ave", "Larimer Street"])}`,
    phone: (rng, c) => `+1 ${c.areaCode}-555-${rng.digits(4)}`,
    vatNumber: () => "",
    people: "en-US",
  },
  GB: {
    name: "United Kingdom",
    tld: "co.uk",
    legalForms: ["Ltd", "PLC"],
    cities: [
      city("London", "England", "EC2A 4NE", "20"),
      city("Manchester", "England", "M1 1AE", "161"),
      city("Edinburgh", "Scotland", "EH1 1YZ", "131"),
      city("Bristol", "England", "BS1 4DJ", "117"),
    ],
    street: (rng) => `${rng.int(1, 220)} ${rng.pick(["Old Street", "Deansgate", "Princes Street", "Corn Street"])}`,
    phone: (rng, c) => `+44 ${c.areaCode} ${rng.digits(4)} ${rng.digits(4)}`,
    vatNumber: (rng) => `GB${rng.digits(9)}`,
    people: "en-GB",
  },
  FR: {
    name: "France",
    tld: "fr",
    legalForms: ["SAS", "SARL", "SA"],
    cities: [
      city("Paris", "Île-de-France", "75002", "1"),
      city("Lyon", "Auvergne-Rhône-Alpes", "69002", "4"),
      city("Toulouse", "Occitanie", "31000", "5"),
      city("Lille", "Hauts-de-France", "59000", "3"),
    ],
    street: (rng) =>
      `${rng.int(1, 140)} ${rng.pick(["rue de Rivoli", "avenue Jean Jaurès", "rue Sainte-Catherine", "boulevard de la Liberté"])}`,
    phone: (rng, c) => `+33 ${c.areaCode} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
    vatNumber: (rng) => `FR${rng.digits(11)}`,
    people: "fr",
  },
  JP: {
    name: "Japan",
    tld: "co.jp",
    legalForms: ["K.K."],
    cities: [
      city("Tokyo", "東京都", "100-0005", "3"),
      city("Osaka", "大阪府", "530-0001", "6"),
      city("Yokohama", "神奈川県", "220-0011", "45"),
    ],
    street: (rng) =>
      `${rng.pick(["丸の内", "梅田", "みなとみらい", "西新宿"])}${rng.int(1, 5)}-${rng.int(1, 12)}-${rng.int(1, 30)}`,
    phone: (rng, c) => `+81 ${c.areaCode}-${rng.digits(4)}-${rng.digits(4)}`,
    vatNumber: (rng) => `T${rng.digits(13)}`,
    people: "ja",
  },
  IN: {
    name: "India",
    tld: "in",
    legalForms: ["Pvt. Ltd.", "Ltd."],
    cities: [
      city("Bengaluru", "Karnataka", "560001", "80"),
      city("Mumbai", "Maharashtra", "400001", "22"),
      city("Pune", "Maharashtra", "411001", "20"),
    ],
    street: (rng) => `${rng.int(1, 90)}, ${rng.pick(["MG Road", "Residency Road", "Linking Road", "FC Road"])}`,
    phone: (rng, c) => `+91 ${c.areaCode} ${rng.digits(4)} ${rng.digits(4)}`,
    vatNumber: (rng) => `29${rng.digits(5)}${rng.digits(4)}1Z${rng.digits(1)}`,
    people: "en-IN",
  },
  IT: {
    name: "Italy",
    tld: "it",
    legalForms: ["S.r.l.", "S.p.A."],
    cities: [
      city("Milano", "Lombardia", "20121", "02"),
      city("Torino", "Piemonte", "10121", "011"),
      city("Bologna", "Emilia-Romagna", "40121", "051"),
    ],
    street: (rng) =>
      `${rng.pick(["Via Dante", "Corso Vittorio Emanuele II", "Via dell'Indipendenza"])} ${rng.int(1, 120)}`,
    phone: (rng, c) => `+39 ${c.areaCode} ${rng.digits(4)} ${rng.digits(4)}`,
    vatNumber: (rng) => `IT${rng.digits(11)}`,
    people: "it",
  },
};

/** How often a company is based in each country. */
export const COUNTRY_WEIGHTS: readonly (readonly [string, number])[] = [
  ["DE", 30],
  ["US", 25],
  ["GB", 15],
  ["FR", 10],
  ["JP", 7],
  ["IN", 7],
  ["IT", 6],
];

const latinNames: Partial<Record<PersonLocale, { first: readonly string[]; last: readonly string[] }>> = {
  de: {
    first: ["Jonas", "Lena", "Lukas", "Anna", "Felix", "Marie", "Jürgen", "Sabine", "Tobias", "Katrin"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Hoffmann", "Schäfer", "Koch", "Bauer"],
  },
  "en-US": {
    first: ["James", "Emily", "Michael", "Sarah", "David", "Jessica", "Daniel", "Ashley", "Chris", "Megan"],
    last: ["Smith", "Johnson", "Brown", "Miller", "Davis", "Garcia", "Rodriguez", "Wilson", "Anderson", "O'Brien"],
  },
  "en-GB": {
    first: ["Oliver", "Amelia", "Harry", "Isla", "George", "Sophie", "Jack", "Grace"],
    last: ["Taylor", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Edwards"],
  },
  fr: {
    first: ["Camille", "Louis", "Chloé", "Hugo", "Léa", "Théo", "Manon", "Antoine"],
    last: ["Dubois", "Lefèvre", "Moreau", "Girard", "Laurent", "Fontaine", "Rousseau", "Mercier"],
  },
  "en-IN": {
    first: ["Aarav", "Ananya", "Rohan", "Priya", "Vikram", "Sneha", "Arjun", "Kavya"],
    last: ["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Mehta", "Rao"],
  },
  it: {
    first: ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Matteo", "Sara", "Alessandro"],
    last: ["Rossi", "Russo", "Ferrari", "Esposito", "Romano", "Ricci", "Conti", "De Luca"],
  },
};

/** Scripts without a Latin spelling of their own: [first, last, Latin first, Latin last]. */
const transliteratedNames: Partial<Record<PersonLocale, readonly (readonly [string, string, string, string])[]>> = {
  ja: [
    ["陽菜", "佐藤", "Hina", "Sato"],
    ["翔太", "鈴木", "Shota", "Suzuki"],
    ["美咲", "高橋", "Misaki", "Takahashi"],
    ["大輝", "田中", "Daiki", "Tanaka"],
    ["結衣", "伊藤", "Yui", "Ito"],
    ["蓮", "渡辺", "Ren", "Watanabe"],
  ],
  ru: [
    ["Ольга", "Иванова", "Olga", "Ivanova"],
    ["Дмитрий", "Смирнов", "Dmitry", "Smirnov"],
    ["Анна", "Кузнецова", "Anna", "Kuznetsova"],
    ["Сергей", "Попов", "Sergey", "Popov"],
    ["Елена", "Соколова", "Elena", "Sokolova"],
    ["Алексей", "Новиков", "Alexey", "Novikov"],
  ],
};

export const PERSON_LOCALES: readonly PersonLocale[] = ["de", "en-US", "en-GB", "fr", "ja", "en-IN", "it", "ru"];

/** The Preferred Language option value a person of this locale usually gets. */
export const LANGUAGE_OF: Readonly<Record<PersonLocale, string>> = {
  de: "de",
  "en-US": "en",
  "en-GB": "en",
  fr: "fr",
  ja: "ja",
  "en-IN": "en",
  it: "it",
  ru: "ru",
};

export const FREEMAIL_OF: Readonly<Record<PersonLocale, string>> = {
  de: "web.de",
  "en-US": "gmail.com",
  "en-GB": "outlook.com",
  fr: "orange.fr",
  ja: "yahoo.co.jp",
  "en-IN": "gmail.com",
  it: "libero.it",
  ru: "mail.ru",
};

export function personName(rng: Random, locale: PersonLocale): PersonName {
  const scripted = transliteratedNames[locale];
  if (scripted) {
    const [first, last, asciiFirst, asciiLast] = rng.pick(scripted);
    return { first, last, asciiFirst, asciiLast };
  }
  return latinName(rng, latinNames[locale]!);
}

/** HubSpot's industry options: [label as the UI exports it, internal value]. */
export const INDUSTRIES: readonly (readonly [string, string])[] = [
  ["Computer Software", "COMPUTER_SOFTWARE"],
  ["Information Technology and Services", "INFORMATION_TECHNOLOGY_AND_SERVICES"],
  ["Mechanical or Industrial Engineering", "MECHANICAL_OR_INDUSTRIAL_ENGINEERING"],
  ["Logistics and Supply Chain", "LOGISTICS_AND_SUPPLY_CHAIN"],
  ["Retail", "RETAIL"],
  ["Hospital & Health Care", "HOSPITAL_HEALTH_CARE"],
  ["Financial Services", "FINANCIAL_SERVICES"],
  ["Food & Beverages", "FOOD_BEVERAGES"],
  ["Renewables & Environment", "RENEWABLES_ENVIRONMENT"],
  ["Marketing and Advertising", "MARKETING_AND_ADVERTISING"],
  ["Management Consulting", "MANAGEMENT_CONSULTING"],
  ["Automotive", "AUTOMOTIVE"],
  ["Electrical/Electronic Manufacturing", "ELECTRICAL_ELECTRONIC_MANUFACTURING"],
];

/** The second word of a company name and the industry it suggests. */
export const COMPANY_TRADES: readonly (readonly [string, string])[] = [
  ["Robotics", "Mechanical or Industrial Engineering"],
  ["Logistics", "Logistics and Supply Chain"],
  ["Analytics", "Computer Software"],
  ["Foods", "Food & Beverages"],
  ["Health", "Hospital & Health Care"],
  ["Software", "Computer Software"],
  ["Energy", "Renewables & Environment"],
  ["Consulting", "Management Consulting"],
  ["Media", "Marketing and Advertising"],
  ["Systems", "Information Technology and Services"],
  ["Retail", "Retail"],
  ["Capital", "Financial Services"],
  ["Motors", "Automotive"],
  ["Electronics", "Electrical/Electronic Manufacturing"],
];

/** First words of generated company names; none of them is used by the hand-placed companies. */
export const COMPANY_PREFIXES: readonly string[] = [
  "Northwind",
  "Bluebird",
  "Vertex",
  "Nordlicht",
  "Sakura",
  "Atlas",
  "Pioneer",
  "Lumen",
  "Crescent",
  "Granite",
  "Evergreen",
  "Silverline",
  "Orbit",
  "Harbor",
  "Kestrel",
  "Quantum",
  "Redwood",
  "Tandem",
  "Zephyr",
  "Cobalt",
  "Falcon",
  "Juniper",
  "Alpenglow",
  "Brightstone",
  "Cedar",
  "Delta",
  "Ember",
  "Fjord",
  "Glacier",
  "Horizon",
  "Ironbridge",
  "Lighthouse",
];

export const JOB_TITLES: readonly string[] = [
  "CEO",
  "CFO",
  "Head of Operations",
  "IT Manager",
  "Procurement Manager",
  "VP Sales",
  "Office Manager",
  "Marketing Director",
  "Customer Success Lead",
  "Data Analyst",
  "Head of Finance",
  "Sales Manager",
];

/** Job titles people write in their own language. */
export const LOCAL_JOB_TITLES: Partial<Record<PersonLocale, readonly string[]>> = {
  de: ["Geschäftsführung", "Leitung Einkauf", "Vertriebsleitung"],
  fr: ["Direction commerciale", "Responsable achats"],
  ja: ["営業部長", "情報システム部 課長"],
  it: ["Responsabile IT", "Direttore commerciale"],
  ru: ["Руководитель отдела закупок"],
};

export const DEAL_PRODUCTS: readonly string[] = [
  "Platform licence (50 seats)",
  "Onboarding package",
  "Data migration services",
  "Premium support upgrade",
  "Analytics add-on",
  "Platform licence (200 seats)",
  "Integration workshop",
  "Field service module",
];

export const LEAD_SOURCES: readonly (readonly [string, string])[] = [
  ["Website", "website"],
  ["Trade Show", "trade_show"],
  ["Referral", "referral"],
  ["Partner", "partner"],
  ["Cold Outreach", "cold_outreach"],
  ["Webinar", "webinar"],
];

export const TICKET_TOPICS: readonly (readonly [string, string])[] = [
  [
    "Login fails after password reset",
    "Since this morning the reset link says the token has expired, even for a fresh link.",
  ],
  [
    "Invoice shows wrong VAT rate",
    "Our last invoice lists 19% VAT, but we are VAT-exempt (reverse charge). Please reissue it.",
  ],
  ["Export to Excel times out", "Exporting the full contact list stops after roughly 30 seconds with a gateway error."],
  ["Feature request: dark mode", "Several of our agents work night shifts and would like a dark theme."],
  ["Calendar sync duplicates meetings", "Every meeting booked through the scheduler appears twice in Outlook."],
  ["API rate limit reached", "Our nightly import hits the rate limit at about 40,000 records."],
  ["Add two more seats", "We hired two new account managers; please add seats to our subscription."],
  ["Webhook deliveries failing", "The webhook to our ERP returns 401 since the certificate rotation."],
  [
    "Anmeldung mit SSO nicht möglich",
    "Seit dem Update auf Azure AD erscheint beim Login die Meldung „Zugriff verweigert“.",
  ],
  ["Mobile app crashes on Android 14", "The app closes right after opening a deal with attachments."],
];

export const CALL_TOPICS: readonly (readonly [string, string])[] = [
  ["Discovery call", "<p>Walked {first} through current process; pain point is manual reporting.</p>"],
  ["Follow-up on proposal", "<p>{first} has the proposal. Legal review expected next week.</p>"],
  ["Pricing questions", "<p>Asked about volume discount above 100 seats and multi-year terms.</p>"],
  ["Renewal check-in", "<p>Usage is up 30% year on year; {first} wants to add the analytics add-on.</p>"],
  ["Technical deep dive", "<p>Covered SSO, API limits and the data residency question (EU hosting).</p>"],
  ["Onboarding kickoff", "<p>Agreed on go-live date and the list of admins.</p>"],
];

export const EMAIL_TOPICS: readonly (readonly [string, string])[] = [
  ["Your proposal for {company}", "please find our proposal attached. Happy to walk you through it."],
  ["Meeting follow-up", "thanks for your time today. As promised, here is a summary of next steps."],
  ["Onboarding: next steps", "welcome aboard! Your onboarding manager will reach out within two days."],
  ["Re: Invoice question", "thanks for flagging this, our billing team is looking into it."],
  ["Security questionnaire", "attached is our completed security questionnaire and the SOC 2 report summary."],
  ["Renewal reminder", "your subscription renews next month. Let me know if anything should change."],
];

export const MEETING_TOPICS: readonly (readonly [string, string])[] = [
  [
    "Product demo – {company}",
    "<p><strong>Agenda</strong></p><ul><li>Dashboards</li><li>Workflows</li><li>Q&amp;A</li></ul>",
  ],
  ["Quarterly business review", "<p>Review adoption KPIs and roadmap for next quarter.</p>"],
  ["Contract negotiation", "<p>Discuss payment terms and the SLA annex.</p>"],
  ["Onboarding workshop", "<p>Hands-on session for admins: users, pipelines, imports.</p>"],
];

export const NOTE_BODIES: readonly string[] = [
  "<p>Spoke with <strong>{first}</strong>: budget approved for Q3.</p>",
  "<p>Customer prefers invoices in EUR; billing contact is accounts@{domain}.</p>",
  "<p>Decision maker is the CFO, not {first}. Loop her in before sending the contract.</p>",
  "<p>Competitor in the deal: <em>Salesforce</em>. Price is the main objection.</p>",
  "<p>打ち合わせメモ：来月から導入開始予定。担当は{last}様。</p>",
  "<p>Kunde wünscht Schulung vor Ort in {city}.</p>",
];

export const TASK_TOPICS: readonly (readonly [string, string, string])[] = [
  ["Send revised quote", "Include the 3-year discount discussed on the call.", "EMAIL"],
  ["Call back re: pricing", "They asked for a call after their board meeting.", "CALL"],
  ["Prepare QBR deck", "Usage charts, open tickets, renewal options.", "TODO"],
  ["Chase signed contract", "DocuSign envelope still unsigned.", "EMAIL"],
  ["Book onboarding workshop", "Two half-day sessions, remote.", "TODO"],
  ["Check in after go-live", "Ask about adoption and first impressions.", "CALL"],
];

/** Knowledge-base articles: [language, category, subcategory, slug, title, body]. */
export const KB_ARTICLES: readonly (readonly [string, string, string, string, string, string])[] = [
  [
    "en",
    "Getting started",
    "Account setup",
    "invite-your-team",
    "Invite your team",
    "<h2>Invite users</h2>\n<p>Go to <strong>Settings &gt; Users</strong> and click <em>Invite</em>.</p>",
  ],
  [
    "en",
    "Getting started",
    "Account setup",
    "set-up-sso",
    "Set up single sign-on (SSO)",
    "<p>SSO is available on the Enterprise plan.</p>\n<ol>\n<li>Open Settings &gt; Security.</li>\n<li>Upload your IdP metadata.</li>\n</ol>",
  ],
  [
    "en",
    "Billing",
    "Invoices",
    "download-invoices",
    "Download invoices",
    "<p>Invoices are under <strong>Account &gt; Billing</strong>, as PDF.</p>",
  ],
  [
    "ja",
    "Billing",
    "Invoices",
    "invoice-reissue",
    "請求書の再発行方法",
    "<p>請求書の再発行は「アカウント設定」→「請求」から行えます。</p>\n<p>宛名の変更もこちらで可能です。</p>",
  ],
  [
    "en",
    "Billing",
    "Payment methods",
    "change-payment-method",
    "Change your payment method",
    "<p>We accept cards, SEPA direct debit and bank transfer.</p>",
  ],
  [
    "en",
    "Billing",
    "VAT",
    "vat-reverse-charge",
    "VAT and reverse charge",
    '<p>EU business customers with a valid VAT ID are invoiced without VAT (reverse charge, "Steuerschuldnerschaft des Leistungsempfängers").</p>',
  ],
  [
    "en",
    "Integrations",
    "Email",
    "connect-outlook",
    "Connect Outlook or Gmail",
    "<p>Connect your inbox to log emails automatically.</p>\n<p><em>Note:</em> shared inboxes need an admin.</p>",
  ],
  [
    "ru",
    "Getting started",
    "Login",
    "reset-password",
    "Как сбросить пароль",
    "<p>Нажмите «Забыли пароль?» на странице входа и следуйте инструкциям в письме.</p>",
  ],
  [
    "en",
    "Integrations",
    "Calendar",
    "calendar-sync",
    "Calendar sync",
    "<p>Meetings booked via the scheduler sync to Google and Microsoft 365 calendars.</p>",
  ],
  [
    "en",
    "Integrations",
    "API",
    "api-limits",
    "API limits",
    "<p>Each account may send 100 requests per 10 seconds; bulk endpoints accept 100 records per call.</p>",
  ],
  [
    "en",
    "Integrations",
    "API",
    "webhooks",
    "Webhooks",
    "<p>Webhooks retry 10 times over 24 hours.</p>\n<pre>POST /webhooks/v3/subscriptions</pre>",
  ],
  [
    "en",
    "Data",
    "Import & export",
    "import-contacts",
    "Import contacts from a CSV file",
    "<p>Use UTF-8. Columns are matched by header; unmatched columns can be skipped.</p>",
  ],
  [
    "de",
    "Data",
    "Import & export",
    "datenexport-csv",
    "Datenexport als CSV – Schritt für Schritt",
    "<p>Öffnen Sie <strong>Kontakte</strong>, wählen Sie „Exportieren“ und danach das Format CSV.</p>",
  ],
  [
    "en",
    "Data",
    "Deduplication",
    "merge-duplicates",
    "Merge duplicate companies",
    "<p>Companies with the same domain are suggested for merging.</p>",
  ],
  [
    "en",
    "Data",
    "Privacy",
    "gdpr-delete",
    "Delete a contact under GDPR",
    "<p>A GDPR delete removes the contact and its email history permanently.</p>",
  ],
  [
    "en",
    "Sales",
    "Pipelines",
    "customize-deal-stages",
    "Customize deal stages",
    "<p>Each pipeline has its own stages and win probabilities.</p>",
  ],
  [
    "en",
    "Sales",
    "Pipelines",
    "multiple-pipelines",
    "Work with multiple pipelines",
    "<p>Use a separate pipeline for renewals, partners or regions.</p>",
  ],
  [
    "en",
    "Sales",
    "Forecasting",
    "forecast-categories",
    "Forecast categories",
    "<p>Forecasts use the deal probability times the amount.</p>",
  ],
  [
    "en",
    "Service",
    "Tickets",
    "ticket-statuses",
    "Ticket statuses explained",
    "<p><strong>New</strong>, <strong>Waiting on contact</strong>, <strong>Waiting on us</strong> and <strong>Closed</strong>.</p>",
  ],
  [
    "en",
    "Service",
    "Tickets",
    "sla-rules",
    "SLA rules",
    "<p>First response within 4 business hours for <em>High</em> priority tickets.</p>",
  ],
];

/** Campaigns: [name, type, budget]. */
export const CAMPAIGNS: readonly (readonly [string, string, string])[] = [
  ["Spring Webinar Series", "Webinar", "4500"],
  ["Hannover Messe", "Trade Show", "38000"],
  ["Q3 Nurture – Manufacturing", "Email", "1200"],
  ["Customer Advocacy, Referrals & Reviews", "Content", ""],
  ["LinkedIn Retargeting EMEA", "Paid Social", "15000"],
  ["Product Launch: Analytics Add-on", "Email", "6000"],
  ["SaaStr Europa", "Trade Show", "22000"],
  ["Renewal Save Campaign", "Email", "0"],
  ["Japan Market Entry 日本市場", "Event", "27500"],
  ["Partner Enablement Days", "Event", "9000"],
  ['Year-End Promo "12 Days"', "Email", "2500"],
  ["Google Ads – Brand", "Paid Search", "18000"],
  ["Case Study: Helios", "Content", "3000"],
  ["Roadshow DACH", "Event", "16500"],
  ["Win-back Churned Accounts", "Email", ""],
  ["Developer Newsletter", "Email", "800"],
  ["Retail Summit Chicago", "Trade Show", "21000"],
  ["Healthcare Compliance Webinar", "Webinar", "3500"],
  ["Free Trial Onboarding Drip", "Email", "0"],
  ["Salon du CRM Paris", "Trade Show", "12500"],
];
