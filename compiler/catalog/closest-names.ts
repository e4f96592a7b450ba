// "Did you mean" suggestions: the candidates within a small edit distance of a misspelt name.

/**
 * Up to `max` candidates closest to `name`, nearest first (ties alphabetically); `name` itself is never
 * suggested. Case is ignored. The distance is Damerau-Levenshtein (insert, delete, substitute, swap two
 * neighbours), allowed up to a third of the name's length (at least 1); Odoo's naming habits count as near:
 * a forgotten `_id`/`_ids` suffix as 1 (`stage` → `stage_id`), a name that is the other plus `_…` as 2
 * (`website_url` → `website`). Only candidates at most one step worse than the best are kept.
 *
 * Spelling is not meaning: `planned_revenue` is nearer `prorated_revenue` (5) than the field that replaced
 * it, `expected_revenue` (6). Renamed fields need the catalog's `renamedFields`, consulted first.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  const scored: Array<{ candidate: string; distance: number }> = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    const other = candidate.toLowerCase();
    const distance = Math.min(namingDistance(wanted, other), editDistance(wanted, other, limit));
    if (distance <= limit) scored.push({ candidate, distance });
  }
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map((s) => s.distance));
  return scored
    .filter((s) => s.distance <= best + 1)
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
    .slice(0, Math.max(0, max))
    .map((s) => s.candidate);
}

function namingDistance(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long === `${short}_id` || long === `${short}_ids`) return 1;
  if (short.length > 0 && long.startsWith(`${short}_`)) return 2;
  return Number.POSITIVE_INFINITY;
}

/** Optimal-string-alignment distance; anything above `limit` comes back as limit + 1. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // indices stay within both rows, which are b.length + 1 long
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    // row minima never decrease, so once a whole row is over the limit the result is too
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}
