// Whether a case's analysis fits in memory. The detectors keep a compact entry per event (core/timeline/entry-table.ts)
// and the case's lifecycles and findings until the result is stored, so the memory they need grows with the case; a run
// that outgrew the worker's heap would not fail cleanly — Chromium ends the whole window's process. A case too large
// is therefore refused before a single event is read, with the figures, and nothing is changed.
import { formatBytes } from '../shell/format';

/**
 * Memory the analysis needs per event at its peak, in Chromium (`npm run bench -- analysis-memory`, docs/benchmarks.md
 * "Case analysis memory"): the live heap after a collection at every step of finish() peaked at 303 bytes per event
 * for 10,000,000 generated events (3,029 MB) and 309 for 1,000,000. That figure includes the entry table's typed
 * arrays (~105 bytes per event), which V8 keeps outside the heap limit, so checking it against the limit errs on the
 * side of refusing. Rounded up.
 */
export const ANALYSIS_BYTES_PER_EVENT = 330;
/** Share of the heap limit a run may plan for: the rest is the worker's own code, the store's pages and finish()'s peak. */
export const ANALYSIS_HEAP_SHARE = 0.85;

/** This window's JavaScript heap limit (Chromium's `performance.memory`, which workers do not have), if known. */
export function pageHeapLimit(): number | undefined {
  const limit = (performance as { memory?: { jsHeapSizeLimit?: number } }).memory?.jsHeapSizeLimit;
  return typeof limit === 'number' && limit > 0 ? limit : undefined;
}

/** The largest case, in events, whose analysis fits a heap of `heapLimit` bytes. */
export function largestAnalysableCase(heapLimit: number): number {
  return Math.floor((heapLimit * ANALYSIS_HEAP_SHARE) / ANALYSIS_BYTES_PER_EVENT);
}

const count = (events: number) => `${events.toLocaleString('en-US')} ${events === 1 ? 'event' : 'events'}`;

/** Why a case of `events` events cannot be analysed within `heapLimit` bytes, or undefined when it can (or the limit is unknown). */
export function analysisMemoryProblem(events: number, heapLimit: number | undefined): string | undefined {
  if (heapLimit === undefined || events <= largestAnalysableCase(heapLimit)) return undefined;
  return (
    `this case has ${count(events)}; the case analysis keeps about ${ANALYSIS_BYTES_PER_EVENT} bytes per event in ` +
    `memory (${formatBytes(events * ANALYSIS_BYTES_PER_EVENT)} for this case), more than the ` +
    `${formatBytes(heapLimit * ANALYSIS_HEAP_SHARE)} it may use of this window's ${formatBytes(heapLimit)} heap, so ` +
    `it was not started (it would run out of memory and close the window). Nothing was changed. A case of at most ` +
    `${count(largestAnalysableCase(heapLimit))} can be analysed here: split the evidence across cases`
  );
}
