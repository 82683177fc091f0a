/**
 * Append every item of `items` to `target`, in order. `target.push(...items)` passes the items as call arguments,
 * which V8 puts on the stack: from about 120,000 items on (a log file's events, a binary file's problems, a hostile
 * bundle's files) it throws RangeError "Maximum call stack size exceeded".
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
