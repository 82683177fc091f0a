// Detector benchmark: analysis time for 100k and 1M generated events, and time per event (must stay flat).
// Run: npm run bench -- analyze-timeline [sizes...]   (default 100000 1000000)
//      npm run bench -- analyze-timeline --memory [sizes...]   (default 1000000): streamed as the app reads a case,
//      the memory the detectors keep per event and the process's peak (issue 19: memory bounded by a stated figure)
// Baseline measured in the same run: one sort of the same events by time plus grouping them by token hash —
// the least any correlation must do — so the ratio shows what lifecycles and the thirteen detectors add on top.
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyzeTimeline, createTimelineAnalysis, type TimelineEvent, type TokenFacts } from '../../core/timeline';
import { ANALYSIS_CASE_CONFIG, generate, generateChunks } from './generate-timeline-case';

function baseline(events: readonly TimelineEvent[]): number {
  const started = performance.now();
  const sorted = [...events].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  const byToken = new Map<string, number>();
  for (const event of sorted)
    for (const token of event.tokens) byToken.set(token.hash, (byToken.get(token.hash) ?? 0) + 1);
  return performance.now() - started;
}

// BENCH_PHASES=1 also prints the time of each phase (correlation, families, lifecycles, each detector).
let last = performance.now();
const phases: string[] = [];
const onProgress = process.env.BENCH_PHASES
  ? (phase: string) => {
      const now = performance.now();
      phases.push(`${(now - last).toFixed(0)}ms→${phase}`);
      last = now;
    }
  : undefined;
const args = process.argv.slice(2);
const sizes = args.map(Number).filter((size) => size > 0);

/** Heap in use after a full collection, in bytes (gc exposed at run time: no flag needed on the command line). */
const collect: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();
const heapAfterGc = (): number => {
  collect();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

/**
 * --memory: the app's way (renderer/timeline-analysis/run-timeline-analysis.ts): events streamed in pages of 2000 into
 * createTimelineAnalysis, each page a structured clone (as the store returns it), never the whole case in memory, so
 * what the heap holds is the analysis's own state. Prints
 * the heap it keeps per event while reading, the process's peak RSS (the finish pass included) and the result's heap.
 * The token facts are loaded first, as the app loads the stored token analyses.
 */
function streamedMemory(size: number): void {
  const facts: TokenFacts[] = [];
  for (const chunk of generateChunks(size, 2000)) for (const fact of chunk.facts) facts.push(fact);
  const beforeEvents = heapAfterGc();
  const started = performance.now();
  const analysis = createTimelineAnalysis({
    tokens: facts,
    caseConfig: ANALYSIS_CASE_CONFIG,
    clock: () => performance.now(),
  });
  // Cloned as IndexedDB hands them over: every event's strings its own copies, none shared with another event.
  for (const chunk of generateChunks(size, 2000)) analysis.add(structuredClone(chunk.events));
  const afterEvents = heapAfterGc();
  const result = analysis.finish();
  const seconds = (performance.now() - started) / 1000;
  const afterFinish = heapAfterGc();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${String(size).padStart(10)} events streamed  ${seconds.toFixed(1).padStart(6)} s  analysis state ${mb(afterEvents - beforeEvents).padStart(5)} MB = ${((afterEvents - beforeEvents) / size).toFixed(0)} B/event  token facts ${mb(beforeEvents)} MB (${facts.length} tokens)  peak RSS ${mb(peakRss)} MB  result ${mb(afterFinish - beforeEvents)} MB (${result.findings.length} findings)`,
  );
}

if (args.includes('--memory')) {
  for (const size of sizes.length > 0 ? sizes : [1_000_000]) streamedMemory(size);
  process.exit(0);
}

const rows: string[] = [];
for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
  const { events, facts } = generate(size);
  const base = baseline(events);
  const started = performance.now();
  const result = analyzeTimeline(events, {
    tokens: facts,
    caseConfig: ANALYSIS_CASE_CONFIG,
    clock: () => performance.now(),
    onProgress,
  });
  if (phases.length > 0) console.log(phases.join(' '));
  const total = performance.now() - started;
  const perEvent = (total * 1000) / size;
  rows.push(
    `${String(size).padStart(9)} events  ${total.toFixed(0).padStart(7)} ms  ${perEvent.toFixed(2).padStart(6)} µs/event  baseline (sort + group) ${base.toFixed(0).padStart(5)} ms  ratio ${(total / base).toFixed(1)}×  tokens ${result.stats.tokens}  findings ${result.findings.length}`,
  );
  console.log(rows[rows.length - 1]);
  console.log(
    `           slowest steps: ${[...result.runs]
      .sort((a, b) => b.milliseconds - a.milliseconds)
      .slice(0, 4)
      .map((run) => `${run.id} ${run.milliseconds.toFixed(0)} ms`)
      .join(', ')}`,
  );
}
