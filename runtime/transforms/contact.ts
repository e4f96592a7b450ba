// E-mail addresses, phone numbers, URLs and domains. Each receives a non-empty value.
import { TransformError, quote } from "./errors.js";
import { textInput } from "./values.js";

export interface EmailOptions {
  /** `empty`: an address that does not look like one becomes empty instead of rejecting the record */
  invalid?: "fail" | "empty";
}

// Deliberately loose: one @, no spaces, a dot in the domain and a top-level part of two letters or more.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.\d]{2,}$/u;

export function normalizeEmail(value: unknown, options?: EmailOptions): string | null {
  const address = textInput(value, "email").trim().toLowerCase();
  if (EMAIL_SHAPE.test(address)) return address;
  if (options?.invalid === "empty") return null;
  throw new TransformError(`${quote(value)} is not an e-mail address`);
}

export interface PhoneOptions {
  /** country prefix such as "+44" that replaces the leading 0 of a number written without + */
  region?: string;
}

const MIN_PHONE_DIGITS = 5;

export function normalizePhone(value: unknown, options?: PhoneOptions): string {
  const written = textInput(value, "phone").trim();
  const plus = written.startsWith("+") ? "+" : "";
  const digits = (plus ? written.slice(1) : written).replace(/[\s.\-()]/g, "");
  if (!/^\d+$/.test(digits)) throw new TransformError(`${quote(value)} is not a phone number`);
  if (digits.length < MIN_PHONE_DIGITS) {
    throw new TransformError(`${quote(value)} is not a phone number: fewer than ${MIN_PHONE_DIGITS} digits`);
  }
  if (!plus && options?.region !== undefined && digits.startsWith("0"))
    return regionPrefix(options.region) + digits.slice(1);
  return plus + digits;
}

function regionPrefix(region: string): string {
  const digits = region.replace(/[^\d]/g, "");
  return `+${digits}`;
}

const SCHEMED = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;

export interface UrlOptions {
  /** what text that is no URL gives: a rejection (the default), or nothing (a website field left empty) */
  invalid?: "fail" | "empty";
}

export function normalizeUrl(value: unknown, options?: UrlOptions): string | null {
  const written = textInput(value, "url").trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(written) ? written : `https://${written}`;
  const parts = SCHEMED.exec(withScheme);
  const scheme = parts?.[1];
  const host = parts?.[2];
  if (scheme === undefined || host === undefined || !isHostLike(host)) {
    if (options?.invalid === "empty") return null;
    throw new TransformError(`${quote(value)} is not a URL`);
  }
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${parts?.[3] ?? ""}`;
}

export interface DomainOptions {
  /** what text with no domain gives: a rejection (the default), nothing, or the text itself */
  invalid?: "fail" | "empty" | "keep";
}

export function domainOf(value: unknown, options?: DomainOptions): string | null {
  const written = textInput(value, "domain").trim();
  const host = written.includes("@") && !written.includes("://") ? afterAt(written) : hostOfUrl(written);
  const domain = host
    .toLowerCase()
    .replace(/^www\./, "")
    .replace(/\.$/, "");
  if (isHostLike(domain) && domain.includes(".")) return domain;
  if (options?.invalid === "empty") return null;
  if (options?.invalid === "keep") return written;
  throw new TransformError(`${quote(value)} has no domain`);
}

function afterAt(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

function hostOfUrl(url: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  const authority = SCHEMED.exec(withScheme)?.[2] ?? "";
  const withoutUser = authority.slice(authority.lastIndexOf("@") + 1);
  return withoutUser.replace(/:\d*$/, "");
}

function isHostLike(host: string): boolean {
  return host !== "" && !/[\s<>"{}|\\^`]/.test(host);
}
