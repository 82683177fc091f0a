// The batch-commit design of the store-designs benchmark (bundled into its page): the block store with postings, written
// the way the app's ingest must write — every batch of 2,000 events committed whole in one transaction, so that after
// a crash, a cancel or a closed window what is stored is complete and agrees with itself, with nothing held in memory
// that a crash would lose (the blocks-postings design buffers 65,536 events of postings between flushes).
//
// Per batch, one transaction: the batch's blocks (renderer/db/event-blocks.ts: time-sorted, at most 128 events within
// an hour, block k holding seqs from k·128, so reading events by seq needs no index), each block's search text and
// trigram filter, and its level-0 postings (per facet, the batch's entries sorted by value, in a few rows shared by a
// hash of the value). Every COMPACT_BATCHES batches a second transaction merges those batches' level-0 rows into
// level-1 rows and deletes them (a log-structured merge: a crash before it commits leaves the level-0 rows, still
// read). A value's events are then in one level-1 row per 64,000 events plus the level-0 rows since. The check: one
// subject's events from the postings are exactly those a scan of every block gives.
import Dexie, { type Table } from 'dexie';
import type { AuthEvent } from '../../../core/sources';
import { facetValues, searchText, type EventFacet } from '../../../core/timeline';
import { trigramFilter } from '../../../core/timeline/trigram-filter';
import { EVENT_FACETS, UNTIMED_TS } from '../../../renderer/db/event-records';
import {
  BLOCK_EVENTS,
  blocksOfBatch,
  compactPostings,
  LEVEL0_BUCKETS,
  LEVEL1_BUCKETS,
  levelZeroPostings,
  postingBucket,
  valueRange,
  type EventBlock,
  type PostingRow,
} from '../../../renderer/db/event-blocks';
import { median } from './generate-bench-case';
import { eachBatch, FILE_ID, rates, rounded, SUBJECT, usage } from './helpers-store-run';

const BATCH = 2_000;
const COMPACT_BATCHES = 32;

interface TextRow {
  readonly caseId: string;
  readonly block: number;
  readonly text: string;
  readonly filter: Uint8Array;
}

class BatchCommitDatabase extends Dexie {
  blocks!: Table<EventBlock, [string, number]>;
  blockText!: Table<TextRow, [string, number]>;
  postings!: Table<PostingRow, [string, string, number, number | string, number]>;
  counters!: Table<{ caseId: string; nextSeq: number; events: number }, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      blocks: '[caseId+block]',
      blockText: '[caseId+block]',
      postings: '[caseId+facet+level+bucket+id]',
      counters: 'caseId',
    });
  }
}

/** One batch as its transaction writes it: blocks, their text and filters, level-0 postings; and the next free seq. */
function encodeBatch(caseId: string, batchNo: number, batch: readonly AuthEvent[], nextSeq: number) {
  const encoded = blocksOfBatch(caseId, 'bench', FILE_ID, batch, nextSeq);
  const texts = encoded.blocks.map(({ block, events }): TextRow => {
    const text = events.map(searchText).join('\u0000');
    return { caseId, block, text, filter: trigramFilter(text) };
  });
  return { ...encoded, texts, postings: levelZeroPostings(caseId, batchNo, encoded.blocks) };
}

/** Merges level-0 rows of batches [firstBatch, lastBatch] into level-1 rows, in one transaction; returns rows written. */
async function compact(
  database: BatchCommitDatabase,
  caseId: string,
  compaction: number,
  firstBatch: number,
  lastBatch: number,
): Promise<number> {
  return database.transaction('rw', database.postings, async () => {
    // Per facet, its level-0 range (facet and level lead the key): exactly the rows of the batches since the last
    // compaction (an ingest compacts what it wrote before it ends), read and then deleted as ranges, not row by row.
    const level0Of = (facet: EventFacet) =>
      database.postings
        .where('[caseId+facet+level+bucket+id]')
        .between([caseId, facet, 0, Dexie.minKey, Dexie.minKey], [caseId, facet, 0, Dexie.maxKey, Dexie.maxKey]);
    const level0 = (await Promise.all(EVENT_FACETS.map((facet) => level0Of(facet).toArray()))).flat();
    if (level0.some((row) => row.id < firstBatch || row.id > lastBatch))
      throw new Error('level-0 rows of another batch range');
    const merged = compactPostings(caseId, compaction, level0);
    await Promise.all(EVENT_FACETS.map((facet) => level0Of(facet).delete()));
    await database.postings.bulkAdd(merged);
    return merged.length;
  });
}

