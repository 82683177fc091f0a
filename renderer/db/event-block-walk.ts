// A case's events in time order (ties by seq) from any position, forward or backward, read from the block layout.
// Blocks of different ingests overlap in time, so their events are merged: forward, blocks are opened in order of
// their first time and an event is given out once no unopened block can start before it; backward mirrors it on the
// blocks' last times. The blocks that straddle the starting position are found from the time bins they
// cover (block-time-bins.ts). What is held is the blocks that overlap the current time.
import { Dexie } from 'dexie';
import { BinaryHeap, blockEventCount } from '../../core/timeline';
import { timeBinRanges, type TimeBinKey } from './block-time-bins';
import { BLOCK_EVENTS, blockOfSeq, type StoredEventBlock } from './event-blocks';
import type { StoredEvent } from './event-records';
import { blockRows, caseHasTokenLinks, linksOfBlocks, type Links } from './event-block-rows';
import type { TokentrailDatabase } from './schema';

/** A position between events: its time and seq. */
export interface WalkPosition {
  readonly ts: number;
  readonly seq: number;
}

/** A walk's order on positions: by time, ties by seq; the reverse backward. */
export const walkOrder = (forward: boolean): ((a: WalkPosition, b: WalkPosition) => boolean) =>
  forward
    ? (a, b) => a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq)
    : (a, b) => a.ts > b.ts || (a.ts === b.ts && a.seq > b.seq);

/** Blocks read by the first request, doubling with each request up to the most: a page needs a few blocks (200 events
 * of a dense log are two), a walk over the whole case wants large reads. */
const FIRST_READ_BLOCKS = 4;
const MOST_READ_BLOCKS = 32;

const NO_LINKS: Links = new Map();

export class BlockWalk {
  private readonly forward: boolean;
  private readonly heap: BinaryHeap<StoredEvent>;
  private queued: { block: StoredEventBlock; links: Links }[] = [];
  /** The last block read of the main sequence, as its index key; undefined before the first read. */
  private after: unknown[] | undefined;
  private exhausted = false;
  private begun = false;
  private withLinks = true;
  private readSize = FIRST_READ_BLOCKS;

  /**
   * @param from where to start: events after it (forward) or before it (backward), `from` itself included when
   *   `inclusive`; undefined: the case's first (forward) or last (backward) event.
   */
  constructor(
    private readonly database: TokentrailDatabase,
    private readonly caseId: string,
    direction: 'forward' | 'backward',
    private readonly from?: WalkPosition,
    private readonly inclusive = true,
  ) {
    this.forward = direction === 'forward';
    this.heap = new BinaryHeap<StoredEvent>(walkOrder(this.forward));
  }

  /**
   * The next `count` events in the walk's direction, fewer only at the case's end. Awaits only reads of the store: a
   * page's transaction must not wait on anything else (Dexie loses track of it over long chains of other awaits).
   */
  async take(count: number): Promise<StoredEvent[]> {
    if (!this.begun) await this.begin();
    const rows: StoredEvent[] = [];
    while (rows.length < count) {
      if (this.queued.length === 0 && !this.exhausted) await this.readBlocks();
      const head = this.queued[0];
      const top = this.heap.peek();
      if (head && (!top || this.mayPrecede(head.block, top))) {
        this.queued.shift();
        this.open(head.block, head.links);
        continue;
      }
      const row = this.heap.pop();
      if (!row) break;
      rows.push(row);
    }
    return rows;
  }

  /**
   * True when an event of the unopened `block` may come before `top` in the walk's order. Ties on time are broken by
   * the block's seqs (block k holds k·128 onwards, its events with its first time at its start), so blocks that share
   * one time — every untimed block does — are opened one at a time, not all before the first event is given out.
   */
  private mayPrecede(block: StoredEventBlock, top: StoredEvent): boolean {
    if (this.forward) return block.start < top.ts || (block.start === top.ts && block.block * BLOCK_EVENTS < top.seq);
    return (
      block.end > top.ts || (block.end === top.ts && block.block * BLOCK_EVENTS + blockEventCount(block) > top.seq)
    );
  }

