// Checks of a whole source, run once it is lowered: a key, and one made of declared columns; some columns.
import type * as A from "../../grammar/ast.js";
import type { PlanSource } from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import { didYouMean } from "../hints.js";

export function checkSource(decl: A.SourceDecl, source: PlanSource, ctx: CompileContext): void {
  checkKey(decl, source, ctx);
  if (source.columns.length === 0 && decl.name.text !== "")
    ctx.report("MC2016", decl.name.range, { object: decl.name.text });
}

/** Every row is known by its key: the source must name one, from its declared columns (or their `or` names). */
function checkKey(decl: A.SourceDecl, source: PlanSource, ctx: CompileContext): void {
  const keySetting = decl.settings.find((s) => s.key.text === "key");
  if (!keySetting) {
    ctx.report("MC2015", decl.name.range, { object: decl.name.text });
    return;
  }
  const declared = new Set(source.columns.flatMap((c) => [c.name, ...(c.alternatives ?? [])]));
  for (const [index, column] of source.key.entries()) {
    if (declared.has(column)) continue;
    ctx.report(
      "MC2013",
      keySetting.values[index]!.range,
      { column, object: decl.name.text },
      didYouMean(column, declared, '"'),
    );
  }
}
