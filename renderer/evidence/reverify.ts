// Re-hashes a case's stored evidence bytes and compares each file's digest from every source that holds one: the
// bytes themselves, the file record's stored hash, the hash the import's custody entry recorded (hash-chained and
// anchored, so it is the reference) and the manifest's. Then records the outcome in the custody chain.
import { compareFileHashes, parseManifest, type CustodyEntry, type HashSource } from '../../core/evidence';
import { reverifyBytes } from '../../core/evidence';
import { appendCustody, custodyChain } from './custody-log';
import type { EvidenceFileRecord, ImportRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';

/** One file that failed: which sources disagree with the custody record, and a sentence saying so. */
export interface AlteredFile {
  readonly path: string;
  readonly disagreeing: readonly HashSource[];
  readonly explanation: string;
}

export interface ReverifyOutcome {
  readonly verdict: 'intact' | 'altered';
  readonly checked: number;
  readonly altered: readonly AlteredFile[];
}

type CustodyLine = CustodyEntry['files'][number];

/**
 * The custody entry an import wrote: the `import` entry with the import's time and origin. Matching on what the
 * import record says is safe: if an insider edits those fields, no entry matches and the file is reported as having
 * no custody record, which fails re-verification.
 */
function custodyLinesOf(chain: readonly CustodyEntry[], record: ImportRecord | undefined): Map<string, CustodyLine> {
  const entry = record && chain.find((candidate) => candidate.action === 'import' && candidate.at === record.at && candidate.source === record.origin.name);
  return new Map((entry?.files ?? []).map((line) => [line.path, line]));
}

/** The manifest's digest of each path, from the manifest bytes the import kept (absent for loose files). */
function manifestHashesOf(record: ImportRecord | undefined): Map<string, string> {
  const manifest = record?.manifestBytes ? parseManifest(record.manifestBytes).manifest : undefined;
  return new Map((manifest?.files ?? []).map((entry) => [entry.path, entry.sha256]));
}

async function hashSourcesOf(database: TokentrailDatabase, chain: readonly CustodyEntry[], imports: Map<string, ImportRecord>, file: EvidenceFileRecord) {
  const record = imports.get(file.importId);
  const custody = custodyLinesOf(chain, record).get(file.path);
  // Declared but missing at import, as the custody record says (not the editable file record): no bytes to re-hash.
  if (custody?.verdict === 'missing') return undefined;
  const blob = await database.evidenceBlobs.get(file.id);
  // A file that did not match its manifest at import was recorded as such; only a match then must still match now.
  const manifest = custody?.verdict === 'match' ? manifestHashesOf(record).get(file.path) : undefined;
  return {
    bytes: blob ? reverifyBytes(blob.bytes, file.sha256 ?? '').sha256 : undefined,
    stored: file.sha256,
    custody: custody?.sha256,
    manifest,
    size: blob?.bytes.length ?? 0,
  };
}

/** Re-hashes every stored file of the case, one at a time so only one file's bytes are in memory. */
export async function reverifyCase(database: TokentrailDatabase, caseId: string, investigator: string): Promise<ReverifyOutcome> {
  const files = await database.evidenceFiles.where('caseId').equals(caseId).toArray();
  const imports = new Map((await database.imports.where('caseId').equals(caseId).toArray()).map((record) => [record.id, record]));
  const chain = await custodyChain(database, caseId);
  const results: { path: string; size: number; sha256: string; verdict: string }[] = [];
  const altered: AlteredFile[] = [];
  for (const file of files) {
    const sources = await hashSourcesOf(database, chain, imports, file);
    if (!sources) continue;
    const { size, ...hashes } = sources;
    const comparison = compareFileHashes(hashes);
    if (!comparison.intact) altered.push({ path: file.path, disagreeing: comparison.disagreeing, explanation: comparison.explanation });
    results.push({ path: file.path, size, sha256: hashes.bytes ?? '', verdict: comparison.intact ? 'intact' : 'altered' });
  }
  const verdict = altered.length === 0 ? 'intact' : 'altered';
  await appendCustody(database, caseId, {
    at: Date.now(),
    investigator,
    action: 'reverify',
    source: 'stored evidence',
    verdict,
    files: results,
    detail: [`${results.length} files re-hashed, ${altered.length} altered`, ...altered.map((file) => `${file.path}: ${file.explanation}`)].join('; '),
  });
  return { verdict, checked: results.length, altered };
}
