import { describe, expect, it } from 'vitest';
import { BinaryHeap } from '../../../../core/util/binary-heap';

describe('BinaryHeap', () => {
  it('pops in order whatever the pushes, ties broken by the comparison', () => {
    let state = 7;
    const next = () => (state = (state * 48271) % 2147483647);
    for (let round = 0; round < 20; round += 1) {
      const heap = new BinaryHeap<[number, number]>((a, b) => a[0] - b[0] < 0 || (a[0] === b[0] && a[1] < b[1]));
      const pushed: [number, number][] = Array.from({ length: 1 + (next() % 300) }, (_, index) => [next() % 17, index]);
      // Interleaved pushes and pops, as a merge does: every pop is the least of what a plain list holds.
      const before = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
      const held: [number, number][] = [];
      const popAndCheck = () => {
        held.sort(before);
        expect(heap.pop()).toBe(held.shift());
      };
      for (const item of pushed) {
        heap.push(item);
        held.push(item);
        if (next() % 3 === 0) popAndCheck();
      }
      while (heap.size > 0) popAndCheck();
      expect(held).toEqual([]);
      expect(heap.pop()).toBeUndefined();
      expect(heap.peek()).toBeUndefined();
    }
  });

  it('drains to the sorted order', () => {
    const heap = new BinaryHeap<number>((a, b) => a < b);
    for (const value of [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]) heap.push(value);
    expect(heap.peek()).toBe(1);
    const out: number[] = [];
    while (heap.size) out.push(heap.pop()!);
    expect(out).toEqual([1, 1, 2, 3, 4, 5, 5, 5, 6, 9]);
  });
});
