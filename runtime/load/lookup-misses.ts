// What an Odoo lookup does with a key Odoo has no record for, when its policy is more than leaving the field
// empty: `default VALUE` writes that value (a standard record by external id, or a number), and
// `placeholder { … }` creates the record in Odoo, once per key, journaled so rollback removes it. A dry run
// cannot know the misses: they are settled here, before the phase that needs them is loaded.
import type { MissingPolicy, PlanLiteral, PlanLookup } from "../../plan/types.js";
import { placeholderValues } from "../execute/index.js";
import type { StagingStore } from "../stage/index.js";
import { IMPORT_CONTEXT } from "./phase.js";
import type { OdooTransport } from "./transport.js";

export interface MissedLookup {
  name: string;
  model: string;
  key: PlanLookup["key"];
  onMissing: MissingPolicy;
  /** every key asked, and the id Odoo answered (null: none) */
  answers: Map<string, number | null>;
}

/**
 * Fills the misses of each lookup in place: with the default's id, or with a placeholder created now.
 * Returns the placeholders created, as (lookup, key), for the report.
 */
export async function settleLookupMisses(
  odoo: OdooTransport,
  store: StagingStore,
  phase: string,
  lookups: readonly MissedLookup[],
  /** a standard record's id, from the load's answers (asked ahead) */
  xmlidOf: (xmlid: string) => Promise<number | undefined>,
): Promise<Array<{ lookup: string; key: string; odooId: number }>> {
  const created: Array<{ lookup: string; key: string; odooId: number }> = [];
  for (const lookup of lookups) {
    const misses = [...lookup.answers].filter(([, id]) => id === null).map(([key]) => key);
    if (misses.length === 0) continue;
    if (lookup.onMissing.kind === "default") {
      const id = await literalId(xmlidOf, lookup.onMissing.value);
      for (const key of misses) lookup.answers.set(key, id);
    } else if (lookup.onMissing.kind === "placeholder") {
      // A lookup matches a key ignoring case when Odoo lacks it as written: `Hot` and `hot` are one record.
      const byCase = new Map<string, string[]>();
      for (const key of misses) byCase.set(key.toLowerCase(), [...(byCase.get(key.toLowerCase()) ?? []), key]);
      const firsts = [...byCase.values()].map((keys) => keys[0]!);
      const values = await Promise.all(firsts.map((key) => createdValues(xmlidOf, lookup, key)));
      const ids = await odoo.executeKw<number[]>(lookup.model, "create", [values], { context: IMPORT_CONTEXT });
      firsts.forEach((first, index) => {
        const odooId = ids[index]!;
        store.journal({ phase, op: "create", model: lookup.model, odooId, externalId: null });
        for (const key of byCase.get(first.toLowerCase())!) {
          lookup.answers.set(key, odooId);
          created.push({ lookup: lookup.name, key, odooId });
        }
      });
    }
  }
  return created;
}

/** The database id a default stands for: a standard record's, or a number written as it is. */
async function literalId(
  xmlidOf: (xmlid: string) => Promise<number | undefined>,
  value: PlanLiteral,
): Promise<number | null> {
  if (typeof value === "number") return value;
  if (value === null || typeof value !== "object") return null;
  return (await xmlidOf(value.xmlid)) ?? null;
}

/** The placeholder's values (execute/placeholders.ts), a standard record named by external id as its id. */
async function createdValues(
  xmlidOf: (xmlid: string) => Promise<number | undefined>,
  lookup: MissedLookup,
  key: string,
): Promise<Record<string, unknown>> {
  if (lookup.onMissing.kind !== "placeholder") return {};
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(placeholderValues(lookup.onMissing.values, key, lookup)))
    values[field] = value !== null && typeof value === "object" ? await literalId(xmlidOf, value) : value;
  return values;
}
