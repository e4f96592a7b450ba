// The values of a placeholder record (`on missing placeholder { name = "Unknown party {key}" }`), staged or
// created in Odoo during the load: the spec's constants, `{key}` replaced by the key that missed, and the
// lookup's own key field set to it, so that the next run's lookup finds the placeholder instead of making
// another.
import type { PlanLiteral, PlanLookup } from "../../plan/types.js";

export function placeholderValues(
  values: Readonly<Record<string, PlanLiteral>>,
  key: string,
  lookup: Pick<PlanLookup, "key"> | undefined,
): Record<string, PlanLiteral> {
  const keyField = lookup?.key.kind === "field" ? { [lookup.key.name]: key } : {};
  const filled = Object.fromEntries(
    Object.entries(values).map(([field, value]) => [
      field,
      typeof value === "string" ? value.replaceAll("{key}", key) : value,
    ]),
  );
  return { ...keyField, ...filled };
}
