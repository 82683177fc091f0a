// Text rows found by their keys (text-row-source.ts): the keys come from the text rows' own indexes, and each row's
// filter from the filter records of the same range of time (text-filter-reader.ts). The pages of a case whose rows
// may lack a pack (`textFiltersIncomplete`: events from before schema v9) read this way; others read the packs alone
// (text-pack-source.ts). A row without any filter record (stored before v8) is read, and the search writes its record.
import { TEXT_ROW_SPAN_MS, FILTER_PACK_ROWS } from '../db/event-text';
import type { TokentrailDatabase } from '../db/schema';
import { TextFilterReader } from './text-filter-reader';
import {
  FORWARD,
  filterable,
  judge,
  readBounds,
  straddlingKeys,
  type Direction,
  type JudgedRow,
  type Key,
  type RowKeys,
  type RowRange,
  type RowSource,
} from './text-row-source';

/**
 * Rows whose keys (and filters) are read at once, the first time and at most. An IndexedDB request costs ~4 ms here
 * whatever it returns, so ruling out is fast only in large reads: forward, one getAllKeys of the text rows' keys and
 * beside it one getAll of the filter records that follow those read (~16 rows' filters each), up to 512 rows;
 * backward the keys come from a key cursor (IndexedDB has no reverse getAll), slower per row, so fewer at a time. A
 * page starts with a small read (a common needle fills it from the first rows) and doubles it with every further read.
 */
const FIRST_KEYS_PER_READ = 64;
const FORWARD_KEYS_PER_READ = 512;
const BACKWARD_KEYS_PER_READ = 128;

export class TextKeySource implements RowSource {
  rows: JudgedRow[] = [];
  horizon: number;
  exhausted = false;
  private readonly filters: TextFilterReader;
  /** The last row whose keys were read: the next read starts after it. */
  private readThrough: Key | undefined;
  private keysPerRead = FIRST_KEYS_PER_READ;

  constructor(
    private readonly database: TokentrailDatabase,
    private readonly side: Direction,
    private readonly range: RowRange,
  ) {
    this.filters = new TextFilterReader(database, range.caseId, range.needle);
    this.horizon = range.origin;
  }

  async straddling(): Promise<JudgedRow[]> {
    const keys = await straddlingKeys(this.database.eventText, this.side, this.range, TEXT_ROW_SPAN_MS);
    return this.judgeRows(keys.map((primaryKey) => ({ key: primaryKey, primaryKey })));
  }

  async more(): Promise<void> {
    const limit = this.keysPerRead;
    const fresh = await this.nextRows(limit);
    this.keysPerRead = Math.min(limit * 2, this.side.forward ? FORWARD_KEYS_PER_READ : BACKWARD_KEYS_PER_READ);
    this.exhausted = fresh.length < limit;
    this.readThrough = fresh.at(-1)?.key ?? this.readThrough;
    this.rows = this.rows.concat(fresh);
    // Rows are read in the index's order: every row whose edge precedes the last one read is in hand.
    this.horizon = this.exhausted ? this.side.beyond : fresh.at(-1)!.key[1];
  }

  /** Asks the filters of rows known by their primary keys, reading the filter records not read yet. */
  private async judgeRows(rows: readonly RowKeys[]): Promise<JudgedRow[]> {
    const { needle } = this.range;
    if (filterable(needle) && rows.length > 0) {
      const starts = rows.map(({ primaryKey }) => primaryKey[1]);
      await this.filters.cover(Math.min(...starts), Math.max(...starts));
    }
    return rows.map((row) => judge(row, this.filters.filterOf(row.primaryKey[2]), needle));
  }

  /**
   * The next rows in reading order (after the last read, exclusive), judged by their filters: forward the keys and the
   * filter records that follow those read are read side by side, backward the keys come from a cursor and then the
   * records of their range.
   */
  private async nextRows(limit: number): Promise<JudgedRow[]> {
    const { side, readThrough: after } = this;
    const forward = side === FORWARD;
    const { lower, upper, includeLower, includeUpper } = readBounds(side, this.range, after);
    const range = this.database.eventText.where(side.index).between(lower, upper, includeLower, includeUpper);
    if (forward) {
      const [keys] = await Promise.all([
        range.limit(limit).primaryKeys() as Promise<Key[]>,
        filterable(this.range.needle)
          ? this.filters.readAhead(lower[1], upper[1], Math.ceil((2 * limit) / FILTER_PACK_ROWS))
          : undefined,
      ]);
      return this.judgeRows(keys.map((key) => ({ key, primaryKey: key })));
    }
    const rows: RowKeys[] = [];
    await range
      .reverse()
      .limit(limit)
      .eachPrimaryKey((primaryKey, cursor) => rows.push({ key: cursor.key as Key, primaryKey: primaryKey as Key }));
    return this.judgeRows(rows);
  }
}
