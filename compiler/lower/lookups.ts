// Lookups (`lookup Owner in odoo res.users by email on missing queue`): their model, key and inputs.
import type * as A from "../../grammar/ast.js";
import type { CompileContext } from "../context.js";
import { checkColumn } from "./conditions.js";
import { lookupModel, lowerExpression, primaryMappingOf } from "./expressions.js";
import { lowerMissingPolicy } from "./missing-policy.js";
import type { PlanLookup } from "../../plan/types.js";
import { didYouMean } from "../hints.js";
import { resolveModel } from "../resolve/catalog.js";

export function lowerLookup(decl: A.LookupDecl, ctx: CompileContext): PlanLookup {
  const model = decl.take ? "" : lookupModel(decl, ctx);
  const key = decl.against === "source" ? lowerSourceKey(decl, ctx) : lowerModelKey(decl, ctx);
  return {
    name: decl.name.text,
    against: decl.against,
    target: decl.target.text,
    model,
    key,
    ...(decl.take ? { take: decl.take.text } : {}),
    onMissing: lowerMissingPolicy(decl.onMissing, ctx, model),
    line: decl.range.start.line,
  };
}

/** A source lookup matches a chain computed over the other object's rows, e.g. its owners' full names. */
function lowerSourceKey(decl: A.LookupDecl, ctx: CompileContext): PlanLookup["key"] {
  const source = ctx.symbols.sources.get(decl.target.text);
  if (!source && decl.target.text !== "") {
    ctx.report(
      "MC2017",
      decl.target.range,
      { name: decl.target.text },
      didYouMean(decl.target.text, ctx.symbols.sources.keys()),
    );
  }
  if (decl.take) checkColumn(decl.take, { ctx, source, hasItem: false });
  else if (
    source &&
    !primaryMappingOf(decl.target.text, ctx) &&
    (ctx.symbols.mapsBySource.get(decl.target.text)?.length ?? 0) > 1
  ) {
    const choices = (ctx.symbols.mapsBySource.get(decl.target.text) ?? [])
      .map((m) => `\`${m.alias?.text ?? m.source.text}\``)
      .join(", ");
    ctx.report(
      "MC2312",
      decl.target.range,
      { object: decl.target.text, choices },
      'a lookup yields one record per row: add `take "<column>"`, or look in one map\'s records with `in staged <model> by <field>`',
    );
  }
  if (decl.key.kind === "field") {
    ctx.report(
      "MC2018",
      decl.key.name.range,
      { column: decl.key.name.text, object: decl.target.text },
      `columns are quoted: \`by "${decl.key.name.text}"\``,
    );
    return { kind: "field", name: decl.key.name.text };
  }
  const lowered = lowerExpression(decl.key.expression, { ctx, source, hasItem: false });
  return { kind: "expression", input: lowered.input, steps: lowered.steps };
}

function lowerModelKey(decl: A.LookupDecl, ctx: CompileContext): PlanLookup["key"] {
  const model = decl.target.text;
  if (decl.take)
    ctx.report("MC2202", decl.take.range, { name: "take", problem: "works only for lookups in source objects" });
  if (decl.key.kind === "expression") {
    ctx.report(
      "MC2103",
      decl.key.expression.range,
      { field: "", model, version: ctx.version },
      "a lookup in Odoo matches a field of the model: name it without quotes, e.g. `by email`",
    );
    return { kind: "field", name: "" };
  }
  if (resolveModel(decl.target, ctx) && !ctx.field(model, decl.key.name.text)) {
    ctx.report(
      "MC2103",
      decl.key.name.range,
      { field: decl.key.name.text, model, version: ctx.version },
      didYouMean(decl.key.name.text, ctx.fieldNames(model)),
    );
  }
  return { kind: "field", name: decl.key.name.text };
}
