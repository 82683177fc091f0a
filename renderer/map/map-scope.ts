// Whose hops the map follows, and what of the timeline filter it then applies. Hops only mean something along one
// identity (a token, a subject, a session), and only between events that are consecutive for it, so the scope
// selects the events and the hops are found among all of them, as the impossible-travel detector finds them; the
// timeline filter then marks which hops it keeps instead of removing events (which would join events that were
// never consecutive into hops the detector never judged).
import type { EventFacet } from '../db/event-records';
import type { TimelineFilter } from '../timeline/timeline-filter';
import type { MapFacet, MapScope } from '../findings/finding-links';

/** Most specific first: a token's hops are a subset of its session's, a session's of its subject's. */
const FILTER_SCOPES: readonly MapFacet[] = ['token', 'session', 'subject'];

/** The route's scope (a finding's or a token's map link), else the identity the timeline filter names. */
export function mapScope(focus: MapScope | undefined, filter: TimelineFilter): MapScope | undefined {
  if (focus) return focus;
  const facet = FILTER_SCOPES.find((candidate) => filter.facets?.[candidate]);
  return facet ? { facet, value: filter.facets![facet]! } : undefined;
}

/**
 * The facet the map leaves out of the timeline filter: the scope's own when the filter names the same value. The
 * scope already selects those events, and by the detectors' attribution (a subject's events include those whose
 * token names the subject), which the filter's record-field test would undo.
 */
export function scopeSkip(scope: MapScope | undefined, filter: TimelineFilter): EventFacet | undefined {
  return scope && filter.facets?.[scope.facet] === scope.value ? scope.facet : undefined;
}
