// Importing a case archive: verify it whole (core/archive's first pass), refuse it whole with the reason, and only
// then write it (second pass) under the archive's case id, the case record last. A cancelled or failed write removes
// every row written (deleteCase). The imported chain is kept exactly as archived — its hashes include the case id —
// and `archive-imported` is appended after it.
import {
  readArchive,
  verifyArchive,
  type ArchiveManifest,
  type ArchiveOptions,
  type VerifiedArchive,
} from '../../core/archive';
import type { RandomAccessInput } from '../../core/evidence';
import { extractTokens } from '../../core/token';
import type { CaseRecord, EvidenceFileRecord, TokenRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { deleteCase } from '../cases/case-store';
import { mergeTokens } from '../evidence/commit-import';
import { appendCustody } from '../evidence/custody-log';
import { tokenRows } from '../evidence/import-records';
import { archivedTables } from './archived-tables';
import { IMPORT_MARKER, StoreWriter } from './store-writer';
import { textRowsAllPacked } from './text-filter-coverage';

/** Why an archive that verified is still not imported here (the case exists already, a table this store lacks). */
export class ArchiveImportRefused extends Error {
  override readonly name = 'ArchiveImportRefused';
}

/** What an import brought in. */
export interface ArchiveImportOutcome {
  readonly caseId: string;
  readonly title: string;
  readonly producer: ArchiveManifest['producer'];
  /** Imports whose files the app must ingest itself (a CLI-made archive carries no store-shaped events). */
  readonly importsToIngest: readonly string[];
}

/** The tables of the archive the store will not hold: a CLI archive's own `cli…` tables. Anything else unknown is refused. */
function skippedTables(database: TokentrailDatabase, manifest: ArchiveManifest): Set<string> {
  const known = new Set(archivedTables(database).map((table) => table.name));
  const skipped = new Set<string>();
  for (const table of manifest.tables) {
    if (known.has(table.name)) continue;
    if (manifest.producer === 'cli' && table.name.startsWith('cli')) skipped.add(table.name);
    else
      throw new ArchiveImportRefused(
        `the archive holds a table "${table.name}" this version of Tokentrail does not know; import it with the version that made it (${manifest.toolVersion}) or newer`,
      );
  }
  if (!manifest.tables.some((table) => table.name === 'cases' && table.rows === 1))
    throw new ArchiveImportRefused('the archive holds no case record');
  return skipped;
}

/** Removes what imports interrupted by a closed window left behind (their case record was never written). */
async function removeInterruptedImports(database: TokentrailDatabase): Promise<void> {
  const markers = await database.settings.where('key').startsWith(IMPORT_MARKER).toArray();
  for (const marker of markers) {
    await deleteCase(database, marker.key.slice(IMPORT_MARKER.length));
    await database.settings.delete(marker.key);
  }
}

/**
 * A CLI-made archive carries the evidence and import records but no token rows: find the tokens in each import's
 * files as an import in the app does, and count them on the case record.
 */
async function deriveTokens(database: TokentrailDatabase, caseId: string, record: CaseRecord): Promise<CaseRecord> {
  let tokens = 0;
  let sightings = 0;
  for (const importRecord of await database.imports.where('caseId').equals(caseId).toArray()) {
    const files: EvidenceFileRecord[] = await database.evidenceFiles
      .where('importId')
      .equals(importRecord.id)
      .toArray();
    const contents = [];
    for (const file of files) {
      const blob = await database.evidenceBlobs.get(file.id);
      if (blob) contents.push({ path: file.path, bytes: blob.bytes, sha256: file.sha256 ?? '' });
    }
    const rows = tokenRows(caseId, importRecord.id, extractTokens(contents));
    await database.transaction('rw', [database.tokens, database.tokenSightings], async () => {
      const existing = await database.tokens.bulkGet(rows.tokens.map((token) => [caseId, token.tokenHash]));
      const { merged, added } = mergeTokens(rows.tokens, existing as (TokenRecord | undefined)[]);
      await database.tokens.bulkPut(merged);
      await database.tokenSightings.bulkAdd(rows.sightings);
      tokens += added;
      sightings += rows.sightings.length;
    });
  }
  return { ...record, counts: { ...record.counts, tokens, sightings } };
}

/** Verify an archive completely; nothing is written. Throws ArchiveError with the reason when it is refused. */
export function verifyCaseArchive(input: RandomAccessInput, options: ArchiveOptions = {}): Promise<VerifiedArchive> {
  return verifyArchive(input, options);
}

/**
 * Write an archive that {@link verifyCaseArchive} accepted into the store. Refuses (before writing) a case that is
 * already in the store: the journal's hashes include the case id, so a copy under another id could not verify.
 */
export async function writeCaseArchive(
  database: TokentrailDatabase,
  input: RandomAccessInput,
  verified: VerifiedArchive,
  investigator: string,
  options: ArchiveOptions = {},
): Promise<ArchiveImportOutcome> {
  const { manifest } = verified;
  const caseId = manifest.case.id;
  await removeInterruptedImports(database);
  if (await database.cases.get(caseId))
    throw new ArchiveImportRefused(
      `the case "${manifest.case.title}" (id ${caseId}) is already in this store; open it, or delete it first to import the archive again`,
    );
  const skipped = skippedTables(database, manifest);
  await database.settings.put({ key: `${IMPORT_MARKER}${caseId}`, value: String(Date.now()) });
  try {
    const writer = new StoreWriter(database, caseId, skipped);
    await readArchive(input, verified, writer, options);
    let record = writer.caseRecord as unknown as CaseRecord;
    if (manifest.producer === 'cli') record = await deriveTokens(database, caseId, record);
    if (!(await textRowsAllPacked(database, caseId))) record = { ...record, textFiltersIncomplete: true };
    await database.transaction('rw', [database.cases, database.custody, database.settings], async () => {
      await database.cases.add(record);
      await appendCustody(database, caseId, {
        at: Date.now(),
        investigator,
        action: 'archive-imported',
        source: input.name,
        files: [],
        digest: verified.manifestSha256,
        detail: `case archive of ${verified.size} bytes made by ${manifest.createdBy} with Tokentrail ${manifest.toolVersion} (${manifest.producer}); ${manifest.evidence.length} evidence files; imported chain of ${manifest.custody.length} entries up to ${manifest.custody.headHash} verified`,
      });
      await database.settings.delete(`${IMPORT_MARKER}${caseId}`);
    });
    const importsToIngest =
      manifest.producer === 'cli' ? await database.imports.where('caseId').equals(caseId).primaryKeys() : [];
    return { caseId, title: manifest.case.title, producer: manifest.producer, importsToIngest };
  } catch (error) {
    await deleteCase(database, caseId);
    await database.settings.delete(`${IMPORT_MARKER}${caseId}`);
    throw error;
  }
}
