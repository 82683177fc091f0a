// The located events the map draws, each saying whether the case's timeline filter keeps it. Without a scope the
// map reads the timeline's own query with the timeline's filter, so it shows exactly the events the Timeline tab
// lists; with one, renderer/map/scope-events.ts reads the scope's events and the filter only marks them.
import { UNTIMED_TS, type StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import type { TimelineFilter } from '../timeline/timeline-filter';
import { eachTimelineRow } from '../timeline/timeline-rows';

/** More points than this make an unreadable map; the view says the map was cut. */
export const MAX_POINTS = 5_000;

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
  /** The case's timeline filter keeps this event (the map dims the others). */
  readonly matches: boolean;
}

export interface LocatedEvents {
  readonly points: LocatedEvent[];
  /** Events read that had no coordinates (or no time). */
  readonly unlocated: number;
  readonly truncated: boolean;
}

/** True when the event has a time and coordinates: a point on the map. */
export function isLocated(row: StoredEvent): boolean {
  return row.ts !== UNTIMED_TS && row.event.geo?.latitude !== undefined && row.event.geo.longitude !== undefined;
}

/** The map point of a located event (see isLocated). */
export function toPoint(row: StoredEvent, matches: boolean): LocatedEvent {
  const { event } = row;
  const geo = event.geo!;
  const line = event.source.line ?? (event.source.index !== undefined ? event.source.index + 1 : undefined);
  return {
    seq: row.seq,
    ts: row.ts,
    kind: event.kind,
    ip: event.ip,
    country: geo.country,
    city: geo.city,
    latitude: geo.latitude!,
    longitude: geo.longitude!,
    geoSource: geo.source,
    where: line === undefined ? event.source.file : `${event.source.file}:${line}`,
    matches,
  };
}

/** The located events of the filtered timeline (all kept by the filter, by construction), up to MAX_POINTS. */
export async function loadLocatedEvents(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
): Promise<LocatedEvents> {
  const points: LocatedEvent[] = [];
  let unlocated = 0;
  const truncated = await eachTimelineRow(database, caseId, filter, (row) => {
    if (isLocated(row)) points.push(toPoint(row, true));
    else unlocated += 1;
    return points.length < MAX_POINTS;
  });
  return { points, unlocated, truncated };
}
