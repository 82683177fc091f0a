// The time bins a block is indexed under (renderer/db/block-time-bins.ts), against the plain definition: the blocks
// that straddle a time are exactly those listed by the time's key ranges whose span holds it — over random spans from
// an instant to hours, negative times, bin edges, and the catch-all level.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../core/scenarios';
import {
  TIME_BIN_SIZES_MS,
  timeBinKeys,
  timeBinRanges,
  type TimeBinKey,
} from '../../../../renderer/db/block-time-bins';
import { UNTIMED_TS } from '../../../../renderer/db/event-records';

/** IndexedDB's order on these keys' parts (all numbers but the case id). */
function compareKeys(a: TimeBinKey, b: TimeBinKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  for (let index = 1; index < a.length; index += 1) {
    const order = (a[index] as number) - (b[index] as number);
    if (order !== 0) return order;
  }
  return 0;
}

const within = (key: TimeBinKey, [lower, upper]: [TimeBinKey, TimeBinKey]) =>
  compareKeys(key, lower) >= 0 && compareKeys(key, upper) <= 0;

describe('timeBinKeys', () => {
  it('indexes a block under one or two bins of the lowest level where it covers at most two', () => {
    expect(timeBinKeys('c', 7, 120_000, 150_000)).toEqual([['c', 0, 2, 120_000, 150_000, 7]]);
    expect(timeBinKeys('c', 7, 119_999, 120_000)).toEqual([
      ['c', 0, 1, 119_999, 120_000, 7],
      ['c', 0, 2, 119_999, 120_000, 7],
    ]);
    // Three minutes cover three 1-minute bins: one 16-minute bin instead.
    expect(timeBinKeys('c', 7, 60_000, 180_000)).toEqual([['c', 1, 0, 60_000, 180_000, 7]]);
    // Fifty-nine minutes: one or two bins of 4 h 16 min.
    expect(timeBinKeys('c', 7, 0, 3_540_000)).toEqual([['c', 2, 0, 0, 3_540_000, 7]]);
    // Longer than any bin the app needs (a hostile archive): the catch-all level's one bin.
    expect(timeBinKeys('c', 7, 0, 1e12)).toEqual([['c', 3, 0, 0, 1e12, 7]]);
    expect(timeBinKeys('c', 7, UNTIMED_TS, UNTIMED_TS)).toHaveLength(1);
    expect(timeBinKeys('c', 7, -90_000, -30_000)).toEqual([
      ['c', 0, -2, -90_000, -30_000, 7],
      ['c', 0, -1, -90_000, -30_000, 7],
    ]);
  });

  it('lists, within the ranges of a time, every block that spans it and at most a bin of others', () => {
    const pick = seededRandom(11);
    const spans = [1, 1_000, 60_000, 700_000, 3_599_999, 20_000_000];
    const blocks = Array.from({ length: 3_000 }, (_, block) => {
      const start = Math.floor((pick() - 0.5) * 40_000_000);
      return { block, start, end: start + Math.floor(pick() * spans[block % spans.length]!) };
    });
    const keys = blocks.flatMap(({ block, start, end }) => timeBinKeys('c', block, start, end));
    const otherCase = timeBinKeys('d', 0, -1e9, 1e9);
    for (let probe = 0; probe < 400; probe += 1) {
      const ts = probe % 4 === 0 ? blocks[probe]!.start : Math.floor((pick() - 0.5) * 40_000_000);
      const ranges = timeBinRanges('c', ts);
      expect(ranges).toHaveLength(TIME_BIN_SIZES_MS.length);
      const listed = keys.filter((key) => ranges.some((range) => within(key, range)));
      const spanning = blocks.filter(({ start, end }) => start <= ts && ts <= end).map(({ block }) => block);
      expect(
        listed
          .filter(([, , , start, end]) => start <= ts && ts <= end)
          .map((key) => key[5])
          .sort((a, b) => a - b),
      ).toEqual(spanning);
      // Each block once, none begun after the time, and no other case's.
      expect(new Set(listed.map((key) => key[5])).size).toBe(listed.length);
      expect(listed.every(([caseId, , , start]) => caseId === 'c' && start <= ts)).toBe(true);
      expect(otherCase.some((key) => ranges.some((range) => within(key, range)))).toBe(false);
    }
  });
});
