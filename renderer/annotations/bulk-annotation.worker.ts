// The bulk-annotation worker: a million events are read, compared with their annotation states and written here,
// off the page's thread, straight into IndexedDB; the page follows the progress and may cancel between batches.
import { TokentrailDatabase } from '../db/schema';
import { serveJobs } from '../jobs/serve-jobs';
import type { BulkAnnotationJob, BulkAnnotationProgress, BulkAnnotationSummary } from './bulk-annotation-protocol';
import { runBulkAnnotation } from './bulk-annotation';

const database = new TokentrailDatabase();

serveJobs<BulkAnnotationJob, BulkAnnotationProgress, BulkAnnotationSummary>((job, { signal, onProgress }) =>
  runBulkAnnotation(database, job, { signal, onProgress }),
);
