// `mapc propose --from SPEC`: an existing spec, adapted to an export that differs from the one it was
// written for. Only the spec's text at the places the syntax tree points to is edited; every edit says why
// (`# proposed: …`). A declared column the export names otherwise gets that name as an alternative; one it
// lacks and no map needs becomes optional; a source whose files moved gets the path they are at; columns
// the spec never heard of are declared and dropped for review; custom properties the metadata lists are
// taken into x_ fields. The result must compile and account for every column of the export.
import { compileSpec } from "../compiler/index.js";
import type { PlanSource, PropertiesFormat, TransformPlan } from "../plan/types.js";
import type * as A from "../grammar/ast.js";
import { sourceFiles, SourceReadError } from "../runtime/extract/index.js";
import {
  accountColumns,
  missingNeededColumns,
  neededColumns,
  readCustomProperties,
  surveyExport,
  surveySource,
} from "../runtime/survey/index.js";
import { detectExport, ignoredNotes, objectName, type DetectedExport, type DetectedTable } from "./detect.js";
import { slug } from "./draft.js";
import { SpecEdits } from "./edits.js";
import { profileSource, type ColumnProfile } from "./profile.js";
import type { ProposalReport, SourceReport } from "./report.js";
import { confidence, editSimilarity, nameSimilarity, round2, singular, squash, words } from "./similarity.js";

/** at or above this an export column is proposed as another name of a missing declared column */
export const ALTERNATIVE_THRESHOLD = 0.75;

export interface AdaptOptions {
  specText: string;
  specFile: string;
  exportDir: string;
  /** names the custom fields' prefix `x_<system>_`; the spec's own system when not given */
  system?: string;
  shownDir?: string;
}

export interface Adapted {
  text: string;
  report: ProposalReport;
  /** what the adapted spec still cannot do with this export (a needed column nowhere to be found…) */
  remaining: string[];
}

export class AdaptRefused extends Error {}

export async function adaptSpec(options: AdaptOptions): Promise<Adapted> {
  const compiled = compileSpec(options.specText, options.specFile);
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new AdaptRefused(
      `${options.specFile} has ${errors.length} error${errors.length === 1 ? "" : "s"} (first: line ${errors[0]!.range.start.line}: ${errors[0]!.message}); fix them first (mapc check ${options.specFile})`,
    );
  }
  const spec = compiled.spec;
  const plan = compiled.plan;
  const detected = await detectExport(options.exportDir);
  const edits = new SpecEdits(options.specText, spec);
  const system = slug(options.system ?? spec.header.system.text);
  const reports: SourceReport[] = [];
  const remaining: string[] = [];
  const sources = spec.declarations.filter((d): d is A.SourceDecl => d.kind === "source");
  const claimed = new Set<string>();
  const maps = spec.declarations.filter((d): d is A.MapDecl => d.kind === "map");
  for (const decl of sources) {
    const source = plan.sources.find((s) => s.name === decl.name.text)!;
    const report: SourceReport = { source: source.name, summary: "", entries: [] };
    reports.push(report);
    await adaptSource({ options, plan, decl, source, detected, edits, report, remaining, system, claimed, maps });
  }
  const text = edits.apply();
  const check = compileSpec(text, options.specFile);
  for (const d of check.diagnostics.filter((x) => x.severity === "error"))
    remaining.push(`line ${d.range.start.line}: ${d.code} ${d.message}`);
  if (check.ok) {
    const survey = await surveyExport(check.plan, options.exportDir);
    for (const account of survey.accounts)
      if (account.unaccounted.length > 0)
        remaining.push(`${account.source}: columns still neither read nor dropped: ${account.unaccounted.join(", ")}`);
    for (const missing of missingNeededColumns(survey))
      remaining.push(`${missing.source}: "${missing.column}" is not in the export, and ${missing.why}`);
  }
  const notes = ignoredNotes(detected);
  if (edits.count === 0) notes.push("nothing to change: the spec reads this export as it is");
  return {
    text,
    report: {
      title: `mapc propose --from ${options.specFile}: ${options.shownDir ?? options.exportDir}`,
      sources: reports,
      notes: [...notes, ...remaining.map((r) => `still to do: ${r}`)],
    },
    remaining,
  };
}

