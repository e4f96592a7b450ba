// Writes an OPEX 365 CRM export as the Dataverse Web API hands it out: one folder per entity set of
// OData JSON pages, plus EntityDefinitions.json for the custom table. Deterministic for a seed, and
// written page by page, so any scale fits in memory.
//
//   generateOpex365Export({ outDir: "examples/opex365", seed: 1, scale: 1 })
//
// examples/opex365/ is exactly what seed 1, scale 1 produces (a test keeps it so); its README lists the
// awkward cases and their record ids. `variants` shapes the export like another customer's (see
// opex365-variants.ts); the records stay the same.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { prepareExportFolder, type WrittenFile } from "./export-files.js";
import { appointment, email, phoneCall, task, type ActivityCommon, type ActivityTable } from "./opex365-activities.js";
import {
  activityPartyRow,
  annotationRow,
  appointmentRow,
  emailRow,
  phoneCallRow,
  taskRow,
} from "./opex365-activity-rows.js";
import {
  currencyRow,
  pluginStepRow,
  priceLevelRow,
  processStageRow,
  roleRow,
  systemUserRow,
  workflowRow,
} from "./opex365-config-rows.js";
import { Opex365Model } from "./opex365-model.js";
import { annotation } from "./opex365-notes.js";
import { EntitySetPages, type ODataRow } from "./opex365-odata.js";
import { ENTITY_DEFINITIONS_FILE, ENTITY_DEFINITIONS_FOLDER } from "./opex365-metadata.js";
import { LOGICAL_NAMES, Opex365Shape, resolveOpex365Variants } from "./opex365-variants.js";
import { CURRENCIES, PLUGIN_STEPS, PRICE_LEVELS, ROLES, STAGES, USERS, WORKFLOWS } from "./opex365-org.js";
import { readme } from "./opex365-readme.js";
import {
  accountRow,
  contactRow,
  incidentRow,
  leadRow,
  opportunityRow,
  priceListsOf,
  productAssociationRow,
  productPriceLevelRow,
  productRow,
  projectRow,
} from "./opex365-rows.js";

export type { WrittenFile } from "./export-files.js";
export { opex365Traps, type Opex365Trap } from "./opex365-traps.js";
export { LOGICAL_NAMES, OPEX365_VARIANTS, type Opex365Variant } from "./opex365-variants.js";

export interface Opex365ExportOptions {
  outDir: string;
  seed: number;
  /** A whole number ≥ 1: scale n writes n times the business records of the sample. */
  scale: number;
  /** Overwrite the files of an earlier export in outDir (other files there are left alone). */
  replace?: boolean;
  /**
   * Shape the export like another customer's: names from OPEX365_VARIANTS, any combination, or `all`.
   * None (the default) writes the sample's shape.
   */
  variants?: readonly string[];
}

/** The entity sets, in the order they are written: configuration, then records, then what points at them. */
export const ENTITY_SETS = [
  "systemusers",
  "roles",
  "transactioncurrencies",
  "pricelevels",
  "processstages",
  "workflows",
  "sdkmessageprocessingsteps",
  "accounts",
  "contacts",
  "leads",
  "opportunities",
  "incidents",
  "emails",
  "appointments",
  "phonecalls",
  "tasks",
  "activityparties",
  "annotations",
  "products",
  "productpricelevels",
  "productassociations",
  "new_projects",
] as const;

export type EntitySet = (typeof ENTITY_SETS)[number];

