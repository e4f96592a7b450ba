// The awkward cases of a Concord export, with the ids of the rows that carry them: those of the first block
// (every block repeats the cases), so every scale has them. A variant only renames the folder they are in, and
// `no-microseconds` adds a case of its own.
import {
  INACTIVE_PRODUCT,
  PIPELINES,
  PRODUCTS,
  PRODUCT_WITHOUT_SKU,
  TAGS,
  USERS,
  stageNamed,
} from "./concord-account.js";
import { ENTITIES_NOTE } from "./concord-activities.js";
import { email } from "./concord-emails.js";
import { AT, STANDALONE } from "./concord-layout.js";
import { ConcordModel } from "./concord-model.js";
import type { Resource } from "./concord-pages.js";
import { COMPANIES } from "./concord-vocabulary.js";
import { ConcordShape, resolveConcordVariants } from "./concord-variants.js";
import type { AwkwardCase } from "./readme-tables.js";

export interface ConcordTrap extends AwkwardCase {
  ids: string[];
}

type Trap = [key: string, resource: Resource, ids: readonly number[], description: string];

/** The id of position `position` of the first block: ids count from 1. */
const id = (position: number) => position + 1;
const ids = (positions: readonly number[]) => positions.map(id);

export function concordTraps(scale: number, seed = 1, variants: readonly string[] = []): ConcordTrap[] {
  const model = new ConcordModel(seed >>> 0, scale);
  const shape = new ConcordShape(model.seed, resolveConcordVariants(variants));
  return [...partyTraps(model, shape), ...dealTraps(), ...otherTraps(model, shape)].map(
    ([key, resource, rowIds, description]) => ({
      key,
      file: shape.folder(resource),
      ids: rowIds.map(String),
      description,
    }),
  );
}

function partyTraps(model: ConcordModel, shape: ConcordShape): Trap[] {
  const c = AT.contact;
  const [first, second] = AT.contact.twoCompanies.map((k) => model.contact(k));
  const noIndustry = COMPANIES.flatMap((entry, k) => (entry.industry === null ? [k] : []));
  const pages = (count: number) => Math.ceil(count / shape.pages.perPage);
  return [
    [
      "accented-company-names",
      "companies",
      ids(AT.company.accented),
      `"${COMPANIES[AT.company.accented[0]]!.name}" and "${COMPANIES[AT.company.accented[1]]!.name}": letters outside ASCII and an \`&\`; their domains are ASCII.`,
    ],
    ["company-without-phones", "companies", [id(AT.company.noPhones)], "`phones: []`."],
    ["company-without-industry", "companies", ids(noIndustry), "`industry: null`."],
    [
      "contact-two-companies",
      "contacts",
      ids(c.twoCompanies),
      `\`companies\` lists two ids (${first!.companies.join(", ")}; ${second!.companies.join(", ")}): the first is the employer, whose domain the e-mail has.`,
    ],
    [
      "standalone-contacts",
      "contacts",
      ids(STANDALONE),
      "`companies: []`: people without a company, with a private e-mail (gmail.com, sapo.pt, hotmail.es).",
    ],
    [
      "contact-without-email",
      "contacts",
      ids(c.noEmail),
      `\`email: null\`; only a mobile phone. Contact ${id(c.noEmail[1])} also has no company.`,
    ],
    [
      "accented-contact-names",
      "contacts",
      ids(c.accented),
      '"Maria da Conceição" "Magalhães" (a first name of three words) and "Íñigo" "Ibáñez Peña" (two surnames); e-mails folded to ASCII (mariadaconceicao.magalhaes@…).',
    ],
    [
      "paged-resources",
      "contacts",
      [],
      `${model.counts.contacts} contacts and ${model.counts.activities} activities, ${shape.pages.perPage} a page: ${pages(model.counts.contacts)} and ${pages(model.counts.activities)} pages, the last one short; \`meta.total\` is the resource's count on every page.`,
    ],
  ];
}

function dealTraps(): Trap[] {
  const d = AT.deal;
  const [direct, partners] = PIPELINES.map((p) => stageNamed(p, "Negotiation").id);
  const tms = PRODUCTS[0]!;
  return [
    [
      "won-deal",
      "deals",
      [id(d.won)],
      "`status` won, at stage Won, with `won_date`; `lost_date` and `lost_reason` null.",
    ],
    ["lost-deal", "deals", [id(d.lost)], "`status` lost, at stage Lost, with `lost_date` and a `lost_reason` (text)."],
    [
      "shared-stage-name",
      "deals",
      ids(d.sharedStage),
      `Stage "Negotiation" of Direct Sales (stage ${direct}) and of Partners Iberia (stage ${partners}): every stage name but Demo is in both pipelines; only \`stage_id\` tells them apart.`,
    ],
    [
      "product-price-differs",
      "deals",
      [id(d.priceDiffers)],
      `Product ${tms.id} (${tms.sku}) at \`unit_price\` ${(tms.unitPrice * 9) / 1000}, 10 % below its list price ${tms.unitPrice / 100}; the other line at list price.`,
    ],
    ["deal-company-only", "deals", ids(d.companyOnly), "`contacts: []`, one company."],
    ["deal-person-only", "deals", [id(d.personOnly)], "One standalone contact, `companies: []`."],
    ["deal-without-parties", "deals", [id(d.noParties)], "`contacts: []` and `companies: []`."],
  ];
}

