// Names, places and texts of Calder & Finch Instruments Ltd, a supplier of laboratory and process instruments
// (pH and conductivity meters, spectrophotometers, online water analysers) and their calibration and service,
// in Leeds, with customers in the United Kingdom and Ireland, Germany and Austria, Denmark and Norway, France,
// the Netherlands and Belgium. Websites and mail use the reserved `.example` top-level domain. Every letter is
// in Windows-1252 (the server's code page) but one, placed on purpose (sage-layout.ts, AT.person).

/** Country caption codes, as Sage stores them in Addr_Country (Custom_Captions names them). */
export type CountryCode = "UK" | "IE" | "DE" | "AT" | "DK" | "NO" | "FR" | "NL" | "BE";

export type SectorCode =
  "Water" | "Pharma" | "Food" | "Chemicals" | "Environment" | "Research" | "Healthcare" | "Energy";

export interface CompanyEntry {
  name: string;
  /** The name without its legal form, for opportunity descriptions and library folders. */
  short: string;
  country: CountryCode;
  city: string;
  postCode: string;
  /** County, Land or region, as the address form holds it; null where the user left it empty. */
  state: string | null;
  sector: SectorCode;
  domain: string;
}

const entry = (
  name: string,
  short: string,
  country: CountryCode,
  city: string,
  postCode: string,
  state: string | null,
  sector: SectorCode,
  domain: string,
): CompanyEntry => ({ name, short, country, city, postCode, state, sector, domain: `${domain}.example` });

