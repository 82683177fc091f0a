// The ingest feature's reads and writes of the window's store (ingest records, their problems, saved CSV
// mappings), in one place: views call these, never `db` itself.
import type { IngestProblemRecord, IngestRecord } from '../db/event-records';
import { db } from '../db/schema';
import { readCsvPresets, saveCsvPreset, type CsvPreset } from './csv-presets';
import { isLogLike, markInterruptedIngests } from './ingest-plan';
import { caseIngests } from './ingest-store';

const isActive = (ingest: IngestRecord) => ingest.status === 'queued' || ingest.status === 'running';

/** Every ingest of the case, for the source list. */
export function ingestsOf(caseId: string): Promise<IngestRecord[]> {
  return caseIngests(db, caseId);
}

/** The case's queued and running ingests. */
export async function activeIngests(caseId: string): Promise<IngestRecord[]> {
  return (await db.ingests.where('caseId').equals(caseId).toArray()).filter(isActive);
}

/**
 * Whether an ingest of the case is queued or running, whether one was cancelled (and not parsed again since), and
 * when the last ingest finished (0 when none did): a Parse again that finishes after the stored case analysis
 * started makes that analysis stale, even when the event count stays the same (an IP now located, another format).
 */
export async function caseIngestState(
  caseId: string,
): Promise<{ active: boolean; cancelled: boolean; lastFinishedAt: number }> {
  const ingests = await db.ingests.where('caseId').equals(caseId).toArray();
  const finished = ingests.filter((ingest) => ingest.status !== 'replaced').map((ingest) => ingest.finishedAt ?? 0);
  return {
    active: ingests.some(isActive),
    cancelled: ingests.some((ingest) => ingest.status === 'cancelled'),
    lastFinishedAt: Math.max(0, ...finished),
  };
}

/** How many log-like evidence files of the case were never parsed. */
export async function unparsedFileCount(caseId: string): Promise<number> {
  const parsed = new Set((await db.ingests.where('caseId').equals(caseId).toArray()).map((ingest) => ingest.fileId));
  return (await db.evidenceFiles.where('caseId').equals(caseId).toArray()).filter(
    (file) => isLogLike(file) && !parsed.has(file.id),
  ).length;
}

/** The first `limit` stored problems of an ingest. */
export function ingestProblems(ingestId: string, limit: number): Promise<IngestProblemRecord[]> {
  return db.ingestProblems.where('ingestId').equals(ingestId).limit(limit).toArray();
}

/** Marks the case's queued or running ingests that `active` (this window's) leaves out as interrupted. */
export function markInterrupted(caseId: string, active: ReadonlySet<string>): Promise<number> {
  return markInterruptedIngests(db, caseId, active);
}

export function csvPresets(): Promise<CsvPreset[]> {
  return readCsvPresets(db);
}

export function storeCsvPreset(preset: CsvPreset): Promise<void> {
  return saveCsvPreset(db, preset);
}
