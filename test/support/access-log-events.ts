// Events of a plain access log for store tests and benchmarks: one request a line from one IP, 100 ms apart, without
// tokens — the cheapest event that still carries an IP facet for a filter to match.
import type { AuthEvent } from '../../core/sources/types';

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
