/**
 * Times as logs write them, to UTC epoch milliseconds. Deliberately not `Date.parse`: it reads a time without an
 * offset as the *host's* local time, which would make the same evidence give different timelines on different
 * machines. Here a time without an offset is read as UTC, and the caller is told it was assumed.
 */

/** A parsed time; `assumedUtc` when the text carried no offset. */
export interface ParsedTime {
  readonly ts: number;
  readonly assumedUtc: boolean;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// Common Log Format: 18/Nov/2026:09:02:11 +0000
const CLF = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*([+-]\d{4})?$/;

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string | undefined,
  offsetMinutes: number,
): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
  return utc - offsetMinutes * 60_000;
}

function offsetOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/^(Z|UTC|GMT)$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (minutes > 18 * 60) return undefined;
  return match[1] === '-' ? -minutes : minutes;
}

/** ISO 8601 / RFC 3339 date-time, with or without offset, `T` or space, fractions to nanoseconds. */
export function parseIsoTime(text: string): ParsedTime | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const offset = offsetOf(match[8]);
  if (match[8] && offset === undefined) return undefined;
  const ts = build(
    +match[1]!,
    +match[2]!,
    +match[3]!,
    +(match[4] ?? 0),
    +(match[5] ?? 0),
    +(match[6] ?? 0),
    match[7],
    offset ?? 0,
  );
  return ts === undefined ? undefined : { ts, assumedUtc: offset === undefined };
}

/** `[18/Nov/2026:09:02:11 +0000]` as nginx/Apache write it (brackets optional). */
export function parseClfTime(text: string): ParsedTime | undefined {
  const match = CLF.exec(text.trim().replace(/^\[|\]$/g, ''));
  if (!match) return undefined;
  const month = MONTHS[match[2]!.toLowerCase()];
  if (!month) return undefined;
  const offset = offsetOf(match[8]);
  const ts = build(+match[3]!, month, +match[1]!, +match[4]!, +match[5]!, +match[6]!, match[7], offset ?? 0);
  return ts === undefined ? undefined : { ts, assumedUtc: offset === undefined };
}

/**
 * A number of seconds or milliseconds since the epoch. Which one is decided by magnitude: values below 1e11 are
 * seconds (1e11 seconds is the year 5138; 1e11 ms is 1973), so both read correctly for any real log.
 */
export function parseEpochTime(value: number | string): ParsedTime | undefined {
  const number = typeof value === 'number' ? value : /^\s*\d{9,16}(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number) || number <= 0) return undefined;
  const ts = Math.round(number < 1e11 ? number * 1000 : number >= 1e14 ? number / 1000 : number);
  return ts > 8.64e15 ? undefined : { ts, assumedUtc: false };
}

/** Any of the above, tried in order: ISO, CLF, epoch. */
export function parseAnyTime(value: unknown): ParsedTime | undefined {
  if (typeof value === 'number') return parseEpochTime(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return parseIsoTime(value) ?? parseClfTime(value) ?? parseEpochTime(value) ?? parseRfc1123(value);
}

/** `Tue, 18 Nov 2026 09:02:11 GMT` (HTTP dates, some exports). */
function parseRfc1123(text: string): ParsedTime | undefined {
  const match =
    /^(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2})\s*(GMT|UTC|Z|[+-]\d{4})?$/.exec(
      text.trim(),
    );
  if (!match) return undefined;
  const month = MONTHS[match[2]!.toLowerCase()];
  if (!month) return undefined;
  const offset = offsetOf(match[7]);
  const ts = build(+match[3]!, month, +match[1]!, +match[4]!, +match[5]!, +match[6]!, undefined, offset ?? 0);
  return ts === undefined ? undefined : { ts, assumedUtc: offset === undefined };
}
