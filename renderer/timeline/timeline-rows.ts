// Every row of a filtered timeline in time order, read by the timeline's own keyset query (renderer/timeline/timeline-
// query.ts) a page at a time, for views that need more than one page (the map, the lifecycle's filter marks).
import type { StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import type { TimelineFilter } from './timeline-filter';
import { queryPage, type EventCursor } from './timeline-query';

const PAGE = 500;

/** Visits the rows until `visit` returns false (then resolves true: stopped early) or the range ends (false). */
export async function eachTimelineRow(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  visit: (row: StoredEvent) => boolean,
): Promise<boolean> {
  let from: EventCursor | undefined;
  for (;;) {
    const page = await queryPage(database, caseId, filter, { direction: 'forward', from, limit: PAGE });
    for (const row of page.rows) if (!visit(row)) return true;
    if (page.exhausted || !page.resume) return false;
    from = page.resume;
  }
}
