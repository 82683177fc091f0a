// The case's current case-analysis run (progress, outcome), re-rendering on every change the worker reports.
import { useSyncExternalStore } from 'react';
import { caseAnalysisJobs, type CaseAnalysisJobState } from '../../case-analysis/case-analysis-jobs';

export function useCaseAnalysisJob(caseId: string): CaseAnalysisJobState | undefined {
  return useSyncExternalStore(caseAnalysisJobs.subscribe, () => caseAnalysisJobs.job(caseId));
}
