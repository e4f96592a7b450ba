// What the end-to-end tests of every source pair do against the Odoo test server: apply the spec's schema,
// run, roll back, and look at what landed by the external ids the run gave its records.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { TransformPlan } from "../../plan/types.js";
import { externalId } from "../../runtime/execute/index.js";
import { XmlRpcTransport } from "../../runtime/load/index.js";
import { rollbackRun } from "../../runtime/rollback/index.js";
import { runMigration, type RunSummary } from "../../runtime/run/index.js";
import { applySchema } from "../../runtime/schema/index.js";
import { verifyRun } from "../../runtime/verify/index.js";
import { StagingStore } from "../../runtime/stage/index.js";
import { startOdooTestServer, type OdooTestServer } from "../odoo-server/index.js";

export interface RunOptions {
  exportDir?: string;
  delta?: boolean;
  resume?: boolean;
  sample?: number;
  batchSize?: number;
  jobs?: number;
}

export class PairHarness {
  constructor(
    private readonly server: () => OdooTestServer,
    readonly plan: TransformPlan,
    readonly exportDir: string,
  ) {}

  get module(): string {
    return this.plan.target.externalIdModule;
  }

  connection() {
    const server = this.server();
    return { url: server.url, db: server.db, user: "admin" };
  }

  transport(password = "admin"): XmlRpcTransport {
    return new XmlRpcTransport(this.connection(), password, { attempts: 4, backoffMs: 20, timeoutMs: 10_000 });
  }

  async authenticated(): Promise<XmlRpcTransport> {
    const odoo = this.transport();
    await odoo.authenticate();
    return odoo;
  }

  async prepareSchema(runDir: string, plan: TransformPlan = this.plan) {
    const odoo = await this.authenticated();
    mkdirSync(runDir, { recursive: true });
    return this.withStore(runDir, (store) => applySchema(plan, odoo, store));
  }

  run(runDir: string, options: RunOptions = {}): Promise<RunSummary> {
    return runMigration(this.plan, {
      exportDir: options.exportDir ?? this.exportDir,
      runDir,
      odoo: {
        connection: this.connection(),
        password: "admin",
        transport: this.transport(),
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        ...(options.jobs ? { jobs: options.jobs } : {}),
      },
      ...(options.delta ? { delta: true } : {}),
      ...(options.resume ? { resume: true } : {}),
      ...(options.sample ? { sample: options.sample } : {}),
    });
  }

  async rollback(runDir: string) {
    const odoo = await this.authenticated();
    return this.withStore(runDir, (store) => rollbackRun(store, odoo));
  }

  async withStore<T>(runDir: string, work: (store: StagingStore) => Promise<T> | T): Promise<T> {
    const store = StagingStore.open(join(runDir, "staging.sqlite"));
    try {
      return await work(store);
    } finally {
      store.close();
    }
  }

  /** An Odoo user as an admin provisions one (values such as name and login), and the partner Odoo made for it. */
  async provisionUser(values: Record<string, unknown>): Promise<{ user: number; partner: number }> {
    const odoo = await this.authenticated();
    const user = await odoo.executeKw<number>("res.users", "create", [values]);
    const [read] = await odoo.executeKw<Array<{ partner_id: [number, string] }>>("res.users", "read", [
      [user],
      ["partner_id"],
    ]);
    return { user, partner: read!.partner_id[0] };
  }

  /**
   * The end of every pair's lifecycle: `verify` finds every record as staged, a run of the same export from a
   * new folder changes nothing, and rolling the first folder back leaves each model with `countsBefore` records.
   */
  async expectVerifyRerunRollback(runDir: string, rerunDir: string, countsBefore: Record<string, number>) {
    const verified = await this.withStore(runDir, async (store) =>
      verifyRun(this.plan, store, await this.authenticated(), this.exportDir),
    );
    expect({ missing: verified.missing, mismatches: verified.mismatches }).toEqual({ missing: [], mismatches: [] });
    const rerun = await this.run(rerunDir);
    expect(
      Object.values(this.loadCounts(rerun)).every((c) => c.created === 0 && c.updated === 0 && c.rejected === 0),
    ).toBe(true);
    const rolledBack = await this.rollback(runDir);
    expect(rolledBack.failed).toEqual([]);
    for (const [model, count] of Object.entries(countsBefore))
      expect(this.server().records(model).length, model).toBe(count);
  }

  /** Per load phase: created, updated, unchanged and rejected. */
  loadCounts(summary: RunSummary) {
    return Object.fromEntries(
      (summary.loadPhases ?? []).map((p) => [
        p.phase,
        { created: p.created, updated: p.updated, unchanged: p.unchanged, rejected: p.rejected },
      ]),
    );
  }

  /** How many records of a model carry an external id of this run's module. */
  ownRecords(model: string): number {
    return this.server()
      .records("ir.model.data")
      .filter((r) => r["module"] === this.module && r["model"] === model).length;
  }

  /** The Odoo id a record of this run got, by its external id without the module. */
  odooId(name: string): number | undefined {
    return this.server()
      .records("ir.model.data")
      .find((r) => r["module"] === this.module && r["name"] === name)?.["res_id"] as number | undefined;
  }

  odooRecord(model: string, name: string): Record<string, unknown> {
    const id = this.odooId(name);
    const found = this.server()
      .records(model)
      .find((r) => r["id"] === id);
    if (!found) throw new Error(`${name} is not in ${model}`);
    return found;
  }

  /** The record a map made of the source row with this key, as its external id names it. */
  landed(model: string, mapping: string, key: string | number): Record<string, unknown> {
    return this.odooRecord(model, this.nameOf(mapping, key));
  }

  /** The Odoo id of the record a map made of the source row with this key. */
  idOf(mapping: string, key: string | number): number | undefined {
    return this.odooId(this.nameOf(mapping, key));
  }

  private nameOf(mapping: string, key: string | number): string {
    return externalId(this.module, mapping, String(key)).slice(this.module.length + 1);
  }
}

/**
 * An end-to-end file's surroundings: the Odoo test server, started before its tests and closed after them,
 * and a temporary folder for its run folders and exports, removed at the end.
 */
export function useEndToEnd(name: string): { server: () => OdooTestServer; work: string } {
  const work = mkdtempSync(join(tmpdir(), `mapc-${name}-`));
  let server: OdooTestServer | undefined;
  beforeAll(async () => {
    server = await startOdooTestServer();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });
  return {
    server: () => {
      if (!server) throw new Error("the Odoo test server is not started yet");
      return server;
    },
    work,
  };
}