interface SourceContext {
  options: AdaptOptions;
  plan: TransformPlan;
  decl: A.SourceDecl;
  source: PlanSource;
  detected: DetectedExport;
  edits: SpecEdits;
  report: SourceReport;
  remaining: string[];
  system: string;
  /** export paths already given to a source as an alternative */
  claimed: Set<string>;
  maps: A.MapDecl[];
}

async function adaptSource(ctx: SourceContext): Promise<void> {
  const { decl, edits, report } = ctx;
  let source = ctx.source;
  report.summary = [source.path, ...(source.pathAlternatives ?? [])].join(" or ");

  // ── the files ──
  let found = await filesOf(source, ctx.options.exportDir);
  if (found.length === 0) {
    const moved = findMovedTable(ctx);
    if (moved) {
      const last = decl.pathAlternatives.at(-1) ?? decl.path;
      edits.insert(
        last.range.end.offset,
        ` or ${JSON.stringify(moved.table.path)}`,
        `"${source.path}" finds no file in this export; "${moved.table.path}" does (${confidence(moved.score)})`,
      );
      ctx.claimed.add(moved.table.path);
      source = { ...source, pathAlternatives: [...(source.pathAlternatives ?? []), moved.table.path] };
      report.entries.push({ kind: "path", text: `or "${moved.table.path}"`, score: moved.score });
      found = await filesOf(source, ctx.options.exportDir);
    } else if (source.settings["optional"] !== true) {
      edits.insertLineBefore(
        firstItemOffset(decl),
        "optional true",
        `the export has no file for "${source.path}", nor one like it`,
      );
      report.entries.push({ kind: "optional", text: "the whole source (no file found)" });
      return;
    } else {
      report.summary += " (not in this export; optional)";
      return;
    }
  }

  // ── its columns ──
  const survey = await surveySource(source, ctx.options.exportDir);
  if (survey.problems.length > 0) {
    ctx.remaining.push(
      `${source.name}: the export cannot be read: ${survey.problems.map((p) => p.message).join("; ")}`,
    );
    return;
  }
  const account = accountColumns(source, survey);
  const needed = neededColumns(ctx.plan, source);
  const table: DetectedTable = {
    table: source.label,
    object: source.name,
    format: source.format,
    path: source.path,
    files: survey.files,
    settings: {},
    seen: "",
  };
  const profile = await profileSource(table, source, ctx.options.exportDir, survey.columns);
  const profileOf = (name: string) => profile.columns.find((c) => c.name === name);
  const unaccounted = new Set(account.unaccounted);

  // a column read only because the reader forgives case and spacing gets its spelling here as an alternative
  if (source.format === "csv") {
    for (const column of decl.columns) {
      const names = [column.column.text, ...column.alternatives.map((a) => a.text)];
      if (names.some((n) => survey.columns.includes(n))) continue;
      const lenient = survey.columns.find((c) => names.some((n) => squashLabel(c) === squashLabel(n)));
      if (!lenient) continue;
      edits.insertAligned(
        lastName(column).range.end.offset,
        ` or ${JSON.stringify(lenient)}`,
        `this export spells "${column.column.text}" "${lenient}" (0.97: the same but for case and separators)`,
      );
      report.entries.push({ kind: "alternative", text: `"${column.column.text}" or "${lenient}"`, score: 0.97 });
    }
  }

  // custom properties the export's metadata lists are the rule's, not columns to drop
  const properties = await customPropertyColumns(ctx, source, new Set(survey.columns));
  for (const column of properties.columns) unaccounted.delete(column);

  // declared columns this export lacks: another name for them, or optional
  const absent = account.absent.map((name) => decl.columns.find((c) => c.column.text === name)!).filter(Boolean);
  const pairs: Array<{ column: A.ColumnDecl; candidate: string; score: number; why: string }> = [];
  for (const column of absent) {
    for (const candidate of unaccounted) {
      const scored = alternativeScore(column, candidate, source, profileOf(candidate), needed.has(column.column.text));
      if (scored.score >= ALTERNATIVE_THRESHOLD) pairs.push({ column, candidate, ...scored });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.candidate.localeCompare(b.candidate));
  const renamed = new Set<A.ColumnDecl>();
  for (const pair of pairs) {
    if (renamed.has(pair.column) || !unaccounted.has(pair.candidate)) continue;
    renamed.add(pair.column);
    unaccounted.delete(pair.candidate);
    edits.insertAligned(
      lastName(pair.column).range.end.offset,
      ` or ${JSON.stringify(pair.candidate)}`,
      `this export has no "${pair.column.column.text}"; "${pair.candidate}" is likely it (${confidence(pair.score)}: ${pair.why})`,
    );
    report.entries.push({
      kind: "alternative",
      text: `"${pair.column.column.text}" or "${pair.candidate}"`,
      score: pair.score,
    });
  }
  for (const column of absent) {
    if (renamed.has(column) || column.optional) continue;
    const why = needed.get(column.column.text);
    if (why) {
      ctx.remaining.push(
        `${source.name}: "${column.column.text}" is not in the export and nothing like it is, but ${why}`,
      );
      report.entries.push({ kind: "problem", text: `"${column.column.text}" missing, and ${why}` });
      continue;
    }
    edits.insert(
      column.range.end.offset,
      " optional",
      `not in this export, and no key or required field needs it: it reads as empty`,
    );
    report.entries.push({ kind: "optional", text: `"${column.column.text}"` });
  }

  // columns of the export the spec neither reads nor drops
  const patterns = dropPatterns([...unaccounted]);
  const columnsBlock = decl.columnsRange;
  for (const pattern of patterns) {
    edits.insertLineBefore(
      columnsBlock?.start.offset ?? firstItemOffset(decl),
      `drop ${JSON.stringify(pattern.pattern)} because "proposed: ${pattern.what}; review"`,
      `${pattern.columns.length} columns of this export share it, none in the spec`,
    );
    for (const column of pattern.columns) unaccounted.delete(column);
    report.entries.push({ kind: "dropped", text: `"${pattern.pattern}" (${pattern.columns.length} columns)` });
  }
  // what is left is dropped for the consultant to review (or to map instead)
  for (const name of unaccounted) {
    edits.insertLineBefore(
      columnsBlock?.start.offset ?? firstItemOffset(decl),
      `drop ${JSON.stringify(name)} because "proposed: not in the spec; review"`,
      `"${name}" is in this export`,
    );
    report.entries.push({ kind: "dropped", text: `"${name}" (not in the spec)` });
  }

  // custom properties: where the metadata is, and a map that takes them
  if (properties.columns.length > 0) {
    const maps = ctx.plan.mappings.filter((m) => m.source === source.name && !m.into);
    // a source whose properties some map already takes is the author's choice (an optional app's map may not)
    const untaken = maps.some((m) => m.customProperties) ? [] : maps;
    if (untaken.length > 0 || !decl.properties) {
      if (!decl.properties && properties.rule) {
        const rule = properties.rule;
        edits.insertLineBefore(
          columnsBlock?.start.offset ?? firstItemOffset(decl),
          `custom properties from ${rule.format} ${JSON.stringify(rule.path)} ${rule.format === "hubspot" ? "object" : "entity"} ${JSON.stringify(rule.object)}`,
          `${rule.path} lists the customer's own properties of this table`,
        );
      }
      const mapDecls = mapDeclsOf(
        ctx,
        untaken.map((m) => m.id),
      );
      for (const map of mapDecls) {
        const closing = map.range.end.offset - 1;
        const inner = map.items[0] ? map.items[0].range.start.offset : closing;
        edits.insertLineBefore(
          closing,
          `custom properties prefix ${JSON.stringify(`x_${ctx.system}_`)}`,
          `${properties.columns.length} custom propert${properties.columns.length === 1 ? "y" : "ies"} no map took: ${properties.columns.map((c) => `"${c}"`).join(", ")}`,
          inner,
        );
      }
      for (const column of properties.columns) report.entries.push({ kind: "custom", text: `"${column}"` });
    }
  }
  report.summary += ` (${survey.files.length} file${survey.files.length === 1 ? "" : "s"}, ${survey.columns.length} columns)`;
}

async function filesOf(source: PlanSource, exportDir: string): Promise<string[]> {
  try {
    return (await sourceFiles({ ...source, settings: { ...source.settings, optional: true } }, exportDir)).map(
      (f) => f.relative,
    );
  } catch (error) {
    if (error instanceof SourceReadError) return [];
    throw error;
  }
}

/** The table of the export most like the source's missing path: `accounts/*.json` → `account/*.json`. */
function findMovedTable(ctx: SourceContext): { table: DetectedTable; score: number } | undefined {
  const paths = [ctx.source.path, ...(ctx.source.pathAlternatives ?? [])];
  const jsonFamily = (f: string) => (f === "csv" || f === "jsonl" ? f : "json");
  let best: { table: DetectedTable; score: number } | undefined;
  for (const table of ctx.detected.tables) {
    if (ctx.claimed.has(table.path) || jsonFamily(table.format) !== jsonFamily(ctx.source.format)) continue;
    // a table another source reads already is not this one's
    if (ctx.plan.sources.some((s) => s !== ctx.source && [s.path, ...(s.pathAlternatives ?? [])].includes(table.path)))
      continue;
    for (const path of paths) {
      const score = round2(
        Math.max(editSimilarity(squash(path), squash(table.path)), nameSimilarity(tableWord(path), table.table) * 0.95),
      );
      if (score >= 0.75 && (!best || score > best.score)) best = { table, score };
    }
  }
  return best;
}

function tableWord(path: string): string {
  const name = path.replace(/\\/g, "/");
  const file = name
    .slice(name.lastIndexOf("/") + 1)
    .replace(/\.[^.]*$/, "")
    .replace(/[-_ .]*\*.*$/, "");
  return file === "" || file === "*"
    ? (name
        .slice(0, Math.max(0, name.lastIndexOf("/")))
        .split("/")
        .at(-1) ?? name)
    : file;
}

/** How likely an export column is a declared column under another name, and why. */
function alternativeScore(
  column: A.ColumnDecl,
  candidate: string,
  source: PlanSource,
  profile: ColumnProfile | undefined,
  isNeeded: boolean,
): { score: number; why: string } {
  const name = column.column.text;
  const declaredType = column.type.text;
  let score = nameSimilarity(name, candidate);
  let why = `names ${confidence(score)} alike`;
  if (squash(name) === squash(candidate)) {
    score = 0.97;
    why = "the same name but for case and separators";
  }
  const candidateWords = words(candidate);
  // a qualified label: "Email Address" for "Email", "Associated Company IDs (Primary)" for "Associated Company IDs"
  const declaredWords = words(name);
  if (declaredWords.length > 0 && declaredWords.every((w) => candidateWords.includes(w)) && score < 0.85) {
    score = 0.85;
    why = `every word of "${name}" is in it`;
  }
  // values of the declared kind (addresses, phone numbers, dates) are evidence beyond the name
  if (
    profile &&
    profile.guess.type === declaredType &&
    ["email", "phone", "url", "date", "datetime"].includes(declaredType)
  ) {
    score = Math.min(0.99, score + 0.05);
    why += `, and its values are ${declaredType}s`;
  }
  // a key under its table's name: "Record ID" of contacts is their "Contact ID"
  const isKey = source.key.includes(name);
  if (isKey && candidateWords.at(-1) === "id" && (profile?.unique ?? false)) {
    const table = new Set(
      [...words(source.name), ...words(source.label), ...words(source.path.replace(/\.[^.]*$/, ""))].flatMap((w) => [
        w,
        singular(w),
      ]),
    );
    const rest = candidateWords.slice(0, -1);
    if (rest.every((w) => table.has(w) || w === "record")) {
      score = Math.max(score, 0.9);
      why = `an id no two rows share, named after the table, where the key was`;
    }
  }
  if (profile && profile.nonEmpty > 0 && !typeFits(declaredType, profile)) {
    score *= 0.7;
    why += `, but its values are ${profile.guess.type}, not ${declaredType}`;
  }
  if (isNeeded) why += "; the spec needs it";
  return { score: round2(score), why };
}

function typeFits(declared: string, profile: ColumnProfile): boolean {
  const found = profile.guess.type;
  if (declared === found || declared === "text" || declared === "json") return true;
  const families: string[][] = [
    ["id", "integer", "text", "list"],
    ["decimal", "money", "integer"],
    ["date", "datetime"],
    ["html", "text"],
    ["phone", "text"],
    ["url", "text"],
    ["email", "text"],
  ];
  return families.some((family) => family.includes(declared) && family.includes(found));
}

/** Columns sharing an annotation suffix (`*@OData.Community.Display.V1.FormattedValue`) or a JSON path's ends. */
function dropPatterns(columns: string[]): Array<{ pattern: string; columns: string[]; what: string }> {
  const patterns: Array<{ pattern: string; columns: string[]; what: string }> = [];
  const bySuffix = new Map<string, string[]>();
  for (const column of columns) {
    const at = column.indexOf("@");
    if (at < 0) continue;
    const suffix = at === 0 ? column.slice(0, column.lastIndexOf(".") + 1) : column.slice(at);
    bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), column]);
  }
  for (const [suffix, members] of bySuffix) {
    if (members.length < 2 && !suffix.startsWith("@")) continue;
    const pattern = suffix.startsWith("@") && suffix.endsWith(".") ? `${suffix}*` : `*${suffix}`;
    patterns.push({
      pattern,
      columns: members,
      what: suffix.includes("FormattedValue")
        ? "labels of values, not in the spec"
        : "annotations of other columns, not in the spec",
    });
  }
  const rest = columns.filter((c) => !patterns.some((p) => p.columns.includes(c)));
  const byEnds = new Map<string, string[]>();
  for (const column of rest) {
    const parts = column.split(".");
    if (parts.length < 3) continue;
    const key = `${parts[0]}.*.${parts.at(-1)}`;
    byEnds.set(key, [...(byEnds.get(key) ?? []), column]);
  }
  for (const [pattern, members] of byEnds)
    if (members.length >= 3)
      patterns.push({
        pattern,
        columns: members,
        what: `the "${pattern.split(".").at(-1)}" of every ${pattern.split(".")[0]} entry, not in the spec`,
      });
  return patterns;
}

