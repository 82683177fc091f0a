import type { TimelineEvent, TimelineFinding } from '../timeline/types';
import { recordKey } from './build-report';
import type { ReportFigures, ReportInput, ReportPlaceInput, ReportToken } from './types';

/** How much a figure draws: enough for an incident, few enough that every row and point stays legible. */
export const REPORT_FIGURE_LIMITS = { tokens: 12, eventsPerToken: 60, places: 120 } as const;

const isoTime = (epochMs: number): string => new Date(epochMs).toISOString();

/** A claim that is a NumericDate (seconds), as epoch ms; undefined otherwise. */
function claimTime(claims: Readonly<Record<string, unknown>> | null, name: string): number | undefined {
  const value = claims?.[name];
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e11 ? value * 1000 : undefined;
}

/** The token an event of a finding is about: its own link, else the finding's only token. */
function tokenOfEvent(finding: TimelineFinding, event: TimelineFinding['events'][number]): string | undefined {
  return event.tokenHash ?? (finding.tokenHashes.length === 1 ? finding.tokenHashes[0] : undefined);
}

function lifecycles(chosen: readonly TimelineFinding[], tokens: readonly ReportToken[]) {
  const events = new Map<string, Map<string, { ts: number; role: string; finding: number }>>();
  chosen.forEach((finding, index) => {
    for (const event of finding.events) {
      const token = tokenOfEvent(finding, event);
      if (token === undefined || event.ts === null) continue;
      const seen = events.get(token) ?? new Map();
      const key = `${recordKey(event.source)}|${event.role}`;
      if (!seen.has(key)) seen.set(key, { ts: event.ts, role: event.role, finding: index + 1 });
      events.set(token, seen);
    }
  });
  const rows = tokens.map((token) => {
    const issuedAt = claimTime(token.claims, 'iat');
    const expiresAt = claimTime(token.claims, 'exp');
    const own = [...(events.get(token.sha256)?.values() ?? [])]
      .sort((a, b) => a.ts - b.ts || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0))
      .slice(0, REPORT_FIGURE_LIMITS.eventsPerToken);
    return {
      first: Math.min(issuedAt ?? Infinity, own[0]?.ts ?? Infinity),
      row: {
        token: token.sha256,
        issuedAt: issuedAt === undefined ? null : isoTime(issuedAt),
        expiresAt: expiresAt === undefined ? null : isoTime(expiresAt),
        events: own.map((event) => ({ time: isoTime(event.ts), role: event.role, finding: event.finding })),
      },
    };
  });
  // Earliest first; a token with no time at all has nothing to draw.
  const drawable = rows
    .filter((entry) => entry.first !== Infinity)
    .sort((a, b) => a.first - b.first || (a.row.token < b.row.token ? -1 : 1));
  return {
    lifecycles: drawable.slice(0, REPORT_FIGURE_LIMITS.tokens).map((entry) => entry.row),
    lifecyclesOmitted: Math.max(0, drawable.length - REPORT_FIGURE_LIMITS.tokens),
  };
}

function places(chosen: readonly TimelineFinding[], input: ReportInput) {
  const found = new Map<string, ReportFigures['places'][number] & { ts: number }>();
  chosen.forEach((finding, index) => {
    for (const event of finding.events) {
      const key = recordKey(event.source);
      const place = input.places?.get(key);
      if (!place || found.has(key)) continue;
      const label =
        [place.city, place.country].filter(Boolean).join(', ') ||
        `${place.latitude.toFixed(2)}, ${place.longitude.toFixed(2)}`;
      found.set(key, {
        ts: event.ts ?? Infinity,
        time: event.ts === null ? null : isoTime(event.ts),
        latitude: place.latitude,
        longitude: place.longitude,
        label,
        ...(place.precision ? { precision: place.precision } : {}),
        finding: index + 1,
      });
    }
  });
  const sorted = [...found.entries()]
    .sort(([keyA, a], [keyB, b]) => a.ts - b.ts || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .map(([, place]) => {
      const { ts: _ts, ...rest } = place;
      return rest;
    });
  return {
    places: sorted.slice(0, REPORT_FIGURE_LIMITS.places),
    placesOmitted: Math.max(0, sorted.length - REPORT_FIGURE_LIMITS.places),
  };
}

/**
 * The data of the report's two figures, from the reported findings only: each involved token's validity (its `iat`
 * and `exp` claims) with the findings' records of it on one time axis, and the findings' geolocated records in time
 * order for the map. Linear in the findings' events; capped by {@link REPORT_FIGURE_LIMITS}, the rest counted.
 */
export function reportFigures(
  chosen: readonly TimelineFinding[],
  tokens: readonly ReportToken[],
  input: ReportInput,
): ReportFigures {
  return { ...lifecycles(chosen, tokens), ...places(chosen, input) };
}

/**
 * {@link ReportInput.places} from the events a host holds: every event its geolocation placed (latitude and
 * longitude), by {@link recordKey} of its record. Hosts pass the events their findings point at, or all of them.
 */
export function reportPlaces(events: Iterable<Pick<TimelineEvent, 'source' | 'geo'>>): Map<string, ReportPlaceInput> {
  const places = new Map<string, ReportPlaceInput>();
  for (const event of events) {
    const geo = event.geo;
    if (geo?.latitude === undefined || geo.longitude === undefined) continue;
    if (!Number.isFinite(geo.latitude) || !Number.isFinite(geo.longitude)) continue;
    places.set(recordKey(event.source), {
      latitude: geo.latitude,
      longitude: geo.longitude,
      ...(geo.country ? { country: geo.country } : {}),
      ...(geo.city ? { city: geo.city } : {}),
      ...(geo.precision ? { precision: geo.precision } : {}),
    });
  }
  return places;
}
