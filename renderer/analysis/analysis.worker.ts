// The analysis worker: token analysis and wordlist searches run here, off the page's thread, so the UI stays
// responsive while thousands of signatures are verified or millions of secrets tried. The page runs two of
// these (one per job kind) so a long wordlist search never holds up the analysis of a new import. Results are
// written to the same Dexie database the page reads; the page's live queries see each committed batch.
import type { SubtleLike } from '../../core/token';
import { TokentrailDatabase } from '../db/schema';
import type { AnalysisReply, AnalysisRequest, AnalyzeProgress, WordlistProgress } from './analysis-protocol';
import { analyzeCase } from './analyze-case';
import { searchWordlist } from './wordlist-job';

const database = new TokentrailDatabase();
const running = new Map<string, { aborted: boolean }>();
// The DOM typing of exportKey returns JsonWebKey, which lacks the index signature of core's structural type; the
// object it returns at run time is exactly the plain record core reads.
const subtle = crypto.subtle as unknown as SubtleLike;

/** Progress can fire hundreds of times a second; a progress bar needs a few updates. */
const PROGRESS_INTERVAL_MS = 100;

function reply(message: AnalysisReply): void {
  postMessage(message);
}

function throttledProgress(jobId: string): (progress: AnalyzeProgress | WordlistProgress) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    reply({ type: 'progress', jobId, progress });
  };
}

async function run(request: Exclude<AnalysisRequest, { type: 'cancel' }>): Promise<void> {
  const signal = { aborted: false };
  running.set(request.jobId, signal);
  const onProgress = throttledProgress(request.jobId);
  try {
    const { cancelled, summary } =
      request.type === 'analyze'
        ? await analyzeCase(database, request.caseId, { scope: request.scope, signal, subtle, onProgress })
        : await searchWordlist(database, request.caseId, request.file, { signal, onProgress });
    reply({ type: 'finished', jobId: request.jobId, outcome: cancelled ? 'cancelled' : 'complete', summary });
  } catch (error) {
    reply({ type: 'finished', jobId: request.jobId, outcome: 'failed', error: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(request.jobId);
  }
}

self.onmessage = (message: MessageEvent<AnalysisRequest>) => {
  const request = message.data;
  if (request.type === 'cancel') {
    const signal = running.get(request.jobId);
    if (signal) signal.aborted = true;
  } else void run(request);
};
