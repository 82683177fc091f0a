// Re-hashes a case's stored evidence bytes and compares them with the hashes taken at import, then
// records the outcome in the custody chain: the proof that storage has not altered the evidence.
import { reverifyBytes } from '../../core/evidence';
import { appendCustody } from './custody-log';
import type { TokentrailDatabase } from '../db/schema';

export interface ReverifyOutcome {
  readonly verdict: 'intact' | 'altered';
  readonly checked: number;
  readonly altered: readonly string[];
}

/** Re-hashes every stored file of the case, one at a time so only one file's bytes are in memory. */
export async function reverifyCase(database: TokentrailDatabase, caseId: string, investigator: string): Promise<ReverifyOutcome> {
  const files = await database.evidenceFiles.where('caseId').equals(caseId).toArray();
  const results: { path: string; size: number; sha256: string; verdict: string }[] = [];
  const altered: string[] = [];
  for (const file of files) {
    if (!file.sha256) continue; // declared but missing at import: there are no bytes to re-hash
    const blob = await database.evidenceBlobs.get(file.id);
    const { intact, sha256 } = blob ? reverifyBytes(blob.bytes, file.sha256) : { intact: false, sha256: '' };
    if (!intact) altered.push(file.path);
    results.push({ path: file.path, size: blob?.bytes.length ?? 0, sha256, verdict: intact ? 'intact' : 'altered' });
  }
  const verdict = altered.length === 0 ? 'intact' : 'altered';
  await appendCustody(database, caseId, {
    at: Date.now(),
    investigator,
    action: 'reverify',
    source: 'stored evidence',
    verdict,
    files: results,
    detail: `${results.length} files re-hashed, ${altered.length} altered`,
  });
  return { verdict, checked: results.length, altered };
}
