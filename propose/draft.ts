// `mapc propose` without --from: a draft spec for an export nobody has written one for. Each table of the
// export becomes a source with every column the survey finds; each table whose name says what it is gets a
// map into that Odoo model, its columns matched to the model's fields by name and label, references told
// by their values, custom properties taken from the export's metadata. Every line says how sure it is; what
// is not sure enough is dropped with the reason, for a person to review before anything moves.
import type { OdooCatalog } from "../compiler/catalog/index.js";
import { compileSpec } from "../compiler/index.js";
import type { PlanSource } from "../plan/types.js";
import { formatSpec, parseSpec } from "../grammar/index.js";
import { readCustomProperties } from "../runtime/survey/index.js";
import { detectExport, ignoredNotes, type DetectedExport, type DetectedMetadata } from "./detect.js";
import { writableFields, type FieldInfo } from "./fields.js";
import { byScore, fitValue, MAP_THRESHOLD, matchColumn, ownWords, type FieldMatch } from "./match.js";
import { guessRole, type Flavour, type RoleGuess } from "./models.js";
import { profileTable, type ColumnProfile, type TableProfile } from "./profile.js";
import {
  findOwnerReferences,
  findReferences,
  guessKey,
  tableKeys,
  type KeyGuess,
  type OwnerReference,
  type Reference,
  type TableKeys,
} from "./references.js";
import type { ProposalReport, ReportEntry, SourceReport } from "./report.js";
import { confidence, nameSimilarity, round2, squash, words } from "./similarity.js";

export interface DraftOptions {
  exportDir: string;
  /** names the spec (`mapping <system> -> …`) and the custom fields' prefix `x_<system>_` */
  system: string;
  catalog: OdooCatalog;
  /** the export folder as the user wrote it, for the comments */
  shownDir?: string;
}

export interface Draft {
  text: string;
  report: ProposalReport;
}

interface PropertiesRule {
  format: "hubspot" | "dataverse";
  path: string;
  selector: "object" | "entity";
  object: string;
  /** the columns of this export the metadata lists as custom properties */
  columns: string[];
}

interface TableDraft {
  profile: TableProfile;
  role: RoleGuess;
  key: KeyGuess | undefined;
  keys: TableKeys;
  references: Reference[];
  owners: OwnerReference[];
  properties?: PropertiesRule;
  /** `*@suffix` drops for annotation columns, with the columns they cover */
  patterns: Array<{ pattern: string; columns: string[]; reason: string }>;
  maps: MapDraft[];
  report: SourceReport;
}

type Item =
  | {
      kind: "assign";
      id: number;
      targets: string;
      op: "<-" | "=";
      value: string;
      when?: string;
      required?: boolean;
      deferred?: boolean;
      comment: string;
      columns: string[];
      refs: Array<{ object: string; hard: boolean }>;
    }
  | { kind: "drop"; column: string; reason: string }
  | { kind: "raw"; text: string; comment?: string };

interface MapDraft {
  object: string;
  model: string;
  alias?: string;
  guard?: { kind: "requires" | "unless"; module: string };
  comment: string;
  items: Item[];
}

interface Shared {
  options: DraftOptions;
  tables: TableDraft[];
  lookups: Map<string, string>;
  values: Map<string, Array<[string, string]>>;
  records: Map<string, string>;
  documents: string[];
  nextItem: number;
}

const MESSAGE_LIKE = new Set(["mail.message", "mail.activity", "ir.attachment", "calendar.event"]);
const LINK_FIELDS: Record<string, [string, string]> = {
  "mail.message": ["model", "res_id"],
  "mail.activity": ["res_model_id", "res_id"],
  "ir.attachment": ["res_model", "res_id"],
  "calendar.event": ["res_model_id", "res_id"],
};

export async function proposeDraft(options: DraftOptions): Promise<Draft> {
  const detected = await detectExport(options.exportDir);
  const shared: Shared = {
    options,
    tables: [],
    lookups: new Map(),
    values: new Map(),
    records: new Map(),
    documents: [],
    nextItem: 1,
  };
  for (const table of detected.tables) {
    const profile = await profileTable(table, options.exportDir);
    const role = guessRole(table.table);
    const key = guessKey(profile);
    const entitySets = new Map(
      detected.metadata.filter((m) => m.format === "dataverse").flatMap((m) => [...m.objects]),
    );
    shared.tables.push({
      profile,
      role,
      key,
      keys: tableKeys(profile, key?.column, entitySets),
      references: [],
      owners: [],
      patterns: annotationPatterns(profile),
      maps: [],
      report: { source: table.object, summary: "", entries: [] },
    });
  }
  await attachProperties(shared, detected);
  analyseReferences(shared);
  for (const t of shared.tables) buildMaps(shared, t);
  applyDeferral(shared);
  let text = emit(shared);
  // Whatever the compiler still refuses is not sure enough to propose: drop it with the compiler's words.
  for (let round = 0; round < 4; round++) {
    const errors = compileSpec(text, "draft.mapspec").diagnostics.filter((d) => d.severity === "error");
    if (errors.length === 0 || !demote(shared, text, errors)) break;
    text = emit(shared);
  }
  const canonical = formatSpec(parseSpec(stripMarkers(text), "draft.mapspec").spec);
  return { text: canonical, report: report(shared, detected) };
}

// ── Tables ─────────────────────────────────────────────────────────────────────────────────────────

/** Annotation columns sharing a suffix (`*@OData.Community.Display.V1.FormattedValue`) are dropped by one pattern. */
function annotationPatterns(profile: TableProfile): TableDraft["patterns"] {
  const bySuffix = new Map<string, string[]>();
  for (const column of profile.columns) {
    const at = column.name.indexOf("@");
    if (at < 0) continue;
    const suffix = at === 0 ? column.name.slice(0, column.name.lastIndexOf(".") + 1) : column.name.slice(at);
    bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), column.name]);
  }
  const reasons: Record<string, string> = {
    "@OData.Community.Display.V1.FormattedValue": "labels Dataverse shows for values the spec reads",
    "@Microsoft.Dynamics.CRM.associatednavigationproperty": "names of Dataverse navigation properties",
    "@Microsoft.Dynamics.CRM.lookuplogicalname": "the table a lookup points into",
  };
  return [...bySuffix].map(([suffix, columns]) => ({
    pattern: suffix.startsWith("@") && suffix.endsWith(".") ? `${suffix}*` : `*${suffix}`,
    columns,
    reason: `proposed: ${reasons[suffix] ?? (suffix.startsWith("@odata") ? "OData control data (etags, links)" : "annotations of other columns")}`,
  }));
}

