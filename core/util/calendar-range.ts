/**
 * The instants a JavaScript Date (and so every calendar and formatter on top of it) can represent: ±8.64e15 ms
 * around 1970 (ECMA-262 §21.4.1.1, about ±273,790 years). Evidence may hold any number — a NumericDate of
 * 9999999999999 seconds is 1.0e16 ms — and formatting such a time throws "Invalid time value", so every place that
 * turns a stored time into text asks here first and shows the raw number instead.
 */
export const MAX_CALENDAR_MS = 8.64e15;

/** Whether `ms` is a finite instant that a Date can represent. */
export function isCalendarTime(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_CALENDAR_MS;
}

/** ISO 8601 UTC for a representable instant, else the raw number with a word saying why it is not a date. */
export function isoTimeOrNumber(ms: number): string {
  return isCalendarTime(ms) ? new Date(ms).toISOString() : `${ms} ms (outside the calendar range)`;
}
