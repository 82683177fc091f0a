// Hops between consecutive located events of one token, subject or session, in time order, judged by the same
// rule and parameters as the impossible-travel detector (core/timeline isImpossibleHop, the case's parameters):
// consecutive events from one IP are not a hop, and events from excluded ranges (VPN, proxy) are not judged.
// A hop or place the case's timeline filter keeps is one with at least one event the filter keeps: the same rule
// the Findings view applies to a finding's evidence, so an impossible-travel finding is listed exactly when its
// hop is drawn in full.
import {
  cidrList,
  detectorById,
  hopSpeed,
  isImpossibleHop,
  resolveParameters,
  type TimelineParameterOverrides,
} from '../../core/timeline';
import type { LocatedEvent } from './located-events';

export interface MapHop {
  readonly from: LocatedEvent;
  readonly to: LocatedEvent;
  readonly km: number;
  readonly ms: number;
  readonly speedKmh: number;
  readonly impossible: boolean;
  /** The timeline filter keeps one of its two events. */
  readonly matches: boolean;
}

/** A place on the map: the events at one coordinate, with their order numbers along the path. */
export interface MapPlace {
  readonly latitude: number;
  readonly longitude: number;
  readonly label: string;
  readonly events: readonly LocatedEvent[];
  readonly order: readonly number[];
  readonly excluded: boolean;
  /** The timeline filter keeps one of its events. */
  readonly matches: boolean;
}

const IMPOSSIBLE_TRAVEL_DEFAULTS = detectorById('impossible-travel')!.defaults as {
  maxSpeedKmh: number;
  minDistanceKm: number;
  excludedRanges: string[];
};

export function hopParameters(overrides: TimelineParameterOverrides | undefined): {
  maxSpeedKmh: number;
  minDistanceKm: number;
  excludedRanges: string[];
} {
  return resolveParameters(IMPOSSIBLE_TRAVEL_DEFAULTS, overrides?.['impossible-travel']);
}

/** The hops of `points` (time order). */
export function buildHops(
  points: readonly LocatedEvent[],
  overrides: TimelineParameterOverrides | undefined,
): MapHop[] {
  const parameters = hopParameters(overrides);
  const excluded = cidrList(parameters.excludedRanges);
  const hops: MapHop[] = [];
  let previous: LocatedEvent | undefined;
  for (const point of points) {
    if (excluded.match(point.ip) !== undefined) continue;
    if (previous && !(previous.ip !== undefined && previous.ip === point.ip)) {
      const speed = hopSpeed(previous, point);
      if (speed.km > 0)
        hops.push({
          from: previous,
          to: point,
          ...speed,
          impossible: isImpossibleHop(speed, parameters),
          matches: previous.matches || point.matches,
        });
    }
    previous = point;
  }
  return hops;
}

/** The points grouped by coordinate, each numbered in time order (1 = earliest). */
export function buildPlaces(
  points: readonly LocatedEvent[],
  overrides: TimelineParameterOverrides | undefined,
): MapPlace[] {
  const excluded = cidrList(hopParameters(overrides).excludedRanges);
  const byCoordinate = new Map<string, { events: LocatedEvent[]; order: number[] }>();
  points.forEach((point, index) => {
    const key = `${point.latitude.toFixed(3)},${point.longitude.toFixed(3)}`;
    const place = byCoordinate.get(key) ?? { events: [], order: [] };
    place.events.push(point);
    place.order.push(index + 1);
    byCoordinate.set(key, place);
  });
  return [...byCoordinate.values()].map(({ events, order }) => {
    const first = events[0]!;
    return {
      latitude: first.latitude,
      longitude: first.longitude,
      label:
        [first.city, first.country].filter(Boolean).join(', ') ||
        `${first.latitude.toFixed(2)}, ${first.longitude.toFixed(2)}`,
      events,
      order,
      excluded: events.every((event) => excluded.match(event.ip) !== undefined),
      matches: events.some((event) => event.matches),
    };
  });
}
