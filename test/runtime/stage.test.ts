import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { prepareRow, sourcePreparation } from "../../runtime/stage/prepare.js";
import { StagingStore } from "../../runtime/stage/index.js";

const work = mkdtempSync(join(tmpdir(), "mapc-stage-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const spec = `mapping t -> odoo 17.0
source Person from csv "people.csv" {
  key "id"
  columns { "id": id  "name": text  "owner": email  "boss": id }
}
lookup OdooUser in odoo res.users by login
map Person -> res.partner {
  name <- "name" required
  user_id <- "owner" | lookup OdooUser on missing empty
  parent_id <- "boss" | ref Person on missing empty
}
`;
const plan = compileSpec(spec, "t.mapspec").plan;
const preparation = sourcePreparation(plan, plan.sources[0]!, {});
const odooKeys = new Map<string, Set<string>>();
const prepare = (row: Record<string, unknown>, line = 1) =>
  prepareRow(preparation, { row, location: { file: "people.csv", row: line } }, odooKeys);

describe("preparing a row on the staging worker", () => {
  it("marks a record whose only reference is an Odoo lookup as needing no resolution, and notes the key", () => {
    const row = prepare({ id: "1", name: "Ann", owner: "sam@example.com", boss: null });
    expect(row.outcome).toBe("staged");
    expect(row.records.map((record) => record.unresolved)).toEqual([false]);
    expect(odooKeys).toEqual(new Map([["OdooUser", new Set(["sam@example.com"])]]));
    expect(row.rowHash).toMatch(/^[A-Za-z0-9+\/]{27}=$/);
  });

  it("marks a record with a ref for the resolution pass", () => {
    const row = prepare({ id: "2", name: "Bob", owner: null, boss: "1" });
    expect(row.records.map((record) => [record.unresolved, record.aliased])).toEqual([[true, false]]);
    // a reference into its own map waits for the deferred pass
    expect(JSON.parse(row.records[0]!.deferredJson).parent_id).toEqual({ ref: { mapping: "Person", key: "1" } });
  });

  it("hashes a row by its values: text, empty and other values are told apart", () => {
    const hashOf = (boss: unknown) => prepare({ id: "1", name: "Ann", owner: null, boss }).rowHash;
    expect(new Set([hashOf(null), hashOf(""), hashOf("1"), hashOf(1), hashOf("2")]).size).toBe(5);
    expect(hashOf("1")).toBe(hashOf("1"));
  });

  it("refuses a row with an empty key before it can claim one", () => {
    const row = prepare({ id: null, name: "Nobody", owner: null, boss: null }, 7);
    expect(row).toMatchObject({
      sourceKey: "(row people.csv:7)",
      outcome: "rejected",
      unclaimed: 'the key "id" is empty',
      rowHash: null,
    });
  });

  it("rejects a row the transform rejects, naming the field, with no hash so a delta run tries it again", () => {
    const row = prepare({ id: "3", name: null, owner: null, boss: null });
    expect(row).toMatchObject({ outcome: "rejected", mapping: "Person", field: "name", rowHash: null, records: [] });
  });
});

describe("the staging store", () => {
  it("opens a run folder staged before records had the unresolved column", () => {
    const file = join(work, "old.sqlite");
    const db = new Database(file);
    db.exec(`CREATE TABLE records (
      external_id TEXT PRIMARY KEY, mapping TEXT NOT NULL, model TEXT NOT NULL, source TEXT NOT NULL,
      source_key TEXT NOT NULL, dedupe_key TEXT, values_json TEXT NOT NULL, deferred_json TEXT NOT NULL,
      placeholder INTEGER NOT NULL DEFAULT 0, merged INTEGER NOT NULL DEFAULT 1, status TEXT NOT NULL DEFAULT 'staged')`);
    db.prepare(
      "INSERT INTO records (external_id, mapping, model, source, source_key, values_json, deferred_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run("mapc_t.person_1", "Person", "res.partner", "Person", "1", '{"name":"Ann"}', "{}");
    db.close();
    const store = StagingStore.open(file);
    try {
      expect([...store.recordPages("Person")].flat().map((record) => record.values)).toEqual([{ name: "Ann" }]);
      expect([...store.unresolvedPages("Person")].flat()).toEqual([]);
    } finally {
      store.close();
    }
  });
});
