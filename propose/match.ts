// A column against the fields of an Odoo model: which field it most likely fills, how sure that is (0–1)
// and why, and how its values get there (`| date`, `| text`, a value map for a selection). Names are
// compared with their labels and with a short list of the names CRMs give common fields.
import type { ColumnType } from "../plan/types.js";
import type { FieldInfo } from "./fields.js";
import type { ColumnProfile } from "./profile.js";
import { nameSimilarity, round2, singular, squash, words } from "./similarity.js";

/** at or above this a column is mapped; below it, dropped with its best candidate named */
export const MAP_THRESHOLD = 0.75;

export interface FieldMatch {
  column: string;
  field: FieldInfo;
  score: number;
  reason: string;
  /** steps after the column: `date`, `text`, `file`, `join ", "`, or a value map for a selection */
  steps: string[];
  /** a selection written with its labels: label → key */
  valueMap?: Array<[string, string]>;
  /** why the value cannot go into the field as it is (then the match is only a hint) */
  misfit?: string;
}

/** The names CRMs give common fields, squashed ("Phone Number" → phonenumber), by Odoo field. */
const synonyms: Array<{ field: string; models?: string[]; names: string[] }> = [
  { field: "email", names: ["email", "emailaddress", "emailaddress1", "mail", "workemail"] },
  { field: "email_from", names: ["email", "emailaddress", "emailaddress1", "mail"] },
  { field: "phone", names: ["phone", "phonenumber", "telephone", "telephone1", "businessphone", "workphone", "tel"] },
  { field: "mobile", names: ["mobile", "mobilephone", "mobilephonenumber", "cellphone", "cell", "mobilenumber"] },
  { field: "function", names: ["jobtitle", "position", "jobposition", "role"] },
  { field: "website", names: ["website", "websiteurl", "url", "companydomainname", "domain", "homepage", "web"] },
  {
    field: "street",
    names: ["street", "streetaddress", "address", "address1", "addressline1", "address1line1", "line1"],
  },
  { field: "street2", names: ["street2", "addressline2", "address1line2", "line2"] },
  { field: "city", names: ["city", "town", "address1city"] },
  { field: "zip", names: ["zip", "zipcode", "postalcode", "postcode", "address1postalcode"] },
  { field: "vat", names: ["vat", "vatnumber", "vatid", "taxid", "taxnumber"] },
  {
    field: "name",
    models: ["crm.lead"],
    names: ["subject", "topic", "title", "name", "opportunityname", "dealname", "leadname"],
  },
  { field: "contact_name", models: ["crm.lead"], names: ["fullname", "contactname", "contact"] },
  {
    field: "partner_name",
    models: ["crm.lead"],
    names: ["companyname", "company", "organization", "organisation", "account"],
  },
  {
    field: "name",
    names: ["name", "fullname", "title", "subject", "label", "companyname", "productname", "stagename"],
  },
  { field: "title", models: ["utm.campaign"], names: ["name", "title"] },
  { field: "description", names: ["description", "details", "content", "body", "articlebody"] },
  { field: "comment", models: ["res.partner"], names: ["notes", "comment", "remarks"] },
  {
    field: "expected_revenue",
    names: ["amount", "estimatedvalue", "value", "dealamount", "expectedrevenue", "dealvalue"],
  },
  {
    field: "date_deadline",
    names: ["closedate", "estimatedclosedate", "expectedclosedate", "duedate", "deadline", "timestamp", "scheduledend"],
  },
  { field: "probability", names: ["probability", "closeprobability", "dealprobability"] },
  {
    field: "body",
    names: ["body", "notebody", "notetext", "html", "emailhtml", "callbody", "content", "text", "description"],
  },
  { field: "subject", names: ["subject", "title", "calltitle", "emailsubject"] },
  {
    field: "date",
    models: ["mail.message"],
    names: ["timestamp", "date", "createdon", "createdate", "actualend", "activitydate", "sentdate"],
  },
  { field: "start", names: ["starttime", "start", "scheduledstart", "startdate", "begin", "from"] },
  { field: "stop", names: ["endtime", "end", "scheduledend", "enddate", "to", "until"] },
  { field: "location", names: ["location", "place", "venue", "room"] },
  { field: "summary", names: ["subject", "title", "summary"] },
  { field: "note", models: ["mail.activity"], names: ["body", "description", "notes"] },
  { field: "default_code", names: ["sku", "productnumber", "code", "productcode", "itemnumber", "reference"] },
  { field: "lst_price", names: ["price", "listprice", "unitprice", "saleprice"] },
  { field: "standard_price", names: ["cost", "standardcost", "currentcost", "costprice", "purchaseprice"] },
  { field: "description_sale", names: ["description", "salesdescription"] },
  { field: "body_html", names: ["body", "html", "bodyhtml", "content"] },
  { field: "mimetype", names: ["mimetype", "contenttype", "mime"] },
  { field: "datas", names: ["path", "file", "documentbody", "content", "data", "filepath"] },
  { field: "priority", names: ["priority", "prioritycode", "urgency"] },
  { field: "active", names: ["active", "isactive", "enabled"] },
];

