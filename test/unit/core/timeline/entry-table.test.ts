import { describe, expect, it } from 'vitest';
import { entryPools, stripPort, toEntry, type Entry } from '../../../../core/timeline/entry';
import { float64Column, int32Column } from '../../../../core/timeline/chunked-column';
import type { TimelineEvent } from '../../../../core/timeline';

// The entry table keeps each field as a number in a column; these tests read every field back through the entry and
// compare it with the plain definition (the event's own value), across chunk boundaries and for the odd values.

const fields = [
  'id',
  'ts',
  'kind',
  'rejected',
  'subject',
  'sessionId',
  'jti',
  'clientId',
  'appVersion',
  'ip',
  'userAgent',
  'device',
  'country',
  'latitude',
  'longitude',
  'countryLevel',
  'host',
  'path',
  'method',
  'status',
  'refreshTokenId',
  'keyId',
  'names',
  'roles',
  'tokenReferences',
  'tokens',
  'effectiveSubject',
  'effectiveSession',
] as const;

/** What an entry must read, from the event alone (the definition toEntry had as a plain object). */
function expected(event: TimelineEvent): Record<(typeof fields)[number], unknown> & { source: unknown } {
  const details = event.details;
  const status = event.http?.status;
  return {
    id: event.id,
    ts: typeof event.ts === 'number' && Number.isFinite(event.ts) ? event.ts : null,
    kind: event.kind,
    rejected: event.outcome === 'failure' || status === 401 || status === 403,
    source: event.source,
    subject: event.subject,
    sessionId: event.sessionId,
    jti: event.jti,
    clientId: event.clientId,
    appVersion: event.appVersion,
    ip: event.ip ? stripPort(event.ip) : undefined,
    userAgent: event.userAgent,
    device: details?.deviceId,
    country: event.geo?.country,
    latitude: event.geo?.latitude,
    longitude: event.geo?.longitude,
    countryLevel: event.geo?.precision === 'country' || undefined,
    host: event.http?.host,
    path: event.http?.path,
    method: event.http?.method,
    status: typeof status === 'number' && Number.isInteger(status) ? status : undefined,
    refreshTokenId: details?.refresh_token_id,
    keyId: details?.kid,
    names: details?.username !== undefined ? { username: details.username } : undefined,
    roles: event.tokens,
    tokenReferences: details?.token_sha256
      ? [{ field: 'token_sha256', value: details.token_sha256, kind: 'hash' }]
      : undefined,
    tokens: [],
    effectiveSubject: undefined,
    effectiveSession: undefined,
  };
}

/** Event number `n`: every field varies with n, some absent, some odd (string ids, no time, huge line numbers). */
function eventNumber(n: number): TimelineEvent {
  const some = <T>(every: number, value: T) => (n % every === 0 ? value : undefined);
  const hash = (k: number) => k.toString(16).padStart(64, '0');
  return {
    id: n % 7 === 0 ? `row-${n}` : n % 11 === 0 ? undefined : n * 3,
    ts: n % 13 === 0 ? null : 1_700_000_000_000 + n * 997,
    kind: (['issue', 'use', 'refresh', 'revoke'] as const)[n % 4]!,
    outcome: some(5, 'failure' as const),
    source: {
      file: `logs/${n % 3}.jsonl`,
      sha256: hash(n % 3),
      ...(n % 17 === 0 ? { index: n } : { line: n % 19 === 0 ? 2 ** 33 + n : n + 1 }),
    },
    subject: some(2, `user${n % 50}`),
    sessionId: some(3, `s${n % 400}`),
    jti: some(9, `jti-${n}`),
    clientId: some(4, 'web'),
    appVersion: some(6, `5.${n % 3}`),
    ip: some(2, n % 4 === 0 ? `203.0.113.${n % 200}:${40000 + (n % 1000)}` : `2001:db8::${n % 99}`),
    userAgent: some(3, `App/${n % 5}`),
    tokens:
      n % 10 === 0
        ? [
            { hash: hash(n), role: 'refresh_token' as const },
            { hash: hash(n + 1), role: 'access_token' as const },
          ]
        : n % 2 === 0
          ? [{ hash: hash(n % 500), role: 'authorization' as const }]
          : [],
    geo:
      n % 8 === 0
        ? {
            country: 'GB',
            latitude: 51.5 + (n % 10) / 100,
            longitude: -0.12,
            ...(n % 16 === 0 ? { precision: 'country' as const } : {}),
          }
        : n % 8 === 1
          ? { country: 'FR' }
          : undefined,
    http:
      n % 5 === 0
        ? { host: 'api.example', path: `/orders/${n % 30}`, method: 'GET', status: [200, 401, 403, 500][n % 4] }
        : n % 5 === 1
          ? { status: 204 }
          : undefined,
    details:
      n % 6 === 0
        ? {
            deviceId: `d${n % 20}`,
            refresh_token_id: `r${n}`,
            kid: `k${n % 2}`,
            username: `user${n % 50}`,
            token_sha256: hash(n % 500),
          }
        : undefined,
  };
}

const links = { hashFields: ['token_sha256'], idFields: [], forms: [] } as unknown as Parameters<typeof toEntry>[2];

describe('the entry table', () => {
  it('reads back every field of 70,000 events (past the first 65,536-row chunk) as the event gives it', () => {
    const pools = entryPools();
    const events = Array.from({ length: 70_000 }, (_, n) => eventNumber(n));
    const entries = events.map((event, seq) => toEntry(structuredClone(event), seq, links, pools));
    for (const [n, entry] of entries.entries()) {
      const want = expected(events[n]!);
      const got: Record<string, unknown> = { source: entry.source };
      for (const field of fields) got[field] = entry[field];
      expect(got, `event ${n}`).toEqual(want);
      expect(entry.seq).toBe(n);
    }
  });

  it('keeps what correlation sets per entry, without touching other entries that shared a list', () => {
    const pools = entryPools();
    const [a, b] = [2, 4].map((n, seq) => toEntry(eventNumber(n), seq, links, pools)) as [Entry, Entry];
    const shared = a.roles;
    const own = [{ hash: 'f'.repeat(64), role: 'field' as const }];
    a.roles = own;
    expect(a.roles).toBe(own);
    expect(b.roles).toEqual(eventNumber(4).tokens);
    const again = [{ hash: 'e'.repeat(64), role: 'field' as const }];
    a.roles = again;
    expect(a.roles).toBe(again);
    a.roles = shared;
    expect(a.roles).toBe(shared);
    const uses = [{ hash: 'a'.repeat(64), use: 'presented' as const }];
    a.tokens = uses;
    a.effectiveSubject = 'ana';
    a.effectiveSession = 'session-1';
    expect([a.tokens, a.effectiveSubject, a.effectiveSession]).toEqual([uses, 'ana', 'session-1']);
    expect([b.tokens, b.effectiveSubject, b.effectiveSession]).toEqual([[], undefined, undefined]);
    a.effectiveSubject = undefined;
    expect(a.effectiveSubject).toBeUndefined();
  });

  it('columns hold a value per row across chunks, the first chunk growing from a few rows', () => {
    const ints = int32Column();
    const doubles = float64Column();
    const rows = 140_000;
    for (let row = 0; row < rows; row++) {
      ints.set(row, row * 7 - 3);
      doubles.set(row, row / 3);
    }
    for (const row of [0, 63, 64, 65_535, 65_536, 131_071, 131_072, rows - 1]) {
      expect(ints.get(row)).toBe(row * 7 - 3);
      expect(doubles.get(row)).toBe(row / 3);
    }
  });
});
