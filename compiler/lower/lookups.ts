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
  const model = lookupModel(decl, ctx);
  const key = decl.against === "source" ? lowerSourceKey(decl, ctx) : lowerModelKey(decl, ctx);
  const takeChain = decl.takeChain ? lowerTakeChain(decl, decl.takeChain, ctx) : undefined;
  return {
    name: decl.name.text,
    against: decl.against,
    target: decl.target.text,
    model,
    key,
    ...(decl.take ? { take: decl.take.text } : {}),
    ...(takeChain ? { takeChain } : {}),
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
    !decl.takeChain &&
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
  if (decl.take) checkOdooTake(decl, decl.take, ctx);
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

/**
 * `lookup UserPartner in odoo res.users by login take partner_id`: the lookup yields the record a many2one of
 * the found one names. A placeholder cannot stand in for it: the key field is on the model searched, not on
 * the record yielded.
 */
function checkOdooTake(decl: A.LookupDecl, take: A.Name, ctx: CompileContext): void {
  if (decl.against === "staged") {
    ctx.report("MC2202", take.range, { name: "take", problem: "works for lookups in Odoo or in source objects" });
    return;
  }
  if (!resolveModel(decl.target, ctx)) return;
  const field = ctx.field(decl.target.text, take.text);
  if (!field)
    ctx.report(
      "MC2103",
      take.range,
      { field: take.text, model: decl.target.text, version: ctx.version },
      didYouMean(take.text, ctx.fieldNames(decl.target.text)),
    );
  else if (field.type !== "many2one")
    ctx.report(
      "MC2202",
      take.range,
      { name: "take", problem: `in Odoo takes a many2one field, and \`${take.text}\` is ${field.type}` },
      "look up the model that field's record is in, by a field of its own",
    );
  if (decl.onMissing?.kind === "placeholder")
    ctx.report(
      "MC2202",
      decl.onMissing.range,
      { name: "placeholder", problem: "cannot stand in for a record found through `take`" },
      'use `on missing queue "…"`, `empty` or `default xmlid "…"`',
    );
}

/**
 * `take ("Phon_CountryCode", "Phon_AreaCode", "Phon_Number") | join " "`: what a chain over the found row of the
 * other object makes of it. Only transforms: a lookup or ref in it would not be resolved when the row is found.
 */
function lowerTakeChain(decl: A.LookupDecl, chain: A.Expression, ctx: CompileContext): PlanLookup["takeChain"] {
  if (decl.against !== "source") {
    ctx.report(
      "MC2202",
      chain.range,
      { name: "take", problem: "takes a chain only in a source object" },
      "in Odoo, `take` names a many2one field of the model: `take partner_id`",
    );
    return undefined;
  }
  const reference = chain.steps.find((step) => step.kind === "ref" || step.kind === "lookup");
  if (reference)
    ctx.report("MC2202", reference.range, { name: "take", problem: "takes transforms only, not a lookup or ref" });
  const lowered = lowerExpression(chain, { ctx, source: ctx.symbols.sources.get(decl.target.text), hasItem: false });
  return { input: lowered.input, steps: lowered.steps };
}
