// Writes a Sage CRM export as a dump of its SQL Server tables: one CSV per table, named after it, and the
// Library's files under Library/. Deterministic for a seed, and streamed row by row, so any scale fits in memory.
//
//   generateSageExport({ outDir: "examples/sage", seed: 1, scale: 1 })
//
// examples/sage/ is exactly what seed 1, scale 1 produces (a test keeps it so); its README lists the awkward
// cases and their ids. `variants` shapes the export like another customer's (see sage-variants.ts); the
// records stay the same.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ExportOptions } from "./export-cli.js";
import { CsvFile, prepareExportFolder, type WrittenFile } from "./export-files.js";
import { communication, libraryDiskPath, libraryFile, note } from "./sage-communications.js";
import { address, addressLinks, emailEntries, phoneEntries } from "./sage-contacts.js";
import { SAMPLE_COLUMNS } from "./sage-custom-fields.js";
import { ADDRESS_SLOTS } from "./sage-layout.js";
import { SageModel } from "./sage-model.js";
import { readme } from "./sage-readme.js";
import {
  addressLinkRow,
  addressRow,
  caseRow,
  captionRows,
  commLinkRow,
  communicationRow,
  companyRow,
  currencyRows,
  customEditRows,
  emailRow,
  entityLinkRow,
  leadRow,
  libraryRow,
  noteRow,
  opportunityRow,
  personRow,
  phoneRow,
  projectRow,
  reportRows,
  screenObjectRows,
  tableDefinitionRows,
  userRows,
  workflowRuleRows,
  type SageTable,
  type TableRow,
} from "./sage-rows.js";
import { ALL_FILE_NAMES, SageShape, resolveSageVariants } from "./sage-variants.js";
import type { Cell } from "./sage-format.js";

export type { WrittenFile } from "./export-files.js";
export { sageTraps, type SageTrap } from "./sage-traps.js";
export { SAGE_CSV, SAGE_VARIANTS, type SageVariant } from "./sage-variants.js";
export { SAGE_TABLES, type SageTable } from "./sage-rows.js";

/** The export's options; `variants` are names from SAGE_VARIANTS. */
export type SageExportOptions = ExportOptions;

/** Everything an export of any shape writes at the top of outDir. */
const OWNED_PATHS: readonly string[] = ["README.md", "Library", ...ALL_FILE_NAMES];

type Rows = Iterable<TableRow> | AsyncIterable<TableRow>;

