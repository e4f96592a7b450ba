// TypeScript source text for plan constants.
import type { PlanLiteral } from "../../plan/types.js";

export function literal(value: PlanLiteral | undefined): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  return `{ xmlid: ${JSON.stringify(value.xmlid)} }`;
}

/** A string as a TypeScript literal. JSON's escaping is valid TypeScript. */
export function str(text: string): string {
  return JSON.stringify(text);
}

export function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : str(name);
}

/** A flat object literal on one line: `{ tz: "Asia/Kolkata" }`. */
export function objectLiteral(entries: ReadonlyArray<readonly [string, string]>): string {
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([key, value]) => (key === value ? key : `${propertyName(key)}: ${value}`)).join(", ")} }`;
}

export function arrayLiteral(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}

/** Text for a comment: one line, and never closing a block comment early. */
export function commentText(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\*\//g, "* /");
}

export function indent(lines: readonly string[], depth = 1): string[] {
  const pad = "  ".repeat(depth);
  return lines.map((line) => (line === "" ? line : pad + line));
}

/** Any JSON-like value as a one-line TypeScript literal, with bare keys where they are identifiers. */
export function inlineLiteral(value: unknown): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return arrayLiteral(value.map(inlineLiteral));
  if (value !== null && typeof value === "object") {
    return objectLiteral(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, inlineLiteral(item)] as const),
    );
  }
  return JSON.stringify(value);
}
