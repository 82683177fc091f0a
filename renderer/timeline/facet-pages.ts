// One page of a filter on two or more facets (a kind and an IP, say), by intersecting index keys instead of testing
// stored events. Reading an event costs ~0.08 ms because the whole row is deserialized; reading only primary keys
// from the `facets` index costs a small fraction of that. So: read a chunk of the most selective facet's keys, read
// each other facet's keys over the same (ts, seq) span, keep the seqs in all of them, and read only those events. A
// facet too common to read over that span is tested on the events instead (OTHER_KEYS_PER_READ).
import type { EventFacet, StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import { eventBySeq } from '../db/event-store';
import type { TimelineFilter } from './timeline-filter';
import { lastCursor, takeEvents } from './page-events';
import { budgetSpent, withinRange, type EventCursor, type PageRequest, type PageResult } from './page-request';

/**
 * Keys of the leading facet read at once. A key costs ~30 µs here (Chromium checks each index entry against its
 * record) and each request a few ms, so a chunk of 100 (with the other facets' keys and the matching events) takes
 * ~15 ms, within a page's time budget.
 */
const KEYS_PER_READ = 100;
/**
 * Keys of another facet read over the span of one chunk of the lead's. A common value (a kind) can have tens of
 * thousands of keys in the time a rare lead's chunk covers (a subject's 100 events span ~100,000 events of the
 * benchmark's log, half of them `use`: 451 ms a page at 100,000 events). When this many come back (they may not reach
 * the chunk's end), that facet is tested on the lead's events instead — they are read for the page anyway — for the
 * rest of the page, so a chunk's reads stay bounded whatever the values' spread.
 */
const OTHER_KEYS_PER_READ = 2 * KEYS_PER_READ;

type FacetKeyBound = [string, EventFacet, string, number, number];

export interface FacetIntersection {
  /** The facet whose index range drives the page (the most selective). */
  readonly lead: readonly [EventFacet, string];
  readonly others: readonly (readonly [EventFacet, string])[];
  /** What the keys cannot decide (free text); tested on the events read. */
  readonly test?: (row: StoredEvent) => boolean;
}

/** A page in reading order (queryPage turns a backward one into time order); call inside a read transaction. */
export async function facetIntersectionPage(
  database: TokentrailDatabase,
  caseId: string,
  range: Pick<TimelineFilter, 'from' | 'to'>,
  plan: FacetIntersection,
  request: PageRequest,
): Promise<PageResult> {
  const forward = request.direction === 'forward';
  const bound = (facet: readonly [EventFacet, string], ts: number, seq: number): FacetKeyBound => [
    caseId,
    facet[0],
    facet[1],
    ts,
    seq,
  ];
  const facetKeys = async (
    facet: readonly [EventFacet, string],
    lower: EventCursor,
    upper: EventCursor,
    lowerOpen: boolean,
    upperOpen: boolean,
    limit?: number,
  ) => {
    let collection = database.authEvents
      .where('facets')
      .between(bound(facet, lower.ts, lower.seq), bound(facet, upper.ts, upper.seq), !lowerOpen, !upperOpen);
    if (!forward) collection = collection.reverse();
    if (limit) collection = collection.limit(limit);
    return ((await collection.primaryKeys()) as [string, number][]).map(([, seq]) => seq);
  };
  let lower: EventCursor = { ts: range.from ?? -Infinity, seq: -Infinity };
  let upper: EventCursor = { ts: range.to ?? Infinity, seq: Infinity };
  let lowerOpen = false;
  let upperOpen = false;
  if (request.from && withinRange(request.from, range, forward)) {
    if (forward) [lower, lowerOpen] = [request.from, !request.inclusive];
    else [upper, upperOpen] = [request.from, !request.inclusive];
  }
  const started = performance.now();
  const rows: StoredEvent[] = [];
  let scanned = 0;
  let resume: EventCursor | undefined;
  let intersected = plan.others;
  let test = plan.test;
  for (;;) {
    const lead = await facetKeys(plan.lead, lower, upper, lowerOpen, upperOpen, KEYS_PER_READ);
    const exhausted = lead.length < KEYS_PER_READ;
    scanned += lead.length;
    if (lead.length === 0) return { rows, resume, exhausted: true, scanned };
    // The span the chunk covers ends at its last key, whose time only the event itself knows.
    const last = (await eventBySeq(database, caseId, lead.at(-1)!))!;
    const end: EventCursor = { ts: last.ts, seq: last.seq };
    let kept: number[] = lead;
    for (const other of intersected) {
      const keys = forward
        ? await facetKeys(other, lower, end, lowerOpen, false, OTHER_KEYS_PER_READ)
        : await facetKeys(other, end, upper, false, upperOpen, OTHER_KEYS_PER_READ);
      if (keys.length === OTHER_KEYS_PER_READ) {
        // Too common to intersect by keys over this span: tested on the events from now on.
        intersected = intersected.filter((facet) => facet !== other);
        test = allOf([carriesFacet(other)], test);
        continue;
      }
      const seqs = new Set(keys);
      kept = kept.filter((seq) => seqs.has(seq));
    }
    if (await takeEvents(database, caseId, kept, test, rows, request.limit))
      return { rows, resume: lastCursor(rows), exhausted: false, scanned };
    resume = end;
    if (exhausted) return { rows, resume, exhausted: true, scanned };
    if (budgetSpent(request, started, scanned)) return { rows, resume, exhausted: false, scanned };
    if (forward) [lower, lowerOpen] = [end, true];
    else [upper, upperOpen] = [end, true];
  }
}

/** True for an event that has `value` for `facet` (its `facets` index entries, as the keys would say). */
export function carriesFacet([facet, value]: readonly [EventFacet, string]): (row: StoredEvent) => boolean {
  return (row) => row.facets.some((key) => key[1] === facet && key[2] === value);
}

/** Every one of `cheap` (facet tests), then `rest` (free text, annotations: dearer); undefined when there is none. */
export function allOf(
  cheap: readonly ((row: StoredEvent) => boolean)[],
  rest: ((row: StoredEvent) => boolean) | undefined,
): ((row: StoredEvent) => boolean) | undefined {
  const tests = rest ? [...cheap, rest] : cheap;
  if (tests.length === 0) return undefined;
  return (row) => tests.every((test) => test(row));
}
