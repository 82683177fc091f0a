// Whether a case's analysis fits in memory. The detectors keep a compact entry per event (core/timeline/entry.ts) and
// the case's lifecycles and findings until the result is stored, so the heap they need grows with the case; a run
// that outgrew the worker's heap would not fail cleanly — Chromium ends the whole window's process. A case too large
// is therefore refused before a single event is read, with the figures, and nothing is changed.
import { formatBytes } from '../shell/format';

/**
 * Heap the analysis needs per event at its peak, in Chromium (`npm run bench -- analysis-memory`, docs/benchmarks.md
 * "Case analysis memory"): it holds 334 bytes per event when it finishes, and with the token facts and finish()'s
 * transient peak a case of 8,000,000 generated events ran in the 4,396 MB heap while 10,000,000 ended the page — more
 * than 440 bytes per event at the peak. Rounded up so the largest case allowed is one that was seen to run.
 */
export const ANALYSIS_BYTES_PER_EVENT = 460;
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
