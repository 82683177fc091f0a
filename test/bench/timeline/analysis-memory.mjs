// The case analysis's memory in Chromium (issue 19: detectors over 10M events with memory bounded by a stated figure).
// Usage: npm run bench -- analysis-memory [events…]   (default 100000 1000000)
// Per size, in a fresh browser: the heap the analysis holds per event once every page is read, and per event at the
// end (analysis and result held, as the worker holds them until they are stored), with this browser's heap limit;
// then the largest case that fits that limit at that figure. Node's own figures (no pointer compression, so larger)
// come from `npm run bench -- analyze-timeline --memory`.
import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBrowserBench } from '../browser-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
/** The largest peak resident size (VmHWM) of any Chromium renderer process now running: the page's whole peak. */
function rendererPeakMB() {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Math.round(Number(hwm[1]) / 1000));
    } catch {
      // The process ended while it was read.
    }
  }
  return peak;
}
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const bench = await startBrowserBench(path.join(here, 'analysis-memory.page.ts'), {
  switches: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
try {
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    // VmHWM keeps the process's peak, so polling it while the page runs sees finish()'s transient peak too.
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, rendererPeakMB())), 500);
    const result = await bench.run('runAnalysisMemory', size).finally(() => clearInterval(poll));
    const fits = Math.floor((result.heapLimitMB * 1e6) / result.peakBytesPerEvent);
    // The renderer's peak resident size includes finish()'s transient peak, which the heap readings after a
    // collection do not see (each size runs in a browser of its own).
    console.log(JSON.stringify({ ...result, largestCaseAtThisFigure: fits, rendererPeakMB: peak, load: load() }));
  }
} finally {
  bench.close();
}
