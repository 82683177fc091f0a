// The timeline's filter and how one stored event is tested against it. The test of the evidence fields is core's
// (core/timeline event-filter.ts, shared with the CLI's export); the investigator's annotations are the store's, so
// they are tested here. The query (timeline-query.ts) turns the most selective facet and the time range into an index
// range, and tests the rest with filterPredicate.
import { activeFacets, eventPredicate, isEmptyEventFilter, type EventFilter } from '../../core/timeline';
import type { EventFacet, StoredEvent } from '../db/event-records';
import { isEmptyAnnotationFilter, type AnnotationFilter } from '../annotations/annotation-filter';

/** What the investigator narrowed the timeline to. Times are inclusive UTC epoch ms. */
export interface TimelineFilter extends EventFilter {
  /** The investigator's annotations: a tag, starred, has a note (events have no disposition). */
  readonly annotation?: AnnotationFilter;
  /**
   * The seqs of the events `annotation` keeps, read from the annotation index by resolveAnnotatedSeqs
   * (annotated-seqs.ts) before the filter is applied; never set by a view. Unset: `annotation` is not tested.
   */
  readonly annotatedSeqs?: ReadonlySet<number>;
}

export { activeFacets };

/** A predicate for everything in the filter except the time range and `skip` (served by the index). */
export function filterPredicate(
  filter: TimelineFilter,
  skip?: EventFacet,
): ((row: StoredEvent) => boolean) | undefined {
  const test = eventPredicate(filter, skip);
  const annotated = filter.annotatedSeqs;
  if (!test && !annotated) return undefined;
  return (row) => (!annotated || annotated.has(row.seq)) && (!test || test(row.event, row.fileId));
}

/** True when nothing narrows the timeline. */
export function isEmptyFilter(filter: TimelineFilter): boolean {
  return isEmptyEventFilter(filter) && isEmptyAnnotationFilter(filter.annotation);
}
