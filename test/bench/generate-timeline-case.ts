// The generated case of the detector benchmarks (never run by itself): users who log in, use and refresh their tokens,
// a few who travel, replay or use a token after expiry. Shared by analyze-timeline.ts (Node) and the in-browser
// memory benchmark (timeline/analysis-memory.page.ts).
import type { TimelineEvent, TimelineOptions, TokenFacts } from '../../core/timeline';
import type { TokenRole } from '../../core/sources/types';
import { seededRandom } from '../support/seeded-random';

/** The case configuration every detector benchmark analyses with. */
export const ANALYSIS_CASE_CONFIG: TimelineOptions['caseConfig'] = {
  expectedIssuers: [],
  apis: [{ name: 'Orders API', baseUrl: 'https://api.example/orders/', audiences: ['orders-api'] }],
  allowedAlgorithms: [],
  minimumAppVersion: '5.0.0',
};

const PLACES = [
  { country: 'GB', latitude: 51.5072, longitude: -0.1276 },
  { country: 'FR', latitude: 48.8566, longitude: 2.3522 },
  { country: 'DE', latitude: 52.52, longitude: 13.405 },
  { country: 'US', latitude: 40.7128, longitude: -74.006 },
  { country: 'JP', latitude: 35.6762, longitude: 139.6503 },
];
const START = Date.parse('2026-11-01T00:00:00Z');
const SHA = 'c'.repeat(64);

/**
 * A case of `count` events: users log in (access + refresh token), use the access token from their usual place, refresh
 * it every hour (rotating the refresh token), sometimes log out; a few travel, replay, or use a token after expiry.
 * Yielded in chunks of at least `chunk` events (whole users), so a streamed run never holds the whole case.
 */
export function* generateChunks(
  count: number,
  chunk: number,
): Generator<{ events: TimelineEvent[]; facts: TokenFacts[] }> {
  const next = seededRandom(count);
  let events: TimelineEvent[] = [];
  let facts: TokenFacts[] = [];
  let emitted = 0;
  let line = 0;
  let tokenCounter = 0;
  const made = () => emitted + events.length;
  const token = () => (tokenCounter++).toString(16).padStart(64, '0');
  const push = (
    ts: number,
    kind: TimelineEvent['kind'],
    tokens: [string, TokenRole][],
    extra: Partial<TimelineEvent>,
  ) => {
    events.push({
      id: line,
      ts,
      kind,
      source: { file: 'logs/generated.jsonl', sha256: SHA, line: ++line },
      tokens: tokens.map(([hash, role]) => ({ hash, role })),
      ...extra,
    });
  };
  const users = Math.max(1, Math.floor(count / 400));
  for (let user = 0; made() < count; user = (user + 1) % users) {
    const subject = `user-${user}@example.com`;
    const home = PLACES[user % PLACES.length]!;
    const ip = `10.${(user >> 8) & 255}.${user & 255}.${1 + (user % 200)}`;
    const sessionId = `S-${user}-${made()}`;
    let ts = START + Math.floor(next() * 20 * 86_400_000);
    let access = token();
    let refresh = token();
    facts.push({ tokenHash: access, subject, sessionId, expiresAt: ts + 3_600_000, audiences: ['orders-api'] });
    push(
      ts,
      'issue',
      [
        [access, 'access_token'],
        [refresh, 'refresh_token'],
      ],
      { subject, sessionId, ip, geo: home, appVersion: '5.2.0', clientId: 'mobile' },
    );
    const uses = 20 + Math.floor(next() * 60);
    for (let i = 0; i < uses && made() < count; i++) {
      ts += 20_000 + Math.floor(next() * 120_000);
      const away = next() < 0.002;
      push(ts, 'use', [[access, 'authorization']], {
        ip: away ? '203.0.113.9' : ip,
        geo: away ? PLACES[(user + 3) % PLACES.length]! : home,
        userAgent: away ? 'curl/8.5' : 'App/5.2',
        http: { host: 'api.example', path: '/orders/v2/list', status: 200 },
      });
      if (i % 25 === 24) {
        const newAccess = token();
        const newRefresh = token();
        facts.push({ tokenHash: newAccess, subject, sessionId, expiresAt: ts + 3_600_000, audiences: ['orders-api'] });
        push(
          ts,
          'refresh',
          [
            [refresh, 'refresh_token'],
            [newAccess, 'access_token'],
            [newRefresh, 'refresh_token'],
          ],
          { subject, sessionId, ip, geo: home, appVersion: next() < 0.01 ? '4.9.1' : '5.2.0', clientId: 'mobile' },
        );
        access = newAccess;
        refresh = newRefresh;
      }
    }
    if (next() < 0.3 && made() < count) push(ts + 1000, 'logout', [], { subject, sessionId, ip });
    if (events.length >= chunk || made() >= count) {
      emitted += events.length;
      yield { events, facts };
      events = [];
      facts = [];
    }
  }
}

/** The whole generated case in memory. */
export function generate(count: number): { events: TimelineEvent[]; facts: TokenFacts[] } {
  const [whole] = generateChunks(count, Infinity); // one chunk: the whole case
  return whole!;
}
