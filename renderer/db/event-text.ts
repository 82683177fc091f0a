// The free-text side of the timeline. Reading a stored event costs ~0.08 ms (the whole row is deserialized), so a
// free-text filter that tested rows one by one examined ~1 500 events in 0.13 s. Instead every ingest batch also
// writes its events' search text in packed rows of up to TEXT_ROW_ENTRIES events: one string and the events'
// (ts, seq) in time order. A page reads those rows, searches the strings, and reads only the matching events.
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
