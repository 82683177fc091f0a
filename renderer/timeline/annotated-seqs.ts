// The annotation part of a timeline filter, resolved before the filter is applied: the seqs of the events it keeps,
// read from the annotationStates `facets` index (keys only, no state rows). The timeline's query and every view that
// tests events against the filter (Findings, Lifecycle, Map) resolve it the same way, so they agree with the list.
import type { TokentrailDatabase } from '../db/schema';
import { annotatedIds } from '../annotations/queries';
import type { TimelineFilter } from './timeline-filter';
import type { EventFacet } from '../db/event-records';
import { timelineMatcher, type EventMatcher } from './timeline-match';

/** The filter with `annotatedSeqs` set from its `annotation` part (the same filter when it has none). */
export async function resolveAnnotatedSeqs(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
): Promise<TimelineFilter> {
  const ids = await annotatedIds(database, caseId, 'event', filter.annotation);
  if (!ids) return filter.annotatedSeqs ? { ...filter, annotatedSeqs: undefined } : filter;
  return { ...filter, annotatedSeqs: new Set([...ids].map(Number)) };
}

/** timelineMatcher of the filter with its annotation part resolved: for views that test events in hand. */
export async function resolvedMatcher(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  skip?: EventFacet,
): Promise<EventMatcher> {
  return timelineMatcher(await resolveAnnotatedSeqs(database, caseId, filter), skip);
}
