// The archive feature's reads and writes of the window's store, in one place: views call these, never `db` itself.
import type { ArchiveOptions, VerifiedArchive } from '../../core/archive';
import type { RandomAccessInput } from '../../core/evidence';
import type { SaveStream } from '../host/host';
import { db } from '../db/schema';
import { ingestClient } from '../ingest/ingest-client';
import { exportCaseArchive } from './export-case';
import { verifyCaseArchive, writeCaseArchive, type ArchiveImportOutcome } from './import-case';

export { archiveFileName } from './export-case';

/** Export a case into `stream` and journal it (`archive-exported`). */
export function exportArchive(caseId: string, investigator: string, stream: SaveStream, options: ArchiveOptions) {
  return exportCaseArchive(db, caseId, investigator, stream, options);
}

/** Verify an archive whole, then write it; a CLI-made archive's evidence is then ingested as an app import would be. */
export async function importArchive(
  input: RandomAccessInput,
  investigator: string,
  options: ArchiveOptions,
): Promise<ArchiveImportOutcome> {
  const verified: VerifiedArchive = await verifyCaseArchive(input, {
    ...options,
    onProgress: (progress) => options.onProgress?.({ ...progress, phase: `Verifying ${progress.phase}` }),
  });
  const outcome = await writeCaseArchive(db, input, verified, investigator, {
    ...options,
    onProgress: (progress) => options.onProgress?.({ ...progress, phase: `Writing ${progress.phase}` }),
  });
  for (const importId of outcome.importsToIngest) await ingestClient.ingestImport(outcome.caseId, importId);
  return outcome;
}
