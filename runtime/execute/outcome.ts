// Turning the work on one row into an outcome: skipped by a rule, rejected with a reason, or staged.
import { TransformError } from "../transforms/index.js";
import { FieldRejection } from "./records.js";
import type { MappingOutcome, RecordOutcome, TargetRecord } from "./types.js";

/** Runs one mapping's body; a bad value anywhere rejects the row, naming the mapping and, if known, the field. */
export function runMapping(mapping: string, body: () => TargetRecord[]): MappingOutcome {
  try {
    return { status: "staged", records: body() };
  } catch (error) {
    if (error instanceof FieldRejection)
      return { status: "rejected", reason: error.message, mapping, field: error.field };
    if (error instanceof TransformError) return { status: "rejected", reason: error.message, mapping };
    throw error;
  }
}

export interface SkipRule {
  reason: string;
  holds: () => boolean;
}

/**
 * A row is skipped by the first skip rule that holds; otherwise every mapping of its source runs in plan
 * order and the row is staged with all their records, or rejected with the first rejection.
 */
export function runSource(skips: readonly SkipRule[], mappings: ReadonlyArray<() => MappingOutcome>): RecordOutcome {
  const skip = firstSkip(skips);
  if (skip) return skip;
  const records: TargetRecord[] = [];
  for (const runOne of mappings) {
    const outcome = runOne();
    if (outcome.status === "rejected") return outcome;
    records.push(...outcome.records);
  }
  return { status: "staged", records };
}

function firstSkip(skips: readonly SkipRule[]): RecordOutcome | undefined {
  try {
    const skip = skips.find((rule) => rule.holds());
    return skip ? { status: "skipped", reason: skip.reason } : undefined;
  } catch (error) {
    if (error instanceof TransformError) return { status: "rejected", reason: error.message };
    throw error;
  }
}

/** Asking for a source the plan does not have is a caller's mistake, not a bad row. */
export function unknownSource(source: string): never {
  throw new Error(`The plan has no source \`${source}\`.`);
}
