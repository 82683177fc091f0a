// Stores a verified import: files, bytes, tokens, sightings, the import record and its custody entry,
// all in ONE read-write transaction. Either the whole import is stored or none of it.
import type { BundleReport } from '../../core/evidence';
import { custodyFilesFromReport } from '../../core/evidence';
import type { EvidenceError } from '../../core/evidence';
import type { ExtractedToken } from '../../core/token';
import { appendCustody } from './custody-log';
import { createCase } from '../cases/case-store';
import { buildImportRows, type ImportContext } from './import-records';
import type { CaseRecord, TokenRecord } from '../db/records';
import { caseTables, type TokentrailDatabase } from '../db/schema';

/** A token seen in an earlier import keeps its first import and gains the new sightings. */
export function mergeTokens(incoming: readonly TokenRecord[], existing: readonly (TokenRecord | undefined)[]) {
  let added = 0;
  const merged = incoming.map((token, index) => {
    const known = existing[index];
    if (!known) {
      added += 1;
      return token;
    }
    return { ...known, sightingCount: known.sightingCount + token.sightingCount };
  });
  return { merged, added };
}

function importDetail(report: BundleReport): string {
  const origin = report.origin;
  const zip = origin.sha256 ? `; zip ${origin.size} bytes, sha256 ${origin.sha256}` : '';
  return `${origin.type} "${origin.name}"${zip}; ${report.files.length} files, ${report.problems.length} problems`;
}

/** Writes one import into an existing case. Returns the new import's id. */
export async function commitImport(
  database: TokentrailDatabase,
  context: ImportContext,
  report: BundleReport,
  tokens: readonly ExtractedToken[],
): Promise<string> {
  const rows = buildImportRows(context, report, tokens);
  const { caseId } = context;
  await database.transaction('rw', caseTables(database), async () => {
    const existing = await database.tokens.bulkGet(rows.tokens.map((token) => [caseId, token.tokenHash]));
    const { merged, added } = mergeTokens(rows.tokens, existing);
    await database.imports.add(rows.importRecord);
    await database.evidenceFiles.bulkAdd(rows.files);
    await database.evidenceBlobs.bulkAdd(rows.blobs);
    await database.tokens.bulkPut(merged);
    await database.tokenSightings.bulkAdd(rows.sightings);
    await database.cases.update(caseId, (record: CaseRecord) => {
      Object.assign(record, {
        updatedAt: context.at,
        metadata: report.manifest.generated ? record.metadata : report.manifest.case,
        counts: {
          ...record.counts,
          imports: record.counts.imports + 1,
          files: record.counts.files + rows.files.length,
          bytes: record.counts.bytes + rows.bytes,
          tokens: record.counts.tokens + added,
          sightings: record.counts.sightings + rows.sightings.length,
        },
      });
    });
    await appendCustody(database, caseId, {
      at: context.at,
      investigator: context.investigator,
      action: 'import',
      source: report.origin.name,
      verdict: report.verdict,
      files: custodyFilesFromReport(report),
      detail: importDetail(report),
    });
  });
  return rows.importRecord.id;
}

/** Creates a case named after the bundle's manifest and imports the bundle into it, as one transaction. */
export async function createCaseFromBundle(
  database: TokentrailDatabase,
  investigator: string,
  report: BundleReport,
  tokens: readonly ExtractedToken[],
): Promise<string> {
  const metadata = report.manifest.case;
  return database.transaction('rw', caseTables(database), async () => {
    const caseId = await createCase(
      database,
      { title: metadata.title || report.origin.name, caseNumber: metadata.caseNumber, notes: metadata.notes },
      investigator,
    );
    await commitImport(database, { caseId, investigator, at: Date.now() }, report, tokens);
    return caseId;
  });
}

/** A rejected bundle stores nothing but the fact that it was rejected, and why. */
export async function recordRejectedImport(
  database: TokentrailDatabase,
  caseId: string,
  investigator: string,
  sourceName: string,
  error: EvidenceError,
): Promise<void> {
  await appendCustody(database, caseId, {
    at: Date.now(),
    investigator,
    action: 'import-rejected',
    source: sourceName,
    verdict: 'rejected',
    files: [],
    detail: `${error.code} in ${error.file}: ${error.message}`,
  });
}
