// The block layout issue 19 chose by measurement (docs/benchmarks.md, "Batches committed whole"): a batch's events as
// blocks, and its facet values as posting rows, all written in the batch's one transaction, the posting rows merged
// into fewer, larger ones every few dozen batches. Pure and synchronous, like event-rows.ts: what a transaction writes
// is built before it opens. The app writes this layout for cases created with `eventLayout: 'blocks'`
// (event-block-store.ts); the store-designs benchmark's batch-commit design writes it through these functions too.
//
// Blocks. A batch's events are sorted by time (untimed first, ties in file order) and cut into blocks of at most
// BLOCK_EVENTS events spanning less than BLOCK_SPAN_MS by the free-text rows' own rule (timeRowBounds), so a block and
// its text row cover the same events. Block k holds the seqs k·BLOCK_EVENTS, k·BLOCK_EVENTS + 1, …: an event's block is its seq
// divided by BLOCK_EVENTS, so reading events by seq needs no index, and a short block leaves its remaining seqs unused.
// Seqs so follow time within a batch and file order only between batches (today's rows number a batch in file order):
// "import order" (caseEventsBySeq) becomes batch order, which the analysis does not depend on (it orders by time).
//
// Postings. For every facet, the (value, time, seq) entries of the batch sorted by value, then time, then seq, in rows
// shared by a hash of the value: LEVEL0_BUCKETS rows per identifier facet at most (subject, session, token, IP: a batch
// holds hundreds of their values), a row per value of a few-valued facet. A value's entries in a row are one run,
// found by binary search (valueRange). Compaction merges many batches' rows into LEVEL1_BUCKETS rows per identifier
// facet, so a value's history is a row per compaction plus the level-0 rows since.
import type { AuthEvent } from '../../core/sources';
import {
  encodeBlockEvents,
  EVENTS_PER_BLOCK,
  facetValues,
  firstIndex,
  fnv1a,
  type EncodedBlockEvents,
  type EventFacet,
} from '../../core/timeline';
import { timeBinKeys, type TimeBinKey } from './block-time-bins';
import { EVENT_FACETS, UNTIMED_TS, type StoredTokenLink } from './event-records';
import { TEXT_ROW_ENTRIES, TEXT_ROW_SPAN_MS, timeRowBounds } from './event-text';

/** Events per block at most (core's, shared with the CLI's archive reader); the free-text row's too (event-text.ts). */
export const BLOCK_EVENTS = EVENTS_PER_BLOCK;
if (BLOCK_EVENTS !== TEXT_ROW_ENTRIES) throw new Error('a block and its free-text row must hold the same events');
/** A block spans less time than this: the free-text row's, so the blocks straddling a time are a bounded key range. */
export const BLOCK_SPAN_MS = TEXT_ROW_SPAN_MS;
/** Posting rows per identifier facet and batch. */
export const LEVEL0_BUCKETS = 16;
/** Posting rows per identifier facet and compaction. */
export const LEVEL1_BUCKETS = 256;

/** The block that holds (or would hold) the event numbered `seq`. */
export const blockOfSeq = (seq: number): number => Math.floor(seq / BLOCK_EVENTS);

/** One block: consecutive seqs from `block`·BLOCK_EVENTS, the events in time order. */
export interface EventBlock {
  readonly caseId: string;
  readonly block: number;
  readonly ingestId: string;
  readonly fileId: string;
  /** ts of the first and the last event (UNTIMED_TS for untimed ones). */
  readonly start: number;
  readonly end: number;
  readonly events: readonly AuthEvent[];
}

const sortTs = (event: AuthEvent): number => event.ts ?? UNTIMED_TS;

/**
 * The blocks of one batch of one file, numbered from the first block boundary at or after `nextSeq`, and the seq the
 * next batch starts from.
 */
export function blocksOfBatch(
  caseId: string,
  ingestId: string,
  fileId: string,
  batch: readonly AuthEvent[],
  nextSeq: number,
): { blocks: EventBlock[]; nextSeq: number } {
  // Array.prototype.sort is stable: events of the same millisecond keep their order in the file.
  const events = [...batch].sort((a, b) => sortTs(a) - sortTs(b));
  const blocks: EventBlock[] = [];
  let block = Math.ceil(nextSeq / BLOCK_EVENTS);
  for (const [first, end] of timeRowBounds(events.length, (index) => sortTs(events[index]!))) {
    const part = events.slice(first, end);
    blocks.push({ caseId, block, ingestId, fileId, start: sortTs(part[0]!), end: sortTs(part.at(-1)!), events: part });
    block += 1;
  }
  return { blocks, nextSeq: Math.max(nextSeq, block * BLOCK_EVENTS) };
}

/**
 * A block as stored (`eventBlocks`): its events as JSON texts (core/timeline block-events.ts), so a read that needs a
 * few of its events does not rebuild all of them, and the keys of the time bins it covers (block-time-bins.ts).
 */
export type StoredEventBlock = Omit<EventBlock, 'events'> & EncodedBlockEvents & { readonly bins: TimeBinKey[] };

/** The stored form of a block. */
export function storedBlock({ events, ...block }: EventBlock): StoredEventBlock {
  return { ...block, ...encodeBlockEvents(events), bins: blockBins(block) };
}

/** The time-bin index keys of a block, from its own case, number and times. */
export const blockBins = (block: Pick<EventBlock, 'caseId' | 'block' | 'start' | 'end'>): TimeBinKey[] =>
  timeBinKeys(block.caseId, block.block, block.start, block.end);