/** The companies of a block, by position; the awkward names sit where sage-layout.ts's AT.company says. */
export const COMPANIES: readonly CompanyEntry[] = [
  entry(
    "Calloway Water Services Ltd",
    "Calloway Water",
    "UK",
    "Leeds",
    "LS11 5DR",
    "West Yorkshire",
    "Water",
    "callowaywater",
  ),
  entry(
    "Brindle Pharmaceuticals plc",
    "Brindle",
    "UK",
    "Macclesfield",
    "SK10 2NA",
    "Cheshire",
    "Pharma",
    "brindlepharma",
  ),
  entry("Ashgrove Dairies Ltd", "Ashgrove Dairies", "UK", "Carlisle", "CA2 4RL", "Cumbria", "Food", "ashgrovedairies"),
  entry("Mereside Chemicals Ltd", "Mereside", "UK", "Runcorn", "WA7 4QX", "Cheshire", "Chemicals", "meresidechem"),
  entry("Nordsø Vandteknik ApS", "Nordsø Vandteknik", "DK", "Aarhus", "8000", null, "Water", "nordsoe-vand"),
  entry(
    "University of Tynemouth – School of Chemistry",
    "Tynemouth Chemistry",
    "UK",
    "Newcastle upon Tyne",
    "NE1 7RU",
    null,
    "Research",
    "chem.tynemouth",
  ),
  entry(
    "Severnside Analytical Ltd",
    "Severnside",
    "UK",
    "Gloucester",
    "GL2 5HS",
    "Gloucestershire",
    "Environment",
    "severnside-analytical",
  ),
  entry(
    "Harrogate Spring Laboratories Ltd",
    "Harrogate Spring",
    "UK",
    "Harrogate",
    "HG1 2RS",
    "North Yorkshire",
    "Food",
    "harrogatespring",
  ),
  entry("Clyde Process Instruments Ltd", "Clyde Process", "UK", "Glasgow", "G51 1HD", null, "Energy", "clydeprocess"),
  entry("Fenwick & Rowe Ltd", "Fenwick & Rowe", "UK", "Norwich", "NR3 1UB", "Norfolk", "Food", "fenwickrowe"),
  entry("Kilbride Biologics Ltd", "Kilbride", "IE", "Dublin", "D24 X0K2", "Co. Dublin", "Pharma", "kilbridebio"),
  entry(
    "Société Lyonnaise d’Analyse",
    "SLA Lyon",
    "FR",
    "Lyon",
    "69007",
    "Auvergne-Rhône-Alpes",
    "Environment",
    "sla-lyon",
  ),
  entry(
    "Westmoor Hospital Pathology",
    "Westmoor Pathology",
    "UK",
    "Bradford",
    "BD9 6RJ",
    "West Yorkshire",
    "Healthcare",
    "westmoorpath",
  ),
  entry("Fjordvann Analyse AS", "Fjordvann", "NO", "Bergen", "5003", "Vestland", "Water", "fjordvann"),
  entry(
    "Pennine Labs Ltd",
    "Pennine Labs",
    "UK",
    "Huddersfield",
    "HD1 3DH",
    "West Yorkshire",
    "Research",
    "penninelabs",
  ),
  entry(
    "Hoffmann Getränke GmbH",
    "Hoffmann Getränke",
    "DE",
    "Dortmund",
    "44137",
    "Nordrhein-Westfalen",
    "Food",
    "hoffmann-getraenke",
  ),
  entry("Greenway Environmental Ltd", "Greenway", "UK", "Bristol", "BS1 6QH", null, "Environment", "greenwayenv"),
  entry(
    "Arden Brewing Company Ltd",
    "Arden Brewing",
    "UK",
    "Stratford-upon-Avon",
    "CV37 6BD",
    "Warwickshire",
    "Food",
    "ardenbrewing",
  ),
  entry("Tarn Valley Water plc", "Tarn Valley", "UK", "Kendal", "LA9 4DL", "Cumbria", "Water", "tarnvalleywater"),
  entry(
    "Cork Harbour Dairy Co-operative",
    "Cork Harbour Dairy",
    "IE",
    "Cork",
    "T12 R6F3",
    "Co. Cork",
    "Food",
    "corkharbourdairy",
  ),
  entry(
    "Rheinwerk Chemie AG",
    "Rheinwerk",
    "DE",
    "Ludwigshafen",
    "67059",
    "Rheinland-Pfalz",
    "Chemicals",
    "rheinwerk-chemie",
  ),
  entry(
    "Marlow Precision Optics Ltd",
    "Marlow Optics",
    "UK",
    "Marlow",
    "SL7 1NT",
    "Buckinghamshire",
    "Research",
    "marlowoptics",
  ),
  entry(
    "Humber Refinery Services Ltd",
    "Humber Refinery",
    "UK",
    "Immingham",
    "DN40 2LZ",
    "Lincolnshire",
    "Energy",
    "humberrefinery",
  ),
  entry(
    "Müller & Söhne Labortechnik GmbH",
    "Müller & Söhne",
    "DE",
    "Stuttgart",
    "70565",
    "Baden-Württemberg",
    "Research",
    "mueller-soehne",
  ),
  entry(
    "Dunmore Distillers Ltd",
    "Dunmore Distillers",
    "UK",
    "Perth",
    "PH1 5TR",
    "Perth and Kinross",
    "Food",
    "dunmoredistillers",
  ),
  entry(
    "Eastleigh Medical Devices Ltd",
    "Eastleigh Medical",
    "UK",
    "Eastleigh",
    "SO50 6YU",
    "Hampshire",
    "Healthcare",
    "eastleighmedical",
  ),
  entry("Vandværk Fyn A/S", "Vandværk Fyn", "DK", "Odense", "5000", "Syddanmark", "Water", "vandvaerk-fyn"),
  entry(
    "Thames Estuary Monitoring Ltd",
    "Thames Estuary",
    "UK",
    "Southend-on-Sea",
    "SS1 2EG",
    "Essex",
    "Environment",
    "thamesestuary",
  ),
  entry(
    "Cotswold Cheese Makers Ltd",
    "Cotswold Cheese",
    "UK",
    "Cirencester",
    "GL7 1XZ",
    "Gloucestershire",
    "Food",
    "cotswoldcheese",
  ),
  entry(
    "Laboratoire Départemental de la Somme",
    "LD Somme",
    "FR",
    "Amiens",
    "80000",
    "Hauts-de-France",
    "Environment",
    "ld-somme",
  ),
  entry("Brennan Biotech Ltd", "Brennan Biotech", "IE", "Galway", "H91 R2F6", "Co. Galway", "Pharma", "brennanbiotech"),
  entry(
    'The "Clean Water" Company Ltd',
    "Clean Water Co",
    "UK",
    "Stoke-on-Trent",
    "ST4 4EG",
    "Staffordshire",
    "Water",
    "cleanwaterco",
  ),
  entry("Alpenquell Mineralwasser GmbH", "Alpenquell", "AT", "Salzburg", "5020", "Salzburg", "Food", "alpenquell"),
  entry(
    "Wolds Agronomy Ltd",
    "Wolds Agronomy",
    "UK",
    "Driffield",
    "YO25 6SD",
    "East Riding of Yorkshire",
    "Research",
    "woldsagronomy",
  ),
  entry(
    "Van der Berg Waterbeheer B.V.",
    "Van der Berg",
    "NL",
    "Utrecht",
    "3511 AB",
    "Utrecht",
    "Water",
    "vdberg-water",
  ),
  entry(
    "Lincoln Analytical Services Ltd",
    "Lincoln Analytical",
    "UK",
    "Lincoln",
    "LN6 3QN",
    "Lincolnshire",
    "Environment",
    "lincolnanalytical",
  ),
  entry(
    "Hartley, Shaw & Co. Ltd",
    "Hartley Shaw",
    "UK",
    "Sheffield",
    "S1 2GU",
    "South Yorkshire",
    "Chemicals",
    "hartleyshaw",
  ),
  entry(
    "Ålesund Fiskeindustri AS",
    "Ålesund Fisk",
    "NO",
    "Ålesund",
    "6002",
    "Møre og Romsdal",
    "Food",
    "aalesund-fisk",
  ),
  entry(
    "Mullingar Water Treatment Ltd",
    "Mullingar Water",
    "IE",
    "Mullingar",
    "N91 T2K8",
    "Co. Westmeath",
    "Water",
    "mullingarwater",
  ),
  entry(
    "Northgate Hospital Laboratories",
    "Northgate Labs",
    "UK",
    "Preston",
    "PR2 9HT",
    "Lancashire",
    "Healthcare",
    "northgatelabs",
  ),
  entry(
    "Brauerei Kössler GmbH & Co. KG",
    "Brauerei Kössler",
    "DE",
    "Regensburg",
    "93047",
    "Bayern",
    "Food",
    "koessler-bier",
  ),
  entry(
    "Solent Marine Research Ltd",
    "Solent Marine",
    "UK",
    "Portsmouth",
    "PO1 3LJ",
    "Hampshire",
    "Research",
    "solentmarine",
  ),
  entry(
    "Tees Valley Polymers Ltd",
    "Tees Valley Polymers",
    "UK",
    "Middlesbrough",
    "TS2 1RH",
    "North Yorkshire",
    "Chemicals",
    "teesvalleypolymers",
  ),
  entry("Aquaterra Belgique SA", "Aquaterra", "BE", "Liège", "4000", "Liège", "Environment", "aquaterra-be"),
  entry("Kestrel Foods Ltd", "Kestrel Foods", "UK", "Leicester", "LE4 5QE", "Leicestershire", "Food", "kestrelfoods"),
  entry(
    "Ribble Valley Creamery Ltd",
    "Ribble Valley Creamery",
    "UK",
    "Clitheroe",
    "BB7 1AZ",
    "Lancashire",
    "Food",
    "ribblecreamery",
  ),
  entry("Stadtwerke Lindenau GmbH", "Stadtwerke Lindenau", "DE", "Leipzig", "04177", "Sachsen", "Water", "sw-lindenau"),
  entry(
    "PENNINE LABS LTD",
    "Pennine Labs",
    "UK",
    "Huddersfield",
    "HD1 3DH",
    "West Yorkshire",
    "Research",
    "penninelabs",
  ),
  entry(
    "Wexford Pharma Services Ltd",
    "Wexford Pharma",
    "IE",
    "Wexford",
    "Y35 W8K2",
    "Co. Wexford",
    "Pharma",
    "wexfordpharma",
  ),
  entry("Medway Water Testing Ltd", "Medway Water", "UK", "Chatham", "ME4 4TZ", "Kent", "Water", "medwaywater"),
  entry(
    "Bourne Energy Ltd",
    "Bourne Energy",
    "UK",
    "Peterborough",
    "PE2 6FL",
    "Cambridgeshire",
    "Energy",
    "bourne-energy",
  ),
  entry(
    "Grün & Partner Umweltlabor GmbH",
    "Grün & Partner",
    "AT",
    "Graz",
    "8010",
    "Steiermark",
    "Environment",
    "gruen-umweltlabor",
  ),
  entry(
    "Oakfield College of Science",
    "Oakfield College",
    "UK",
    "Derby",
    "DE22 3AW",
    "Derbyshire",
    "Research",
    "oakfield-college",
  ),
  entry("Chimie Fine de Normandie SAS", "Chimie Fine", "FR", "Rouen", "76000", "Normandie", "Chemicals", "chimiefine"),
  entry(
    "Strathmore Salmon Ltd",
    "Strathmore Salmon",
    "UK",
    "Aberdeen",
    "AB11 5PW",
    "Aberdeenshire",
    "Food",
    "strathmoresalmon",
  ),
  entry("Aalborg Bryghus ApS", "Aalborg Bryghus", "DK", "Aalborg", "9000", "Nordjylland", "Food", "aalborgbryghus"),
  entry(
    "Wessex Hospital Laboratories Ltd",
    "Wessex Labs",
    "UK",
    "Salisbury",
    "SP2 8BJ",
    "Wiltshire",
    "Healthcare",
    "wessexlabs",
  ),
  entry("Eider Instruments B.V.", "Eider", "NL", "Groningen", "9711 LM", "Groningen", "Research", "eider-instruments"),
  entry(
    "Bordeaux Œnologie SARL",
    "Bordeaux Œnologie",
    "FR",
    "Bordeaux",
    "33000",
    "Nouvelle-Aquitaine",
    "Food",
    "bordeaux-oenologie",
  ),
  entry(
    "Trent Valley Environmental Ltd",
    "Trent Valley",
    "UK",
    "Nottingham",
    "NG2 3HX",
    "Nottinghamshire",
    "Environment",
    "trentvalleyenv",
  ),
];

