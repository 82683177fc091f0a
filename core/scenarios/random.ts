/**
 * Deterministic pseudo-random numbers (mulberry32) for generated scenarios, test data and benchmarks: the same seed
 * gives the same sequence on every host, so a scenario's seed reproduces its bundle byte for byte.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded source of the choices a generator makes. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [low, high]. */
  integer(low: number, high: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `chance`. */
  chance(chance: number): boolean;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
}

/** A {@link Random} over {@link seededRandom}. */
export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  const integer = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return {
    next,
    integer,
    pick: (items) => items[integer(0, items.length - 1)]!,
    chance: (chance) => next() < chance,
    hex: (length) => Array.from({ length }, () => integer(0, 15).toString(16)).join(''),
  };
}
