// Keyset paging over a case's events in time order. Every page starts at the last key seen ([caseId+ts+seq], or
// [caseId, facet, value, ts, seq] on the `facets` index) — never offset(), which walks every skipped row. The seq in
// the key is the tie-break between events of the same millisecond. planQuery picks how a filter is served: an index
// range, intersected facet keys (facet-pages.ts) or the packed free-text rows (text-pages.ts).
import { COUNTED_FACETS, UNTIMED_TS, type EventFacet, type StoredEvent } from '../db/event-records';
import { textNeedle, type EventTextFilterRecord } from '../db/event-text';
import { recordTextFilters } from './text-filter-backfill';
import { allOf, carriesFacet, facetIntersectionPage, type FacetIntersection } from './facet-pages';
import { blockPostingsPage, blockWalkPage } from './block-pages';
import { caseBlockExtent } from '../db/event-block-store';
import { eventTables } from '../db/event-store';
import { budgetSpent, withinRange, type EventCursor, type PageRequest, type PageResult } from './page-request';
import type { TokentrailDatabase } from '../db/schema';
import { textPage } from './text-pages';
import { activeFacets, filterPredicate, type TimelineFilter } from './timeline-filter';
import { resolveAnnotatedSeqs } from './annotated-seqs';

export type { EventCursor, PageRequest, PageResult } from './page-request';

type Key = (string | number)[];

/** One index range, with what the range cannot decide tested row by row. */
interface RangePlan {
  readonly kind: 'range';
  readonly index: string;
  readonly key: (ts: number, seq: number) => Key;
  readonly test?: (row: StoredEvent) => boolean;
}

/** Block layout: the events walked in time order and tested, or a facet value's postings and their events tested. */
type BlockPlan =
  | { readonly kind: 'walk'; readonly test?: (row: StoredEvent) => boolean }
  | {
      readonly kind: 'postings';
      readonly lead: readonly [EventFacet, string];
      readonly test?: (row: StoredEvent) => boolean;
    };

type Plan =
  | RangePlan
  | BlockPlan
  | { readonly kind: 'text'; readonly packed: boolean }
  | ({ readonly kind: 'facets' } & FacetIntersection);

/** Identifier facets, most selective first: a token is rarer than a session, a session than a subject or an IP. */
const SELECTIVITY: readonly EventFacet[] = [
  'token',
  'session',
  'subject',
  'ip',
  'appVersion',
  'country',
  'file',
  'kind',
];
const IDENTIFIER_FACETS: ReadonlySet<EventFacet> = new Set(SELECTIVITY.filter((facet) => !COUNTED_FACETS.has(facet)));

/**
 * Block layout: a counted value with more events than this is served by walking the blocks (most hold it) rather than
 * by its postings, which a page would read whole.
 */
const POSTED_EVENTS_AT_MOST = 50_000;

/**
 * How a filter is served. Free text without an identifier facet: the packed text rows (text-pages.ts). Two or more
 * facets: their index keys intersected (facet-pages.ts). One facet: its `facets` range, the text tested row by row.
 * Nothing: [caseId+ts+seq]. Of the counted facets the value with the fewest events leads (one bulkGet); an
 * identifier facet is assumed rarer than any counted one. Null when a counted value has no events.
 */
export async function planQuery(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
): Promise<Plan | null> {
  const facets = activeFacets(filter);
  const record = await database.cases.get(caseId);
  if (textNeedle(filter.text) && !facets.some(([facet]) => IDENTIFIER_FACETS.has(facet))) {
    if (!record?.eventTextMissing) return { kind: 'text', packed: !record?.textFiltersIncomplete };
  }
  const blocks = record?.eventLayout === 'blocks';
  if (facets.length === 0 && blocks) return { kind: 'walk', test: filterPredicate(filter) };
  if (facets.length === 0)
    return {
      kind: 'range',
      index: '[caseId+ts+seq]',
      key: (ts, seq) => [caseId, ts, seq],
      test: filterPredicate(filter),
    };
  const counted = facets.filter(([facet]) => COUNTED_FACETS.has(facet));
  const counts = await database.eventFacets.bulkGet(counted.map(([facet, value]) => [caseId, facet, value]));
  if (counts.some((count) => !count)) return null;
  const countOf = (facet: EventFacet) => counts[counted.findIndex(([candidate]) => candidate === facet)]?.count ?? 0;
  const rank = (facet: EventFacet) =>
    COUNTED_FACETS.has(facet) ? countOf(facet) : -1 - (SELECTIVITY.length - SELECTIVITY.indexOf(facet));
  const [lead, ...others] = [...facets].sort(([a], [b]) => rank(a) - rank(b));
  const [facet, value] = lead!;
  const rest = filterPredicate({ text: filter.text, annotatedSeqs: filter.annotatedSeqs });
  if (blocks) {
    // The index keys' own test (carriesFacet): a token's facet includes the events the analysis linked to it.
    if (COUNTED_FACETS.has(facet) && countOf(facet) > POSTED_EVENTS_AT_MOST)
      return { kind: 'walk', test: allOf([lead!, ...others].map(carriesFacet), rest) };
    return { kind: 'postings', lead: lead!, test: allOf(others.map(carriesFacet), rest) };
  }
  if (others.length > 0) return { kind: 'facets', lead: lead!, others, ...(rest ? { test: rest } : {}) };
  return { kind: 'range', index: 'facets', key: (ts, seq) => [caseId, facet, value, ts, seq], test: rest };
}

