import { beforeAll, describe, expect, it } from 'vitest';
import { jtiIndex } from '../../../../core/timeline/attribution';
import { correlate } from '../../../../core/timeline/correlate';
import { toEntry } from '../../../../core/timeline/entry';
import { tokenFactsFromClaims } from '../../../../core/timeline/token-facts';
import type { StoredEvent } from '../../../../renderer/db/event-records';
import type { LocatedEvent } from '../../../../renderer/map/located-events';
import { buildHops, buildPlaces } from '../../../../renderer/map/map-hops';
import { mapScope, scopeSkip } from '../../../../renderer/map/map-scope';
import { attributedToScope } from '../../../../renderer/map/scope-attribution';
import { timelineMatcher } from '../../../../renderer/timeline/timeline-match';
import { aliceCase, ALICE_TOKEN_HASH } from '../db/stored-events';

let rows: StoredEvent[];
beforeAll(async () => {
  rows = await aliceCase();
});
const aliceFacts = () =>
  tokenFactsFromClaims(ALICE_TOKEN_HASH, { sub: 'alice@example.com', jti: 'at-1', sid: 'S-7741' });

describe("the map's scope", () => {
  it("is the route's, else the most specific identity the timeline filter names", () => {
    const subject = { facet: 'subject', value: 'alice@example.com' } as const;
    expect(mapScope(subject, { facets: { token: 'f00d' } })).toEqual(subject);
    expect(mapScope(undefined, { facets: { subject: 'alice@example.com', session: 'S-7741', ip: '1.2.3.4' } })).toEqual(
      { facet: 'session', value: 'S-7741' },
    );
    expect(mapScope(undefined, { facets: { ip: '1.2.3.4' } })).toBeUndefined();
    // The filter's own subject is left to the scope (which attributes as the detectors do); another value is not.
    expect(scopeSkip(subject, { facets: { subject: 'alice@example.com', ip: '1.2.3.4' } })).toBe('subject');
    expect(scopeSkip(subject, { facets: { subject: 'bob@example.com' } })).toBeUndefined();
  });

  it("picks a subject's events exactly as correlation attributes them for the detectors", () => {
    const facts = new Map([[ALICE_TOKEN_HASH, aliceFacts()]]);
    const timeline = correlate(
      rows.map((row) => toEntry({ ...row.event, id: row.seq }, row.seq)),
      facts.values(),
      undefined,
      [],
    );
    for (const subject of ['alice@example.com', 'bob@example.com']) {
      const byDetectors = timeline.entries
        .filter((entry) => entry.effectiveSubject === subject)
        .map((entry) => entry.id)
        .sort();
      const byMap = rows
        .filter((row) =>
          attributedToScope(row.event, { facet: 'subject', value: subject }, facts, jtiIndex(facts.values())),
        )
        .map((row) => row.seq)
        .sort();
      expect(byMap).toEqual(byDetectors);
    }
    // The access-log line (seq 3) names no subject: it is alice's through her token's sub claim.
    expect(
      rows
        .filter((row) =>
          attributedToScope(row.event, { facet: 'subject', value: 'alice@example.com' }, facts, new Map()),
        )
        .map((row) => row.seq),
    ).toEqual([0, 2, 3]);
    expect(
      rows
        .filter((row) => attributedToScope(row.event, { facet: 'session', value: 'S-7741' }, facts, new Map()))
        .map((row) => row.seq),
    ).toEqual([0, 2, 3]);
    expect(
      rows
        .filter((row) => attributedToScope(row.event, { facet: 'token', value: ALICE_TOKEN_HASH }, facts, new Map()))
        .map((row) => row.seq),
    ).toEqual([0, 3]);
  });
});

describe('hops and places under the timeline filter', () => {
  const T0 = Date.UTC(2026, 10, 18, 9, 0);
  const point = (
    seq: number,
    minutes: number,
    ip: string,
    latitude: number,
    longitude: number,
    matches: boolean,
  ): LocatedEvent => ({
    seq,
    ts: T0 + minutes * 60_000,
    kind: 'use',
    ip,
    latitude,
    longitude,
    where: `a.log:${seq}`,
    matches,
  });
  const london = (seq: number, minutes: number, matches: boolean) =>
    point(seq, minutes, `81.2.69.${seq}`, 51.5072, -0.1276, matches);
  const pyongyang = (seq: number, minutes: number, matches: boolean) =>
    point(seq, minutes, '175.45.176.3', 39.0392, 125.7625, matches);
  const paris = (seq: number, minutes: number, matches: boolean) =>
    point(seq, minutes, '90.0.0.1', 48.8566, 2.3522, matches);

  it("are found among all the scope's events, and kept when one of their events is kept", () => {
    // Kept: only the Pyongyang event. The hops that touch it are kept, the next one not, and none skips an event.
    const points = [london(1, 0, false), pyongyang(2, 55, true), london(3, 180, false), paris(4, 300, false)];
    const hops = buildHops(points, undefined);
    expect(hops.map((hop) => [hop.from.seq, hop.to.seq, hop.matches])).toEqual([
      [1, 2, true],
      [2, 3, true],
      [3, 4, false],
    ]);
    expect(hops.filter((hop) => hop.impossible).map((hop) => hop.to.seq)).toEqual([2, 3]);
    expect(buildPlaces(points, undefined).map((place) => [place.label, place.matches])).toEqual([
      ['51.51, -0.13', false],
      ['39.04, 125.76', true],
      ['48.86, 2.35', false],
    ]);
  });

  it('marks points by the same predicate the timeline uses', () => {
    const matcher = timelineMatcher({ facets: { country: 'KP' } });
    expect(rows.map((row) => matcher(row))).toEqual([false, false, true, false, false]);
  });
});
