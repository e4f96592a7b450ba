// What a lookup or a reference does when it finds nothing: fail, leave empty, a default, the queue, a placeholder.
import type * as A from "../../grammar/ast.js";
import type { CompileContext } from "../context.js";
import type { MissingPolicy, PlanLiteral } from "../../plan/types.js";
import { resolveWritableField } from "../resolve/catalog.js";

/** The policy as written, or `fail` when none is: a miss never passes silently. */
export function lowerMissingPolicy(
  policy: A.MissingPolicy | undefined,
  ctx: CompileContext,
  model: string,
  quiet = false,
): MissingPolicy {
  if (!policy) return { kind: "fail" };
  switch (policy.kind) {
    case "fail":
    case "empty":
      return { kind: policy.kind };
    case "default":
      return { kind: "default", value: ctx.literal(policy.value) };
    case "queue":
      return { kind: "queue", reason: policy.reason?.text ?? "" };
    case "placeholder":
      return { kind: "placeholder", values: placeholderValues(policy.assignments, ctx, model, !quiet) };
  }
}

/** The placeholder's constants; checked (when `check`) against the model they will be created in. */
function placeholderValues(
  assignments: readonly A.Assignment[],
  ctx: CompileContext,
  model: string,
  check: boolean,
): Record<string, PlanLiteral> {
  const values: Record<string, PlanLiteral> = {};
  for (const assignment of assignments) {
    if (assignment.value.kind !== "constant" || assignment.targets.length !== 1) {
      if (check) ctx.report("MC2211", assignment.range);
      continue;
    }
    const field = assignment.targets[0]!;
    if (check && model !== "" && ctx.hasModel(model)) resolveWritableField(model, field, ctx);
    values[field.text] = ctx.literal(assignment.value.literal);
  }
  return values;
}
