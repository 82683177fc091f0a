// The page's side of the case-analysis worker: each case's current run, for the views. One worker, created on
// first use. A run asked for while one is running for the same case is queued behind it, so the stored results
// always reflect the latest request.
import CaseAnalysisWorker from './timeline-analysis.worker?worker&inline';
import { CaseJobs } from '../jobs/case-jobs';
import { pageHeapLimit } from './analysis-memory';
import type { JobState } from '../jobs/job-queue';
import type {
  TimelineAnalysisJob,
  TimelineAnalysisProgress,
  TimelineAnalysisSummary,
} from './timeline-analysis-protocol';

/** One run as the views show it. Replaced (never mutated) on every change, so snapshots compare by identity. */
export type TimelineAnalysisJobState = JobState<TimelineAnalysisJob, TimelineAnalysisProgress, TimelineAnalysisSummary>;

/** The one case-analysis manager of this window. */
export const timelineAnalysisJobs = new CaseJobs<
  TimelineAnalysisJob,
  TimelineAnalysisProgress,
  TimelineAnalysisSummary
>({
  createWorker: () => new CaseAnalysisWorker({ name: 'tokentrail-case-analysis' }),
  stoppedMessage: 'the case-analysis worker stopped',
  rerun: (caseId) => caseAnalysisJob(caseId),
});

/** The job that analyses a case, with this window's heap limit for the worker's memory check (analysis-memory.ts). */
export function caseAnalysisJob(caseId: string): TimelineAnalysisJob {
  const heapLimit = pageHeapLimit();
  return heapLimit === undefined ? { caseId } : { caseId, heapLimit };
}
