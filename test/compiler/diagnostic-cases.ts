// The diagnostics table: each case is a small spec and exactly the diagnostics it must produce, as
// "line:col CODE". Cases share a prelude (lines 1–11) so their own lines start at 12. MC2019 (a column
// neither mapped nor dropped) is left out of the comparison unless a case is about it.
export const prelude = `mapping t -> odoo 17.0
source Company from csv "c.csv" {
  key "id"
  columns {
    "id": id
    "name": text
    "amount": money
    "stage": text
    "when": datetime
  }
}
`;

export interface DiagnosticCase {
  name: string;
  spec: string;
  expected: string[];
  /** also compare MC2019 */
  coverage?: boolean;
  /** a substring the first diagnostic's hint must contain */
  hint?: string;
}

const ok = `map Company -> res.partner {\n  name <- "name"\n}\n`;

export const diagnosticCases: DiagnosticCase[] = [
  { name: "a clean spec has nothing to say", spec: prelude + ok, expected: [] },
  {
    name: "unexpected character",
    spec: prelude + `map Company -> res.partner {\n  name <- "name" ;\n}\n`,
    expected: ["13:18 MS1001"],
  },
  {
    name: "unterminated string",
    spec: prelude + `map Company -> res.partner {\n  name <- "name\n}\n`,
    expected: ["13:11 MS1002", "13:12 MS1003"],
  },
  {
    name: "= where <- was meant",
    spec: prelude + `map Company -> res.partner {\n  name = "name" | trim\n}\n`,
    expected: ["13:17 MS1003", "13:19 MS1003"],
  },
  {
    name: "missing closing brace is reported at the end",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n`,
    expected: ["14:1 MS1003"],
  },
  {
    name: "several syntax errors in one run",
    spec: prelude + `map Company -> res.partner {\n  name <- \n  ref <- "name" |\n}\n`,
    expected: ["14:3 MS1003", "15:1 MS1003"],
  },
  { name: "unknown Odoo version", spec: prelude.replace("17.0", "15.0") + ok, expected: ["1:19 MC2001"] },
  {
    name: "a source declared twice",
    spec: prelude + `source Company from csv "d.csv" {\n  key "id"\n  columns { "id": id }\n}\n` + ok,
    expected: ["12:8 MC2002"],
  },
  {
    name: "unknown source format",
    spec: prelude + `source X from excel "x.xlsx" {\n  key "id"\n  columns { "id": id }\n}\n` + ok,
    expected: ["12:15 MC2010"],
  },
  {
    name: "unknown column type",
    spec: prelude + `source X from csv "x.csv" {\n  key "id"\n  columns { "id": identifier }\n}\n` + ok,
    expected: ["14:19 MC2011"],
  },
  {
    name: "unknown setting for the format",
    spec: prelude + `source X from json "x.json" {\n  key "id"\n  delimiter ";"\n  columns { "id": id }\n}\n` + ok,
    expected: ["14:3 MC2012"],
  },
  {
    name: "key column not declared",
    spec: prelude + `source X from csv "x.csv" {\n  key "ID"\n  columns { "id": id }\n}\n` + ok,
    expected: ["13:7 MC2013"],
    hint: '"id"',
  },
  {
    name: "column declared twice",
    spec: prelude + `source X from csv "x.csv" {\n  key "id"\n  columns { "id": id  "id": text }\n}\n` + ok,
    expected: ["14:23 MC2014"],
  },
  {
    name: "a source without key",
    spec: prelude + `source X from csv "x.csv" {\n  columns { "id": id }\n}\n` + ok,
    expected: ["12:8 MC2015"],
  },
  {
    name: "unknown source object in a map",
    spec: prelude + `map Compnay -> res.partner {\n  name <- "name"\n}\n`,
    expected: ["12:5 MC2017"],
    hint: "Company",
  },
  {
    name: "unknown column with a did-you-mean",
    spec: prelude + `map Company -> res.partner {\n  name <- "Name"\n}\n`,
    expected: ["13:11 MC2018"],
    hint: '"name"',
  },
  {
    name: "unmapped columns are reported with coverage",
    spec: prelude + ok,
    coverage: true,
    expected: ["7:5 MC2019", "8:5 MC2019", "9:5 MC2019"],
  },
  {
    name: "dropped and mapped at once",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  drop "name" because "x"\n}\n`,
    expected: ["6:5 MC2020"],
  },
  {
    name: "unknown model",
    spec: prelude + `map Company -> res.partners {\n  name <- "name"\n}\n`,
    expected: ["12:16 MC2101"],
    hint: "res.partner",
  },
  {
    name: "a model Community lacks, with its fallbacks",
    spec: prelude + `map Company -> helpdesk.ticket {\n  name <- "name"\n}\n`,
    expected: ["12:16 MC2102"],
    hint: "crm.lead",
  },
  {
    name: "the same model guarded by its app is fine",
    spec:
      prelude +
      `map Company -> helpdesk.ticket requires helpdesk {\n  name <- "name"\n}\nmap Company -> crm.lead as Fallback unless helpdesk {\n  name <- "name"\n  type = "lead"\n}\n`,
    expected: [],
  },
  {
    name: "planned_revenue is expected_revenue",
    spec:
      prelude +
      `map Company -> crm.lead {\n  type = "opportunity"\n  name <- "name"\n  planned_revenue <- "amount"\n}\n`,
    expected: ["15:3 MC2103"],
    hint: "expected_revenue",
  },
  {
    name: "res.partner has no customer flag",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  customer = true\n}\n`,
    expected: ["14:3 MC2103"],
    hint: "customer_rank",
  },
  {
    name: "a field Odoo recomputes and discards",
    spec:
      prelude +
      `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  date_closed <- "when"\n  prorated_revenue <- "amount"\n}\n`,
    expected: ["16:3 MC2104"],
  },
  {
    // Leadforce's invoice status: Odoo computes payment_state from reconciled payments, and drops a written one
    name: "an invoice's payment status cannot be written",
    spec:
      prelude +
      `map Company -> account.move {\n  move_type = "out_invoice"\n  name <- "name"\n  payment_state <- "stage"\n}\n`,
    expected: ["15:3 MC2104"],
  },
  {
    name: "a text transform after a lookup sees no text",
    spec:
      prelude +
      `lookup Other in source Company by "id" take "name"\nmap Company -> res.partner {\n  name <- "id" | lookup Other | trim\n  drop "amount", "stage", "when" because "x"\n}\n`,
    expected: ["14:33 MC2212"],
  },
  {
    name: "after a lookup, another lookup, a ref or a pick from a list is fine",
    spec:
      prelude +
      `lookup Other in source Company by "id" take "id"\nmap Company -> res.partner {\n  name <- "name"\n  parent_id <- "id" | lookup Other | ref Company\n  function <- "stage" | split ";" | lookup Other | first\n  drop "amount", "when" because "x"\n}\n`,
    expected: [],
  },
  {
    name: "a condition looks up only in a source, taking a column",
    spec:
      prelude +
      `lookup Kind in odoo res.partner.category by name\nmap Company -> res.partner where "stage" | lookup Kind == "x" {\n  name <- "name"\n  drop "amount", "when" because "x"\n}\n`,
    expected: ["13:51 MC2213"],
  },
  {
    name: "a condition through an unknown lookup",
    spec:
      prelude +
      `map Company -> res.partner where "stage" | lookup Kinds == "x" {\n  name <- "name"\n  drop "amount", "when" because "x"\n}\n`,
    expected: ["12:51 MC2207"],
  },
  {
    name: "a volatile field draws a warning",
    spec: prelude + `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  probability <- "amount"\n}\n`,
    expected: ["15:3 MC2105"],
  },
  {
    name: "a value of the wrong type",
    spec: prelude + `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  date_deadline <- "stage"\n}\n`,
    expected: ["15:20 MC2106"],
    hint: "date",
  },
  {
    name: "a selection value that does not exist",
    spec: prelude + `map Company -> crm.lead {\n  type = "deal"\n  name <- "name"\n}\n`,
    expected: ["13:10 MC2107"],
  },
  {
    name: "a selection label instead of its value",
    spec: prelude + `map Company -> crm.lead {\n  type = "Opportunity"\n  name <- "name"\n}\n`,
    expected: ["13:10 MC2107"],
    hint: '"opportunity"',
  },
  {
    name: "a required field not set",
    spec:
      prelude +
      `map Company -> res.partner as P {\n  name <- "name"\n}\nmap Company -> calendar.attendee as A {\n  partner_id <- "id" | ref P\n}\n`,
    expected: ["15:16 MC2108"],
    hint: "event_id",
  },
  {
    name: "a required field set only under a condition",
    spec:
      prelude +
      `map Company -> res.partner as P {\n  name <- "name"\n}\nmap Company -> calendar.attendee as A {\n  partner_id <- "id" | ref P when "stage" == "new"\n}\n`,
    expected: ["15:16 MC2108", "15:16 MC2108"],
  },
  {
    name: "a many2one given plain text",
    spec: prelude + `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  stage_id <- "stage"\n}\n`,
    expected: ["15:3 MC2105", "15:15 MC2109"],
  },
  {
    name: "a reference to the wrong model",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  industry_id <- "id" | ref Company\n}\n`,
    expected: ["14:18 MC2110"],
  },
  {
    name: "the same field set twice",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  name <- "stage"\n}\n`,
    expected: ["14:3 MC2111"],
  },
  {
    name: "a one2many field",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  child_ids <- "id" | ref Company\n}\n`,
    expected: ["14:3 MC2112"],
  },
  {
    name: "an external id Odoo does not ship",
    spec:
      prelude +
      `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  lost_reason_id = xmlid "crm.lost_reason_99"\n}\n`,
    expected: ["15:20 MC2113"],
  },
  {
    name: "a custom field without x_",
    spec: prelude + `custom field res.partner.tier: char "Tier"\n` + ok,
    expected: ["12:26 MC2114", "12:26 MC2118"],
  },
  {
    name: "a custom field that already exists",
    spec:
      prelude +
      `custom field res.partner.x_name: char "Name"\n` +
      ok.replace('  name <- "name"', '  name <- "name"\n  x_name <- "stage"'),
    expected: [],
  },
  {
    name: "a custom field type Odoo lacks",
    spec:
      prelude +
      `custom field res.partner.x_tier: string "Tier"\n` +
      ok.replace('  name <- "name"', '  name <- "name"\n  x_tier <- "stage"'),
    expected: ["12:34 MC2116"],
  },
  {
    name: "a relational custom field needs its model",
    spec: prelude + `custom field res.partner.x_owner: many2one "Owner"\n` + ok,
    expected: ["12:26 MC2118", "12:35 MC2117"],
  },
  {
    name: "a custom field nobody writes",
    spec: prelude + `custom field res.partner.x_tier: char "Tier"\n` + ok,
    expected: ["12:26 MC2118"],
  },
  {
    name: "an x_ field that was never declared",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  x_tier <- "stage"\n}\n`,
    expected: ["14:3 MC2119"],
  },
  {
    name: "a selection custom field without options",
    spec:
      prelude +
      `custom field res.partner.x_tier: selection "Tier"\n` +
      ok.replace('  name <- "name"', '  name <- "name"\n  x_tier <- "stage"'),
    expected: ["12:34 MC2120"],
  },
  {
    name: "crm.lead with partner_id and email_from",
    spec:
      prelude +
      `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  partner_id <- "id" | ref Company\n  email_from <- "stage"\n}\nmap Company -> res.partner as Partner {\n  name <- "name"\n}\n`,
    expected: ["12:16 MC2121", "15:17 MC2110"],
  },
  {
    name: "a reference to an object with several maps",
    spec:
      prelude +
      `map Company -> res.partner as A {\n  name <- "name"\n}\nmap Company -> res.partner as B 1:many {\n  name <- "name"\n  parent_id <- "id" | ref Company\n}\n`,
    expected: ["17:27 MC2312"],
  },
  {
    name: "a custom model without x_",
    spec: prelude + `custom model project_extra "Extra" {\n  field x_name: char "Name"\n}\n` + ok,
    expected: ["12:14 MC2122"],
  },
  {
    name: "unknown transform",
    spec: prelude + `map Company -> res.partner {\n  name <- "name" | trimm\n}\n`,
    expected: ["13:20 MC2201"],
    hint: "trim",
  },
  {
    name: "a transform with too many arguments",
    spec: prelude + `map Company -> res.partner {\n  name <- "name" | trim "x"\n}\n`,
    expected: ["13:20 MC2202"],
  },
  {
    name: "a transform given the wrong type",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  comment <- "amount" | email\n}\n`,
    expected: ["14:25 MC2203"],
  },
  {
    name: "unknown value map",
    spec: prelude + `map Company -> crm.lead {\n  type = "lead"\n  name <- "name" | map Stages\n}\n`,
    expected: ["14:24 MC2204"],
  },
  {
    name: "a value map with a duplicate and two elses",
    spec:
      prelude +
      `values S {\n  "a" => "lead"\n  "a" => "opportunity"\n  else => fail\n  else => keep\n}\nmap Company -> crm.lead {\n  type <- "stage" | map S\n  name <- "name"\n}\n`,
    expected: ["14:3 MC2205", "16:3 MC2206"],
  },
  {
    name: "value map outputs must fit the selection",
    spec:
      prelude +
      `values S {\n  "a" => "deal"\n  else => fail\n}\nmap Company -> crm.lead {\n  type <- "stage" | map S\n  name <- "name"\n}\n`,
    expected: ["13:10 MC2107"],
  },
  {
    name: "unknown lookup",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  user_id <- "stage" | lookup Owner\n}\n`,
    expected: ["14:3 MC2105", "14:31 MC2207"],
  },
  {
    name: "a lookup key field that does not exist",
    spec:
      prelude +
      `lookup Owner in odoo res.users by mail\nmap Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  user_id <- "stage" | lookup Owner\n}\n`,
    expected: ["12:35 MC2103"],
    hint: "email",
  },
  {
    name: "an unknown time zone",
    spec:
      prelude +
      `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  date_deadline <- "stage" | date "DD-MM-YYYY"\n  date_closed <- "stage" | datetime "DD-MM-YYYY" tz: "Mars/Olympus"\n}\n`,
    expected: ["16:54 MC2208"],
  },
  {
    name: "a value map without else",
    spec:
      prelude +
      `values S {\n  "a" => "lead"\n}\nmap Company -> crm.lead {\n  type <- "stage" | map S\n  name <- "name"\n}\n`,
    expected: ["12:8 MC2209"],
  },
  {
    name: "an unused lookup",
    spec: prelude + `lookup Owner in odoo res.users by login\n` + ok,
    expected: ["12:8 MC2210"],
  },
  {
    name: "a placeholder that reads a column",
    spec:
      prelude +
      `lookup P in staged res.partner by email on missing placeholder {\n  name <- "name"\n}\nmap Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  partner_id <- "stage" | lookup P\n}\n`,
    expected: ["13:3 MC2211"],
  },
  {
    name: "many:1 without dedupe",
    spec: prelude + `map Company -> res.partner many:1 {\n  name <- "name"\n}\n`,
    expected: ["12:28 MC2301"],
  },
  {
    name: "dedupe without many:1",
    spec: prelude + `map Company -> res.partner {\n  dedupe by "name"\n  name <- "name"\n}\n`,
    expected: ["12:5 MC2302"],
  },
  {
    name: "lossy without naming the loss",
    spec: prelude + `map Company -> res.partner lossy {\n  name <- "name"\n}\n`,
    expected: ["12:28 MC2303"],
  },
  {
    name: "1:many that neither fans out nor splits",
    spec: prelude + `map Company -> res.partner 1:many {\n  name <- "name"\n}\n`,
    expected: ["12:28 MC2304"],
  },
  {
    name: "each without 1:many",
    spec: prelude + `map Company -> res.partner {\n  each "stage" | split ";"\n  name <- item\n}\n`,
    expected: ["12:5 MC2305"],
  },
  {
    name: "item without each",
    spec: prelude + `map Company -> res.partner {\n  name <- item\n}\n`,
    expected: ["13:11 MC2306"],
  },
  {
    name: "a link that sets one field",
    spec:
      prelude + `map Company -> mail.message {\n  res_id <- link "stage", "id" { "company" => Company } required\n}\n`,
    expected: ["13:3 MC2307"],
  },
  {
    name: "a link into a field that cannot hold it",
    spec:
      prelude +
      `map Company -> mail.message {\n  body, res_id <- link "stage", "id" { "company" => Company } required\n}\n`,
    expected: ["13:3 MC2308"],
  },
  {
    name: "a loss without lossy",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  lost "history" because "no field"\n}\n`,
    expected: ["12:5 MC2310"],
  },
  { name: "two maps with one name", spec: prelude + ok + ok, expected: ["15:5 MC2311"] },
  { name: "order naming no map", spec: prelude + ok + `order Company, Deal\n`, expected: ["15:16 MC2401"] },
  {
    name: "order against the references",
    spec:
      prelude +
      `source P from csv "p.csv" {\n  key "id"\n  columns { "id": id  "co": id }\n}\nmap P -> res.partner {\n  name <- "id"\n  parent_id <- "co" | ref Company\n}\n` +
      ok +
      `order P, Company\n`,
    expected: ["23:7 MC2402"],
  },
  {
    name: "a reference cycle",
    spec:
      prelude +
      `source P from csv "p.csv" {\n  key "id"\n  columns { "id": id  "co": id }\n}\nmap P -> res.partner {\n  name <- "id"\n  parent_id <- "co" | ref Company\n}\nmap Company -> res.partner {\n  name <- "name"\n  parent_id <- "id" | ref P\n}\n`,
    expected: ["16:1 MC2403"],
  },
  {
    name: "order leaving a map out",
    spec:
      prelude +
      ok +
      `order\n`.replace("order\n", "") +
      `source P from csv "p.csv" {\n  key "id"\n  columns { "id": id }\n}\nmap P -> res.partner {\n  name <- "id"\n}\norder Company\n`,
    expected: ["22:1 MC2404"],
  },
  { name: "order naming a map twice", spec: prelude + ok + `order Company, Company\n`, expected: ["15:16 MC2405"] },
  {
    name: "a self-reference is deferred, not an error",
    spec:
      prelude +
      `map Company -> res.partner {\n  name <- "name"\n  parent_id <- "id" | ref Company on missing empty\n}\n`,
    expected: [],
  },
  {
    name: "an unknown document kind",
    spec: prelude + ok + `document W {\n  kind flow\n  odoo "Automation Rules"\n}\n`,
    expected: ["16:8 MC2501"],
  },
  {
    name: "an unknown document setting",
    spec: prelude + ok + `document W {\n  kind workflow\n  odoo "Automation Rules"\n  owner "me"\n}\n`,
    expected: ["18:3 MC2502"],
  },
  {
    name: "a recommendation names a column and a value map",
    spec:
      prelude +
      ok +
      `document W {\n  kind workflow\n  from Company\n  odoo "Automation Rules"\n  recommend "stage"\n}\n`,
    expected: ["19:3 MC2505"],
  },
  {
    name: "a recommendation by an unknown value map",
    spec:
      prelude +
      ok +
      `document W {\n  kind workflow\n  from Company\n  odoo "Automation Rules"\n  recommend "stage", Automations\n}\n`,
    expected: ["19:22 MC2204"],
  },
  {
    name: "a document row without its Odoo equivalent",
    spec: prelude + ok + `document W {\n  kind report\n}\n`,
    expected: ["15:10 MC2503"],
  },
  {
    name: "a guard naming an unknown module",
    spec: prelude + `map Company -> res.partner requires helpdesks {\n  name <- "name"\n}\n`,
    expected: ["12:37 MC2504"],
  },
  {
    name: "not in reads as a negated in",
    spec: prelude + `map Company -> res.partner where "stage" not in ("spam", "test") {\n  name <- "name"\n}\n`,
    expected: [],
  },
  {
    name: "a column dropped at the source is covered",
    spec:
      prelude +
      `source Owner from csv "o.csv" {\n  key "id"\n  drop "legacy" because "nobody reads it"\n  columns { "id": id  "email": email  "legacy": text }\n}\nlookup OwnerEmail in source Owner by "id" take "email"\nmap Company -> res.partner {\n  name <- "name"\n  email <- "stage" | lookup OwnerEmail\n}\n`,
    coverage: true,
    expected: ["7:5 MC2019", "9:5 MC2019"],
  },
  {
    name: "a source drop naming an unknown column",
    spec:
      prelude +
      `source Owner from csv "o.csv" {\n  key "id"\n  drop "legcy" because "x"\n  columns { "id": id  "legacy": text }\n}\n` +
      ok,
    expected: ["14:8 MC2018"],
  },
  {
    name: "a lookup in an object with several maps needs take",
    spec:
      prelude +
      `map Company -> res.partner as A {\n  name <- "name"\n}\nmap Company -> res.partner as B 1:many {\n  name <- "name"\n}\nlookup L in source Company by "name"\nmap Company -> crm.lead as C {\n  name <- "name"\n  partner_id <- "stage" | lookup L\n}\n`,
    expected: ["18:20 MC2312"],
  },
  {
    name: "a fan-out may dedupe its items",
    spec:
      prelude +
      `map Company -> crm.tag as Tag 1:many {\n  each "stage" | split ","\n  dedupe by item | lower\n  name <- item | trim\n}\n` +
      ok,
    expected: [],
  },
  {
    name: "a drop in one alternative and a read in another is fine",
    spec:
      prelude +
      `map Company -> helpdesk.ticket requires helpdesk {\n  name <- "name"\n  drop "stage" because "helpdesk has its own stages"\n}\nmap Company -> crm.lead as Fallback unless helpdesk {\n  name <- "name"\n  type = "lead"\n  description <- "stage"\n}\n`,
    expected: [],
  },
  {
    name: "partner_id and email_from under exclusive conditions",
    spec:
      prelude +
      `map Company -> res.partner as P {\n  name <- "name"\n}\nmap Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  partner_id <- "id" | ref P when "stage" is not empty\n  email_from <- "stage" when "stage" is empty\n}\n`,
    expected: [],
  },
  {
    name: "records every database has are known by external id",
    spec:
      prelude +
      `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  user_id = xmlid "base.user_admin"\n}\nmap Company -> mail.activity as A {\n  res_model_id = xmlid "crm.model_crm_lead"\n  res_id <- "id" | int\n}\n`,
    expected: [],
  },
  {
    name: "a declared record is referenced by name",
    spec:
      prelude +
      `record crm.tag as TicketTag {\n  name = "Ticket"\n}\nmap Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  tag_ids = record TicketTag\n}\n`,
    expected: [],
  },
  {
    name: "an unknown record",
    spec: prelude + `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  tag_ids = record TicketTags\n}\n`,
    expected: ["15:13 MC2123"],
  },
  {
    name: "a record of the wrong model",
    spec:
      prelude +
      `record crm.stage as Won {\n  name = "Won"\n  is_won = true\n}\nmap Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  tag_ids = record Won\n}\n`,
    expected: ["19:13 MC2110"],
  },
  {
    name: "a record reads no columns and sets its required fields",
    spec: prelude + `record crm.tag as T {\n  color <- "name"\n}\n` + ok,
    expected: ["12:8 MC2108", "13:3 MC2124"],
  },
  {
    name: "a company's parent company overwrites its address",
    spec:
      prelude +
      `map Company -> res.partner {\n  is_company = true\n  name <- "name"\n  parent_id <- "id" | ref Company on missing empty\n}\n`,
    expected: ["15:3 MC2125"],
    hint: "x_parent_company_id",
  },
  {
    name: "a company with its own address type may have a parent",
    spec:
      prelude +
      `map Company -> res.partner {\n  is_company = true\n  type = "other"\n  name <- "name"\n  parent_id <- "id" | ref Company on missing empty\n}\n`,
    expected: [],
  },
  {
    name: "a contact with an address of its own under a company",
    spec:
      prelude +
      `map Company -> res.partner {\n  name <- "name"\n  city <- "stage"\n  parent_id <- "id" | ref Company on missing empty\n}\n`,
    expected: ["15:3 MC2125"],
    hint: "type",
  },
  {
    name: "a contact's own-address condition misses a column that feeds its address",
    spec:
      prelude +
      `map Company -> res.partner {\n  name <- "name"\n  city <- "stage"\n  street <- "name"\n  parent_id <- "id" | ref Company on missing empty\n  type = "other" when "stage" is not empty\n}\n`,
    expected: ["17:3 MC2126"],
    hint: `or "name" is not empty`,
  },
  {
    name: "a contact's own-address condition that tests every address column",
    spec:
      prelude +
      `map Company -> res.partner {\n  name <- "name"\n  city <- "stage"\n  street <- "name"\n  parent_id <- "id" | ref Company on missing empty\n  type = "other" when "stage" is not empty or not ("name" is empty)\n}\n`,
    expected: [],
  },
  {
    name: "a contact's own VAT number under a company",
    spec:
      prelude +
      `map Company -> res.partner {\n  name <- "name"\n  vat <- "stage"\n  parent_id <- "id" | ref Company on missing empty\n  type = "other"\n}\n`,
    expected: ["14:3 MC2127"],
    hint: "custom field",
  },
  {
    name: "a company under a company keeps its own VAT number",
    spec:
      prelude +
      `map Company -> res.partner {\n  is_company = true\n  type = "other"\n  name <- "name"\n  vat <- "stage"\n  parent_id <- "id" | ref Company on missing empty\n}\n`,
    expected: [],
  },
  {
    name: "a message's link may be empty",
    spec:
      prelude +
      `map Company -> res.partner as P {\n  name <- "name"\n}\nmap Company -> mail.message as M {\n  model, res_id <- link first { "id" => P }\n  body <- "name"\n}\n`,
    expected: ["16:3 MC2128"],
    hint: "required",
  },
  {
    name: "a message's link is required",
    spec:
      prelude +
      `map Company -> res.partner as P {\n  name <- "name"\n}\nmap Company -> mail.message as M {\n  model, res_id <- link first { "id" => P } required\n  body <- "name"\n}\n`,
    expected: [],
  },
  {
    name: "a deferred field may point at a map that loads later",
    spec:
      prelude +
      `map Company -> crm.lead as L {\n  type = "lead"\n  name <- "name"\n  partner_id <- "id" | ref P on missing empty deferred\n}\nmap Company -> res.partner as P {\n  name <- "name"\n}\n`,
    expected: [],
  },
  {
    name: "a deferred field cannot be required",
    spec:
      prelude +
      `map Company -> res.partner as P {\n  name <- "name"\n}\nmap Company -> crm.lead as L {\n  type = "lead"\n  name <- "name"\n  partner_id <- "id" | ref P required deferred\n}\n`,
    expected: ["18:3 MC2313"],
  },
  {
    name: "a link cannot be deferred",
    spec:
      prelude +
      `map Company -> res.partner as P {\n  name <- "name"\n}\nmap Company -> mail.message as M {\n  model, res_id <- link first { "id" => P } required deferred\n}\n`,
    expected: ["16:3 MC2314"],
  },
  {
    name: "a field named like the keyword is still a field",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  deferred <- "stage"\n}\n`,
    expected: ["14:3 MC2103"],
  },
  {
    name: "into a map that does not exist",
    spec:
      prelude +
      `map Company -> res.partner {\n  name <- "name"\n}\nmap Company -> res.partner as Extra into Compnay by "id" {\n  comment <- "stage"\n}\n`,
    expected: ["15:42 MC2315"],
    hint: "Company",
  },
  {
    name: "into a map of another model",
    spec:
      prelude +
      `map Company -> res.partner {\n  name <- "name"\n}\nmap Company -> crm.lead as Extra into Company by "id" {\n  description <- "stage"\n}\n`,
    expected: ["15:39 MC2316"],
  },
  {
    name: "an Odoo lookup takes a many2one of the record it finds",
    spec:
      prelude +
      `lookup UP in odoo res.users by login take partner_id on missing queue "provision the user"\nmap Company -> res.partner {\n  name <- "name"\n  parent_id <- "stage" | lookup UP\n}\n`,
    expected: [],
  },
  {
    name: "an Odoo lookup's take must be a many2one",
    spec:
      prelude +
      `lookup UP in odoo res.users by login take login\nmap Company -> res.partner {\n  name <- "name"\n  parent_id <- "stage" | lookup UP\n}\n`,
    expected: ["12:43 MC2202"],
  },
  {
    name: "an Odoo lookup's take names a field of the model",
    spec:
      prelude +
      `lookup UP in odoo res.users by login take partnr_id\nmap Company -> res.partner {\n  name <- "name"\n  parent_id <- "stage" | lookup UP\n}\n`,
    expected: ["12:43 MC2103"],
    hint: "partner_id",
  },
  {
    name: "a staged lookup takes nothing",
    spec:
      prelude +
      `lookup UP in staged res.users by login take partner_id\nmap Company -> res.partner {\n  name <- "name"\n  parent_id <- "stage" | lookup UP\n}\n`,
    expected: ["12:45 MC2202"],
  },
  {
    name: "no placeholder for a record found through take",
    spec:
      prelude +
      `lookup UP in odoo res.users by login take partner_id on missing placeholder { name = "x" }\nmap Company -> res.partner {\n  name <- "name"\n  parent_id <- "stage" | lookup UP\n}\n`,
    expected: ["12:54 MC2202"],
  },
  {
    name: "a source lookup takes a chain over the found row",
    spec:
      prelude +
      `lookup Label in source Company by "id" take ("name", "stage") | join " - " on missing empty\nmap Company -> res.partner {\n  name <- "name"\n  comment <- "stage" | lookup Label\n}\n`,
    expected: [],
  },
  {
    name: "a take chain holds transforms only",
    spec:
      prelude +
      `lookup Label in source Company by "id" take "stage" | lookup Label on missing empty\nmap Company -> res.partner {\n  name <- "name"\n  comment <- "stage" | lookup Label\n}\n`,
    expected: ["12:55 MC2202"],
  },
  {
    name: "an Odoo lookup takes a field, not a chain",
    spec:
      prelude +
      `lookup UP in odoo res.users by login take "partner_id" | trim\nmap Company -> res.partner {\n  name <- "name"\n  parent_id <- "stage" | lookup UP\n}\n`,
    expected: ["12:43 MC2202", "15:16 MC2110"],
  },
  {
    name: "+= adds to a many2many",
    spec:
      prelude +
      `lookup Tag in odoo res.partner.category by name on missing empty\nmap Company -> res.partner {\n  name <- "name"\n  category_id <- "stage" | lookup Tag\n  category_id += "name" | lookup Tag\n}\n`,
    expected: [],
  },
  {
    name: "+= on a field that holds one value",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  comment += "stage"\n}\n`,
    expected: ["14:3 MC2319"],
    hint: "`<-`",
  },
  {
    name: "+= takes a chain, not a constant",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  comment += true\n}\n`,
    expected: ["14:3 MC2319", "14:14 MS1003"],
  },
  {
    name: "into a map needs none of the record's required fields",
    spec:
      prelude +
      `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n}\nmap Company -> crm.lead as Extra into Company by "id" {\n  description <- "stage"\n}\n`,
    expected: [],
  },
  {
    name: "crm.lead with partner_id and phone",
    spec:
      prelude +
      `map Company -> crm.lead {\n  type = "lead"\n  name <- "name"\n  partner_id <- "id" | ref Partner\n  phone <- "stage"\n}\nmap Company -> res.partner as Partner {\n  name <- "name"\n}\n`,
    expected: ["12:16 MC2121"],
    hint: "`phone` only when there is no partner",
  },
  {
    name: "a column with other names reads under any of them",
    spec:
      prelude +
      `source Owner from csv "o.csv" {\n  key "Record ID"\n  columns { "Record ID" or "Owner ID": id  "email" or "E-mail": email }\n}\nlookup OwnerEmail in source Owner by "Record ID" take "email"\nmap Company -> res.partner {\n  name <- "name"\n  email <- "stage" | lookup OwnerEmail\n}\n`,
    expected: [],
  },
  {
    name: "a column named twice across its alternatives",
    spec:
      prelude + `source Owner from csv "o.csv" {\n  key "id"\n  columns { "id": id  "email" or "id": email }\n}\n` + ok,
    expected: ["14:34 MC2014"],
  },
  {
    name: "a source drop may name an export column the spec does not declare, or a pattern",
    spec:
      prelude +
      `source Owner from hubspot "o.json" {\n  key "id"\n  drop "createdAt", "associations.*.results[].type" because "bookkeeping"\n  columns { "id": id }\n}\n` +
      ok,
    expected: [],
  },
  {
    name: "a drop pattern that names nothing",
    spec:
      prelude +
      `source Owner from hubspot "o.json" {\n  key "id"\n  drop "**" because "everything"\n  columns { "id": id }\n}\n` +
      ok,
    expected: ["14:8 MC2024"],
  },
  {
    name: "custom properties from an unknown metadata format",
    spec:
      prelude +
      `source Owner from csv "o.csv" {\n  key "id"\n  custom properties from salesforce "p.json" object "owners"\n  columns { "id": id }\n}\n` +
      ok,
    expected: ["14:26 MC2022"],
  },
  {
    name: "custom properties from dataverse name an entity, not an object",
    spec:
      prelude +
      `source Owner from odata "o/*.json" {\n  key "id"\n  custom properties from dataverse "EntityDefinitions.json" object "owner"\n  columns { "id": id }\n}\n` +
      ok,
    expected: ["14:61 MC2023"],
  },
  {
    name: "a map takes custom properties its source does not list",
    spec: prelude + `map Company -> res.partner {\n  name <- "name"\n  custom properties prefix "x_t_"\n}\n`,
    expected: ["14:3 MC2317"],
    hint: "custom properties from hubspot",
  },
  {
    name: "custom properties twice in a map, and a prefix that is no x_ field",
    spec:
      prelude.replace(
        '  key "id"\n',
        '  key "id"\n  custom properties from hubspot "properties.json" object "companies"\n',
      ) +
      `map Company -> res.partner {\n  name <- "name"\n  custom properties prefix "t_"\n  custom properties prefix "x_t_"\n}\n`,
    expected: ["15:28 MC2114", "16:3 MC2318"],
  },
  {
    name: "a map takes the custom properties its source lists",
    spec:
      prelude.replace(
        '  key "id"\n',
        '  key "id"\n  custom properties from hubspot "properties.json" object "companies"\n',
      ) + `map Company -> res.partner {\n  name <- "name"\n  custom properties prefix "x_t_"\n}\n`,
    expected: [],
  },
];