/** Which tables the export's metadata lists custom properties for, and which of their columns those are. */
async function attachProperties(shared: Shared, detected: DetectedExport): Promise<void> {
  for (const t of shared.tables) {
    if (t.role.role.kind !== "map") continue;
    for (const metadata of detected.metadata) {
      const object = metadataObject(metadata, t);
      if (!object) continue;
      const rule: PropertiesRule = {
        format: metadata.format,
        path: metadata.path,
        selector: metadata.format === "hubspot" ? "object" : "entity",
        object,
        columns: [],
      };
      const source: PlanSource = {
        ...t.profile.source,
        customProperties: { format: rule.format, paths: [rule.path], object, line: 0 },
      };
      const reading = await readCustomProperties(source, source.customProperties!, shared.options.exportDir);
      const present = new Set(t.profile.columns.map((c) => c.name.toLowerCase()));
      for (const property of reading.properties) {
        for (const name of [property.column, ...property.alternatives]) {
          const column = t.profile.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
          if (column && present.has(name.toLowerCase())) rule.columns.push(column.name);
        }
      }
      if (rule.columns.length > 0 || reading.properties.length > 0) {
        t.properties = rule;
        break;
      }
    }
  }
}

function metadataObject(metadata: DetectedMetadata, t: TableDraft): string | undefined {
  const table = squash(t.profile.table.table);
  for (const [object, set] of metadata.objects) {
    if (metadata.format === "hubspot" && squash(object) === table) return object;
    if (
      metadata.format === "dataverse" &&
      (squash(set) === table || squash(object) === squash(t.keys.key?.replace(/id$/, "") ?? ""))
    )
      return object;
  }
  return undefined;
}

function analyseReferences(shared: Shared): void {
  const migrated = shared.tables.filter((t) => t.role.role.kind === "map" && t.key);
  const owners = ownerTable(shared);
  for (const t of shared.tables) {
    if (t.role.role.kind !== "map") continue;
    t.references = findReferences(
      t.profile,
      t.key?.column,
      migrated.map((m) => m.keys),
    );
    if (owners) t.owners = findOwnerReferences(t.profile, t.key?.column, owners.values);
    // a column that names an owner is an owner, not a reference into another table
    t.references = t.references.filter((r) => !t.owners.some((o) => o.column === r.column && o.share >= r.coverage));
  }
}

interface OwnerTable {
  table: TableDraft;
  email: string;
  first?: string;
  last?: string;
  full?: string;
  values: { keys: ReadonlySet<string>; names: ReadonlySet<string> };
}

const ownerCache = new WeakMap<Shared, OwnerTable | undefined>();

function ownerTable(shared: Shared): OwnerTable | undefined {
  if (ownerCache.has(shared)) return ownerCache.get(shared);
  let found: OwnerTable | undefined;
  for (const t of shared.tables.filter((x) => x.role.role.kind === "owners" && x.key)) {
    const columns = t.profile.columns;
    const emails = columns.filter((c) => c.guess.type === "email");
    const email = emails.sort((a, b) => score(b) - score(a))[0];
    if (!email) continue;
    const named = (...names: string[]) => columns.find((c) => names.includes(squash(c.name)))?.name;
    const first = named("firstname", "givenname");
    const last = named("lastname", "surname", "familyname");
    const full = named("fullname", "name", "displayname");
    const names = new Set<string>();
    const byRow = (column: string | undefined) => columns.find((c) => c.name === column)?.samples.map(String) ?? [];
    if (first && last) {
      const firsts = byRow(first);
      const lasts = byRow(last);
      for (let i = 0; i < Math.min(firsts.length, lasts.length); i++)
        names.add(`${firsts[i]} ${lasts[i]}`.toLowerCase());
    }
    if (full) for (const name of byRow(full)) names.add(name.toLowerCase());
    found = {
      table: t,
      email: email.name,
      ...(first ? { first } : {}),
      ...(last ? { last } : {}),
      ...(full ? { full } : {}),
      values: { keys: t.keys.values, names },
    };
    break;
  }
  ownerCache.set(shared, found);
  return found;

  function score(column: ColumnProfile): number {
    return (words(column.name).includes("internal") ? 2 : 0) + (words(column.name).includes("email") ? 1 : 0);
  }
}

// ── Maps ───────────────────────────────────────────────────────────────────────────────────────────

function buildMaps(shared: Shared, t: TableDraft): void {
  const role = t.role.role;
  const comment = `proposed ${confidence(t.role.confidence)}: ${t.role.reason}`;
  t.report.summary = `${t.profile.table.path} (${t.profile.table.format}, ${t.profile.rows} rows)`;
  if (role.kind !== "map" || !t.key) {
    t.report.summary +=
      role.kind === "owners"
        ? " → a lookup of Odoo users by e-mail"
        : role.kind === "document"
          ? " → listed in the docs, not migrated"
          : ` → not migrated: ${role.kind === "none" ? role.why : "it has no key"}`;
    return;
  }
  if (role.fallback) {
    const app = buildMap(shared, t, role.model, undefined, { kind: "requires", module: role.fallback.module }, comment);
    const fallbackComment = `proposed ${confidence(round2(t.role.confidence * 0.95))}: without the ${role.fallback.module} app, ${role.fallback.model} instead (Odoo's own fallback)`;
    const fallback = buildMap(
      shared,
      t,
      role.fallback.model,
      role.fallback.flavour,
      { kind: "unless", module: role.fallback.module },
      fallbackComment,
      `${t.profile.table.object}${pascal(role.fallback.model.split(".").at(-1)!)}`,
    );
    if (app && fallback) t.maps.push(app, fallback);
  } else {
    let map = buildMap(shared, t, role.model, role.flavour, undefined, comment);
    if (!map && role.model === "mail.activity") {
      map = buildMap(
        shared,
        t,
        "project.task",
        undefined,
        undefined,
        `proposed ${confidence(round2(t.role.confidence * 0.8))}: ${t.role.reason}; no column links a task to a migrated record, so each becomes a project task`,
      );
    }
    if (map) t.maps.push(map);
  }
  if (t.maps.length === 0) t.report.summary += " → not migrated: no column links its rows to a migrated record";
  else
    t.report.summary += ` → ${t.maps.map((m) => `${m.model}${m.guard ? ` (${m.guard.kind} ${m.guard.module})` : ""}`).join(" / ")} ${confidence(t.role.confidence)}`;
}

