// The state of a case's current analysis or wordlist job, re-rendering on every change the workers report.
import { useSyncExternalStore } from 'react';
import { analysisJobs, type JobKind, type JobState } from './token-analysis-jobs';

export function useAnalysisJob(caseId: string, kind: JobKind): JobState | undefined {
  return useSyncExternalStore(analysisJobs.subscribe, () => analysisJobs.job(caseId, kind));
}

/**
 * Whether a job of that kind runs for the case. A boolean snapshot, so a component that only needs this does not
 * re-render on each of the ten progress updates a second (the token list would redraw every row each time).
 */
export function useAnalysisRunning(caseId: string, kind: JobKind): boolean {
  return useSyncExternalStore(analysisJobs.subscribe, () => analysisJobs.running(caseId, kind));
}
