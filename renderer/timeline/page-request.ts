// What a page of the timeline is asked for and what it returns, shared by every way a filter is served
// (timeline-query.ts, facet-pages.ts, text-pages.ts), and the budget that keeps any one page short.
import type { StoredEvent } from '../db/event-records';
import type { TimelineFilter } from './timeline-filter';

/** A position in the timeline: an event's time and seq. */
export interface EventCursor {
  readonly ts: number;
  readonly seq: number;
}

export interface PageRequest {
  readonly direction: 'forward' | 'backward';
  /** Start here; absent = the beginning (forward) or the end (backward) of the filtered range. */
  readonly from?: EventCursor;
  /** Include the event at `from` itself. */
  readonly inclusive?: boolean;
  readonly limit: number;
  /** Rows, keys or text entries a searching page may examine before it returns a partial page (tests set it). */
  readonly scanBudget?: number;
}

export interface PageResult {
  /** In time order (also for backward pages). */
  readonly rows: StoredEvent[];
  /** Where a next page in the same direction starts (the last key examined). */
  readonly resume?: EventCursor;
  /** True when the range has no more rows in this direction. */
  readonly exhausted: boolean;
  readonly scanned: number;
}

/**
 * How long a page may search before it returns what it has found: a rare free-text match or a sparse intersection of
 * facets then comes back as a partial page with a resume cursor, and the list asks for the next one. The check comes
 * after each read, and a read takes 5–15 ms here, so a page takes 20–35 ms. 30 ms made pages of 45–55 ms at 1M
 * events; 20 ms costs ~25% of a whole-case search's speed (more pages, each with its own reads).
 */
export const PAGE_TIME_BUDGET_MS = 20;

/** True when a page has searched enough: `scanBudget` (rows, keys or entries, for tests) or the time budget. */
export function budgetSpent(request: PageRequest, started: number, scanned: number): boolean {
  return scanned >= (request.scanBudget ?? Infinity) || performance.now() - started >= PAGE_TIME_BUDGET_MS;
}

/** False when a cursor lies before the range's start (forward) or after its end (backward): the range bound is nearer. */
export function withinRange(
  cursor: EventCursor,
  filter: Pick<TimelineFilter, 'from' | 'to'>,
  forward: boolean,
): boolean {
  return forward ? cursor.ts >= (filter.from ?? -Infinity) : cursor.ts <= (filter.to ?? Infinity);
}
