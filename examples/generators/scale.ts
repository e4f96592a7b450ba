// The scale of a generated export: scale n writes n times the records of the sample, which is scale 1.
import { Random } from "./random.js";

/** The record counts at `scale`: each base count times the scale, which must be a whole number ≥ 1. */
export function scaledCounts<Key extends string>(
  base: Readonly<Record<Key, number>>,
  scale: number,
): Readonly<Record<Key, number>> {
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a whole number ≥ 1, got ${scale}`);
  const counts = {} as Record<Key, number>;
  for (const [key, count] of Object.entries(base) as [Key, number][]) counts[key] = count * scale;
  return counts;
}

/**
 * What every generator's model of its records starts from: the seed, the scale and the record counts at that
 * scale. Records are computed on their own from (seed, kind, index), never kept, so each draws from its own
 * stream (see random.ts).
 */
export class ScaledModel<Kind extends string> {
  readonly counts: Readonly<Record<Kind, number>>;

  constructor(
    readonly seed: number,
    readonly scale: number,
    baseCounts: Readonly<Record<Kind, number>>,
  ) {
    this.counts = scaledCounts(baseCounts, scale);
  }

  /** The stream record `index` of `kind` draws from: the same numbers whenever the record is recomputed. */
  random(kind: string, index: number): Random {
    return Random.forRecord(this.seed, kind, index);
  }
}

/** Whether position `index` is `at`, one position or several (the awkward cases a layout places). */
export const isAt = (index: number, at: number | readonly number[]): boolean =>
  typeof at === "number" ? index === at : at.includes(index);

/**
 * Positions in an export of several blocks, each laid out like the sample: record `index` of a kind is at
 * position `inBlock` of block `blockOf`, and `indexIn` turns a block and a position back into an index.
 */
export function blockPositions<Kind extends string>(counts: Readonly<Record<Kind, number>>) {
  return {
    blockOf: (index: number, kind: Kind): number => Math.floor(index / counts[kind]),
    inBlock: (index: number, kind: Kind): number => index % counts[kind],
    indexIn: (block: number, kind: Kind, position: number): number => block * counts[kind] + position,
  };
}
