// The README of a Concord export: the format, the folders with their pages and record counts, the variants
// applied, and the awkward cases with their ids.
import { USERS, userEmail } from "./concord-account.js";
import type { ConcordModel } from "./concord-model.js";
import { APP_URL, CONCORD_RESOURCES, type Resource } from "./concord-pages.js";
import { concordTraps } from "./concord-traps.js";
import type { ConcordShape } from "./concord-variants.js";
import type { WrittenFile } from "./export-files.js";
import { awkwardCasesSection, readmeHeading } from "./readme-tables.js";

const WHAT: Readonly<Record<Resource, string>> = {
  users: "the installation's users (not scaled)",
  pipelines: "the two deal pipelines with their stages (`stages` inside each row)",
  "activity-types": "the six activity types: call, meeting, task, email, deadline, lunch",
  tags: "tags of contacts, deals and companies",
  "custom-fields": "the custom fields whose values are attributes of companies, contacts and deals",
  products: "the product and service catalogue, prices in EUR (not scaled)",
  companies: "customer companies in Portugal and Spain, with custom fields",
  contacts: "people, most working for a company (`companies`, the first the employer), with custom fields",
  deals: "deals with their contacts, companies and product lines, with custom fields",
  activities: "calls, meetings, tasks, e-mails, deadlines and lunches, linked to contacts, companies and deals",
  notes: "notes (HTML) on contacts, companies and deals",
  emails: "e-mails synced from the users' mailboxes, linked to contacts, companies and deals",
  media: "files attached to contacts, companies and deals; the files are under storage/app/",
  workflows: "automation workflows (for the workflow inventory only, not migrated)",
};

export function readme(model: ConcordModel, shape: ConcordShape, written: readonly WrittenFile[]): string {
  const origin = { source: "concord", seed: model.seed, scale: model.scale, variants: shape.variants };
  return [
    ...readmeHeading("Concord CRM sample export", origin),
    "Concord CRM is a self-hosted Laravel CRM; this is a dump of its REST API. The installation is Rumo Software, Lda.,",
    "a logistics software vendor in Lisbon (transport and warehouse management, route planning, driver app, telematics),",
    "with customers in Portugal and Spain.",
    "",
    ...formatSection(shape),
    ...filesSection(model, shape, written),
    ...shape.readmeSection(model.scale),
    ...awkwardCasesSection(concordTraps(model.scale, model.seed, shape.variants)),
    `Users: ${USERS.map((u) => `${u.id} ${u.name} (${userEmail(u)})`).join(", ")}.`,
    "",
  ].join("\n");
}

function formatSection(shape: ConcordShape): string[] {
  const { perPage } = shape.pages;
  return [
    "## Format",
    "",
    `- One folder per resource, its pages \`${shape.pages.file(1)}\`, \`${shape.pages.file(2)}\`, …, ${perPage} rows a page. Each page`,
    '  is a Laravel paginator envelope: `{"data": [...], "links": {"first", "last", "prev", "next"}, "meta":',
    '  {"current_page", "last_page", "per_page", "total", "from", "to", "path"}}`. Links are full URLs,',
    `  \`${APP_URL}/api/contacts?page=2\`, null where there is no previous or next page; \`meta.path\` is the URL`,
    "  without the page, `meta.total` the resource's row count, `from`/`to` the positions of the page's first and last row.",
    "- JSON, UTF-8, 2-space indent, a final line feed; letters outside ASCII written as they are.",
    `- Time stamps are UTC, \`${shape.timestamp(Date.UTC(2024, 4, 1, 10))}\`; dates \`YYYY-MM-DD\`. An activity's \`due_time\``,
    "  and `end_time` are `HH:MM:SS` in UTC, null for an all-day activity; `won_date` and `lost_date` are time stamps.",
    "- Ids are whole numbers counted per resource. Relations are arrays of ids: `contacts`, `companies`, `deals` (a",
    "  contact's first company is its employer); `tags` as `{id, name}`; an activity's `guests` as",
    "  `{guestable_type: contacts | users, guestable_id}`; a medium's `mediable_type` (`App\\Models\\Contact`,",
    "  `App\\Models\\Company`, `App\\Models\\Deal`) and `mediable_id`. `user_id` is the owner.",
    "- A deal's `stage_id` is a stage of its `pipeline_id`; won deals are at stage Won, lost at Lost. Money is in EUR:",
    "  `amount` is Σ `qty` × `unit_price` of its `products` where it has some; a line's price may differ from the product's.",
    "- Custom field values are top-level attributes named by the field's `field_id` (custom-fields/ describes them): a",
    "  Select or Radio holds an option id, a MultiSelect or Checkbox an array of option ids, a Boolean true/false, a Date",
    "  `YYYY-MM-DD`, a DateTime a time stamp, a Number or Numeric a number, text a string; null when unset.",
    "- A medium's file is at `storage/app/<disk_path>`; `size` is its size in bytes.",
    "",
  ];
}

function filesSection(model: ConcordModel, shape: ConcordShape, written: readonly WrittenFile[]): string[] {
  const rows = CONCORD_RESOURCES.map((resource) => {
    const folder = shape.folder(resource);
    const pages = written.filter((w) => w.path.startsWith(folder));
    const records = pages.reduce((n, w) => n + w.records, 0);
    const name = resource === "media" ? `${folder} + storage/app/` : folder;
    return `| ${name} | ${pages.length} | ${records} | ${WHAT[resource]} |`;
  });
  return [
    "## Files",
    "",
    `Scale ${model.scale}: users, pipelines, activity types, tags, custom fields, products and workflows are the`,
    "installation's and do not grow with the scale.",
    "",
    "| folder | pages | records | what |",
    "| --- | ---: | ---: | --- |",
    ...rows,
    "",
  ];
}
