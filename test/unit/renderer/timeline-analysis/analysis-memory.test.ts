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
    expect(largest).toBeGreaterThan(7_900_000);
    expect(analysisMemoryProblem(largest, CHROMIUM_LIMIT)).toBeUndefined();
    expect(analysisMemoryProblem(largest + 1, CHROMIUM_LIMIT)).toBeDefined();
  });

  it('names the case size, the need, the limit and what fits', () => {
    expect(analysisMemoryProblem(10_000_000, CHROMIUM_LIMIT)).toBe(
      "this case has 10,000,000 events; the case analysis keeps about 460 bytes per event in memory (4.3 GiB for this case), more than the 3.4 GiB it may use of this window's 4.0 GiB heap, so it was not started (it would run out of memory and close the window). Nothing was changed. A case of at most 7,935,868 events can be analysed here: split the evidence across cases",
    );
  });

  it('does not refuse when the limit is unknown (no performance.memory, as in Node and in workers)', () => {
    expect(pageHeapLimit()).toBeUndefined();
    expect(analysisMemoryProblem(50_000_000, undefined)).toBeUndefined();
  });
});