/** One posting row: the entries of a bucket (or of a few-valued facet's value) of one batch or one compaction. */
export interface PostingRow {
  readonly caseId: string;
  readonly facet: EventFacet;
  /** 0: one batch's; 1: a compaction's. */
  readonly level: number;
  readonly bucket: number | string;
  /** The batch's (level 0) or the compaction's (level 1) number. */
  readonly id: number;
  /** Entries sorted by value, then ts, then seq; column by column. */
  readonly values: readonly string[];
  readonly ts: Float64Array;
  readonly seq: Float64Array;
  /** The least and the greatest ts of the row's entries, whatever their value: a page reads the rows that reach it. */
  readonly start: number;
  readonly end: number;
}

/** The time span of a row's entries (ts: its column of times). */
export function postingSpan(ts: ArrayLike<number>): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (let index = 0; index < ts.length; index += 1) {
    const at = ts[index]!;
    if (at < start) start = at;
    if (at > end) end = at;
  }
  return { start, end };
}

/** A posting row as stored: with the ingest that wrote it, so compaction and removal find an ingest's rows. */
export type StoredPostingRow = PostingRow & { readonly ingestId: string };

/**
 * The case analysis's token links of one event (StoredEvent.tokenLinks in the block layout, where a block is never
 * rewritten). `keys` lists [caseId, token, ts, seq] for each linked token the event does not carry itself: the
 * multi-entry index that adds those events to the token's facet reads.
 */
export interface EventTokenLinksRecord {
  readonly caseId: string;
  readonly seq: number;
  readonly links: readonly StoredTokenLink[];
  readonly keys: readonly (readonly [string, string, number, number])[];
}

/** One posting entry. */
export interface PostingEntry {
  readonly value: string;
  readonly ts: number;
  readonly seq: number;
}

/**
 * Facets whose values are few whatever the evidence says: the event kinds, the case's files, the countries of the
 * geolocation database. The app version is counted (COUNTED_FACETS) but written by the evidence — a log can give each
 * line its own — so it shares hashed rows like the identifiers.
 */
const FEW_VALUED: ReadonlySet<EventFacet> = new Set(['kind', 'file', 'country']);

/** The row a facet value's entries go to: a hash bucket for an identifier facet, the value itself otherwise. */
export function postingBucket(facet: EventFacet, value: string, buckets: number): number | string {
  return FEW_VALUED.has(facet) ? value : fnv1a(value, 0, value.length) % buckets;
}

const byValueTimeSeq = (a: PostingEntry, b: PostingEntry) =>
  a.value < b.value ? -1 : a.value > b.value ? 1 : a.ts - b.ts || a.seq - b.seq;

/** Rows of `entries` (per facet), grouped by bucket and sorted. */
function postingRows(
  caseId: string,
  level: number,
  id: number,
  buckets: number,
  entries: ReadonlyMap<EventFacet, PostingEntry[]>,
): PostingRow[] {
  const rows: PostingRow[] = [];
  for (const [facet, list] of entries) {
    const groups = new Map<number | string, PostingEntry[]>();
    for (const entry of list) {
      const bucket = postingBucket(facet, entry.value, buckets);
      let group = groups.get(bucket);
      if (!group) groups.set(bucket, (group = []));
      group.push(entry);
    }
    for (const [bucket, group] of groups) {
      // The sort is a merge when the group is a concatenation of sorted runs (compaction's inputs): V8's sort finds them.
      group.sort(byValueTimeSeq);
      const ts = Float64Array.from(group, (entry) => entry.ts);
      rows.push({
        ...{ caseId, facet, level, bucket, id },
        values: group.map((entry) => entry.value),
        ts,
        seq: Float64Array.from(group, (entry) => entry.seq),
        ...postingSpan(ts),
      });
    }
  }
  return rows;
}

/** The level-0 posting rows of a batch's blocks: every facet value of every event, once per event. */
export function levelZeroPostings(caseId: string, batch: number, blocks: readonly EventBlock[]): PostingRow[] {
  const entries = new Map<EventFacet, PostingEntry[]>(EVENT_FACETS.map((facet) => [facet, []]));
  for (const { block, fileId, events } of blocks)
    events.forEach((event, offset) => {
      const seq = block * BLOCK_EVENTS + offset;
      const ts = sortTs(event);
      // A value listed twice for one event (a record's subject and its token's) is one entry.
      for (const facet of EVENT_FACETS)
        for (const value of new Set(facetValues(event, fileId, facet))) entries.get(facet)!.push({ value, ts, seq });
    });
  return postingRows(caseId, 0, batch, LEVEL0_BUCKETS, entries);
}

/** The level-1 rows that replace `rows` (level-0 rows of consecutive batches): the same entries, fewer rows. */
export function compactPostings(caseId: string, compaction: number, rows: readonly PostingRow[]): PostingRow[] {
  const entries = new Map<EventFacet, PostingEntry[]>();
  for (const row of rows) {
    let list = entries.get(row.facet);
    if (!list) entries.set(row.facet, (list = []));
    for (let index = 0; index < row.values.length; index += 1)
      list.push({ value: row.values[index]!, ts: row.ts[index]!, seq: row.seq[index]! });
  }
  return postingRows(caseId, 1, compaction, LEVEL1_BUCKETS, entries);
}

/** Where `value`'s entries are in a row: indexes [from, to), empty when it has none. */
export function valueRange(row: PostingRow, value: string): { from: number; to: number } {
  const { values } = row;
  const from = firstIndex(0, values.length, (index) => values[index]! < value);
  return { from, to: firstIndex(from, values.length, (index) => values[index]! <= value) };
}
