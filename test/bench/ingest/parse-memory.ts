/**
 * Peak memory while parsing a large generated log (default 1024 MB of access log, streamed: it is never written to
 * disk or held whole). Prints the peak RSS and heap; run under a small heap to prove the bound, e.g.
 *   BENCH_NODE_FLAGS=--max-old-space-size=128 npm run bench -- parse-memory 1024 access-log
 */
import { parseSource, type SequentialInput, type SourceFormatName } from '../../../core';
import { generateLog } from './generate-logs';

const megabytes = Number(process.argv[2] ?? 1024);
const format = (process.argv[3] ?? 'access-log') as SourceFormatName;
let size = 0;
const input: SequentialInput = {
  path: `generated-${format}`,
  size: megabytes * 1024 * 1024,
  async *chunks() {
    for (const chunk of generateLog(format, megabytes * 1024 * 1024)) {
      size += chunk.length;
      yield chunk;
    }
  },
};
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
const started = performance.now();
const run = parseSource(input, '0'.repeat(64), { format, batchSize: 2000 });
let events = 0;
for (;;) {
  const next = await run.next();
  sample();
  if (next.done) break;
  events += next.value.events.length; // a real host writes the batch and lets it go
}
const seconds = (performance.now() - started) / 1000;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
console.log(
  `${format}: ${mb(size)} MB, ${events} events in ${seconds.toFixed(1)} s (${Math.round(events / seconds)} events/s, ${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s)`,
);
console.log(`peak RSS ${mb(peakRss)} MB, peak heap used ${mb(peakHeap)} MB (batch size 2000)`);
