/**
 * The smallest and largest of many numbers, as Math.min/Math.max give them (Infinity / -Infinity for none, NaN when
 * any is NaN) but in a loop: `Math.min(...values)` passes every value as a call argument, which V8 puts on the stack,
 * and from about 120,000 values on (a token's uses in a large case, a lifecycle's events) it throws RangeError.
 */
export function smallestOf(values: readonly number[]): number {
  let smallest = Infinity;
  for (let i = 0; i < values.length; i++) smallest = Math.min(smallest, values[i]!);
  return smallest;
}

/** The largest of `values` (see {@link smallestOf}). */
export function largestOf(values: readonly number[]): number {
  let largest = -Infinity;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, values[i]!);
  return largest;
}
