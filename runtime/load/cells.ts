// Staged values → the text cells Odoo's `load` takes, and read-back values → the same cells, so "what we
// would write" and "what Odoo holds" compare as equals. Relational values always go by database id
// (`field/.id`): references are resolved to ids before the call, so a row never mixes id kinds.
import { decodeHTML } from "entities";
import type { TargetValue } from "../execute/index.js";
import { ExportPathError } from "../extract/index.js";
import type { LiveField } from "./schema.js";

/** Where a reference's database id comes from: staged external ids and prefetched lookups. */
export interface IdResolver {
  /** the database id of an external id, or undefined when Odoo has no such record */
  xmlid(externalId: string): number | undefined;
  /** the database id a lookup found, `null` when it found none */
  lookup(name: string, key: string): number | null | undefined;
  /** a file of the export, base64 */
  file(path: string): string;
}

export class UnresolvedReference extends Error {
  constructor(
    readonly field: string,
    readonly target: string,
    why: string,
  ) {
    super(`${field}: ${target} ${why}`);
  }
}

const relationalTypes = new Set(["many2one", "many2many", "one2many"]);

export function columnName(field: string, type: string): string {
  return relationalTypes.has(type) ? `${field}/.id` : field;
}

/** One staged value as a load cell; throws UnresolvedReference when a reference has no id. */
export function toCell(field: string, info: LiveField, value: TargetValue, ids: IdResolver): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) {
    return value
      .map((element) => toCell(field, info, element, ids))
      .filter((cell) => cell !== "")
      .join(",");
  }
  if (typeof value === "object") {
    if ("xmlid" in value && typeof value.xmlid === "string") {
      const id = ids.xmlid(value.xmlid);
      if (id === undefined)
        throw new UnresolvedReference(field, value.xmlid, "is not in Odoo (its record was rejected or not loaded)");
      return String(id);
    }
    if ("lookup" in value) {
      const key = typeof value.lookup.key === "string" ? value.lookup.key : "";
      const id = ids.lookup(value.lookup.name, key);
      if (id === undefined)
        throw new UnresolvedReference(field, `lookup ${value.lookup.name} "${key}"`, "found no record in Odoo");
      return id === null ? "" : String(id);
    }
    if ("base64" in value && typeof value.base64 === "string") return value.base64;
    if ("file" in value && typeof value.file === "string") return readFileCell(field, value.file, ids);
    return JSON.stringify(value);
  }
  if (typeof value === "boolean") return value ? "1" : "0";
  if (info.type === "boolean") return value ? "1" : "0";
  return String(value);
}

/** A file of the export as base64; one that cannot be read, or is refused, rejects its record, not the run. */
function readFileCell(field: string, path: string, ids: IdResolver): string {
  try {
    return ids.file(path);
  } catch (error) {
    if (error instanceof ExportPathError)
      throw new UnresolvedReference(field, `file "${path}"`, `is refused: ${error.reason}`);
    throw new UnresolvedReference(
      field,
      `file "${path}"`,
      `cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A value `read` returned, as the cell that would have written it. */
export function readCell(info: LiveField, value: unknown): string {
  if (value === false || value === null || value === undefined) return info.type === "boolean" ? "0" : "";
  if (value === true) return "1";
  if (Array.isArray(value)) {
    if (info.type === "many2one") return value.length ? String(value[0]) : "";
    return [...value]
      .map(Number)
      .sort((a, b) => a - b)
      .join(",");
  }
  // HTML stays HTML: comparableCell reads its text once. Read here too, an escaped `&lt;tag&gt;` would come
  // back as a tag and be dropped the second time (seen on a Concord e-mail: "valores &lt;sem IVA&gt;").
  return String(value);
}

/** Odoo sanitises HTML on write (entities become characters, tags are tidied): compare what a reader sees. */
export function htmlText(html: string): string {
  // Odoo's sanitizer drops what is not content (a mail's <head>, <style>, scripts, comments) and stores
  // characters rather than entities; the text that remains is what must survive.
  const content = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(head|style|script|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ");
  return decodeHTML(content.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** The cell as it should read back: HTML by its text, many2many ids in order. */
export function comparableCell(info: LiveField, cell: string): string {
  if (info.type === "html") return htmlText(cell === "False" ? "" : cell);
  if (info.type === "boolean") return cell === "1" ? "1" : "0";
  if (info.type === "many2many")
    return cell === ""
      ? ""
      : cell
          .split(",")
          .map(Number)
          .sort((a, b) => a - b)
          .join(",");
  // Odoo stores no "empty" number: an empty amount or record id reads back as 0. A float read back may
  // carry binary noise (18.900000000000002 for 18.9): twelve significant digits are compared.
  if (["float", "monetary", "integer", "many2one_reference"].includes(info.type))
    return cell === "" ? "0" : String(Number(Number(cell).toPrecision(12)));
  return cell;
}
