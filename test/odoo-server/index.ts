// The Odoo test server: a TEST DOUBLE of Odoo 17's XML-RPC API for mapc's tests. It is not Odoo. It listens on
// 127.0.0.1 only, speaks the real XML-RPC wire protocol (so odoo-await talks to it unchanged), takes its models
// and fields from the field catalogs (catalogs/odoo/<version>/), keeps everything in memory, and answers with
// the results and fault texts that rpc-transcripts.json recorded from a real Odoo 17. See README.md.

import http from "node:http";
import type { Socket } from "node:net";
import { loadCatalog } from "../../compiler/catalog/index.js";
import { Database, type Env } from "./database.js";
import { OdooFault, pythonError } from "./faults.js";
import { Registry } from "./registry.js";
import { seedDatabase, type SeedUser } from "./seed.js";
import { countOf, Services } from "./service.js";
import { faultResponse, methodResponse, parseMethodCall } from "./wire.js";

export { OdooFault } from "./faults.js";

export interface OdooTestServerOptions {
  /** the catalog folder to take models, fields and standard records from; default "17.0" */
  version?: string;
  /** the database name clients must use; default "odoo_test" */
  db?: string;
  /** the users who can log in; the first is the administrator (uid 2, base.user_admin); default admin/admin */
  users?: SeedUser[];
  /** the modules ir.module.module lists as installed; default every module the catalog names */
  installedModules?: string[];
  /** the TCP port on 127.0.0.1; default 0, an ephemeral port */
  port?: number;
  /** the largest request body accepted, in bytes; default 64 MiB (a larger one gets HTTP 413) */
  maxBodyBytes?: number;
  /** the most records the in-memory database holds; default 500,000 */
  maxRecords?: number;
  /** the most calls `calls` keeps (the oldest go first); default 10,000 */
  maxCalls?: number;
  /** Odoo's time per call, for benchmarks of the loader; default none (every answer goes out at once) */
  cost?: CostModel;
}

/**
 * A model of where a real Odoo's time goes, so that the loader's round trips and parallel batches can be
 * measured without one: each execute_kw call holds one of `workers` worker processes for `callMs` plus
 * `recordMs` per record it creates, writes or loads, and a call that finds every worker busy waits for the
 * first to come free. The call's effects land at once; only its answer waits.
 */
export interface CostModel {
  workers: number;
  callMs: number;
  recordMs: number;
}

/** Which execute_kw calls a transport fault applies to: every one, or only those on a model and/or method. */
interface CallFilter {
  /** only calls on this model */
  model?: string;
  /** only calls of this ORM method (create, write, load, …) */
  method?: string;
  /** how many matching calls the rule applies to; default 1 */
  times?: number;
}

export type FaultRule =
  /** answer with this HTTP status (e.g. 502, 503) and an HTML body, without running the call */
  | (CallFilter & { kind: "http-status"; status: number })
  /** destroy the socket without answering, without running the call */
  | (CallFilter & { kind: "reset" })
  /** run the call, then hold the answer back for `ms` milliseconds (its effects land: as with a slow Odoo) */
  | (CallFilter & { kind: "delay"; ms: number })
  /** answer with an Odoo application fault carrying `message` (as a Python TypeError), without running the call */
  | (CallFilter & { kind: "fault"; message: string })
  /**
   * reject any create/write/load batch holding a record of `model` whose vals `match`: create and write answer
   * with an Odoo-style fault (code 2, `message`) and save nothing; load reports the row in `messages` and
   * answers `ids: false`, as Odoo's load does for a record that fails. `times` counts rejected records
   * (default: no limit until reset()).
   */
  | {
      kind: "reject-record";
      model: string;
      match: (vals: Readonly<Record<string, unknown>>) => boolean;
      message: string;
      times?: number;
    };

export interface RecordedCall {
  /** the XML-RPC service: "common", "object" or "db" */
  service: string;
  /** the XML-RPC method: "authenticate", "execute_kw", … */
  method: string;
  /** for execute_kw: the model */
  model?: string;
  /** for execute_kw: the ORM method */
  rpcMethod?: string;
  /** records per create, ids per write/unlink/read, rows per load */
  count?: number;
  /** what the server did */
  outcome: "result" | "fault" | "http-status" | "reset";
  faultCode?: number;
  /** the answer was held back this long (delay fault) */
  delayedMs?: number;
}

