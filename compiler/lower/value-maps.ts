// Value maps (`values DealStage { "closedwon" => xmlid "crm.stage_lead4"  else => fail }`), lowered; their
// checks are in checks/value-maps.ts.
import type * as A from "../../grammar/ast.js";
import type { CompileContext } from "../context.js";
import type { PlanValueMap } from "../../plan/types.js";

export function lowerValueMap(decl: A.ValuesDecl, ctx: CompileContext): PlanValueMap {
  return {
    name: decl.name.text,
    entries: decl.entries.map((e) => ({ from: ctx.literal(e.from), to: ctx.literal(e.to), line: e.range.start.line })),
    otherwise: lowerElse(decl.elses[0], ctx),
    line: decl.range.start.line,
  };
}

function lowerElse(policy: A.ElsePolicy | undefined, ctx: CompileContext): PlanValueMap["otherwise"] {
  if (!policy) return { kind: "fail" };
  return policy.kind === "value" ? { kind: "value", value: ctx.literal(policy.value) } : { kind: policy.kind };
}
