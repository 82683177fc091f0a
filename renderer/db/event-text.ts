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
 * The trigram filter of one text row (core/timeline/trigram-filter.ts), under the row's own key [caseId+start+firstSeq]
 * so one range read returns the filters of the rows a range of text keys names; indexed by ingestId. A filter never
 * hides a match, it only lets a row be skipped. Rows of cases ingested before schema v8 (and of archives made before
 * it) have no record until a search reads them (text-pages.ts writes the records of the rows it had to read).
 */
export interface EventTextFilterRecord {
  readonly caseId: string;
  readonly start: number;
  readonly firstSeq: number;
  readonly ingestId: string;
  /** Entries (events) of the row, counted as searched when the filter rules the row out. */
  readonly entries: number;
  /** Absent when a filter would not pay (MAX_FILTER_SHARE): the row is always read. */
  readonly filter?: Uint8Array;
}

/**
 * A filter is kept only when it is at most a quarter of the row's text: reading it instead of the text must pay. Rows
 * of mostly distinct strings (a different token on every line) have about one distinct trigram per character and
 * get a record without a filter; they are read.
 */
const MAX_FILTER_SHARE = 0.25;

/** The filter record of a text row. */
export function textFilterRow(row: EventTextRecord): EventTextFilterRecord {
  const filter = trigramFilter(row.text);
  return {
    caseId: row.caseId,
    start: row.start,
    firstSeq: row.firstSeq,
    ingestId: row.ingestId,
    entries: row.seq.length,
    ...(filter.length <= row.text.length * MAX_FILTER_SHARE ? { filter } : {}),
  };
}

/** An entry separator no needle contains (core's textNeedle strips NUL). */
const SEPARATOR = '\u0000';

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
  for (let first = 0; first < order.length;) {
    const start = rows[order[first]!]!.ts;
    let end = first + 1;
    while (end < order.length && end - first < TEXT_ROW_ENTRIES && rows[order[end]!]!.ts - start < TEXT_ROW_SPAN_MS)
      end += 1;
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
      start,
      lastTs: rows[members.at(-1)!]!.ts,
      firstSeq: rows[members[0]!]!.seq,
      ingestId,
      ts: Float64Array.from(members, (member) => rows[member]!.ts),
      seq: Float64Array.from(members, (member) => rows[member]!.seq),
      ends,
      text: members.map((member) => texts[member]!).join(SEPARATOR),
    });
    first = end;
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
