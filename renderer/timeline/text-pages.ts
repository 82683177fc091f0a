// One page of a free-text filter, served from the packed search-text rows (event-text.ts) instead of stored events.
//
// Rows of different ingests overlap in time, so matches are merged: forward, rows are read in order of their first
// time (`start`), and a match is final once no unread row can hold an earlier event, i.e. once its time is before
// the next unread row's start. Backward mirrors it on `lastTs`. A row spans less than TEXT_ROW_SPAN_MS, so the rows
// that straddle the page's starting point (begun before it, ending after it) are one bounded index range.
import type { StoredEvent } from '../db/event-records';
import { TEXT_ROW_SPAN_MS, matchingEntries, textNeedle, type EventTextRecord } from '../db/event-text';
import type { TokentrailDatabase } from '../db/schema';
import { filterPredicate, type TimelineFilter } from './timeline-filter';
import { lastCursor, takeEvents } from './page-events';
import { budgetSpent, type PageRequest, type PageResult } from './page-request';

/** Text rows read at once: ~1 000 events' text, a few ms of reading, so the page's time budget is kept closely. */
const ROWS_PER_READ = 8;

type Key = [string, number, number];

interface Direction {
  readonly index: string;
  /** The row's key in `index`. */
  key(row: EventTextRecord): Key;
  /** The row's edge the reading order follows: no unread row holds an event beyond it. */
  edge(row: EventTextRecord): number;
  /** True when `ts` comes before `edge` in reading order. */
  before(ts: number, edge: number): boolean;
  /** The rows begun on the far side of `at` that reach it, from their primary keys. */
  straddles(primaryKey: Key, at: number): boolean;
  /** firstSeq that opens the straddling range at `at`: backward, rows ending at `at` are the main read's. */
  readonly straddleFloor: number;
}

const FORWARD: Direction = {
  index: '[caseId+start+firstSeq]',
  key: (row) => [row.caseId, row.start, row.firstSeq],
  edge: (row) => row.start,
  before: (ts, edge) => ts < edge,
  straddles: ([, start], at) => start < at,
  straddleFloor: -Infinity,
};

const BACKWARD: Direction = {
  index: '[caseId+lastTs+firstSeq]',
  key: (row) => [row.caseId, row.lastTs, row.firstSeq],
  edge: (row) => row.lastTs,
  before: (ts, edge) => ts > edge,
  straddles: ([, start], at) => start <= at,
  straddleFloor: Infinity,
};

interface Match {
  readonly ts: number;
  readonly seq: number;
}

/**
 * A page of the free-text filter (any facets are tested on the matching events), in reading order: queryPage turns a
 * backward page into time order. Call inside a read transaction.
 */
export async function textPage(
  database: TokentrailDatabase,
  caseId: string,
  filter: TimelineFilter,
  request: PageRequest,
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
  const search = (row: EventTextRecord) => {
    scanned += row.ts.length;
    for (const entry of matchingEntries(row, needle)) {
      const ts = row.ts[entry]!;
      const seq = row.seq[entry]!;
      if (inRange(ts, seq)) pending.push({ ts, seq });
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
    for (const row of await database.eventText.bulkGet(straddling)) if (row) search(row);
  }

  const rows: StoredEvent[] = [];
  let bound: [Key, Key] = forward
    ? [
        [caseId, origin, -Infinity],
        [caseId, to, Infinity],
      ]
    : [
        [caseId, from, -Infinity],
        [caseId, origin, Infinity],
      ];
  for (;;) {
    let collection = database.eventText.where(side.index).between(bound[0], bound[1], true, true);
    if (!forward) collection = collection.reverse();
    const chunk = await collection.limit(ROWS_PER_READ + 1).toArray();
    const exhausted = chunk.length <= ROWS_PER_READ;
    const next = exhausted ? undefined : chunk[ROWS_PER_READ]!;
    for (const row of exhausted ? chunk : chunk.slice(0, ROWS_PER_READ)) search(row);
    const edge = next ? side.edge(next) : forward ? Infinity : -Infinity;
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
    bound = forward ? [side.key(next!), bound[1]] : [bound[0], side.key(next!)];
  }
}
