// Bloom filters: the hashing and bit probing that the free-text rows' trigram filters (core/timeline/trigram-filter.ts)
// and the store-designs benchmark's block summaries share. A filter is a Uint8Array of a power-of-two number of bits;
// a value's k positions are h1 + i·h2 (double hashing), so one pair of 32-bit hashes serves every probe.

/** 32-bit FNV-1a of `text[start, end)` with a given seed and prime (two seeds give two independent-enough hashes). */
export function fnv1a(text: string, start: number, end: number, seed = 0x811c9dc5, prime = 0x01000193): number {
  let hash = seed;
  for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), prime);
  return hash >>> 0;
}

/** The size in bits of a filter for `values` distinct values at `bitsPerValue`: a power of two, at least 256. */
export function bloomBits(values: number, bitsPerValue: number): number {
  let bits = 256;
  while (bits < values * bitsPerValue) bits *= 2;
  return bits;
}

/** Sets a value's `probes` bits, given its two hashes. */
export function bloomAdd(filter: Uint8Array, first: number, second: number, probes: number): void {
  const mask = filter.length * 8 - 1;
  for (let probe = 0; probe < probes; probe += 1) {
    const bit = (first + probe * second) & mask;
    filter[bit >>> 3]! |= 1 << (bit & 7);
  }
}

/** False when the value was certainly never added. */
export function bloomHas(filter: Uint8Array, first: number, second: number, probes: number): boolean {
  const mask = filter.length * 8 - 1;
  for (let probe = 0; probe < probes; probe += 1) {
    const bit = (first + probe * second) & mask;
    if ((filter[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