/** One page of the filtered timeline, read in one transaction (a consistent view while an ingest writes). */
export async function queryPage(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  request: PageRequest,
): Promise<PageResult> {
  // The annotation filter becomes the set of matching seqs, intersected with whatever serves the rest. It is read in a
  // transaction of its own: awaiting it inside the page's transaction let that transaction commit before the page
  // was read ("Transaction committed too early", seen on the Map tab), and annotations do not change with an ingest.
  filter = await resolveAnnotatedSeqs(database, caseId, filter);
  if (filter.annotatedSeqs?.size === 0) return { rows: [], exhausted: true, scanned: 0 };
  const unrecorded: EventTextFilterRecord[] = [];
  const page = await database.transaction(
    'r',
    [
      database.cases,
      database.eventFacets,
      database.eventText,
      database.eventTextFilters,
      database.eventTextRowFilters,
      ...eventTables(database),
    ],
    async () => {
      const plan = await planQuery(database, caseId, filter);
      if (!plan) return { rows: [], exhausted: true, scanned: 0 };
      if (plan.kind === 'text') return textPage(database, caseId, filter, request, { packed: plan.packed, unrecorded });
      if (plan.kind === 'facets') return facetIntersectionPage(database, caseId, filter, plan, request);
      if (plan.kind === 'walk') return blockWalkPage(database, caseId, filter, plan.test, request);
      if (plan.kind === 'postings') return blockPostingsPage(database, caseId, filter, plan.lead, plan.test, request);
      return rangePage(database, filter, plan, request);
    },
  );
  // Pages are gathered in reading order; a backward page is shown in time order like any other.
  if (request.direction === 'backward') page.rows.reverse();
  if (unrecorded.length > 0) recordTextFilters(database, unrecorded);
  return page;
}

/** A page of one index range, in reading order. */
async function rangePage(
  database: TokentrailDatabase,
  filter: TimelineFilter,
  plan: RangePlan,
  request: PageRequest,
): Promise<PageResult> {
  const forward = request.direction === 'forward';
  let lower = plan.key(filter.from ?? -Infinity, -Infinity);
  let upper = plan.key(filter.to ?? Infinity, Infinity);
  let lowerOpen = false;
  let upperOpen = false;
  // A cursor outside the filter's time range (the window kept it from before the range changed) does not widen it.
  const cursor = request.from && withinRange(request.from, filter, forward) ? request.from : undefined;
  if (cursor) {
    const at = plan.key(cursor.ts, cursor.seq);
    if (forward) [lower, lowerOpen] = [at, !request.inclusive];
    else [upper, upperOpen] = [at, !request.inclusive];
  }
  const started = performance.now();
  // One read fills a page without a row test; with one, reads of a page's size keep the time budget's steps small.
  const chunkSize = Math.max(request.limit, 100);
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
    if (full || exhausted || budgetSpent(request, started, scanned)) return { rows, resume, exhausted, scanned };
    const at = plan.key(resume!.ts, resume!.seq);
    if (forward) [lower, lowerOpen] = [at, true];
    else [upper, upperOpen] = [at, true];
  }
}

/** The first and last timed event of a case, or undefined when it has none. */
export async function caseExtent(
  database: TokentrailDatabase,
  caseId: string,
): Promise<{ first: number; last: number } | undefined> {
  const blocks = await caseBlockExtent(database, caseId);
  if (blocks !== null) return blocks;
  const range = database.authEvents
    .where('[caseId+ts+seq]')
    .between([caseId, UNTIMED_TS, Infinity], [caseId, Infinity, Infinity], false, true);
  const [first, last] = await Promise.all([range.first(), range.last()]);
  return first && last ? { first: first.ts, last: last.ts } : undefined;
}
