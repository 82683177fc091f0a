// The last step of a page that found its candidates elsewhere (text rows, intersected facet keys): read those events
// and keep the ones the filter accepts, until the page is full.
import type { StoredEvent } from '../db/event-records';
import type { EventCursor } from './page-request';
import type { TokentrailDatabase } from '../db/schema';
import { eventsBySeq } from '../db/event-store';

/** Fewest candidates read at once when the test may reject some of them. */
const MIN_EVENT_READ = 50;

/**
 * Reads the events of `seqs` (in reading order), at most what the page still lacks at a time, and appends those
 * `test` accepts to `rows` until it holds `limit`. A seq without an event (removed with its ingest since the
 * candidates were found) is skipped. Returns true when the page is full.
 */
export async function takeEvents(
  database: TokentrailDatabase,
  caseId: string,
  seqs: readonly number[],
  test: ((row: StoredEvent) => boolean) | undefined,
  rows: StoredEvent[],
  limit: number,
): Promise<boolean> {
  for (let first = 0; first < seqs.length;) {
    const count = Math.max(limit - rows.length, MIN_EVENT_READ);
    const wanted = seqs.slice(first, first + count);
    first += count;
    for (const event of await eventsBySeq(database, caseId, wanted)) {
      if (!event || (test && !test(event))) continue;
      rows.push(event);
      if (rows.length === limit) return true;
    }
  }
  return false;
}

/** The cursor of the last row taken, where a page that stopped on it resumes. */
export function lastCursor(rows: readonly StoredEvent[]): EventCursor | undefined {
  const last = rows.at(-1);
  return last && { ts: last.ts, seq: last.seq };
}