/** How a column's words lose what only repeats the table ("Deal Name" of deals is the name). */
export function ownWords(column: string, table: string): string[] {
  const path = column.replace(/\[\]/g, "");
  const last = path.includes("@") ? path.slice(0, path.indexOf("@")) : path.slice(path.lastIndexOf(".") + 1);
  let parts = words(last);
  if (parts[0] === "hs" && parts.length > 1) parts = parts.slice(1);
  if (parts[0] === "" || parts.length === 0) return [];
  const tableWords = new Set(words(table).flatMap((w) => [w, singular(w)]));
  const kept = parts.filter((w) => !tableWords.has(w) && !tableWords.has(singular(w)));
  return kept.length > 0 ? kept : parts;
}

export function matchColumn(
  column: ColumnProfile,
  table: string,
  model: string,
  fields: readonly FieldInfo[],
): FieldMatch[] {
  const own = ownWords(column.name, table);
  const ownText = own.join(" ");
  const ownSquash = own.join("");
  const fullSquash = squash(column.name.replace(/^properties\./, ""));
  const matches: FieldMatch[] = [];
  for (const field of fields) {
    if (field.type === "many2one" || field.type === "many2many") continue;
    // the column's own words first: "Company name" of companies is their name, not the field "Company Name"
    let score = Math.max(
      nameSimilarity(ownText, field.name),
      nameSimilarity(ownText, field.label),
      0.95 * nameSimilarity(column.name, field.label),
    );
    let how = score >= 0.99 ? `= field ${field.label} (${field.name})` : `≈ field ${field.label} (${field.name})`;
    // a list for this model replaces the general one: a lead's name is its topic, not a person's full name
    const lists = synonyms.filter((s) => s.field === field.name && s.models?.includes(model));
    const synonym = (lists.length > 0 ? lists : synonyms.filter((s) => s.field === field.name && !s.models)).find(
      (s) => s.names.includes(ownSquash) || s.names.includes(fullSquash),
    );
    if (synonym) {
      // earlier names in the list are the likelier ones: "timestamp" is a message's date before "createdate"
      const rank = Math.min(
        synonym.names.indexOf(ownSquash) >= 0 ? synonym.names.indexOf(ownSquash) : synonym.names.indexOf(fullSquash),
        10,
      );
      const bySynonym = 0.94 - rank * 0.004;
      if (score < bySynonym) {
        score = bySynonym;
        how = `is a usual name of field ${field.label} (${field.name})`;
      }
    }
    if (score < 0.4) continue;
    const fit = fitValue(column, field);
    if (field.volatile && (!field.required || field.serverDefault)) {
      score *= 0.9;
      how += ", which Odoo recomputes";
    }
    matches.push({
      column: column.name,
      field,
      score: round2(score),
      reason: `"${column.name}" ${how}`,
      steps: fit.steps,
      ...(fit.valueMap ? { valueMap: fit.valueMap } : {}),
      ...(fit.misfit ? { misfit: fit.misfit } : {}),
    });
  }
  return matches.sort(byScore);
}