export async function generateSageExport(options: SageExportOptions): Promise<WrittenFile[]> {
  const model = new SageModel(options.seed >>> 0, options.scale);
  const shape = new SageShape(model.seed, resolveSageVariants(options.variants));
  const { outDir } = options;
  await prepareExportFolder(outDir, OWNED_PATHS, options.replace === true);

  const written: WrittenFile[] = [];
  // Every table goes through the shape: its file name, its columns, its encoding and how it prints nulls.
  const table = async (name: SageTable, rows: Rows) => {
    const columns = shape.columns(name);
    const path = shape.fileName(name);
    const out = await CsvFile.create(
      join(outDir, path),
      columns.map((c) => c.label),
      shape.csv,
    );
    for await (const row of rows) await out.writeRow(columns.map((c) => shape.print(c.cell(row))));
    written.push({ path, records: await out.close() });
  };
  const fixed = (rows: readonly Cell[][]): TableRow[] => rows.map((cells, index) => ({ index, cells }));
  const { counts } = model;
  const added = shape.addedColumns();

  await table("Users", fixed(userRows()));
  await table("Currency", fixed(currencyRows()));
  await table("Custom_Captions", fixed(captionRows(SAMPLE_COLUMNS, added)));
  await table("Custom_Tables", fixed(tableDefinitionRows()));
  await table("Custom_Edits", fixed(customEditRows(SAMPLE_COLUMNS, added)));
  await table(
    "Company",
    each(counts.companies, (i) => {
      const c = model.company(i);
      const context = { since: c.audit.created, sector: c.sector, customer: c.type === "Customer", name: c.name };
      return { cells: companyRow(c), context };
    }),
  );
  await table(
    "Person",
    each(counts.persons, (i) => {
      const p = model.person(i);
      return { cells: personRow(p), context: { since: p.audit.created } };
    }),
  );
  const addresses = model.scale * ADDRESS_SLOTS.length;
  await table(
    "Address",
    each(addresses, (i) => ({ cells: addressRow(address(model, i)) })),
  );
  await table(
    "Address_Link",
    running(addresses, (i) => addressLinks(model, i), addressLinkRow),
  );
  await table(
    "Email",
    numbered(emailEntries(model), (id, e) => emailRow(id, e)),
  );
  await table(
    "EmailLink",
    numbered(emailEntries(model), (id, e) => entityLinkRow(id, id, e.link)),
  );
  await table(
    "Phone",
    numbered(phoneEntries(model), (id, p) => phoneRow(id, p)),
  );
  await table("PhoneLink", phoneLinks(model));
  await table(
    "Lead",
    each(counts.leads, (i) => {
      const l = model.lead(i);
      return { cells: leadRow(l), context: { since: l.audit.created } };
    }),
  );
  await table(
    "Opportunity",
    each(counts.opportunities, (i) => {
      const o = model.opportunity(i);
      return { cells: opportunityRow(o), context: { since: o.opened } };
    }),
  );
  await table(
    "Cases",
    each(counts.cases, (i) => {
      const k = model.caseRecord(i);
      return { cells: caseRow(k), context: { since: k.opened } };
    }),
  );
  await table(
    "Communication",
    each(counts.communications, (i) => ({ cells: communicationRow(communication(model, i)) })),
  );
  await table("Comm_Link", commLinks(model));
  await table("Library", library(model, outDir));
  await table(
    "Notes",
    each(counts.notes, (i) => ({ cells: noteRow(note(model, i)) })),
  );
  await table(
    "Project",
    each(counts.projects, (i) => ({ cells: projectRow(model.project(i)) })),
  );
  await table("WorkflowRule", fixed(workflowRuleRows()));
  await table("Custom_Reports", fixed(reportRows()));
  await table("Custom_ScreenObjects", fixed(screenObjectRows()));

  await writeFile(join(outDir, "README.md"), readme(model, shape, written), "utf8");
  written.push({ path: "README.md", records: 0 });
  return written;
}

function* each(count: number, rowOf: (index: number) => Omit<TableRow, "index">): Iterable<TableRow> {
  for (let index = 0; index < count; index++) yield { index, ...rowOf(index) };
}

/** Rows numbered from 1 in the order their entries come: the ids of a table of child rows. */
function* numbered<T>(entries: Iterable<T>, rowOf: (id: number, entry: T) => Cell[]): Iterable<TableRow> {
  let index = 0;
  for (const entry of entries) {
    yield { index, cells: rowOf(index + 1, entry) };
    index++;
  }
}

/** The link rows of `count` parents, numbered from 1 across them all. */
function* running<T>(
  count: number,
  linksOf: (parent: number) => T[],
  rowOf: (id: number, link: T) => Cell[],
): Iterable<TableRow> {
  let index = 0;
  for (let parent = 0; parent < count; parent++)
    for (const link of linksOf(parent)) {
      yield { index, cells: rowOf(index + 1, link) };
      index++;
    }
}

function* phoneLinks(model: SageModel): Iterable<TableRow> {
  let index = 0;
  let phoneId = 0;
  for (const phone of phoneEntries(model)) {
    phoneId++;
    for (const link of phone.links) {
      yield { index, cells: entityLinkRow(index + 1, phoneId, link) };
      index++;
    }
  }
}

function commLinks(model: SageModel): Iterable<TableRow> {
  return running(
    model.counts.communications,
    (i) => {
      const comm = communication(model, i);
      return comm.links.map((link) => ({ comm, link }));
    },
    (id, { comm, link }) => commLinkRow(id, comm.id, link, comm.audit),
  );
}

/** Library.csv, writing each file into Library/ as its row is made (a missing file is not written). */
async function* library(model: SageModel, outDir: string): AsyncIterable<TableRow> {
  for (let index = 0; index < model.counts.library; index++) {
    const file = libraryFile(model, index);
    if (!file.missing) {
      const path = join(outDir, libraryDiskPath(file));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    yield { index, cells: libraryRow(file) };
  }
}