/** Sites that name the companies of later blocks: "Calloway Water Services Ltd – Wakefield". */
export const BRANCHES: readonly string[] = ["Wakefield", "Chester", "Swindon", "Reading", "Durham", "Exeter", "Bath"];

export const STREETS: Readonly<Record<CountryCode, readonly string[]>> = {
  UK: [
    "Station Road",
    "Canal Wharf",
    "Mill Lane",
    "Riverside Park",
    "Enterprise Way",
    "Church Street",
    "Aire Valley Business Centre",
  ],
  IE: ["Main Street", "Quay Road", "Business Park", "Ballycoolin Road", "Bridge Street"],
  DE: ["Industriestraße", "Hauptstraße", "Am Mühlbach", "Gewerbepark Süd", "Bahnhofstraße"],
  AT: ["Innsbrucker Bundesstraße", "Grazer Straße", "Mühlgasse", "Wiener Straße"],
  DK: ["Havnegade", "Industrivej", "Søndergade", "Vestergade"],
  NO: ["Strandgaten", "Sjøgata", "Industriveien", "Storgata"],
  FR: ["rue de la République", "avenue Jean Jaurès", "quai Perrache", "rue des Écoles", "boulevard Pasteur"],
  NL: ["Stationsweg", "Havenstraat", "Industrieweg", "Kanaalweg"],
  BE: ["rue Léopold", "quai de la Boverie", "rue de l’Industrie"],
};

