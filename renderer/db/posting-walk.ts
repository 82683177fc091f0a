// One facet value's events, as (ts, seq) entries in time order (ties by seq), from any position, forward or backward,
// read from the value's posting rows (event-blocks.ts) — and, for a token, from the analysis's links to it. A value's
// rows are one per batch or compaction, each over a span of time; a page needs the few rows that reach its position,
// not the value's whole history (the 1.4M entries of a common IP at 10M events, re-read for every page before).
// So the rows that reach the position are listed first, in order of their first time (forward; of their last time
// backward), from two index ranges read as primary keys (one request each: an index's own keys come only through a
// cursor, ~100 µs a key here), and the rows are read a few ahead and opened only when one of their entries may come
// next: a merge of the open rows.
import { Dexie } from 'dexie';
import { BinaryHeap, firstIndex } from '../../core/timeline';
import { LEVEL0_BUCKETS, LEVEL1_BUCKETS, postingBucket, valueRange, type StoredPostingRow } from './event-blocks';
import type { EventFacet } from './event-records';
import { tokenLinkKeys } from './event-block-rows';
import { walkOrder, type WalkPosition } from './event-block-walk';
import type { TokentrailDatabase } from './schema';

/** A posting row's primary key: [caseId, facet, level, bucket, id]. */
type RowKey = [string, string, number, number | string, number];

/** One level's rows still to open, in opening order: `ahead` read, `keys` not yet read. */
interface LevelRows {
  keys: RowKey[];
  ahead: StoredPostingRow[];
  readSize: number;
}

/**
 * One run of entries being merged, positioned at its next entry (`ts`, `seq`, at `index` of its columns); `stop` is
 * where the run ends (exclusive).
 */
interface Run {
  ts: number;
  seq: number;
  readonly times: ArrayLike<number>;
  readonly seqs: ArrayLike<number>;
  index: number;
  readonly stop: number;
}

/** Rows read by the first request, doubling up to the most: a rare value has an entry or two in each row. */
const FIRST_READ_ROWS = 4;
const MOST_READ_ROWS = 64;

export class PostingWalk {
  private readonly forward: boolean;
  private readonly heap: BinaryHeap<Run>;
  /** Each level's rows not yet opened; at least one read ahead while any is left, so the next bound is known. */
  private levels: LevelRows[] | undefined;
  private last: WalkPosition | undefined;

  /**
   * @param from where to start: entries after it (forward) or before it (backward), `from` itself included when
   *   `inclusive`; undefined: the value's first (forward) or last (backward) entry.
   */
  constructor(
    private readonly database: TokentrailDatabase,
    private readonly caseId: string,
    private readonly facet: EventFacet,
    private readonly value: string,
    direction: 'forward' | 'backward',
    private readonly from?: WalkPosition,
    private readonly inclusive = true,
  ) {
    this.forward = direction === 'forward';
    this.heap = new BinaryHeap<Run>(walkOrder(this.forward));
  }

  /**
   * The next `count` entries in the walk's direction, fewer only past the value's last one. Awaits only reads of the
   * store: a page's transaction must not wait on anything else (Dexie loses track of it over chains of other awaits).
   */
  async take(count: number): Promise<WalkPosition[]> {
    if (!this.levels) await this.begin();
    const entries: WalkPosition[] = [];
    while (entries.length < count) {
      const level = this.levelToOpen();
      if (level) {
        this.open(level.ahead.shift()!);
        if (level.ahead.length === 0) await this.readAhead(level);
        continue;
      }
      const run = this.heap.pop();
      if (!run) break;
      const entry = { ts: run.ts, seq: run.seq };
      run.index += this.forward ? 1 : -1;
      if (run.index !== run.stop) this.heap.push(positioned(run));
      // A token an event carries and is also linked to counts once, as the row layout's index holds it once.
      if (this.last && this.last.seq === entry.seq && this.last.ts === entry.ts) continue;
      this.last = entry;
      entries.push(entry);
    }
    return entries;
  }

  /**
   * The level whose next row must be opened before the top entry is given out: forward, a row begun at or before the
   * top entry's time may hold an entry before it (or at it, with a lower seq). Undefined when none must.
   */
  private levelToOpen(): LevelRows | undefined {
    const bound = (level: LevelRows) => (this.forward ? level.ahead[0]!.start : level.ahead[0]!.end);
    let next: LevelRows | undefined;
    for (const level of this.levels!)
      if (level.ahead.length > 0 && (!next || (this.forward ? bound(level) < bound(next) : bound(level) > bound(next))))
        next = level;
    if (!next) return undefined;
    const top = this.heap.peek();
    if (!top) return next;
    return (this.forward ? bound(next) <= top.ts : bound(next) >= top.ts) ? next : undefined;
  }

