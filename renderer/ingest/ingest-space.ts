// Refuses a case's waiting ingests before the first of them writes anything when their logs will not fit in the
// browser's storage (space-estimate.ts): an ingest that runs out of space half-way leaves a partial case, and the
// investigator finds out after an hour instead of at once.
import type { TokentrailDatabase } from '../db/schema';
import { describeShortage, spaceShortage, type StorageEstimateLike } from './space-estimate';

/**
 * Checks the space the case's queued ingests (`ingestId` among them) need against `estimate()`. When they do not
 * fit, marks every one of them failed with the space needed and available, in one transaction, and returns true;
 * nothing else is touched (a re-parse's previous events stay). No estimate available: the ingest goes ahead.
 */
export async function refuseIngestsWithoutSpace(
  database: TokentrailDatabase,
  ingestId: string,
  estimate: () => Promise<StorageEstimateLike>,
): Promise<boolean> {
  const ingest = await database.ingests.get(ingestId);
  if (!ingest) return false;
  const waiting = (await database.ingests.where('caseId').equals(ingest.caseId).toArray()).filter(
    (other) => other.status === 'queued',
  );
  const logBytes = waiting.reduce((sum, other) => sum + other.size, 0);
  const shortage = spaceShortage(logBytes, await estimate().catch(() => ({})));
  if (!shortage) return false;
  const error = describeShortage(waiting.length, logBytes, shortage);
  await database.transaction('rw', database.ingests, async () => {
    for (const other of waiting) {
      const current = await database.ingests.get(other.id);
      if (current?.status === 'queued')
        await database.ingests.update(other.id, { status: 'failed', finishedAt: Date.now(), error });
    }
  });
  return true;
}
