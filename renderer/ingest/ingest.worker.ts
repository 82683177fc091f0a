// The ingest worker: parsing and IndexedDB writes run here, off the page's thread, so the UI stays responsive
// while millions of lines are read. It opens the same Dexie database as the page; the page's live queries see
// each committed batch through Dexie's cross-context change events.
import type { GeoLocator } from '../../core/geo';
import { openStoredGeoLocator, storeGeoDatabase } from '../geo/geo-store';
import { cancelQueuedIngests } from './ingest-plan';
import { TokentrailDatabase } from '../db/schema';
import type { JobResult } from '../jobs/job-protocol';
import { serveJobs, type JobContext } from '../jobs/serve-jobs';
import type { IngestJob, IngestProgress, IngestSummary } from './ingest-protocol';
import { runIngest } from './run-ingest';
import { refuseIngestsWithoutSpace } from './ingest-space';

const database = new TokentrailDatabase();
/** Ingests run one after another, each behind this; parsing two files at once would only share the core. */
let turn: Promise<unknown> = Promise.resolve();
let waiting = 0;
/**
 * Opened once per run of queued ingests, not per file (it reads the whole database), and again for the next run:
 * the investigator may have loaded a database since.
 */
let geo: Promise<GeoLocator | undefined> | undefined;

async function ingest(
  ingestId: string,
  locator: Promise<GeoLocator | undefined>,
  context: JobContext<IngestProgress>,
): Promise<JobResult<IngestSummary>> {
  const record = await database.ingests.get(ingestId);
  if (!record || record.status !== 'queued') return { cancelled: false };
  // Cancelled while it waited for its turn: it never started, so it ends as cancelled without a run.
  if (context.signal.aborted) {
    await cancelQueuedIngests(database, [ingestId]);
    return { cancelled: true };
  }
  // Before anything is written or a previous parse's events removed: a case that will not fit fails now, whole.
  if (await refuseIngestsWithoutSpace(database, ingestId, () => navigator.storage.estimate()))
    return { cancelled: false, summary: 'failed' };
  const outcome = await runIngest(database, ingestId, {
    signal: context.signal,
    geo: await locator,
    onProgress: (_id, progress, phase) =>
      context.onProgress({
        phase,
        bytesRead: progress.bytesRead,
        totalBytes: progress.totalBytes,
        events: progress.events,
        problems: progress.problems,
      }),
  });
  return { cancelled: outcome === 'cancelled', summary: outcome };
}

function ingestInTurn(ingestId: string, context: JobContext<IngestProgress>): Promise<JobResult<IngestSummary>> {
  waiting += 1;
  const locator = (geo ??= openStoredGeoLocator(database).catch(() => undefined));
  const result = turn.then(() => ingest(ingestId, locator, context));
  turn = result.catch(() => undefined);
  return result.finally(() => {
    waiting -= 1;
    if (waiting === 0) geo = undefined;
  });
}

serveJobs<IngestJob, IngestProgress, IngestSummary>(async (job, context) => {
  if (job.type === 'ingest') return ingestInTurn(job.ingestId, context);
  return { cancelled: false, summary: await storeGeoDatabase(database, job.fileName, job.bytes, job.provenance) };
});