function otherTraps(model: ConcordModel, shape: ConcordShape): Trap[] {
  const a = AT.activity;
  const choiceFields = shape.fields.filter((f) => f.options.length > 0);
  const traps: Trap[] = [
    [
      "activity-several-records",
      "activities",
      [id(a.several)],
      "A meeting linked to two contacts, two companies and two deals at once.",
    ],
    [
      "activity-mixed-guests",
      "activities",
      [id(a.mixedGuests)],
      "A meeting whose `guests` are a user (`guestable_type` users) and a contact (contacts).",
    ],
    ["activity-unlinked", "activities", [id(a.unlinked)], "A task linked to nothing: no contacts, companies or deals."],
    [
      "all-day-activity",
      "activities",
      [id(a.allDay)],
      "A task with `due_time` and `end_time` null (all day); deadlines and about half the tasks are too.",
    ],
    [
      "activity-next-day",
      "activities",
      [id(a.nextDay)],
      "A meeting from 21:00:00 to 01:30:00: `end_date` is the day after `due_date`.",
    ],
    ["script-note", "notes", [id(AT.note.script)], "HTML with a `<script>` element."],
    ["html-entities", "notes", [id(AT.note.entities)], `HTML entities: \`${ENTITIES_NOTE}\`.`],
    [
      "email-unknown-sender",
      "emails",
      [id(AT.email.unknownSender)],
      `From ${email(model, AT.email.unknownSender).from.address}, which no contact has; \`contacts: []\`, the company linked.`,
    ],
    [
      "email-unknown-recipient",
      "emails",
      [id(AT.email.unknownRecipient)],
      `To ${email(model, AT.email.unknownRecipient).to[0]!.address}, which no contact has; \`contacts: []\`.`,
    ],
    [
      "email-html-entities",
      "emails",
      [id(AT.email.entities)],
      "`html_body` with `&amp;`, `&mdash;`, `&lt;`; `text_body` has the characters.",
    ],
    ["inactive-product", "products", [INACTIVE_PRODUCT.id], `"${INACTIVE_PRODUCT.name}", \`is_active: false\`.`],
    ["product-without-sku", "products", [PRODUCT_WITHOUT_SKU.id], `"${PRODUCT_WITHOUT_SKU.name}", \`sku: null\`.`],
    [
      "zero-tax-product",
      "products",
      PRODUCTS.filter((p) => p.taxRate === 0).map((p) => p.id),
      "`tax_rate` 0 (training, VAT-exempt); the rest 23.",
    ],
    [
      "same-tag-name",
      "tags",
      TAGS.filter((t) => t.name === "VIP").map((t) => t.id),
      'Two tags named "VIP", one of type contacts and one of type deals: a tag is its name and type.',
    ],
    [
      "non-ascii-file-name",
      "media",
      [id(AT.media.nonAsciiName)],
      '"Cartão de visita.png": spaces and a letter outside ASCII in `file_name` and in the path under storage/app/.',
    ],
    [
      "option-ids",
      "custom-fields",
      choiceFields.map((f) => f.id),
      `${choiceFields.map((f) => `\`${f.fieldId}\``).join(", ")}: records hold option ids (a number, or an array for ${choiceFields.some((f) => f.type === "Checkbox") ? "MultiSelect and Checkbox" : "MultiSelect"}), not labels.`,
    ],
    [
      "user-time-zones",
      "users",
      USERS.filter((u) => u.timezone !== "Europe/Lisbon").map((u) => u.id),
      "Users in Europe/Madrid and Atlantic/Azores; every time in the export is UTC whatever the user's zone.",
    ],
  ];
  if (shape.has("no-microseconds")) {
    const first = email(model, 0);
    traps.push([
      "timestamps-without-microseconds",
      "emails",
      [first.id],
      `\`date\` ${shape.mailDate(first.date)} (milliseconds), while \`created_at\` and the other time stamps end in whole seconds, \`…:00Z\`: no six-digit fraction anywhere.`,
    ]);
  }
  return traps;
}
