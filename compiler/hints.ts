// The hint a diagnostic ends with when a name is close to one that exists.
import { closestNames } from "./catalog/index.js";

/** "did you mean `a` or `b`?" for the names within reach of a typo, or undefined when none is. */
export function didYouMean(name: string, candidates: Iterable<string>, quoteWith = "`"): string | undefined {
  const close = closestNames(name, candidates);
  if (close.length === 0) return undefined;
  return `did you mean ${close.map((c) => `${quoteWith}${c}${quoteWith}`).join(" or ")}?`;
}
