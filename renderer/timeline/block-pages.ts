// Pages of the timeline for a case whose events are in blocks (renderer/db/event-blocks.ts): the same pages, cursors
// and budget as the row layout's plans (timeline-query.ts), served from the block layout's two access paths.
// - A walk: the case's events merged in time order from the page's position (BlockWalk), each tested against the
//   filter. Serves no facet, or a counted facet's value common enough that most blocks hold it.
// - Postings: the lead facet value's (time, seq) entries, from its posting rows that reach the page's position
//   (PostingWalk); only those events are read, and tested against the rest of the filter.
// Free text without an identifier facet is served by the text rows, as for the row layout (text-pages.ts).
import { BlockWalk } from '../db/event-block-walk';
import { PostingWalk } from '../db/posting-walk';
import type { EventFacet, StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import { lastCursor, takeEvents } from './page-events';
import { budgetSpent, withinRange, type EventCursor, type PageRequest, type PageResult } from './page-request';
import type { TimelineFilter } from './timeline-filter';

type Test = ((row: StoredEvent) => boolean) | undefined;

/** Where a page starts: its cursor when it lies within the filter's range, else the range's near end. */
function startOf(filter: Pick<TimelineFilter, 'from' | 'to'>, request: PageRequest) {
  const forward = request.direction === 'forward';
  if (request.from && withinRange(request.from, filter, forward))
    return { at: request.from, inclusive: request.inclusive === true };
  const at: EventCursor = forward
    ? { ts: filter.from ?? -Infinity, seq: -Infinity }
    : { ts: filter.to ?? Infinity, seq: Infinity };
  return { at, inclusive: true };
}

/** True when `ts` is past the filter's far end in the page's direction. */
const pastEnd = (filter: Pick<TimelineFilter, 'from' | 'to'>, forward: boolean, ts: number) =>
  forward ? ts > (filter.to ?? Infinity) : ts < (filter.from ?? -Infinity);

/** Events taken from a walk at once: a block's worth. */
const EVENTS_PER_TAKE = 128;

/** A page of the case's events in time order from the page's position, those `test` accepts; in reading order. */
export async function blockWalkPage(
  database: TokentrailDatabase,
  caseId: string,
  filter: Pick<TimelineFilter, 'from' | 'to'>,
  test: Test,
  request: PageRequest,
): Promise<PageResult> {
  const forward = request.direction === 'forward';
  const { at, inclusive } = startOf(filter, request);
  const walk = new BlockWalk(database, caseId, request.direction, at, inclusive);
  const started = performance.now();
  const rows: StoredEvent[] = [];
  let scanned = 0;
  let resume: EventCursor | undefined;
  for (;;) {
    const taken = await walk.take(EVENTS_PER_TAKE);
    for (const row of taken) {
      if (pastEnd(filter, forward, row.ts)) return { rows, resume, exhausted: true, scanned };
      scanned += 1;
      resume = { ts: row.ts, seq: row.seq };
      if (!test || test(row)) {
        rows.push(row);
        if (rows.length === request.limit) return { rows, resume, exhausted: false, scanned };
      }
      if (budgetSpent(request, started, scanned)) return { rows, resume, exhausted: false, scanned };
    }
    if (taken.length < EVENTS_PER_TAKE) return { rows, resume, exhausted: true, scanned };
  }
}

/** Entries whose events are read at once. */
const ENTRIES_PER_READ = 100;

/** A page of the events with the lead facet's value, those `test` accepts; in reading order. */
export async function blockPostingsPage(
  database: TokentrailDatabase,
  caseId: string,
  filter: Pick<TimelineFilter, 'from' | 'to'>,
  lead: readonly [EventFacet, string],
  test: Test,
  request: PageRequest,
): Promise<PageResult> {
  const forward = request.direction === 'forward';
  const { at, inclusive } = startOf(filter, request);
  const entries = new PostingWalk(database, caseId, lead[0], lead[1], request.direction, at, inclusive);
  const started = performance.now();
  const rows: StoredEvent[] = [];
  let scanned = 0;
  let resume: EventCursor | undefined;
  for (;;) {
    const taken = await entries.take(ENTRIES_PER_READ);
    const beyond = taken.findIndex((entry) => pastEnd(filter, forward, entry.ts));
    const within = beyond < 0 ? taken : taken.slice(0, beyond);
    const ended = within.length < ENTRIES_PER_READ;
    scanned += within.length;
    if (
      await takeEvents(
        database,
        caseId,
        within.map((entry) => entry.seq),
        test,
        rows,
        request.limit,
      )
    )
      return { rows, resume: lastCursor(rows), exhausted: false, scanned };
    if (ended) return { rows, resume, exhausted: true, scanned };
    const last = within.at(-1)!;
    resume = { ts: last.ts, seq: last.seq };
    if (budgetSpent(request, started, scanned)) return { rows, resume, exhausted: false, scanned };
  }
}
