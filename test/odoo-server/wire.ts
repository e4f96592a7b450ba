// The XML-RPC wire format of the Odoo test server. The (de)serialisation is the `xmlrpc` npm package's own
// (the package odoo-await uses as its client), so both ends of a test speak exactly the same dialect; only the
// HTTP layer is ours (routing by path, fault injection, loopback binding, clean shutdown), because the package's
// `Server` class routes every path alike and answers an unknown method with a bare 404 instead of a fault.

import { createRequire } from "node:module";
import { PassThrough } from "node:stream";

const require = createRequire(import.meta.url);

interface XmlNode {
  ele(name: string): XmlNode;
  txt(text: string): XmlNode;
}

interface CustomTypeInstance {
  raw: string;
  tagName: string;
  serialize(xml: XmlNode): XmlNode;
}

type CustomTypeConstructor = new (raw: string) => CustomTypeInstance;

interface XmlRpcSerializer {
  serializeMethodResponse(value: unknown): string;
  serializeFault(fault: { faultCode: number; faultString: string }): string;
}

interface XmlRpcDeserializer {
  deserializeMethodCall(
    stream: NodeJS.ReadableStream,
    callback: (error: Error | null | undefined, methodName?: string, params?: unknown[]) => void,
  ): void;
}

const serializer = require("xmlrpc/lib/serializer.js") as XmlRpcSerializer;
const Deserializer = require("xmlrpc/lib/deserializer.js") as new () => XmlRpcDeserializer;
const CustomType = require("xmlrpc/lib/customtype.js") as CustomTypeConstructor;

/**
 * A Python float on the wire. The package writes every integral JS number as `<int>`; Odoo writes float fields
 * as `<double>` (10.0, not 10). Read results wrap float/monetary values in this so the answer has the same types.
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

class XmlRpcDouble extends CustomType {
  constructor(value: number) {
    super(Number.isInteger(value) ? value.toFixed(1) : String(value));
    this.tagName = "double";
  }
}

// XML 1.0 forbids these; Odoo strips them from every string it sends (OdooMarshaller.dump_unicode).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Odoo marshals with allow_none=False, so nothing it sends is nil: undefined/null never reach the wire here. */
function toWire(value: unknown): unknown {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.replace(CONTROL_CHARACTERS, "");
  if (typeof value === "number") return Number.isFinite(value) ? value : false;
  if (typeof value === "boolean") return value;
  if (value instanceof PyFloat) return new XmlRpcDouble(value.value);
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace("T", " ");
  if (Buffer.isBuffer(value)) return value.toString("base64");
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = toWire(item);
    return out;
  }
  return String(value);
}

export function methodResponse(value: unknown): string {
  return serializer.serializeMethodResponse(toWire(value));
}

export function faultResponse(faultCode: number, faultString: string): string {
  return serializer.serializeFault({ faultCode, faultString: faultString.replace(CONTROL_CHARACTERS, "") });
}

export interface MethodCall {
  method: string;
  params: unknown[];
}

/** Parses a `<methodCall>`; rejects with the parser's error for a body that is not one. */
export function parseMethodCall(body: Buffer): Promise<MethodCall> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    let settled = false;
    new Deserializer().deserializeMethodCall(stream, (error, method, params) => {
      if (settled) return;
      settled = true;
      if (error || method === undefined) reject(error ?? new Error("no method name"));
      else resolve({ method, params: params ?? [] });
    });
    stream.end(body);
  });
}
