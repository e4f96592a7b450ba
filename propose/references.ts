// Keys and references between the tables of an export, told by their values: the column whose values are
// all different is the key; a column whose values are another table's keys refers to it ("Associated
// Company IDs" → companies, `_parentcustomerid_value` → accounts or contacts). A reference into several
// tables is told apart by a column naming the table (`…@Microsoft.Dynamics.CRM.lookuplogicalname`,
// "Associated Object Type", `objecttypecode`).
import type { ColumnProfile, TableProfile } from "./profile.js";
import { round2, singular, squash, words } from "./similarity.js";

export interface KeyGuess {
  column: string;
  confidence: number;
  reason: string;
}

export function guessKey(profile: TableProfile): KeyGuess | undefined {
  const table = profile.table.table;
  const preferred = new Set([
    "id",
    "recordid",
    "uuid",
    "guid",
    `${squash(singular(table))}id`,
    `${squash(profile.table.object)}id`,
  ]);
  const candidates = profile.columns.filter(
    (c) => !c.name.includes("@") && !c.name.includes("[]") && !c.name.startsWith("../"),
  );
  const unique = candidates.filter((c) => c.unique && ["id", "text", "integer", "url", "email"].includes(c.guess.type));
  const byName = unique.find((c) => preferred.has(squash(c.name)));
  if (byName)
    return {
      column: byName.name,
      confidence: 0.95,
      reason: `"${byName.name}" is named as the table's id and no two rows share it`,
    };
  const idLike = unique.find((c) => words(c.name).at(-1) === "id" || c.guess.type === "id");
  if (idLike) return { column: idLike.name, confidence: 0.85, reason: `"${idLike.name}" is an id no two rows share` };
  const first = unique[0];
  if (first)
    return { column: first.name, confidence: 0.7, reason: `"${first.name}" is the first column no two rows share` };
  const named = candidates.find((c) => preferred.has(squash(c.name))) ?? candidates[0];
  if (named)
    return {
      column: named.name,
      confidence: 0.4,
      reason: `no column is unique in the rows read; "${named.name}" is the likeliest`,
    };
  return undefined;
}

export interface Reference {
  column: string;
  /** the tables (source objects) its values are keys of, best first */
  targets: Array<{ object: string; share: number }>;
  /** a column naming which table each row's value is a key of, with its values */
  typeColumn?: { column: string; cases: Array<{ value: string; object: string }> };
  /** share of the column's values found among the targets' keys */
  coverage: number;
}

export interface OwnerReference {
  column: string;
  /** the owner table's key, or the names ("First Last") it lists */
  by: "key" | "name";
  share: number;
}

export interface TableKeys {
  object: string;
  table: string;
  key: string | undefined;
  values: ReadonlySet<string>;
  /** what a type column may call this table: `account`, `ACCOUNT`, `contacts`, `DEAL` */
  aliases: ReadonlySet<string>;
}

export function tableKeys(
  profile: TableProfile,
  key: string | undefined,
  entitySets: ReadonlyMap<string, string>,
): TableKeys {
  const values = key ? (profile.columns.find((c) => c.name === key)?.distinct ?? new Set<string>()) : new Set<string>();
  const table = profile.table.table;
  const aliases = new Set(
    [table, singular(table), profile.table.object, squash(table), squash(singular(table))].map((a) => a.toLowerCase()),
  );
  if (key && /^[a-z_]+id$/.test(key) && key.length > 2) aliases.add(key.slice(0, -2));
  for (const [logical, set] of entitySets)
    if (set.toLowerCase() === table.toLowerCase()) aliases.add(logical.toLowerCase());
  return { object: profile.table.object, table, key, values, aliases };
}