export interface OdooTestServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  readonly db: string;
  /** the server_version it reports, e.g. "17.0-20240709" */
  readonly version: string;
  close(): Promise<void>;
  /** the stored rows of a model, by id (many2one as an id, many2many as ids), for assertions */
  records(model: string): readonly Readonly<Record<string, unknown>>[];
  /** every XML-RPC call received since start or reset(), oldest first */
  readonly calls: readonly RecordedCall[];
  injectFaults(rule: FaultRule): void;
  /** back to the initial state: seeded records only, no custom models, no calls, no fault rules */
  reset(): void;
  /** creates a record as the administrator would (same validation), bypassing access rights; its id */
  seed(model: string, values: Record<string, unknown>, xmlid?: string): number;
}

type ActiveRule = FaultRule & { remaining: number };

const PROXY_PAGE = (status: number): string =>
  `<html>\r\n<head><title>${status} ${http.STATUS_CODES[status] ?? "Error"}</title></head>\r\n<body>\r\n` +
  `<center><h1>${status} ${http.STATUS_CODES[status] ?? "Error"}</h1></center>\r\n` +
  `<hr><center>injected by the Odoo test server</center>\r\n</body>\r\n</html>\r\n`;

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startOdooTestServer(options: OdooTestServerOptions = {}): Promise<OdooTestServer> {
  const catalog = loadCatalog(options.version ?? "17.0");
  const dbName = options.db ?? "odoo_test";
  const users: SeedUser[] =
    options.users && options.users.length
      ? options.users.map((u) => ({ ...u }))
      : [{ login: "admin", password: "admin" }];
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const maxCalls = options.maxCalls ?? 10_000;
  const installedModules = options.installedModules;

  const build = (): Database => {
    const registry = new Registry(catalog);
    const database = new Database(registry, { maxRecords: options.maxRecords ?? 500_000, companyId: () => 1 });
    seedDatabase(database, users, installedModules ?? registry.catalogModules());
    return database;
  };

  let db = build();
  const calls: RecordedCall[] = [];
  const rules: ActiveRule[] = [];
  const services = new Services(() => db, { db: dbName, serverVersion: catalog.serverVersion, serie: catalog.version });

  const record = (entry: RecordedCall): void => {
    calls.push(entry);
    if (calls.length > maxCalls) calls.splice(0, calls.length - maxCalls);
  };

  const takeTransportRule = (model: string | undefined, method: string | undefined): ActiveRule | undefined => {
    const rule = rules.find(
      (r) =>
        r.kind !== "reject-record" &&
        r.remaining > 0 &&
        (r.model === undefined || r.model === model) &&
        (r.method === undefined || r.method === method),
    );
    if (rule) rule.remaining--;
    return rule;
  };

  const reject: NonNullable<Env["reject"]> = (model, vals) => {
    for (const rule of rules) {
      if (rule.kind !== "reject-record" || rule.remaining <= 0 || rule.model !== model) continue;
      if (rule.match(vals)) {
        rule.remaining--;
        return rule.message;
      }
    }
    return undefined;
  };

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const workerFreeAt = Array<number>(options.cost?.workers ?? 0).fill(0);

  /** How long the answer to a call waits under the cost model: its turn for a worker, then its own work. */
  const modelledWait = (entry: RecordedCall): number => {
    const cost = options.cost;
    if (!cost || workerFreeAt.length === 0) return 0;
    const now = performance.now();
    const worker = workerFreeAt.indexOf(Math.min(...workerFreeAt));
    const writes =
      entry.rpcMethod === "create" ||
      entry.rpcMethod === "write" ||
      entry.rpcMethod === "load" ||
      entry.rpcMethod === "unlink";
    const end = Math.max(now, workerFreeAt[worker]!) + cost.callMs + (writes ? cost.recordMs * (entry.count ?? 0) : 0);
    workerFreeAt[worker] = end;
    return end - now;
  };

  const dispatch = (service: string, method: string, params: unknown[]): unknown => {
    if (service === "common") return services.common(method, params);
    if (service === "db") return services.dbService(method, params);
    return services.object(method, params, reject);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const route = /^\/xmlrpc\/2\/(common|object|db)$/.exec(path);
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      res.end(
        "<!doctype html><title>404 Not Found</title><h1>Not Found</h1><p>Odoo test server: only /xmlrpc/2/common, /xmlrpc/2/object and /xmlrpc/2/db exist.</p>",
      );
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { Allow: "POST", "Content-Type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>405 Method Not Allowed</title><h1>Method Not Allowed</h1>");
      return;
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === null) {
      res.writeHead(413, { "Content-Type": "text/html; charset=utf-8", Connection: "close" });
      res.end("<!doctype html><title>413 Request Entity Too Large</title><h1>Request Entity Too Large</h1>");
      return;
    }
    const service = route[1] ?? "object";
    const send = (xml: string, delay: number): void => {
      const write = (): void => {
        if (res.destroyed) return;
        res.writeHead(200, { "Content-Type": "text/xml; charset=utf-8", "Content-Length": Buffer.byteLength(xml) });
        res.end(xml);
      };
      if (delay <= 0) return write();
      const timer = setTimeout(() => {
        timers.delete(timer);
        write();
      }, delay);
      timers.add(timer);
    };

    let call: { method: string; params: unknown[] };
    try {
      call = await parseMethodCall(body);
    } catch (error) {
      const fault = pythonError("xml.parsers.expat.ExpatError", error instanceof Error ? error.message : String(error));
      record({ service, method: "", outcome: "fault", faultCode: fault.faultCode });
      send(faultResponse(fault.faultCode, fault.faultString), 0);
      return;
    }

    const entry: RecordedCall = { service, method: call.method, outcome: "result" };
    let delay = 0;
    if (service === "object" && (call.method === "execute_kw" || call.method === "execute")) {
      const [, , , model, rpcMethod] = call.params;
      if (typeof model === "string") entry.model = model;
      if (typeof rpcMethod === "string") entry.rpcMethod = rpcMethod;
      const args =
        call.method === "execute_kw" ? (Array.isArray(call.params[5]) ? call.params[5] : []) : call.params.slice(5);
      const count = entry.rpcMethod ? countOf(entry.rpcMethod, args) : undefined;
      if (count !== undefined) entry.count = count;
      const rule = takeTransportRule(entry.model, entry.rpcMethod);
      if (rule?.kind === "http-status") {
        record({ ...entry, outcome: "http-status" });
        res.writeHead(rule.status, { "Content-Type": "text/html", Connection: "close" });
        res.end(PROXY_PAGE(rule.status));
        return;
      }
      if (rule?.kind === "reset") {
        record({ ...entry, outcome: "reset" });
        req.socket.destroy();
        return;
      }
      if (rule?.kind === "delay") {
        delay = rule.ms;
        entry.delayedMs = rule.ms;
      }
      if (rule?.kind === "fault") {
        const fault = pythonError("TypeError", rule.message);
        record({ ...entry, outcome: "fault", faultCode: fault.faultCode });
        send(faultResponse(fault.faultCode, fault.faultString), 0);
        return;
      }
    }

    let xml: string;
    try {
      xml = methodResponse(dispatch(service, call.method, call.params));
    } catch (error) {
      const fault =
        error instanceof OdooFault
          ? error
          : pythonError(
              "RuntimeError",
              `internal error of the Odoo test server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            );
      entry.outcome = "fault";
      entry.faultCode = fault.faultCode;
      xml = faultResponse(fault.faultCode, fault.faultString);
    }
    record(entry);
    send(xml, Math.max(delay, modelledWait(entry)));
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(`Odoo test server: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  let closed: Promise<void> | null = null;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db: dbName,
    version: catalog.serverVersion,
    get calls(): readonly RecordedCall[] {
      return calls.map((c) => ({ ...c }));
    },
    records(model: string) {
      if (!db.model(model)) throw new Error(`Odoo test server: no model ${model}`);
      return db.rows(model);
    },
    injectFaults(rule: FaultRule) {
      if (rule.kind === "http-status" && !(rule.status >= 100 && rule.status <= 599))
        throw new Error(`bad HTTP status ${rule.status}`);
      if (rule.kind === "delay" && !(rule.ms >= 0)) throw new Error(`bad delay ${rule.ms}`);
      const remaining = rule.times ?? (rule.kind === "reject-record" ? Number.POSITIVE_INFINITY : 1);
      rules.push({ ...rule, remaining });
    },
    reset() {
      db = build();
      calls.length = 0;
      rules.length = 0;
    },
    seed(model: string, values: Record<string, unknown>, xmlid?: string): number {
      const env: Env = { uid: 2, context: {}, su: true };
      return db.transaction(() => {
        const [id] = db.createRecords(env, model, [values]);
        if (id === undefined) throw new Error("seed: no record created");
        if (xmlid) {
          const dot = xmlid.indexOf(".");
          const module = dot >= 0 ? xmlid.slice(0, dot) : "__import__";
          const name = dot >= 0 ? xmlid.slice(dot + 1) : xmlid;
          db.createRecords(env, "ir.model.data", [{ module, name, model, res_id: id }]);
        }
        return id;
      });
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
