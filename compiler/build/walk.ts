// Questions about the plan that decide what a generated module contains.
import type { PlanCondition, PlanMapping, PlanStep, TransformPlan } from "../../plan/types.js";

export function mappingsOf(plan: TransformPlan, source: string): PlanMapping[] {
  return plan.mappings.filter((mapping) => mapping.source === source);
}

/** Every step of a mapping: assignment chains, the fan-out and the dedupe key. */
export function stepsOf(mapping: PlanMapping): PlanStep[] {
  const chains = mapping.assignments.flatMap((assignment) =>
    assignment.value.kind === "expression" ? assignment.value.steps : [],
  );
  return [...chains, ...(mapping.each?.steps ?? []), ...(mapping.dedupe?.steps ?? [])];
}

export function valueMapsUsed(plan: TransformPlan): Set<string> {
  const steps = plan.mappings.flatMap(stepsOf);
  return new Set(steps.flatMap((step) => (step.op === "map" ? [step.valueMap] : [])));
}

/**
 * Whether a mapping's code reads the context: the target database's modules (a guard or an `installed`
 * condition) or a lookup read ahead (`"type_id" | lookup TypeFlag in (…)`).
 */
export function usesContext(mapping: PlanMapping): boolean {
  const conditions = [mapping.where, ...mapping.assignments.map((assignment) => assignment.when)];
  return (
    mapping.guard !== undefined || conditions.some((condition) => condition !== undefined && readsContext(condition))
  );
}

export function readsContext(condition: PlanCondition): boolean {
  switch (condition.op) {
    case "installed":
      return true;
    case "and":
    case "or":
      return condition.operands.some(readsContext);
    case "not":
      return readsContext(condition.operand);
    default:
      return (condition.through ?? []).length > 0;
  }
}
