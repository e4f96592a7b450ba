// The survey of an export: which files each source finds and every column they hold, declared or not, so
// that nothing the customer exported is dropped without a word. CSV: the header of each file. JSON: every
// leaf path of every record (`properties.hs_timestamp`, `associations.deals.results[].id`), read in full,
// because a column that only some records carry is still a column.
import type { PlanSource } from "../../plan/types.js";
import {
  readCsvHeader,
  readerSettings,
  readSourceBatches,
  sourceFiles,
  SourceReadError,
  type SourceProblem,
} from "../extract/index.js";

export interface SourceSurvey {
  source: string;
  /** the export files the source reads, relative to the export folder ([] when it has none) */
  files: string[];
  /** every column the export holds for this source, in the order first seen */
  columns: string[];
  /** records read (JSON formats; CSV rows are not counted by the survey) */
  records: number;
  /** why the source could not be surveyed (a missing file, broken JSON…) */
  problems: SourceProblem[];
}

export async function surveySource(source: PlanSource, exportDir: string): Promise<SourceSurvey> {
  const survey: SourceSurvey = { source: source.name, files: [], columns: [], records: 0, problems: [] };
  const { settings, problems } = readerSettings(source);
  if (problems.length > 0) return { ...survey, problems };
  const columns = new LeafPaths();
  try {
    const files = await sourceFiles(source, exportDir);
    survey.files = files.map((file) => file.relative);
    if (source.format === "csv") {
      for (const file of files) columns.addAll(await readCsvHeader(settings, file, {}));
    } else {
      const onRecord = (record: unknown) => {
        survey.records++;
        columns.addRecord(record);
      };
      for await (const batch of readSourceBatches(source, exportDir, { onRecord })) void batch;
    }
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    survey.problems.push(...error.problems);
  }
  survey.columns = columns.list();
  return survey;
}

/** The leaf paths of JSON records, in the spelling columns use: `a.b`, `a[].b`; an empty container is a leaf. */
export class LeafPaths {
  private readonly paths = new Set<string>();

  addAll(names: Iterable<string>): void {
    for (const name of names) if (name !== "") this.paths.add(name);
  }

  addRecord(record: unknown): void {
    if (isObject(record)) for (const [key, value] of Object.entries(record)) this.add(key, value);
  }

  list(): string[] {
    return [...this.paths];
  }

  private add(path: string, value: unknown): void {
    if (isObject(value)) {
      const entries = Object.entries(value);
      if (entries.length === 0) this.paths.add(path);
      for (const [key, inner] of entries) this.add(`${path}.${key}`, inner);
    } else if (Array.isArray(value) && value.some(isObject)) {
      for (const item of value) if (isObject(item)) this.add(`${path}[]`, item);
    } else {
      this.paths.add(path);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