/** Phone country codes, and the area codes of a country's cities in this export. */
export const DIALLING: Readonly<Record<CountryCode, { country: string; areas: readonly string[] }>> = {
  UK: { country: "44", areas: ["113", "114", "117", "141", "1423", "1484", "1524", "161", "191"] },
  IE: { country: "353", areas: ["1", "21", "91", "44", "53"] },
  DE: { country: "49", areas: ["231", "621", "711", "941", "341"] },
  AT: { country: "43", areas: ["662", "316"] },
  DK: { country: "45", areas: [""] },
  NO: { country: "47", areas: [""] },
  FR: { country: "33", areas: ["4", "3", "2", "5"] },
  NL: { country: "31", areas: ["30", "50"] },
  BE: { country: "32", areas: ["4"] },
};

/** First and last names by the country a person works in. */
export const NAMES: Readonly<
  Record<"UK" | "IE" | "DE" | "NORDIC" | "FR" | "NL", { first: readonly string[]; last: readonly string[] }>
> = {
  UK: {
    first: [
      "Oliver",
      "Amelia",
      "Harry",
      "Isla",
      "George",
      "Emily",
      "James",
      "Charlotte",
      "Thomas",
      "Hannah",
      "Daniel",
      "Rachel",
      "Andrew",
      "Claire",
      "Gareth",
      "Bethan",
      "Rhys",
      "Megan",
      "Alistair",
      "Morag",
      "Imran",
      "Sunita",
    ],
    last: [
      "Hargreaves",
      "Whitaker",
      "Thornton",
      "Barraclough",
      "Pickering",
      "Holroyd",
      "Sutcliffe",
      "Ackroyd",
      "Clarke",
      "Patel",
      "Khan",
      "Robinson",
      "Walsh",
      "Fletcher",
      "Lister",
      "Greenwood",
      "Atkinson",
      "Campbell",
      "Macdonald",
      "Evans",
      "Griffiths",
      "Morgan",
    ],
  },
  IE: {
    first: ["Ciarán", "Niamh", "Seán", "Aoife", "Pádraig", "Sinéad", "Eoin", "Gráinne", "Cormac", "Róisín"],
    last: ["Murphy", "Kavanagh", "Fitzgerald", "Ó Ceallaigh", "Byrne", "MacNamara", "Nic Amhlaoibh", "Doherty"],
  },
  DE: {
    first: [
      "Jürgen",
      "Katrin",
      "Matthias",
      "Anja",
      "Stefan",
      "Sabine",
      "Jörg",
      "Ute",
      "Tobias",
      "Franziska",
      "Maximilian",
      "Lena",
    ],
    last: [
      "Schäfer",
      "Krämer",
      "Hoffmann",
      "Böhm",
      "Wagner",
      "Schröder",
      "Zimmermann",
      "Groß",
      "Köhler",
      "Brandstätter",
      "Hölzl",
      "Öztürk",
    ],
  },
  NORDIC: {
    first: [
      "Søren",
      "Mette",
      "Jens",
      "Birgitte",
      "Lars",
      "Ingrid",
      "Anders",
      "Sigrid",
      "Kåre",
      "Åse",
      "Bjørn",
      "Trine",
    ],
    last: ["Jørgensen", "Mikkelsen", "Nørgaard", "Kjær", "Haugen", "Bråten", "Solberg", "Dahl", "Løvik", "Sæther"],
  },
  FR: {
    first: ["François", "Amélie", "Jérôme", "Cécile", "Stéphane", "Élodie", "Loïc", "Margaux", "Benoît", "Anaïs"],
    last: [
      "Dubois",
      "Mercier",
      "Lemaître",
      "Gauthier",
      "Rousseau",
      "Fournier",
      "Boucher",
      "Chevalier",
      "Leblanc",
      "Pérez",
    ],
  },
  NL: {
    first: ["Sanne", "Joost", "Femke", "Pieter", "Anouk", "Bram", "Maartje", "Ruud"],
    last: ["de Vries", "van Dijk", "Bakker", "Visser", "van den Broek", "Jansen", "Smit", "de Groot"],
  },
};