function buildMap(
  shared: Shared,
  t: TableDraft,
  model: string,
  flavour: Flavour | undefined,
  guard: MapDraft["guard"],
  comment: string,
  alias?: string,
): MapDraft | undefined {
  const { catalog, system } = shared.options;
  const fields = writableFields(catalog, model);
  const map: MapDraft = {
    object: t.profile.table.object,
    model,
    ...(alias ? { alias } : {}),
    ...(guard ? { guard } : {}),
    comment,
    items: [],
  };
  const used = new Set<string>();
  const set = new Map<string, string>();
  const report = (entry: ReportEntry) => {
    if (!guard || guard.kind === "requires") t.report.entries.push(entry);
  };
  const assign = (
    targets: string,
    op: "<-" | "=",
    value: string,
    comment: string,
    extra: Partial<Extract<Item, { kind: "assign" }>> = {},
  ) => {
    const item: Item = {
      kind: "assign",
      id: shared.nextItem++,
      targets,
      op,
      value,
      comment,
      columns: extra.columns ?? [],
      refs: extra.refs ?? [],
      ...extra,
    };
    map.items.push(item);
    for (const c of item.columns) used.add(c);
    for (const f of targets.split(", ")) if (!extra.when) set.set(f, item.columns[0] ?? "a constant");
    return item;
  };
  const field = (name: string) => fields.find((f) => f.name === name);
  const columns = candidateColumns(t);
  const columnNamed = (name: string) => columns.find((c) => c.name === name);

  // constants that say what kind of record this is
  if (model === "res.partner" && flavour === "company")
    assign("is_company", "=", "true", "proposed: the table holds companies");
  if (model === "crm.lead")
    assign(
      "type",
      "=",
      JSON.stringify(flavour === "opportunity" ? "opportunity" : "lead"),
      `proposed: ${flavour === "ticket-lead" ? "a ticket becomes a lead" : `the table holds ${flavour === "opportunity" ? "opportunities" : "leads"}`}`,
    );
  if (flavour === "ticket-lead") {
    shared.records.set("TicketTag", 'record crm.tag as TicketTag {\n  name = "Ticket"\n}');
    assign("tag_ids", "=", "record TicketTag", "proposed: tickets are told apart from leads by the tag Ticket");
  }
  if (flavour === "article-task") {
    shared.records.set(
      "KnowledgeBase",
      `record project.project as KnowledgeBase {\n  name = "Knowledge Base (from ${system})"\n}`,
    );
    assign("project_id", "=", "record KnowledgeBase", "proposed: articles are tasks of one Knowledge Base project");
  }
  if (model === "mail.message") {
    const email = flavour === "email";
    assign(
      "message_type",
      "=",
      JSON.stringify(email ? "email" : "comment"),
      `proposed: ${email ? "an e-mail" : "a logged activity or note"}`,
    );
    assign(
      "subtype_id",
      "=",
      `xmlid ${JSON.stringify(email ? "mail.mt_comment" : "mail.mt_note")}`,
      `proposed: ${email ? "shown as a message" : "an internal note"}`,
    );
  }

  // the record a message, activity, file or meeting belongs to
  const linkFields = LINK_FIELDS[model];
  if (linkFields) {
    const link = buildLink(shared, t, model);
    if (link) {
      assign(linkFields.join(", "), "<-", link.value, link.comment, {
        columns: link.columns,
        refs: link.objects.map((object) => ({ object, hard: true })),
        ...(model === "mail.message" || model === "mail.activity" ? { required: true } : {}),
      });
      report({
        kind: "linked",
        text: `${linkFields.join(", ")} ← ${link.columns.map((c) => `"${c}"`).join(", ")}`,
        score: link.score,
      });
    } else if (model === "mail.message" || model === "mail.activity") {
      return undefined;
    }
  }

  // a person's name from first and last name
  if (model === "res.partner" && flavour !== "company") {
    const first = columns.find((c) =>
      ["firstname", "givenname", "forename"].includes(squash(ownWords(c.name, "").join(" "))),
    );
    const last = columns.find((c) =>
      ["lastname", "surname", "familyname"].includes(squash(ownWords(c.name, "").join(" "))),
    );
    if (first && last) {
      assign(
        "name",
        "<-",
        `(${JSON.stringify(first.name)}, ${JSON.stringify(last.name)}) | join " "`,
        `0.90: "${first.name}" and "${last.name}" make the contact's name`,
        { columns: [first.name, last.name], required: true },
      );
      report({ kind: "matched", text: `name ← "${first.name}" + "${last.name}"`, score: 0.9 });
    }
  }

  // references into other migrated tables
  const referenceDrops = new Map<string, string>();
  const objectModel = (object: string) => {
    const target = shared.tables.find((x) => x.profile.table.object === object);
    const models = new Set(target?.maps.map((m) => m.model) ?? []);
    const role = target?.role.role;
    if (role?.kind === "map" && !role.fallback) return role.model;
    return models.size === 1 ? [...models][0] : undefined;
  };
  const refCandidates = t.references.filter((r) => !used.has(r.column) || model === "calendar.event");
  for (const reference of refCandidates.sort((a, b) => priority(shared, a) - priority(shared, b))) {
    if (MESSAGE_LIKE.has(model) && model !== "calendar.event" && used.has(reference.column)) continue;
    const column = columnNamed(reference.column);
    if (!column) continue;
    const cases = reference.typeColumn
      ? reference.typeColumn.cases
      : [{ value: "", object: reference.targets[0]!.object }];
    const byModel = new Map<string, Array<{ value: string; object: string }>>();
    for (const c of cases) {
      const m = objectModel(c.object);
      // a message's files are attachments; other messages and activities are no target of a field
      if (m && (m === "ir.attachment" || !MESSAGE_LIKE.has(m))) byModel.set(m, [...(byModel.get(m) ?? []), c]);
    }
    const chosen = [...byModel]
      .map(([m, cs]) => ({ model: m, cases: cs, field: pickRelational(fields, reference.column, m, set) }))
      .filter((x) => x.field);
    if (chosen.length === 0) {
      const into = reference.targets.map((x) => x.object).join(", ");
      referenceDrops.set(
        reference.column,
        `proposed: its values are keys of ${into}, but ${model} has no free field for them — review`,
      );
      continue;
    }
    for (const choice of chosen) {
      const target = choice.field!;
      const isSelf = choice.cases.some((c) => c.object === t.profile.table.object);
      if (model === "res.partner" && flavour === "company" && target.field.name === "parent_id" && isSelf) {
        referenceDrops.set(
          reference.column,
          "proposed: the parent company; parent_id would give a subsidiary its parent's address (MC2125): keep it in a custom many2one field — review",
        );
        continue;
      }
      const taken = set.get(target.field.name);
      if (
        taken &&
        target.field.type === "many2one" &&
        map.items.some((i) => i.kind === "assign" && i.targets === target.field.name && i.when)
      ) {
        referenceDrops.set(reference.column, `proposed: ${target.field.name} is already set from "${taken}" — review`);
        continue;
      }
      const first = column.guess.type === "list" && target.field.type === "many2one" ? " | first" : "";
      const score = round2(Math.min(0.95, 0.45 * reference.coverage + 0.5 * Math.max(target.score, 0.6)));
      const emptyWhen = taken ? `"${taken}" is empty` : undefined;
      for (const c of choice.cases) {
        const typeCondition = reference.typeColumn
          ? `"${reference.typeColumn.column}" == ${JSON.stringify(c.value)}`
          : undefined;
        const when = [emptyWhen, typeCondition].filter(Boolean).join(" and ") || undefined;
        const share = reference.targets.find((x) => x.object === c.object)?.share ?? reference.coverage;
        assign(
          target.field.name,
          "<-",
          `${JSON.stringify(reference.column)}${first} | ref ${c.object} on missing empty`,
          `${confidence(score)}: ${Math.round(share * 100)}% of its values are keys of ${c.object}; field ${target.field.label} (${target.field.name})`,
          {
            columns: [reference.column, ...(reference.typeColumn ? [reference.typeColumn.column] : [])],
            refs: [{ object: c.object, hard: false }],
            ...(when ? { when } : {}),
          },
        );
      }
      report({
        kind: "linked",
        text: `${target.field.name} ← "${reference.column}" (${choice.cases.map((c) => c.object).join(", ")})`,
        score,
      });
    }
  }

  // owners → Odoo users, matched by e-mail
  const owners = ownerTable(shared);
  if (owners) {
    const ranked = t.owners
      .filter((o) => !used.has(o.column))
      .sort((a, b) => ownerScore(b.column) - ownerScore(a.column) || b.share - a.share);
    const userField = model === "mail.message" ? field("author_id") : pickUserField(fields, set);
    const chosen = ranked[0];
    if (chosen && userField) {
      const lookup = ownerLookup(shared, owners, chosen.by);
      const chain =
        model === "mail.message" ? `lookup ${lookup} | lookup AuthorPartner` : `lookup ${lookup} | lookup OdooUser`;
      if (model === "mail.message")
        shared.lookups.set("AuthorPartner", "lookup AuthorPartner in odoo res.partner by email on missing empty");
      else
        shared.lookups.set(
          "OdooUser",
          'lookup OdooUser in odoo res.users by login on missing queue "create this user in Odoo, then run again"',
        );
      const score = round2(0.6 + 0.35 * chosen.share);
      assign(
        userField.name,
        "<-",
        `${JSON.stringify(chosen.column)} | ${chain}`,
        `${confidence(score)}: ${Math.round(chosen.share * 100)}% of its values are ${chosen.by === "key" ? "ids" : "names"} of ${owners.table.profile.table.object}, matched to ${model === "mail.message" ? "the user's partner" : "an Odoo user"} by e-mail`,
        { columns: [chosen.column] },
      );
      report({
        kind: "linked",
        text: `${userField.name} ← "${chosen.column}" (owner by ${chosen.by === "key" ? "id" : "name"})`,
        score,
      });
    }
    for (const other of ranked.slice(chosen && userField ? 1 : 0)) {
      referenceDrops.set(
        other.column,
        chosen && userField
          ? `proposed: it names a user too; ${userField.name} comes from "${chosen.column}" — review`
          : `proposed: it names an owner, and ${model} has no user field for it — review`,
      );
    }
  }

  // countries by name or code
  const country = field("country_id");
  if (country && !set.has("country_id")) {
    const column = columns.find(
      (c) =>
        !used.has(c.name) &&
        ["country", "countryregion", "address1country", "countryname", "countrycode"].includes(
          squash(ownWords(c.name, "").join(" ")),
        ),
    );
    if (column) {
      const byCode = [...column.distinct].every((v) => /^[A-Z]{2}$/.test(v)) && column.distinct.size > 0;
      const lookup = byCode ? "CountryByCode" : "CountryByName";
      shared.lookups.set(
        lookup,
        `lookup ${lookup} in odoo res.country by ${byCode ? "code" : "name"} on missing empty`,
      );
      assign(
        "country_id",
        "<-",
        `${JSON.stringify(column.name)} | lookup ${lookup}`,
        `0.90: "${column.name}" holds country ${byCode ? "codes" : "names"}, looked up in Odoo's countries`,
        { columns: [column.name] },
      );
      report({ kind: "matched", text: `country_id ← "${column.name}"`, score: 0.9 });
    }
  }

  // plain values, the best pairs first
  const pairs: FieldMatch[] = [];
  const candidates = columns.filter((c) => !used.has(c.name) && !referenceDrops.has(c.name));
  for (const column of candidates) pairs.push(...matchColumn(column, t.profile.table.table, model, fields));
  pairs.sort(byScore);
  const bestOf = new Map<string, FieldMatch>();
  for (const pair of pairs) if (!bestOf.has(pair.column)) bestOf.set(pair.column, pair);
  const chosenPairs: FieldMatch[] = [];
  for (const pair of pairs) {
    if (pair.score < MAP_THRESHOLD || pair.misfit) continue;
    if (
      used.has(pair.column) ||
      set.has(pair.field.name) ||
      chosenPairs.some((p) => p.column === pair.column || p.field.name === pair.field.name)
    )
      continue;
    chosenPairs.push(pair);
  }
  for (const pair of chosenPairs.sort(
    (a, b) => columns.findIndex((c) => c.name === a.column) - columns.findIndex((c) => c.name === b.column),
  )) {
    const steps = [...pair.steps];
    if (pair.valueMap) {
      const name = uniqueName(shared, `${t.profile.table.object}${pascal(pair.field.name)}`);
      shared.values.set(name, pair.valueMap);
      steps.push(`map ${name}`);
    }
    const required = pair.field.required && !pair.field.serverDefault;
    assign(
      pair.field.name,
      "<-",
      [JSON.stringify(pair.column), ...steps].join(" | "),
      `${confidence(pair.score)}: ${pair.reason}`,
      {
        columns: [pair.column],
        ...(required ? { required: true } : {}),
      },
    );
    report({ kind: "matched", text: `${pair.field.name} ← "${pair.column}"`, score: pair.score });
  }

  // required fields nothing matched: the likeliest text column, said to be a guess
  for (const required of fields.filter(
    (f) => f.required && !f.serverDefault && !["many2one", "many2many"].includes(f.type) && !set.has(f.name),
  )) {
    const free = columns.filter(
      (c) =>
        !used.has(c.name) &&
        !referenceDrops.has(c.name) &&
        fitValue(c, required).misfit === undefined &&
        c.guess.type !== "list",
    );
    const ranked = free
      .map((c) => ({
        column: c,
        score: Math.max(
          ...["name", "title", "subject", "label", required.label].map((w) =>
            nameSimilarity(ownWords(c.name, t.profile.table.table).join(" "), w),
          ),
        ),
      }))
      .sort((a, b) => b.score - a.score);
    const pick = ranked[0]?.column ?? (fitValue(columnOrKey(t), required).misfit ? undefined : columnOrKey(t));
    if (!pick) continue;
    const score = round2(Math.min(0.7, ranked[0]?.score ?? 0.3));
    const steps = fitValue(pick, required).steps;
    assign(
      required.name,
      "<-",
      [JSON.stringify(pick.name), ...steps].join(" | "),
      `${confidence(score)}: Odoo requires ${required.label} (${required.name}) and no column matches it well; "${pick.name}" is the likeliest — review`,
      { columns: [pick.name], required: true },
    );
    report({ kind: "matched", text: `${required.name} ← "${pick.name}" (required, guessed)`, score });
  }

  const demoted = fixPartnerRules(
    map,
    set,
    flavour,
    referenceDrops,
    new Set(fields.filter((f) => f.volatile).map((f) => f.name)),
  );
  t.report.entries = t.report.entries.filter(
    (e) => !(e.kind === "matched" && demoted.some((f) => e.text.startsWith(`${f} ←`))),
  );

  // custom properties the export's metadata lists
  if (t.properties) {
    map.items.push({
      kind: "raw",
      text: `custom properties prefix ${JSON.stringify(`x_${slug(system)}_`)}`,
      comment: `proposed: ${t.properties.columns.length} custom propert${t.properties.columns.length === 1 ? "y" : "ies"} listed in ${t.properties.path}${t.properties.columns.length ? `: ${t.properties.columns.map((c) => `"${c}"`).join(", ")}` : ""}`,
    });
    if (!guard || guard.kind === "requires")
      for (const column of t.properties.columns) t.report.entries.push({ kind: "custom", text: `"${column}"` });
  }

  // everything else is dropped, with its best candidate named
  const read = new Set(map.items.flatMap((i) => (i.kind === "assign" ? i.columns : [])));
  for (const column of columns) {
    if (read.has(column.name)) continue;
    const keyValues = t.keys.values;
    const copiesKey =
      column.unique && column.distinct.size === keyValues.size && [...column.distinct].every((v) => keyValues.has(v));
    const reason =
      referenceDrops.get(column.name) ??
      (copiesKey
        ? `proposed: the same values as the key "${t.key!.column}": nothing more to migrate`
        : dropReason(bestOf.get(column.name), set));
    map.items.push({ kind: "drop", column: column.name, reason });
    const best = bestOf.get(column.name);
    report({
      kind: "dropped",
      text: `"${column.name}"${best ? ` (best: ${best.field.name}? ${confidence(best.score)})` : ""}`,
    });
  }
  return map;
}

