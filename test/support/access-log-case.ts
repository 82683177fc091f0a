// A case of a plain access log for store tests and benchmarks: one request a line from one IP, 100 ms apart, without
// tokens — the cheapest event that still carries an IP facet for a filter to match — written straight into the
// store (the case row, then the events with plain bulkAdd), not through an ingest.
import type { AuthEvent } from '../../core/sources/types';
import type { StoredEvent } from '../../renderer/db/event-records';
import { buildEventRows, stampSeq } from '../../renderer/db/event-rows';
import { EMPTY_COUNTS } from '../../renderer/db/records';
import type { TokentrailDatabase } from '../../renderer/db/schema';

/** Events written per bulkAdd. */
const BATCH = 10_000;

/** The event of line `index + 1` of `edge.log`, a request from `ip`. */
export function accessLogEvent(index: number, ip: string): AuthEvent {
  const ts = Date.UTC(2026, 10, 18) + index * 100;
  return {
    ts,
    time: new Date(ts).toISOString(),
    source: { file: 'edge.log', sha256: '0'.repeat(64), format: 'access-log', line: index + 1 },
    kind: 'use',
    ip,
    tokenHashes: [],
    tokens: [],
    record: `${ip} - - "GET /orders/${index} HTTP/1.1" 200`,
  };
}

/** Writes case `caseId` holding `count` events from `ip` (seqs 0 … count − 1). */
export async function seedAccessLogCase(
  database: TokentrailDatabase,
  caseId: string,
  ip: string,
  count: number,
): Promise<void> {
  await database.cases.add({
    id: caseId,
    title: caseId,
    createdAt: 0,
    updatedAt: 0,
    counts: { ...EMPTY_COUNTS, events: count },
    nextEventSeq: count,
  });
  let seq = 0;
  for (let first = 0; first < count; first += BATCH) {
    const events = Array.from({ length: Math.min(BATCH, count - first) }, (_, offset) =>
      accessLogEvent(first + offset, ip),
    );
    const rows = buildEventRows(caseId, 'ingest', 'file', events);
    seq = stampSeq(rows, seq);
    await database.authEvents.bulkAdd(rows as StoredEvent[]);
  }
}
