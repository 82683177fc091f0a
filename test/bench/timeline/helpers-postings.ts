// Covering postings for the identifier facets, for the store-designs benchmark (bundled into its page): per value of
// subject, session, token and IP, the packed list of its events' (time, block, offset) plus the columns the timeline
// list shows (renderer/timeline/TimelineList.tsx), so a page of one value is read from its posting rows without
// opening a block. Entries are buffered as the blocks are written and flushed together every PACK_BLOCKS blocks
// (65 536 events in blocks of 256): one row per value seen since the last flush (split past MAX_ENTRIES), about 0.1
// row per event in the generated log, against ~10 index entries per event in today's schema. The app would re-index
// the blocks past the last flush when a case opens after a crash; the benchmark flushes at the end.
// With `buckets` > 0, the values of a facet share rows by a hash of the value (a row per bucket and flush, each entry
// naming its value): far fewer rows for values with a few entries a flush (sessions here), at the price of a page
// reading its bucket-mates' entries too. Writing a row costs ~0.2 ms whatever its size, so the row count is the cost.
import { eventSummary, type AuthEvent } from '../../../core/sources';
import { facetValues, shownSubject, type EventFacet } from '../../../core/timeline';
import { fnv1a } from '../../../core/util/bloom';
import type { PackedBlockDatabase } from './helpers-summary-packs';

/** The facets with too many values for a count per block: each gets postings. */
export const POSTED: readonly EventFacet[] = ['subject', 'session', 'token', 'ip'];
/** Entries per posting row at most, so a frequent value's row stays a few hundred KB. */
const MAX_ENTRIES = 2048;

/** What a timeline row shows besides its time. */
const COLUMNS = ['kind', 'subject', 'ip', 'country', 'session', 'source', 'summary'] as const;
export type ListColumn = (typeof COLUMNS)[number];

/** A stored posting row: one value's entries of one flush (or a part of them), in time order, column by column. */
export interface PostingRow {
  readonly caseId: string;
  readonly facet: EventFacet;
  readonly value: string;
  /** The time of the row's last entry: a page from time T starts at the first row whose lastTs ≥ T (keyset). */
  readonly lastTs: number;
  readonly flush: number;
  readonly part: number;
  readonly ts: Float64Array;
  readonly block: Uint32Array;
  readonly offset: Uint16Array;
  readonly columns: Readonly<Record<ListColumn, readonly string[]>>;
  /** In a bucket row (its `value` is the bucket's key), the value of each entry. */
  readonly values?: readonly string[];
}

/** One event of a posting page: where it is stored and what its timeline row shows. */
export interface PostingEntry {
  readonly ts: number;
  readonly block: number;
  readonly offset: number;
  readonly columns: Readonly<Record<ListColumn, string>>;
}

/** The timeline row's columns of an event (what the page shows without opening its block). */
export function listColumns(event: AuthEvent): Record<ListColumn, string> {
  const { line, index } = event.source;
  return {
    kind: event.kind,
    subject: shownSubject(event)?.subject ?? '',
    ip: event.ip ?? '',
    country: event.geo?.country ?? '',
    session: event.sessionId ?? '',
    source: `${event.source.file}:${line ?? index ?? ''}`,
    summary: eventSummary(event),
  };
}

interface ListBuilder {
  readonly values: string[];
  readonly ts: number[];
  readonly block: number[];
  readonly offset: number[];
  readonly columns: Record<ListColumn, string[]>;
}

const emptyBuilder = (): ListBuilder => ({
  values: [],
  ts: [],
  block: [],
  offset: [],
  columns: Object.fromEntries(COLUMNS.map((column) => [column, []])) as unknown as Record<ListColumn, string[]>,
});

/** The postings of the blocks written since the last flush, in memory (the ingest worker's buffer). */
export class PostingBuffer {
  private lists = new Map<EventFacet, Map<string, ListBuilder>>();

  constructor(
    private readonly fileId: string,
    private readonly buckets = 0,
  ) {}

