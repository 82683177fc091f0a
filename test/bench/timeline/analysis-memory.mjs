// The case analysis's memory in Chromium (issue 19: detectors over 10M events with memory bounded by a stated figure).
// Usage: npm run bench -- analysis-memory [events…]   (default 100000 1000000)
// Per size, in a fresh browser: the heap the analysis holds per event once every page is read, and per event at the
// end (analysis and result held, as the worker holds them until they are stored), with this browser's heap limit;
// then the largest case that fits that limit at that figure. Node's own figures (no pointer compression, so larger)
// come from `npm run bench -- analyze-timeline --memory`.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBrowserBench } from '../browser-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const bench = await startBrowserBench(path.join(here, 'analysis-memory.page.ts'), {
  switches: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
try {
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    const result = await bench.run('runAnalysisMemory', size);
    const fits = Math.floor((result.heapLimitMB * 1e6) / result.heldBytesPerEvent);
    console.log(JSON.stringify({ ...result, largestCaseAtThisFigure: fits, load: load() }));
  }
} finally {
  bench.close();
}
