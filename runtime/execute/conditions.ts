// The predicates of `skip when`, `where`, `when` and guards, named so generated code reads like the spec.
import type { PlanLiteral } from "../../plan/types.js";
import { textOf } from "../transforms/index.js";
import type { TransformContext } from "./types.js";

/** `==` compares string forms: a boolean column's true equals the literal true and the text "true". */
export function equalsText(value: unknown, literal: PlanLiteral): boolean {
  return textOf(value) === textOf(literal);
}

export function isOneOf(value: unknown, literals: readonly PlanLiteral[]): boolean {
  const text = textOf(value);
  return literals.some((literal) => textOf(literal) === text);
}

/** What a lookup read ahead finds for a value (`"type_id" | lookup TypeFlag`), or null when it finds nothing. */
export function lookUpAhead(context: TransformContext, lookup: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return context.lookupTables?.get(lookup)?.get(textOf(value)) ?? null;
}

/** A database whose modules are unknown counts as having none, so `requires` mappings stay off. */
export function isInstalled(context: TransformContext, module: string): boolean {
  return context.installedModules?.has(module) ?? false;
}

export function guardHolds(context: TransformContext, guard: { kind: "requires" | "unless"; module: string }): boolean {
  return guard.kind === "requires" ? isInstalled(context, guard.module) : !isInstalled(context, guard.module);
}