/** The names placed by hand (sage-layout.ts, AT.person), with the salutation each goes by. */
export const PLACED_NAMES: Readonly<Record<number, readonly [salutation: string, first: string, last: string]>> = {
  4: ["Mr.", "Søren", "Østergaard"],
  11: ["Mrs.", "Hélène", "Lefèvre"],
  15: ["Mr.", "Declan", "O'Brien"],
  23: ["Mr.", "Jürgen", "Weiß"],
  38: ["Ms.", "Siobhán", "Ní Bhriain"],
  50: ["Mr.", "Nigel", "Null"],
  62: ["Ms.", "Małgorzata", "Kołodziej"],
  75: ["Ms.", "Aoife", "D’Arcy"],
};

export const JOB_TITLES: readonly string[] = [
  "Laboratory Manager",
  "Quality Manager",
  "Head of Quality Assurance",
  "Process Engineer",
  "Purchasing Manager",
  "Senior Chemist",
  "Operations Director",
  "Water Quality Scientist",
  "Technical Director",
  "Buyer",
];

export const GERMAN_JOB_TITLES: readonly string[] = [
  "Laborleiterin",
  "Leiter Qualitätssicherung",
  "Einkäufer",
  "Betriebsleiter",
];

export const DEPARTMENTS: readonly string[] = [
  "Quality",
  "Laboratory",
  "Purchasing",
  "Operations",
  "Engineering",
  "R&D",
];

