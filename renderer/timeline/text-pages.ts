// One page of a free-text filter, served from the packed search-text rows (event-text.ts) instead of stored events.
//
// Rows of different ingests overlap in time, so matches are merged: forward, rows are read in order of their first
// time (`start`), and a match is final once no unread row can hold an earlier event, i.e. once its time is before
// the next unread row's start. Backward mirrors it on `lastTs`. A row spans less than TEXT_ROW_SPAN_MS, so the rows
// that straddle the page's starting point (begun before it, ending after it) are one bounded index range.
//
// Rows are found by their keys first, and each row's trigram filter (EventTextFilterRecord) is read before its text:
// a row the filter rules out is not read at all, so a needle absent from most of the case costs a key and ~1 KB of
// filter per 128 events instead of their ~35 KB of text. A row without a filter (too varied for one to pay) is read;
// so is a row without a filter record (stored before schema v8), whose record the search then writes.
import type { StoredEvent } from '../db/event-records';
import { mayContainText } from '../../core/timeline';
import {
  TEXT_ROW_SPAN_MS,
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

/**
 * Rows whose keys (and filters) are read at once, the first time and at most. An IndexedDB request costs ~4 ms here
 * whatever it returns, so ruling out is fast only in large reads: forward, one getAllKeys of the text rows' keys and
 * one getAll of their filters (~1 KB each), up to 512 rows; backward the keys come from a key cursor (IndexedDB has
 * no reverse getAll), slower per row, so fewer at a time. A page starts with a small read (a common needle fills it
 * from the first rows) and doubles it with every further read.
 */
const FIRST_KEYS_PER_READ = 64;
const FORWARD_KEYS_PER_READ = 512;
const BACKWARD_KEYS_PER_READ = 128;
/** Text rows read at once: ~1 000 events' text, a few ms of reading, so the page's time budget is kept closely. */
const ROWS_PER_READ = 8;

type Key = [string, number, number];

/**
 * A text row known by its keys: `key` in the direction's index ([caseId, edge, firstSeq]) and its primary key. The
 * straddling rows, picked from a range rather than read as a run, carry their primary key as `key` (firstSeq is the
 * third element either way).
 */
interface RowKeys {
  readonly key: Key;
  readonly primaryKey: Key;
}

/** A row after its filter was asked: `read` when it may hold the needle (or has no filter). */
interface JudgedRow extends RowKeys {
  readonly read: boolean;
  /** Entries of a row ruled out (counted as searched). */
  readonly entries: number;
  /** The row has no filter record yet (stored before schema v8): the search writes it once the text is read. */
  readonly unrecorded: boolean;
}

interface Direction {
  readonly index: string;
  readonly keysPerRead: number;
  /** True when `ts` comes before `edge` in reading order. */
  before(ts: number, edge: number): boolean;
  /** The rows begun on the far side of `at` that reach it, from their primary keys. */
  straddles(primaryKey: Key, at: number): boolean;
  /** firstSeq that opens the straddling range at `at`: backward, rows ending at `at` are the main read's. */
  readonly straddleFloor: number;
}

const FORWARD: Direction = {
  index: '[caseId+start+firstSeq]',
  keysPerRead: FORWARD_KEYS_PER_READ,
  before: (ts, edge) => ts < edge,
  straddles: ([, start], at) => start < at,
  straddleFloor: -Infinity,
};

const BACKWARD: Direction = {
  index: '[caseId+lastTs+firstSeq]',
  keysPerRead: BACKWARD_KEYS_PER_READ,
  before: (ts, edge) => ts > edge,
  straddles: ([, start], at) => start <= at,
  straddleFloor: Infinity,
};

interface Match {
  readonly ts: number;
  readonly seq: number;
}

/** A needle under three characters cannot be ruled out: every row is read without asking the filters. */
const filterable = (needle: string) => needle.length >= 3;

function judged(row: RowKeys, record: EventTextFilterRecord | undefined, needle: string): JudgedRow {
  if (!filterable(needle)) return { ...row, read: true, entries: 0, unrecorded: false };
  const read = !record?.filter || mayContainText(record.filter, needle);
  return { ...row, read, entries: read ? 0 : record!.entries, unrecorded: !record };
}

/** Asks the filters of rows known by their primary keys (one bulkGet). */
async function judgeRows(database: TokentrailDatabase, rows: readonly RowKeys[], needle: string): Promise<JudgedRow[]> {
  const filters = filterable(needle)
    ? await database.eventTextFilters.bulkGet(rows.map(({ primaryKey }) => primaryKey))
    : [];
  return rows.map((row, index) => judged(row, filters[index], needle));
}

/**
 * The next rows in reading order within `bound` (after `after`, exclusive), judged by their filters: forward the keys
 * and the filters of the same key range are read side by side (a row's filter has the row's key; rows without one are
 * simply absent from the second read), backward the keys come from a cursor and the filters from a bulkGet.
 */
async function nextRows(
  database: TokentrailDatabase,
  side: Direction,
  bound: [Key, Key],
  after: Key | undefined,
  needle: string,
  limit: number,
): Promise<JudgedRow[]> {
  const forward = side === FORWARD;
  const [lower, upper] = after ? (forward ? [after, bound[1]] : [bound[0], after]) : bound;
  const lowerOpen = forward && !!after;
  const upperOpen = !forward && !!after;
  if (forward) {
    const [keys, filters] = await Promise.all([
      database.eventText
        .where(side.index)
        .between(lower, upper, !lowerOpen, !upperOpen)
        .limit(limit)
        .primaryKeys() as Promise<Key[]>,
      filterable(needle)
        ? database.eventTextFilters
            .where(side.index)
            .between(lower, upper, !lowerOpen, !upperOpen)
            .limit(limit)
            .toArray()
        : [],
    ]);
    const byFirstSeq = new Map(filters.map((filter) => [filter.firstSeq, filter]));
    return keys.map((key) => judged({ key, primaryKey: key }, byFirstSeq.get(key[2]), needle));
  }
  const rows: RowKeys[] = [];
  await database.eventText
    .where(side.index)
    .between(lower, upper, !lowerOpen, !upperOpen)
    .reverse()
    .limit(limit)
    .eachPrimaryKey((primaryKey, cursor) => rows.push({ key: cursor.key as Key, primaryKey: primaryKey as Key }));
  return judgeRows(database, rows, needle);
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
 * How many of the buffered rows to search next: up to the ROWS_PER_READ-th row whose text must be read (rows the
 * filters ruled out cost nothing more), keeping one row back while more keys are to come: its edge bounds the
 * matches that are final.
 */
function nextBatch(rows: readonly JudgedRow[], more: boolean): number {
  const usable = more ? rows.length - 1 : rows.length;
  let reads = 0;
  for (let index = 0; index < usable; index += 1) {
    if (rows[index]!.read) reads += 1;
    if (reads === ROWS_PER_READ) return index + 1;
  }
  return usable;
}

/**
 * A page of the free-text filter (any facets are tested on the matching events), in reading order: queryPage turns a
 * backward page into time order. Call inside a read transaction. The filter records of rows that had none (stored
 * before schema v8) are built from the text read and added to `unrecorded`, for the caller to write after the page.
 */
export async function textPage(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  request: PageRequest,
  unrecorded: EventTextFilterRecord[] = [],
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

  if (Number.isFinite(origin)) {
    const range: [Key, Key] = [
      [caseId, origin, side.straddleFloor],
      [caseId, origin + TEXT_ROW_SPAN_MS, Infinity],
    ];
    const keys = (await database.eventText
      .where('[caseId+lastTs+firstSeq]')
      .between(...range, true, true)
      .primaryKeys()) as Key[];
    const straddling = keys.filter((key) => side.straddles(key, origin));
    await search(
      await judgeRows(
        database,
        straddling.map((primaryKey) => ({ key: primaryKey, primaryKey })),
        needle,
      ),
      false,
    );
  }

  const rows: StoredEvent[] = [];
  const bound: [Key, Key] = forward
    ? [
        [caseId, origin, -Infinity],
        [caseId, to, Infinity],
      ]
    : [
        [caseId, from, -Infinity],
        [caseId, origin, Infinity],
      ];
  let keys: JudgedRow[] = [];
  /** The last row whose keys were read: the next read starts after it. */
  let readThrough: Key | undefined;
  let keysExhausted = false;
  let keysPerRead = FIRST_KEYS_PER_READ;
  for (;;) {
    // Keys (and filters' verdicts) of the rows to search next, and of the row after them, whose edge bounds the
    // matches that are final.
    if (keys.length <= 1 && !keysExhausted) {
      const fresh = await nextRows(database, side, bound, readThrough, needle, keysPerRead);
      keysExhausted = fresh.length < keysPerRead;
      keysPerRead = Math.min(keysPerRead * 2, side.keysPerRead);
      readThrough = fresh.at(-1)?.key ?? readThrough;
      keys = keys.concat(fresh);
    }
    const batch = keys.slice(0, nextBatch(keys, !keysExhausted));
    keys = keys.slice(batch.length);
    await search(batch, true);
    const next = keys[0];
    const exhausted = !next && keysExhausted;
    // Both indexes hold the row's edge second: its start forward, its lastTs backward.
    const edge = next ? next.key[1] : forward ? Infinity : -Infinity;
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
    if (next && budgetSpent(request, started, scanned) && side.before(origin, edge))
      return { rows, resume: { ts: edge, seq: forward ? -Infinity : Infinity }, exhausted: false, scanned };
  }
}
