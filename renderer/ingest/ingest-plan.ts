// Which stored evidence files are parsed into events, and the ingest records that track each parse. Records
// are created `queued` before the worker starts, so a window closed before the worker ran still shows them.
import type { EvidenceKind } from '../../core/evidence';
import type { IngestOptions, IngestRecord } from '../db/event-records';
import { newId } from '../db/ids';
import type { EvidenceFileRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';

/**
 * Kinds that are never event logs. Everything else is parsed: the format is detected from content, so a file
 * the bundle called `other` that turns out to be a log is read too (and one that is not says so).
 */
const NOT_LOGS: ReadonlySet<EvidenceKind> = new Set([
  'jwks',
  'pem',
  'certificate',
  'secret',
  'key-rotation',
  'case-config',
]);

/** True for evidence that should be parsed into events; a discarded file never is. */
export function isLogLike(file: Pick<EvidenceFileRecord, 'kind' | 'sha256' | 'path' | 'discarded'>): boolean {
  return file.sha256 !== undefined && !NOT_LOGS.has(file.kind) && file.path !== 'manifest.json' && !file.discarded;
}

function queuedIngest(file: EvidenceFileRecord, options: IngestOptions, replaces?: string): IngestRecord {
  return {
    id: newId(),
    caseId: file.caseId,
    fileId: file.id,
    importId: file.importId,
    path: file.path,
    sha256: file.sha256 ?? '',
    size: file.size ?? 0,
    options,
    status: 'queued',
    queuedAt: Date.now(),
    bytesRead: 0,
    events: 0,
    problems: 0,
    problemCounts: {},
    ...(replaces ? { replaces } : {}),
  };
}

/** Queues every log-like file of one import; returns the new ingest ids in file order. */
export async function planImportIngest(database: TokentrailDatabase, importId: string): Promise<string[]> {
  const files = (await database.evidenceFiles.where('importId').equals(importId).sortBy('path')).filter(isLogLike);
  const ingests = files.map((file) => queuedIngest(file, {}));
  await database.ingests.bulkAdd(ingests);
  return ingests.map((ingest) => ingest.id);
}

/**
 * Queues every log-like file of the case that was never parsed: evidence imported before ingest existed
 * (schema v1), or an import whose window closed before its ingest was queued.
 */
export async function planUningestedFiles(database: TokentrailDatabase, caseId: string): Promise<string[]> {
  return database.transaction('rw', [database.evidenceFiles, database.ingests], async () => {
    const parsed = new Set(
      (await database.ingests.where('caseId').equals(caseId).toArray()).map((ingest) => ingest.fileId),
    );
    const files = (await database.evidenceFiles.where('caseId').equals(caseId).sortBy('path')).filter(
      (file) => isLogLike(file) && !parsed.has(file.id),
    );
    const ingests = files.map((file) => queuedIngest(file, {}));
    await database.ingests.bulkAdd(ingests);
    return ingests.map((ingest) => ingest.id);
  });
}

/** Queues a new parse of the file of `previous` with other options; its events replace the previous ones. */
export async function planReingest(
  database: TokentrailDatabase,
  previousId: string,
  options: IngestOptions,
): Promise<string> {
  return database.transaction('rw', [database.ingests, database.evidenceFiles], async () => {
    const previous = await database.ingests.get(previousId);
    if (!previous) throw new Error('That ingest no longer exists.');
    if (previous.status === 'queued' || previous.status === 'running')
      throw new Error(`${previous.path} is still being ingested; cancel it first.`);
    const file = await database.evidenceFiles.get(previous.fileId);
    if (!file) throw new Error(`The evidence file ${previous.path} is no longer stored.`);
    if (file.discarded) throw new Error(`${previous.path} was discarded from the analysis; it is not parsed again.`);
    const next = queuedIngest(file, options, previous.id);
    await database.ingests.add(next);
    return next.id;
  });
}

/**
 * Ingests left `queued` or `running` by a window that closed (or a worker that died) are marked `interrupted`:
 * their committed events stay and their counts say how many. `active` are the ids this window is running.
 */
export async function markInterruptedIngests(
  database: TokentrailDatabase,
  caseId: string,
  active: ReadonlySet<string>,
): Promise<number> {
  return database.transaction('rw', database.ingests, async () => {
    const stale = (await database.ingests.where('caseId').equals(caseId).toArray()).filter(
      (ingest) => (ingest.status === 'queued' || ingest.status === 'running') && !active.has(ingest.id),
    );
    for (const ingest of stale) {
      await database.ingests.update(ingest.id, {
        status: 'interrupted',
        finishedAt: Date.now(),
        error: 'the window closed or the worker stopped before this file was finished',
      });
    }
    return stale.length;
  });
}

/** Marks queued ingests cancelled before they started (the investigator cancelled the whole run). */
export async function cancelQueuedIngests(database: TokentrailDatabase, ingestIds: readonly string[]): Promise<void> {
  await database.transaction('rw', database.ingests, async () => {
    for (const id of ingestIds) {
      const ingest = await database.ingests.get(id);
      if (ingest?.status === 'queued')
        await database.ingests.update(id, { status: 'cancelled', finishedAt: Date.now() });
    }
  });
}
