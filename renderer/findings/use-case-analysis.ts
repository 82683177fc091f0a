// The case's current case-analysis run (progress, outcome), re-rendering on every change the worker reports.
import { useSyncExternalStore } from 'react';
import { timelineAnalysisJobs, type TimelineAnalysisJobState } from '../timeline-analysis/timeline-analysis-jobs';

export function useCaseAnalysisJob(caseId: string): TimelineAnalysisJobState | undefined {
  return useSyncExternalStore(timelineAnalysisJobs.subscribe, () => timelineAnalysisJobs.job(caseId));
}