/** The metadata listing this source's custom properties, and those of its columns no declaration accounts for. */
async function customPropertyColumns(
  ctx: SourceContext,
  source: PlanSource,
  present: ReadonlySet<string>,
): Promise<{ columns: string[]; rule?: { format: PropertiesFormat; path: string; object: string } }> {
  const rule = source.customProperties
    ? {
        format: source.customProperties.format,
        path: source.customProperties.paths[0]!,
        object: source.customProperties.object,
      }
    : metadataFor(ctx.detected, source);
  if (!rule) return { columns: [] };
  const paths = source.customProperties?.paths ?? [rule.path];
  const reading = await readCustomProperties(
    source,
    { format: rule.format, paths, object: rule.object, line: 0 },
    ctx.options.exportDir,
  );
  const declared = new Set(
    source.columns.flatMap((c) => [c.name, ...(c.alternatives ?? [])]).map((n) => n.toLowerCase()),
  );
  const dropped = new Set(source.drops.map((d) => d.column.toLowerCase()));
  const columns: string[] = [];
  for (const property of reading.properties) {
    const names = [property.column, ...property.alternatives];
    if (names.some((n) => declared.has(n.toLowerCase()) || dropped.has(n.toLowerCase()))) continue;
    const column = [...present].find((c) => names.some((n) => n.toLowerCase() === c.toLowerCase()));
    if (column) columns.push(column);
  }
  return { columns, rule };
}

