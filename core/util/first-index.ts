/**
 * The first index in [from, to) where `before(index)` is false, for a `before` that holds on a prefix of the range and
 * nowhere after it (a sorted column searched for where a key would go): a binary search, so O(log n) on hostile input.
 */
export function firstIndex(from: number, to: number, before: (index: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
