// The README of an OPEX 365 export: the format, the files with their record counts, and the awkward cases.
import type { EntitySet } from "./opex365.js";
import type { WrittenFile } from "./export-files.js";
import { ENTITY_DEFINITIONS_FILE, ENTITY_DEFINITIONS_FOLDER } from "./opex365-metadata.js";
import type { Opex365Model } from "./opex365-model.js";
import { PAGE_SIZE } from "./opex365-odata.js";
import { USERS } from "./opex365-org.js";
import { opex365Traps } from "./opex365-traps.js";
import type { Opex365Shape } from "./opex365-variants.js";
import { awkwardCasesSection, readmeHeading } from "./readme-tables.js";

const WHAT: Readonly<Record<EntitySet, string>> = {
  systemusers: "users; SYSTEM and INTEGRATION are built in, one user is disabled",
  roles: "security roles, one copy per business unit",
  transactioncurrencies: "EUR (base currency) and USD",
  pricelevels: "price lists",
  processstages: "the stages of the Opportunity Sales Process: the pipeline",
  workflows:
    "classic workflows, dialogs, business rules, actions, business process flows, Power Automate flows (category 5), a desktop flow",
  sdkmessageprocessingsteps: "plugin steps of Kestrel's plugin assembly",
  accounts: "accounts",
  contacts: "contacts",
  leads: "leads",
  opportunities: "opportunities",
  incidents: "cases",
  emails: "e-mail activities, HTML bodies",
  appointments: "appointments",
  phonecalls: "phone calls",
  tasks: "tasks",
  activityparties: "the parties of every e-mail, appointment, phone call and task",
  annotations: "notes; the first three and every fifth carry a file",
  products: "product families, products and bundles",
  productpricelevels: "price list items",
  productassociations: "bundle components",
  new_projects: "the custom table new_project",
};

export function readme(model: Opex365Model, written: readonly WrittenFile[], shape: Opex365Shape): string {
  const origin = { source: "opex365", seed: model.seed, scale: model.scale, variants: shape.variants };
  return [
    ...readmeHeading("OPEX 365 CRM sample export", origin),
    "OPEX 365 CRM runs on Microsoft Dataverse: table and column names, option-set codes and the JSON are those of its Web API (v9.2).",
    "",
    ...formatSection(shape),
    ...filesSection(written, shape),
    ...shape.readmeSection(),
    ...awkwardCasesSection(opex365Traps(model.scale, model.seed), (file) => shape.relocate(file)),
    `Users: ${USERS.map((u, i) => `${u.fullname}${u.disabled ? " (disabled)" : ""} ${model.id("systemuser", i)}`).join(", ")}.`,
    "",
  ].join("\n");
}

function formatSection(shape: Opex365Shape): string[] {
  const [first, second] = [1, 2].map((page) => shape.pages.path("accounts", page));
  const secondName = second!.slice(second!.indexOf("/") + 1);
  const annotations = shape.has("annotations-minimal") ? "Microsoft.Dynamics.CRM.lookuplogicalname" : "*";
  return [
    "## Format",
    "",
    `- One folder per table, named by its ${shape.has("logical-names") ? "logical name" : "entity set"}: \`${first}\`, \`${secondName}\`, … Each page is`,
    '  `{"@odata.context": …, "value": [rows], "@odata.nextLink": …}`; every page but the last has `@odata.nextLink`, whose',
    `  \`$skiptoken\` is Dataverse's paging cookie. ${PAGE_SIZE} rows a page (\`Prefer: odata.maxpagesize=${PAGE_SIZE}\`). JSON is 2-space indented, UTF-8.`,
    `- Rows were read with \`Prefer: odata.include-annotations=\"${annotations}\"\` and start with \`@odata.etag\`. Every selected column is in`,
    "  every row; an empty one is `null` (Dataverse stores no empty strings).",
    "- Keys and lookups are lower-case GUIDs. A lookup is `_<name>_value`, preceded by its annotations",
    "  `@OData.Community.Display.V1.FormattedValue` (the target's name), `@Microsoft.Dynamics.CRM.associatednavigationproperty`",
    "  and `@Microsoft.Dynamics.CRM.lookuplogicalname` (the target table). A null lookup has no annotations, as in Dataverse.",
    "- Option sets are integers with a `FormattedValue` label (statecode/statuscode pairs, prioritycode, industrycode, …);",
    "  custom choice columns (`new_…`) number their options from 100000000. Two-option columns are JSON booleans with a label.",
    "- Money is a JSON number in the row's currency (`_transactioncurrencyid_value`, EUR or USD), labelled `€1,250.00`.",
    "- Date-times are UTC, `2024-03-05T14:00:00Z`; date-only columns (birthdate, estimatedclosedate, actualclosedate,",
    "  new_startdate, begindate, enddate) are `YYYY-MM-DD`. Formatted values are English (United States) in UTC, the",
    "  exporting user's settings: `3/5/2024 2:00 PM`.",
    "- A note (annotation) carries its file inline: `documentbody` in base64, with `filename`, `mimetype` and `filesize`;",
    "  `objecttypecode` is the logical name of the table `_objectid_value` points to.",
    "- activityparties: one row per party of an activity. participationtypemask 1 Sender, 2 To, 3 CC, 5 Required attendee,",
    "  6 Optional attendee, 7 Organizer, 9 Owner. Every e-mail has a Sender and a To party, every appointment an Organizer",
    "  and a Required attendee, every activity its Owner. addressused is the e-mail address used (null for owners and for",
    "  phone-call and task parties).",
    ...metadataFormat(shape),
    "- Owners: every row of a user-owned table (accounts, contacts, leads, opportunities, incidents, the four activities,",
    "  annotations, new_projects, workflows) has `_ownerid_value`, a user or a team (lookuplogicalname `systemuser` or",
    "  `team`), and `_owninguser_value`, that user with only its lookuplogicalname annotation, null when a team owns the",
    "  row. A note belongs to the user who wrote it, its `_createdby_value`.",
    "",
  ];
}

