// The trigram filters a free-text page asks, read record by record as the page moves through the case. A record
// speaks for one row or for a pack of rows (event-text.ts), keyed by its first row's key, so the row a text key names
// is found by reading the records of a key range: every record begun up to TEXT_ROW_SPAN_MS before the row. The
// reader remembers which range of record keys it has read, so moving on reads only records not read yet.
import { textFilterPackRange, type EventTextFilterRecord, type RowFilter } from '../db/event-text';
import { rowsOfRecords } from './text-filter-rows';
import type { TokentrailDatabase } from '../db/schema';

type Key = [string, number, number];

const compareKeys = (a: Key, b: Key) => a[1] - b[1] || a[2] - b[2];

export class TextFilterReader {
  private readonly filters = new Map<number, RowFilter>();
  /** Every record with a key in [low, high] has been read; nothing yet while undefined. */
  private low: Key | undefined;
  private high: Key | undefined;

  constructor(
    private readonly database: TokentrailDatabase,
    private readonly caseId: string,
    /** Packs whose own filter lets it through have their rows' filters read too (text-filter-rows.ts). */
    private readonly needle: string,
  ) {}

  /** What the filters say of the row that begins with event `firstSeq`; undefined: no record (read the row). */
  filterOf(firstSeq: number): RowFilter | undefined {
    return this.filters.get(firstSeq);
  }

  /** Reads every record not read yet that may speak for rows begun in [first, last] (in one or two requests). */
  async cover(first: number, last: number): Promise<void> {
    const [lower, upper] = textFilterPackRange(this.caseId, first, last);
    const { low, high } = this;
    if (!low || !high) {
      await this.read(lower, upper, true, true);
      this.low = lower;
      this.high = upper;
      return;
    }
    const reads: Promise<void>[] = [];
    if (compareKeys(lower, low) < 0) reads.push(this.read(lower, low, true, false));
    if (compareKeys(upper, high) > 0) reads.push(this.read(high, upper, false, true));
    await Promise.all(reads);
    if (compareKeys(lower, low) < 0) this.low = lower;
    if (compareKeys(upper, high) > 0) this.high = upper;
  }

  /**
   * Reads up to `limit` records following those read (or, before any, from those that may speak for rows begun at
   * `from`), up to rows begun at `until`: a forward page asks this beside its read of text keys, so the two requests
   * overlap and cover() then rarely has anything left to read.
   */
  async readAhead(from: number, until: number, limit: number): Promise<void> {
    const [start, end] = textFilterPackRange(this.caseId, from, until);
    const lower = this.high ?? start;
    if (compareKeys(lower, end) >= 0) return;
    const records = await this.database.eventTextFilters
      .where('[caseId+start+firstSeq]')
      .between(lower, end, !this.high, true)
      .limit(limit)
      .toArray();
    await this.remember(records);
    this.low ??= start;
    const last = records.at(-1);
    this.high = records.length < limit || !last ? end : [this.caseId, last.start, last.firstSeq];
  }

  private async read(lower: Key, upper: Key, includeLower: boolean, includeUpper: boolean): Promise<void> {
    await this.remember(
      await this.database.eventTextFilters
        .where('[caseId+start+firstSeq]')
        .between(lower, upper, includeLower, includeUpper)
        .toArray(),
    );
  }

  private async remember(records: readonly EventTextFilterRecord[]): Promise<void> {
    for (const row of await rowsOfRecords(this.database, records, this.needle)) this.filters.set(row.firstSeq, row);
  }
}
