// Parallel batches of one phase: records that write the same parent (a contact's company, a task's project,
// an activity's record) share a lane, so two batches in flight never write the same record or parent.
import { describe, expect, it } from "vitest";
import { lanesOf } from "../../runtime/load/phase.js";
import type { StagedRecordRow } from "../../runtime/stage/index.js";
import type { TargetValue } from "../../runtime/execute/index.js";

function record(
  externalId: string,
  values: Record<string, TargetValue> = {},
  deferred: Record<string, TargetValue> = {},
): StagedRecordRow {
  return {
    externalId,
    mapping: "M",
    model: "res.partner",
    source: "S",
    sourceKey: externalId,
    values,
    deferred,
    placeholder: false,
    merged: 1,
  };
}

const company = (n: number) => ({ xmlid: `mapc_x.company_${n}` });

describe("lanesOf", () => {
  it.each([
    {
      case: "one job: one lane, in staging order",
      records: [record("a", { parent_id: company(1) }), record("b"), record("c", { parent_id: company(1) })],
      jobs: 1,
      lanes: [["a", "b", "c"]],
    },
    {
      case: "contacts of one company stay together; the others even out the lanes",
      records: [
        record("a", { parent_id: company(1) }),
        record("b", { parent_id: company(1) }),
        record("c", { parent_id: company(1) }),
        record("d"),
        record("e"),
        record("f", { parent_id: company(2) }),
      ],
      jobs: 2,
      lanes: [
        ["a", "b", "c"],
        ["d", "e", "f"],
      ],
    },
    {
      case: "a parent written in the second pass counts as a parent",
      records: [record("a", {}, { parent_id: company(1) }), record("b", {}, { parent_id: company(1) }), record("c")],
      jobs: 3,
      lanes: [["a", "b"], ["c"]],
    },
    {
      case: "activities on one record share a lane, on other records they spread",
      records: [
        record("a", { res_id: company(1) }),
        record("b", { res_id: company(2) }),
        record("c", { res_id: company(1) }),
        record("d", { res_id: company(3) }),
      ],
      jobs: 3,
      lanes: [["a", "c"], ["b"], ["d"]],
    },
  ])("$case", ({ records, jobs, lanes }) => {
    expect(lanesOf(records, jobs).map((lane) => lane.map((r) => r.externalId))).toEqual(lanes);
  });
});
