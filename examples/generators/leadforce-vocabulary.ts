// Names, places, products and texts of Leadforce's demo account: Tejas Softlink, a B2B software reseller
// in Bengaluru selling CRM, ERP, HRMS and analytics licences and services to Indian companies, and a few
// in the Gulf and Singapore. Websites use the reserved `.example` top-level domain.

/** A company as its leads describe it; `website` is written exactly as the leads' Website cell holds it. */
export interface Company {
  name: string;
  /** The name without its legal form, for deal names. */
  short: string;
  website: string;
  domain: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  industry: string;
}

const indian = (
  name: string,
  short: string,
  website: string,
  street: string,
  city: string,
  state: string,
  zip: string,
  industry: string,
): Company => ({
  name,
  short,
  website,
  domain: website.replace(/^https?:\/\//, "").replace(/^www\./, ""),
  street,
  city,
  state,
  zip,
  country: "India",
  industry,
});

/** Companies the leads are drawn from. The awkward companies (Acme, the one without a website) are not among them. */
export const COMPANIES: readonly Company[] = [
  indian(
    "Bluestone Infotech Pvt. Ltd.",
    "Bluestone Infotech",
    "https://www.bluestone-infotech.example",
    "42, 2nd Cross, Indiranagar",
    "Bengaluru",
    "Karnataka",
    "560038",
    "IT Services",
  ),
  indian(
    "Sahyadri Auto Components",
    "Sahyadri Auto",
    "www.sahyadri-auto.example",
    "Plot 17, MIDC Bhosari",
    "Pune",
    "Maharashtra",
    "411026",
    "Manufacturing",
  ),
  indian(
    "Ganga Healthcare Pvt. Ltd.",
    "Ganga Healthcare",
    "https://gangahealth.example",
    "5/112, Vibhuti Khand, Gomti Nagar",
    "Lucknow",
    "Uttar Pradesh",
    "226010",
    "Healthcare",
  ),
  indian(
    "Coromandel Retail LLP",
    "Coromandel Retail",
    "coromandel-retail.example",
    "18, Usman Road, T. Nagar",
    "Chennai",
    "Tamil Nadu",
    "600017",
    "Retail",
  ),
  indian(
    "Deccan EduTech",
    "Deccan EduTech",
    "https://www.deccan-edutech.example",
    "Level 3, Cyber Towers, HITEC City",
    "Hyderabad",
    "Telangana",
    "500081",
    "Education",
  ),
  indian(
    "Kaveri Textiles Ltd.",
    "Kaveri Textiles",
    "http://kaveri-textiles.example",
    "221, Avinashi Road",
    "Coimbatore",
    "Tamil Nadu",
    "641018",
    "Manufacturing",
  ),
  indian(
    "Indus Logistics Pvt. Ltd.",
    "Indus Logistics",
    "https://induslogistics.example",
    "B-404, Titanium City Centre, Satellite",
    "Ahmedabad",
    "Gujarat",
    "380015",
    "IT Services",
  ),
  indian(
    "Nilgiri Foods Pvt. Ltd.",
    "Nilgiri Foods",
    "www.nilgirifoods.example",
    "Door 36/1120, Edappally",
    "Kochi",
    "Kerala",
    "682024",
    "Retail",
  ),
  indian(
    "Sunrise Solar Systems",
    "Sunrise Solar",
    "https://www.sunrise-solar.example",
    "C-56, Sector 62",
    "Noida",
    "Uttar Pradesh",
    "201309",
    "Manufacturing",
  ),
  indian(
    "Konark Software Solutions",
    "Konark Software",
    "https://konarksoft.example",
    "Plot 9, Infocity, Patia",
    "Bhubaneswar",
    "Odisha",
    "751024",
    "IT Services",
  ),
  indian(
    "Pragati Public School",
    "Pragati School",
    "pragati-school.example",
    "Sector 11, Dwarka",
    "New Delhi",
    "Delhi",
    "110075",
    "Education",
  ),
  indian(
    "Sagar Diagnostics",
    "Sagar Diagnostics",
    "https://www.sagardiagnostics.example",
    "3rd Floor, Link Plaza, Andheri West",
    "Mumbai",
    "Maharashtra",
    "400053",
    "Healthcare",
  ),
  indian(
    "Marigold Hospitality",
    "Marigold Hospitality",
    "http://www.marigold-hotels.example",
    "MI Road, near Panch Batti",
    "Jaipur",
    "Rajasthan",
    "302001",
    "Retail",
  ),
  indian(
    "Vindhya Steel Works",
    "Vindhya Steel",
    "vindhyasteel.example",
    "Sector F, Sanwer Road Industrial Area",
    "Indore",
    "Madhya Pradesh",
    "452015",
    "Manufacturing",
  ),
];

/** Customers abroad quote in USD. */
export const FOREIGN_COMPANIES: readonly Company[] = [
  {
    name: "Gulf Star Trading LLC",
    short: "Gulf Star",
    website: "https://www.gulfstar-trading.example",
    domain: "gulfstar-trading.example",
    street: "Office 1204, Bay Square, Business Bay",
    city: "Dubai",
    state: "Dubai",
    zip: "",
    country: "United Arab Emirates",
    industry: "Retail",
  },
  {
    name: "Lion City Analytics Pte. Ltd.",
    short: "Lion City Analytics",
    website: "https://lioncity-analytics.example",
    domain: "lioncity-analytics.example",
    street: "80 Robinson Road, #10-01",
    city: "Singapore",
    state: "",
    zip: "068898",
    country: "Singapore",
    industry: "IT Services",
  },
  {
    name: "Al Noor Medical Centre",
    short: "Al Noor Medical",
    website: "alnoor-medical.example",
    domain: "alnoor-medical.example",
    street: "Khalifa Street, Al Markaziyah",
    city: "Abu Dhabi",
    state: "Abu Dhabi",
    zip: "",
    country: "United Arab Emirates",
    industry: "Healthcare",
  },
];

/** One company, spelled three ways by its leads, with three ways of writing one website. */
export const ACME = {
  spellings: ["Acme Technologies", "ACME Technologies Pvt. Ltd.", "acme technologies"],
  websites: ["https://www.acme-tech.example", "acme-tech.example", "http://acme-tech.example/contact"],
  domain: "acme-tech.example",
  company: indian(
    "Acme Technologies",
    "Acme",
    "https://www.acme-tech.example",
    "91, Outer Ring Road, Marathahalli",
    "Bengaluru",
    "Karnataka",
    "560037",
    "IT Services",
  ),
} as const;

/** A small trader with no website: its leads can only be matched by name. */
export const NO_WEBSITE_COMPANY: Company = {
  ...indian(
    "Sri Lakshmi Traders",
    "Sri Lakshmi Traders",
    "",
    "14, Chickpet Main Road",
    "Bengaluru",
    "Karnataka",
    "560053",
    "Retail",
  ),
  domain: "",
};

export const FIRST_NAMES = [
  "Aarav",
  "Aditya",
  "Rahul",
  "Sneha",
  "Kavya",
  "Divya",
  "Rohit",
  "Neha",
  "Siddharth",
  "Pooja",
  "Lakshmi",
  "Suresh",
  "Deepa",
  "Anil",
  "Meenakshi",
  "Nikhil",
  "Swati",
  "Farhan",
  "Imran",
  "Gurpreet",
] as const;

export const LAST_NAMES = [
  "Sharma",
  "Iyer",
  "Reddy",
  "Menon",
  "Patel",
  "Shah",
  "Gupta",
  "Rao",
  "Kulkarni",
  "Joshi",
  "Banerjee",
  "Chatterjee",
  "Das",
  "Khan",
  "Singh",
  "Pillai",
  "Bhat",
  "Desai",
  "Agarwal",
  "Saxena",
] as const;

/** People at the customers abroad. */
export const FOREIGN_NAMES: readonly (readonly [string, string])[] = [
  ["Omar", "Al Farsi"],
  ["Wei Ling", "Tan"],
  ["Rashid", "Haddad"],
  ["Priscilla", "Lim"],
  ["Fatima", "Al Mansoori"],
];

export const POSITIONS = [
  "Managing Director",
  "CEO",
  "CTO",
  "IT Manager",
  "Purchase Manager",
  "Head of Sales",
  "Operations Manager",
  "Finance Controller",
  "Proprietor",
  "HR Manager",
] as const;

export const LEAD_SOURCES = ["Website", "Referral", "Trade show", "Cold call", "Google Ads", "Partner"] as const;

export const TAGS = ["Hot", "Enterprise", "SMB", "Follow-up", "Government", "Renewal"] as const;

/** What a deal sells, for its name. */
export const DEAL_TOPICS = [
  "CRM rollout",
  "ERP implementation",
  "HRMS licences",
  "Analytics dashboards",
  "AMC renewal",
  "Payroll migration",
  "GST e-invoicing",
  "Sales team licences",
] as const;

export const ACTIVITY_SUBJECTS = {
  call: ["Discovery call", "Follow-up call on pricing", "Call about user count", "Reference call"],
  email: ["Sent brochure", "Shared price list", "Sent demo recording", "Sent revised quotation"],
  meeting: ["Product demo", "On-site requirements workshop", "Commercial negotiation", "Kick-off meeting"],
  task: ["Prepare quotation", "Send GST invoice copy", "Check credit terms", "Schedule training"],
} as const;

export const ACTIVITY_DESCRIPTIONS = [
  "Customer wants a trial for 10 users.",
  "Asked for a discount on the annual plan.",
  "Decision expected after the board meeting.",
  "Needs Tally integration, checked with the product team.",
  "",
] as const;

/** Note bodies as the rich-text editor saves them; `{first}` is the person's first name. */
export const NOTE_BODIES = [
  "<p>Spoke with <b>{first}</b> about the licence count.</p>",
  "<p>Demo went well.<br>Next: pricing &amp; timelines.</p>",
  "Called twice, no answer. Will try again on Monday.",
  "<p>Wants <b>GST</b> invoices with the company's GSTIN.</p><p>Finance contact to follow.</p>",
  "<p>Budget approved for Q1 &amp; Q2.</p>",
  "Met at the trade show in Bengaluru; interested in HRMS.",
] as const;

export const TEXT_FILES = [
  "Call notes\n\n- 25 users in sales, 10 in support\n- Wants WhatsApp integration\n- Budget approval in March\n",
  "Requirements\n\n1. Lead capture from the website\n2. GST-compliant quotations\n3. Tally export\n",
] as const;
