import type { Timeline } from '../correlate';
import type { EventTokenLinks } from '../types';

/**
 * The tokens correlation attached to events by a digest or jti (roles carrying a `link`), event by event, for a
 * store to index: the parse never saw these tokens, so the event's own token list does not name them.
 */
export function eventTokenLinks(timeline: Timeline): EventTokenLinks[] {
  const out: EventTokenLinks[] = [];
  for (const entries of [timeline.entries, timeline.untimed])
    for (const entry of entries) {
      const tokens = [];
      for (const role of entry.roles) if (role.link) tokens.push({ hash: role.hash, link: role.link });
      if (tokens.length > 0) out.push({ eventId: entry.id ?? entry.seq, tokens });
    }
  return out;
}
