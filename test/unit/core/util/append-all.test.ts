import { describe, expect, it } from 'vitest';
import { appendAll } from '../../../../core/util/append-all';

describe('appendAll', () => {
  it('appends in order, past the ~120,000 items a spread push can take', () => {
    const target = [-1];
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => target.push(...items)).toThrow(RangeError); // why it exists (V8's argument stack)
    appendAll(target, items);
    expect(target).toHaveLength(300_001);
    expect([target[0], target[1], target[300_000]]).toEqual([-1, 0, 299_999]);
  });
});
