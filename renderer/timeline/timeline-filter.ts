// The timeline's filter and how one stored event is tested against it. Pure: the query (timeline-query.ts)
// turns the most selective facet and the time range into an index range, and tests the rest with filterPredicate.
import { EVENT_FACETS, type EventFacet, type StoredEvent } from '../db/event-records';
import { facetValues } from '../db/event-rows';
import { searchText, textNeedle } from '../db/event-text';

/** What the investigator narrowed the timeline to. Times are inclusive UTC epoch ms. */
export interface TimelineFilter {
  readonly from?: number;
  readonly to?: number;
  readonly facets?: Readonly<Partial<Record<EventFacet, string>>>;
  /** Case-insensitive substring of the original record or of the normalized fields. */
  readonly text?: string;
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
  if (facets.length === 0 && !needle) return undefined;
  return (row) =>
    facets.every(([facet, value]) => facetValues(row.event, row.fileId, facet).includes(value)) &&
    (!needle || searchText(row.event).includes(needle));
}

/** True when nothing narrows the timeline. */
export function isEmptyFilter(filter: TimelineFilter): boolean {
  return (
    filter.from === undefined &&
    filter.to === undefined &&
    activeFacets(filter).length === 0 &&
    !textNeedle(filter.text)
  );
}