function columnOrKey(t: TableDraft): ColumnProfile {
  return t.profile.columns.find((c) => c.name === t.key!.column)!;
}

function dropReason(best: FieldMatch | undefined, set: ReadonlyMap<string, string>): string {
  if (!best) return "proposed: no Odoo field matches — review";
  const name = `${best.field.name}? ${confidence(best.score)}`;
  if (best.misfit && best.score >= MAP_THRESHOLD)
    return `proposed: it matches ${best.field.name} (${confidence(best.score)}), but ${best.misfit} — review`;
  const taken = set.get(best.field.name);
  if (taken && best.score >= MAP_THRESHOLD)
    return `proposed: best match ${name}, but ${best.field.name} comes from ${taken === "a constant" ? "a constant" : `"${taken}"`} — review`;
  return `proposed: no Odoo field matches (best: ${name}) — review`;
}

/** A lead's contact details: Odoo computes them from its partner (and copies e-mail and phone onto it). */
const LEAD_PARTNER_FIELDS = new Set([
  "email_from",
  "phone",
  "mobile",
  "contact_name",
  "partner_name",
  "function",
  "website",
  "street",
  "street2",
  "city",
  "zip",
  "state_id",
  "country_id",
  "title",
  "lang_id",
]);

/** Odoo's rules for partners and leads, applied to what was matched (see MC2121, MC2125–MC2127). */
function fixPartnerRules(
  map: MapDraft,
  set: Map<string, string>,
  flavour: Flavour | undefined,
  drops: Map<string, string>,
  volatile: ReadonlySet<string>,
): string[] {
  const assignments = () => map.items.filter((i): i is Extract<Item, { kind: "assign" }> => i.kind === "assign");
  const demoted: string[] = [];
  const demoteField = (field: string, why: string) => {
    demoted.push(field);
    for (const item of assignments().filter((i) => i.targets === field)) {
      map.items.splice(map.items.indexOf(item), 1);
      for (const column of item.columns) drops.set(column, why);
    }
    set.delete(field);
  };
  const sets = (field: string) => assignments().some((i) => i.targets === field);
  if (map.model === "crm.lead" && sets("partner_id")) {
    const partner = assignments().filter((i) => i.targets === "partner_id");
    const contactDetails = assignments().filter(
      (i) =>
        LEAD_PARTNER_FIELDS.has(i.targets) &&
        (volatile.has(i.targets) || i.targets === "email_from" || i.targets === "phone"),
    );
    if (partner.every((i) => i.when)) {
      // only some leads have a partner: the others keep their own contact details
      const column = partner[0]!.columns[0]!;
      for (const item of contactDetails) {
        item.when = `${JSON.stringify(column)} is empty`;
        item.comment += `; only without a partner, whose details Odoo would otherwise overwrite or copy (MC2121)`;
      }
    } else {
      for (const field of ["email_from", "phone"])
        if (sets(field))
          demoteField(
            field,
            `proposed: the lead has a partner, and Odoo would copy its ${field === "phone" ? "phone" : "e-mail"} onto that partner (MC2121) — review`,
          );
      // the lead's contact details are computed from its partner: written values would not stay
      for (const item of contactDetails.filter((i) => map.items.includes(i)))
        demoteField(
          item.targets,
          `proposed: Odoo computes ${item.targets} from the lead's partner (set by partner_id), so a written value would not stay — review`,
        );
    }
  }
  if (map.model === "res.partner" && flavour !== "company" && sets("parent_id")) {
    for (const field of ["vat", "company_registry"])
      if (sets(field))
        demoteField(field, `proposed: a contact with a company takes the company's ${field} (MC2127) — review`);
    const address = assignments().filter((i) =>
      ["street", "street2", "city", "zip", "state_id", "country_id"].includes(i.targets),
    );
    const tested = [...new Set(address.flatMap((i) => i.columns))];
    if (tested.length > 0) {
      const index = Math.max(...address.map((i) => map.items.indexOf(i))) + 1;
      map.items.splice(index, 0, {
        kind: "assign",
        id: -index,
        targets: "type",
        op: "=",
        value: '"other"',
        when: tested.map((c) => `${JSON.stringify(c)} is not empty`).join(" or "),
        comment:
          "proposed: a contact with an address of its own keeps it; Odoo gives a contact its company's address (MC2125)",
        columns: [],
        refs: [],
      });
    }
  }
  return demoted;
}

