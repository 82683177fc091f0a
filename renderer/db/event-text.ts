// The free-text side of the timeline. Reading a stored event costs ~0.08 ms (the whole row is deserialized), so a
// free-text filter that tested rows one by one examined ~1 500 events in 0.13 s. Instead every ingest batch also
// writes its events' search text in packed rows of up to TEXT_ROW_ENTRIES events: one string and the events'
// (ts, seq) in time order. A page reads those rows, searches the strings, and reads only the matching events.
// Beside each row a small trigram filter (EventTextFilterRecord) says which needles the row certainly lacks, so a
// needle absent from most of the case is ruled out without reading its text.
import { trigramFilter } from '../../core/timeline';
import type { PendingEvent } from './event-rows';

/** The searchable text of an event and a filter's needle: core's (core/timeline), the same in the app and the CLI. */
export { searchText, textNeedle } from '../../core/timeline';

/** A row spans at most this much time, so the rows that straddle a position are found in a bounded key range. */
export const TEXT_ROW_SPAN_MS = 3_600_000;
/** Entries per row: rows of tens of KB stay under the size where Chromium moves an IndexedDB value into a blob file. */
export const TEXT_ROW_ENTRIES = 128;

/**
 * Search text of up to TEXT_ROW_ENTRIES events of one ingest, sorted by (ts, seq), spanning at most TEXT_ROW_SPAN_MS.
 * Keyed [caseId+start+firstSeq]; indexed [caseId+lastTs+firstSeq] (for the rows that straddle a position) and by
 * ingestId (for removing an ingest's rows).
 */
export interface EventTextRecord {
  readonly caseId: string;
  /** ts of the first entry. */
  readonly start: number;
  /** ts of the last entry. */
  readonly lastTs: number;
  /** seq of the first entry (unique: rows partition the case's events). */
  readonly firstSeq: number;
  readonly ingestId: string;
  readonly ts: Float64Array;
  readonly seq: Float64Array;
  /** Where each entry's text ends in `text` (exclusive); entries are separated by one NUL. */
  readonly ends: Uint32Array;
  readonly text: string;
}

/**
 * The trigram filters of text rows (core/timeline/trigram-filter.ts), keyed by the first row's key
 * [caseId+start+firstSeq] and indexed by ingestId and (packs only) [caseId+lastTs+firstSeq]. A filter never hides a
 * match, it only lets a row be skipped.
 *
 * Two forms. An ingest batch writes one record for several of its rows (`rows`: a pack of up to FILTER_PACK_ROWS
 * rows whose starts lie within TEXT_ROW_SPAN_MS of the first's), because reading a value costs ~60 µs here, and its
 * bytes ~50 ns each: a pack names its rows' keys, so a forward search of a case whose every row is in a pack reads
 * packs alone, not the rows' keys (text-pages.ts), and its `filter` is one filter of all its rows' text (~1 B per
 * event against ~8 for a filter per row: the rows of a log share most trigrams). Each row's own filter is in the
 * pack's EventTextRowFiltersRecord, read only for the packs whose filter lets a needle through. A record of one row
 * (`entries`, `filter`) is what schema v8 wrote and what the search still writes for a row stored before it
 * (text-pages.ts builds the record of a row it had to read); rows of cases ingested before v8, and of archives made
 * before it, have no record until then. Such cases are marked `textFiltersIncomplete` (records.ts).
 */
export interface EventTextFilterRecord {
  readonly caseId: string;
  /** Start of the first row. */
  readonly start: number;
  /** firstSeq of the first row. */
  readonly firstSeq: number;
  readonly ingestId: string;
  /** One row: its entries (events), counted as searched when the filter rules the row out. */
  readonly entries?: number;
  /**
   * One row: its filter; a pack: the filter of all its rows' text, which speaks for each of them until the rows' own
   * filters are read. Absent when a filter would not pay (MAX_FILTER_SHARE): a row without one is read.
   */
  readonly filter?: Uint8Array;
  /** Several rows of one batch. */
  readonly rows?: TextFilterPack;
  /** A pack: the latest lastTs of its rows (indexed, for the packs that straddle a position). */
  readonly lastTs?: number;
}

/** The rows of a filter pack, one element each, in order of start. */
export interface TextFilterPack {
  /** The rows' keys ([caseId, start, firstSeq]) and their last entries' ts. */
  readonly start: Float64Array;
  readonly lastTs: Float64Array;
  readonly firstSeq: Float64Array;
  readonly entries: Uint32Array;
}

