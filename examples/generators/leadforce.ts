// Writes a Leadforce CRM export: the CSV lists its admin downloads from the web interface, and the files
// attached to leads and deals. Deterministic for a seed, and streamed row by row, so any scale fits in memory.
//
//   generateLeadforceExport({ outDir: "examples/leadforce", seed: 1, scale: 1 })
//
// examples/leadforce/ is exactly what seed 1, scale 1 produces (a test keeps it so); its README lists the
// awkward cases and their ids. `variants` shapes the export like another customer's (see
// leadforce-variants.ts); the records stay the same.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { activity, exportedFile, note } from "./leadforce-activities.js";
import { CsvFile, prepareExportFolder, type WrittenFile } from "./export-files.js";
import { LeadforceModel } from "./leadforce-model.js";
import { readme } from "./leadforce-readme.js";
import {
  activityRow,
  autoTriggerRows,
  customFieldRows,
  dealRow,
  fileRow,
  invoiceRow,
  itemRows,
  leadRow,
  lineRow,
  noteRow,
  pipelineRows,
  proposalRow,
  staffRows,
  type LeadforceFile,
} from "./leadforce-rows.js";
import { invoice, proposal } from "./leadforce-sales.js";
import { ALL_FILE_NAMES, LeadforceShape, resolveLeadforceVariants, type CsvRecord } from "./leadforce-variants.js";

export type { WrittenFile } from "./export-files.js";
export { leadforceTraps, type LeadforceTrap } from "./leadforce-traps.js";
export { LEADFORCE_CSV, LEADFORCE_VARIANTS, type LeadforceVariant } from "./leadforce-variants.js";
export { LEADFORCE_FILES, type LeadforceFile } from "./leadforce-rows.js";

export interface LeadforceExportOptions {
  outDir: string;
  seed: number;
  /** A whole number ≥ 1: scale n writes n times the business records of the sample. */
  scale: number;
  /** Overwrite the files of an earlier export in outDir (other files there are left alone). */
  replace?: boolean;
  /**
   * Shape the export like another customer's: names from LEADFORCE_VARIANTS, any combination, or `all`.
   * None (the default) writes the sample's shape.
   */
  variants?: readonly string[];
}

/** Everything an export of any shape writes at the top of outDir. */
const OWNED_PATHS: readonly string[] = ["README.md", "files", ...ALL_FILE_NAMES];

type Rows = Iterable<CsvRecord> | AsyncIterable<CsvRecord>;

export async function generateLeadforceExport(options: LeadforceExportOptions): Promise<WrittenFile[]> {
  const model = new LeadforceModel(options.seed >>> 0, options.scale);
  const shape = new LeadforceShape(model.seed, resolveLeadforceVariants(options.variants));
  const { outDir } = options;
  await prepareExportFolder(outDir, OWNED_PATHS, options.replace === true);

  const written: WrittenFile[] = [];
  // Every CSV goes through the shape: its name, its columns and their order.
  const csv = async (file: LeadforceFile, rows: Rows) => {
    if (!shape.writes(file)) return;
    const columns = shape.columns(file);
    const order = shape.columnOrder(file, columns.length);
    const path = shape.fileName(file);
    const out = await CsvFile.create(
      join(outDir, path),
      order.map((k) => columns[k]!.label),
      shape.dialect,
    );
    for await (const record of rows) await out.writeRow(order.map((k) => columns[k]!.cell(record)));
    written.push({ path, records: await out.close() });
  };
  const fixed = (rows: readonly string[][]): CsvRecord[] => rows.map((cells, index) => ({ index, cells, since: 0 }));

  await csv("staff", fixed(staffRows()));
  await csv(
    "leads",
    each(model.counts.leads, (i) => {
      const lead = model.lead(i);
      return { cells: leadRow(lead), since: lead.created };
    }),
  );
  await csv("pipelines", fixed(pipelineRows()));
  await csv(
    "deals",
    each(model.counts.deals, (i) => {
      const deal = model.deal(i);
      return { cells: dealRow(deal, (lead) => model.leadId(lead)), since: deal.start };
    }),
  );
  await csv(
    "activities",
    each(model.counts.activities, (i) => ({ cells: activityRow(activity(model, i)), since: 0 })),
  );
  await csv(
    "notes",
    each(model.counts.notes, (i) => ({ cells: noteRow(note(model, i)), since: 0 })),
  );
  await csv("files", attachments(model, outDir));
  await csv("items", fixed(itemRows()));
  await csv(
    "proposals",
    each(model.counts.proposals, (i) => ({ cells: proposalRow(proposal(model, i)), since: 0 })),
  );
  await csv("proposal_items", proposalLines(model));
  await csv(
    "invoices",
    each(model.counts.invoices, (i) => ({ cells: invoiceRow(invoice(model, i)), since: 0 })),
  );
  await csv("invoice_items", invoiceLines(model));
  await csv("custom_fields", fixed(customFieldRows(shape.customFields())));
  await csv("auto_triggers", fixed(autoTriggerRows()));

  await writeFile(join(outDir, "README.md"), readme(model, shape, written), "utf8");
  written.push({ path: "README.md", records: 0 });
  return written;
}

function* each(count: number, rowOf: (index: number) => Omit<CsvRecord, "index">): Iterable<CsvRecord> {
  for (let index = 0; index < count; index++) yield { index, ...rowOf(index) };
}

/** files.csv, writing each file into files/ as its row is made. */
async function* attachments(model: LeadforceModel, outDir: string): AsyncIterable<CsvRecord> {
  for (let index = 0; index < model.counts.files; index++) {
    const file = exportedFile(model, index);
    await mkdir(dirname(join(outDir, file.path)), { recursive: true });
    await writeFile(join(outDir, file.path), file.content);
    yield { index, cells: fileRow(file), since: 0 };
  }
}

function* proposalLines(model: LeadforceModel): Iterable<CsvRecord> {
  let index = 0;
  for (let p = 0; p < model.counts.proposals; p++) {
    const { id, lines } = proposal(model, p);
    for (const line of lines) yield { index: index++, cells: lineRow(String(id), line), since: 0 };
  }
}

function* invoiceLines(model: LeadforceModel): Iterable<CsvRecord> {
  let index = 0;
  for (let v = 0; v < model.counts.invoices; v++) {
    const { number, lines } = invoice(model, v);
    for (const line of lines) yield { index: index++, cells: lineRow(number, line), since: 0 };
  }
}
