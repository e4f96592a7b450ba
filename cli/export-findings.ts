// `mapc check SPEC --source EXPORT`: what the survey of a real export found, placed on the spec's own
// lines, so the consultant fixes the spec where it is written: a file the export names otherwise, a column
// it lacks or renamed, a column the spec does not account for, a custom property the spec does not declare.
import type * as A from "../grammar/ast.js";
import { closestNames } from "../compiler/catalog/index.js";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { PlanSource } from "../plan/types.js";
import { neededColumns, type ColumnAccount, type ExportSurvey } from "../runtime/survey/index.js";
import { nearExportPath } from "./export-paths.js";

export function exportDiagnostics(spec: A.Spec, survey: ExportSurvey, exportDir: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [index, source] of survey.plan.sources.entries()) {
    const decl = spec.declarations.find((d): d is A.SourceDecl => d.kind === "source" && d.name.text === source.name);
    if (!decl) continue;
    const unreadable = unreadableSource(spec.file, decl, source, survey.sources[index]!.problems, exportDir);
    if (unreadable) {
      found.push(unreadable);
      continue;
    }
    const account = survey.accounts[index]!;
    found.push(...absentColumns(spec.file, decl, source, account, neededColumns(survey.plan, source)));
    found.push(...unaccountedColumns(spec.file, decl, account, survey));
    found.push(...customProperties(spec.file, decl, survey));
  }
  return found;
}

function unreadableSource(
  file: string,
  decl: A.SourceDecl,
  source: PlanSource,
  problems: ExportSurvey["sources"][number]["problems"],
  exportDir: string,
): Diagnostic | undefined {
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length === 0) return undefined;
  if (errors[0]!.code === "MR3003") {
    const paths = [source.path, ...(source.pathAlternatives ?? [])];
    const near = nearExportPath(exportDir, source.path);
    const hint = near
      ? `this export has ${near}: write \`from ${source.format} ${paths.map((p) => `"${p}"`).join(" or ")} or "${near}"\``
      : "check the export folder, or mark the source `optional true`";
    return diagnostic(
      "MC2601",
      file,
      decl.path.range,
      { object: source.name, paths: paths.map((p) => `"${p}"`).join(" or ") },
      hint,
    );
  }
  return diagnostic("MC2608", file, decl.path.range, {
    object: source.name,
    detail: errors.map((e) => `${e.file}: ${e.message}`).join("; "),
  });
}

function absentColumns(
  file: string,
  decl: A.SourceDecl,
  source: PlanSource,
  account: ColumnAccount,
  needed: Map<string, string>,
): Diagnostic[] {
  return account.absent.flatMap((name) => {
    const column = decl.columns.find((c) => c.column.text === name);
    if (!column) return [];
    const near = closestColumns(name, account.unaccounted, source.format === "csv");
    const renamed =
      near.length > 0
        ? `this export may name it ${near.map((n) => `"${n}"`).join(" or ")}: write \`${[name, ...(source.columns.find((c) => c.name === name)?.alternatives ?? []), near[0]!].map((n) => `"${n}"`).join(" or ")}\``
        : undefined;
    // A CSV reader stops at a declared column its header lacks; a JSON record without it reads it as empty.
    const why =
      needed.get(name) ?? (column.optional || source.format !== "csv" ? undefined : "it is not declared `optional`");
    if (why)
      return [
        diagnostic(
          "MC2602",
          file,
          column.column.range,
          { column: name, object: source.name, why },
          renamed ?? `add the name this export uses: \`"${name}" or "…"\``,
        ),
      ];
    return [diagnostic("MC2603", file, column.column.range, { column: name, object: source.name }, renamed)];
  });
}

function unaccountedColumns(
  file: string,
  decl: A.SourceDecl,
  account: ColumnAccount,
  survey: ExportSurvey,
): Diagnostic[] {
  const untaken = new Set(
    (survey.customProperties.get(account.source) ?? []).flatMap((p) => [p.column, ...p.alternatives]),
  );
  const where = decl.columnsRange ?? decl.name.range;
  const pattern = sharedSuffixPattern(account.unaccounted);
  return account.unaccounted
    .filter((column) => !untaken.has(column))
    .map((column) => {
      const hint =
        pattern && column.endsWith(pattern.slice(1))
          ? `drop them all with a pattern: \`drop "${pattern}" because "…"\` in source \`${account.source}\``
          : `map it, declare it, or \`drop "${column}" because "…"\` in source \`${account.source}\``;
      return diagnostic("MC2604", file, where, { column, object: account.source }, hint);
    });
}

function customProperties(file: string, decl: A.SourceDecl, survey: ExportSurvey): Diagnostic[] {
  const where = decl.properties?.range ?? decl.name.range;
  const source = decl.name.text;
  const found: Diagnostic[] = [];
  for (const problem of survey.metadataProblems.filter((p) => p.source === source)) {
    found.push(diagnostic("MC2607", file, where, { object: source, detail: problem.problem }));
  }
  const discovered = survey.discovered.filter((d) => d.source === source);
  for (const d of discovered) {
    found.push(
      diagnostic("MC2605", file, where, {
        label: d.property.label,
        object: source,
        column: d.property.column,
        fields: d.fields.map((f) => `\`${f}\``).join(", "),
      }),
    );
  }
  const taken = new Set(discovered.map((d) => d.property.name));
  const account = survey.accounts.find((a) => a.source === source);
  for (const property of survey.customProperties.get(source) ?? []) {
    if (taken.has(property.name) || !account?.unaccounted.includes(property.column)) continue;
    const hint = `add \`custom properties prefix "x_…"\` to a map of \`${source}\``;
    found.push(
      diagnostic("MC2606", file, where, { label: property.label, object: source, column: property.column }, hint),
    );
  }
  return found;
}

// A label with a qualifier (`Associated Company IDs (Primary)`), other spacing or a typo; a JSON path only
// when it differs in spelling, never because two property names look alike.
function closestColumns(name: string, candidates: readonly string[], labels: boolean): string[] {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");
  const same = candidates.filter(
    (c) =>
      squash(c) === squash(name) ||
      (labels && (squash(c).startsWith(squash(name)) || squash(name).startsWith(squash(c)))),
  );
  if (same.length > 0 || !labels) return same.slice(0, 2);
  return closestNames(name, candidates, 2);
}

// Dataverse rows carry an annotation per value (`…@OData.Community.Display.V1.FormattedValue`): when three
// or more unaccounted columns share what follows their `@`, one pattern accounts for them.
function sharedSuffixPattern(columns: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const column of columns) {
    const at = column.indexOf("@");
    if (at > 0) counts.set(column.slice(at), (counts.get(column.slice(at)) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 3 ? `*${best[0]}` : undefined;
}
