// The block layout's pure parts (renderer/db/event-blocks.ts): a batch cut into time-sorted blocks of aligned seqs, its
// level-0 postings, their compaction, and a value's run in a posting row — each against its plain definition over
// generated events with ties, untimed events, hours-long gaps and tokens.
import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../core/sources';
import { facetValues, type EventFacet } from '../../../../core/timeline';
import { seededRandom } from '../../../../core/scenarios';
import {
  BLOCK_EVENTS,
  BLOCK_SPAN_MS,
  blockOfSeq,
  blocksOfBatch,
  compactPostings,
  LEVEL0_BUCKETS,
  LEVEL1_BUCKETS,
  levelZeroPostings,
  postingBucket,
  valueRange,
  type EventBlock,
  type PostingRow,
} from '../../../../renderer/db/event-blocks';
import { EVENT_FACETS, UNTIMED_TS } from '../../../../renderer/db/event-records';
import { buildEventRows, stampSeq } from '../../../../renderer/db/event-rows';
import { buildTextRows, searchText } from '../../../../renderer/db/event-text';

const T0 = Date.UTC(2026, 10, 18);

/** `count` events of one file: a dense hour, then sparse events hours apart; every 13th untimed; shared milliseconds. */
function batch(count: number, pick: () => number, line0 = 1): AuthEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const ts =
      index % 13 === 0
        ? null
        : index % 4 === 0
          ? T0 + Math.floor(pick() * 30) * 3_600_000
          : T0 + Math.floor(pick() * 600) * 1_000;
    return {
      ts,
      time: ts === null ? null : new Date(ts).toISOString(),
      source: { file: 'f.jsonl', sha256: '0'.repeat(64), format: 'tokentrail-jsonl', line: line0 + index },
      kind: pick() < 0.5 ? 'use' : 'issue',
      subject: `user${Math.floor(pick() * 20)}@example.com`,
      ip: `203.0.113.${Math.floor(pick() * 9)}`,
      sessionId: `S-${Math.floor(pick() * 30)}`,
      tokenHashes: pick() < 0.3 ? [`${Math.floor(pick() * 5)}`.repeat(64)] : [],
      tokens: [],
      record: `line ${line0 + index}`,
    };
  });
}

const sortTs = (event: AuthEvent) => event.ts ?? UNTIMED_TS;
const lineOf = (event: AuthEvent) => event.source.line!;

/** Every (facet, value, ts, seq) the blocks' events hold, as a sorted list of strings. */
function plainEntries(blocks: readonly EventBlock[]): string[] {
  const out: string[] = [];
  for (const { block, fileId, events } of blocks)
    events.forEach((event, offset) => {
      for (const facet of EVENT_FACETS)
        for (const value of new Set(facetValues(event, fileId, facet)))
          out.push(`${facet}|${value}|${sortTs(event)}|${block * BLOCK_EVENTS + offset}`);
    });
  return out.sort();
}

function rowEntries(rows: readonly PostingRow[]): string[] {
  return rows
    .flatMap((row) => row.values.map((value, index) => `${row.facet}|${value}|${row.ts[index]}|${row.seq[index]}`))
    .sort();
}

/** True when a row's entries are sorted by value, then time, then seq. */
function sortedRow(row: PostingRow): boolean {
  for (let index = 1; index < row.values.length; index += 1) {
    const [a, b] = [row.values[index - 1]!, row.values[index]!];
    if (a > b) return false;
    if (
      a === b &&
      (row.ts[index - 1]! > row.ts[index]! ||
        (row.ts[index - 1] === row.ts[index] && row.seq[index - 1]! >= row.seq[index]!))
    )
      return false;
  }
  return true;
}