/** Best first; of equals, a field Odoo requires first. */
export function byScore(a: FieldMatch, b: FieldMatch): number {
  const required = (m: FieldMatch) => (m.field.required && !m.field.serverDefault ? 1 : 0);
  return (
    b.score - a.score ||
    required(b) - required(a) ||
    a.column.localeCompare(b.column) ||
    a.field.name.localeCompare(b.field.name)
  );
}

/** What a value of the column's type becomes on the way into the field, or why it does not fit. */
export function fitValue(
  column: ColumnProfile,
  field: FieldInfo,
): { steps: string[]; valueMap?: Array<[string, string]>; misfit?: string } {
  const type = column.guess.type;
  const value = valueType(type);
  switch (field.type) {
    case "char":
      if (["text", "integer", "decimal", "date", "datetime"].includes(value)) return { steps: [] };
      if (value === "html") return { steps: ["text"] };
      if (value === "list") return { steps: ['join ", "'] };
      break;
    case "text":
      if (["text", "html", "integer", "decimal", "date", "datetime"].includes(value))
        return { steps: value === "html" ? ["text"] : [] };
      if (value === "list") return { steps: ['join ", "'] };
      break;
    case "html":
      if (value === "text" || value === "html") return { steps: [] };
      break;
    case "integer":
      if (value === "integer") return { steps: [] };
      break;
    case "float":
    case "monetary":
      if (value === "integer" || value === "decimal") return { steps: [] };
      break;
    case "boolean":
      if (value === "boolean") return { steps: [] };
      break;
    case "date":
      if (value === "date") return { steps: [] };
      if (value === "datetime") return { steps: ["date"] };
      break;
    case "datetime":
      if (value === "datetime") return { steps: [] };
      break;
    case "binary":
      if (type === "file") return { steps: ["file"] };
      if (type === "base64") return { steps: [] };
      break;
    case "selection":
      return fitSelection(column, field);
    default:
      break;
  }
  return { steps: [], misfit: `a ${type} column cannot fill a ${field.type} field` };
}

function fitSelection(
  column: ColumnProfile,
  field: FieldInfo,
): { steps: string[]; valueMap?: Array<[string, string]>; misfit?: string } {
  const selection = field.selection ?? [];
  const values = [...column.distinct];
  if (values.length === 0 || values.length > 40)
    return { steps: [], misfit: "its values cannot be checked against the field's choices" };
  const keys = new Set(selection.map(([key]) => key));
  // codes on both sides (Dataverse's 1 = High, Odoo's "1" = Medium) may mean different things
  if (values.every((v) => /^\d+$/.test(v)) && [...keys].every((k) => /^\d+$/.test(k))) {
    return {
      steps: [],
      misfit: "its codes and the field's are both numbers, whose meanings cannot be checked: it needs a value map",
    };
  }
  if (values.every((v) => keys.has(v))) return { steps: [] };
  const byLabel = new Map(
    selection.flatMap(
      ([key, label]) =>
        [
          [label.toLowerCase(), key],
          [key.toLowerCase(), key],
        ] as Array<[string, string]>,
    ),
  );
  if (values.every((v) => byLabel.has(v.toLowerCase()))) {
    return { steps: [], valueMap: values.sort().map((v) => [v, byLabel.get(v.toLowerCase())!]) };
  }
  const unknown = values.filter((v) => !byLabel.has(v.toLowerCase())).slice(0, 3);
  return {
    steps: [],
    misfit: `its values (${unknown.map((v) => JSON.stringify(v)).join(", ")}…) are not the field's choices: it needs a value map`,
  };
}

export function valueType(type: ColumnType): string {
  switch (type) {
    case "html":
    case "integer":
    case "boolean":
    case "date":
    case "datetime":
    case "list":
      return type;
    case "decimal":
    case "money":
      return "decimal";
    case "json":
      return "any";
    case "base64":
      return "binary";
    default:
      return "text";
  }
}
