// End to end against the Odoo test server (a test double speaking real XML-RPC on loopback): the
// SmartDesk example through run → verify → re-run (nothing changes) → delta → rollback, plus a refused
// record, transient faults, a wrong password, a missing field, and a run killed mid-load then resumed.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { OdooAuthError, SchemaMismatchError, XmlRpcTransport } from "../../runtime/load/index.js";
import { rollbackRun } from "../../runtime/rollback/index.js";
import { runMigration, type RunSummary } from "../../runtime/run/index.js";
import { applySchema } from "../../runtime/schema/index.js";
import { StagingStore } from "../../runtime/stage/index.js";
import { verifyRun } from "../../runtime/verify/index.js";
import { startOdooTestServer, type OdooTestServer } from "../odoo-server/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const example = join(root, "examples/smartdesk");
const specText = readFileSync(join(root, "specs/smartdesk.mapspec"), "utf8");
const plan = compileSpec(specText, "specs/smartdesk.mapspec").plan;
const work = mkdtempSync(join(tmpdir(), "mapc-e2e-"));
let server: OdooTestServer;

beforeAll(async () => {
  server = await startOdooTestServer();
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => server.reset());

function connection() {
  return { url: server.url, db: server.db, user: "admin" };
}

async function transport(password = "admin") {
  const odoo = new XmlRpcTransport(connection(), password, { attempts: 4, backoffMs: 20, timeoutMs: 10_000 });
  return odoo;
}

async function prepareSchema(runDir: string) {
  const odoo = await transport();
  await odoo.authenticate();
  mkdirSync(runDir, { recursive: true });
  const store = StagingStore.open(join(runDir, "staging.sqlite"));
  try {
    return await applySchema(plan, odoo, store);
  } finally {
    store.close();
  }
}

function loadCounts(summary: RunSummary) {
  return Object.fromEntries((summary.loadPhases ?? []).map((p) => [p.phase, { created: p.created, updated: p.updated, unchanged: p.unchanged, rejected: p.rejected }]));
}

async function run(runDir: string, options: { exportDir?: string; delta?: boolean; resume?: boolean; sample?: number; batchSize?: number } = {}) {
  return runMigration(plan, {
    exportDir: options.exportDir ?? example,
    runDir,
    odoo: { connection: connection(), password: "admin", transport: await transport(), ...(options.batchSize ? { batchSize: options.batchSize } : {}) },
    ...(options.delta ? { delta: true } : {}),
    ...(options.resume ? { resume: true } : {}),
    ...(options.sample ? { sample: options.sample } : {}),
  });
}

function ownRecords(model: string): number {
  const data = server.records("ir.model.data").filter((r) => r["module"] === "mapc_smartdesk" && r["model"] === model);
  return data.length;
}

describe("SmartDesk into the Odoo test server", () => {
  it("runs, verifies, changes nothing on a re-run, takes a delta, and rolls back", async () => {
    const runDir = join(work, "full");
    const schema = await prepareSchema(runDir);
    expect(schema.filter((c) => c.status === "created").map((c) => c.name)).toEqual([
      "res.partner.x_smartdesk_lifecycle_stage",
      "res.partner.x_smartdesk_created_at",
      "res.partner.x_smartdesk_parent_company_id",
    ]);
    const partnersBefore = server.records("res.partner").length;

    const first = await run(runDir);
    expect(first.balanced).toBe(true);
    expect(loadCounts(first)).toMatchObject({
      Pipeline: { created: 3, rejected: 0 },
      Stage: { created: 16, rejected: 0 },
      Company: { created: 29, rejected: 0 },
      Contact: { created: 50, rejected: 0 },
      Deal: { created: 36, rejected: 0 },
      Note: { created: 24, rejected: 0 },
    });
    // links survived: a contact's company is its parent, a deal's contact is its partner, notes sit on their records
    const partner = (xmlid: string) => server.records("ir.model.data").find((r) => r["module"] === "mapc_smartdesk" && r["name"] === xmlid)?.["res_id"];
    const contact6104 = server.records("res.partner").find((r) => r["id"] === partner("contact_6104"))!;
    expect(contact6104["parent_id"]).toBe(partner("company_5103"));
    const deal8102 = server.records("crm.lead").find((r) => r["id"] === partner("deal_8102"))!;
    expect(deal8102["partner_id"]).toBe(partner("contact_6101"));
    expect(deal8102["type"]).toBe("opportunity");
    const company5103 = server.records("res.partner").find((r) => r["id"] === partner("company_5103"))!;
    expect(company5103["x_smartdesk_parent_company_id"]).toBe(partner("company_5101"));
    const notes = server.records("mail.message").filter((m) => m["message_type"] === "comment" && typeof m["body"] === "string");
    expect(notes.every((m) => typeof m["model"] === "string" && Number(m["res_id"]) > 0)).toBe(true);
    // owners are not invented: they wait in the queue
    expect(first.queue["owner"]).toBeGreaterThan(0);
    expect(server.records("res.users").length).toBe(2);

    const store = StagingStore.open(join(runDir, "staging.sqlite"));
    try {
      const verified = await verifyRun(plan, store, await authenticated(), example);
      expect(verified.mismatches).toEqual([]);
      expect(verified.missing).toEqual([]);
      expect(verified.checked).toBe(158);
    } finally {
      store.close();
    }

    const callsBefore = server.calls.length;
    const second = await run(runDir);
    expect(Object.values(loadCounts(second)).every((c) => c.created === 0 && c.updated === 0 && c.rejected === 0)).toBe(true);
    expect(server.calls.slice(callsBefore).filter((c) => c.rpcMethod === "load" || c.rpcMethod === "write" || c.rpcMethod === "create")).toEqual([]);

    const newer = join(work, "newer-export");
    cpSync(example, newer, { recursive: true });
    const contacts = readFileSync(join(newer, "contacts.csv"), "utf8").split("\r\n");
    const renamed = contacts.map((line) => (line.startsWith("6102,") ? line.replace(/^6102,[^,]*/, "6102,Renamed") : line));
    const withoutLast = renamed.filter((line) => !line.startsWith("6150,"));
    writeFileSync(join(newer, "contacts.csv"), withoutLast.join("\r\n"));
    const delta = await run(runDir, { exportDir: newer, delta: true });
    expect(delta.delta).toMatchObject({ new: 0, changed: 1 });
    expect(delta.delta!.gone).toEqual([{ source: "Contact", key: "6150" }]);
    expect(loadCounts(delta)["Contact"]).toMatchObject({ updated: 1, created: 0 });
    expect(ownRecords("res.partner")).toBe(79);

    const rolledBack = await rollback(runDir);
    expect(rolledBack.failed).toEqual([]);
    expect(server.records("res.partner").length).toBe(partnersBefore);
    expect(ownRecords("res.partner") + ownRecords("crm.lead") + ownRecords("mail.message")).toBe(0);
    expect(server.records("ir.model.fields").filter((f) => String(f["name"]).startsWith("x_smartdesk"))).toEqual([]);
    const again = await rollback(runDir);
    expect(again.deleted + again.restored).toBe(0);
  });

  it("isolates a record Odoo refuses and lands the rest of its batch", async () => {
    const runDir = join(work, "refused");
    await prepareSchema(runDir);
    server.injectFaults({ kind: "reject-record", model: "crm.lead", match: (vals) => String(vals["name"]).startsWith("Helios Group – Data migration"), message: "probe: refused by the test server" });
    const summary = await run(runDir, { batchSize: 50 });
    expect(loadCounts(summary)["Deal"]).toMatchObject({ created: 35, rejected: 1 });
    expect(summary.balanced).toBe(true);
    const rejects = readFileSync(join(runDir, "rejects.csv"), "utf8");
    expect(rejects).toMatch(/Deal,8102,,,Deal,[^,]*,"?Odoo: .*probe: refused by the test server/);
    await rollback(runDir);
  });

  it("retries transient faults and lands everything once", async () => {
    const runDir = join(work, "transient");
    await prepareSchema(runDir);
    server.injectFaults({ kind: "http-status", status: 502, method: "load", times: 2 });
    server.injectFaults({ kind: "reset", method: "search_read", times: 1 });
    const summary = await run(runDir);
    expect(summary.balanced).toBe(true);
    expect(ownRecords("crm.lead")).toBe(36);
    await rollback(runDir);
  });

  it("stops before anything is staged or written on a wrong password or a missing field", async () => {
    await expect(
      runMigration(plan, { exportDir: example, runDir: join(work, "badpass"), odoo: { connection: connection(), password: "nope", transport: await transport("nope") } }),
    ).rejects.toBeInstanceOf(OdooAuthError);
    const refused = JSON.parse(readFileSync(join(work, "badpass", "summary.json"), "utf8")) as RunSummary;
    expect(refused.failure).toMatch(/login or password.*nothing was staged or written/);
    const error = await run(join(work, "noschema")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaMismatchError);
    expect((error as SchemaMismatchError).missing).toEqual([
      "custom field res.partner.x_smartdesk_parent_company_id (map Company)",
      "custom field res.partner.x_smartdesk_created_at (map Company)",
      "custom field res.partner.x_smartdesk_lifecycle_stage (map Contact)",
    ]);
    expect(server.calls.filter((c) => c.rpcMethod === "load" || c.rpcMethod === "create")).toEqual([]);
  });

  it("loads a sample closed under references", async () => {
    const runDir = join(work, "sample");
    await prepareSchema(runDir);
    const summary = await run(runDir, { sample: 2 });
    const deals = server.records("ir.model.data").filter((r) => r["module"] === "mapc_smartdesk" && r["model"] === "crm.lead");
    expect(deals.length).toBeGreaterThanOrEqual(2);
    for (const deal of deals) {
      const lead = server.records("crm.lead").find((l) => l["id"] === deal["res_id"])!;
      if (lead["partner_id"]) expect(server.records("res.partner").some((p) => p["id"] === lead["partner_id"])).toBe(true);
    }
    expect(loadCounts(summary)["Deal"]!.created).toBe(deals.length);
    expect(summary.balanced).toBe(true);
    await rollback(runDir);
  });

  it("creates the records a spec declares with apply-schema, uses them, and rolls them back", async () => {
    const spec = `mapping tickets -> odoo 17.0
record crm.tag as TicketTag {
  name = "Ticket"
}
record crm.stage as Triage {
  name = "Triage"
  sequence = 0
}
source Ticket from csv "tickets.csv" {
  key "id"
  columns { "id": id  "subject": text }
}
map Ticket -> crm.lead {
  type = "lead"
  name <- "subject" required
  tag_ids = record TicketTag
  stage_id = record Triage
}
`;
    const compiled = compileSpec(spec, "tickets.mapspec");
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const exportDir = join(work, "tickets-export");
    mkdirSync(exportDir, { recursive: true });
    writeFileSync(join(exportDir, "tickets.csv"), "id,subject\r\n1,Printer on fire\r\n2,Login fails\r\n");
    const runDir = join(work, "tickets-run");
    mkdirSync(runDir, { recursive: true });
    const odoo = await authenticated();
    const store = StagingStore.open(join(runDir, "staging.sqlite"));
    const changes = await applySchema(compiled.plan, odoo, store).finally(() => store.close());
    expect(changes.map((c) => `${c.status} ${c.name}`)).toEqual(["created crm.tag TicketTag", "created crm.stage Triage"]);
    const store2 = StagingStore.open(join(runDir, "staging.sqlite"));
    const again = await applySchema(compiled.plan, odoo, store2).finally(() => store2.close());
    expect(again.map((c) => c.status)).toEqual(["exists", "exists"]);
    const summary = await runMigration(compiled.plan, { exportDir, runDir, odoo: { connection: connection(), password: "admin", transport: await transport() } });
    expect(summary.balanced).toBe(true);
    const tag = server.records("crm.tag").find((t) => t["name"] === "Ticket")!;
    const leads = server.records("crm.lead").filter((l) => l["name"] === "Printer on fire" || l["name"] === "Login fails");
    expect(leads.map((l) => l["tag_ids"])).toEqual([[tag["id"]], [tag["id"]]]);
    await rollback(runDir);
    expect(server.records("crm.tag").some((t) => t["name"] === "Ticket")).toBe(false);
    expect(server.records("crm.stage").some((t) => t["name"] === "Triage")).toBe(false);
  });

  it("never writes the password into the run folder", async () => {
    const secret = "pw-7c1e9b";
    const guarded = await startOdooTestServer({ users: [{ login: "admin", password: secret }] });
    try {
      const runDir = join(work, "secret-run");
      const odoo = new XmlRpcTransport({ url: guarded.url, db: guarded.db, user: "admin" }, secret);
      await odoo.authenticate();
      mkdirSync(runDir, { recursive: true });
      const store = StagingStore.open(join(runDir, "staging.sqlite"));
      await applySchema(plan, odoo, store).finally(() => store.close());
      await runMigration(plan, { exportDir: example, runDir, odoo: { connection: { url: guarded.url, db: guarded.db, user: "admin" }, password: secret, transport: odoo } });
      for (const file of readdirSync(runDir)) expect(readFileSync(join(runDir, file)).includes(secret), file).toBe(false);
    } finally {
      await guarded.close();
    }
  });

  it("resumes a run killed mid-load without duplicates", async () => {
    const dir = join(work, "killed");
    cpSync(join(root, "specs/smartdesk.mapspec"), join(work, "smartdesk.mapspec"));
    const runDir = join(dir, "run");
    await prepareSchema(runDir);
    const confirm = await cli(["confirm", join(work, "smartdesk.mapspec"), "--by", "test"]);
    expect(confirm.code).toBe(0);
    // Slow loads (the answer held back after the records land) leave time to kill the run mid-phase.
    server.injectFaults({ kind: "delay", ms: 150, method: "load", times: 12 });
    const args = ["run", join(work, "smartdesk.mapspec"), "--source", example, "--out", runDir, "--odoo", server.url, "--db", server.db, "--user", "admin", "--batch-size", "5"];
    const child = spawn(process.execPath, [join(root, "bin/mapc.js"), ...args], { env: { ...process.env, MAPC_ODOO_PASSWORD: "admin" }, stdio: "ignore" });
    await waitFor(() => server.calls.filter((c) => c.rpcMethod === "load").length >= 8);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    const landedBeforeKill = ownRecords("crm.team") + ownRecords("crm.stage") + ownRecords("res.partner");
    expect(landedBeforeKill).toBeGreaterThan(0);
    expect(ownRecords("crm.lead")).toBe(0);
    const resumed = await cli([...args.slice(0, 2), "--out", runDir, "--odoo", server.url, "--db", server.db, "--user", "admin", "--resume"]);
    expect(resumed.stdout).toContain("every object balances");
    expect(resumed.code).toBe(0);
    expect(ownRecords("res.partner")).toBe(79);
    expect(ownRecords("crm.lead")).toBe(36);
  }, 60_000);
});

async function authenticated() {
  const odoo = await transport();
  await odoo.authenticate();
  return odoo;
}

async function rollback(runDir: string) {
  const store = StagingStore.open(join(runDir, "staging.sqlite"));
  try {
    return await rollbackRun(store, await authenticated());
  } finally {
    store.close();
  }
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "bin/mapc.js"), ...args], { env: { ...process.env, MAPC_ODOO_PASSWORD: "admin" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
