// Rules about particular Odoo 17 models, each seen on a real server: what a map may write so that what
// lands is what the spec says. Registered per model; compiler/model-rules/index.ts picks the family.
import type * as A from "../../grammar/ast.js";
import type { PlanAssignment, PlanCondition, PlanInput } from "../../plan/types.js";
import type { CompileContext } from "../context.js";
import type { ModelRule } from "./rule.js";

/**
 * Verified on Odoo 17: a partner of type `contact` with a parent takes the parent's address on write, so a
 * subsidiary written with `parent_id`, or a contact with an address of its own, loses its street and city.
 * Partners are of type contact unless the map says otherwise for every row.
 */
const addressFields = ["street", "street2", "city", "zip", "state_id", "country_id"];

function checkParentAddress(decl: A.MapDecl, assignments: readonly PlanAssignment[], ctx: CompileContext): void {
  const parent = decl.items.find(
    (i): i is A.Assignment => i.kind === "assignment" && i.targets[0]?.text === "parent_id",
  );
  if (!parent) return;
  const isCompany = assignments.some(
    (a) => a.fields[0] === "is_company" && !a.when && a.value.kind === "constant" && a.value.value === true,
  );
  // An address written only when the parent's column is empty (a private person's home) never meets a parent.
  const parentColumns = assignments
    .filter((a) => a.fields[0] === "parent_id" && a.value.kind === "expression")
    .flatMap((a) => (a.value.kind === "expression" ? inputColumns(a.value.input) : []));
  const ownAddress = assignments.some(
    (a) => addressFields.includes(a.fields[0] ?? "") && !(a.when && requiresEmpty(a.when, parentColumns)),
  );
  if (!isCompany && !ownAddress) return;
  const typed = assignments.filter((a) => a.fields[0] === "type");
  const other = typed.filter((a) => a.value.kind === "constant" && a.value.value !== "contact");
  if (other.some((a) => !a.when)) return;
  // A type other than contact under a condition says which rows keep their own address: every column that
  // feeds an address field must be among those it tests, or a row with only that column loses it.
  if (other.length > 0) return checkOwnAddressCondition(decl, assignments, other, ctx);
  const hint = isCompany
    ? 'keep the hierarchy in a custom many2one (`x_parent_company_id`), or set `type = "other"` if the company may share its parent\'s address'
    : 'set `type = "other" when "<street column>" is not empty` for contacts with an address of their own, or drop the address columns with a reason';
  ctx.report("MC2125", parent.targets[0]!.range, {}, hint);
}

/** Whether a condition holds only when one of these columns is empty. */
function requiresEmpty(condition: PlanCondition, columns: readonly string[]): boolean {
  if (condition.op === "and") return condition.operands.some((operand) => requiresEmpty(operand, columns));
  return (
    condition.op === "empty" && !condition.through && inputColumns(condition.input).some((c) => columns.includes(c))
  );
}

/**
 * Verified on Odoo 17: a partner that is not a company and has a parent takes these from its commercial
 * entity (the company at the top), whatever is written (res.partner._commercial_fields).
 */
const COMMERCIAL_FIELDS = ["vat", "company_registry", "industry_id"];

function checkCommercialFields(decl: A.MapDecl, assignments: readonly PlanAssignment[], ctx: CompileContext): void {
  if (!assignments.some((a) => a.fields[0] === "parent_id")) return;
  if (
    assignments.some(
      (a) => a.fields[0] === "is_company" && !a.when && a.value.kind === "constant" && a.value.value === true,
    )
  )
    return;
  for (const item of decl.items) {
    if (item.kind !== "assignment") continue;
    const field = item.targets[0]?.text ?? "";
    if (COMMERCIAL_FIELDS.includes(field))
      ctx.report(
        "MC2127",
        item.targets[0]!.range,
        { field },
        "keep the value in a custom field (`x_…`), or set it on the company",
      );
  }
}

/**
 * Seen on Odoo 17: a message with no model and res_id is on no record. No chatter shows it, and Odoo lets no
 * one but its author's user read, change or delete it: not the admin, so not mapc rollback either.
 */
function checkMessageLink(decl: A.MapDecl, _assignments: readonly PlanAssignment[], ctx: CompileContext): void {
  for (const item of decl.items) {
    if (item.kind !== "assignment" || item.value.kind !== "link" || item.required) continue;
    ctx.report(
      "MC2128",
      item.targets[0]!.range,
      {},
      "mark the link `required`, so a row that names no record is rejected with the reason; skip such rows with a rule if they are expected",
    );
  }
}

function checkOwnAddressCondition(
  decl: A.MapDecl,
  assignments: readonly PlanAssignment[],
  other: readonly PlanAssignment[],
  ctx: CompileContext,
): void {
  const tested = new Set(other.flatMap((a) => conditionColumns(a.when!)));
  const typeItem = decl.items.find(
    (i): i is A.Assignment =>
      i.kind === "assignment" && i.targets[0]?.text === "type" && i.range.start.line === other[0]!.line,
  );
  for (const address of assignments.filter((a) => addressFields.includes(a.fields[0] ?? ""))) {
    if (address.value.kind !== "expression") continue;
    const column = inputColumns(address.value.input).find((c) => !tested.has(c));
    if (column === undefined) continue;
    const field = address.fields[0]!;
    ctx.report(
      "MC2126",
      (typeItem ?? decl).range,
      { field, column },
      `add \`or "${column}" is not empty\` to the condition`,
    );
  }
}

function conditionColumns(condition: PlanCondition): string[] {
  switch (condition.op) {
    case "and":
    case "or":
      return condition.operands.flatMap(conditionColumns);
    case "not":
      return conditionColumns(condition.operand);
    case "installed":
      return [];
    default:
      return inputColumns(condition.input);
  }
}

function inputColumns(input: PlanInput): string[] {
  return input.kind === "column" ? [input.column] : input.kind === "columns" ? input.columns : [];
}

/** crm.lead's e-mail and phone have inverses: written with a partner, they overwrite the partner's (Odoo 17). */
const LEAD_FIELDS_WRITTEN_TO_PARTNER = [
  { field: "email_from", what: "e-mail" },
  { field: "phone", what: "phone number" },
] as const;

function checkPartnerEmailConflict(decl: A.MapDecl, assignments: readonly PlanAssignment[], ctx: CompileContext): void {
  // Two assignments that both carry a `when` may never meet on one row; one without a `when` always does.
  const sets = (field: string) => assignments.filter((a) => a.fields.includes(field));
  const partner = sets("partner_id");
  for (const { field, what } of LEAD_FIELDS_WRITTEN_TO_PARTNER) {
    const own = sets(field);
    const overlap = partner.length > 0 && own.length > 0 && (partner.some((a) => !a.when) || own.some((a) => !a.when));
    if (overlap)
      ctx.report(
        "MC2121",
        decl.model.range,
        { field, what },
        `set \`partner_id\` only, or set \`${field}\` only when there is no partner`,
      );
  }
}

/** The rules by the model whose maps they check. */
export const odoo17Rules: Readonly<Record<string, readonly ModelRule[]>> = {
  "res.partner": [checkParentAddress, checkCommercialFields],
  "crm.lead": [checkPartnerEmailConflict],
  "mail.message": [checkMessageLink],
};
