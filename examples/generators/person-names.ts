// People's names, as every generator makes them: a name in its own script with the Latin spelling its
// owner uses in e-mail addresses, and the folding of that spelling into the ASCII of an address.
import type { Random } from "./random.js";

export interface PersonName {
  first: string;
  last: string;
  /** Latin spelling, for e-mail addresses. */
  asciiFirst: string;
  asciiLast: string;
}

/** A name drawn from lists in Latin script, which is its own spelling in addresses. */
export function latinName(
  rng: Random,
  names: { readonly first: readonly string[]; readonly last: readonly string[] },
): PersonName {
  const first = rng.pick(names.first);
  const last = rng.pick(names.last);
  return { first, last, asciiFirst: first, asciiLast: last };
}

/**
 * Lower-case ASCII for e-mail local parts and domains: "Müller" → "mueller", "Chloé" → "chloe", "Søren" →
 * "soeren", "Ålesund" → "aalesund"; letters that do not decompose (ø, æ, œ, ł) are spelled out first.
 */
export function asciiFold(text: string): string {
  return text
    .replace(/[äæ]/g, "ae")
    .replace(/[öøœ]/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/å/g, "aa")
    .replace(/[ÄÆ]/g, "Ae")
    .replace(/[ÖØŒ]/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/Å/g, "Aa")
    .replace(/ß/g, "ss")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}
