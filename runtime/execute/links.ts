// Polymorphic links: an activity that belongs to a contact *or* a deal is written as two fields, the model
// (`res_model` by name, or `res_model_id` as an ir.model record) and the record id.
import type { PlanValue } from "../../plan/types.js";
import { isEmptyValue, textOf, TransformError } from "../transforms/index.js";
import type { CellReader } from "./cells.js";
import type { TargetRecord, TargetValue } from "./types.js";

export type LinkSpec = Omit<Extract<PlanValue, { kind: "link" }>, "kind">;
type LinkCase = LinkSpec["cases"][number];

/** The lookup name the loader resolves against `ir.model` by model name, for `modelAs: "ir.model"`. */
export const IR_MODEL_LOOKUP = "ir.model";

/** What the model field and the id field get. */
export type LinkValues = readonly [TargetValue, TargetValue];

const NO_LINK: LinkValues = [null, null];

/**
 * `discriminated`: the type column's value picks the case whose `when` equals it, the id column gives the
 * key. `first`: each case's `when` names an id column; the first non-empty one wins. A type that matches no
 * case rejects the record when the miss policy is `fail` or `queue`, and leaves the link empty otherwise.
 */
export function linkTo(cell: CellReader, link: LinkSpec, record: TargetRecord, field: string): LinkValues {
  const found = link.mode === "first" ? firstLinkedCase(cell, link) : discriminatedCase(cell, link);
  if (!found) return NO_LINK;
  const [linked, key] = found;
  if (link.onMissing.kind === "queue") {
    record.queued.push({ mapping: linked.mapping, key, reason: link.onMissing.reason, field });
  }
  const model: TargetValue =
    link.modelAs === "name" ? linked.model : { lookup: { name: IR_MODEL_LOOKUP, key: linked.model } };
  return [model, { link: { mapping: linked.mapping, model: linked.model, key } }];
}

function discriminatedCase(cell: CellReader, link: LinkSpec): [LinkCase, string] | undefined {
  const type = link.typeColumn === undefined ? null : cell(link.typeColumn);
  const id = link.idColumn === undefined ? null : singleId(cell(link.idColumn));
  if (isEmptyValue(type) || isEmptyValue(id)) return undefined;
  const linked = link.cases.find((candidate) => candidate.when === textOf(type));
  if (linked) return [linked, textOf(id)];
  // `empty` and the others accept a record without its link; `fail` and `queue` do not, and a type no case
  // names is not one a later run could link, so the record is rejected rather than queued.
  if (link.onMissing.kind !== "fail" && link.onMissing.kind !== "queue") return undefined;
  const known = link.cases.map((candidate) => JSON.stringify(candidate.when)).join(", ");
  throw new TransformError(`link type ${JSON.stringify(textOf(type))} is none of ${known}`);
}

function firstLinkedCase(cell: CellReader, link: LinkSpec): [LinkCase, string] | undefined {
  for (const linked of link.cases) {
    const id = singleId(cell(linked.when));
    if (!isEmptyValue(id)) return [linked, textOf(id)];
  }
  return undefined;
}

/** An association column may hold a list of ids (`associations.deals.results[].id`): a link takes the first. */
function singleId(value: unknown): unknown {
  return Array.isArray(value) ? (value.find((element: unknown) => !isEmptyValue(element)) ?? null) : value;
}
