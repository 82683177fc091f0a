// Whether one stored event is one the Timeline tab would list under a filter. The timeline's query serves the time
// range from an index bound and tests the rest with filterPredicate (renderer/timeline/timeline-filter.ts); this is the
// same two tests on a row already in hand, so Findings, Lifecycle and Map can never disagree with the list.
import type { EventFacet, StoredEvent } from '../db/event-records';
import { filterPredicate, type TimelineFilter } from './timeline-filter';

export type EventMatcher = (row: StoredEvent) => boolean;

/**
 * The timeline filter as a predicate on stored events. The range is inclusive at both ends, like the index bounds
 * the query uses; an untimed event (UNTIMED_TS, the lowest key) is therefore dropped by any `from`, as in the list.
 * `skip` leaves one facet out, for a view that already narrowed by it in its own way (the map's subject scope).
 */
export function timelineMatcher(filter: TimelineFilter, skip?: EventFacet): EventMatcher {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const rest = filterPredicate(filter, skip);
  return (row) => row.ts >= from && row.ts <= to && (!rest || rest(row));
}
