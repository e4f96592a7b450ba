// Maps `into` another map (`map ActivityParty -> mail.message into Email by "_activityid_value"`) make no
// records: once the records they add to are resolved, each row's resolved values are merged into its
// record. A list field (many2many) gains the row's values, any other field takes them; rows are merged
// in staging order, so the last one wins a plain field.
import type { TransformPlan } from "../../plan/types.js";
import { joinedValues, type TargetValue } from "../execute/index.js";
import { ReferenceFailure, type ReferenceResolver } from "./resolve.js";
import type { Contribution, StagingStore } from "./store.js";

/**
 * Merges what maps `into` `mapping` add to its records. A row whose record a skip rule left out is skipped
 * with it (a sender of an e-mail that is not migrated); a row whose record is not staged otherwise is
 * rejected, saying whether that record was rejected or is not in the export.
 */
export function mergeContributions(
  plan: TransformPlan,
  mapping: string,
  store: StagingStore,
  resolver: ReferenceResolver,
  rejectRow: (row: Contribution, error: ReferenceFailure) => void,
): void {
  const listFields = listFieldsOf(plan);
  const intoSource = plan.mappings.find((m) => m.id === mapping)?.source ?? mapping;
  for (const page of store.contributionPages(mapping)) {
    store.transaction(() => {
      for (const row of page) {
        try {
          const target = resolver.findStaged(row.into.mapping, row.into.key);
          if (!target) {
            const outcome = store.rowOutcome(intoSource, row.into.key);
            if (outcome?.outcome === "skipped") {
              store.dropContribution(row.externalId, row.into.mapping);
              store.setRowOutcome(
                row.source,
                row.sourceKey,
                "skipped",
                `its ${intoSource} "${row.into.key}" is skipped: ${outcome.reason ?? "by a rule of the spec"}`,
              );
              continue;
            }
            const why = outcome?.outcome === "rejected" ? "was rejected (see its own line)" : "is not in the export";
            throw new ReferenceFailure("(into)", `${row.into.mapping} "${row.into.key}" ${why}`);
          }
          // Queued misses and placeholders name the record the row adds to: that is the one to review.
          const resolved = resolver.resolveRecord({ ...row, externalId: target });
          const record = store.record(target)!;
          const fields = listFields.get(row.mapping) ?? new Set<string>();
          store.setResolved(
            target,
            merged(record.values, resolved.values, fields),
            merged(record.deferred, resolved.deferred, fields),
          );
        } catch (error) {
          if (!(error instanceof ReferenceFailure)) throw error;
          store.dropContribution(row.externalId, row.into.mapping);
          rejectRow(row, error);
        }
      }
    });
  }
}

/** Per map `into` another: the fields it writes that hold lists (many2many), which gain values instead of taking them. */
function listFieldsOf(plan: TransformPlan): Map<string, Set<string>> {
  return new Map(
    plan.mappings
      .filter((m) => m.into)
      .map((m) => [
        m.id,
        new Set(
          m.assignments.flatMap((a) =>
            a.fields.filter((_, i) => a.fieldTypes[i] === "many2many" || a.fieldTypes[i] === "one2many"),
          ),
        ),
      ]),
  );
}

function merged(
  current: Record<string, TargetValue>,
  added: Record<string, TargetValue>,
  listFields: ReadonlySet<string>,
): Record<string, TargetValue> {
  const result = { ...current };
  for (const [field, value] of Object.entries(added)) {
    if (!listFields.has(field)) {
      result[field] = value;
      continue;
    }
    // The same party listed twice (as To and Cc) is one recipient.
    result[field] = joinedValues(result[field], value);
  }
  return result;
}