/** References of one table's columns into the tables that are migrated (`targets`). */
export function findReferences(
  profile: TableProfile,
  ownKey: string | undefined,
  targets: readonly TableKeys[],
): Reference[] {
  const references: Reference[] = [];
  for (const column of profile.columns) {
    if (column.name === ownKey || column.name.includes("@") || !isIdLike(column)) continue;
    const values = [...column.distinct];
    if (values.length === 0) continue;
    const hits = targets
      .map((t) => ({ object: t.object, hits: values.filter((v) => t.values.has(v)).length }))
      .filter((h) => h.hits > 0)
      .sort((a, b) => b.hits - a.hits || a.object.localeCompare(b.object));
    const covered = values.filter((v) => targets.some((t) => t.values.has(v))).length;
    const coverage = covered / values.length;
    if (coverage < 0.5 || covered < Math.min(2, values.length)) continue;
    // the row's own key again (HubSpot's properties.hs_object_id): no reference
    const ownTable = targets.find(
      (t) => t.key === ownKey && t.values === profile.columns.find((c) => c.name === ownKey)?.distinct,
    );
    if (ownTable && column.unique && hits.length === 1 && hits[0]!.object === ownTable.object) continue;
    const reference: Reference = {
      column: column.name,
      targets: hits.map((h) => ({ object: h.object, share: round2(h.hits / values.length) })),
      coverage: round2(coverage),
    };
    const typeColumn = findTypeColumn(
      profile,
      column,
      targets,
      reference.targets.map((t) => t.object),
    );
    if (typeColumn) reference.typeColumn = typeColumn;
    references.push(reference);
  }
  return references;
}

function isIdLike(column: ColumnProfile): boolean {
  const type = column.guess.type;
  if (type === "id" || type === "list") return true;
  if (type === "text") return [...column.distinct].slice(0, 50).every((v) => v.length <= 64 && !/\s/.test(v));
  return false;
}

/** The column that says which table a polymorphic id points into, and what it calls each table. */
function findTypeColumn(
  profile: TableProfile,
  column: ColumnProfile,
  targets: readonly TableKeys[],
  hit: readonly string[],
): Reference["typeColumn"] {
  const annotation = profile.columns.find((c) => c.name === `${column.name}@Microsoft.Dynamics.CRM.lookuplogicalname`);
  const idWords = new Set(words(column.name).filter((w) => !["id", "ids", "value", "type", "code"].includes(w)));
  const candidates = annotation
    ? [annotation]
    : profile.columns.filter(
        (c) =>
          c !== column &&
          c.guess.type === "text" &&
          c.distinct.size > 0 &&
          c.distinct.size <= 30 &&
          (words(c.name).some((w) => idWords.has(w) || w.includes("type")) || /type/i.test(c.name)),
      );
  for (const candidate of candidates) {
    const cases: Array<{ value: string; object: string }> = [];
    let unknown = 0;
    for (const value of [...candidate.distinct].sort()) {
      const target = targets.find((t) => t.aliases.has(value.toLowerCase()));
      if (target) cases.push({ value, object: target.object });
      else unknown++;
    }
    // it must name the tables the ids were found in, not only some other tables ("CALL", "EMAIL" as a task's type)
    const named = new Set(cases.map((c) => c.object));
    const covers = hit.filter((object) => named.has(object)).length / Math.max(1, hit.length);
    if (cases.length > 0 && (annotation || ((unknown === 0 || cases.length >= 2) && covers >= 0.5)))
      return { column: candidate.name, cases };
  }
  return undefined;
}

/** Columns whose values are the owners' keys, or their names ("Sophie Laurent"). */
export function findOwnerReferences(
  profile: TableProfile,
  ownKey: string | undefined,
  owners: { keys: ReadonlySet<string>; names: ReadonlySet<string> },
): OwnerReference[] {
  const found: OwnerReference[] = [];
  for (const column of profile.columns) {
    if (column.name === ownKey || column.name.includes("@") || column.guess.type === "list") continue;
    const values = [...column.distinct];
    if (values.length === 0) continue;
    const byKey = values.filter((v) => owners.keys.has(v)).length / values.length;
    const byName = values.filter((v) => owners.names.has(v.toLowerCase())).length / values.length;
    if (byKey >= 0.5 && isIdLike(column)) found.push({ column: column.name, by: "key", share: round2(byKey) });
    else if (byName >= 0.5) found.push({ column: column.name, by: "name", share: round2(byName) });
  }
  return found;
}
