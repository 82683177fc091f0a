// Turns parsed events into the rows one ingest batch stores, and into the deltas of the case's aggregates
// (facet counts, histogram buckets). Pure and synchronous: it all happens before the write transaction opens;
// inside it only the running seq numbers are stamped (stampSeq), because they come from the case record.
import type { AuthEvent } from '../../core/sources';
import { facetValues } from '../../core/timeline';
import {
  COUNTED_FACETS,
  EVENT_FACETS,
  UNTIMED_TS,
  type EventFacet,
  type FacetKey,
  type StoredEvent,
  type StoredTokenLink,
} from './event-records';
import { addBucketDelta, type BucketDelta } from './histogram-buckets';

/** The value an event has for one facet: core's, the same in the app and the CLI. */
export { facetValues };

/** A row still without its seq (set in the transaction). Mutable on purpose: stamping must not copy. */
export interface PendingEvent {
  caseId: string;
  seq: number;
  ts: number;
  ingestId: string;
  fileId: string;
  facets: [string, EventFacet, string, number, number][];
  event: AuthEvent;
}

/** Rows for a batch of events of one file. */
export function buildEventRows(
  caseId: string,
  ingestId: string,
  fileId: string,
  events: readonly AuthEvent[],
): PendingEvent[] {
  return events.map((event) => {
    const ts = event.ts ?? UNTIMED_TS;
    const facets: PendingEvent['facets'] = [];
    for (const facet of EVENT_FACETS) {
      for (const value of facetValues(event, fileId, facet)) facets.push([caseId, facet, value, ts, 0]);
    }
    return { caseId, seq: 0, ts, ingestId, fileId, facets, event };
  });
}

/** Gives the rows their seq numbers from `first` on; returns the next free seq. */
export function stampSeq(rows: PendingEvent[], first: number): number {
  let seq = first;
  for (const row of rows) {
    row.seq = seq;
    for (const facet of row.facets) facet[4] = seq;
    seq += 1;
  }
  return seq;
}

/** Change of one facet value's count and time span. */
export interface FacetDelta {
  readonly facet: EventFacet;
  readonly value: string;
  count: number;
  firstTs: number;
  lastTs: number;
}

export interface AggregateDeltas {
  readonly facets: FacetDelta[];
  readonly buckets: BucketDelta[];
}

/**
 * What adding (sign +1) or removing (sign -1) these rows changes in the case's aggregates: counts of the
 * COUNTED_FACETS values and histogram rows. Untimed events count in facets but have no bucket. Both are
 * few-valued, so this is a few dozen rows per batch.
 */
export function aggregateDeltas(rows: readonly Pick<StoredEvent, 'ts' | 'facets'>[], sign: 1 | -1): AggregateDeltas {
  const facets = new Map<string, FacetDelta>();
  const buckets = new Map<string, BucketDelta>();
  for (const row of rows) {
    for (const key of row.facets as readonly FacetKey[]) {
      if (!COUNTED_FACETS.has(key[1])) continue;
      const id = `${key[1]}\u0000${key[2]}`;
      const delta = facets.get(id);
      if (delta) {
        delta.count += sign;
        if (row.ts !== UNTIMED_TS) {
          delta.firstTs = Math.min(delta.firstTs, row.ts);
          delta.lastTs = Math.max(delta.lastTs, row.ts);
        }
      } else {
        const known = row.ts !== UNTIMED_TS;
        facets.set(id, {
          facet: key[1],
          value: key[2],
          count: sign,
          firstTs: known ? row.ts : Infinity,
          lastTs: known ? row.ts : -Infinity,
        });
      }
    }
    if (row.ts !== UNTIMED_TS) addBucketDelta(buckets, row.ts, sign);
  }
  return { facets: [...facets.values()], buckets: [...buckets.values()] };
}

/**
 * The row with `links` (the case analysis's digest and jti links) in place of its previous ones, its token facets
 * following — a token the record itself carries keeps its facet; the parsed event untouched.
 */
export function withTokenLinks(row: StoredEvent, links: readonly StoredTokenLink[] | undefined): StoredEvent {
  const parsed = new Set(row.event.tokenHashes);
  const previous = new Set((row.tokenLinks ?? []).map((item) => item.hash));
  const facets: FacetKey[] = row.facets.filter(
    ([, facet, value]) => !(facet === 'token' && previous.has(value) && !parsed.has(value)),
  );
  for (const { hash } of links ?? []) if (!parsed.has(hash)) facets.push([row.caseId, 'token', hash, row.ts, row.seq]);
  const { tokenLinks: _dropped, ...rest } = row;
  return links && links.length > 0 ? { ...rest, facets, tokenLinks: links } : { ...rest, facets };
}
