// An Odoo lookup's miss policy beyond `empty`, settled during the load: a default writes its standard record's
// id, a placeholder is created once per key (keys differing only in case share one), journaled for rollback.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { settleLookupMisses } from "../../runtime/load/lookup-misses.js";
import type { OdooTransport } from "../../runtime/load/index.js";
import { StagingStore } from "../../runtime/stage/index.js";

const work = mkdtempSync(join(tmpdir(), "mapc-lookup-misses-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An Odoo that creates records with ids from 100 and remembers what it was asked to create. */
function fakeOdoo(): OdooTransport & { created: Array<{ model: string; values: unknown }> } {
  let next = 100;
  const created: Array<{ model: string; values: unknown }> = [];
  return {
    created,
    authenticate: async () => 2,
    async executeKw<T>(model: string, method: string, args: unknown[]): Promise<T> {
      if (method !== "create") throw new Error(`unexpected ${model}.${method}`);
      const list = args[0] as unknown[];
      created.push(...list.map((values) => ({ model, values })));
      return list.map(() => next++) as T;
    },
  };
}

describe("settling an Odoo lookup's misses", () => {
  it("writes a default's standard record, and creates one placeholder per key ignoring case", async () => {
    const store = StagingStore.open(join(work, "staging.sqlite"));
    const odoo = fakeOdoo();
    const units = new Map<string, number | null>([
      ["Nos", null],
      ["Hours", 7],
    ]);
    const tags = new Map<string, number | null>([
      ["Hot", null],
      ["hot", null],
      ["SMB", null],
      ["VIP", 3],
    ]);
    const created = await settleLookupMisses(
      odoo,
      store,
      "LeadRecord",
      [
        {
          name: "Uom",
          model: "uom.uom",
          key: { kind: "field", name: "name" },
          onMissing: { kind: "default", value: { xmlid: "uom.product_uom_unit" } },
          answers: units,
        },
        {
          name: "CrmTag",
          model: "crm.tag",
          key: { kind: "field", name: "name" },
          onMissing: { kind: "placeholder", values: { name: "{key}" } },
          answers: tags,
        },
        {
          // the placeholder carries the key it was looked up by, so the next run's lookup finds it
          name: "SourceByCode",
          model: "utm.source",
          key: { kind: "field", name: "code" },
          onMissing: { kind: "placeholder", values: { name: "Source {key}" } },
          answers: new Map<string, number | null>([["TS-1", null]]),
        },
      ],
      async (xmlid) => (xmlid === "uom.product_uom_unit" ? 1 : undefined),
    );
    expect(Object.fromEntries(units)).toEqual({ Nos: 1, Hours: 7 });
    expect(odoo.created).toEqual([
      { model: "crm.tag", values: { name: "Hot" } },
      { model: "crm.tag", values: { name: "SMB" } },
      { model: "utm.source", values: { code: "TS-1", name: "Source TS-1" } },
    ]);
    expect(Object.fromEntries(tags)).toEqual({ Hot: 100, hot: 100, SMB: 101, VIP: 3 });
    expect(created.map((c) => c.key)).toEqual(["Hot", "hot", "SMB", "TS-1"]);
    expect(store.journalNewestFirst().map((e) => [e.op, e.model, e.odoo_id])).toEqual([
      ["create", "utm.source", 102],
      ["create", "crm.tag", 101],
      ["create", "crm.tag", 100],
    ]);
    store.close();
  });
});
