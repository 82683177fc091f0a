// The case-analysis worker: correlation, lifecycles and the detectors (core/timeline) run here, off the page's
// thread, over events read straight from IndexedDB. One job at a time per case; a cancel stops it between pages.
import { TokentrailDatabase } from '../db/schema';
import type { CaseAnalysisProgress, CaseAnalysisReply, CaseAnalysisRequest } from './case-analysis-protocol';
import { runCaseAnalysis } from './run-case-analysis';

const database = new TokentrailDatabase();
const running = new Map<string, { aborted: boolean }>();
/** A progress bar needs a few updates a second, not one per page. */
const PROGRESS_INTERVAL_MS = 100;

function reply(message: CaseAnalysisReply): void {
  postMessage(message);
}

async function run(jobId: string, caseId: string): Promise<void> {
  const signal = { aborted: false };
  running.set(jobId, signal);
  let last = 0;
  const onProgress = (progress: CaseAnalysisProgress) => {
    const now = performance.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    reply({ type: 'progress', jobId, progress });
  };
  try {
    const { cancelled, summary } = await runCaseAnalysis(database, caseId, { signal, onProgress, clock: () => performance.now() });
    reply({ type: 'finished', jobId, outcome: cancelled ? 'cancelled' : 'complete', summary });
  } catch (error) {
    reply({ type: 'finished', jobId, outcome: 'failed', error: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(jobId);
  }
}

self.onmessage = (message: MessageEvent<CaseAnalysisRequest>) => {
  const request = message.data;
  if (request.type === 'cancel') {
    const signal = running.get(request.jobId);
    if (signal) signal.aborted = true;
  } else void run(request.jobId, request.caseId);
};
