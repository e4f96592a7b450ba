// Conditions (`where`, `when`, `skip when`) and the inputs they and expressions read: a column, a tuple of
// columns, or the current `each` item. Every column read is checked against the source and counted.
import type * as A from "../../grammar/ast.js";
import type { CompileContext } from "../context.js";
import type { PlanCondition, PlanInput } from "../../plan/types.js";
import { didYouMean } from "../hints.js";

export interface InputScope {
  ctx: CompileContext;
  /** the source object whose columns are in scope; undefined when it is unknown (already reported) */
  source: A.SourceDecl | undefined;
  hasItem: boolean;
}

export function lowerInput(primary: A.Primary, scope: InputScope): PlanInput {
  switch (primary.kind) {
    case "item":
      if (!scope.hasItem) scope.ctx.report("MC2306", primary.range);
      return { kind: "item" };
    case "column":
      checkColumn(primary.column, scope);
      return { kind: "column", column: primary.column.text };
    case "columns":
      for (const column of primary.columns) checkColumn(column, scope);
      return { kind: "columns", columns: primary.columns.map((c) => c.text) };
  }
}

export function checkColumn(column: A.Name, scope: InputScope): void {
  const source = scope.source;
  if (!source || column.text === "") return;
  const names = source.columns.map((c) => c.column.text);
  if (names.includes(column.text)) {
    scope.ctx.markColumnUsed(source.name.text, column.text);
    return;
  }
  scope.ctx.report(
    "MC2018",
    column.range,
    { column: column.text, object: source.name.text },
    didYouMean(column.text, names, '"'),
  );
}

export function lowerCondition(condition: A.Condition, scope: InputScope): PlanCondition {
  switch (condition.kind) {
    case "or":
    case "and":
      return { op: condition.kind, operands: condition.operands.map((c) => lowerCondition(c, scope)) };
    case "not":
      return { op: "not", operand: lowerCondition(condition.operand, scope) };
    case "group":
      return lowerCondition(condition.condition, scope);
    case "installed":
      return { op: "installed", module: condition.module.text };
    case "compare":
      return {
        op: condition.op,
        ...subjectOf(condition, scope),
        value: scope.ctx.literal(condition.value),
      };
    case "in": {
      const test: PlanCondition = {
        op: "in",
        ...subjectOf(condition, scope),
        values: condition.values.map((v) => scope.ctx.literal(v)),
      };
      return condition.negated ? { op: "not", operand: test } : test;
    }
    case "empty":
      return { op: condition.negated ? "not-empty" : "empty", ...subjectOf(condition, scope) };
  }
}

/**
 * What a comparison tests: a cell, or the value source lookups find for it (`"type_id" | lookup TypeFlag`).
 * Such a lookup is answered while the row is read, from its source read ahead: it must name a source
 * object and `take` one of its columns.
 */
function subjectOf(
  condition: { subject: A.Primary; through: A.Name[] },
  scope: InputScope,
): { input: PlanInput; through?: string[] } {
  const input = lowerInput(condition.subject, scope);
  const through = condition.through.filter((name) => {
    const lookup = scope.ctx.symbols.lookups.get(name.text);
    if (!lookup) {
      scope.ctx.report(
        "MC2207",
        name.range,
        { name: name.text },
        didYouMean(name.text, scope.ctx.symbols.lookups.keys()),
      );
      return false;
    }
    scope.ctx.usedNames.add(`lookup:${name.text}`);
    if (!takesText(lookup)) {
      scope.ctx.report("MC2213", name.range, { name: name.text });
      return false;
    }
    return true;
  });
  return through.length > 0 ? { input, through: through.map((name) => name.text) } : { input };
}

/** A source lookup that yields a column's value, or what a chain makes of the found row, rather than its record. */
export function takesText(lookup: A.LookupDecl): boolean {
  return lookup.against === "source" && (lookup.take !== undefined || lookup.takeChain !== undefined);
}