interface LinkProposal {
  value: string;
  comment: string;
  columns: string[];
  objects: string[];
  score: number;
}

/** `model, res_id <- link …`: the record a message, activity, file or meeting is on. */
function buildLink(shared: Shared, t: TableDraft, model: string): LinkProposal | undefined {
  // a file may sit on a message or a meeting too; messages and activities sit on records
  const onto = (m: string) => (model === "ir.attachment" ? m !== "ir.attachment" : !MESSAGE_LIKE.has(m));
  const recordObjects = new Set(
    shared.tables
      .filter((x) => x.role.role.kind === "map" && onto(x.role.role.model) && x.key && x !== t && x.maps.length + 1 > 0)
      .map((x) => x.profile.table.object),
  );
  const onMissing =
    model === "calendar.event"
      ? "on missing empty"
      : `on missing queue "the record this ${singularLabel(t)} belongs to is not in the export"`;
  const typed = t.references.find((r) => r.typeColumn && r.typeColumn.cases.some((c) => recordObjects.has(c.object)));
  if (typed) {
    const cases = typed.typeColumn!.cases.filter((c) => recordObjects.has(c.object));
    const score = round2(0.5 + 0.45 * typed.coverage);
    return {
      value: `link ${JSON.stringify(typed.typeColumn!.column)}, ${JSON.stringify(typed.column)} { ${cases.map((c) => `${JSON.stringify(c.value)} => ${c.object}`).join("  ")} } ${onMissing}`,
      comment: `${confidence(score)}: "${typed.typeColumn!.column}" names the table "${typed.column}" points into (${cases.map((c) => c.object).join(", ")})`,
      columns: [typed.typeColumn!.column, typed.column],
      objects: cases.map((c) => c.object),
      score,
    };
  }
  const single = t.references
    .filter((r) => !r.typeColumn && recordObjects.has(r.targets[0]!.object) && r.targets[0]!.share >= 0.5)
    .sort((a, b) => priority(shared, a) - priority(shared, b) || a.column.localeCompare(b.column));
  const seen = new Set<string>();
  const chosen = single.filter((r) => !seen.has(r.targets[0]!.object) && seen.add(r.targets[0]!.object));
  if (chosen.length === 0) return undefined;
  const score = round2(0.5 + 0.45 * Math.min(...chosen.map((r) => r.targets[0]!.share)));
  return {
    value: `link first { ${chosen.map((r) => `${JSON.stringify(r.column)} => ${r.targets[0]!.object}`).join("  ")} } ${onMissing}`,
    comment: `${confidence(score)}: the first of ${chosen.map((r) => `"${r.column}"`).join(", ")} that holds a key of ${chosen.map((r) => r.targets[0]!.object).join(", ")}`,
    columns: chosen.map((r) => r.column),
    objects: chosen.map((r) => r.targets[0]!.object),
    score,
  };
}

