// What one person did, summed from the timeline events that carry their subject id: the tokens, sessions, IPs and
// countries with how often and when each was seen. Pure: the query reads events, this counts them.
import type { AuthEvent } from '../../core/sources';

/** One value of one facet with its count and the span of its timed events. */
export interface ActivityValue {
  readonly value: string;
  readonly count: number;
  readonly first: number | null;
  readonly last: number | null;
}

export interface SubjectActivity {
  readonly events: number;
  /** True when more events carry the subject than were read (the page reads a bounded number). */
  readonly truncated: boolean;
  readonly first: number | null;
  readonly last: number | null;
  readonly tokens: readonly ActivityValue[];
  readonly sessions: readonly ActivityValue[];
  readonly ips: readonly ActivityValue[];
  readonly countries: readonly ActivityValue[];
}

interface Tally {
  count: number;
  first: number | null;
  last: number | null;
}

function tally(into: Map<string, Tally>, value: string | undefined, ts: number | null): void {
  if (!value) return;
  const entry = into.get(value) ?? { count: 0, first: null, last: null };
  entry.count += 1;
  if (ts !== null) {
    entry.first = entry.first === null ? ts : Math.min(entry.first, ts);
    entry.last = entry.last === null ? ts : Math.max(entry.last, ts);
  }
  into.set(value, entry);
}

/** Most seen first; equal counts in value order, so the page is stable. */
function ranked(values: Map<string, Tally>): ActivityValue[] {
  return [...values]
    .map(([value, entry]) => ({ value, ...entry }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Sums `events` (all carrying one subject); `truncated` says the caller stopped reading before the last one. */
export function summarizeSubjectActivity(events: readonly AuthEvent[], truncated: boolean): SubjectActivity {
  const tokens = new Map<string, Tally>();
  const sessions = new Map<string, Tally>();
  const ips = new Map<string, Tally>();
  const countries = new Map<string, Tally>();
  let first: number | null = null;
  let last: number | null = null;
  for (const event of events) {
    const ts = event.ts;
    if (ts !== null) {
      first = first === null ? ts : Math.min(first, ts);
      last = last === null ? ts : Math.max(last, ts);
    }
    for (const tokenHash of event.tokenHashes) tally(tokens, tokenHash, ts);
    tally(sessions, event.sessionId, ts);
    tally(ips, event.ip, ts);
    tally(countries, event.geo?.country, ts);
  }
  return {
    events: events.length,
    truncated,
    first,
    last,
    tokens: ranked(tokens),
    sessions: ranked(sessions),
    ips: ranked(ips),
    countries: ranked(countries),
  };
}
