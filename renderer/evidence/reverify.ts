// Re-hashes a case's stored evidence bytes and compares each file's digest from every source that holds one: the
// bytes themselves, the file record's stored hash, the hash the import's custody entry recorded (hash-chained and
// anchored, so it is the reference) and the manifest's. Then records the outcome in the custody chain.
import {
  checkCustodyChain,
  compareFileHashes,
  parseManifest,
  type CustodyEntry,
  type HashSource,
} from '../../core/evidence';
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
  /** False when the custody chain itself fails its check against the case's anchor: then no reference can be trusted. */
  readonly chainIntact: boolean;
}

type CustodyLine = CustodyEntry['files'][number];

/**
 * The custody entry an import wrote: the `import` entry with the import's time and origin. Matching on what the
 * import record says is safe: if an insider edits those fields, no entry matches and the file is reported as having
 * no custody record, which fails re-verification.
 */
function custodyLinesOf(chain: readonly CustodyEntry[], record: ImportRecord): Map<string, CustodyLine> {
  const entry = chain.find(
    (candidate) =>
      candidate.action === 'import' && candidate.at === record.at && candidate.source === record.origin.name,
  );
  return new Map((entry?.files ?? []).map((line) => [line.path, line]));
}

/** The manifest's digest of each path, from the manifest bytes the import kept (absent for loose files). */
function manifestHashesOf(record: ImportRecord): Map<string, string> {
  const manifest = record.manifestBytes ? parseManifest(record.manifestBytes).manifest : undefined;
  return new Map((manifest?.files ?? []).map((entry) => [entry.path, entry.sha256]));
}

/** What an import recorded of each of its files: the custody line and the manifest's digest, by path. */
interface ImportHashes {
  readonly custody: Map<string, CustodyLine>;
  readonly manifest: Map<string, string>;
}

/** Each import's recorded hashes, computed once per import (not per file: a manifest can list thousands). */
function importHashesOf(chain: readonly CustodyEntry[], imports: readonly ImportRecord[]): Map<string, ImportHashes> {
  return new Map(
    imports.map((record) => [
      record.id,
      { custody: custodyLinesOf(chain, record), manifest: manifestHashesOf(record) },
    ]),
  );
}

async function hashSourcesOf(
  database: TokentrailDatabase,
  recorded: ImportHashes | undefined,
  file: EvidenceFileRecord,
) {
  const custody = recorded?.custody.get(file.path);
  // Declared but missing at import, as the custody record says (not the editable file record): no bytes to re-hash.
  if (custody?.verdict === 'missing') return undefined;
  const blob = await database.evidenceBlobs.get(file.id);
  // A file that did not match its manifest at import was recorded as such; only a match then must still match now.
  const manifest = custody?.verdict === 'match' ? recorded?.manifest.get(file.path) : undefined;
  return {
    bytes: blob ? reverifyBytes(blob.bytes, file.sha256 ?? '').sha256 : undefined,
    stored: file.sha256,
    custody: custody?.sha256,
    manifest,
    size: blob?.bytes.length ?? 0,
  };
}

/** Re-hashes every stored file of the case, one at a time so only one file's bytes are in memory. */
export async function reverifyCase(
  database: TokentrailDatabase,
  caseId: string,
  investigator: string,
): Promise<ReverifyOutcome> {
  const files = await database.evidenceFiles.where('caseId').equals(caseId).toArray();
  const chain = await custodyChain(database, caseId);
  const chainIntact = checkCustodyChain(chain, (await database.cases.get(caseId))?.custodyAnchor).intact;
  const recorded = importHashesOf(chain, await database.imports.where('caseId').equals(caseId).toArray());
  const results: { path: string; size: number; sha256: string; verdict: string }[] = [];
  const altered: AlteredFile[] = [];
  for (const file of files) {
    const sources = await hashSourcesOf(database, recorded.get(file.importId), file);
    if (!sources) continue;
    const { size, ...hashes } = sources;
    const comparison = compareFileHashes(hashes);
    if (!comparison.intact)
      altered.push({ path: file.path, disagreeing: comparison.disagreeing, explanation: comparison.explanation });
    results.push({
      path: file.path,
      size,
      sha256: hashes.bytes ?? '',
      verdict: comparison.intact ? 'intact' : 'altered',
    });
  }
  const verdict = altered.length === 0 && chainIntact ? 'intact' : 'altered';
  const chainNote = chainIntact
    ? []
    : ['the custody chain fails its check against the case record, so its hashes cannot be trusted'];
  await appendCustody(database, caseId, {
    at: Date.now(),
    investigator,
    action: 'reverify',
    source: 'stored evidence',
    verdict,
    files: results,
    detail: [
      `${results.length} files re-hashed, ${altered.length} altered`,
      ...chainNote,
      ...altered.map((file) => `${file.path}: ${file.explanation}`),
    ].join('; '),
  });
  return { verdict, checked: results.length, altered, chainIntact };
}
