// How mapc talks to Odoo: one small interface, so the XML-RPC transport (odoo-await) can be joined by
// JSON-2 for Odoo 19+ without touching the loader. Faults come back as OdooFault with the one line of the
// server's traceback a person needs; transient failures are retried with backoff.
import Odoo from "odoo-await";

export interface OdooConnection {
  url: string;
  db: string;
  user: string;
}

export interface OdooTransport {
  /** the uid; throws OdooAuthError on a wrong login or password */
  authenticate(): Promise<number>;
  executeKw<T = unknown>(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<T>;
}

/** An error Odoo answered with: the call was understood and refused. Not retried. */
export class OdooFault extends Error {
  constructor(
    readonly faultCode: number | string,
    readonly faultString: string,
    readonly model: string,
    readonly method: string,
  ) {
    super(lastUsefulLine(faultString));
    this.name = "OdooFault";
  }
}

export class OdooAuthError extends Error {}

/** A call that failed for a reason worth trying again: timeout, reset connection, 5xx from a proxy. */
export class TransientError extends Error {}

/**
 * Odoo's fault strings hold the whole Python traceback, with server paths. People need its last line
 * ("ValueError: Invalid field 'x' on model 'crm.lead'"), or for constraint errors the last two.
 */
export function lastUsefulLine(faultString: string): string {
  const lines = faultString
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const last = lines.at(-1) ?? faultString;
  if (/^(Field|Constraint|Model):/.test(last)) {
    const head = lines.find((l) => l.startsWith("The operation cannot be completed")) ?? "";
    return [head, ...lines.filter((l) => /^(Model|Field|Constraint):/.test(l))].filter(Boolean).join(" ");
  }
  return last;
}

interface XmlRpcError extends Error {
  faultCode?: number | string;
  faultString?: string;
  code?: string;
  res?: { statusCode?: number };
}

function classify(error: unknown, model: string, method: string): Error {
  if (typeof error === "string") return new OdooAuthError(error);
  const e = error as XmlRpcError;
  if (e && e.faultString !== undefined) {
    if (/Access Denied/.test(e.faultString))
      return new OdooAuthError("Odoo refused the login or password (Access Denied)");
    return new OdooFault(e.faultCode ?? "?", e.faultString, model, method);
  }
  if (
    e &&
    (e.code === "ECONNRESET" ||
      e.code === "ECONNREFUSED" ||
      e.code === "EPIPE" ||
      e.code === "ETIMEDOUT" ||
      /socket hang up/i.test(e.message))
  ) {
    return new TransientError(`${e.code ?? "connection"}: ${e.message}`);
  }
  // The xmlrpc client reports an HTML error page (a proxy's 502/503) as an unparsable answer.
  if (
    e &&
    /Unknown XML-RPC tag|Unexpected end|non-whitespace before first tag|Invalid|status code 5\d\d/i.test(e.message)
  ) {
    return new TransientError(`unexpected answer from the server: ${e.message}`);
  }
  return e instanceof Error ? e : new Error(String(error));
}

export interface RetryPolicy {
  attempts: number;
  /** first wait; doubled each time */
  backoffMs: number;
  timeoutMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 5, backoffMs: 500, timeoutMs: 120_000 };

/** XML-RPC through odoo-await. A new client per call is odoo-await's own way (one HTTP connection each). */
export class XmlRpcTransport implements OdooTransport {
  private readonly odoo: InstanceType<typeof Odoo>;

  constructor(
    connection: OdooConnection,
    password: string,
    private readonly retry: RetryPolicy = defaultRetry,
  ) {
    const url = new URL(connection.url);
    this.odoo = new Odoo({
      baseUrl: `${url.protocol}//${url.hostname}`,
      ...(url.port ? { port: Number(url.port) } : {}),
      db: connection.db,
      username: connection.user,
      password,
    });
  }

  async authenticate(): Promise<number> {
    try {
      return await this.withRetry("common", "authenticate", () => this.odoo.connect());
    } catch (error) {
      if (error instanceof OdooAuthError)
        throw new OdooAuthError("Odoo refused the login or password: check --user and MAPC_ODOO_PASSWORD");
      throw error;
    }
  }

  executeKw<T>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> {
    // odoo-await prepends db, uid and password to the array it is given: build a new one per attempt.
    return this.withRetry(model, method, () => this.odoo.execute_kw(model, method, [args, kwargs]) as Promise<T>);
  }

  private async withRetry<T>(model: string, method: string, call: () => Promise<T>): Promise<T> {
    let wait = this.retry.backoffMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await withTimeout(call(), this.retry.timeoutMs);
      } catch (raw) {
        const error = raw instanceof TransientError ? raw : classify(raw, model, method);
        if (!(error instanceof TransientError) || attempt >= this.retry.attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait *= 2;
      }
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransientError(`no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
