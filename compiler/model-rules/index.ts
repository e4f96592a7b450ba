// Checks that belong to one Odoo model rather than to the language: a partner's address sync, a lead's
// e-mail written through to its partner, a message on no record. One module per family of target versions,
// so a rule Odoo 18 changes has an obvious home; a version without a module of its own uses the nearest
// older one.
import type * as A from "../../grammar/ast.js";
import type { PlanAssignment } from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import { odoo17Rules } from "./odoo17.js";
import type { ModelRule } from "./rule.js";

/** The rule modules by the first major version they apply to, newest first. */
const families: ReadonlyArray<{ from: number; rules: Readonly<Record<string, readonly ModelRule[]>> }> = [
  { from: 17, rules: odoo17Rules },
];

export function checkModelRules(decl: A.MapDecl, assignments: readonly PlanAssignment[], ctx: CompileContext): void {
  const major = Number.parseInt(ctx.version, 10);
  const family = families.find((f) => major >= f.from) ?? families[families.length - 1]!;
  for (const rule of family.rules[decl.model.text] ?? []) rule(decl, assignments, ctx);
}