  /** True for an event the walk gives out: after `from` in its direction (or at it, when inclusive). */
  private inRange(row: StoredEvent): boolean {
    const from = this.from;
    if (!from) return true;
    const order = row.ts - from.ts || row.seq - from.seq;
    return this.forward ? order > 0 || (order === 0 && this.inclusive) : order < 0 || (order === 0 && this.inclusive);
  }

  private open(block: StoredEventBlock, links: Links): void {
    for (const row of blockRows(block, links)) if (this.inRange(row)) this.heap.push(row);
  }

  private async linksOf(blocks: readonly StoredEventBlock[]): Promise<Links> {
    if (!this.withLinks) return NO_LINKS;
    return linksOfBlocks(
      this.database,
      this.caseId,
      blocks.map((block) => block.block),
    );
  }

  /** Opens the blocks that straddle `from`: begun before it and ending after it (forward), or the mirror. */
  private async begin(): Promise<void> {
    this.begun = true;
    const { database, caseId, from } = this;
    this.withLinks = await caseHasTokenLinks(database, caseId);
    if (!from) return;
    // From before every event (or after), nothing straddles.
    if (!Number.isFinite(from.ts)) {
      this.after = this.forward ? [caseId, from.ts, Dexie.minKey] : [caseId, from.ts, Dexie.maxKey];
      return;
    }
    // The main sequence starts at the block of `from`'s seq among the blocks of `from`'s time (their order is by block
    // number, so by seq): the blocks before it at that time hold only events before `from`, unless they reach past
    // that time, and then they are opened here with the blocks that straddle it. The bound is exclusive: half a block
    // before (or after) a whole block number.
    const first = blockOfSeq(from.seq);
    this.after = this.forward ? [caseId, from.ts, first - 0.5] : [caseId, from.ts, first + 0.5];
    // Only the index keys of the time bins that hold `from` are read (block-time-bins.ts); each names a block's times,
    // so only the blocks that straddle `from` are read whole.
    const keys = (
      await Promise.all(
        timeBinRanges(caseId, from.ts).map(([lower, upper]) =>
          database.eventBlocks.where('bins').between(lower, upper, true, true).keys(),
        ),
      )
    ).flat() as unknown as TimeBinKey[];
    // Forward: begun before `from` and ending at or after it, or begun at its time before its block and ending later.
    // Backward: the mirror. A block the main sequence reads is never one of these.
    const numbers = keys
      .filter(([, , , start, end, block]) =>
        this.forward
          ? (start < from.ts && end >= from.ts) || (start === from.ts && block < first && end > from.ts)
          : (end > from.ts && start <= from.ts) || (end === from.ts && block > first && start < from.ts),
      )
      .map((key) => key[5]);
    const straddling = (
      await database.eventBlocks.bulkGet(numbers.map((block): [string, number] => [caseId, block]))
    ).filter((block): block is StoredEventBlock => block !== undefined);
    const links = await this.linksOf(straddling);
    for (const block of straddling) this.open(block, links);
  }

  /**
   * The next blocks of the main sequence: by first time forward, by last time backward. Bounds are exclusive: the
   * first one holds Dexie.minKey or maxKey where a block number goes, so no block equals it.
   */
  private async readBlocks(): Promise<void> {
    const { database, caseId, forward } = this;
    const collection = forward
      ? database.eventBlocks
          .where('[caseId+start+block]')
          .between(
            this.after ?? [caseId, Dexie.minKey, Dexie.minKey],
            [caseId, Dexie.maxKey, Dexie.maxKey],
            false,
            false,
          )
      : database.eventBlocks
          .where('[caseId+end+block]')
          .between(
            [caseId, Dexie.minKey, Dexie.minKey],
            this.after ?? [caseId, Dexie.maxKey, Dexie.maxKey],
            false,
            false,
          )
          .reverse();
    const blocks = await collection.limit(this.readSize).toArray();
    this.exhausted = blocks.length < this.readSize;
    this.readSize = Math.min(MOST_READ_BLOCKS, this.readSize * 2);
    const last = blocks.at(-1);
    if (last) this.after = [caseId, forward ? last.start : last.end, last.block];
    const links = await this.linksOf(blocks);
    this.queued = blocks.map((block) => ({ block, links }));
  }
}
