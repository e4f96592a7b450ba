// Checks of a value map (`values DealStage { … }`): each source value once, records that exist, one `else`.
import type * as A from "../../grammar/ast.js";
import type { CompileContext } from "../context.js";
import { literalString } from "../literals.js";
import { checkXmlid } from "./values.js";

export function checkValueMap(decl: A.ValuesDecl, ctx: CompileContext): void {
  const seen = new Set<string>();
  for (const entry of decl.entries) {
    const key = literalString(entry.from);
    if (seen.has(key)) ctx.report("MC2205", entry.from.range, { map: decl.name.text, value: JSON.stringify(key) });
    seen.add(key);
    checkXmlid(entry.to, ctx);
  }
  for (const extra of decl.elses.slice(1)) ctx.report("MC2206", extra.range, { map: decl.name.text });
  if (decl.elses.length === 0)
    ctx.report(
      "MC2209",
      decl.name.range,
      { map: decl.name.text },
      "add `else => keep`, `else => empty` or `else => fail` to say what you want",
    );
}
