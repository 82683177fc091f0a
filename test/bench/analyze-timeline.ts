// Detector benchmark: analysis time for 100k and 1M generated events, and time per event (must stay flat).
// Run: npm run bench -- analyze-timeline [sizes...]   (default 100000 1000000)
//      npm run bench -- analyze-timeline --memory [sizes...]   (default 1000000): streamed as the app reads a case,
//      the memory the detectors keep per event and the process's peak (issue 19: memory bounded by a stated figure)
// Baseline measured in the same run: one sort of the same events by time plus grouping them by token hash —
// the least any correlation must do — so the ratio shows what lifecycles and the thirteen detectors add on top.
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyzeTimeline, createTimelineAnalysis, type TimelineEvent, type TokenFacts } from '../../core/timeline';
import type { TokenRole } from '../../core/sources/types';
import { seededRandom } from '../support/seeded-random';

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
function* generateChunks(count: number, chunk: number): Generator<{ events: TimelineEvent[]; facts: TokenFacts[] }> {
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
function generate(count: number): { events: TimelineEvent[]; facts: TokenFacts[] } {
  const [whole] = generateChunks(count, Infinity); // one chunk: the whole case
  return whole!;
}

function baseline(events: readonly TimelineEvent[]): number {
  const started = performance.now();
  const sorted = [...events].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  const byToken = new Map<string, number>();
  for (const event of sorted)
    for (const token of event.tokens) byToken.set(token.hash, (byToken.get(token.hash) ?? 0) + 1);
  return performance.now() - started;
}

// BENCH_PHASES=1 also prints the time of each phase (correlation, families, lifecycles, each detector).
let last = performance.now();
const phases: string[] = [];
const onProgress = process.env.BENCH_PHASES
  ? (phase: string) => {
      const now = performance.now();
      phases.push(`${(now - last).toFixed(0)}ms→${phase}`);
      last = now;
    }
  : undefined;
const args = process.argv.slice(2);
const sizes = args.map(Number).filter((size) => size > 0);
const CASE_CONFIG = {
  expectedIssuers: [],
  apis: [{ name: 'Orders API', baseUrl: 'https://api.example/orders/', audiences: ['orders-api'] }],
  allowedAlgorithms: [],
  minimumAppVersion: '5.0.0',
};

/** Heap in use after a full collection, in bytes (gc exposed at run time: no flag needed on the command line). */
const collect: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();
const heapAfterGc = (): number => {
  collect();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

/**
 * --memory: the app's way (renderer/timeline-analysis/run-timeline-analysis.ts): events streamed in pages of 2000 into
 * createTimelineAnalysis, each page a structured clone (as the store returns it), never the whole case in memory, so
 * what the heap holds is the analysis's own state. Prints
 * the heap it keeps per event while reading, the process's peak RSS (the finish pass included) and the result's heap.
 * The token facts are loaded first, as the app loads the stored token analyses.
 */
function streamedMemory(size: number): void {
  const facts: TokenFacts[] = [];
  for (const chunk of generateChunks(size, 2000)) for (const fact of chunk.facts) facts.push(fact);
  const beforeEvents = heapAfterGc();
  const started = performance.now();
  const analysis = createTimelineAnalysis({ tokens: facts, caseConfig: CASE_CONFIG, clock: () => performance.now() });
  // Cloned as IndexedDB hands them over: every event's strings its own copies, none shared with another event.
  for (const chunk of generateChunks(size, 2000)) analysis.add(structuredClone(chunk.events));
  const afterEvents = heapAfterGc();
  const result = analysis.finish();
  const seconds = (performance.now() - started) / 1000;
  const afterFinish = heapAfterGc();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${String(size).padStart(10)} events streamed  ${seconds.toFixed(1).padStart(6)} s  analysis state ${mb(afterEvents - beforeEvents).padStart(5)} MB = ${((afterEvents - beforeEvents) / size).toFixed(0)} B/event  token facts ${mb(beforeEvents)} MB (${facts.length} tokens)  peak RSS ${mb(peakRss)} MB  result ${mb(afterFinish - beforeEvents)} MB (${result.findings.length} findings)`,
  );
}

if (args.includes('--memory')) {
  for (const size of sizes.length > 0 ? sizes : [1_000_000]) streamedMemory(size);
  process.exit(0);
}

const rows: string[] = [];
for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
  const { events, facts } = generate(size);
  const base = baseline(events);
  const started = performance.now();
  const result = analyzeTimeline(events, {
    tokens: facts,
    caseConfig: CASE_CONFIG,
    clock: () => performance.now(),
    onProgress,
  });
  if (phases.length > 0) console.log(phases.join(' '));
  const total = performance.now() - started;
  const perEvent = (total * 1000) / size;
  rows.push(
    `${String(size).padStart(9)} events  ${total.toFixed(0).padStart(7)} ms  ${perEvent.toFixed(2).padStart(6)} µs/event  baseline (sort + group) ${base.toFixed(0).padStart(5)} ms  ratio ${(total / base).toFixed(1)}×  tokens ${result.stats.tokens}  findings ${result.findings.length}`,
  );
  console.log(rows[rows.length - 1]);
  console.log(
    `           slowest steps: ${[...result.runs]
      .sort((a, b) => b.milliseconds - a.milliseconds)
      .slice(0, 4)
      .map((run) => `${run.id} ${run.milliseconds.toFixed(0)} ms`)
      .join(', ')}`,
  );
}
