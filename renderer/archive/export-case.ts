// Exporting a case as one archive (core/archive, docs/archive-format.md): its evidence bytes, then every table of
// the case, streamed page by page into the host's save stream; then the `archive-exported` journal entry, whose
// digest is the SHA-256 of the archive's manifest.
import {
  CUSTODY_TABLE,
  writeArchive,
  type ArchiveEvidenceSource,
  type ArchiveOptions,
  type ArchiveRow,
  type ArchiveSource,
  type WrittenArchive,
} from '../../core/archive';
import { checkCustodyChain } from '../../core/evidence';
import type { SaveStream } from '../host/host';
import type { CaseRecord, EvidenceFileRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { appendCustody, custodyChain } from '../evidence/custody-log';
import { archivedTables } from './archived-tables';
import { caseTableRows, CASE_RECORD_TABLE } from './case-table-rows';

/** Evidence bytes are handed to the archive in slices of this size. */
const EVIDENCE_SLICE = 1024 * 1024;

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Each stored evidence file, its bytes read only when the archive reaches it (one file in memory at a time). */
async function evidenceSources(database: TokentrailDatabase, caseId: string): Promise<ArchiveEvidenceSource[]> {
  const files: EvidenceFileRecord[] = await database.evidenceFiles.where('caseId').equals(caseId).sortBy('id');
  const stored = new Set(await database.evidenceBlobs.where('caseId').equals(caseId).primaryKeys());
  return files
    .filter((file) => stored.has(file.id))
    .map((file) => ({
      fileId: file.id,
      path: file.path,
      async *chunks() {
        const blob = await database.evidenceBlobs.get(file.id);
        if (!blob) throw new Error(`the bytes of ${file.path} disappeared while the case was being archived`);
        for (let at = 0; at < blob.bytes.length; at += EVIDENCE_SLICE)
          yield blob.bytes.subarray(at, at + EVIDENCE_SLICE);
      },
    }));
}

/**
 * The archive source of a stored case. The case record and its custody chain are read together in one transaction,
 * so the anchor and the chain the archive carries match; a chain that does not verify is refused before anything is
 * written (the archive would be refused on import anyway).
 */
export async function caseArchiveSource(
  database: TokentrailDatabase,
  caseId: string,
  investigator: string,
): Promise<ArchiveSource> {
  const { record, chain } = await database.transaction('r', [database.cases, database.custody], async () => ({
    record: await database.cases.get(caseId),
    chain: await custodyChain(database, caseId),
  }));
  if (!record) throw new Error('this case no longer exists');
  const check = checkCustodyChain(chain, record.custodyAnchor);
  if (!check.intact)
    throw new Error(
      `the custody chain of this case does not verify (${check.problem}); examine it in the Evidence tab before archiving`,
    );
  const tables = archivedTables(database).map((table) => ({
    name: table.name,
    rows: (): AsyncIterable<ArchiveRow> => {
      if (table.name === CASE_RECORD_TABLE) return each([record as unknown as ArchiveRow]);
      if (table.name === CUSTODY_TABLE) return each(chain as unknown as ArchiveRow[]);
      return caseTableRows(table, caseId) as AsyncIterable<ArchiveRow>;
    },
  }));
  return {
    producer: 'app',
    case: { id: record.id, title: record.title },
    createdAt: Date.now(),
    createdBy: investigator,
    geoDatabases: record.geoDatabases ?? [],
    evidence: await evidenceSources(database, caseId),
    tables,
  };
}

/** A file name for something made of a case: its title made safe for every file system, the date, and `suffix`. */
export function caseFileName(title: string, suffix: string, at = new Date()): string {
  // Runs of anything but letters, digits, dot and dash become one dash, none at either end (split, not a trimming
  // pattern: nothing here may backtrack).
  const words = title.split(/[^\w.-]+/).filter((word) => word !== '');
  const stem = words.join('-').slice(0, 60) || 'case';
  return `${stem}-${at.toISOString().slice(0, 10)}${suffix}`;
}

/** A file name for the archive of `record`. */
export function archiveFileName(record: Pick<CaseRecord, 'title'>, at = new Date()): string {
  // .ttcase: a zip under the name the installers associate with the app (docs/install-offline.md).
  return caseFileName(record.title, '.ttcase', at);
}

/**
 * Write the case's archive into `stream` and, once the host has the whole file, journal it: `archive-exported` with
 * the manifest's SHA-256 as digest. A cancelled or failed export aborts the stream (nothing is saved) and journals
 * nothing.
 */
export async function exportCaseArchive(
  database: TokentrailDatabase,
  caseId: string,
  investigator: string,
  stream: SaveStream,
  options: ArchiveOptions = {},
): Promise<WrittenArchive & { readonly path?: string }> {
  let written: WrittenArchive;
  try {
    written = await writeArchive(
      await caseArchiveSource(database, caseId, investigator),
      (chunk) => stream.write(chunk),
      options,
    );
  } catch (error) {
    await stream.abort();
    throw error;
  }
  const saved = await stream.close();
  await appendCustody(database, caseId, {
    at: Date.now(),
    investigator,
    action: 'archive-exported',
    source: saved.path ?? stream.name,
    files: [],
    digest: written.manifestSha256,
    detail: `case archive of ${written.size} bytes: ${written.manifest.evidence.length} evidence files, ${written.manifest.tables.reduce((sum, table) => sum + table.rows, 0)} rows in ${written.manifest.tables.length} tables; custody ${written.manifest.custody.length} entries up to ${written.manifest.custody.headHash}`,
  });
  return { ...written, path: saved.path };
}
