// Before anything is written: what the target database really is. Its installed modules decide the
// `requires`/`unless` maps; its fields (fields_get) are compared with what the plan writes. Anything missing
// stops the run with the exact list and the command that fixes it.
import pLimit from "p-limit";
import type { TransformPlan } from "../../plan/types.js";
import type { OdooTransport } from "./transport.js";
import { fetchXmlids } from "./xmlids.js";

export interface LiveField {
  type: string;
  relation?: string;
  required?: boolean;
  /** what a computed field is computed from; empty for a plain field, absent when the server did not say */
  depends?: string[];
  /** whether a create that leaves the field out gets a default (default_get); absent when unknown */
  defaulted?: boolean;
}

export interface TargetSchema {
  installedModules: Set<string>;
  /** model → field → description, for every model the active maps write */
  fields: Map<string, Map<string, LiveField>>;
}

export class SchemaMismatchError extends Error {
  constructor(readonly missing: string[]) {
    super(`the target database lacks what the spec needs:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
  }
}

const METADATA_JOBS = 3;

export async function readInstalledModules(odoo: OdooTransport): Promise<Set<string>> {
  const modules = await odoo.executeKw<Array<{ name: string }>>(
    "ir.module.module",
    "search_read",
    [[["state", "=", "installed"]]],
    {
      fields: ["name"],
    },
  );
  return new Set(modules.map((m) => m.name));
}

/** The target's installed modules and the fields of every model the plan writes; SchemaMismatchError lists what is missing. */
export async function readTargetSchema(
  plan: TransformPlan,
  odoo: OdooTransport,
  modules?: Set<string>,
): Promise<TargetSchema> {
  const installedModules = modules ?? (await readInstalledModules(odoo));
  const fields = new Map<string, Map<string, LiveField>>();
  const missing: string[] = [];
  const models = new Set(activeMappings(plan, installedModules).map((mapping) => mapping.model));
  // a model only looked up in needs to exist, not to be described: one call for all of them
  const lookedUp = [
    ...new Set(plan.lookups.filter((l) => l.against === "odoo" && !models.has(l.model)).map((l) => l.model)),
  ];
  const limit = pLimit(METADATA_JOBS);
  const [described, existing] = await Promise.all([
    // read-only metadata: asked of the server's workers in parallel
    Promise.all(
      [...models].map((model) =>
        limit(async () => {
          try {
            return { model, fields: await describeModel(odoo, model, writtenFields(plan, model, installedModules)) };
          } catch (error) {
            const custom = plan.customModels.some((m) => m.model === model);
            return {
              model,
              problem: custom
                ? `custom model ${model} (declared in the spec)`
                : `model ${model}: ${(error as Error).message}`,
            };
          }
        }),
      ),
    ),
    lookedUp.length === 0
      ? []
      : odoo.executeKw<Array<{ model: string }>>("ir.model", "search_read", [[["model", "in", lookedUp]]], {
          fields: ["model"],
        }),
  ]);
  const present = new Set(existing.map((row) => row.model));
  for (const model of lookedUp) if (!present.has(model)) missing.push(`model ${model} (looked up in by the spec)`);
  for (const answer of described) {
    if (answer.fields) fields.set(answer.model, answer.fields);
    else missing.push(answer.problem);
  }
  for (const mapping of activeMappings(plan, installedModules)) {
    const known = fields.get(mapping.model);
    if (!known) continue;
    for (const field of mapping.assignments.flatMap((a) => a.fields)) {
      if (known.has(field)) continue;
      const custom = plan.customFields.some((f) => f.model === mapping.model && f.name === field);
      missing.push(`${custom ? "custom field" : "field"} ${mapping.model}.${field} (map ${mapping.id})`);
    }
  }
  const declared = await fetchXmlids(
    odoo,
    plan.records.map((record) => record.xmlid),
  );
  for (const record of plan.records)
    if (!declared.has(record.xmlid)) missing.push(`record ${record.model} ${record.name} (${record.xmlid})`);
  if (missing.length > 0) throw new SchemaMismatchError([...new Set(missing)]);
  return { installedModules, fields };
}

/**
 * A model's fields as the loader needs them: type, relation, required, whether Odoo computes them, and
 * whether a create that leaves them out gets a default. The last two decide which empty cells a new record
 * can be sent with (phase.ts); a server that cannot say leaves them unknown, and the loader stays careful.
 */
export async function describeModel(
  odoo: OdooTransport,
  model: string,
  written: readonly string[],
): Promise<Map<string, LiveField>> {
  const described = await odoo.executeKw<Record<string, LiveField>>(model, "fields_get", [], {
    attributes: ["type", "relation", "required", "depends"],
  });
  const fields = new Map(Object.entries(described));
  const known = written.filter((name) => fields.has(name));
  for (const [name, defaulted] of await defaultedFields(odoo, model, known))
    fields.set(name, { ...fields.get(name)!, defaulted });
  return fields;
}

/**
 * Which of these fields a create fills with a default. default_get answers for all of them at once, unless
 * one default is something XML-RPC cannot carry (None, seen on Odoo 17's res.partner): then each is asked
 * alone, and a field whose answer cannot be had stays unknown.
 */
async function defaultedFields(
  odoo: OdooTransport,
  model: string,
  names: readonly string[],
): Promise<Map<string, boolean>> {
  if (names.length === 0) return new Map();
  try {
    const defaults = await odoo.executeKw<Record<string, unknown>>(model, "default_get", [[...names]]);
    return new Map(names.map((name) => [name, name in defaults]));
  } catch {
    const answers = new Map<string, boolean>();
    for (const name of names) {
      try {
        answers.set(name, name in (await odoo.executeKw<Record<string, unknown>>(model, "default_get", [[name]])));
      } catch {
        // unknown: the loader keeps leaving this field's empty cells out
      }
    }
    return answers;
  }
}

/** The fields the active maps of this model write (both halves of a link). */
export function writtenFields(plan: TransformPlan, model: string, installedModules: ReadonlySet<string>): string[] {
  return [
    ...new Set(
      activeMappings(plan, installedModules)
        .filter((m) => m.model === model)
        .flatMap((m) => m.assignments.flatMap((a) => a.fields)),
    ),
  ];
}

/** The maps that apply to this database: unguarded ones, `requires` ones whose module is installed, `unless` ones whose is not. */
export function activeMappings(plan: TransformPlan, installedModules: ReadonlySet<string>): TransformPlan["mappings"] {
  return plan.mappings.filter(
    (m) => !m.guard || (m.guard.kind === "requires") === installedModules.has(m.guard.module),
  );
}
