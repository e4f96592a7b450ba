// The scale of a generated export: scale n writes n times the records of the sample, which is scale 1.

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
