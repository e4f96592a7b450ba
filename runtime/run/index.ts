// run: the main job. Extracts the export, transforms and stages every row, resolves references, then (with
// an Odoo connection) loads the records in load order, and writes the run directory: staging.sqlite,
// summary.json, rejects.csv, queue.csv (and queue.json) and a report in Markdown and HTML. Without an Odoo connection this
// is a dry run on the embedded store.
import { existsSync, mkdirSync } from "node:fs";
import type { TransformPlan } from "../../plan/types.js";
import { checkSourceHeader, sourceProblem, SourceReadError, type SourceProblem } from "../extract/index.js";
import { missingNeededColumns, surveyExport, type ExportSurvey } from "../survey/index.js";
import { countModels } from "../rollback/index.js";
import {
  activeMappings,
  loadIntoOdoo,
  readInstalledModules,
  readTargetSchema,
  XmlRpcTransport,
  type OdooConnection,
  type OdooTransport,
  type PhaseCounts,
} from "../load/index.js";
import { refuseAnotherOdoo, writeConnection } from "./connection.js";
import { sampleClosure } from "./sample.js";
import { stageExport, StagingStore, type StageProgress, type StageResult } from "../stage/index.js";
import { openStaging, readPlan, runFile, writePlan, writeQueue, writeReport, writeSummary } from "./folder.js";
import { renderRunReport } from "./report.js";
import { addLoadPhases, summarizeStage, SUMMARY_VERSION, type RunSummary } from "./summary.js";
import { writeQueueCsv, writeRejectsCsv } from "./tables.js";

export { SUMMARY_VERSION, type ObjectSummary, type PhaseCounts, type RunSummary } from "./summary.js";
export { SourceReadError, type SourceProblem } from "../extract/index.js";

export interface RunOptions {
  exportDir: string;
  runDir: string;
  progress?: StageProgress;
  /** load into this Odoo; without it the run is a dry run */
  odoo?: { connection: OdooConnection; password: string; batchSize?: number; jobs?: number; transport?: OdooTransport };
  /** load only N records per object, closed under references */
  sample?: number;
  /** compare with the previous run in this folder: report new, changed and vanished rows */
  delta?: boolean;
  /** continue an interrupted load with what is staged, without reading the export again */
  resume?: boolean;
  /** refuse to run while an export column is neither read nor dropped by the spec */
  strict?: boolean;
  /** for tests and reproducible reports */
  now?: () => Date;
}

export { loadedConnection, RunFolderOfAnotherOdoo } from "./connection.js";
export {
  hasStaging,
  openStaging,
  readPlan,
  readQueue,
  readRollbackResult,
  readSummary,
  readVerifyResult,
  runFile,
  RUN_FILES,
  RunFolderError,
  writePlan,
  writeRollbackResult,
  writeVerifyResult,
} from "./folder.js";

export class ResumeRefused extends Error {}

export interface ExportCheck {
  /** the plan for this export: with the custom properties its metadata lists */
  plan: TransformPlan;
  survey: ExportSurvey;
  warnings: SourceProblem[];
}

/**
 * Reads every source's files, headers and columns before any row is staged: a missing file or column, or a
 * column the plan needs that the export lacks, stops the run with every such problem listed at once, not
 * with the first one halfway through. Every export column the spec neither reads nor drops is a warning
 * (an error with `strict`).
 */
export async function checkExport(
  plan: TransformPlan,
  exportDir: string,
  options: { strict?: boolean } = {},
): Promise<ExportCheck> {
  const survey = await surveyExport(plan, exportDir);
  const problems: SourceProblem[] = [];
  for (const source of survey.plan.sources) problems.push(...(await checkSourceHeader(source, exportDir)));
  for (const { source, column, why } of missingNeededColumns(survey)) {
    const planned = survey.plan.sources.find((s) => s.name === source)!;
    // a CSV header without a column that is not `optional` already stopped the read (MR3001)
    if (planned.format === "csv" && !planned.columns.find((c) => c.name === column)?.optional) continue;
    problems.push(
      sourceProblem(
        "MR3023",
        planned.path,
        { column, object: source, why },
        { hint: `add the name this export uses: \`"${column}" or "…"\`` },
      ),
    );
  }
  for (const { source, problem } of survey.metadataProblems)
    problems.push(sourceProblem("MR3026", source, { object: source, detail: problem }));
  problems.push(...unaccountedColumns(survey, options.strict === true));
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new SourceReadError(errors);
  return { plan: survey.plan, survey, warnings: problems };
}