/** The rows' own filters of a pack, under the pack's key [caseId+start+firstSeq]; indexed by ingestId. */
export interface EventTextRowFiltersRecord {
  readonly caseId: string;
  readonly start: number;
  readonly firstSeq: number;
  readonly ingestId: string;
  /** Where each row's filter ends in `filters` (exclusive), in the pack's row order: an empty one is no filter. */
  readonly ends: Uint32Array;
  readonly filters: Uint8Array;
}

/** What the filters say of one row: its entries, and its trigram filter when one pays. */
export interface RowFilter {
  readonly entries: number;
  readonly filter?: Uint8Array;
}

/** A row as a filter record names it: its key, its last entry's ts, and its filter. */
export interface FilteredRow extends RowFilter {
  readonly start: number;
  /** A one-row record (schema v8) does not say: the row's latest possible end, start + TEXT_ROW_SPAN_MS, stands in. */
  readonly lastTs: number;
  readonly firstSeq: number;
}

/** Rows per pack: ~2 000 events, ~16 KB of row filters, well under the size where Chromium moves a value into a blob file. */
export const FILTER_PACK_ROWS = 16;

/**
 * A filter is kept only when it is at most a quarter of the row's text: reading it instead of the text must pay. Rows
 * of mostly distinct strings (a different token on every line) have about one distinct trigram per character and
 * get a record without a filter; they are read.
 */
const MAX_FILTER_SHARE = 0.25;

function rowFilter(row: EventTextRecord): RowFilter {
  const filter = trigramFilter(row.text);
  return {
    entries: row.seq.length,
    ...(filter.length <= row.text.length * MAX_FILTER_SHARE ? { filter } : {}),
  };
}

/** The one-row filter record of a text row. */
export function textFilterRow(row: EventTextRecord): EventTextFilterRecord {
  return { caseId: row.caseId, start: row.start, firstSeq: row.firstSeq, ingestId: row.ingestId, ...rowFilter(row) };
}

/** A pack's filter and its rows' own filters: two records under one key (event-text.ts). */
export interface TextFilterPackRecords {
  readonly pack: EventTextFilterRecord;
  readonly rowFilters: EventTextRowFiltersRecord;
}

/**
 * The filter packs of a batch's text rows (as buildTextRows returns them: one ingest, in order of start): runs of
 * up to FILTER_PACK_ROWS rows begun within TEXT_ROW_SPAN_MS of the run's first, so the packs holding the rows begun
 * in a range of time are found by a bounded range of keys (textFilterPackRange).
 */
export function textFilterPacks(rows: readonly EventTextRecord[]): TextFilterPackRecords[] {
  const out: TextFilterPackRecords[] = [];
  for (let first = 0; first < rows.length;) {
    const head = rows[first]!;
    let end = first + 1;
    while (end < rows.length && end - first < FILTER_PACK_ROWS && rows[end]!.start - head.start < TEXT_ROW_SPAN_MS)
      end += 1;
    const packed = rows.slice(first, end);
    const members = packed.map(rowFilter);
    const ends = new Uint32Array(members.length);
    let length = 0;
    members.forEach((member, index) => {
      length += member.filter?.length ?? 0;
      ends[index] = length;
    });
    const filters = new Uint8Array(length);
    members.forEach((member, index) => filters.set(member.filter ?? [], ends[index]! - (member.filter?.length ?? 0)));
    const text = packed.map((row) => row.text).join(SEPARATOR);
    const filter = trigramFilter(text);
    const key = { caseId: head.caseId, start: head.start, firstSeq: head.firstSeq, ingestId: head.ingestId };
    out.push({
      pack: {
        ...key,
        lastTs: Math.max(...packed.map((row) => row.lastTs)),
        rows: {
          start: Float64Array.from(packed, (row) => row.start),
          lastTs: Float64Array.from(packed, (row) => row.lastTs),
          firstSeq: Float64Array.from(packed, (row) => row.firstSeq),
          entries: Uint32Array.from(members, (member) => member.entries),
        },
        ...(filter.length <= text.length * MAX_FILTER_SHARE ? { filter } : {}),
      },
      rowFilters: { ...key, ends, filters },
    });
    first = end;
  }
  return out;
}

