/**
 * Steps that may or may not return a promise, chained without creating one when none is needed. The token engine
 * analyses most tokens synchronously (a synchronous verifier, synchronous checks) and only some asynchronously (a
 * JWE to decrypt, a wordlist to search); one sequence of steps written with these helpers serves both, so the
 * synchronous fast path exists by construction instead of as a second copy of the sequence.
 */

/** A value now, or later. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * `next(value)`: at once when `value` is a plain value (the result is then whatever `next` returns), after it
 * resolves when it is a promise (the result is then a promise).
 */
export function andThen<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * Run `step(index)` for each index from `first` up to `end` (excluded), in order, each after the previous one
 * settled: synchronously while the steps return plain values; from the first step that returns a promise on, as a
 * promise that resolves once every later step has run. A rejection stops the sequence and rejects the result.
 */
export function eachInOrder(
  first: number,
  end: number,
  step: (index: number) => MaybePromise<void>,
): MaybePromise<void> {
  for (let index = first; index < end; index++) {
    const result = step(index);
    if (result instanceof Promise) return result.then(() => eachInOrder(index + 1, end, step));
  }
  return undefined;
}
