// Which Odoo model a table becomes, guessed from its name: contacts and companies are partners, deals and
// leads are crm.lead, notes and e-mails messages, owners a lookup of Odoo users… Each guess has a
// confidence and a reason, written above the map it proposes.
import { editSimilarity, round2, singular, words } from "./similarity.js";

export type TableRole =
  /** a map into one model; `fallback` when the model is an app Odoo Community lacks */
  | { kind: "map"; model: string; flavour?: Flavour; fallback?: { module: string; model: string; flavour?: Flavour } }
  /** the users of the source CRM: matched to Odoo users by e-mail, never created */
  | { kind: "owners" }
  /** documented for the admin, not migrated */
  | { kind: "document"; document: "workflow" }
  | { kind: "none"; why: string };

/** what a map of the model must also say: a lead's type, a company flag, a message's type… */
export type Flavour = "company" | "person" | "lead" | "opportunity" | "ticket-lead" | "note" | "email" | "article-task";

export interface RoleGuess {
  role: TableRole;
  confidence: number;
  /** the reason, e.g. `table "contacts" = contacts` */
  reason: string;
}

interface Rule {
  words: string[];
  role: TableRole;
  what: string;
}

const rules: Rule[] = [
  {
    words: ["contact", "person", "people", "individual"],
    role: { kind: "map", model: "res.partner", flavour: "person" },
    what: "contacts are partners",
  },
  {
    words: ["company", "account", "organization", "organisation", "customer"],
    role: { kind: "map", model: "res.partner", flavour: "company" },
    what: "companies are partners with is_company",
  },
  {
    words: ["deal", "opportunity"],
    role: { kind: "map", model: "crm.lead", flavour: "opportunity" },
    what: "deals are crm.lead opportunities",
  },
  {
    words: ["lead", "prospect"],
    role: { kind: "map", model: "crm.lead", flavour: "lead" },
    what: "leads are crm.lead of type lead",
  },
  {
    words: ["owner", "user", "systemuser", "employee"],
    role: { kind: "owners" },
    what: "owners are matched to Odoo users by e-mail, never created",
  },
  {
    words: ["note", "annotation", "engagement", "comment", "call", "phonecall", "communication"],
    role: { kind: "map", model: "mail.message", flavour: "note" },
    what: "notes and logged activities are messages on their record",
  },
  {
    words: ["email", "mail"],
    role: { kind: "map", model: "mail.message", flavour: "email" },
    what: "e-mails are messages on their record",
  },
  {
    words: ["task", "todo"],
    role: { kind: "map", model: "mail.activity" },
    what: "tasks are activities on their record",
  },
  {
    words: ["meeting", "appointment", "event"],
    role: { kind: "map", model: "calendar.event" },
    what: "meetings are calendar events",
  },
  {
    words: ["ticket", "incident", "case"],
    role: {
      kind: "map",
      model: "helpdesk.ticket",
      fallback: { module: "helpdesk", model: "crm.lead", flavour: "ticket-lead" },
    },
    what: "tickets go to the Helpdesk app where installed, else to a lead tagged Ticket",
  },
  {
    words: ["article", "kbarticle", "knowledge"],
    role: {
      kind: "map",
      model: "knowledge.article",
      fallback: { module: "knowledge", model: "project.task", flavour: "article-task" },
    },
    what: "articles go to the Knowledge app where installed, else to tasks of a Knowledge Base project",
  },
  { words: ["product"], role: { kind: "map", model: "product.product" }, what: "products are product variants" },
  { words: ["campaign"], role: { kind: "map", model: "utm.campaign" }, what: "campaigns are UTM campaigns" },
  {
    words: ["template", "emailtemplate"],
    role: { kind: "map", model: "mail.template" },
    what: "e-mail templates are mail templates",
  },
  {
    words: ["file", "attachment", "document"],
    role: { kind: "map", model: "ir.attachment" },
    what: "files are attachments on their record",
  },
  {
    words: ["pipeline", "team"],
    role: { kind: "map", model: "crm.team" },
    what: "a pipeline is a sales team with its stages",
  },
  {
    words: ["stage", "processstage"],
    role: { kind: "map", model: "crm.stage" },
    what: "pipeline stages are CRM stages",
  },
  {
    words: ["pricelist", "pricelevel"],
    role: { kind: "map", model: "product.pricelist" },
    what: "price lists are pricelists",
  },
  { words: ["tag", "label"], role: { kind: "map", model: "crm.tag" }, what: "tags are CRM tags" },
  {
    words: ["workflow", "automation", "flow"],
    role: { kind: "document", document: "workflow" },
    what: "workflows do not migrate as data: they are listed for the admin to rebuild",
  },
];

/** tables whose name says they are configuration or a link table: better left to a person than guessed */
const configuration = [
  "role",
  "currency",
  "transactioncurrency",
  "sdkmessageprocessingstep",
  "plugin",
  "activityparty",
  "productassociation",
  "productpricelevel",
  "entitydefinition",
  "businessunit",
  "setting",
  "property",
];

export function guessRole(table: string): RoleGuess {
  const tableWords = words(table).map(singular);
  const whole = tableWords.join("");
  const candidates = [whole, ...tableWords];
  if (configuration.some((word) => candidates.includes(word))) {
    return {
      role: { kind: "none", why: "configuration or a link table: mapped by a person, not guessed" },
      confidence: 0.9,
      reason: `table "${table}" holds configuration or links, not records to migrate`,
    };
  }
  let best: { rule: Rule; score: number; word: string; seen: string } | undefined;
  for (const rule of rules) {
    for (const word of rule.words) {
      for (const [index, candidate] of candidates.entries()) {
        // the table's last word names what its rows are ("email-templates" are templates, not e-mails)
        const weight = index === 0 ? 1 : candidate === tableWords.at(-1) ? 0.95 : 0.8;
        const score = round2(weight * (candidate === word ? 1 : editSimilarity(candidate, word)));
        if (!best || score > best.score) best = { rule, score, word, seen: candidate };
      }
    }
  }
  if (!best || best.score < 0.8) {
    return {
      role: { kind: "none", why: "no Odoo model guessed from its name" },
      confidence: best?.score ?? 0,
      reason: `table "${table}" names no CRM object mapc knows${best ? ` (closest: ${best.word} ${best.score.toFixed(2)})` : ""}`,
    };
  }
  const match = best.seen === best.word ? `= ${best.word}` : `≈ ${best.word}`;
  const confidence = round2(best.score * 0.95);
  return { role: best.rule.role, confidence, reason: `table "${table}" ${match}: ${best.rule.what}` };
}
