// A trigram Bloom filter of a block of search text (the app's packed free-text rows, the store-designs benchmark's
// blocks): every three-character window of the text is added, so a free-text needle one of whose trigrams is missing
// is certainly not in the block and its text need not be read. A needle of n ≥ 3 characters has n − 2 trigrams, all
// of which must pass. At 4 to 8 bits per distinct trigram (the size is rounded up to a power of two) and 2 probes, a
// trigram passes by chance at most (1 − e^(−1/2))² ≈ 15 % of the time: a 5-character needle (3 trigrams) is let
// through by an absent block under 0.4 % of the time, a 12-character one (10 trigrams) about once in 10^8. Reading
// the filter rather than the text pays because it is small: 4 bits per distinct trigram against ~16 bits per
// character of text. A needle under 3 characters cannot be ruled out (every block is read).
import { bloomAdd, bloomBits, bloomHas, fnv1a } from '../util/bloom';

const BITS_PER_TRIGRAM = 4;
const PROBES = 2;
/** Separates events in a block's text (NUL, as in renderer/db/event-text.ts): a window across it belongs to no event. */
const SEPARATOR = 0;

/** The step hash of a trigram, derived from its first hash (a 32-bit mix), odd so every probe differs. */
function stepOf(first: number): number {
  let mixed = Math.imul(first ^ (first >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return ((mixed ^ (mixed >>> 16)) >>> 0) | 1;
}

/**
 * Open-addressing set of the block's trigram hashes, reused from block to block: a block's text holds ~100 000
 * windows but (in logs) a few thousand distinct trigrams, and the filter is sized by the distinct ones. A JS Set of
 * numbers costs several times more per window here.
 */
let table = new Uint32Array(1 << 16);

function distinctTrigrams(text: string): Uint32Array {
  while (table.length < text.length * 2) table = new Uint32Array(table.length * 2);
  table.fill(0);
  const mask = table.length - 1;
  const found: number[] = [];
  for (let at = 0; at + 3 <= text.length; at += 1) {
    if (text.charCodeAt(at + 2) === SEPARATOR) {
      at += 2;
      continue;
    }
    if (text.charCodeAt(at) === SEPARATOR || text.charCodeAt(at + 1) === SEPARATOR) continue;
    // 0 marks an empty slot, so a hash of 0 is stored as 1 (a collision only adds a false positive).
    const hash = fnv1a(text, at, at + 3) || 1;
    let slot = hash & mask;
    while (table[slot] !== 0 && table[slot] !== hash) slot = (slot + 1) & mask;
    if (table[slot] === 0) {
      table[slot] = hash;
      found.push(hash);
    }
  }
  return Uint32Array.from(found);
}

/** The trigram filter of a block's search text (lower-cased, events separated by NUL). */
export function trigramFilter(text: string): Uint8Array {
  const hashes = distinctTrigrams(text);
  const filter = new Uint8Array(bloomBits(hashes.length, BITS_PER_TRIGRAM) / 8);
  for (const hash of hashes) bloomAdd(filter, hash, stepOf(hash), PROBES);
  return filter;
}

/** False when the block's text certainly does not contain `needle` (already lower-cased: textNeedle). */
export function mayContainText(filter: Uint8Array, needle: string): boolean {
  for (let at = 0; at + 3 <= needle.length; at += 1) {
    const hash = fnv1a(needle, at, at + 3) || 1;
    if (!bloomHas(filter, hash, stepOf(hash), PROBES)) return false;
  }
  return true;
}
