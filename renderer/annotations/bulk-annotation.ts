// One bulk annotation: every item the view's filter matches gets the same change (a tag added or removed, a star
// set or cleared). Batches of targets stream from the filter's query; each batch reads the items' current states,
// computes the new ones, and appends the revisions (each carrying the job's bulkId) and puts the states in ONE
// transaction, so a cancel or a crash between batches leaves whole batches written and nothing half-done. One
// `bulk-annotation` journal entry closes the job — also after a cancel or a failure — naming the filter, the change
// and how many items were written, with the digest of {bulkId, filter, change, count}.
import { changeDigest, targetKey, type AnnotationTarget } from '../../core/annotations';
import type { CustodyEntry } from '../../core/evidence';
import type { AnnotationRevisionRecord, AnnotationStateRecord } from '../db/annotation-records';
import type { TokentrailDatabase } from '../db/schema';
import { appendCustody } from '../evidence/custody-log';
import type { CancelSignal, JobResult } from '../jobs/job-protocol';
import type { BulkAnnotationJob, BulkAnnotationProgress, BulkAnnotationSummary } from './bulk-annotation-protocol';
import { annotationWrite } from './annotation-write';
import { createMissingTags, storedStates } from './annotation-store';
import { matchingTargets } from './bulk-annotation-targets';
import { applyBulkChange, describeBulkChange } from './bulk-change';

/** Items per transaction: large enough that a transaction's fixed cost is small, small enough for steady progress. */
export const BULK_BATCH_SIZE = 5_000;

export interface BulkAnnotationOptions {
  readonly signal: CancelSignal;
  readonly onProgress: (progress: BulkAnnotationProgress, options?: { readonly immediate?: boolean }) => void;
  readonly batchSize?: number;
  readonly clock?: () => number;
}

/** Writes one batch of targets in one transaction; returns how many items changed. */
async function writeBatch(
  database: TokentrailDatabase,
  job: BulkAnnotationJob,
  ids: readonly string[],
  at: number,
): Promise<number> {
  const { caseId, selection, change } = job;
  const targets = ids.map((id): AnnotationTarget => ({ kind: selection.kind, id }));
  return database.transaction('rw', [database.annotationStates, database.annotationRevisions], async () => {
    const previous = await storedStates(database, caseId, targets.map(targetKey));
    const revisions: AnnotationRevisionRecord[] = [];
    const states: AnnotationStateRecord[] = [];
    targets.forEach((target, index) => {
      const before = previous[index];
      const rows = annotationWrite({
        caseId,
        target,
        previous: before,
        next: applyBulkChange(before?.state, change),
        at,
        investigator: job.investigator,
        bulkId: job.bulkId,
      });
      if (!rows) return;
      revisions.push(rows.revision);
      states.push(rows.state);
    });
    await Promise.all([database.annotationRevisions.bulkAdd(revisions), database.annotationStates.bulkPut(states)]);
    return states.length;
  });
}

/** The journal entry that closes a bulk annotation, however it ended. */
function journalBulk(
  database: TokentrailDatabase,
  job: BulkAnnotationJob,
  progress: BulkAnnotationProgress,
  ending: 'complete' | 'cancelled' | 'failed',
): Promise<CustodyEntry> {
  const kind = `${job.selection.kind}s`;
  const endings = {
    complete: '',
    cancelled: `; cancelled by the investigator — the ${progress.written} written before the cancel are kept`,
    failed: `; stopped by an error — the ${progress.written} written before it are kept`,
  };
  return appendCustody(database, job.caseId, {
    at: Date.now(),
    investigator: job.investigator,
    action: 'bulk-annotation',
    source: `${kind} matching ${job.filterText}`,
    files: [],
    detail:
      `${describeBulkChange(job.change)} on ${progress.written} ${kind} (${progress.matched} matched) — ` +
      `filter: ${job.filterText}; bulk ${job.bulkId}${endings[ending]}`,
    digest: changeDigest({ bulkId: job.bulkId, filter: job.selection, change: job.change, count: progress.written }),
  });
}

/** Runs one bulk annotation to its end or its cancel; the journal entry is written either way. */
export async function runBulkAnnotation(
  database: TokentrailDatabase,
  job: BulkAnnotationJob,
  options: BulkAnnotationOptions,
): Promise<JobResult<BulkAnnotationSummary>> {
  const clock = options.clock ?? Date.now;
  let progress: BulkAnnotationProgress = { matched: 0, written: 0 };
  let cancelled = false;
  try {
    if (job.change.op === 'add-tag') {
      const { tag } = job.change;
      await database.transaction('rw', database.caseTags, () =>
        createMissingTags(database, job.caseId, [tag], job.investigator, clock()),
      );
    }
    const batches = matchingTargets(database, job.caseId, job.selection, options.batchSize ?? BULK_BATCH_SIZE);
    for await (const ids of batches) {
      if (options.signal.aborted) {
        cancelled = true;
        break;
      }
      // Said before the batch is written, and never throttled away: "matched" moves ahead of "written" while a batch
      // is in its transaction, which is also the moment a cancel keeps exactly the batches before and this one.
      progress = { ...progress, matched: progress.matched + ids.length };
      options.onProgress(progress, { immediate: true });
      const written = await writeBatch(database, job, ids, clock());
      progress = { ...progress, written: progress.written + written };
      options.onProgress(progress);
    }
    if (options.signal.aborted) cancelled = true;
  } catch (error) {
    await journalBulk(database, job, progress, 'failed');
    throw error;
  }
  const entry = await journalBulk(database, job, progress, cancelled ? 'cancelled' : 'complete');
  return { cancelled, summary: { ...progress, bulkId: job.bulkId, cancelled, journalSeq: entry.seq } };
}
