// The timeline feature's reads of the window's store (pages of events, facet values, the histogram, the case's
// time range), in one place: views call these, never `db` itself.
import type { EventFacet, FacetCountRecord, StoredEvent } from '../db/event-records';
import { db } from '../db/schema';
import { eventBySeq } from '../db/event-store';
import { listFacetValues } from './facet-counts';
import type { PageRequest, PageResult } from './page-request';
import type { TimelineFilter } from './timeline-filter';
import { readHistogram, type Histogram } from './timeline-histogram';
import { caseExtent, queryPage } from './timeline-query';

/** One page of the case's events that `filter` keeps. */
export function timelinePage(caseId: string, filter: TimelineFilter, request: PageRequest): Promise<PageResult> {
  return queryPage(db, caseId, filter, request);
}

/** The event the case numbered `seq`. */
export function storedEvent(caseId: string, seq: number): Promise<StoredEvent | undefined> {
  return eventBySeq(db, caseId, seq);
}

/** The values a facet takes in the case, with their counts. */
export function facetValues(caseId: string, facet: EventFacet): Promise<FacetCountRecord[]> {
  return listFacetValues(db, caseId, facet);
}

export function timelineHistogram(caseId: string, from: number, to: number, bars: number): Promise<Histogram> {
  return readHistogram(db, caseId, from, to, bars);
}

/** The times of the case's first and last timed events. */
export function timelineExtent(caseId: string): Promise<{ first: number; last: number } | undefined> {
  return caseExtent(db, caseId);
}
