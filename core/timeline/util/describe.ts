import { isCalendarTime, isoTimeOrNumber } from '../../util/calendar-range';

export { countOf } from '../../util/count-of';

/** Wording shared by findings: times in ISO 8601 UTC, durations in the largest sensible unit. */

/** `2026-11-18T09:55:02Z` (milliseconds only when there are any). */
export function iso(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'an unknown time';
  if (!isCalendarTime(ms)) return isoTimeOrNumber(ms);
  const text = new Date(ms).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

/** `45 s`, `12 min`, `3.5 h`, `2.0 days`. */
export function duration(ms: number): string {
  const seconds = Math.abs(ms) / 1000;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

/** First 12 hex digits of a token hash: enough to tell tokens apart in a sentence. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** "token 3f9a…(jti at-0001)" */
export function tokenName(hash: string, jti?: string): string {
  return `token ${shortHash(hash)}…${jti !== undefined ? ` (jti ${jti})` : ''}`;
}

/** Where an event is, for a sentence: `logs/auth.jsonl:3`, `har/x.har entry 2`. */
export function placeOf(source: { readonly file: string; readonly line?: number; readonly index?: number }): string {
  return source.line !== undefined
    ? `${source.file}:${source.line}`
    : source.index !== undefined
      ? `${source.file} entry ${source.index}`
      : source.file;
}
