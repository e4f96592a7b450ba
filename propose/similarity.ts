// How alike two names are, 0–1: column labels against Odoo field names and labels, a missing column against
// the export's columns, a missing path against the export's files. The edit distance comes from
// fastest-levenshtein; this module only decides what is compared (words, case, accents and separators
// folded away) and how the scores of the different comparisons combine.
import { distance } from "fastest-levenshtein";

/** lower case, accents folded, every run of other characters one space: "E-mail Address" → "e mail address" */
export function normalize(text: string): string {
  return splitCamel(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** the words of a name: "hs_call_title" → [hs, call, title], "firstName" → [first, name] */
export function words(text: string): string[] {
  const normalized = normalize(text);
  return normalized === "" ? [] : normalized.split(" ");
}

/** "email" for "E-mail", "E mail" and "EMAIL": the name with every separator dropped */
export function squash(text: string): string {
  return normalize(text).replace(/ /g, "");
}

function splitCamel(text: string): string {
  // "IDs" is one word, not "I Ds"
  return text
    .replace(/([A-Z]{2,})s\b/g, (_, caps: string) => `${caps.charAt(0)}${caps.slice(1).toLowerCase()}s`)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
}

/** 1 − edit distance / length of the longer: "fax" and "fax number" 0.3, "accounts" and "account" 0.88 */
export function editSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

/** Sørensen–Dice over words, a word counting as shared when it is the same or nearly (≥ 0.8) */
export function wordDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const unused = [...b];
  let shared = 0;
  for (const word of a) {
    let best = -1;
    let bestScore = 0;
    for (const [index, other] of unused.entries()) {
      const score = word === other ? 1 : word.length >= 4 && other.length >= 4 ? editSimilarity(word, other) : 0;
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best >= 0 && bestScore >= 0.8) {
      shared += bestScore;
      unused.splice(best, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** The likeness of two names: the better of their squashed spellings' edit similarity and their shared words. */
export function nameSimilarity(a: string, b: string): number {
  const sa = squash(a);
  const sb = squash(b);
  if (sa === "" || sb === "") return 0;
  if (sa === sb) return 1;
  return round2(Math.max(editSimilarity(sa, sb), wordDice(words(a), words(b))));
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** 0.97 → "0.97", 1 → "1.00": confidences always print with two decimals */
export function confidence(value: number): string {
  return value.toFixed(2);
}

/** singular of an English table name: "opportunities" → "opportunity", "companies" → "company", "calls" → "call" */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  if (/ies$/.test(lower) && lower.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(lower)) return word;
  if (/(ches|shes|xes|sses)$/.test(lower)) return word.slice(0, -2);
  if (/s$/.test(lower) && lower.length > 3) return word.slice(0, -1);
  return word;
}