/** A value's entries from both levels, in time order (the whole of them: the bench reads them all). */
async function valueEntries(database: BatchCommitDatabase, caseId: string, facet: EventFacet, value: string) {
  const rows = await Promise.all(
    [
      [0, LEVEL0_BUCKETS],
      [1, LEVEL1_BUCKETS],
    ].map(([level, buckets]) => {
      const bucket = postingBucket(facet, value, buckets!);
      return database.postings
        .where('[caseId+facet+level+bucket+id]')
        .between([caseId, facet, level, bucket, Dexie.minKey], [caseId, facet, level, bucket, Dexie.maxKey])
        .toArray();
    }),
  );
  const found: { ts: number; seq: number }[] = [];
  for (const row of rows.flat()) {
    const { from, to } = valueRange(row, value);
    for (let index = from; index < to; index += 1) found.push({ ts: row.ts[index]!, seq: row.seq[index]! });
  }
  return found.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
}

/** The design's run: batches committed whole, compactions beside them; then the subject check and its read time. */
export async function runBatchCommit(count: number, days: number) {
  const database = new BatchCommitDatabase('bench-batch-commit');
  const caseId = 'batch-commit';
  await database.counters.add({ caseId, nextSeq: 0, events: 0 });
  const before = await usage();
  let encodeMs = 0;
  let storeMs = 0;
  let compactMs = 0;
  let batchNo = 0;
  let compactions = 0;
  let compacted = 0;
  let level0Rows = 0;
  let level1Rows = 0;
  let rowsWritten = 0;
  /** Merges the level-0 rows of the batches since the last compaction (timed as storing). */
  const compactPending = async () => {
    const started = performance.now();
    const merged = await compact(database, caseId, compactions, compacted, batchNo - 1);
    const took = performance.now() - started;
    compactMs += took;
    storeMs += took;
    level1Rows += merged;
    rowsWritten += merged;
    compactions += 1;
    compacted = batchNo;
  };
  const parsed = await eachBatch(
    count,
    days,
    BATCH,
    async (events) => {
      // The counter is read in the transaction in the app; the bench reads it just before (timed as storing).
      let started = performance.now();
      const counter = (await database.counters.get(caseId))!;
      storeMs += performance.now() - started;
      started = performance.now();
      const encoded = encodeBatch(caseId, batchNo, events, counter.nextSeq);
      encodeMs += performance.now() - started;
      started = performance.now();
      await database.transaction(
        'rw',
        [database.blocks, database.blockText, database.postings, database.counters],
        () =>
          Promise.all([
            database.blocks.bulkAdd(encoded.blocks),
            database.blockText.bulkAdd(encoded.texts),
            database.postings.bulkAdd(encoded.postings),
            database.counters.put({ caseId, nextSeq: encoded.nextSeq, events: counter.events + events.length }),
          ]),
      );
      storeMs += performance.now() - started;
      level0Rows += encoded.postings.length;
      rowsWritten += encoded.blocks.length + encoded.texts.length + encoded.postings.length + 1;
      batchNo += 1;
      if (batchNo - compacted === COMPACT_BATCHES) await compactPending();
    },
    // An ingest compacts what it wrote before it ends: inside the wall-clock time.
    async () => {
      if (batchNo > compacted) await compactPending();
    },
  );
  const stored = (await usage()) - before;
  const readMs = await median(7, () => valueEntries(database, caseId, 'subject', SUBJECT));
  const fromPostings = (await valueEntries(database, caseId, 'subject', SUBJECT)).map((entry) => entry.seq);
  // The check: every block scanned for the subject (its time is not a figure of the design).
  const scanned: { ts: number; seq: number }[] = [];
  await database.blocks
    .where('[caseId+block]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .each((row) =>
      row.events.forEach((event, offset) => {
        if (facetValues(event, FILE_ID, 'subject').includes(SUBJECT))
          scanned.push({ ts: event.ts ?? UNTIMED_TS, seq: row.block * BLOCK_EVENTS + offset });
      }),
    );
  scanned.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const postingsLeft = await database.postings.count();
  database.close();
  return {
    design: 'batch-commit',
    ...rates(parsed, encodeMs / 1000, storeMs / 1000, stored),
    compactSeconds: rounded(compactMs / 1000, 2),
    batches: batchNo,
    compactions,
    rowsPerEvent: rounded(rowsWritten / parsed.events, 3),
    level0RowsWritten: level0Rows,
    level1RowsWritten: level1Rows,
    postingRowsLeft: postingsLeft,
    subjectEvents: scanned.length,
    subjectAllEntriesMs: rounded(readMs),
    subjectMatchesScan: JSON.stringify(fromPostings) === JSON.stringify(scanned.map((entry) => entry.seq)),
  };
}