/** Deals before contacts before companies: a note on a deal belongs there first. */
function priority(shared: Shared, reference: Reference): number {
  const object = reference.targets[0]?.object;
  const target = shared.tables.find((x) => x.profile.table.object === object);
  const role = target?.role.role;
  if (role?.kind !== "map") return 9;
  const byFlavour: Partial<Record<Flavour, number>> = { opportunity: 0, lead: 1, person: 2, company: 3 };
  return (role.flavour && byFlavour[role.flavour]) ?? (role.model === "crm.lead" ? 1 : 4);
}

function pickRelational(
  fields: readonly FieldInfo[],
  column: string,
  model: string,
  set: ReadonlyMap<string, string>,
): { field: FieldInfo; score: number } | undefined {
  const noise = new Set(["associated", "ids", "id", "value", "record", "records", "results", "associations"]);
  const own = words(column.replace(/\[\]/g, "")).filter((w) => !noise.has(w) && w !== "hs" && w !== "properties");
  const preferred = ["partner_id", "partner_ids", "parent_id", "opportunity_id", "lead_id", "product_id", "team_id"];
  const candidates = fields
    .filter((f) => (f.type === "many2one" || f.type === "many2many") && f.relation === model)
    .filter((f) => !set.has(f.name) || f.type === "many2one")
    .map((f) => {
      const stripped = f.name.replace(/_ids?$/, "");
      const name = Math.max(nameSimilarity(own.join(" "), stripped), nameSimilarity(own.join(" "), f.label));
      const bonus = preferred.includes(f.name) ? 0.6 - preferred.indexOf(f.name) * 0.02 : 0;
      return { field: f, score: round2(Math.max(name, bonus)) };
    })
    .filter((c) => c.score >= 0.45)
    .sort((a, b) => b.score - a.score || a.field.name.localeCompare(b.field.name));
  return candidates[0];
}

function pickUserField(fields: readonly FieldInfo[], set: ReadonlyMap<string, string>): FieldInfo | undefined {
  const users = fields.filter((f) => f.relation === "res.users" && !set.has(f.name));
  return users.find((f) => f.name === "user_id") ?? users.find((f) => f.name === "user_ids") ?? users[0];
}

function ownerScore(column: string): number {
  const w = words(column);
  return (
    (w.some((x) => x.includes("owner")) ? 2 : 0) +
    (w.some((x) => x.includes("created") || x.includes("modified") || x.includes("owning")) ? -1 : 0)
  );
}

function ownerLookup(shared: Shared, owners: OwnerTable, by: "key" | "name"): string {
  const object = owners.table.profile.table.object;
  const where = owners.table.profile.table.path;
  if (by === "key") {
    shared.lookups.set(
      "OwnerEmail",
      `lookup OwnerEmail in source ${object} by ${JSON.stringify(owners.table.key!.column)} take ${JSON.stringify(owners.email)} on missing queue "owner not in ${where}"`,
    );
    return "OwnerEmail";
  }
  const key =
    owners.first && owners.last
      ? `(${JSON.stringify(owners.first)}, ${JSON.stringify(owners.last)}) | join " "`
      : JSON.stringify(owners.full);
  shared.lookups.set(
    "OwnerEmailByName",
    `lookup OwnerEmailByName in source ${object} by ${key} take ${JSON.stringify(owners.email)} on missing queue "owner not in ${where}"`,
  );
  return "OwnerEmailByName";
}

// ── Load order: a reference that would close a cycle waits for a second pass ───────────────────────

function applyDeferral(shared: Shared): void {
  const edges = new Map<string, Set<string>>();
  const add = (from: string, to: string) => edges.set(from, new Set([...(edges.get(from) ?? []), to]));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === to) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
    return false;
  };
  const assignments = shared.tables.flatMap((t) =>
    t.maps.flatMap((m) =>
      m.items
        .filter((i): i is Extract<Item, { kind: "assign" }> => i.kind === "assign")
        .map((item) => ({ object: t.profile.table.object, item })),
    ),
  );
  for (const { object, item } of assignments)
    for (const ref of item.refs) if (ref.hard && ref.object !== object) add(object, ref.object);
  for (const { object, item } of assignments) {
    for (const ref of item.refs) {
      if (ref.hard || ref.object === object) continue;
      if (reaches(ref.object, object)) {
        item.deferred = true;
        item.comment += `; written in a second pass (${ref.object} refers back to ${object})`;
      } else {
        add(object, ref.object);
      }
    }
  }
}

