import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BucketRecord } from '../../../../renderer/db/event-records';
import {
  addBucketDelta,
  applyBucketDelta,
  BUCKET_WIDTHS,
  bucketsFromV3,
  expandBuckets,
  rowWidthFor,
  type BucketDelta,
  type V3BucketRecord,
} from '../../../../renderer/db/histogram-buckets';
import { binBuckets, bucketWidthFor } from '../../../../renderer/timeline/timeline-histogram';

const DAY = 86_400_000;

/** Stored rows after adding (and removing) events batch by batch, as the ingest transactions do. */
function storeBatches(
  batches: readonly (readonly number[])[],
  sign = 1,
  stored = new Map<string, BucketRecord>(),
): Map<string, BucketRecord> {
  for (const batch of batches) {
    const deltas = new Map<string, BucketDelta>();
    for (const ts of batch) addBucketDelta(deltas, ts, sign);
    for (const delta of deltas.values()) {
      const id = `${delta.width}:${delta.start}`;
      const row = applyBucketDelta('case', stored.get(id), delta);
      if (row.count > 0) stored.set(id, row);
      else stored.delete(id);
    }
  }
  return stored;
}

/** What schema v3 stored: one row per minute, hour and day. */
function v3Rows(times: readonly number[]): V3BucketRecord[] {
  const counts = new Map<string, V3BucketRecord>();
  for (const ts of times) {
    for (const width of BUCKET_WIDTHS) {
      const start = Math.floor(ts / width) * width;
      const known = counts.get(`${width}:${start}`);
      counts.set(`${width}:${start}`, { caseId: 'case', width, start, count: (known?.count ?? 0) + 1 });
    }
  }
  return [...counts.values()];
}

/** Buckets of `width` read from stored rows the way readHistogram reads them. */
function read(rows: Iterable<BucketRecord>, width: number) {
  return expandBuckets(
    [...rows].filter((row) => row.width === rowWidthFor(width)),
    width,
  ).sort((a, b) => a.start - b.start);
}

/** The same buckets counted from the events directly. */
function direct(times: readonly number[], width: number) {
  return v3Rows(times)
    .filter((row) => row.width === width)
    .map(({ start, count }) => ({ start, count }))
    .sort((a, b) => a.start - b.start);
}

const times = fc.array(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 1) + 40 * DAY }), {
  maxLength: 300,
});

describe('histogram rows', () => {
  it('an hour row holds its minutes, a day row its hours; rows are a 60th and a 24th of the buckets', () => {
    const stored = storeBatches([
      [0, 30_000, 61_000],
      [3_599_999, 3_600_000],
    ]);
    expect(stored.get('3600000:0')).toMatchObject({ count: 4, width: 3_600_000, start: 0 });
    expect(stored.get('3600000:0')!.slots.slice(0, 2)).toEqual([2, 1]);
    expect(stored.get('3600000:0')!.slots[59]).toBe(1);
    expect(stored.get('86400000:0')!.slots.slice(0, 2)).toEqual([4, 1]);
    expect(read(stored.values(), 60_000)).toEqual([
      { start: 0, count: 2 },
      { start: 60_000, count: 1 },
      { start: 3_540_000, count: 1 },
      { start: 3_600_000, count: 1 },
    ]);
    expect(read(stored.values(), DAY)).toEqual([{ start: 0, count: 5 }]);
  });

  it('batches give the buckets of counting every event, at every width', () => {
    fc.assert(
      fc.property(times, fc.integer({ min: 1, max: 50 }), (events, batchSize) => {
        const batches = Array.from({ length: Math.ceil(events.length / batchSize) }, (_, index) =>
          events.slice(index * batchSize, (index + 1) * batchSize),
        );
        const stored = storeBatches(batches);
        for (const width of BUCKET_WIDTHS) expect(read(stored.values(), width)).toEqual(direct(events, width));
      }),
    );
  });

  it('removing events takes their counts out, and a row with none left goes', () => {
    fc.assert(
      fc.property(times, times, (kept, removed) => {
        const stored = storeBatches([removed], -1, storeBatches([kept, removed]));
        for (const width of BUCKET_WIDTHS) expect(read(stored.values(), width)).toEqual(direct(kept, width));
        expect([...stored.values()].every((row) => row.count > 0)).toBe(true);
      }),
    );
  });

  it('the v4 upgrade turns v3 rows into rows that draw the same histogram', () => {
    fc.assert(
      fc.property(times, fc.integer({ min: 0, max: 40 * DAY }), (events, span) => {
        const rows = bucketsFromV3(v3Rows(events));
        expect(rows).toEqual(expect.arrayContaining([...storeBatches([events]).values()]));
        expect(rows).toHaveLength(storeBatches([events]).size);
        const from = Date.UTC(2026, 0, 1);
        const width = bucketWidthFor(from, from + span);
        const before = binBuckets(direct(events, width), from, from + span, 120, width);
        expect(binBuckets(read(rows, width), from, from + span, 120, width)).toEqual(before);
      }),
    );
  });
});