/** What people buy: an opportunity's or a lead's subject. */
export const TOPICS: readonly string[] = [
  "12 benchtop pH meters",
  "online chlorine analysers",
  "UV-Vis spectrophotometer",
  "calibration contract 2024",
  "turbidity monitoring upgrade",
  "conductivity probes (annual order)",
  "dissolved-oxygen sensors",
  "laboratory relocation – full service",
  "TOC analyser replacement",
  "on-site training, 2 days",
];

export const LEAD_DESCRIPTIONS: readonly string[] = [
  "Enquiry via website: {topic}",
  "Webinar follow-up – {topic}",
  "Trade show lead (Analytica Munich): {topic}",
  "Call-back request re {topic}",
  "Referral from existing customer: {topic}",
];

export const LEAD_DETAILS: readonly string[] = [
  "Asked for a quote and delivery times.\nBudget approved for this financial year.",
  "Currently using a competitor’s meters; unhappy with service response.",
  "Wants a demo on site before deciding.",
  "Tender expected in Q3 – send spec sheets.",
  "Small lab, price sensitive. Mentioned a budget of “about £8k”.",
];

export const OPPORTUNITY_NOTES: readonly string[] = [
  "Decision at the next board meeting.",
  "Competitor quoted 10% lower; we offer the 3-year calibration plan.",
  "Customer asked for a split delivery: half now, half after the summer shutdown.",
  "Budget € 18.500 (excl. VAT), per the purchasing department.",
  "Needs IQ/OQ documentation for validation.\nSend the template with the quote.",
];

export const CASE_PROBLEMS: readonly { type: string; description: string; problem: string; solution: string }[] = [
  {
    type: "Hardware",
    description: "pH probe drifting after calibration",
    problem: "Readings drift by 0.2 pH within an hour of calibration.",
    solution: "Reference electrolyte depleted; replaced the probe under warranty.",
  },
  {
    type: "Hardware",
    description: "Spectrophotometer lamp failure",
    problem: "Deuterium lamp will not ignite; error E-14 on start-up.",
    solution: "Engineer replaced the lamp on site.",
  },
  {
    type: "Calibration",
    description: "Calibration certificate missing",
    problem: "The certificate for serial no. CF-20417 was not in the delivery.",
    solution: "Certificate re-issued and e-mailed.",
  },
  {
    type: "Software",
    description: "Data logger software will not activate",
    problem: "Licence key rejected after the Windows update.",
    solution: "Issued a new key for version 4.2.",
  },
  {
    type: "Delivery",
    description: "Wrong buffer solutions delivered",
    problem: "Received pH 4.01 instead of pH 7.00 buffer (order 5531).",
    solution: "Collected and replaced; courier booked for the next day.",
  },
  {
    type: "Training",
    description: "Training request for new laboratory staff",
    problem: "Three new technicians need training on the TOC analyser.",
    solution: "Half-day remote session held.",
  },
];

export const COMMUNICATION_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  PhoneOut: ["Follow-up call", "Called re quote", "Chased purchase order", "Courtesy call after installation"],
  PhoneIn: ["Customer called about delivery", "Question about calibration interval", "Call: price query"],
  EmailOut: ["Quotation", "Spec sheets as requested", "Your service visit", "Calibration reminder"],
  EmailIn: ["RE: Quotation", "Purchase order attached", "RE: Your service visit", "Enquiry"],
  Meeting: ["Site visit", "Product demonstration", "Annual account review", "Installation meeting"],
  Note: ["Note", "Internal note", "Pricing agreed"],
  ToDo: ["Send quote", "Prepare demo kit", "Book engineer", "Renew calibration contract"],
};

export const COMMUNICATION_NOTES: readonly string[] = [
  "Discussed the options; customer will come back next week.",
  "Left a voicemail.",
  "Agreed a price of £4,250 for the package.",
  "Customer happy with the installation.\nAsked about an extended warranty.",
  "Sent the “standard” terms – they want 60 days’ payment.",
  "Spoke to the lab manager; purchasing signs off above £5k.",
];