  /** Adds one block's events (in its stored, time-sorted order) under each of their posted values. */
  add(block: number, events: readonly AuthEvent[]): void {
    events.forEach((event, offset) => {
      const columns = listColumns(event);
      for (const facet of POSTED) {
        let perValue = this.lists.get(facet);
        if (!perValue) this.lists.set(facet, (perValue = new Map()));
        // A value listed twice for one event (a record's subject and its token's) is posted once.
        for (const value of new Set(facetValues(event, this.fileId, facet))) {
          const key = rowValue(value, this.buckets);
          let list = perValue.get(key);
          if (!list) perValue.set(key, (list = emptyBuilder()));
          if (this.buckets > 0) list.values.push(value);
          list.ts.push(event.ts ?? 0);
          list.block.push(block);
          list.offset.push(offset);
          for (const column of COLUMNS) list.columns[column].push(columns[column]);
        }
      }
    });
  }

  /** The rows to write for everything buffered, which is then let go. */
  take(caseId: string, flush: number): PostingRow[] {
    const rows: PostingRow[] = [];
    for (const [facet, perValue] of this.lists)
      for (const [value, list] of perValue)
        for (let first = 0, part = 0; first < list.ts.length; first += MAX_ENTRIES, part += 1) {
          const end = Math.min(first + MAX_ENTRIES, list.ts.length);
          rows.push({
            ...{ caseId, facet, value, lastTs: list.ts[end - 1]!, flush, part },
            ts: Float64Array.from(list.ts.slice(first, end)),
            block: Uint32Array.from(list.block.slice(first, end)),
            offset: Uint16Array.from(list.offset.slice(first, end)),
            columns: Object.fromEntries(
              COLUMNS.map((column) => [column, list.columns[column].slice(first, end)]),
            ) as unknown as Record<ListColumn, string[]>,
            ...(this.buckets > 0 ? { values: list.values.slice(first, end) } : {}),
          });
        }
    this.lists = new Map();
    return rows;
  }
}

/** The `value` of a value's rows: the value itself, or with buckets the key of its bucket (NUL: no value has it). */
function rowValue(value: string, buckets: number): string {
  return buckets > 0 ? `\u0000${fnv1a(value, 0, value.length) % buckets}` : value;
}

/** Rows read per request: a page of a rare value needs a few, and each request is a round trip. */
const ROWS_PER_READ = 2;

/**
 * A page of up to `limit` events of one facet value from time `from` on, read from its posting rows alone (keyset
 * on the rows' last times); and how many rows were read.
 */
export async function postingPage(
  database: PackedBlockDatabase,
  caseId: string,
  [facet, value]: [EventFacet, string],
  request: { readonly from: number; readonly limit: number },
  buckets = 0,
): Promise<{ entries: PostingEntry[]; rowsRead: number }> {
  const entries: PostingEntry[] = [];
  const key = rowValue(value, buckets);
  const upper = [caseId, facet, key, Infinity, Infinity, Infinity];
  let lower: unknown[] = [caseId, facet, key, request.from, -Infinity, -Infinity];
  let includeLower = true;
  let rowsRead = 0;
  while (entries.length < request.limit) {
    const rows = await database.postings
      .where('[caseId+facet+value+lastTs+flush+part]')
      .between(lower, upper, includeLower, true)
      .limit(ROWS_PER_READ)
      .toArray();
    rowsRead += rows.length;
    for (const row of rows)
      for (let index = 0; index < row.ts.length && entries.length < request.limit; index += 1) {
        if (row.ts[index]! < request.from || (row.values && row.values[index] !== value)) continue;
        const columns = Object.fromEntries(COLUMNS.map((column) => [column, row.columns[column][index]!]));
        entries.push({
          ts: row.ts[index]!,
          block: row.block[index]!,
          offset: row.offset[index]!,
          columns: columns as Record<ListColumn, string>,
        });
      }
    const last = rows.at(-1);
    if (rows.length < ROWS_PER_READ || !last) break;
    lower = [caseId, facet, key, last.lastTs, last.flush, last.part];
    includeLower = false;
  }
  return { entries, rowsRead };
}
