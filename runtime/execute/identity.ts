// External ids: how a staged record is found again in Odoo (`ir.model.data`), by the loader on a re-run
// and by every reference to it. They must be stable across runs and distinct for distinct source keys.
import { readableSlug } from "../../plan/external-ids.js";
import { textOf } from "../transforms/index.js";

const MAX_READABLE = 48;
const MAX_BASE = 40;

/**
 * A key as an external id part. Plain lowercase letters and digits are kept as they are ("10045"). Anything
 * else is lowercased, each run of other characters becomes "_", and "__" plus a hash of the original text
 * is appended ("ACME-7" → "acme_7__k3j9x0qa"). The part without a hash never contains "_", and the hashed
 * one holds exactly one "__", so distinct keys never share an id, short of a collision of the 41-bit hash
 * between texts that also share their readable base. Over-long keys are cut and hashed too.
 */
export function slug(text: string): string {
  if (/^[a-z0-9]+$/.test(text) && text.length <= MAX_READABLE) return text;
  const base = readableSlug(text).slice(0, MAX_BASE).replace(/_+$/, "");
  return `${base}__${shortHash(text)}`;
}

// A run asks for the same few mapping prefixes millions of times.
const mappingSlugs = new Map<string, string>();

function mappingSlug(mapping: string): string {
  let found = mappingSlugs.get(mapping);
  if (found === undefined) {
    if (mappingSlugs.size >= 1000) mappingSlugs.clear();
    found = readableSlug(mapping);
    mappingSlugs.set(mapping, found);
  }
  return found;
}

/**
 * `<module>.<mapping>_<key>`, plus `_<item>` for each record a fan-out (`each`) makes of one row.
 */
export function externalId(module: string, mapping: string, sourceKey: string, item?: unknown): string {
  const name = `${mappingSlug(mapping)}_${slug(sourceKey)}`;
  return item === undefined ? `${module}.${name}` : `${module}.${name}_${slug(textOf(item))}`;
}

/** cyrb53: a fast, well-mixed 53-bit string hash; we keep 8 base-36 digits (about 41 bits). */
function shortHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return hash.toString(36).padStart(11, "0").slice(-8);
}
