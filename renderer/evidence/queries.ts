// The evidence feature's reads and writes of the window's store (files, imports, custody, re-verification, the
// sample case), in one place: views call these, never `db` itself.
import type { EvidenceError } from '../../core/evidence';
import type { BundleReport } from '../../core/evidence';
import type { ExtractedToken } from '../../core/token';
import type { CustodyEntry } from '../../core/evidence';
import type { EvidenceFileRecord, ImportRecord } from '../db/records';
import { db } from '../db/schema';
import { commitImport, recordRejectedImport } from './commit-import';
import { custodyChain } from './custody-log';
import { openSampleCase } from './open-sample';
import { openBundleAsCase } from './open-bundle-as-case';
import type { PickedSelection } from '../host/host';
import { reverifyCase, type ReverifyOutcome } from './reverify';
import { discardEvidence, removeDiscardedEvents } from './discard-evidence';

/** What the Evidence tab shows: the files by path, the imports, and the custody chain. */
export async function caseEvidence(
  caseId: string,
): Promise<{ files: EvidenceFileRecord[]; imports: ImportRecord[]; custody: CustodyEntry[] }> {
  const [files, imports, custody] = await Promise.all([
    db.evidenceFiles.where('caseId').equals(caseId).sortBy('path'),
    db.imports.where('caseId').equals(caseId).toArray(),
    custodyChain(db, caseId),
  ]);
  return { files, imports, custody };
}

/** Each evidence file's path by its id, for views that name the file an event came from. */
export async function evidenceFileNames(caseId: string): Promise<Map<string, string>> {
  return new Map((await db.evidenceFiles.where('caseId').equals(caseId).toArray()).map((file) => [file.id, file.path]));
}

export function storeImport(
  caseId: string,
  investigator: string,
  report: BundleReport,
  tokens: readonly ExtractedToken[],
): ReturnType<typeof commitImport> {
  return commitImport(db, { caseId, investigator, at: Date.now() }, report, tokens);
}

export function storeRejectedImport(
  caseId: string,
  investigator: string,
  source: string,
  error: EvidenceError,
): ReturnType<typeof recordRejectedImport> {
  return recordRejectedImport(db, caseId, investigator, source, error);
}

export function reverifyStoredEvidence(caseId: string, investigator: string): Promise<ReverifyOutcome> {
  return reverifyCase(db, caseId, investigator);
}

/** Verifies a bundle zip opened on its own and stores it as a new case; returns its id. */
export function openBundleZipAsCase(investigator: string, selection: PickedSelection): Promise<string> {
  return openBundleAsCase(db, investigator, selection);
}

/** Creates the sample case from the bundle inside the build and returns its id. */
export function openSample(investigator: string): Promise<string> {
  return openSampleCase(db, investigator);
}

/** Discards evidence files from the analysis (bytes kept) and journals it; returns the journal entry's seq. */
export function discardStoredEvidence(
  caseId: string,
  fileIds: readonly string[],
  reason: string,
  investigator: string,
): Promise<number> {
  return discardEvidence(db, { caseId, fileIds, reason, investigator });
}

/** Finishes removing the events of discarded files, should a window have closed while it ran. */
export function finishDiscards(caseId: string): Promise<void> {
  return removeDiscardedEvents(db, caseId);
}
