// Small helpers shared by the Odoo test server's modules.

import { createHash } from "node:crypto";

/** Odoo's datetime format, in UTC: "2019-03-04 05:06:07". */
export function nowString(date = new Date()): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

export function todayString(date = new Date()): string {
  return date.toISOString().slice(0, 10);
}

/** Python truthiness of an XML-RPC value. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value))
    return Object.keys(value).length > 0;
  return Boolean(value);
}

/** The Python type name of an XML-RPC value, for TypeError texts. */
export function pyTypeName(value: unknown): string {
  if (value instanceof Date) return "DateTime";
  if (Buffer.isBuffer(value)) return "Binary";
  if (Array.isArray(value)) return "list";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "string") return "str";
  if (value && typeof value === "object") return "dict";
  return "NoneType";
}

/** odoo.tools.email_normalize, simplified: the address, lower-cased, or false. */
export function emailNormalize(value: unknown): string | false {
  if (typeof value !== "string") return false;
  const inBrackets = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const address = inBrackets?.[1] ?? value.trim();
  return /^[^@\s,;<>]+@[^@\s,;<>]+$/.test(address) ? address.toLowerCase() : false;
}

export function sha1OfBase64(base64: string): string {
  return createHash("sha1").update(Buffer.from(base64, "base64")).digest("hex");
}
