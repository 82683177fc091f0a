import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_BYTES_PER_EVENT,
  analysisMemoryProblem,
  largestAnalysableCase,
  pageHeapLimit,
} from '../../../../renderer/timeline-analysis/analysis-memory';

// Chromium's usual limit for a page's heap on a 64-bit machine (performance.memory.jsHeapSizeLimit, 4,096 MiB).
const CHROMIUM_LIMIT = 4_294_705_152;

describe('case analysis memory check', () => {
  it('fits a case up to 85% of the heap at the measured bytes per event, and no further', () => {
    const largest = largestAnalysableCase(CHROMIUM_LIMIT);
    expect(largest).toBe(Math.floor((CHROMIUM_LIMIT * 0.85) / ANALYSIS_BYTES_PER_EVENT));
    // A 10M-event case fits Chromium's usual heap (docs/benchmarks.md "Case analysis memory": 10M ran at 303 B/event).
    expect(largest).toBeGreaterThan(10_000_000);
    expect(analysisMemoryProblem(largest, CHROMIUM_LIMIT)).toBeUndefined();
    expect(analysisMemoryProblem(largest + 1, CHROMIUM_LIMIT)).toBeDefined();
  });

  it('names the case size, the need, the limit and what fits', () => {
    expect(analysisMemoryProblem(12_000_000, CHROMIUM_LIMIT)).toBe(
      "this case has 12,000,000 events; the case analysis keeps about 330 bytes per event in memory (3.7 GiB for this case), more than the 3.4 GiB it may use of this window's 4.0 GiB heap, so it was not started (it would run out of memory and close the window). Nothing was changed. A case of at most 11,062,119 events can be analysed here: split the evidence across cases",
    );
  });

  it('does not refuse when the limit is unknown (no performance.memory, as in Node and in workers)', () => {
    expect(pageHeapLimit()).toBeUndefined();
    expect(analysisMemoryProblem(50_000_000, undefined)).toBeUndefined();
  });
});
