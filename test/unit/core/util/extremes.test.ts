import { describe, expect, it } from 'vitest';
import { largestOf, smallestOf } from '../../../../core/util/extremes';

describe('smallestOf and largestOf', () => {
  it('agree with Math.min and Math.max, also for none and for NaN', () => {
    for (const values of [[], [3], [5, -2, 9, 0], [1, Number.NaN, 2], [-0, 0]]) {
      expect(smallestOf(values)).toBe(Math.min(...values));
      expect(largestOf(values)).toBe(Math.max(...values));
    }
  });

  it('take more values than a spread call can (a token used 300,000 times)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_000);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect([smallestOf(values), largestOf(values)]).toEqual([0, 299_999]);
  });
});
