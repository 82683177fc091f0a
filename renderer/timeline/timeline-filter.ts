// The timeline's filter and how one stored event is tested against it. The test itself is core's (core/timeline
// event-filter.ts, shared with the CLI's export); the query (timeline-query.ts) turns the most selective facet and the
// time range into an index range, and tests the rest with filterPredicate.
import { activeFacets, eventPredicate, isEmptyEventFilter, type EventFilter } from '../../core/timeline';
import type { EventFacet, StoredEvent } from '../db/event-records';

/** What the investigator narrowed the timeline to. Times are inclusive UTC epoch ms. */
export type TimelineFilter = EventFilter;

export { activeFacets };

/** A predicate for everything in the filter except the time range and `skip` (served by the index). */
export function filterPredicate(
  filter: TimelineFilter,
  skip?: EventFacet,
): ((row: StoredEvent) => boolean) | undefined {
  const test = eventPredicate(filter, skip);
  return test && ((row) => test(row.event, row.fileId));
}

/** True when nothing narrows the timeline. */
export const isEmptyFilter: (filter: TimelineFilter) => boolean = isEmptyEventFilter;
