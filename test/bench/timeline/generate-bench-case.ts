// What the in-browser store benchmarks share (bundled into their pages, never run by itself): the generated log,
// a new case in the app's store, and the median of repeated timings.
import type { SequentialInput } from '../../../core/evidence';
import { EMPTY_COUNTS } from '../../../renderer/db/records';
import type { TokentrailDatabase } from '../../../renderer/db/schema';
import { queryPage, type PageRequest } from '../../../renderer/timeline/timeline-query';
import type { TimelineFilter } from '../../../renderer/timeline/timeline-filter';

const IPS = [
  '81.2.69.160',
  '175.45.176.3',
  '203.0.113.77',
  '8.8.8.8',
  '91.198.174.192',
  '185.60.216.35',
  '104.16.132.229',
];
const KINDS = ['issue', 'use', 'use', 'use', 'refresh', 'failure'];
const TOKENS = Array.from(
  { length: 50 },
  (_, index) =>
    `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify({ sub: `user${index}`, jti: `at-${index}` })).replace(/=+$/, '')}.c2lnbmF0dXJlLTEyMzQ1Njc4OTA${index}`,
);

/** Line `index` of the generated Tokentrail JSON Lines log of `count` events over `days` days. */
function logLine(index: number, count: number, days: number): string {
  return JSON.stringify({
    ts: new Date(LOG_START + Math.floor((index * days * 86_400_000) / count)).toISOString(),
    kind: KINDS[index % KINDS.length],
    sub: `user${index % 997}@example.com`,
    sessionId: `S-${index % 5003}`,
    clientId: 'nw-mobile',
    appVersion: index % 101 === 0 ? '4.9.1' : '5.2.0',
    ip: IPS[index % IPS.length],
    token: TOKENS[index % TOKENS.length],
  });
}

const LOG_START = Date.UTC(2026, 10, 10);

/** The generated log's text in parts of about 8 MiB, each made when it is asked for. */
function* logParts(count: number, days: number): Generator<string> {
  let part: string[] = [];
  let size = 0;
  for (let index = 0; index < count; index += 1) {
    const line = logLine(index, count, days);
    part.push(line);
    size += line.length + 1;
    if (size > 8 * 1024 * 1024) {
      yield `${part.join('\n')}\n`;
      part = [];
      size = 0;
    }
  }
  yield `${part.join('\n')}\n`;
}

/** A Tokentrail JSON Lines log of `count` events over `days` days, as a Blob built in 8 MiB parts. */
export function generateLog(count: number, days: number): Blob {
  return new Blob([...logParts(count, days)]);
}

/**
 * The same log as a SequentialInput made as it is read, part by part: a page cannot hold 10M events (2.6 GB) as one
 * Blob here (Chromium failed to read it back). Its `size` is an estimate (parsing uses it for progress only);
 * `bytes()` is the exact count of what was read.
 */
export function generatedLogInput(count: number, days: number): SequentialInput & { readonly bytes: () => number } {
  let bytes = 0;
  const encoder = new TextEncoder();
  return {
    path: 'bench.jsonl',
    size: count * 263,
    async *chunks() {
      for (const part of logParts(count, days)) {
        const encoded = encoder.encode(part);
        bytes += encoded.length;
        yield encoded;
      }
    },
    bytes: () => bytes,
  };
}

/** A new empty case in the app's store; returns its id. */
export async function newCase(
  database: TokentrailDatabase,
  title: string,
  layout: 'rows' | 'blocks' = 'rows',
): Promise<string> {
  const id = `${title}-${Date.now()}`;
  const eventLayout = layout === 'blocks' ? { eventLayout: layout } : {};
  await database.cases.add({
    id,
    title,
    createdAt: Date.now(),
    updatedAt: Date.now(),
    counts: EMPTY_COUNTS,
    ...eventLayout,
  });
  return id;
}

/** Median of `times` timings of `work`, in ms. */
export async function median(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/** Pages of a filter from the start until it ends: how long a search takes to go through the whole case. */
export async function wholeSearch(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  direction: PageRequest['direction'] = 'forward',
): Promise<{ ms: number; pages: number; rows: number; slowestPageMs: number }> {
  const started = performance.now();
  let from: PageRequest['from'];
  let pages = 0;
  let rows = 0;
  let slowestPageMs = 0;
  for (;;) {
    const pageStarted = performance.now();
    const page = await queryPage(database, caseId, filter, { direction, from, limit: 200 });
    slowestPageMs = Math.max(slowestPageMs, performance.now() - pageStarted);
    pages += 1;
    rows += page.rows.length;
    if (page.exhausted || !page.resume) break;
    from = page.resume;
  }
  return { ms: performance.now() - started, pages, rows, slowestPageMs };
}
