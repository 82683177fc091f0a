import { describe, expect, it } from 'vitest';
import type { TokenLifecycle } from '../../../../core/timeline/types';
import { layoutLifecycles } from '../../../../renderer/lifecycle/lifecycle-layout';
import type { LocatedEvent } from '../../../../renderer/map/located-events';
import { buildHops, buildPlaces } from '../../../../renderer/map/map-hops';

const T0 = Date.UTC(2026, 10, 18, 9, 0);
const point = (
  seq: number,
  minutes: number,
  ip: string,
  latitude: number,
  longitude: number,
  country: string,
): LocatedEvent => ({
  seq,
  ts: T0 + minutes * 60_000,
  kind: 'use',
  ip,
  country,
  latitude,
  longitude,
  where: `a.log:${seq}`,
  matches: true,
});
const LONDON = [51.5072, -0.1276] as const;
const PYONGYANG = [39.0392, 125.7625] as const;

describe('map hops', () => {
  const points = [
    point(1, 0, '81.2.69.160', ...LONDON, 'GB'),
    point(2, 2, '81.2.69.160', ...LONDON, 'GB'),
    point(3, 55, '175.45.176.3', ...PYONGYANG, 'KP'),
  ];

  it('follows time order, skips same-IP pairs and flags the impossible hop by the detector rule', () => {
    const hops = buildHops(points, undefined);
    expect(hops).toHaveLength(1);
    expect(hops[0]!.from.seq).toBe(2);
    expect(hops[0]!.impossible).toBe(true);
    expect(Math.round(hops[0]!.km)).toBeGreaterThan(8_500);
    // The case's parameters decide, as for the detector.
    expect(buildHops(points, { 'impossible-travel': { maxSpeedKmh: 20_000 } })[0]!.impossible).toBe(false);
    expect(buildHops(points, { 'impossible-travel': { excludedRanges: ['175.45.176.0/22'] } })).toHaveLength(0);
  });

  it('groups events by place and numbers them in time order', () => {
    const places = buildPlaces(points, undefined);
    expect(places.map((place) => place.order)).toEqual([[1, 2], [3]]);
    expect(places[1]!.label).toBe('KP');
  });
});

describe('lifecycle layout', () => {
  const ref = (minutes: number, kind: 'issue' | 'refresh' | 'use') => ({
    id: minutes,
    ts: T0 + minutes * 60_000,
    kind,
    source: { file: 'auth.jsonl', sha256: 'a'.repeat(64), line: 1 },
  });
  const base = {
    children: [],
    gaps: [],
    end: { reason: 'open' as const },
    uses: { count: 0, rejected: 0, distinctIps: 1, distinctUserAgents: 1, countries: [] },
  };
  const first: TokenLifecycle = {
    ...base,
    tokenHash: 'a',
    issuedAt: T0,
    expiresAt: T0 + 3_600_000,
    issue: ref(0, 'issue'),
    milestones: [{ use: 'issued', event: ref(0, 'issue') }],
  };
  const second: TokenLifecycle = {
    ...base,
    tokenHash: 'b',
    issuedAt: T0 + 55 * 60_000,
    issue: ref(55, 'refresh'),
    parent: { tokenHash: 'a', via: 'session', event: ref(55, 'refresh') },
    milestones: [{ use: 'issued', event: ref(55, 'refresh') }],
    gaps: [
      { kind: 'parent-unknown', message: 'linked by session' },
      { kind: 'silence', from: T0 + 56 * 60_000, to: T0 + 120 * 60_000, message: 'silent' },
    ],
  };

  it('puts each token on a lane along one axis, links parent to child, and marks gaps', () => {
    const layout = layoutLifecycles([first, second], new Map([['a', [T0 + 2 * 60_000]]]), {
      left: 100,
      width: 800,
      top: 20,
      laneHeight: 50,
    })!;
    expect(layout.lanes.map((lane) => lane.y)).toEqual([45, 95]);
    expect(layout.links).toEqual([{ x: expect.any(Number), fromY: 45, toY: 95, via: 'session' }]);
    const [a, b] = layout.lanes;
    expect(a!.markers[0]!.x).toBeLessThan(b!.markers[0]!.x);
    expect(a!.useTicks).toHaveLength(1);
    expect(b!.gaps).toHaveLength(1);
    expect(b!.notes.map((note) => note.kind)).toEqual(['parent-unknown']);
    expect(layout.ticks.every((tick) => tick.x >= 100 && tick.x <= 900)).toBe(true);
    expect(layout.tickLabel).toBe('time');
  });

  it('keeps the whole life on the axis under a timeline filter and marks what it drops', () => {
    const box = { left: 100, width: 800, top: 20, laneHeight: 50 };
    const late = T0 + 170 * 60_000;
    // The filter keeps the use at +2 min and drops the issue event (id 0) and a use long after the refresh.
    const layout = layoutLifecycles([first, second], new Map([['a', [T0 + 2 * 60_000]]]), box, {
      uses: new Map([['a', [late]]]),
      events: new Set([0]),
    })!;
    const unfiltered = layoutLifecycles([first, second], new Map([['a', [T0 + 2 * 60_000, late]]]), box)!;
    expect([layout.from, layout.to]).toEqual([unfiltered.from, unfiltered.to]);
    const [a, b] = layout.lanes;
    expect(a!.useTicks).toHaveLength(1);
    expect(a!.outsideTicks).toEqual(unfiltered.lanes[0]!.useTicks.slice(1));
    expect(a!.markers.map((marker) => [marker.kind, marker.outside])).toEqual([['issued', true]]);
    expect(b!.markers.map((marker) => marker.outside)).toEqual([false]);
    expect(
      unfiltered.lanes.every(
        (lane) => lane.outsideTicks.length === 0 && lane.markers.every((marker) => !marker.outside),
      ),
    ).toBe(true);
  });
});