export const MEETING_LOCATIONS: readonly string[] = ["Customer site", "Our office, Leeds", "Teams", "Boardroom"];

export const NOTE_BODIES: readonly string[] = [
  "Prefers contact by phone in the morning.",
  "Key account – copy Helen on all quotes.",
  "Invoice address differs from delivery address; see billing address.",
  "Do not call on Fridays (short day).",
  "Budget holder changed in March; new contact is the operations director.",
  "Price list 2024 sent. Discount agreed: 7.5 % on consumables.",
  "“Very happy” with the last service visit – possible reference customer.",
  "Ordered via the distributor until 2022; direct since.",
];

export const PROJECT_NAMES: readonly string[] = [
  "Installation and commissioning",
  "Laboratory upgrade",
  "Calibration programme",
  "Analyser roll-out",
  "Validation (IQ/OQ)",
];

export const FILE_TEXTS: readonly string[] = [
  "Site survey notes\r\nAccess via goods entrance; induction required.\r\nPower: 230 V, two sockets at the bench.\r\n",
  "Calibration summary\r\nAll probes within tolerance (± 0.02 pH).\r\nNext due: 12 months.\r\n",
];

/** The first names above that take Ms./Mrs. (the others Mr.), for the salutation. */
export const FEMALE_FIRST_NAMES: ReadonlySet<string> = new Set([
  ...["Amelia", "Isla", "Emily", "Charlotte", "Hannah", "Rachel", "Claire", "Bethan", "Megan", "Morag", "Sunita"],
  ...["Niamh", "Aoife", "Sinéad", "Gráinne", "Róisín", "Katrin", "Anja", "Sabine", "Ute", "Franziska", "Lena"],
  ...["Mette", "Birgitte", "Ingrid", "Sigrid", "Åse", "Trine", "Amélie", "Cécile", "Élodie", "Margaux", "Anaïs"],
  ...["Sanne", "Femke", "Anouk", "Maartje"],
]);

/** Where private persons live, and the mail domains they use. */
export const HOME_TOWNS: readonly { city: string; postCode: string; country: CountryCode }[] = [
  { city: "Otley", postCode: "LS21 1BZ", country: "UK" },
  { city: "Ilkley", postCode: "LS29 8HF", country: "UK" },
  { city: "Hebden Bridge", postCode: "HX7 8AD", country: "UK" },
  { city: "Kinsale", postCode: "P17 WR44", country: "IE" },
  { city: "Skipton", postCode: "BD23 1JD", country: "UK" },
];

export const PRIVATE_MAIL_DOMAINS: readonly string[] = ["gmail.example", "btinternet.example", "outlook.example"];

/** Companies that are not in Company.csv: leads name them in free text. */
export const PROSPECTS: readonly { name: string; domain: string; country: CountryCode }[] = [
  { name: "Holmfirth Brewery Ltd", domain: "holmfirthbrewery.example", country: "UK" },
  { name: "Skelton Grange Water Ltd", domain: "skeltongrange.example", country: "UK" },
  { name: "Aire & Calder Testing", domain: "airecaldertesting.example", country: "UK" },
  { name: "Dales Dairy Co-op", domain: "dalesdairy.example", country: "UK" },
  { name: "Limerick Bioprocess Ltd", domain: "limerickbio.example", country: "IE" },
  { name: "Wasserverband Emscher-Süd", domain: "wv-emscher-sued.example", country: "DE" },
  { name: "Käserei Allgäu Weiß GmbH", domain: "kaeserei-allgaeu.example", country: "DE" },
  { name: "Syddansk Miljølab ApS", domain: "sdmiljoelab.example", country: "DK" },
  { name: "Laiterie Bretonne SAS", domain: "laiterie-bretonne.example", country: "FR" },
  { name: "Humber Bank Seafoods", domain: "humberbankseafoods.example", country: "UK" },
  { name: "Calder Valley Hospital NHS Trust", domain: "cvh-nhs.example", country: "UK" },
  { name: "Kirklees College – Science Dept", domain: "kirklees-college.example", country: "UK" },
];
