// Writes a Concord CRM export as a dump of its REST API: one folder per resource of Laravel paginator pages, and
// the attached files under storage/app/. Deterministic for a seed, and written page by page, so any scale fits
// in memory.
//
//   generateConcordExport({ outDir: "examples/concord", seed: 1, scale: 1 })
//
// examples/concord/ is exactly what seed 1, scale 1 produces (a test keeps it so); its README lists the awkward
// cases and their ids. `variants` shapes the export like another installation's (see concord-variants.ts); the
// records stay the same.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ACTIVITY_TYPES, PIPELINES, PRODUCTS, TAGS, USERS, WORKFLOWS } from "./concord-account.js";
import { activity, note } from "./concord-activities.js";
import { email, mediaFile } from "./concord-emails.js";
import { ConcordModel } from "./concord-model.js";
import { ResourcePages, type JsonRow, type Resource } from "./concord-pages.js";
import { readme } from "./concord-readme.js";
import {
  activityRow,
  activityTypeRow,
  companyRow,
  contactRow,
  customFieldRow,
  dealRow,
  emailRow,
  mediaRow,
  noteRow,
  pipelineRow,
  productRow,
  tagRow,
  userRow,
  workflowRow,
} from "./concord-rows.js";
import { ALL_FOLDERS, ConcordShape, resolveConcordVariants } from "./concord-variants.js";
import type { ExportOptions } from "./export-cli.js";
import { prepareExportFolder, type WrittenFile } from "./export-files.js";

export type { WrittenFile } from "./export-files.js";
export { concordTraps, type ConcordTrap } from "./concord-traps.js";
export { CONCORD_VARIANTS, type ConcordVariant } from "./concord-variants.js";
export { APP_URL, CONCORD_RESOURCES, type Resource } from "./concord-pages.js";

/** The export's options; `variants` are names from CONCORD_VARIANTS. */
export type ConcordExportOptions = ExportOptions;

/** Everything an export of any shape writes at the top of outDir. */
const OWNED_PATHS: readonly string[] = ["README.md", "storage", ...ALL_FOLDERS];

export async function generateConcordExport(options: ConcordExportOptions): Promise<WrittenFile[]> {
  const model = new ConcordModel(options.seed >>> 0, options.scale);
  const shape = new ConcordShape(model.seed, resolveConcordVariants(options.variants));
  const { outDir } = options;
  await prepareExportFolder(outDir, OWNED_PATHS, options.replace === true);

  const written: WrittenFile[] = [];
  // Every resource goes through the shape: its folder, its page size, its attributes.
  const resource = async (name: Resource, count: number, rowOf: (index: number) => JsonRow | Promise<JsonRow>) => {
    const pages = new ResourcePages(outDir, name, count, shape.pages);
    for (let index = 0; index < count; index++) await pages.add(await rowOf(index));
    written.push(...(await pages.close()));
  };
  const { counts } = model;

  await resource("users", USERS.length, (i) => shape.row("users", userRow(USERS[i]!)));
  await resource("pipelines", PIPELINES.length, (i) => shape.row("pipelines", pipelineRow(PIPELINES[i]!)));
  await resource("activity-types", ACTIVITY_TYPES.length, (i) => shape.row("activity-types", activityTypeRow(i)));
  await resource("tags", TAGS.length, (i) => shape.row("tags", tagRow(TAGS[i]!)));
  await resource("custom-fields", shape.fields.length, (i) =>
    shape.row("custom-fields", customFieldRow(shape.fields[i]!)),
  );
  await resource("products", PRODUCTS.length, (i) => shape.row("products", productRow(PRODUCTS[i]!)));
  await resource("companies", counts.companies, (i) => {
    const company = model.company(i);
    return shape.row("companies", companyRow(company, shape), company);
  });
  await resource("contacts", counts.contacts, (i) => {
    const contact = model.contact(i);
    return shape.row("contacts", contactRow(contact, shape), contact);
  });
  await resource("deals", counts.deals, (i) => {
    const deal = model.deal(i);
    return shape.row("deals", dealRow(deal, shape), deal);
  });
  await resource("activities", counts.activities, (i) =>
    shape.row("activities", activityRow(activity(model, i), shape)),
  );
  await resource("notes", counts.notes, (i) => shape.row("notes", noteRow(note(model, i), shape)));
  await resource("emails", counts.emails, (i) => shape.row("emails", emailRow(email(model, i), shape)));
  // Each medium's file goes to storage/app/ as its row is made.
  await resource("media", counts.media, async (i) => {
    const file = mediaFile(model, i);
    const path = join(outDir, "storage", "app", file.diskPath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    return shape.row("media", mediaRow(file));
  });
  await resource("workflows", WORKFLOWS.length, (i) => shape.row("workflows", workflowRow(WORKFLOWS[i]!)));

  await writeFile(join(outDir, "README.md"), readme(model, shape, written), "utf8");
  written.push({ path: "README.md", records: 0 });
  return written;
}
