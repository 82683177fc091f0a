// The batch-commit design of the store-designs benchmark (bundled into its page): the block store with postings, written
// the way the app's ingest must write — every batch of 2,000 events committed whole in one transaction, so that after
// a crash, a cancel or a closed window what is stored is complete and agrees with itself, with nothing held in memory
// that a crash would lose (the blocks-postings design buffers 65,536 events of postings between flushes).
//
// Per batch, one transaction: the events sorted by time and numbered from the next multiple of 256 (a block is 256
// consecutive seqs: seq >> 8 names it, so reading events by seq needs no index), as blocks of 256 with their search
// text and trigram filter, and level-0 postings — per facet, the batch's (value, time, seq) entries sorted by value,
// shared by a hash of the value among LEVEL0_BUCKETS rows (few rows per batch, whatever the values). Every
// COMPACT_BATCHES batches a second transaction merges those batches' level-0 rows into level-1 rows of LEVEL1_BUCKETS
// buckets and deletes them (a log-structured merge: a crash before it commits leaves the level-0 rows, still read).
// A value's events are then in one level-1 row per 65,536 events plus the level-0 rows since. The check: one subject's
// events from the postings are exactly those a scan of every block gives.
import Dexie, { type Table } from 'dexie';
import type { AuthEvent } from '../../../core/sources';
import { facetValues, searchText, type EventFacet } from '../../../core/timeline';
import { trigramFilter } from '../../../core/timeline/trigram-filter';
import { fnv1a } from '../../../core/util/bloom';
import { median } from './generate-bench-case';
import { eachBatch, FILE_ID, rates, rounded, SUBJECT, usage } from './helpers-store-run';

const BLOCK = 256;
const BATCH = 2_000;
const COMPACT_BATCHES = 32;
const LEVEL0_BUCKETS = 16;
const LEVEL1_BUCKETS = 256;
/** Identifier facets share bucket rows; a few-valued facet (kind, country, file, app version) has a row per value. */
const IDENTIFIERS: ReadonlySet<EventFacet> = new Set(['subject', 'session', 'token', 'ip']);
const FACETS: readonly EventFacet[] = ['subject', 'session', 'token', 'ip', 'kind', 'country', 'file', 'appVersion'];

interface BlockRow {
  readonly caseId: string;
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly events: readonly AuthEvent[];
}

interface TextRow {
  readonly caseId: string;
  readonly block: number;
  readonly text: string;
  readonly filter: Uint8Array;
}

/** One posting row: a bucket's (or a few-valued facet's value's) entries of one batch or one compaction. */
interface PostingRow {
  readonly caseId: string;
  readonly facet: EventFacet;
  readonly level: number;
  readonly bucket: number | string;
  /** The batch (level 0) or compaction (level 1) number. */
  readonly id: number;
  readonly values: readonly string[];
  readonly ts: Float64Array;
  readonly seq: Float64Array;
}

