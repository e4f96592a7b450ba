// Fault injection of the Odoo test server (proxy errors, dropped connections, slow answers, rejected records)
// and the authentication faults a real Odoo 17 gives, seen through odoo-await.

import { describe, expect, it } from "vitest";
import Odoo from "odoo-await";
import { startOdooTestServer, type OdooTestServer } from "../odoo-server/index.js";
import { call, clientWithUid, connect, faultOf, lastLine, rawCall, useOdooTestServer } from "./helpers.js";

let server: OdooTestServer;
let odoo: Odoo;

useOdooTestServer(
  (started, client) => {
    server = started;
    odoo = client;
  },
  { resetEach: true },
);

async function transportError(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; res?: { statusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; res?: { statusCode?: number } };
  }
  throw new Error("expected the call to fail");
}

describe("authentication", () => {
  it("answers false to a wrong password, and Access Denied (faultCode 3) to execute_kw with one", async () => {
    expect(await rawCall(server, "common", "authenticate", [server.db, "admin", "nope", {}])).toBe(false);
    expect(await rawCall(server, "common", "login", [server.db, "admin", "admin"])).toBe(2);
    await expect(
      new Odoo({ baseUrl: server.url, db: server.db, username: "admin", password: "nope" }).connect(),
    ).rejects.toMatch(/invalid credentials/);
    const intruder = clientWithUid(server, { password: "nope", uid: 2 });
    expect(await faultOf(intruder.execute_kw("res.partner", "create", [[{ name: "x" }]]))).toEqual({
      faultCode: 3,
      faultString: "Access Denied",
    });
    expect(server.records("res.partner").some((p) => p.name === "x")).toBe(false);
  });
});

describe("injected transport faults", () => {
  it("answers the next matching call with an HTTP status, without running it", async () => {
    server.injectFaults({ kind: "http-status", status: 503, times: 2, model: "res.partner", method: "create" });
    const first = await transportError(call(odoo, "res.partner", "create", [{ name: "lost 1" }]));
    expect(first.res?.statusCode).toBe(503);
    expect(await call(odoo, "res.partner", "search_count", [[]])).toBeGreaterThan(0); // other calls pass
    const second = await transportError(call(odoo, "res.partner", "create", [{ name: "lost 2" }]));
    expect(second.res?.statusCode).toBe(503);
    const id = await call<number>(odoo, "res.partner", "create", [{ name: "landed" }]);
    const names = server.records("res.partner").map((p) => p.name);
    expect(names).toContain("landed");
    expect(names).not.toContain("lost 1");
    expect(typeof id).toBe("number");
    expect(server.calls.filter((c) => c.rpcMethod === "create").map((c) => c.outcome)).toEqual([
      "http-status",
      "http-status",
      "result",
    ]);
  });

  it("drops the connection without answering", async () => {
    server.injectFaults({ kind: "reset", times: 1 });
    const error = await transportError(call(odoo, "res.partner", "create", [{ name: "never" }]));
    expect(error.code).toBe("ECONNRESET");
    expect(server.records("res.partner").some((p) => p.name === "never")).toBe(false);
    expect(await call(odoo, "res.partner", "search_count", [[["name", "=", "never"]]])).toBe(0);
  });

  it("holds an answer back: a client that gives up still finds the record created", async () => {
    server.injectFaults({ kind: "delay", ms: 400, times: 1, method: "create" });
    const started = Date.now();
    const slow = call<number>(odoo, "res.partner", "create", [{ name: "slow" }]);
    const outcome = await Promise.race([
      slow.then(() => "answered"),
      new Promise((resolve) => setTimeout(() => resolve("timed out"), 100)),
    ]);
    expect(outcome).toBe("timed out");
    expect(server.records("res.partner").some((p) => p.name === "slow")).toBe(true);
    expect(typeof (await slow)).toBe("number");
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(server.calls.find((c) => c.rpcMethod === "create")?.delayedMs).toBe(400);
  });

  it("forgets unused rules on reset()", async () => {
    server.injectFaults({ kind: "http-status", status: 502, times: 5 });
    server.reset();
    expect(await call(odoo, "res.partner", "search_count", [[]])).toBeGreaterThan(0);
  });
});

describe("injected record rejections", () => {
  it("fails a whole create batch holding a matching record, with an Odoo-style fault", async () => {
    server.injectFaults({
      kind: "reject-record",
      model: "res.partner",
      match: (vals) => vals.email === "bad@example.com",
      message: "Invalid e-mail address: bad@example.com",
    });
    const fault = await faultOf(
      call(odoo, "res.partner", "create", [[{ name: "a" }, { name: "b", email: "bad@example.com" }]]),
    );
    expect(fault).toEqual({ faultCode: 2, faultString: "Invalid e-mail address: bad@example.com" });
    expect(server.records("res.partner").some((p) => p.name === "a")).toBe(false);
    // the good ones alone go through: what a bisecting loader does
    expect(await call(odoo, "res.partner", "create", [[{ name: "a" }]])).toHaveLength(1);
    const id = server.records("res.partner").find((p) => p.name === "a")?.id;
    expect(
      lastLine((await faultOf(call(odoo, "res.partner", "write", [[id], { email: "bad@example.com" }]))).faultString),
    ).toBe("Invalid e-mail address: bad@example.com");
  });

  it("reports a matching load row in messages and saves nothing", async () => {
    server.injectFaults({
      kind: "reject-record",
      model: "res.partner",
      match: (vals) => vals.name === "Evil",
      message: "Rejected by the test",
      times: 1,
    });
    const result = await call(odoo, "res.partner", "load", [
      ["id", "name"],
      [
        ["t.ok", "Fine"],
        ["t.evil", "Evil"],
      ],
    ]);
    expect(result).toEqual({
      ids: false,
      messages: [{ rows: { from: 1, to: 1 }, record: 1, type: "error", message: "Rejected by the test" }],
      nextrow: 0,
    });
    expect(server.records("res.partner").some((p) => p.name === "Fine")).toBe(false);
    // times: 1 is used up
    expect(await call(odoo, "res.partner", "load", [["id", "name"], [["t.evil", "Evil"]]])).toMatchObject({
      messages: [],
    });
  });
});

describe("close()", () => {
  it("stops cleanly with a delayed answer pending and keep-alive sockets open", async () => {
    const other = await startOdooTestServer();
    const client = await connect(other);
    other.injectFaults({ kind: "delay", ms: 60_000 });
    const pending = transportError(call(client, "res.partner", "search", [[]]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await pending).message).toMatch(/socket hang up|ECONNRESET/);
    await expect(rawCall(other, "common", "version", [])).rejects.toThrow(/ECONNREFUSED/);
  });
});