/**
 * Every row a filter record speaks for, in order of start (firstSeq is unique in a case: rows partition its events),
 * each with the finest filter known: a pack's row's own filter when its `rowFilters` are given, else the pack's.
 */
export function* filteredRows(
  record: EventTextFilterRecord,
  rowFilters?: EventTextRowFiltersRecord,
): Generator<FilteredRow> {
  const pack = record.rows;
  if (!pack) {
    const { start, firstSeq, entries = 0, filter } = record;
    yield { start, lastTs: start + TEXT_ROW_SPAN_MS, firstSeq, entries, ...(filter ? { filter } : {}) };
    return;
  }
  for (let index = 0; index < pack.firstSeq.length; index += 1) {
    let filter = record.filter;
    if (rowFilters) {
      const from = index === 0 ? 0 : rowFilters.ends[index - 1]!;
      const to = rowFilters.ends[index]!;
      filter = to > from ? rowFilters.filters.subarray(from, to) : undefined;
    }
    yield {
      start: pack.start[index]!,
      lastTs: pack.lastTs[index]!,
      firstSeq: pack.firstSeq[index]!,
      entries: pack.entries[index]!,
      ...(filter ? { filter } : {}),
    };
  }
}

/**
 * The key range of the filter records that may speak for rows begun in [first, last] (a pack begins at most
 * TEXT_ROW_SPAN_MS before any of its rows).
 */
export function textFilterPackRange(
  caseId: string,
  first: number,
  last: number,
): [[string, number, number], [string, number, number]] {
  return [
    [caseId, first - TEXT_ROW_SPAN_MS, -Infinity],
    [caseId, last, Infinity],
  ];
}

/** An entry separator no needle contains (core's textNeedle strips NUL). */
const SEPARATOR = '\u0000';

/**
 * Where time-sorted entries are cut into rows: [first, end) index pairs of at most TEXT_ROW_ENTRIES entries each,
 * every row spanning less than TEXT_ROW_SPAN_MS from its first entry's time (`tsAt(index)`). The one rule for the
 * free-text rows and the event blocks (event-blocks.ts), so a block and its text row hold the same events.
 */
export function* timeRowBounds(count: number, tsAt: (index: number) => number): Generator<[number, number]> {
  for (let first = 0; first < count;) {
    const start = tsAt(first);
    let end = first + 1;
    while (end < count && end - first < TEXT_ROW_ENTRIES && tsAt(end) - start < TEXT_ROW_SPAN_MS) end += 1;
    yield [first, end];
    first = end;
  }
}

/**
 * Packs a batch's events (seq already stamped) and their search texts (same order) into rows. Runs inside the
 * batch's write transaction, so it is plain array work: a sort of the batch and one join per row.
 */
export function buildTextRows(
  caseId: string,
  ingestId: string,
  rows: readonly PendingEvent[],
  texts: readonly string[],
): EventTextRecord[] {
  const order = rows.map((_, index) => index).sort((a, b) => rows[a]!.ts - rows[b]!.ts || rows[a]!.seq - rows[b]!.seq);
  const out: EventTextRecord[] = [];
  for (const [first, end] of timeRowBounds(order.length, (index) => rows[order[index]!]!.ts)) {
    const members = order.slice(first, end);
    const ends = new Uint32Array(members.length);
    let length = 0;
    members.forEach((member, index) => {
      length += texts[member]!.length;
      ends[index] = length;
      length += SEPARATOR.length;
    });
    out.push({
      caseId,
      start: rows[members[0]!]!.ts,
      lastTs: rows[members.at(-1)!]!.ts,
      firstSeq: rows[members[0]!]!.seq,
      ingestId,
      ts: Float64Array.from(members, (member) => rows[member]!.ts),
      seq: Float64Array.from(members, (member) => rows[member]!.seq),
      ends,
      text: members.map((member) => texts[member]!).join(SEPARATOR),
    });
  }
  return out;
}

/** Indexes of the entries of a row whose text contains the needle, in row order (each entry once). */
export function matchingEntries(row: EventTextRecord, needle: string): number[] {
  const out: number[] = [];
  let entry = 0;
  for (let at = row.text.indexOf(needle); at >= 0;) {
    while (row.ends[entry]! <= at) entry += 1;
    out.push(entry);
    // The next match worth finding starts after this entry's separator.
    at = row.text.indexOf(needle, row.ends[entry]! + SEPARATOR.length);
  }
  return out;
}
