// `--sample N`: N records per map, picked the same way every time, plus everything they point to, so a
// sampled deal lands with its contact and company and the sample can be checked in Odoo as a whole.
import { createHash } from "node:crypto";
import type { TransformPlan } from "../../plan/types.js";
import type { TargetValue } from "../execute/index.js";
import type { StagingStore } from "../stage/index.js";

export function sampleClosure(plan: TransformPlan, store: StagingStore, perMap: number): Set<string> {
  const chosen = new Set<string>();
  const pending: string[] = [];
  for (const mapping of plan.loadOrder.phases) {
    // A hash of the external id spreads the pick over the export instead of taking its first rows.
    const ids = store
      .stagedIds(mapping)
      .sort((a, b) => order(a).localeCompare(order(b)))
      .slice(0, perMap);
    for (const id of ids) if (!chosen.has(id)) pending.push(id);
    ids.forEach((id) => chosen.add(id));
  }
  while (pending.length > 0) {
    const record = store.record(pending.pop()!);
    if (!record) continue;
    for (const target of referencedIds([...Object.values(record.values), ...Object.values(record.deferred)])) {
      if (chosen.has(target) || !store.record(target)) continue;
      chosen.add(target);
      pending.push(target);
    }
  }
  return chosen;
}

function order(externalId: string): string {
  return createHash("sha1").update(externalId).digest("hex");
}

function referencedIds(values: readonly TargetValue[]): string[] {
  const found: string[] = [];
  const visit = (value: TargetValue): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value !== null && typeof value === "object" && "xmlid" in value && typeof value.xmlid === "string")
      found.push(value.xmlid);
  };
  values.forEach(visit);
  return found;
}
