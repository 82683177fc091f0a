// The case-analysis worker: correlation, lifecycles and the detectors (core/timeline) run here, off the page's
// thread, over events read straight from IndexedDB. One job at a time per case; a cancel stops it between pages.
import { TokentrailDatabase } from '../db/schema';
import { serveJobs } from '../jobs/serve-jobs';
import type { CaseAnalysisJob, CaseAnalysisProgress, CaseAnalysisSummary } from './case-analysis-protocol';
import { runCaseAnalysis } from './run-case-analysis';

const database = new TokentrailDatabase();

serveJobs<CaseAnalysisJob, CaseAnalysisProgress, CaseAnalysisSummary>((job, { signal, onProgress }) =>
  runCaseAnalysis(database, job.caseId, { signal, onProgress, clock: () => performance.now() }),
);