function metadataFormat(shape: Opex365Shape): string[] {
  if (shape.has("metadata-pages")) {
    return [
      `- \`${ENTITY_DEFINITIONS_FOLDER}/\` holds the metadata as pages: the standard tables and the custom table new_project with their`,
      "  attributes (`AttributeType`, `Format` for DateTime, `OptionSet` for choices), see Variants.",
    ];
  }
  if (shape.has("custom-columns")) {
    return [
      `- \`${ENTITY_DEFINITIONS_FILE}\` is one unpaged metadata response: the custom table new_project and the standard tables with`,
      "  custom columns, with their attributes (`AttributeType`, `Format` for DateTime, `OptionSet` for choices), see Variants.",
    ];
  }
  return [
    `- \`${ENTITY_DEFINITIONS_FILE}\` is one unpaged metadata response: the custom table new_project with its attributes`,
    "  (`AttributeType`, and `Targets` for lookups).",
  ];
}

function filesSection(written: readonly WrittenFile[], shape: Opex365Shape): string[] {
  const rows = (Object.keys(WHAT) as EntitySet[]).map((entitySet) => {
    const folder = shape.folder(entitySet);
    const pages = written.filter((w) => w.path.startsWith(`${folder}/`));
    const records = pages.reduce((n, w) => n + w.records, 0);
    const name = (path: string) => path.slice(folder.length + 1);
    const last = name(pages.at(-1)!.path);
    return `| ${folder}/ | ${pages.length === 1 ? last : `${name(pages[0]!.path)} … ${last}`} | ${records} | ${WHAT[entitySet]} |`;
  });
  return [
    "## Files",
    "",
    "| folder | pages | records | what |",
    "| --- | --- | ---: | --- |",
    ...rows,
    metadataFiles(written, shape),
    "",
  ];
}

function metadataFiles(written: readonly WrittenFile[], shape: Opex365Shape): string {
  if (!shape.has("metadata-pages")) {
    const what = shape.has("custom-columns")
      ? "metadata of the custom table new_project and of the standard tables with custom columns"
      : "metadata of the custom table new_project";
    return `| ${ENTITY_DEFINITIONS_FILE} | (one file) | 1 | ${what} |`;
  }
  const pages = written.filter((w) => w.path.startsWith(`${ENTITY_DEFINITIONS_FOLDER}/`));
  const name = (w: WrittenFile) => w.path.slice(ENTITY_DEFINITIONS_FOLDER.length + 1);
  const tables = pages.reduce((n, w) => n + w.records, 0);
  return `| ${ENTITY_DEFINITIONS_FOLDER}/ | ${name(pages[0]!)} … ${name(pages.at(-1)!)} | ${tables} | metadata of ${tables} tables (records are tables) |`;
}
