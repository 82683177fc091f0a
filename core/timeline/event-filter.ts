// The timeline filter on one normalized event: the same test in the app (over stored rows, renderer/timeline) and in
// the CLI (over events held in memory, `tokentrail export`), so a filter means the same in both.
import type { AuthEvent } from '../sources';
import { tokenClaimSubject } from './claim-subject';

/** The fields the timeline filters on through an index (the app's `facets` index; see renderer/db/event-records.ts). */
export type EventFacet = 'kind' | 'subject' | 'token' | 'session' | 'ip' | 'country' | 'file' | 'appVersion';

/** Every facet, in the order filters are listed and tested. */
export const EVENT_FACETS: readonly EventFacet[] = [
  'kind',
  'subject',
  'token',
  'session',
  'ip',
  'country',
  'file',
  'appVersion',
];

/** What the investigator narrowed the timeline to. Times are inclusive UTC epoch ms. */
export interface EventFilter {
  readonly from?: number;
  readonly to?: number;
  /** Exact values; `token` is a token's SHA-256, `file` the host's id of the evidence file. */
  readonly facets?: Readonly<Partial<Record<EventFacet, string>>>;
  /** Case-insensitive substring of the original record or of the normalized fields. */
  readonly text?: string;
}

/** The time an untimed event sorts at: before every real time, so any `from` drops it and a `to` alone keeps it. */
export const UNTIMED_SORT_TS = Number.MIN_SAFE_INTEGER;

/**
 * The values an event has for one facet (token is many-valued; subject is the record's and, when the record names
 * none, its token's `sub`). `fileId` is the host's id of the event's file.
 */
export function facetValues(event: AuthEvent, fileId: string, facet: EventFacet): readonly string[] {
  const one = (value: string | undefined) => (value ? [value] : []);
  switch (facet) {
    case 'kind':
      return [event.kind];
    case 'subject': {
      // A record without a subject of its own is found under its token's `sub` too (claim-subject.ts).
      const claimed = tokenClaimSubject(event);
      return claimed !== undefined ? [...one(event.subject), claimed] : one(event.subject);
    }
    case 'token':
      return event.tokenHashes;
    case 'session':
      return one(event.sessionId);
    case 'ip':
      return one(event.ip);
    case 'country':
      return one(event.geo?.country);
    case 'file':
      return [fileId];
    case 'appVersion':
      return one(event.appVersion);
  }
}

/** The searchable text of an event, lower-cased: what a free-text filter is a substring of. */
export function searchText(event: AuthEvent): string {
  const record = event.record.toLowerCase();
  let text = record;
  // Normalized fields the record already spells out would only double the stored text (the record is the evidence
  // and nearly always names its IP, subject and session): a substring of one of them is a substring of the record.
  // A line that could not be read (kind `unparsed`) is found by what was wrong with it too.
  for (const field of [
    event.subject,
    event.ip,
    event.sessionId,
    event.jti,
    event.clientId,
    event.action,
    event.http?.path,
    event.userAgent,
    event.reason,
    event.source.file,
    event.details?.problem,
  ]) {
    if (!field) continue;
    const lower = field.toLowerCase();
    if (!record.includes(lower)) text += `\n${lower}`;
  }
  return text;
}

/** The needle a free-text filter searches for, or '' for none. NUL is removed: the app's packed text rows use it. */
export function textNeedle(text: string | undefined): string {
  return (text ?? '').replaceAll('\u0000', '').trim().toLowerCase();
}

/** The facet filters that are set, in EVENT_FACETS order. */
export function activeFacets(filter: EventFilter): [EventFacet, string][] {
  const out: [EventFacet, string][] = [];
  for (const facet of EVENT_FACETS) {
    const value = filter.facets?.[facet];
    if (value) out.push([facet, value]);
  }
  return out;
}

/** A predicate for everything in the filter but the time range and `skip`; undefined when nothing is left to test. */
export function eventPredicate(
  filter: EventFilter,
  skip?: EventFacet,
): ((event: AuthEvent, fileId: string) => boolean) | undefined {
  const facets = activeFacets(filter).filter(([facet]) => facet !== skip);
  const needle = textNeedle(filter.text);
  if (facets.length === 0 && !needle) return undefined;
  return (event, fileId) =>
    facets.every(([facet, value]) => facetValues(event, fileId, facet).includes(value)) &&
    (!needle || searchText(event).includes(needle));
}

/**
 * The whole filter as a predicate on an event: the time range inclusive at both ends, an untimed event at
 * UNTIMED_SORT_TS (dropped by any `from`, as in the app's list), then facets and text.
 */
export function eventMatcher(filter: EventFilter): (event: AuthEvent, fileId: string) => boolean {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const rest = eventPredicate(filter);
  return (event, fileId) => {
    const ts = event.ts ?? UNTIMED_SORT_TS;
    return ts >= from && ts <= to && (!rest || rest(event, fileId));
  };
}

/** True when nothing narrows the timeline. */
export function isEmptyEventFilter(filter: EventFilter): boolean {
  return (
    filter.from === undefined &&
    filter.to === undefined &&
    activeFacets(filter).length === 0 &&
    !textNeedle(filter.text)
  );
}