// ── Text ───────────────────────────────────────────────────────────────────────────────────────────

/** The spec, with `# @item N` markers after each assignment's line so errors can be traced back. */
function emit(shared: Shared): string {
  const { system, catalog, shownDir, exportDir } = shared.options;
  const out: string[] = [];
  out.push(
    `# Drafted by \`mapc propose\` from the export in ${shownDir ?? exportDir}, against the Odoo ${catalog.version} field catalog.`,
  );
  out.push("# Every source, map and field says how sure the proposal is (0–1) and why. Review it from the lowest");
  out.push("# confidence up, fix what is wrong, then `mapc check`, `mapc docs` and `mapc confirm`: no record moves");
  out.push("# before the customer confirms. Dropped columns say what they came closest to.");
  out.push(`mapping ${slug(system)} -> odoo ${catalog.version} ${JSON.stringify(`${system} to Odoo CRM (proposed)`)}`);
  out.push("");
  out.push("# ── Sources ──");
  const withColumns = shared.tables.filter((t) => t.profile.columns.length > 0);
  const ordered = [
    ...withColumns.filter((t) => t.role.role.kind === "owners"),
    ...withColumns.filter((t) => t.role.role.kind !== "owners"),
  ];
  for (const t of ordered) out.push(...emitSource(shared, t), "");
  if (shared.lookups.size > 0) {
    out.push("# ── Lookups ──");
    out.push("# Owners are never created: an owner without an Odoo user waits in the queue for the admin.");
    for (const name of [
      "OwnerEmail",
      "OwnerEmailByName",
      "OdooUser",
      "AuthorPartner",
      "CountryByName",
      "CountryByCode",
    ]) {
      const text = shared.lookups.get(name);
      if (text) out.push(text);
    }
    out.push("");
  }
  if (shared.values.size > 0) {
    out.push("# ── Value maps ──");
    for (const [name, entries] of shared.values) {
      out.push(`values ${name} {  # proposed: the export writes the choices' labels`);
      for (const [from, to] of entries) out.push(`  ${JSON.stringify(from)} => ${JSON.stringify(to)}`);
      out.push("  else => empty", "}", "");
    }
  }
  if (shared.records.size > 0) {
    out.push("# ── Records the target must have (mapc apply-schema creates them) ──");
    for (const record of shared.records.values()) out.push(record, "");
  }
  out.push("# ── Maps ──");
  for (const t of ordered) {
    for (const map of t.maps) out.push(...emitMap(map), "");
  }
  for (const t of ordered.filter((x) => x.role.role.kind === "document")) {
    out.push(...emitDocument(t), "");
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

function emitSource(shared: Shared, t: TableDraft): string[] {
  const table = t.profile.table;
  const lines: string[] = [];
  const key = t.key ? `key "${t.key.column}" (${confidence(t.key.confidence)}: ${t.key.reason})` : "no key found";
  lines.push(`# proposed: ${table.path}: ${table.seen}, ${t.profile.rows} rows; ${key}`);
  if (t.profile.problems.length > 0)
    lines.push(`# proposed: the survey could not read it: ${t.profile.problems.join("; ").replace(/\n/g, " ")}`);
  lines.push(
    `source ${table.object} ${JSON.stringify(table.table)} from ${table.format} ${JSON.stringify(table.path)} {`,
  );
  lines.push(`  key ${JSON.stringify(t.key?.column ?? t.profile.columns[0]?.name ?? "id")}`);
  if (table.settings.encoding) lines.push(`  encoding ${JSON.stringify(table.settings.encoding)}`);
  if (table.settings.delimiter) lines.push(`  delimiter ${JSON.stringify(table.settings.delimiter)}`);
  const declared = declaredColumns(t);
  const dateFormat = declared.find((c) => c.guess.dateFormat)?.guess.dateFormat;
  if (dateFormat) lines.push(`  dateFormat ${JSON.stringify(dateFormat)}`);
  const wallTimes = declared.some(
    (c) =>
      c.guess.type === "datetime" &&
      c.samples.some((v) => typeof v === "string" && !/(Z|[+-]\d{2}:?\d{2})$/i.test(v.trim())),
  );
  if (wallTimes)
    lines.push(
      '  timezone "UTC"  # proposed: times without an offset are read as UTC; name the zone the export was written in',
    );
  if (t.properties && t.maps.length > 0) {
    lines.push(
      `  custom properties from ${t.properties.format} ${JSON.stringify(t.properties.path)} ${t.properties.selector} ${JSON.stringify(t.properties.object)}`,
    );
  }
  for (const pattern of t.patterns)
    lines.push(`  drop ${JSON.stringify(pattern.pattern)} because ${JSON.stringify(pattern.reason)}`);
  const sourceDrops = sourceLevelDrops(shared, t);
  if (sourceDrops.columns.length > 0)
    lines.push(
      `  drop ${sourceDrops.columns.map((c) => JSON.stringify(c)).join(", ")} because ${JSON.stringify(sourceDrops.reason)}`,
    );
  lines.push("  columns {");
  for (const column of declared) {
    const note = column.guess.why.startsWith("no values")
      ? "  # proposed: empty in this export; the type is from its name"
      : column.guess.type === "file"
        ? "  # proposed: paths of files in the export"
        : "";
    lines.push(`    ${JSON.stringify(column.name)}: ${column.guess.type}${note}`);
  }
  lines.push("  }", "}");
  return lines;
}

/** The columns a source declares: all the survey found, less annotation columns no map reads and custom properties. */
function declaredColumns(t: TableDraft): ColumnProfile[] {
  const readByMaps = new Set(t.maps.flatMap((m) => m.items.flatMap((i) => (i.kind === "assign" ? i.columns : []))));
  const custom = t.maps.length > 0 ? new Set(t.properties?.columns ?? []) : new Set<string>();
  const patterned = new Set(t.patterns.flatMap((p) => p.columns));
  return t.profile.columns.filter(
    (c) => c.name === t.key?.column || readByMaps.has(c.name) || (!patterned.has(c.name) && !custom.has(c.name)),
  );
}

/** The columns a map may read: not the key, not an annotation a pattern drops, not a custom property the rule takes. */
function candidateColumns(t: TableDraft): ColumnProfile[] {
  const custom = new Set(t.properties?.columns ?? []);
  const patterned = new Set(t.patterns.flatMap((p) => p.columns));
  return t.profile.columns.filter((c) => c.name !== t.key?.column && !patterned.has(c.name) && !custom.has(c.name));
}

/** A source with no map: its columns are dropped there, except what its lookups read. */
function sourceLevelDrops(shared: Shared, t: TableDraft): { columns: string[]; reason: string } {
  if (t.maps.length > 0) return { columns: [], reason: "" };
  const role = t.role.role;
  const owners = role.kind === "owners" ? ownerTable(shared) : undefined;
  const lookupsUse = owners && owners.table === t && [...shared.lookups.keys()].some((k) => k.startsWith("OwnerEmail"));
  const read = new Set<string>(
    lookupsUse
      ? [
          owners.email,
          owners.table.key!.column,
          ...(shared.lookups.has("OwnerEmailByName")
            ? [owners.first, owners.last, owners.full].filter((x): x is string => Boolean(x))
            : []),
        ]
      : [],
  );
  if (role.kind === "document") return { columns: [], reason: "" };
  const columns = declaredColumns(t)
    .map((c) => c.name)
    .filter((c) => c !== t.key?.column && !read.has(c));
  const why =
    role.kind === "owners"
      ? lookupsUse
        ? "proposed: owners are matched to Odoo users by e-mail; nothing else of them migrates"
        : "proposed: no table names its owners by their id or name — review"
      : role.kind === "none"
        ? `proposed: table "${t.profile.table.table}" is not migrated: ${role.why} — review`
        : `proposed: table "${t.profile.table.table}" is not migrated: no column links its rows to a migrated record — review`;
  return { columns, reason: why };
}

function emitMap(map: MapDraft): string[] {
  const lines = [`# ${map.comment}`];
  const lossy = map.items.some((i) => i.kind === "drop") ? " lossy" : "";
  const alias = map.alias ? ` as ${map.alias}` : "";
  const guard = map.guard ? ` ${map.guard.kind} ${map.guard.module}` : "";
  lines.push(`map ${map.object} -> ${map.model}${alias}${lossy}${guard} {`);
  if (map.guard?.kind === "requires")
    lines.push(`  note "Used only when the target database has the ${map.guard.module} app (Odoo Enterprise)."`);
  for (const item of map.items) {
    if (item.kind === "raw") lines.push(`  ${item.text}${item.comment ? `  # ${item.comment}` : ""}`);
    else if (item.kind === "drop")
      lines.push(`  drop ${JSON.stringify(item.column)} because ${JSON.stringify(item.reason)}`);
    else {
      const flags = `${item.required ? " required" : ""}${item.deferred ? " deferred" : ""}${item.when ? ` when ${item.when}` : ""}`;
      lines.push(`  ${item.targets} ${item.op} ${item.value}${flags}  # ${item.comment}`);
      lines.push(`# @item ${item.id}`);
    }
  }
  lines.push("}");
  return lines;
}

function emitDocument(t: TableDraft): string[] {
  const columns = declaredColumns(t)
    .map((c) => c.name)
    .filter((c) => !c.includes(".") && !c.includes("["));
  const pick = (...names: string[]) => columns.filter((c) => names.includes(squash(c)));
  const show = [
    ...pick("name", "label", "title"),
    ...pick("enabled", "active", "isactive", "statecode", "status"),
    ...pick("type", "category", "objecttype", "primaryentity"),
  ].slice(0, 4);
  return [
    `# proposed ${confidence(t.role.confidence)}: ${t.role.reason}`,
    `document ${t.profile.table.object}s ${JSON.stringify(`${t.profile.table.table} (not migrated)`)} {`,
    "  kind workflow",
    `  from ${t.profile.table.object}`,
    ...(show.length > 0 ? [`  show ${show.map((c) => JSON.stringify(c)).join(", ")}`] : []),
    '  odoo "Automation Rules (base.automation) and server actions, rebuilt by the admin"',
    "}",
  ];
}

function stripMarkers(text: string): string {
  return text.replace(/\n# @item -?\d+$/gm, "");
}

/** Assignments the compiler refuses become drops with its message; false when none could be traced. */
function demote(
  shared: Shared,
  text: string,
  errors: ReadonlyArray<{ range: { start: { line: number } }; message: string; code: string }>,
): boolean {
  const lines = text.split("\n");
  let changed = false;
  for (const error of errors) {
    // each assignment is one line, followed by its marker comment
    const id = /^# @item (-?\d+)$/.exec(lines[error.range.start.line] ?? "")?.[1];
    if (id === undefined) continue;
    for (const t of shared.tables) {
      for (const map of t.maps) {
        const item = map.items.find((i) => i.kind === "assign" && i.id === Number(id));
        if (!item || item.kind !== "assign") continue;
        map.items.splice(map.items.indexOf(item), 1);
        const stillRead = new Set(map.items.flatMap((i) => (i.kind === "assign" ? i.columns : [])));
        for (const column of item.columns) {
          if (stillRead.has(column) || map.items.some((i) => i.kind === "drop" && i.column === column)) continue;
          const reason = `proposed: ${item.targets} was refused: ${error.code} ${error.message.replace(/`/g, "")} — review`;
          map.items.push({ kind: "drop", column, reason });
          t.report.entries.push({ kind: "dropped", text: `"${column}" (${error.code})` });
        }
        changed = true;
      }
    }
  }
  return changed;
}

// ── Report ─────────────────────────────────────────────────────────────────────────────────────────

function report(shared: Shared, detected: DetectedExport): ProposalReport {
  const { system, catalog, shownDir, exportDir } = shared.options;
  const notes = ignoredNotes(detected);
  for (const m of detected.metadata)
    notes.push(`metadata: ${m.path} (${m.format}: ${[...m.objects.keys()].join(", ")})`);
  return {
    title: `mapc propose: ${shownDir ?? exportDir} → ${slug(system)} -> odoo ${catalog.version}`,
    sources: shared.tables.map((t) => t.report),
    notes,
  };
}

// ── Names ──────────────────────────────────────────────────────────────────────────────────────────

function uniqueName(shared: Shared, wanted: string): string {
  const taken = new Set([
    ...shared.tables.map((t) => t.profile.table.object),
    ...shared.values.keys(),
    ...shared.records.keys(),
    ...shared.lookups.keys(),
  ]);
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`;
  return name;
}

function pascal(text: string): string {
  return words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

export function slug(system: string): string {
  return (
    system
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, "_")
      .replace(/^_+|_+$/g, "") || "source"
  );
}

function singularLabel(t: TableDraft): string {
  const role = t.role.role;
  if (role.kind === "map" && role.model === "mail.activity") return "task";
  if (role.kind === "map" && role.model === "ir.attachment") return "file";
  if (role.kind === "map" && role.model === "calendar.event") return "meeting";
  return "row";
}
