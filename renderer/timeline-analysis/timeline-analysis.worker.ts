// The case-analysis worker: correlation, lifecycles and the detectors (core/timeline) run here, off the page's
// thread, over events read straight from IndexedDB. One job at a time per case; a cancel stops it between pages.
import { TokentrailDatabase } from '../db/schema';
import { serveJobs } from '../jobs/serve-jobs';
import type {
  TimelineAnalysisJob,
  TimelineAnalysisProgress,
  TimelineAnalysisSummary,
} from './timeline-analysis-protocol';
import { runTimelineAnalysis } from './run-timeline-analysis';

const database = new TokentrailDatabase();

serveJobs<TimelineAnalysisJob, TimelineAnalysisProgress, TimelineAnalysisSummary>((job, { signal, onProgress }) =>
  runTimelineAnalysis(database, job.caseId, {
    signal,
    onProgress,
    clock: () => performance.now(),
    heapLimit: job.heapLimit,
  }),
);
