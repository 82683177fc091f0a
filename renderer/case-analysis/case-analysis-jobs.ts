// The page's side of the case-analysis worker: each case's current run, for the views. One worker, created on
// first use. A run asked for while one is running for the same case is queued behind it, so the stored results
// always reflect the latest request.
import CaseAnalysisWorker from './case-analysis.worker?worker&inline';
import { CaseJobs } from '../jobs/case-jobs';
import type { JobState } from '../jobs/job-queue';
import type { CaseAnalysisJob, CaseAnalysisProgress, CaseAnalysisSummary } from './case-analysis-protocol';

/** One run as the views show it. Replaced (never mutated) on every change, so snapshots compare by identity. */
export type CaseAnalysisJobState = JobState<CaseAnalysisJob, CaseAnalysisProgress, CaseAnalysisSummary>;

/** The one case-analysis manager of this window. */
export const caseAnalysisJobs = new CaseJobs<CaseAnalysisJob, CaseAnalysisProgress, CaseAnalysisSummary>({
  createWorker: () => new CaseAnalysisWorker({ name: 'tokentrail-case-analysis' }),
  stoppedMessage: 'the case-analysis worker stopped',
  rerun: (caseId) => ({ caseId }),
});
