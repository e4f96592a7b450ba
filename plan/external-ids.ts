// The rule external ids are spelled by, shared by the compiler (records the spec declares) and the runtime
// (every staged record): `mapc_smartdesk.company_10045`.

/**
 * A mapping id as an external id prefix: lowercased, other characters → "_", no hash, so ids read
 * `mapc_smartdesk.company_10045`. Mapping ids are few and chosen by the spec's author; the compiler
 * keeps them distinct.
 */
export function readableSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