export async function generateOpex365Export(options: Opex365ExportOptions): Promise<WrittenFile[]> {
  const model = new Opex365Model(options.seed >>> 0, options.scale);
  const shape = new Opex365Shape(model, resolveOpex365Variants(options.variants));
  const { outDir } = options;
  await prepareExportFolder(outDir, OWNED_PATHS, options.replace === true);

  const written: WrittenFile[] = [];
  const table = async (entitySet: EntitySet, key: string, rows: Iterable<ODataRow>) => {
    const pages = new EntitySetPages(outDir, entitySet, key, shape.pages);
    for (const values of rows) await pages.add(shape.row(entitySet, key, values));
    written.push(...(await pages.close()));
  };
  await table(
    "systemusers",
    "systemuserid",
    each(USERS.length, (i) => systemUserRow(model, i)),
  );
  await table(
    "roles",
    "roleid",
    each(ROLES.length, (i) => roleRow(model, i)),
  );
  await table(
    "transactioncurrencies",
    "transactioncurrencyid",
    each(CURRENCIES.length, (i) => currencyRow(model, i as 0 | 1)),
  );
  await table(
    "pricelevels",
    "pricelevelid",
    each(PRICE_LEVELS.length, (i) => priceLevelRow(model, i)),
  );
  await table(
    "processstages",
    "processstageid",
    each(STAGES.length, (i) => processStageRow(model, i)),
  );
  await table(
    "workflows",
    "workflowid",
    each(WORKFLOWS.length, (i) => workflowRow(model, i)),
  );
  await table(
    "sdkmessageprocessingsteps",
    "sdkmessageprocessingstepid",
    each(PLUGIN_STEPS.length, (i) => pluginStepRow(model, i)),
  );
  await table(
    "accounts",
    "accountid",
    each(model.counts.accounts, (i) => accountRow(model, i)),
  );
  await table(
    "contacts",
    "contactid",
    each(model.counts.contacts, (i) => contactRow(model, i)),
  );
  await table(
    "leads",
    "leadid",
    each(model.counts.leads, (i) => leadRow(model, i)),
  );
  await table(
    "opportunities",
    "opportunityid",
    each(model.counts.opportunities, (i) => opportunityRow(model, i)),
  );
  await table(
    "incidents",
    "incidentid",
    each(model.counts.incidents, (i) => incidentRow(model, i)),
  );
  written.push(...(await writeActivities(model, shape, outDir)));
  await table(
    "annotations",
    "annotationid",
    each(model.counts.annotations, (i) => annotationRow(model, annotation(model, i))),
  );
  await table(
    "products",
    "productid",
    each(model.counts.products, (i) => productRow(model, i)),
  );
  await table("productpricelevels", "productpricelevelid", priceListItems(model));
  await table("productassociations", "productassociationid", bundleComponents(model));
  await table(
    "new_projects",
    "new_projectid",
    each(model.counts.projects, (i) => projectRow(model, i)),
  );

  written.push(...(await shape.writeMetadata(outDir)));
  await writeFile(join(outDir, "README.md"), readme(model, written, shape), "utf8");
  written.push({ path: "README.md", records: 0 });
  return written;
}

/** Everything an export of any shape writes at the top of outDir, so --replace clears an export of another shape too. */
const OWNED_PATHS: readonly string[] = [
  "README.md",
  ENTITY_DEFINITIONS_FILE,
  ENTITY_DEFINITIONS_FOLDER,
  ...ENTITY_SETS,
  ...ENTITY_SETS.map((set) => LOGICAL_NAMES[set]),
];

function* each(count: number, rowOf: (index: number) => ODataRow): Iterable<ODataRow> {
  for (let i = 0; i < count; i++) yield rowOf(i);
}

function* priceListItems(model: Opex365Model): Iterable<ODataRow> {
  for (let product = 0; product < model.counts.products; product++) {
    for (const list of priceListsOf(model, product)) yield productPriceLevelRow(model, product, list);
  }
}

function* bundleComponents(model: Opex365Model): Iterable<ODataRow> {
  for (let product = 0; product < model.counts.products; product++) {
    const components = model.product(product).components ?? [];
    for (let position = 0; position < components.length; position++)
      yield productAssociationRow(model, product, position);
  }
}

/** One activity table: how many rows it has, and each row with the record whose parties go beside it. */
interface ActivityWriter {
  entitySet: EntitySet;
  table: ActivityTable;
  count(model: Opex365Model): number;
  write(model: Opex365Model, index: number): { values: ODataRow; record: ActivityCommon & { subject: string } };
}

function activityWriter<T extends ActivityCommon & { subject: string }>(
  entitySet: EntitySet,
  table: ActivityTable,
  count: (model: Opex365Model) => number,
  recordOf: (model: Opex365Model, index: number) => T,
  rowOf: (model: Opex365Model, record: T) => ODataRow,
): ActivityWriter {
  return {
    entitySet,
    table,
    count,
    write: (model, index) => {
      const record = recordOf(model, index);
      return { values: rowOf(model, record), record };
    },
  };
}

const ACTIVITIES: readonly ActivityWriter[] = [
  activityWriter("emails", "email", (m) => m.counts.emails, email, emailRow),
  activityWriter("appointments", "appointment", (m) => m.counts.appointments, appointment, appointmentRow),
  activityWriter("phonecalls", "phonecall", (m) => m.counts.phonecalls, phoneCall, phoneCallRow),
  activityWriter("tasks", "task", (m) => m.counts.tasks, task, taskRow),
];

/** Each activity table, and beside it the parties of every activity as its row is written. */
async function writeActivities(model: Opex365Model, shape: Opex365Shape, outDir: string): Promise<WrittenFile[]> {
  const parties = new EntitySetPages(outDir, "activityparties", "activitypartyid", shape.pages);
  const written: WrittenFile[] = [];
  for (const writer of ACTIVITIES) {
    const pages = new EntitySetPages(outDir, writer.entitySet, "activityid", shape.pages);
    for (let index = 0; index < writer.count(model); index++) {
      const { values, record } = writer.write(model, index);
      await pages.add(shape.row(writer.entitySet, "activityid", values));
      for (const [position, party] of shape.parties(writer.table, index, record.parties).entries()) {
        const values = activityPartyRow(
          model,
          { table: writer.table, index, id: record.id, subject: record.subject },
          party,
          position,
        );
        await parties.add(shape.row("activityparties", "activitypartyid", values));
      }
    }
    written.push(...(await pages.close()));
  }
  written.push(...(await parties.close()));
  return written;
}
