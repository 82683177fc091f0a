import { parseAnyTime, parseEpochTime, type ParsedTime } from './parse-time';
import type { ParseProblemCode } from './types';

/** Small readers for untyped JSON: every vendor field is optional and may hold the wrong type. */

/** A plain JSON object, or undefined. */
export function objectAt(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The value at a dotted path (`client.userAgent.rawUserAgent`). */
export function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    const object = objectAt(current);
    if (!object) return undefined;
    current = object[key];
  }
  return current;
}

/** A non-empty string (numbers and booleans are written out), or undefined. */
export function textAt(value: unknown, path?: string): string | undefined {
  const found = path === undefined ? value : valueAt(value, path);
  if (typeof found === 'string') return found.trim() === '' ? undefined : found;
  if (typeof found === 'number' && Number.isFinite(found)) return String(found);
  if (typeof found === 'boolean') return String(found);
  return undefined;
}

/** The first non-empty string among several paths. */
export function firstText(value: unknown, ...paths: string[]): string | undefined {
  for (const path of paths) {
    const found = textAt(value, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A finite number (numeric strings too), or undefined. */
export function numberAt(value: unknown, path: string): number | undefined {
  const found = valueAt(value, path);
  if (typeof found === 'number' && Number.isFinite(found)) return found;
  if (typeof found === 'string' && found.trim() !== '' && Number.isFinite(Number(found))) return Number(found);
  return undefined;
}

/** A record's time as draft fields: `{ ts, time }`, plus a problem when missing or unreadable (the event is kept). */
export function readTime(
  value: unknown,
  what = 'time',
  parse: (text: string) => ParsedTime | undefined = parseAnyTime,
): { ts: number | null; time: string | null; problems?: { code: ParseProblemCode; message: string }[] } {
  if (value === undefined || value === null || value === '')
    return {
      ts: null,
      time: null,
      problems: [{ code: 'missing-time', message: `the record has no ${what}; the event is kept without a time` }],
    };
  const time = typeof value === 'string' ? value : JSON.stringify(value);
  const parsed =
    typeof value === 'number' ? parseEpochTime(value) : typeof value === 'string' ? parse(value) : undefined;
  if (!parsed)
    return {
      ts: null,
      time,
      problems: [
        {
          code: 'invalid-time',
          message: `${what} "${time.slice(0, 60)}" is not a date-time Tokentrail can read; the event is kept without a time`,
        },
      ],
    };
  return { ts: parsed.ts, time };
}

/** String values of a flat object, for `details` (long values are cut; nested objects skipped). */
export function stringDetails(value: unknown, keys?: readonly string[]): Record<string, string> | undefined {
  const object = objectAt(value);
  if (!object) return undefined;
  const out: Record<string, string> = {};
  for (const key of keys ?? Object.keys(object)) {
    const text = textAt(object[key]);
    if (text !== undefined) out[key] = text.length > 500 ? `${text.slice(0, 500)}…` : text;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Drop undefined properties, so events stay small and JSON output stable. */
export function compact<T extends object>(value: T): T {
  // A copy, not `delete`: deleting properties turns V8 objects into slow dictionaries.
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

/**
 * A draft's fields with its time read by {@link readTime}, undefined fields dropped. Built property by property:
 * spreading the time into a large object literal sends V8 down a slow path (measured 7x slower per record).
 */
export function withTime<T extends object>(
  time: { ts: number | null; time: string | null; problems?: { code: ParseProblemCode; message: string }[] },
  fields: T,
): T & { ts: number | null; time: string | null } {
  const out: Record<string, unknown> = { ts: time.ts, time: time.time };
  if (time.problems) out.problems = time.problems;
  for (const key in fields) if (fields[key] !== undefined) out[key] = fields[key];
  return out as T & { ts: number | null; time: string | null };
}
