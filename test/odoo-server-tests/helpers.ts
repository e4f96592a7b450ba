// Helpers for the Odoo test server's tests: an odoo-await client logged in to it, raw XML-RPC calls (for answers
// odoo-await hides, such as authenticate's `false`), and fault capture.

import { createRequire } from "node:module";
import Odoo from "odoo-await";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startOdooTestServer, type OdooTestServer } from "../odoo-server/index.js";

const require = createRequire(import.meta.url);

interface XmlRpcClient {
  methodCall(method: string, params: unknown[], callback: (error: unknown, value: unknown) => void): void;
}
const xmlrpc = require("xmlrpc") as {
  createClient(options: { host: string; port: number; path: string }): XmlRpcClient;
};

export async function connect(server: OdooTestServer, username = "admin", password = "admin"): Promise<Odoo> {
  const odoo = new Odoo({ baseUrl: server.url, db: server.db, username, password });
  await odoo.connect();
  return odoo;
}

/**
 * Starts the test server for the enclosing file or describe block, hands it and a logged-in client to `use`,
 * and closes it afterwards; with `resetEach`, every test starts from the seeded state.
 */
export function useOdooTestServer(
  use: (server: OdooTestServer, odoo: Odoo) => void,
  options: { resetEach?: boolean } = {},
): void {
  let server: OdooTestServer | undefined;
  beforeAll(async () => {
    server = await startOdooTestServer();
    use(server, await connect(server));
  });
  afterAll(async () => {
    await server?.close();
  });
  if (options.resetEach) beforeEach(() => server?.reset());
}

/** execute_kw(model, method, args, kwargs): a fresh params array every call (odoo-await prepends to it). */
export function call<T = unknown>(
  odoo: Odoo,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
): Promise<T> {
  return odoo.execute_kw(model, method, [structuredClone(args), structuredClone(kwargs)]) as Promise<T>;
}

/** A raw XML-RPC call to /xmlrpc/2/<service>. */
export function rawCall(server: OdooTestServer, service: string, method: string, params: unknown[]): Promise<unknown> {
  const client = xmlrpc.createClient({ host: "127.0.0.1", port: server.port, path: `/xmlrpc/2/${service}` });
  return new Promise((resolve, reject) =>
    client.methodCall(method, params, (error, value) => (error ? reject(error) : resolve(value))),
  );
}

export interface Fault {
  faultCode: number;
  faultString: string;
}

/** The XML-RPC fault a call ends with; fails the test if it succeeds or fails otherwise. */
export async function faultOf(promise: Promise<unknown>): Promise<Fault> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    const e = error as Partial<Fault>;
    if (typeof e.faultCode === "number" && typeof e.faultString === "string")
      return { faultCode: e.faultCode, faultString: e.faultString };
    throw error;
  }
  throw new Error(`expected a fault, got ${JSON.stringify(result)}`);
}

/** The last non-empty line of a fault: what a client shows the user. */
export function lastLine(text: string): string {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines[lines.length - 1] ?? "";
}

/** The ir.model id of a model. */
export async function irModelId(odoo: Odoo, model: string): Promise<number> {
  const ids = await call<number[]>(odoo, "ir.model", "search", [[["model", "=", model]]]);
  const id = ids[0];
  if (id === undefined) throw new Error(`no ir.model row for ${model}`);
  return id;
}

/** The record id of an external id, through ir.model.data. */
export async function xmlidToId(odoo: Odoo, xmlid: string): Promise<number> {
  const [module, name] = xmlid.split(".");
  const rows = await call<Array<{ res_id: number }>>(odoo, "ir.model.data", "search_read", [
    [
      ["module", "=", module],
      ["name", "=", name],
    ],
    ["res_id"],
  ]);
  const row = rows[0];
  if (!row) throw new Error(`no external id ${xmlid}`);
  return row.res_id;
}

/**
 * An odoo-await client that skips authenticate and sends this uid (odoo-await's typings declare `uid` static,
 * but it is an instance property).
 */
export function clientWithUid(
  server: OdooTestServer,
  options: { db?: string; username?: string; password: string; uid: number },
): Odoo {
  const odoo = new Odoo({
    baseUrl: server.url,
    db: options.db ?? server.db,
    username: options.username ?? "admin",
    password: options.password,
  });
  (odoo as unknown as { uid: number }).uid = options.uid;
  return odoo;
}

export function uidOf(odoo: Odoo): number {
  return (odoo as unknown as { uid: number }).uid;
}
