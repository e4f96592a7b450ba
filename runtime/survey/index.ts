// survey: a plan and an export folder → what the export really holds, before a row is staged. In: the
// plan and the folder. Out: per source the files found and every column the export has (declared or not),
// the plan for this export (with the customer's custom properties the metadata lists), and the account of
// every export column: read, dropped, or left behind (unaccounted), plus declared columns the export lacks.
import type { TransformPlan } from "../../plan/types.js";
import { accountColumns, neededColumns, type ColumnAccount } from "./account.js";
import { surveySource, type SourceSurvey } from "./columns.js";
import { planWithProperties, type DiscoveredProperty } from "./expand.js";
import { readCustomProperties, type CustomProperty } from "./properties.js";

export { accountColumns, neededColumns, type ColumnAccount } from "./account.js";
export { LeafPaths, surveySource, type SourceSurvey } from "./columns.js";
export { type DiscoveredProperty } from "./expand.js";
export { readCustomProperties, type CustomProperty } from "./properties.js";

export interface ExportSurvey {
  /** the plan for this export: the spec's plan plus the custom properties the export's metadata lists */
  plan: TransformPlan;
  sources: SourceSurvey[];
  accounts: ColumnAccount[];
  /** custom properties the plan now migrates, with the field each lands in */
  discovered: DiscoveredProperty[];
  /** custom properties of the metadata, per source, whether or not a map takes them */
  customProperties: Map<string, CustomProperty[]>;
  /** metadata that could not be read, per source */
  metadataProblems: Array<{ source: string; problem: string }>;
}

export interface SurveyOptions {
  /** called before each source is read (a JSON export is read in full) */
  onSource?: (source: string) => void;
}

export async function surveyExport(
  plan: TransformPlan,
  exportDir: string,
  options: SurveyOptions = {},
): Promise<ExportSurvey> {
  const sources: SourceSurvey[] = [];
  for (const source of plan.sources) {
    options.onSource?.(source.name);
    sources.push(await surveySource(source, exportDir));
  }
  const customProperties = new Map<string, CustomProperty[]>();
  const metadataProblems: ExportSurvey["metadataProblems"] = [];
  for (const source of plan.sources) {
    if (!source.customProperties) continue;
    const survey = sources.find((s) => s.source === source.name)!;
    const reading = await readCustomProperties(source, source.customProperties, exportDir, survey.columns);
    if (reading.problem) metadataProblems.push({ source: source.name, problem: reading.problem });
    customProperties.set(
      source.name,
      reading.properties.flatMap((p) => asExported(p, survey)),
    );
  }
  const expanded = planWithProperties(plan, customProperties);
  const accounts = expanded.plan.sources.map((source, index) => accountColumns(source, sources[index]!));
  return {
    plan: expanded.plan,
    sources,
    accounts,
    discovered: expanded.discovered,
    customProperties,
    metadataProblems,
  };
}

// A property the customer did not export has nothing to migrate: no column, no field. One it did is read
// under the name the export spells it (metadata may write `comp_revenueband` for the header's `Comp_RevenueBand`).
function asExported(property: CustomProperty, survey: SourceSurvey): CustomProperty[] {
  const spelled = (name: string) => survey.columns.find((column) => column.toLowerCase() === name.toLowerCase());
  const names = [property.column, ...property.alternatives];
  if (!names.some((name) => spelled(name) !== undefined)) return [];
  return [
    {
      ...property,
      column: spelled(property.column) ?? property.column,
      alternatives: property.alternatives.map((a) => spelled(a) ?? a),
    },
  ];
}

/** The declared columns an export lacks that the plan cannot do without, with why. */
export function missingNeededColumns(survey: ExportSurvey): Array<{ source: string; column: string; why: string }> {
  const missing: Array<{ source: string; column: string; why: string }> = [];
  for (const account of survey.accounts) {
    const source = survey.plan.sources.find((s) => s.name === account.source)!;
    const needed = neededColumns(survey.plan, source);
    for (const column of account.absent) {
      const why = needed.get(column);
      if (why && !column.startsWith("../")) missing.push({ source: account.source, column, why });
    }
  }
  return missing;
}