function unaccountedColumns(survey: ExportSurvey, strict: boolean): SourceProblem[] {
  return survey.accounts
    .filter((account) => account.unaccounted.length > 0)
    .map((account) => {
      const shown = account.unaccounted
        .slice(0, 12)
        .map((c) => `"${c}"`)
        .join(", ");
      const columns = account.unaccounted.length > 12 ? `${shown} and ${account.unaccounted.length - 12} more` : shown;
      const file =
        account.files.length === 1
          ? account.files[0]!
          : `${account.files[0] ?? account.source} (and ${account.files.length - 1} more)`;
      const args = { count: account.unaccounted.length, file, object: account.source, columns };
      const hint = `map them, or drop them with a reason: \`drop "…" because "…"\` in source \`${account.source}\``;
      return sourceProblem(strict ? "MR3025" : "MR3024", file, args, { hint });
    });
}

/** The plan a resumed run staged with (its custom properties came from the export it read), if the folder has it. */
function stagedPlan(runDir: string, plan: TransformPlan): TransformPlan {
  if (!existsSync(runFile(runDir, "plan"))) return plan;
  const staged = readPlan(runDir);
  return staged.spec.contentHash === plan.spec.contentHash ? staged : plan;
}

export async function runMigration(specPlan: TransformPlan, options: RunOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  // Before anything is written: not even this run's summary may replace the other database's.
  if (options.odoo) refuseAnotherOdoo(options.runDir, options.odoo.connection);
  mkdirSync(options.runDir, { recursive: true });
  let plan = options.resume ? stagedPlan(options.runDir, specPlan) : specPlan;
  let warnings: SourceProblem[] = [];
  let survey: ExportSurvey | undefined;
  // Odoo is asked while the export is read: authenticating and listing its modules, then its fields and
  // record counts while the rows are staged (on a fresh server every call costs tens of milliseconds).
  const connecting = options.odoo ? connect(options.odoo) : undefined;
  void connecting?.catch(() => undefined);
  let connected: Connected | undefined;
  try {
    if (!options.resume)
      ({ plan, warnings, survey } = await checkExport(specPlan, options.exportDir, {
        strict: options.strict === true,
      }));
    // A wrong password stops the run before anything is staged or written.
    connected = await connecting;
  } catch (error) {
    writeSummary(options.runDir, notStartedSummary(specPlan, options, startedAt, now(), error));
    throw error;
  }
  if (options.odoo) writeConnection(options.runDir, options.odoo.connection);
  // verify and rollback work from the run folder alone: the plan travels with it.
  writePlan(options.runDir, plan);
  const store = openStaging(options.runDir);
  try {
    const schemaReading = connected ? readTargetSchema(plan, connected.odoo, connected.installedModules) : undefined;
    const countsReading = connected ? countsBeforeFirstRun(plan, store, connected) : undefined;
    void schemaReading?.catch(() => undefined);
    void countsReading?.catch(() => undefined);
    const stage = options.resume
      ? resumeStage(plan, store)
      : await restage(plan, store, options, connected?.installedModules);
    // A resumed load reads its files from the export it staged, whatever folder the command names.
    const exportDir = options.resume ? (store.meta("exportDir") ?? options.exportDir) : options.exportDir;
    const queue = () => ({
      counts: store.queueCounts(),
      owners: store.ownersToCreate().map(({ key, records }) => ({ key, records })),
    });
    const landed: PhaseCounts[] = [];
    const summarize = (failure?: string) => {
      let summary = summarizeStage(plan, stage, queue(), {
        exportDir,
        startedAt,
        finishedAt: now(),
        warnings,
        delta: options.delta ? store.deltaCounts() : undefined,
        survey,
      });
      if (connected) summary = addLoadPhases(plan, summary, landed, options.odoo!.connection);
      return failure ? { ...summary, failure, balanced: false } : summary;
    };
    if (connected) {
      try {
        // a field the spec writes that the database lacks stops the run here, before anything is written
        const schema = (await schemaReading)!;
        const counts = await countsReading;
        if (counts) store.setMeta("countsBeforeFirstRun", JSON.stringify(counts));
        const include = options.sample ? sampleClosure(plan, store, options.sample) : undefined;
        await loadIntoOdoo(plan, store, connected.odoo, schema, {
          exportDir,
          onPhase: (counts) => landed.push(counts),
          ...(options.odoo?.batchSize ? { batchSize: options.odoo.batchSize } : {}),
          ...(options.odoo?.jobs ? { jobs: options.odoo.jobs } : {}),
          ...(include ? { include: (id: string) => include.has(id) } : {}),
          ...(options.progress ? { progress: options.progress } : {}),
        });
      } catch (error) {
        // summary.json is always written: what landed before the failure, and why it stopped.
        writeRunFiles(options.runDir, summarize(error instanceof Error ? error.message : String(error)), store);
        throw error;
      }
    }
    const summary = summarize();
    writeRunFiles(options.runDir, summary, store);
    return summary;
  } finally {
    store.close();
  }
}

