// Runs in Chromium (bundled by analysis-memory.mjs): the case analysis fed as the app's worker feeds it — pages of
// 2000 events, each a structured clone as IndexedDB returns it — and the JavaScript heap it holds, read after a full
// collection: before the events, after reading them all, at each step of finish(), and after finish() with the
// analysis and its result still held (as the worker holds them until the result is stored). Also the heap limit this
// browser gives a page. The heap figures include the entry table's typed arrays, which V8 keeps outside its heap limit.
import { createTimelineAnalysis, type TokenFacts } from '../../../core/timeline';
import { ANALYSIS_CASE_CONFIG, generateChunks } from '../generate-timeline-case';

interface MemoryInfo {
  readonly usedJSHeapSize: number;
  readonly jsHeapSizeLimit: number;
}
const memory = (): MemoryInfo => (performance as unknown as { memory: MemoryInfo }).memory;
const collect = (globalThis as unknown as { gc: () => void }).gc;
const heapAfterGc = (): number => {
  collect();
  return memory().usedJSHeapSize;
};
const mb = (bytes: number) => Math.round(bytes / 1e6);

async function runAnalysisMemory(size: number) {
  const facts: TokenFacts[] = [];
  for (const chunk of generateChunks(size, 2000)) for (const fact of chunk.facts) facts.push(fact);
  const beforeEvents = heapAfterGc();
  const started = performance.now();
  // The live heap at each step of finish() (correlation, families, lifecycles, each detector), after a collection:
  // the most the analysis holds at once, which the figures before and after finish() do not see.
  let peakDuringFinish = 0;
  let peakPhase = '';
  let finishing = false;
  const analysis = createTimelineAnalysis({
    tokens: facts,
    caseConfig: ANALYSIS_CASE_CONFIG,
    onProgress: (phase) => {
      if (!finishing) return;
      const heap = heapAfterGc();
      if (heap > peakDuringFinish) [peakDuringFinish, peakPhase] = [heap, phase];
    },
  });
  for (const chunk of generateChunks(size, 2000)) analysis.add(structuredClone(chunk.events));
  const afterEvents = heapAfterGc();
  finishing = true;
  const result = analysis.finish();
  const seconds = (performance.now() - started) / 1000;
  const afterFinish = heapAfterGc();
  return {
    events: size,
    seconds: +seconds.toFixed(1),
    tokens: facts.length,
    findings: result.findings.length,
    readMB: mb(afterEvents - beforeEvents),
    readBytesPerEvent: Math.round((afterEvents - beforeEvents) / size),
    heldMB: mb(afterFinish - beforeEvents),
    heldBytesPerEvent: Math.round((afterFinish - beforeEvents) / size),
    peakMB: mb(peakDuringFinish - beforeEvents),
    peakBytesPerEvent: Math.round((peakDuringFinish - beforeEvents) / size),
    peakPhase,
    heapLimitMB: mb(memory().jsHeapSizeLimit),
  };
}

Object.assign(globalThis, { runAnalysisMemory });
