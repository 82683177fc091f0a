// Text rows found from the filter packs alone (text-row-source.ts), for a page of a case whose every text row is in a
// pack (event-text.ts; cases without `textFiltersIncomplete`). A pack names its rows' keys, their last times and
// their filters, so one value read speaks for ~16 rows (~2 000 events) and the rows' keys are not read at all:
// IndexedDB decodes a compound key at ~30 µs here, more than a pack's filter costs per 16 rows.
//
// Forward, packs are read in order of their first row's start. A row begins at most TEXT_ROW_SPAN_MS after its pack,
// so once the packs begun before a time are read, so are the rows begun before it: that time is the horizon.
// Backward, packs are read by their latest time (the [caseId+lastTs+firstSeq] index), newest first: once the packs
// ending after a time are read, so are the rows ending after it. The rows that straddle the origin (begun before it
// and reaching it, in reading order) are in packs on the origin's near side that reach across it, found by the same
// lastTs index within twice TEXT_ROW_SPAN_MS (a pack's rows begin within that span of it and each spans less).
import { TEXT_ROW_SPAN_MS, type EventTextFilterRecord, type FilteredRow } from '../db/event-text';
import { rowsOfRecords } from './text-filter-rows';
import type { TokentrailDatabase } from '../db/schema';
import {
  judge,
  readBounds,
  straddlingKeys,
  type Direction,
  type JudgedRow,
  type Key,
  type RowRange,
  type RowSource,
} from './text-row-source';

/** Packs read at once: the first read is small (a common needle fills a page from its first rows), then doubling. */
const FIRST_PACKS_PER_READ = 4;
const PACKS_PER_READ = 64;

/** Where a row or a pack lies in reading order: its start forward, its last time backward. */
const edgeOf = (side: Direction, item: { start: number; lastTs?: number }) =>
  side.forward ? item.start : (item.lastTs ?? item.start + TEXT_ROW_SPAN_MS);

export class TextPackSource implements RowSource {
  rows: JudgedRow[] = [];
  horizon: number;
  exhausted = false;
  /** The last pack read, as its key in the direction's index: the next read starts after it. */
  private readThrough: Key | undefined;
  private packsPerRead = FIRST_PACKS_PER_READ;

  constructor(
    private readonly database: TokentrailDatabase,
    private readonly side: Direction,
    private readonly range: RowRange,
  ) {
    this.horizon = range.origin;
  }

  async straddling(): Promise<JudgedRow[]> {
    // Forward the packs reaching the origin (lastTs ≥ it) begun before it; backward those ending after it begun at or
    // before it.
    const keys = await straddlingKeys(this.database.eventTextFilters, this.side, this.range, 2 * TEXT_ROW_SPAN_MS);
    const packs = await this.database.eventTextFilters.bulkGet(keys);
    const straddling: JudgedRow[] = [];
    // Rows of those packs on the origin's far side are the main read's (it starts with packs there).
    await this.take(packs, straddling);
    return straddling;
  }

  async more(): Promise<void> {
    const limit = this.packsPerRead;
    this.packsPerRead = Math.min(limit * 2, PACKS_PER_READ);
    const { lower, upper, includeLower, includeUpper } = readBounds(this.side, this.range, this.readThrough);
    const range = this.database.eventTextFilters
      .where(this.side.index)
      .between(lower, upper, includeLower, includeUpper);
    const packs = await (this.side.forward ? range : range.reverse()).limit(limit).toArray();
    await this.take(packs);
    const last = packs.at(-1);
    this.exhausted = packs.length < limit;
    if (last) this.readThrough = [this.range.caseId, edgeOf(this.side, last), last.firstSeq];
    // Another pack may share the last one's edge (a later firstSeq): only rows before that edge are all in hand.
    this.horizon = this.exhausted ? this.side.beyond : edgeOf(this.side, last!);
  }

  /**
   * Judges the rows of `packs` within the page's range: those on the origin's near side that reach it go to
   * `straddling`, those from the origin to the range's end join `rows` in reading order; the others are not the page's.
   */
  private async take(packs: readonly (EventTextFilterRecord | undefined)[], straddling?: JudgedRow[]): Promise<void> {
    const { caseId, origin, end, needle } = this.range;
    const side = this.side;
    const fresh: JudgedRow[] = [];
    const records = packs.filter((pack): pack is EventTextFilterRecord => !!pack);
    for (const row of await rowsOfRecords(this.database, records, needle)) {
      const edge = edgeOf(side, row);
      if (side.before(edge, origin)) {
        if (straddles(side, row, origin)) straddling?.push(judged(caseId, side, row, needle));
      } else if (!side.before(end, edge)) fresh.push(judged(caseId, side, row, needle));
    }
    if (fresh.length === 0) return;
    const order = side.forward ? 1 : -1;
    this.rows = this.rows.concat(fresh).sort((a, b) => (a.key[1] - b.key[1] || a.key[2] - b.key[2]) * order);
  }
}

/** A row begun before the origin (forward) or ending after it (backward) that reaches across it. */
function straddles(side: Direction, row: FilteredRow, origin: number): boolean {
  return side.forward ? row.lastTs >= origin : row.start <= origin;
}

function judged(caseId: string, side: Direction, row: FilteredRow, needle: string): JudgedRow {
  const primaryKey: Key = [caseId, row.start, row.firstSeq];
  const key: Key = side.forward ? primaryKey : [caseId, row.lastTs, row.firstSeq];
  return judge({ key, primaryKey }, row, needle);
}
