// One page of a free-text filter, served from the packed search-text rows (event-text.ts) instead of stored events.
//
// Rows of different ingests overlap in time, so matches are merged: forward, rows are read in order of their first
// time (`start`), and a match is final once no unread row can hold an earlier event, i.e. once its time is before
// the next unread row's start. Backward mirrors it on `lastTs`. A row spans less than TEXT_ROW_SPAN_MS, so the rows
// that straddle the page's starting point (begun before it, ending after it) are one bounded index range.
//
// Rows come from a RowSource (text-row-source.ts), judged by their trigram filters before any text is read: from the
// filter packs alone (text-pack-source.ts: one value per ~2 000 events, whose filter of all their text rules most of
// a case out at ~1 B per event), or, for cases with rows from before schema v9, from the rows' keys and the filter
// records of their range (text-key-source.ts). A row the filters rule out is not read at all; a row without a filter
// (too varied for one to pay) is read; so is a row without a filter record (stored before schema v8), whose record
// the search then writes.
import type { StoredEvent } from '../db/event-records';
import {
  matchingEntries,
  textFilterRow,
  textNeedle,
  type EventTextFilterRecord,
  type EventTextRecord,
} from '../db/event-text';
import type { TokentrailDatabase } from '../db/schema';
import { filterPredicate, type TimelineFilter } from './timeline-filter';
import { lastCursor, takeEvents } from './page-events';
import { budgetSpent, type PageRequest, type PageResult } from './page-request';
import { TextKeySource } from './text-key-source';
import { TextPackSource } from './text-pack-source';
import { BACKWARD, FORWARD, type Direction, type JudgedRow, type RowSource } from './text-row-source';

/** Text rows read at once: ~1 000 events' text, a few ms of reading, so the page's time budget is kept closely. */
const ROWS_PER_READ = 8;

interface Match {
  readonly ts: number;
  readonly seq: number;
}

/**
 * The texts of the rows to read of a batch. When the batch is a run of consecutive rows in the direction's index
 * (`side` given) and all of them are to be read (a common needle, or rows without filters) the run is one range read, one request, instead of a
 * request per row; otherwise only the rows the filters let through are fetched by key. Order is not kept: matches
 * are sorted after.
 */
function readTexts(
  database: TokentrailDatabase,
  side: Direction | undefined,
  batch: readonly JudgedRow[],
  reads: readonly JudgedRow[],
): Promise<(EventTextRecord | undefined)[]> {
  if (!side || reads.length < 2 || reads.length < batch.length)
    return database.eventText.bulkGet(reads.map(({ primaryKey }) => primaryKey));
  const [first, last] = side === FORWARD ? [batch[0]!, batch.at(-1)!] : [batch.at(-1)!, batch[0]!];
  return database.eventText.where(side.index).between(first.key, last.key, true, true).toArray();
}

/**
 * How many of the source's rows to search next: up to the ROWS_PER_READ-th row whose text must be read (rows the
 * filters ruled out cost nothing more), among the rows before the horizon (those after it may still be preceded by
 * rows not read yet).
 */
function nextBatch(source: RowSource, side: Direction): number {
  let reads = 0;
  for (let index = 0; index < source.rows.length; index += 1) {
    if (!side.before(source.rows[index]!.key[1], source.horizon)) return index;
    if (source.rows[index]!.read) reads += 1;
    if (reads === ROWS_PER_READ) return index + 1;
  }
  return source.rows.length;
}

/**
 * A page of the free-text filter (any facets are tested on the matching events), in reading order: queryPage turns a
 * backward page into time order. Call inside a read transaction. `packed`: every text row of the case is in a filter
 * pack (the case is not marked `textFiltersIncomplete`), so a page reads the packs alone. The filter records
 * of rows that had none (stored before schema v8) are built from the text read and added to `unrecorded`, for the
 * caller to write after the page.
 */
export async function textPage(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  request: PageRequest,
  { packed, unrecorded }: { packed: boolean; unrecorded: EventTextFilterRecord[] },
): Promise<PageResult> {
  const forward = request.direction === 'forward';
  const side = forward ? FORWARD : BACKWARD;
  const needle = textNeedle(filter.text);
  const test = filterPredicate(filter);
  const started = performance.now();
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const cursor = request.from;
  // Where reading starts, in the direction's own order.
  const origin = forward ? Math.max(from, cursor?.ts ?? -Infinity) : Math.min(to, cursor?.ts ?? Infinity);
  const range = { caseId, needle, origin, end: forward ? to : from };
  const source: RowSource = packed
    ? new TextPackSource(database, side, range)
    : new TextKeySource(database, side, range);
  const inRange = (ts: number, seq: number) => {
    if (ts < from || ts > to) return false;
    if (!cursor) return true;
    const order = ts - cursor.ts || seq - cursor.seq;
    return forward
      ? order > 0 || (order === 0 && !!request.inclusive)
      : order < 0 || (order === 0 && !!request.inclusive);
  };
  let pending: Match[] = [];
  let scanned = 0;
  /** `run`: the batch is consecutive rows of the direction's index (not the straddling rows, picked from a range). */
  const search = async (batch: readonly JudgedRow[], run: boolean) => {
    const reads = batch.filter((row) => row.read);
    for (const row of batch) scanned += row.entries;
    if (reads.length === 0) return;
    const unrecordedSeqs = new Set(reads.filter((row) => row.unrecorded).map((row) => row.key[2]));
    for (const row of await readTexts(database, run ? side : undefined, batch, reads)) {
      // A row removed with its ingest since its key was read is skipped.
      if (!row) continue;
      if (unrecordedSeqs.has(row.firstSeq)) unrecorded.push(textFilterRow(row));
      scanned += row.ts.length;
      for (const entry of matchingEntries(row, needle)) {
        const ts = row.ts[entry]!;
        const seq = row.seq[entry]!;
        if (inRange(ts, seq)) pending.push({ ts, seq });
      }
    }
  };

  await search(await source.straddling(), false);
  const rows: StoredEvent[] = [];
  for (;;) {
    // Rows to search next, and the horizon that bounds the matches that are final.
    let size = nextBatch(source, side);
    while (size === 0 && !source.exhausted) {
      await source.more();
      size = nextBatch(source, side);
    }
    const batch = source.rows.slice(0, size);
    source.rows.splice(0, size);
    await search(batch, true);
    const next = source.rows[0];
    const exhausted = !next && source.exhausted;
    // Both indexes hold the row's edge second: its start forward, its lastTs backward.
    const edge = next && side.before(next.key[1], source.horizon) ? next.key[1] : source.horizon;
    const final = pending.filter((match) => side.before(match.ts, edge));
    pending = pending.filter((match) => !side.before(match.ts, edge));
    final.sort((a, b) => (a.ts - b.ts || a.seq - b.seq) * (forward ? 1 : -1));
    // A common word matches thousands in one read of rows: takeEvents reads only what the page lacks. The test
    // re-checks the text on the event itself.
    const full = await takeEvents(
      database,
      caseId,
      final.map((match) => match.seq),
      test,
      rows,
      request.limit,
    );
    if (full) return { rows, resume: lastCursor(rows), exhausted: false, scanned };
    if (exhausted) return { rows, resume: lastCursor(rows), exhausted: true, scanned };
    // Everything before the next row's edge is searched: a partial page resumes there (when that is progress).
    if (budgetSpent(request, started, scanned) && side.before(origin, edge))
      return { rows, resume: { ts: edge, seq: forward ? -Infinity : Infinity }, exhausted: false, scanned };
  }
}