  /** Reads the level's next rows when none is read ahead, more each time. */
  private async readAhead(level: LevelRows): Promise<void> {
    while (level.ahead.length === 0 && level.keys.length > 0) {
      const keys = level.keys.splice(0, level.readSize);
      level.readSize = Math.min(MOST_READ_ROWS, level.readSize * 2);
      // A row compacted away since the keys were listed is missing: its entries are in the level-1 row that replaced
      // it, listed then if it existed (a page's transaction sees the store as it was).
      level.ahead = (await this.database.eventPostings.bulkGet(keys)).filter(
        (row): row is StoredPostingRow => row !== undefined,
      );
    }
  }

  /** Adds the row's run of the walk's value, from the walk's position on. */
  private open(row: StoredPostingRow): void {
    const { from, to } = valueRange(row, this.value);
    this.addRun(row.ts, row.seq, from, to);
  }

  /** Adds entries [from, to) of sorted columns, those at or past the walk's starting position. */
  private addRun(times: ArrayLike<number>, seqs: ArrayLike<number>, from: number, to: number): void {
    if (from >= to) return;
    const start = this.from;
    if (this.forward) {
      const index = start ? firstAtOrAfter(times, seqs, from, to, start, !this.inclusive) : from;
      if (index < to) this.heap.push(positioned({ ts: 0, seq: 0, times, seqs, index, stop: to }));
    } else {
      const index = (start ? firstAtOrAfter(times, seqs, from, to, start, this.inclusive) : to) - 1;
      if (index >= from) this.heap.push(positioned({ ts: 0, seq: 0, times, seqs, index, stop: from - 1 }));
    }
  }

  /** Lists the value's rows that reach the walk's position (both levels), reads the first of each, and a token's links. */
  private async begin(): Promise<void> {
    const { database, caseId, facet, value } = this;
    const [levelZero, levelOne, links] = await Promise.all([
      this.levelZeroRows(postingBucket(facet, value, LEVEL0_BUCKETS)),
      this.rowsReaching(1, postingBucket(facet, value, LEVEL1_BUCKETS)),
      facet === 'token' ? tokenLinkKeys(database, caseId, value) : [],
    ]);
    this.levels = [levelZero, levelOne].map((keys) => ({ keys, ahead: [], readSize: FIRST_READ_ROWS }));
    await Promise.all(this.levels.map((level) => this.readAhead(level)));
    if (links.length > 0)
      this.addRun(
        links.map((key) => key[2]),
        links.map((key) => key[3]),
        0,
        links.length,
      );
  }

  /**
   * Level 0's rows of the bucket, read only while an ingest of the case has batches not yet compacted. Compaction
   * deletes level-0 rows, and LevelDB keeps their deletions until its own compaction drops them: an empty level-0
   * range took ~30 ms to read at 3M events (a tombstone per batch in the range), more than the rest of a page.
   */
  private async levelZeroRows(bucket: number | string): Promise<RowKey[]> {
    const ingests = await this.database.ingests.where('caseId').equals(this.caseId).toArray();
    if (!ingests.some((ingest) => (ingest.uncompactedBatches ?? 0) > 0)) return [];
    return this.rowsReaching(0, bucket);
  }

  /**
   * The level's rows of the bucket, forward those that end at or after the walk's position by first time, backward
   * those begun at or before it by last time (latest first).
   */
  private async rowsReaching(level: number, bucket: number | string): Promise<RowKey[]> {
    const { caseId, facet, from, forward } = this;
    const range = (index: 'start' | 'end', lower: number, upper: number) =>
      this.database.eventPostings
        .where(`[caseId+facet+level+bucket+${index}+id]`)
        .between(
          [caseId, facet, level, bucket, lower, Dexie.minKey],
          [caseId, facet, level, bucket, upper, Dexie.maxKey],
        )
        .primaryKeys() as unknown as Promise<RowKey[]>;
    const bounded = from !== undefined && Number.isFinite(from.ts);
    const [ordered, reaching] = await Promise.all([
      range(forward ? 'start' : 'end', -Infinity, Infinity),
      bounded ? (forward ? range('end', from.ts, Infinity) : range('start', -Infinity, from.ts)) : undefined,
    ]);
    // A row's id is unique within its level and bucket.
    const reaches = reaching && new Set(reaching.map((key) => key[4]));
    const rows = reaches ? ordered.filter((key) => reaches.has(key[4])) : ordered;
    return forward ? rows : rows.reverse();
  }
}

/** `run` with its position set to the entry at its index. */
function positioned(run: Run): Run {
  run.ts = run.times[run.index]!;
  run.seq = run.seqs[run.index]!;
  return run;
}

/** The first index in [from, to) of columns sorted by (ts, seq) whose entry is at or after `at` (after it, if `after`). */
const firstAtOrAfter = (
  times: ArrayLike<number>,
  seqs: ArrayLike<number>,
  from: number,
  to: number,
  at: WalkPosition,
  after: boolean,
): number =>
  firstIndex(from, to, (index) => {
    const order = times[index]! - at.ts || seqs[index]! - at.seq;
    return order < 0 || (order === 0 && after);
  });
