// Deterministic pseudo-random numbers for the sample-export generators.
//
// A generator must give the same bytes for the same seed on every machine, and must be able to
// recompute any record on its own (a deal needs its company's name without keeping every company in
// memory). So each record draws from its own stream, `Random.forRecord(seed, "company", 17)`, instead
// of sharing one long stream whose position depends on everything generated before it.

/** mulberry32: a tiny 32-bit generator, good enough for test data and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and any number of keys into one 32-bit seed (FNV-1a, then murmur3's finaliser). */
export function deriveSeed(seed: number, ...keys: readonly (string | number)[]): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  const mix = (byte: number) => {
    hash ^= byte & 0xff;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const key of keys) {
    const text = typeof key === "number" ? `#${key}` : `$${key}`;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      mix(code);
      mix(code >>> 8);
    }
    mix(0x1f); // separator, so ("ab", "c") and ("a", "bc") differ
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export class Random {
  private readonly nextUnit: () => number;

  constructor(seed: number) {
    this.nextUnit = mulberry32(seed);
  }

  /** The stream of one record: the same seed and keys always give the same numbers. */
  static forRecord(seed: number, ...keys: readonly (string | number)[]): Random {
    return new Random(deriveSeed(seed, ...keys));
  }

  /** A float in [0, 1). */
  float(): number {
    return this.nextUnit();
  }

  /** An integer in [min, maxExclusive). */
  int(min: number, maxExclusive: number): number {
    if (!(maxExclusive > min)) throw new RangeError(`empty range [${min}, ${maxExclusive})`);
    return min + Math.floor(this.nextUnit() * (maxExclusive - min));
  }

  chance(probability: number): boolean {
    return this.nextUnit() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("cannot pick from an empty list");
    return items[this.int(0, items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (entries.length === 0 || !(total > 0)) throw new RangeError("no positive weights to pick from");
    let point = this.nextUnit() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      chosen.push(pool.splice(this.int(0, pool.length), 1)[0] as T);
    }
    return chosen;
  }

  digits(length: number): string {
    let text = "";
    for (let i = 0; i < length; i++) text += String(this.int(0, 10));
    return text;
  }

  /** A version-4-shaped UUID (lower-case hex), as HubSpot and Dataverse print them. */
  uuid(): string {
    const hex = (n: number) => {
      let text = "";
      for (let i = 0; i < n; i++) text += this.int(0, 16).toString(16);
      return text;
    };
    const variant = "89ab"[this.int(0, 4)];
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
}