/** summary.json for a run that stopped before staging: nothing was staged or written, and why. */
function notStartedSummary(
  plan: TransformPlan,
  options: RunOptions,
  startedAt: Date,
  finishedAt: Date,
  error: unknown,
): RunSummary {
  return {
    summaryVersion: SUMMARY_VERSION,
    mode: options.odoo ? "load" : "dry-run",
    ...(options.odoo ? { odoo: options.odoo.connection } : {}),
    spec: { file: plan.spec.file, contentHash: plan.spec.contentHash, title: plan.spec.title },
    exportDir: options.exportDir,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    objects: [],
    mappings: [],
    queue: {},
    ownersToCreate: [],
    pendingOdooLookups: {},
    rejects: 0,
    warnings: [],
    failure: `${error instanceof Error ? error.message : String(error)} (nothing was staged or written)`,
    balanced: false,
  };
}

/** Kept for callers that want the dry run by name. */
export function runDryRun(plan: TransformPlan, options: Omit<RunOptions, "odoo">): Promise<RunSummary> {
  return runMigration(plan, options);
}

interface Connected {
  odoo: OdooTransport;
  installedModules: Set<string>;
}

async function connect(odoo: NonNullable<RunOptions["odoo"]>): Promise<Connected> {
  const transport = odoo.transport ?? new XmlRpcTransport(odoo.connection, odoo.password);
  await transport.authenticate();
  return { odoo: transport, installedModules: await readInstalledModules(transport) };
}

/**
 * How many records the touched models held before mapc first wrote, for the rollback report to compare
 * with; undefined when an earlier run of this folder counted them already.
 */
async function countsBeforeFirstRun(
  plan: TransformPlan,
  store: StagingStore,
  target: Connected,
): Promise<Record<string, number> | undefined> {
  if (store.meta("countsBeforeFirstRun")) return undefined;
  // Odoo lookups with placeholders create records of their model too
  const created = plan.lookups.filter((l) => l.against === "odoo" && l.onMissing.kind === "placeholder");
  const models = [...activeMappings(plan, target.installedModules).map((m) => m.model), ...created.map((l) => l.model)];
  return countModels(target.odoo, [...new Set(models)]);
}

async function restage(
  plan: TransformPlan,
  store: StagingStore,
  options: RunOptions,
  installedModules: Set<string> | undefined,
): Promise<StageResult> {
  if (options.delta) store.snapshotSourceRows();
  store.clearStaging();
  store.setMeta("staged", "no");
  store.setMeta("planHash", plan.spec.contentHash);
  store.setMeta("exportDir", options.exportDir);
  const stage = await stageExport(plan, options.exportDir, store, {
    ...(installedModules ? { context: { installedModules } } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  });
  store.setMeta("stageResult", JSON.stringify(stage));
  store.setMeta("staged", "yes");
  return stage;
}

function resumeStage(plan: TransformPlan, store: StagingStore): StageResult {
  if (store.meta("staged") !== "yes")
    throw new ResumeRefused("nothing to resume: this run folder holds no complete staging; run without --resume");
  if (store.meta("planHash") !== plan.spec.contentHash)
    throw new ResumeRefused("the spec changed since this run was staged; run without --resume to stage again");
  return JSON.parse(store.meta("stageResult") ?? "{}") as StageResult;
}

function writeRunFiles(runDir: string, summary: RunSummary, store: StagingStore): void {
  writeSummary(runDir, summary);
  writeRejectsCsv(store, runFile(runDir, "rejects"));
  writeQueueCsv(store, runFile(runDir, "queue"));
  writeQueue(runDir, store);
  const report = renderRunReport(summary, store);
  writeReport(runDir, report);
}
