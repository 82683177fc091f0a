import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../core/sources/types';
import { UNTIMED_TS } from '../../../../renderer/db/event-records';
import { aggregateDeltas, buildEventRows, stampSeq } from '../../../../renderer/db/event-rows';
import { binBuckets, bucketWidthFor } from '../../../../renderer/timeline/timeline-histogram';
import { filterPredicate } from '../../../../renderer/timeline/timeline-filter';

const event = (ts: number | null, fields: Partial<AuthEvent> = {}): AuthEvent => ({
  ts,
  time: null,
  source: { file: 'a.log', sha256: '0'.repeat(64), format: 'access-log', line: 1 },
  kind: 'use',
  tokenHashes: [],
  tokens: [],
  record: 'GET /orders',
  ...fields,
});

describe('event rows', () => {
  it('indexes every facet value with its time and the seq stamped in the transaction', () => {
    const rows = buildEventRows('case', 'ingest', 'file', [
      event(1000, { subject: 'alice', tokenHashes: ['h1', 'h2'], ip: '1.2.3.4' }),
      event(null),
    ]);
    expect(stampSeq(rows, 40)).toBe(42);
    expect(rows[0]!.facets).toContainEqual(['case', 'token', 'h2', 1000, 40]);
    expect(rows[0]!.facets).toContainEqual(['case', 'subject', 'alice', 1000, 40]);
    expect(rows[1]!.ts).toBe(UNTIMED_TS);
    expect(rows[1]!.facets).toEqual([
      ['case', 'kind', 'use', UNTIMED_TS, 41],
      ['case', 'file', 'file', UNTIMED_TS, 41],
    ]);
  });

  it("indexes a record without a subject under its token's sub, so the subject filter finds it", () => {
    const claims = Buffer.from(JSON.stringify({ sub: 'alice@northwind.example' })).toString('base64url');
    const compact = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${claims}.c2ln`;
    const rows = buildEventRows('case', 'ingest', 'file', [
      event(1000, { tokenHashes: ['h1'], tokens: [{ hash: 'h1', compact, role: 'authorization' }] }),
    ]);
    stampSeq(rows, 7);
    expect(rows[0]!.facets).toContainEqual(['case', 'subject', 'alice@northwind.example', 1000, 7]);
    expect(filterPredicate({ facets: { subject: 'alice@northwind.example' } })!(rows[0]!)).toBe(true);
  });

  it('counts only few-valued facets, and buckets only timed events', () => {
    const rows = buildEventRows('case', 'ingest', 'file', [
      event(60_000, { subject: 'alice' }),
      event(61_000, { kind: 'failure' }),
      event(null),
    ]);
    const added = aggregateDeltas(rows, 1);
    expect(added.facets.find((delta) => delta.facet === 'kind' && delta.value === 'use')).toMatchObject({
      count: 2,
      firstTs: 60_000,
      lastTs: 60_000,
    });
    expect(added.facets.some((delta) => delta.facet === 'subject')).toBe(false);
    // Both timed events fall in minute 1 of hour 0: one hour row, its slot 1 counting 2.
    expect(added.buckets.find((delta) => delta.width === 3_600_000)).toMatchObject({ start: 0, count: 2 });
    expect(added.buckets.find((delta) => delta.width === 3_600_000)!.slots[1]).toBe(2);
    expect(aggregateDeltas(rows, -1).buckets.every((delta) => delta.count < 0)).toBe(true);
  });

  it('filters on facets and free text', () => {
    const [row] = buildEventRows('case', 'ingest', 'file', [event(1, { subject: 'alice', record: 'POST /refund' })]);
    expect(filterPredicate({ facets: { subject: 'alice' }, text: 'REFUND' })!(row as never)).toBe(true);
    expect(filterPredicate({ facets: { subject: 'alice' } }, 'subject')).toBeUndefined();
    expect(filterPredicate({ facets: { ip: '9.9.9.9' } })!(row as never)).toBe(false);
  });
});

describe('histogram', () => {
  it('reads the finest bucket width that fits and sums buckets into bars', () => {
    expect(bucketWidthFor(0, 3_600_000)).toBe(60_000);
    expect(bucketWidthFor(0, 30 * 86_400_000)).toBe(3_600_000);
    const histogram = binBuckets(
      [
        { start: 0, count: 2 },
        { start: 60_000, count: 3 },
        { start: 600_000, count: 1 },
      ],
      0,
      659_999,
      2,
      60_000,
    );
    expect(histogram.counts).toEqual([5, 1]);
    expect(histogram.max).toBe(5);
  });
});
