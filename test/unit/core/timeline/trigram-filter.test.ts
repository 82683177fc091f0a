import { describe, expect, it } from 'vitest';
import { mayContainText, trigramFilter } from '../../../../core/timeline/trigram-filter';
import { seededRandom } from '../../../support/seeded-random';

/** Search text of `count` log-like entries, NUL-separated as in a packed text row. */
function packedText(count: number, pick: () => number): string[] {
  return Array.from(
    { length: count },
    (_, index) =>
      `{"ts":"2026-11-18t10:${String(index % 60).padStart(2, '0')}:00z","sub":"user${Math.floor(pick() * 500)}@example.com","ip":"10.${Math.floor(pick() * 255)}.0.${index % 255}","ua":"okhttp/4.${Math.floor(pick() * 12)}"}`,
  );
}

describe('trigramFilter', () => {
  const entries = packedText(128, seededRandom(7));
  const filter = trigramFilter(entries.join('\u0000'));

  it('never rules out text the row holds: every substring of every entry passes', () => {
    for (const entry of entries.slice(0, 16)) {
      for (let start = 0; start < entry.length; start += 3)
        for (const length of [1, 2, 3, 5, 12, 40]) {
          const needle = entry.slice(start, start + length);
          expect(mayContainText(filter, needle), needle).toBe(true);
        }
    }
  });

  it('rules out needles whose trigrams the row lacks', () => {
    expect(mayContainText(filter, 'no such thing')).toBe(false);
    expect(mayContainText(filter, 'eyjhbgcioijsuzi1nij9')).toBe(false);
    expect(mayContainText(filter, 'user501@example.org')).toBe(false);
  });

  it('cannot rule out a needle under three characters', () => {
    expect(mayContainText(filter, 'zq')).toBe(true);
    expect(mayContainText(filter, '')).toBe(true);
  });

  it('adds no window across an entry separator', () => {
    const separated = trigramFilter('abc\u0000xyz');
    expect(mayContainText(separated, 'abc')).toBe(true);
    expect(mayContainText(separated, 'xyz')).toBe(true);
    // "bc" + separator + "x" spans two entries: none of its windows is in either entry.
    expect(mayContainText(separated, 'bc\u0000x')).toBe(false);
  });

  it('is sized by distinct trigrams, a power of two of at least 32 bytes', () => {
    expect(trigramFilter('').length).toBe(32);
    expect(Number.isInteger(Math.log2(filter.length))).toBe(true);
    expect(filter.length).toBeLessThan(entries.join('\u0000').length / 4);
  });
});
