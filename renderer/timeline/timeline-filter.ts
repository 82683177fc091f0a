// The timeline's filter and how one stored event is tested against it. Pure: the query (timeline-query.ts)
// turns the most selective facet and the time range into an index range, and tests the rest with filterPredicate.
import { EVENT_FACETS, type EventFacet, type StoredEvent } from '../db/event-records';
import { facetValues } from '../db/event-rows';
import { searchText, textNeedle } from '../db/event-text';
import { isEmptyAnnotationFilter, type AnnotationFilter } from '../annotations/annotation-filter';

/** What the investigator narrowed the timeline to. Times are inclusive UTC epoch ms. */
export interface TimelineFilter {
  readonly from?: number;
  readonly to?: number;
  readonly facets?: Readonly<Partial<Record<EventFacet, string>>>;
  /** Case-insensitive substring of the original record or of the normalized fields. */
  readonly text?: string;
  /** The investigator's annotations: a tag, starred, has a note (events have no disposition). */
  readonly annotation?: AnnotationFilter;
  /**
   * The seqs of the events `annotation` keeps, read from the annotation index by resolveAnnotatedSeqs
   * (annotated-seqs.ts) before the filter is applied; never set by a view. Unset: `annotation` is not tested.
   */
  readonly annotatedSeqs?: ReadonlySet<number>;
}

/** The facet filters that are set, in EVENT_FACETS order. */
export function activeFacets(filter: TimelineFilter): [EventFacet, string][] {
  const out: [EventFacet, string][] = [];
  for (const facet of EVENT_FACETS) {
    const value = filter.facets?.[facet];
    if (value) out.push([facet, value]);
  }
  return out;
}

/** A predicate for everything in the filter except the time range and `skip` (served by the index). */
export function filterPredicate(
  filter: TimelineFilter,
  skip?: EventFacet,
): ((row: StoredEvent) => boolean) | undefined {
  const facets = activeFacets(filter).filter(([facet]) => facet !== skip);
  const needle = textNeedle(filter.text);
  const annotated = filter.annotatedSeqs;
  if (facets.length === 0 && !needle && !annotated) return undefined;
  return (row) =>
    (!annotated || annotated.has(row.seq)) &&
    facets.every(([facet, value]) => facetValues(row.event, row.fileId, facet).includes(value)) &&
    (!needle || searchText(row.event).includes(needle));
}

/** True when nothing narrows the timeline. */
export function isEmptyFilter(filter: TimelineFilter): boolean {
  return (
    filter.from === undefined &&
    filter.to === undefined &&
    activeFacets(filter).length === 0 &&
    !textNeedle(filter.text) &&
    isEmptyAnnotationFilter(filter.annotation)
  );
}
