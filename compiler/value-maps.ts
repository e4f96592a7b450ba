// Value maps (`values DealStage { "closedwon" => xmlid "crm.stage_lead4"  else => fail }`).
import type * as A from "../grammar/ast.js";
import type { CompileContext } from "./context.js";
import { literalString } from "./literals.js";
import type { PlanValueMap } from "../plan/types.js";
import { isKnownXmlid } from "./targets.js";

export function lowerValueMap(decl: A.ValuesDecl, ctx: CompileContext): PlanValueMap {
  const seen = new Set<string>();
  for (const entry of decl.entries) {
    const key = literalString(entry.from);
    if (seen.has(key)) ctx.report("MC2205", entry.from.range, { map: decl.name.text, value: JSON.stringify(key) });
    seen.add(key);
    if (entry.to.kind === "xmlid" && !isKnownXmlid(entry.to.value, ctx)) {
      ctx.report(
        "MC2113",
        entry.to.range,
        { xmlid: entry.to.value, version: ctx.version },
        "fine if the customer's database has it; otherwise create it first",
      );
    }
  }
  for (const extra of decl.elses.slice(1)) ctx.report("MC2206", extra.range, { map: decl.name.text });
  if (decl.elses.length === 0)
    ctx.report(
      "MC2209",
      decl.name.range,
      { map: decl.name.text },
      "add `else => keep`, `else => empty` or `else => fail` to say what you want",
    );
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
