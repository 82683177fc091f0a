// The located events the map draws: the timeline's own query (renderer/db/timeline-query.ts) with the timeline's
// filter, so the map shows exactly the events the Timeline tab would list, keeping those with coordinates.
// Keyset pages until the range is exhausted or MAX_POINTS located events are held.
import { UNTIMED_TS, type StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import type { TimelineFilter } from '../db/timeline-filter';
import { queryPage, type EventCursor } from '../db/timeline-query';

/** More points than this make an unreadable map; the view says the map was cut. */
export const MAX_POINTS = 5_000;
const PAGE = 500;

export interface LocatedEvent {
  readonly seq: number;
  readonly ts: number;
  readonly kind: string;
  readonly ip?: string;
  readonly country?: string;
  readonly city?: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Where the coordinates come from: the log itself, or the offline geolocation database. */
  readonly geoSource?: string;
  readonly where: string;
}

export interface LocatedEvents {
  readonly points: LocatedEvent[];
  /** Events read that had no coordinates (or no time). */
  readonly unlocated: number;
  readonly truncated: boolean;
}

function located(row: StoredEvent): LocatedEvent | undefined {
  const { event } = row;
  const geo = event.geo;
  if (row.ts === UNTIMED_TS || geo?.latitude === undefined || geo.longitude === undefined) return undefined;
  const line = event.source.line ?? (event.source.index !== undefined ? event.source.index + 1 : undefined);
  return {
    seq: row.seq,
    ts: row.ts,
    kind: event.kind,
    ip: event.ip,
    country: geo.country,
    city: geo.city,
    latitude: geo.latitude,
    longitude: geo.longitude,
    geoSource: geo.source,
    where: line === undefined ? event.source.file : `${event.source.file}:${line}`,
  };
}

export async function loadLocatedEvents(database: TokentrailDatabase, caseId: string, filter: TimelineFilter): Promise<LocatedEvents> {
  const points: LocatedEvent[] = [];
  let unlocated = 0;
  let from: EventCursor | undefined;
  for (;;) {
    const page = await queryPage(database, caseId, filter, { direction: 'forward', from, limit: PAGE });
    for (const row of page.rows) {
      const point = located(row);
      if (point) points.push(point);
      else unlocated += 1;
    }
    if (points.length >= MAX_POINTS) return { points: points.slice(0, MAX_POINTS), unlocated, truncated: true };
    if (page.exhausted || !page.resume) return { points, unlocated, truncated: false };
    from = page.resume;
  }
}
