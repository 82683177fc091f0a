// Text rows found from the filter packs alone (text-row-source.ts), for a forward page of a case whose every text row
// is in a pack (event-text.ts; cases without `textFiltersIncomplete`). A pack names its rows' keys, their last times
// and their filters, so one value read speaks for ~16 rows (~2 000 events) and the rows' keys are not read at all:
// IndexedDB decodes a compound key at ~30 µs here, as much as a pack of filters per 16 rows.
//
// Packs are read in order of their first row's start. A row begins at most TEXT_ROW_SPAN_MS after its pack, so once
// the packs begun before a time are read, so are the rows begun before it: that time is the horizon. The rows that
// straddle the origin (begun before it, reaching it) are in packs begun before it whose latest time reaches it,
// found by the packs' [caseId+lastTs+firstSeq] index.
import { TEXT_ROW_SPAN_MS, type EventTextFilterRecord } from '../db/event-text';
import { rowsOfRecords } from './text-filter-rows';
import type { TokentrailDatabase } from '../db/schema';
import { judge, type JudgedRow, type Key, type RowRange, type RowSource } from './text-row-source';

/** Packs read at once: the first read is small (a common needle fills a page from its first rows), then doubling. */
const FIRST_PACKS_PER_READ = 4;
const PACKS_PER_READ = 64;

const byKey = (a: JudgedRow, b: JudgedRow) => a.key[1] - b.key[1] || a.key[2] - b.key[2];

export class TextPackSource implements RowSource {
  rows: JudgedRow[] = [];
  horizon: number;
  exhausted = false;
  private readThrough: Key | undefined;
  private packsPerRead = FIRST_PACKS_PER_READ;

  constructor(
    private readonly database: TokentrailDatabase,
    private readonly range: RowRange,
  ) {
    this.horizon = range.origin;
  }

  async straddling(): Promise<JudgedRow[]> {
    const { caseId, origin } = this.range;
    if (!Number.isFinite(origin)) return [];
    // A pack's rows begin within TEXT_ROW_SPAN_MS of it and each spans less than that: a pack begun before the origin
    // that reaches it ends within twice that after it.
    const keys = (await this.database.eventTextFilters
      .where('[caseId+lastTs+firstSeq]')
      .between([caseId, origin, -Infinity], [caseId, origin + 2 * TEXT_ROW_SPAN_MS, Infinity], true, true)
      .primaryKeys()) as Key[];
    const packs = await this.database.eventTextFilters.bulkGet(keys.filter(([, start]) => start < origin));
    const straddling: JudgedRow[] = [];
    // Rows of those packs begun at or after the origin are the main read's (it starts with packs begun there).
    await this.take(packs, straddling);
    return straddling;
  }

  async more(): Promise<void> {
    const { caseId, origin, end } = this.range;
    const limit = this.packsPerRead;
    this.packsPerRead = Math.min(limit * 2, PACKS_PER_READ);
    const packs = await this.database.eventTextFilters
      .where('[caseId+start+firstSeq]')
      .between(this.readThrough ?? [caseId, origin, -Infinity], [caseId, end, Infinity], !this.readThrough, true)
      .limit(limit)
      .toArray();
    await this.take(packs);
    const last = packs.at(-1);
    this.exhausted = packs.length < limit;
    if (last) this.readThrough = [caseId, last.start, last.firstSeq];
    // Another pack may begin at the last one's start (a later firstSeq): only rows begun before it are all in hand.
    this.horizon = this.exhausted ? Infinity : last!.start;
  }

  /**
   * Judges the rows of `packs` within the page's range: those begun before the origin and reaching it go to
   * `straddling`, those begun from the origin to the range's end join `rows` in key order; the others are not the
   * page's.
   */
  private async take(packs: readonly (EventTextFilterRecord | undefined)[], straddling?: JudgedRow[]): Promise<void> {
    const { caseId, origin, end, needle } = this.range;
    const fresh: JudgedRow[] = [];
    const records = packs.filter((pack): pack is EventTextFilterRecord => !!pack);
    for (const row of await rowsOfRecords(this.database, records, needle)) {
      if (row.lastTs < origin || row.start > end) continue;
      const key: Key = [caseId, row.start, row.firstSeq];
      const judged = judge({ key, primaryKey: key }, row, needle);
      if (row.start < origin) straddling?.push(judged);
      else fresh.push(judged);
    }
    if (fresh.length > 0) this.rows = this.rows.concat(fresh).sort(byKey);
  }
}