function metadataFor(
  detected: DetectedExport,
  source: PlanSource,
): { format: PropertiesFormat; path: string; object: string } | undefined {
  const table = squash(tableWord(source.path));
  const plural = squash(`${source.name}s`);
  const keyEntity = source.key[0]?.toLowerCase().replace(/id$/, "");
  for (const metadata of detected.metadata) {
    for (const [object, set] of metadata.objects) {
      const hit =
        metadata.format === "hubspot"
          ? [table, plural, squash(objectName(source.name))].includes(squash(object)) ||
            squash(singular(object)) === squash(source.name)
          : squash(set) === table || object === keyEntity;
      if (hit) return { format: metadata.format, path: metadata.path, object };
    }
  }
  return undefined;
}

function mapDeclsOf(ctx: SourceContext, ids: readonly string[]): A.MapDecl[] {
  // a map's id is its `as` name, or its source's name (compiler/context.ts mappingId)
  return ctx.maps.filter((m) => ids.includes(m.alias?.text ?? m.source.text));
}

function lastName(column: A.ColumnDecl): A.Name {
  return column.alternatives.at(-1) ?? column.column;
}

function firstItemOffset(decl: A.SourceDecl): number {
  return decl.items[0]?.range.start.offset ?? decl.range.end.offset - 1;
}

function squashLabel(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}
