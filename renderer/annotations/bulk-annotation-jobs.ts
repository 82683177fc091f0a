// The page's side of the bulk-annotation worker: one bulk job per case at a time (a second start while one runs is
// ignored — the button is disabled meanwhile), followed by the filter bars through useSyncExternalStore.
import BulkAnnotationWorker from './bulk-annotation.worker?worker&inline';
import { CaseJobs } from '../jobs/case-jobs';
import type { JobState } from '../jobs/job-queue';
import type { BulkAnnotationJob, BulkAnnotationProgress, BulkAnnotationSummary } from './bulk-annotation-protocol';

export type BulkAnnotationJobState = JobState<BulkAnnotationJob, BulkAnnotationProgress, BulkAnnotationSummary>;

/** The one bulk-annotation manager of this window. */
export const bulkAnnotationJobs = new CaseJobs<BulkAnnotationJob, BulkAnnotationProgress, BulkAnnotationSummary>({
  createWorker: () => new BulkAnnotationWorker({ name: 'tokentrail-bulk-annotation' }),
  stoppedMessage: 'the bulk-annotation worker stopped',
});
