// Variants of a generated export. Real exports of one format differ from customer to customer (labels,
// selected columns, custom fields, file layout); a variant is one such difference, named, so a spec can be
// tried against exports shaped like several customers' rather than only like the sample. Each generator
// lists its own variants; this resolves the names a caller asked for.

export interface ExportVariant<Name extends string = string> {
  name: Name;
  /** One line, for --help and the export's README. */
  summary: string;
}

/** The name that asks for every variant of a generator. */
export const ALL_VARIANTS = "all";

/**
 * The variants `requested` names, each once and in the generator's own order, so the same set asked for in
 * any order gives the same bytes. An entry may hold several names separated by commas; `all` names every
 * variant. Throws a RangeError naming the known variants when a name is unknown.
 */
export function resolveVariants<Name extends string>(
  known: readonly ExportVariant<Name>[],
  requested: readonly string[] | undefined,
): Name[] {
  const names = new Set<string>();
  for (const entry of requested ?? []) {
    for (const part of entry.split(",")) if (part.trim() !== "") names.add(part.trim());
  }
  if (names.has(ALL_VARIANTS)) return known.map((v) => v.name);
  const unknown = [...names].filter((name) => !known.some((v) => v.name === name));
  if (unknown.length > 0) {
    throw new RangeError(
      `unknown variant ${unknown.join(", ")}; known: ${[...known.map((v) => v.name), ALL_VARIANTS].join(", ")}`,
    );
  }
  return known.filter((v) => names.has(v.name)).map((v) => v.name);
}

/** The command line that writes an export of these variants, for the export's README. */
export function variantFlag(variants: readonly string[]): string {
  return `--variant ${variants.join(",")}`;
}
