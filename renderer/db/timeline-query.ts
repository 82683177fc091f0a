// Keyset paging over a case's events in time order. Every page is an index range that starts at the last key
// seen ([caseId+ts+seq], or [caseId, facet, value, ts, seq] on the `facets` index) — never offset(), which
// walks every skipped row. The seq in the key is the tie-break between events of the same millisecond.
import { COUNTED_FACETS, UNTIMED_TS, type EventFacet, type StoredEvent } from './event-records';
import type { TokentrailDatabase } from './schema';
import { activeFacets, filterPredicate, type TimelineFilter } from './timeline-filter';

/** A position in the timeline: an event's time and seq. */
export interface EventCursor {
  readonly ts: number;
  readonly seq: number;
}

export interface PageRequest {
  readonly direction: 'forward' | 'backward';
  /** Start here; absent = the beginning (forward) or the end (backward) of the filtered range. */
  readonly from?: EventCursor;
  /** Include the event at `from` itself. */
  readonly inclusive?: boolean;
  readonly limit: number;
  /** Rows a free-text or multi-facet filter may examine before a partial page is returned. */
  readonly scanBudget?: number;
}

export interface PageResult {
  /** In time order (also for backward pages). */
  readonly rows: StoredEvent[];
  /** Where a next page in the same direction starts (the last key examined). */
  readonly resume?: EventCursor;
  /** True when the range has no more rows in this direction. */
  readonly exhausted: boolean;
  readonly scanned: number;
}

type Key = (string | number)[];

interface Plan {
  readonly index: string;
  readonly key: (ts: number, seq: number) => Key;
  readonly test?: (row: StoredEvent) => boolean;
}

/**
 * Rows a row-tested page may read: a stored event costs ~0.2 ms to read, so this is ~0.3 s. A rare free-text
 * match returns a partial page and the list asks for more as the investigator scrolls.
 */
const DEFAULT_SCAN_BUDGET = 1_500;

/** Identifier facets, most selective first: a token is rarer than a session, a session than a subject or an IP. */
const SELECTIVITY: readonly EventFacet[] = ['token', 'session', 'subject', 'ip', 'appVersion', 'country', 'file', 'kind'];

/**
 * The index that serves a filter: with facet filters, the `facets` range of one of them, the others tested row
 * by row; otherwise [caseId+ts+seq]. Of the counted facets the value with the fewest events is taken (one
 * bulkGet); an identifier facet is assumed rarer than any counted one. Null when a counted value has no events.
 */
export async function planQuery(database: TokentrailDatabase, caseId: string, filter: TimelineFilter): Promise<Plan | null> {
  const facets = activeFacets(filter);
  if (facets.length === 0) return { index: '[caseId+ts+seq]', key: (ts, seq) => [caseId, ts, seq], test: filterPredicate(filter) };
  const counted = facets.filter(([facet]) => COUNTED_FACETS.has(facet));
  const counts = await database.eventFacets.bulkGet(counted.map(([facet, value]) => [caseId, facet, value]));
  if (counts.some((count) => !count)) return null;
  const countOf = (facet: EventFacet) => counts[counted.findIndex(([candidate]) => candidate === facet)]?.count ?? 0;
  const rank = (facet: EventFacet) => (COUNTED_FACETS.has(facet) ? countOf(facet) : -1 - (SELECTIVITY.length - SELECTIVITY.indexOf(facet)));
  const [facet, value] = [...facets].sort(([a], [b]) => rank(a) - rank(b))[0]!;
  return { index: 'facets', key: (ts, seq) => [caseId, facet, value, ts, seq], test: filterPredicate(filter, facet) };
}

/** One page of the filtered timeline. */
export async function queryPage(database: TokentrailDatabase, caseId: string, filter: TimelineFilter, request: PageRequest): Promise<PageResult> {
  const plan = await planQuery(database, caseId, filter);
  if (!plan) return { rows: [], exhausted: true, scanned: 0 };
  const forward = request.direction === 'forward';
  let lower = plan.key(filter.from ?? -Infinity, -Infinity);
  let upper = plan.key(filter.to ?? Infinity, Infinity);
  let lowerOpen = false;
  let upperOpen = false;
  if (request.from) {
    const at = plan.key(request.from.ts, request.from.seq);
    if (forward) [lower, lowerOpen] = [at, !request.inclusive];
    else [upper, upperOpen] = [at, !request.inclusive];
  }
  const budget = request.scanBudget ?? DEFAULT_SCAN_BUDGET;
  // Without a row test one read fills the page; with one, read in larger chunks and keep the matches.
  const chunkSize = plan.test ? Math.max(request.limit * 4, 500) : request.limit;
  const rows: StoredEvent[] = [];
  let scanned = 0;
  let resume: EventCursor | undefined;
  for (;;) {
    let collection = database.authEvents.where(plan.index).between(lower, upper, !lowerOpen, !upperOpen);
    if (!forward) collection = collection.reverse();
    const chunk = await collection.limit(chunkSize).toArray();
    for (const row of chunk) {
      scanned += 1;
      resume = { ts: row.ts, seq: row.seq };
      if (!plan.test || plan.test(row)) rows.push(row);
      if (rows.length === request.limit) break;
    }
    const full = rows.length === request.limit;
    const exhausted = !full && chunk.length < chunkSize;
    if (full || exhausted || scanned >= budget) {
      if (!forward) rows.reverse();
      return { rows, resume, exhausted, scanned };
    }
    const at = plan.key(resume!.ts, resume!.seq);
    if (forward) [lower, lowerOpen] = [at, true];
    else [upper, upperOpen] = [at, true];
  }
}

/** The first and last timed event of a case, or undefined when it has none. */
export async function caseExtent(database: TokentrailDatabase, caseId: string): Promise<{ first: number; last: number } | undefined> {
  const range = database.authEvents.where('[caseId+ts+seq]').between([caseId, UNTIMED_TS, Infinity], [caseId, Infinity, Infinity], false, true);
  const [first, last] = await Promise.all([range.first(), range.last()]);
  return first && last ? { first: first.ts, last: last.ts } : undefined;
}
