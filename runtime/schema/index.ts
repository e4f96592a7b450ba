// apply-schema: creates in the target what the spec declares: custom models (with an access right, without
// which nobody, not even the administrator, can use them), custom x_ fields, and the records the spec
// declares (sales teams, stages, tags, activity types). Safe to run again: what
// exists is left alone. Journaled like a run, so `mapc rollback` removes it.
import type { PlanCustomField, PlanLiteral, PlanRecord, TransformPlan } from "../../plan/types.js";
import type { OdooTransport } from "../load/index.js";
import { IMPORT_CONTEXT } from "../load/phase.js";
import type { StagingStore } from "../stage/index.js";

export interface SchemaChange {
  kind: "model" | "access" | "field" | "record";
  name: string;
  status: "created" | "exists";
}

const PHASE = "apply-schema";

export async function applySchema(
  plan: TransformPlan,
  odoo: OdooTransport,
  store: StagingStore,
): Promise<SchemaChange[]> {
  const changes: SchemaChange[] = [];
  for (const model of plan.customModels) {
    const fields = plan.customFields.filter((f) => f.model === model.model);
    changes.push(...(await ensureModel(odoo, store, model.model, model.label, fields)));
  }
  for (const field of plan.customFields.filter((f) => !f.onCustomModel))
    changes.push(await ensureField(odoo, store, field));
  for (const record of plan.records) changes.push(await ensureRecord(odoo, store, record));
  return changes;
}

/**
 * A record the spec declares (a sales team, a stage, a tag, an activity type), created through `load`
 * under its external id, so a second apply-schema finds it and leaves it as it is.
 */
async function ensureRecord(odoo: OdooTransport, store: StagingStore, record: PlanRecord): Promise<SchemaChange> {
  const [module, name] = [
    record.xmlid.slice(0, record.xmlid.indexOf(".")),
    record.xmlid.slice(record.xmlid.indexOf(".") + 1),
  ];
  const found = await odoo.executeKw<Array<{ res_id: number }>>(
    "ir.model.data",
    "search_read",
    [
      [
        ["module", "=", module],
        ["name", "=", name],
      ],
    ],
    { fields: ["res_id"] },
  );
  const label = `${record.model} ${record.name}`;
  if (found[0]) {
    store.setIdMap(record.xmlid, record.model, found[0].res_id, false, null);
    return { kind: "record", name: label, status: "exists" };
  }
  const fields = Object.keys(record.values);
  const columns = ["id", ...fields.map((f) => (isXmlid(record.values[f]) ? `${f}/id` : f))];
  const row = [record.xmlid, ...fields.map((f) => cellOf(record.values[f]))];
  const answer = await odoo.executeKw<{ ids: number[] | false; messages: Array<{ message: string }> }>(
    record.model,
    "load",
    [columns, [row]],
    { context: IMPORT_CONTEXT },
  );
  if (!answer.ids) throw new Error(`Odoo refused record ${label}: ${answer.messages.map((m) => m.message).join("; ")}`);
  store.journal({ phase: PHASE, op: "create", model: record.model, odooId: answer.ids[0]!, externalId: record.xmlid });
  store.setIdMap(record.xmlid, record.model, answer.ids[0]!, true, null);
  return { kind: "record", name: label, status: "created" };
}

function isXmlid(value: PlanLiteral | undefined): value is { xmlid: string } {
  return typeof value === "object" && value !== null && "xmlid" in value;
}

function cellOf(value: PlanLiteral | undefined): string {
  if (value === null || value === undefined) return "";
  if (isXmlid(value)) return value.xmlid;
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

async function modelId(odoo: OdooTransport, model: string): Promise<number | undefined> {
  return (await odoo.executeKw<number[]>("ir.model", "search", [[["model", "=", model]]]))[0];
}

async function ensureModel(
  odoo: OdooTransport,
  store: StagingStore,
  model: string,
  label: string,
  fields: PlanCustomField[],
): Promise<SchemaChange[]> {
  const existing = await modelId(odoo, model);
  if (existing !== undefined) {
    const changes: SchemaChange[] = [{ kind: "model", name: model, status: "exists" }];
    for (const field of fields) changes.push(await ensureField(odoo, store, field));
    return changes;
  }
  // Odoo requires a manual model to be created with at least one field: x_name, unless the spec lists it.
  const withName = fields.some((f) => f.name === "x_name")
    ? fields
    : [
        {
          model,
          name: "x_name",
          type: "char",
          label: "Name",
          required: false,
          onCustomModel: true,
          line: 0,
        } as PlanCustomField,
        ...fields,
      ];
  const id = await odoo.executeKw<number>("ir.model", "create", [
    { name: label, model, state: "manual", field_id: withName.map((f) => [0, 0, fieldValues(f)]) },
  ]);
  store.journal({ phase: PHASE, op: "create", model: "ir.model", odooId: id, externalId: null });
  const group = await odoo.executeKw<Array<{ res_id: number }>>(
    "ir.model.data",
    "search_read",
    [
      [
        ["module", "=", "base"],
        ["name", "=", "group_user"],
      ],
    ],
    { fields: ["res_id"] },
  );
  const access = await odoo.executeKw<number>("ir.model.access", "create", [
    {
      name: `access_${model}_user`,
      model_id: id,
      ...(group[0] ? { group_id: group[0].res_id } : {}),
      perm_read: true,
      perm_write: true,
      perm_create: true,
      perm_unlink: true,
    },
  ]);
  store.journal({ phase: PHASE, op: "create", model: "ir.model.access", odooId: access, externalId: null });
  return [
    { kind: "model", name: model, status: "created" },
    { kind: "access", name: `access_${model}_user (internal users)`, status: "created" },
    ...withName.map((f) => ({ kind: "field" as const, name: `${model}.${f.name}`, status: "created" as const })),
  ];
}

async function ensureField(odoo: OdooTransport, store: StagingStore, field: PlanCustomField): Promise<SchemaChange> {
  const name = `${field.model}.${field.name}`;
  const found = await odoo.executeKw<number[]>("ir.model.fields", "search", [
    [
      ["model", "=", field.model],
      ["name", "=", field.name],
    ],
  ]);
  if (found.length > 0) return { kind: "field", name, status: "exists" };
  const model = await modelId(odoo, field.model);
  if (model === undefined)
    throw new Error(`model ${field.model} is not in the target database; install the app that brings it first`);
  const id = await odoo.executeKw<number>("ir.model.fields", "create", [{ model_id: model, ...fieldValues(field) }]);
  store.journal({ phase: PHASE, op: "create", model: "ir.model.fields", odooId: id, externalId: null });
  return { kind: "field", name, status: "created" };
}

function fieldValues(field: PlanCustomField): Record<string, unknown> {
  return {
    name: field.name,
    ttype: field.type,
    field_description: field.label,
    required: field.required,
    state: "manual",
    ...(field.relation ? { relation: field.relation } : {}),
    ...(field.selection ? { selection: pythonSelection(field.selection) } : {}),
  };
}

/** ir.model.fields.selection takes the options as a Python literal: [('gold', 'Gold'), …]. */
function pythonSelection(options: ReadonlyArray<[string, string]>): string {
  const literal = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return `[${options.map(([value, label]) => `(${literal(value)}, ${literal(label)})`).join(", ")}]`;
}
