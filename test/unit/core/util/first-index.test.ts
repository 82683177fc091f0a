// firstIndex (core/util/first-index.ts) against a linear scan: every split point of sorted columns, sub-ranges, and
// empty ranges.
import { describe, expect, it } from 'vitest';
import { firstIndex } from '../../../../core/util/first-index';

describe('firstIndex', () => {
  it('finds where a key goes in a sorted column, within any sub-range', () => {
    const column = [1, 2, 2, 2, 5, 7, 7, 9];
    for (let from = 0; from <= column.length; from += 1)
      for (let to = from; to <= column.length; to += 1)
        for (const key of [0, 1, 2, 3, 7, 9, 10]) {
          let linear = from;
          while (linear < to && column[linear]! < key) linear += 1;
          expect(firstIndex(from, to, (index) => column[index]! < key)).toBe(linear);
        }
  });
});