describe('blocksOfBatch', () => {
  it('cuts a batch into time-sorted blocks of at most 128 events within an hour, numbered from the next boundary', () => {
    const pick = seededRandom(7);
    const events = batch(2_000, pick);
    const { blocks, nextSeq } = blocksOfBatch('c', 'i', 'f', events, 300);
    // 300 is not a boundary: the first block starts at the next one, 384.
    expect(blocks[0]!.block).toBe(3);
    expect(blocks.map((block) => block.block)).toEqual(blocks.map((_, index) => 3 + index));
    expect(nextSeq).toBe((blocks.at(-1)!.block + 1) * BLOCK_EVENTS);
    // Every event once, in time order, ties in file order (the sort is stable).
    const stored = blocks.flatMap((block) => block.events);
    const expected = [...events].sort((a, b) => sortTs(a) - sortTs(b) || lineOf(a) - lineOf(b));
    expect(stored.map(lineOf)).toEqual(expected.map(lineOf));
    for (const block of blocks) {
      expect(block.events.length).toBeGreaterThan(0);
      expect(block.events.length).toBeLessThanOrEqual(BLOCK_EVENTS);
      expect(block.start).toBe(sortTs(block.events[0]!));
      expect(block.end).toBe(sortTs(block.events.at(-1)!));
      expect(block.end - block.start).toBeLessThan(BLOCK_SPAN_MS);
    }
    // Blocks end early only where the next event is an hour or more past the block's start, or the block is full.
    blocks.slice(0, -1).forEach((block, index) => {
      const next = blocks[index + 1]!;
      expect(block.events.length === BLOCK_EVENTS || next.start - block.start >= BLOCK_SPAN_MS).toBe(true);
    });
    // Some blocks were cut by time (the sparse events), so seqs were left unused, and none was given twice.
    expect(blocks.some((block) => block.events.length < BLOCK_EVENTS)).toBe(true);
    const seqs = blocks.flatMap((block) => block.events.map((_, offset) => block.block * BLOCK_EVENTS + offset));
    expect(seqs.every((seq, index) => index === 0 || seq > seqs[index - 1]!)).toBe(true);
    expect(seqs.length).toBe(events.length);
    // An event's block is its seq divided by the block size: no index needed.
    blocks.forEach((block) =>
      expect(blockOfSeq(block.block * BLOCK_EVENTS + block.events.length - 1)).toBe(block.block),
    );
  });

  it('cuts the same groups of events as the free-text rows of the batch', () => {
    const events = batch(2_000, seededRandom(3));
    const rows = buildEventRows('c', 'i', 'f', events);
    stampSeq(rows, 0);
    const textRows = buildTextRows(
      'c',
      'i',
      rows,
      rows.map((row) => searchText(row.event)),
    );
    const lines = (list: readonly AuthEvent[]) => list.map(lineOf);
    const byText = textRows.map((row) => lines([...row.seq].map((seq) => rows[seq]!.event)));
    expect(blocksOfBatch('c', 'i', 'f', events, 0).blocks.map((block) => lines(block.events))).toEqual(byText);
    expect(byText.length).toBeGreaterThan(16);
  });

  it('starts at the given seq when it is a boundary, and an empty batch only rounds it up', () => {
    expect(blocksOfBatch('c', 'i', 'f', batch(3, seededRandom(1)), 256).blocks[0]!.block).toBe(2);
    expect(blocksOfBatch('c', 'i', 'f', [], 300)).toEqual({ blocks: [], nextSeq: 384 });
  });
});

describe('posting rows', () => {
  const pick = seededRandom(11);
  const batches = Array.from({ length: 5 }, (_, index) => batch(700, pick, index * 700 + 1));
  let nextSeq = 0;
  const blocksPerBatch = batches.map((events) => {
    const result = blocksOfBatch('c', 'i', 'file-1', events, nextSeq);
    nextSeq = result.nextSeq;
    return result.blocks;
  });
  const level0 = blocksPerBatch.map((blocks, index) => levelZeroPostings('c', index, blocks));
  const level1 = compactPostings('c', 0, level0.flat());

  it('level 0 holds every facet value of every event once, sorted, in few rows per batch', () => {
    level0.forEach((rows, index) => {
      expect(rowEntries(rows)).toEqual(plainEntries(blocksPerBatch[index]!));
      expect(rows.every(sortedRow)).toBe(true);
      expect(rows.every((row) => row.level === 0 && row.id === index)).toBe(true);
      // An identifier facet's rows are its hash buckets; a few-valued facet has a row per value.
      for (const row of rows) {
        for (const value of row.values) expect(postingBucket(row.facet, value, LEVEL0_BUCKETS)).toBe(row.bucket);
        if (row.facet === 'kind') expect(new Set(row.values)).toEqual(new Set([row.bucket]));
      }
      const identifierRows = (facet: EventFacet) => rows.filter((row) => row.facet === facet).length;
      expect(identifierRows('subject')).toBeLessThanOrEqual(LEVEL0_BUCKETS);
      expect(identifierRows('subject')).toBeGreaterThan(1);
    });
  });

  it('compaction keeps exactly the same entries, sorted, in its own buckets', () => {
    expect(rowEntries(level1)).toEqual(rowEntries(level0.flat()));
    expect(level1.every(sortedRow)).toBe(true);
    for (const row of level1)
      for (const value of row.values) expect(postingBucket(row.facet, value, LEVEL1_BUCKETS)).toBe(row.bucket);
    expect(level1.filter((row) => row.facet === 'session').length).toBeGreaterThan(LEVEL0_BUCKETS);
  });

  it('valueRange finds exactly a value’s entries in a row, and nothing for an absent value', () => {
    for (const row of [...level0.flat(), ...level1]) {
      const values = [...new Set(row.values)];
      for (const value of values) {
        const { from, to } = valueRange(row, value);
        const expected = row.values.flatMap((candidate, index) => (candidate === value ? [index] : []));
        expect([from, to]).toEqual([expected[0], expected.at(-1)! + 1]);
      }
      const absent = valueRange(row, 'zz-absent');
      expect(absent.to - absent.from).toBe(0);
      const before = valueRange(row, '');
      expect(before.to - before.from).toBe(0);
    }
  });
});
