// One facet value's events, as (ts, seq) entries in time order (ties by seq), from any position, forward or backward,
// read from the value's posting rows (event-blocks.ts) — and, for a token, from the analysis's links to it. A value's
// rows are one per batch or compaction, each over a span of time; a page needs the few rows that reach its position,
// not the value's whole history (the 1.4M entries of a common IP at 10M events, re-read for every page before).
// So the rows' spans are read first from their index keys, and the rows are opened in order of their first time
// (forward; of their last time backward) only when one of their entries may come next: a merge of the open rows.
import { Dexie } from 'dexie';
import { BinaryHeap } from '../../core/timeline';
import { LEVEL0_BUCKETS, LEVEL1_BUCKETS, postingBucket, valueRange, type StoredPostingRow } from './event-blocks';
import type { EventFacet } from './event-records';
import { tokenLinkKeys } from './event-block-rows';
import type { WalkPosition } from './event-block-walk';
import type { TokentrailDatabase } from './schema';

/** A key of the posting rows' span index: [caseId, facet, level, bucket, start, end, id]. */
type SpanKey = [string, string, number, number | string, number, number, number];

/** One run of entries being merged: `index` is the next one, `stop` is where the run ends (exclusive). */
interface Run {
  readonly ts: ArrayLike<number>;
  readonly seq: ArrayLike<number>;
  index: number;
  readonly stop: number;
}

/** Rows read by the first request, doubling up to the most: a rare value has an entry or two in each row. */
const FIRST_READ_ROWS = 4;
const MOST_READ_ROWS = 64;

export class PostingWalk {
  private readonly forward: boolean;
  private readonly heap: BinaryHeap<Run>;
  /** Rows not yet read, in the order they are opened. */
  private pending: SpanKey[] | undefined;
  /** Rows read and not yet opened. */
  private fetched: StoredPostingRow[] = [];
  private readSize = FIRST_READ_ROWS;
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
    const at = (run: Run) => run.ts[run.index]!;
    const seqOf = (run: Run) => run.seq[run.index]!;
    this.heap = new BinaryHeap<Run>(
      this.forward
        ? (a, b) => at(a) < at(b) || (at(a) === at(b) && seqOf(a) < seqOf(b))
        : (a, b) => at(a) > at(b) || (at(a) === at(b) && seqOf(a) > seqOf(b)),
    );
  }

  /**
   * The next `count` entries in the walk's direction, fewer only past the value's last one. Awaits only reads of the
   * store: a page's transaction must not wait on anything else (Dexie loses track of it over chains of other awaits).
   */
  async take(count: number): Promise<WalkPosition[]> {
    if (!this.pending) await this.begin();
    const entries: WalkPosition[] = [];
    while (entries.length < count) {
      if (this.mustOpen()) {
        if (this.fetched.length === 0) await this.fetch();
        this.open(this.fetched.shift()!);
        continue;
      }
      const run = this.heap.pop();
      if (!run) break;
      const entry = { ts: run.ts[run.index]!, seq: run.seq[run.index]! };
      run.index += this.forward ? 1 : -1;
      if (run.index !== run.stop) this.heap.push(run);
      // A token an event carries and is also linked to counts once, as the row layout's index holds it once.
      if (this.last && this.last.seq === entry.seq && this.last.ts === entry.ts) continue;
      this.last = entry;
      entries.push(entry);
    }
    return entries;
  }

  /** True when an unopened row may hold the next entry: forward, one begun at or before the top entry's time. */
  private mustOpen(): boolean {
    const bound = this.nextRowBound();
    if (bound === undefined) return false;
    const top = this.heap.peek();
    if (!top) return true;
    const at = top.ts[top.index]!;
    return this.forward ? bound <= at : bound >= at;
  }

  /** The first time (forward; the last time backward) of the next row to open, undefined when none is left. */
  private nextRowBound(): number | undefined {
    const row = this.fetched[0];
    if (row) return this.forward ? row.start : row.end;
    const key = this.pending![0];
    if (key) return this.forward ? key[4] : key[5];
    return undefined;
  }

  private async fetch(): Promise<void> {
    const keys = this.pending!.splice(0, this.readSize);
    this.readSize = Math.min(MOST_READ_ROWS, this.readSize * 2);
    const rows = await this.database.eventPostings.bulkGet(
      keys.map(([caseId, facet, level, bucket, , , id]) => [caseId, facet, level, bucket, id]),
    );
    // A row compacted away since its key was read is missing: its entries are in the level-1 row that replaced it,
    // which was read with the keys if it existed then (a page read during an ingest sees the store as it was).
    this.fetched = rows.filter((row): row is StoredPostingRow => row !== undefined);
  }

  /** Adds the row's run of the walk's value, from the walk's position on. */
  private open(row: StoredPostingRow): void {
    const { from, to } = valueRange(row, this.value);
    this.addRun(row.ts, row.seq, from, to);
  }

  /** Adds entries [from, to) of sorted columns, those at or past the walk's starting position. */
  private addRun(ts: ArrayLike<number>, seq: ArrayLike<number>, from: number, to: number): void {
    if (from >= to) return;
    if (this.forward) {
      const index = this.from ? firstAtOrAfter(ts, seq, from, to, this.from, !this.inclusive) : from;
      if (index < to) this.heap.push({ ts, seq, index, stop: to });
    } else {
      const index = (this.from ? firstAtOrAfter(ts, seq, from, to, this.from, this.inclusive) : to) - 1;
      if (index >= from) this.heap.push({ ts, seq, index, stop: from - 1 });
    }
  }

  /** Reads the spans of the value's rows (both levels) and, for a token, its links. */
  private async begin(): Promise<void> {
    const { database, caseId, facet, value, from } = this;
    const [levelZero, levelOne, links] = await Promise.all([
      this.spanKeys(0, postingBucket(facet, value, LEVEL0_BUCKETS)),
      this.spanKeys(1, postingBucket(facet, value, LEVEL1_BUCKETS)),
      facet === 'token' ? tokenLinkKeys(database, caseId, value) : [],
    ]);
    const keys = [...levelZero, ...levelOne];
    // Forward: the rows that end at or after `from`, by first time; backward: those begun at or before it, by last time.
    this.pending = (
      this.forward ? keys.filter((key) => !from || key[5] >= from.ts) : keys.filter((key) => !from || key[4] <= from.ts)
    ).sort((a, b) => (this.forward ? a[4] - b[4] : b[5] - a[5]));
    if (links.length > 0)
      this.addRun(
        links.map((key) => key[2]),
        links.map((key) => key[3]),
        0,
        links.length,
      );
  }

  private async spanKeys(level: number, bucket: number | string): Promise<SpanKey[]> {
    const keys = await this.database.eventPostings
      .where('[caseId+facet+level+bucket+start+end+id]')
      .between(
        [this.caseId, this.facet, level, bucket, Dexie.minKey, Dexie.minKey, Dexie.minKey],
        [this.caseId, this.facet, level, bucket, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey],
      )
      .keys();
    return keys as unknown as SpanKey[];
  }
}

/** The first index in [from, to) of columns sorted by (ts, seq) whose entry is at or after `at` (after it, if `after`). */
function firstAtOrAfter(
  ts: ArrayLike<number>,
  seq: ArrayLike<number>,
  from: number,
  to: number,
  at: WalkPosition,
  after: boolean,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = ts[middle]! - at.ts || seq[middle]! - at.seq;
    if (order < 0 || (order === 0 && after)) low = middle + 1;
    else high = middle;
  }
  return low;
}
