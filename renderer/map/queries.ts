// The map feature's reads of the window's store, in one place: views call these, never `db` itself.
import { db } from '../db/schema';
import type { MapScope } from '../findings/finding-links';
import type { TimelineFilter } from '../timeline/timeline-filter';
import { resolvedMatcher } from '../timeline/annotated-seqs';
import { loadLocatedEvents, type LocatedEvents } from './located-events';
import { scopeSkip } from './map-scope';
import { loadScopeEvents } from './scope-events';

/** The located events the map draws: a scope's (a subject, a session, a token family) or the whole filtered case's. */
export async function mapEvents(
  caseId: string,
  scope: MapScope | undefined,
  filter: TimelineFilter,
): Promise<LocatedEvents> {
  return scope
    ? loadScopeEvents(db, caseId, scope, await resolvedMatcher(db, caseId, filter, scopeSkip(scope, filter)))
    : loadLocatedEvents(db, caseId, filter);
}
