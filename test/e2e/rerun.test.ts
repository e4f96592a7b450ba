// A second run of the same export changes nothing: from the same run folder, from a new one (a second
// laptop, a lost folder), and after rolling back the new folder's run, against the Odoo test server, which
// behaves as the real Odoo 17 did when these reruns went wrong (a company takes its first contact's address,
// a contact its parent's, a message gets a generated Message-Id, archiving a lead deletes its activities).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { readSummary, type RunSummary } from "../../runtime/run/index.js";
import { surveyExport } from "../../runtime/survey/index.js";
import { verifyRun } from "../../runtime/verify/index.js";
import { PairHarness, useEndToEnd } from "../support/odoo-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { server: testServer, work } = useEndToEnd("rerun");

/** Created, updated and rejected over every load phase. */
function writes(summary: RunSummary) {
  const phases = summary.loadPhases ?? [];
  const sum = (key: "created" | "updated" | "rejected") => phases.reduce((n, p) => n + p[key], 0);
  return { created: sum("created"), updated: sum("updated"), rejected: sum("rejected") };
}

describe.each(["smartdesk", "opex365", "leadforce", "concord", "sage"])(
  "%s: a second run of the same export",
  (system) => {
    it("changes nothing, from the same folder, from a new one, and after the new one is rolled back", async () => {
      testServer().reset();
      const plan = compileSpec(
        readFileSync(join(root, "specs", `${system}.mapspec`), "utf8"),
        `specs/${system}.mapspec`,
      ).plan;
      const pair = new PairHarness(testServer, plan, join(root, "examples", system));
      const first = join(work, `${system}-first`);
      const second = join(work, `${system}-second`);
      // as `mapc apply-schema --source`: with the x_ fields of the export's custom properties
      await pair.prepareSchema(first, (await surveyExport(plan, pair.exportDir)).plan);
      // small batches, three at a time: batches of a phase never share a record, so parallel loading lands the same
      const callsBefore = testServer().calls.length;
      const initial = await pair.run(first, { batchSize: 7, jobs: 3 });
      expect(writes(initial).created).toBeGreaterThan(300);
      // a load's summary.json, with its phases and connection, reads back against the published schema
      expect(readSummary(first)?.loadPhases?.length).toBe(initial.loadPhases?.length);
      // which records exist, and the standard records they point to, are asked once per load, not per batch
      const calls = testServer().calls.slice(callsBefore);
      expect(calls.filter((c) => c.rpcMethod === "load").length).toBeGreaterThan(50);
      expect(
        calls.filter((c) => c.model === "ir.model.data" && c.rpcMethod === "search_read").length,
      ).toBeLessThanOrEqual(3);
      const archivedDeals = testServer()
        .records("crm.lead")
        .filter((r) => r["active"] === false).length;
      const activities = testServer().records("mail.activity").length;

      expect(writes(await pair.run(second))).toEqual({ created: 0, updated: 0, rejected: 0 });
      expect(writes(await pair.run(first))).toEqual({ created: 0, updated: 0, rejected: 0 });
      // nothing a rerun sent archived a record or lost an activity with it
      expect(
        testServer()
          .records("crm.lead")
          .filter((r) => r["active"] === false).length,
      ).toBe(archivedDeals);
      expect(testServer().records("mail.activity").length).toBe(activities);

      await pair.rollback(second);
      expect(writes(await pair.run(first))).toEqual({ created: 0, updated: 0, rejected: 0 });
    });
  },
);

describe("verify after a delta Odoo refused in part", () => {
  it("compares the records whose update was refused, and finds the difference", async () => {
    testServer().reset();
    const plan = compileSpec(
      readFileSync(join(root, "specs", "smartdesk.mapspec"), "utf8"),
      "specs/smartdesk.mapspec",
    ).plan;
    const runDir = join(work, "refused-update");
    const pair = new PairHarness(testServer, plan, join(root, "examples", "smartdesk"));
    await pair.prepareSchema(runDir);
    await pair.run(runDir);
    const newer = join(work, "smartdesk-newer");
    cpSync(join(root, "examples", "smartdesk"), newer, { recursive: true });
    const deals = readFileSync(join(newer, "deals.csv"), "utf8");
    writeFileSync(
      join(newer, "deals.csv"),
      deals.replace("Acme Robotics – Platform licence (200 seats)", "Acme Robotics – Platform licence (250 seats)"),
    );
    testServer().injectFaults({
      kind: "reject-record",
      model: "crm.lead",
      match: (vals) => String(vals["name"]).includes("(250 seats)"),
      message: "probe: refused by the test server",
    });
    const delta = await pair.run(runDir, { exportDir: newer, delta: true });
    expect(writes(delta)).toEqual({ created: 0, updated: 0, rejected: 1 });
    const odoo = await pair.authenticated();
    const verify = await pair.withStore(runDir, (store) => verifyRun(plan, store, odoo, newer));
    expect(verify.ok).toBe(false);
    expect(verify.mismatches.map((m) => [m.field, m.staged])).toEqual([
      ["name", "Acme Robotics – Platform licence (250 seats)"],
    ]);
  });
});

describe("rollback of an update", () => {
  it("restores the old values without leaving tracking messages behind", async () => {
    testServer().reset();
    const plan = compileSpec(
      readFileSync(join(root, "specs", "smartdesk.mapspec"), "utf8"),
      "specs/smartdesk.mapspec",
    ).plan;
    const pair = new PairHarness(testServer, plan, join(root, "examples", "smartdesk"));
    const created = join(work, "creates");
    await pair.prepareSchema(created);
    await pair.run(created);
    const messagesAfterLoad = testServer().records("mail.message").length;
    // another folder updates a lead the first one created; rolling it back restores the lead with a write
    const newer = join(work, "smartdesk-renamed");
    cpSync(join(root, "examples", "smartdesk"), newer, { recursive: true });
    writeFileSync(
      join(newer, "deals.csv"),
      readFileSync(join(newer, "deals.csv"), "utf8").replace(
        "Acme Robotics – Platform licence (200 seats)",
        "Acme Robotics – Platform licence (300 seats)",
      ),
    );
    const updates = join(work, "updates");
    expect(writes(await pair.run(updates, { exportDir: newer }))).toEqual({ created: 0, updated: 1, rejected: 0 });
    await pair.rollback(updates);
    expect(
      testServer()
        .records("crm.lead")
        .some((r) => r["name"] === "Acme Robotics – Platform licence (200 seats)"),
    ).toBe(true);
    expect(testServer().records("mail.message").length).toBe(messagesAfterLoad);
  });
});