class BatchCommitDatabase extends Dexie {
  blocks!: Table<BlockRow, [string, number]>;
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

const bucketOf = (facet: EventFacet, value: string, buckets: number): number | string =>
  IDENTIFIERS.has(facet) ? fnv1a(value, 0, value.length) % buckets : value;

interface Entry {
  readonly value: string;
  readonly ts: number;
  readonly seq: number;
}

const byValueThenTime = (a: Entry, b: Entry) =>
  a.value < b.value ? -1 : a.value > b.value ? 1 : a.ts - b.ts || a.seq - b.seq;

/** Posting rows of `entries` grouped by facet and bucket, each sorted by value, time and seq. */
function postingRows(
  caseId: string,
  level: number,
  id: number,
  buckets: number,
  entries: ReadonlyMap<EventFacet, Entry[]>,
): PostingRow[] {
  const rows: PostingRow[] = [];
  for (const [facet, list] of entries) {
    const groups = new Map<number | string, Entry[]>();
    for (const entry of list) {
      const bucket = bucketOf(facet, entry.value, buckets);
      let group = groups.get(bucket);
      if (!group) groups.set(bucket, (group = []));
      group.push(entry);
    }
    for (const [bucket, group] of groups) {
      group.sort(byValueThenTime);
      rows.push({
        ...{ caseId, facet, level, bucket, id },
        values: group.map((entry) => entry.value),
        ts: Float64Array.from(group, (entry) => entry.ts),
        seq: Float64Array.from(group, (entry) => entry.seq),
      });
    }
  }
  return rows;
}

/** One batch as its transaction writes it: blocks, their text, level-0 postings; and the next free seq. */
function encodeBatch(caseId: string, batchNo: number, batch: readonly AuthEvent[], nextSeq: number) {
  const first = Math.ceil(nextSeq / BLOCK) * BLOCK;
  // A stable sort: events of the same millisecond keep their order in the file.
  const events = [...batch].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  const blocks: BlockRow[] = [];
  const texts: TextRow[] = [];
  for (let offset = 0; offset < events.length; offset += BLOCK) {
    const part = events.slice(offset, offset + BLOCK);
    const block = (first + offset) / BLOCK;
    blocks.push({ caseId, block, start: part[0]!.ts ?? 0, end: part.at(-1)!.ts ?? 0, events: part });
    const text = part.map(searchText).join('\u0000');
    texts.push({ caseId, block, text, filter: trigramFilter(text) });
  }
  const entries = new Map<EventFacet, Entry[]>(FACETS.map((facet) => [facet, []]));
  events.forEach((event, index) => {
    for (const facet of FACETS)
      for (const value of new Set(facetValues(event, FILE_ID, facet)))
        entries.get(facet)!.push({ value, ts: event.ts ?? 0, seq: first + index });
  });
  return {
    blocks,
    texts,
    postings: postingRows(caseId, 0, batchNo, LEVEL0_BUCKETS, entries),
    nextSeq: first + events.length,
  };
}

/** Every entry of the rows, back as entries (a compaction's input). */
function* entriesOf(rows: readonly PostingRow[]): Generator<[EventFacet, Entry]> {
  for (const row of rows)
    for (let index = 0; index < row.values.length; index += 1)
      yield [row.facet, { value: row.values[index]!, ts: row.ts[index]!, seq: row.seq[index]! }];
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
    // Per facet, its level-0 range (facet and level lead the key): the rows of the batches since the last compaction.
    const level0 = (
      await Promise.all(
        FACETS.map((facet) =>
          database.postings
            .where('[caseId+facet+level+bucket+id]')
            .between([caseId, facet, 0, Dexie.minKey, Dexie.minKey], [caseId, facet, 0, Dexie.maxKey, Dexie.maxKey])
            .toArray(),
        ),
      )
    )
      .flat()
      .filter((row) => row.id >= firstBatch && row.id <= lastBatch);
    const entries = new Map<EventFacet, Entry[]>();
    for (const [facet, entry] of entriesOf(level0)) {
      let list = entries.get(facet);
      if (!list) entries.set(facet, (list = []));
      list.push(entry);
    }
    const merged = postingRows(caseId, 1, compaction, LEVEL1_BUCKETS, entries);
    await database.postings.bulkDelete(
      level0.map((row): [string, string, number, number | string, number] => [
        caseId,
        row.facet,
        0,
        row.bucket,
        row.id,
      ]),
    );
    await database.postings.bulkAdd(merged);
    return merged.length;
  });
}

/** A value's entries from both levels, in time order (the whole of them: the bench reads them all). */
async function valueEntries(
  database: BatchCommitDatabase,
  caseId: string,
  facet: EventFacet,
  value: string,
): Promise<Entry[]> {
  const rows = await Promise.all(
    [
      [0, LEVEL0_BUCKETS],
      [1, LEVEL1_BUCKETS],
    ].map(([level, buckets]) => {
      const bucket = bucketOf(facet, value, buckets!);
      return database.postings
        .where('[caseId+facet+level+bucket+id]')
        .between([caseId, facet, level, bucket, Dexie.minKey], [caseId, facet, level, bucket, Dexie.maxKey])
        .toArray();
    }),
  );
  const found: Entry[] = [];
  for (const row of rows.flat()) {
    // Entries are sorted by value: the value's run starts at its lower bound.
    let low = 0;
    let high = row.values.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (row.values[middle]! < value) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < row.values.length && row.values[index] === value; index += 1)
      found.push({ value, ts: row.ts[index]!, seq: row.seq[index]! });
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
  const parsed = await eachBatch(count, days, BATCH, async (events) => {
    let started = performance.now();
    // The counter is read in the transaction in the app; the bench keeps it here and writes it with the batch.
    const counter = (await database.counters.get(caseId))!;
    const encoded = encodeBatch(caseId, batchNo, events, counter.nextSeq);
    encodeMs += performance.now() - started;
    started = performance.now();
    await database.transaction('rw', [database.blocks, database.blockText, database.postings, database.counters], () =>
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
    if (batchNo - compacted === COMPACT_BATCHES) {
      started = performance.now();
      const merged = await compact(database, caseId, compactions, compacted, batchNo - 1);
      const took = performance.now() - started;
      compactMs += took;
      storeMs += took;
      level1Rows += merged;
      rowsWritten += merged;
      compactions += 1;
      compacted = batchNo;
    }
  });
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
          scanned.push({ ts: event.ts ?? 0, seq: row.block * BLOCK + offset });
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
