// Turns a verified bundle and its extracted tokens into the rows one import stores. Pure: all the work
// happens here, before the write transaction opens, so the transaction itself only writes.
import type { BundleReport } from '../../core/evidence';
import type { ExtractedToken } from '../../core/token';
import { newId } from '../db/ids';
import type {
  EvidenceBlobRecord,
  EvidenceFileRecord,
  ImportRecord,
  TokenRecord,
  TokenSightingRecord,
} from '../db/records';

export interface ImportRows {
  readonly importRecord: ImportRecord;
  readonly files: readonly EvidenceFileRecord[];
  readonly blobs: readonly EvidenceBlobRecord[];
  readonly tokens: readonly TokenRecord[];
  readonly sightings: readonly TokenSightingRecord[];
  readonly bytes: number;
}

export interface ImportContext {
  readonly caseId: string;
  readonly investigator: string;
  readonly at: number;
}

function tokenRecord(caseId: string, importId: string, token: ExtractedToken): TokenRecord {
  const { sightings, ...decoded } = token;
  // extractTokens lists sightings in file order, so the first is where the token first appears.
  const first = sightings[0];
  return {
    ...decoded,
    caseId,
    firstImportId: importId,
    sightingCount: sightings.length,
    ...(first ? { firstSeen: { path: first.path, line: first.line } } : {}),
  };
}

/** The token and sighting rows of the tokens found in one import's files. */
export function tokenRows(
  caseId: string,
  importId: string,
  tokens: readonly ExtractedToken[],
): { tokens: TokenRecord[]; sightings: TokenSightingRecord[] } {
  return {
    tokens: tokens.map((token) => tokenRecord(caseId, importId, token)),
    sightings: tokens.flatMap((token) =>
      token.sightings.map((sighting) => ({ ...sighting, caseId, tokenHash: token.tokenHash, importId })),
    ),
  };
}

/** Builds every row of one import. File ids are fresh, so importing the same bundle twice keeps both. */
export function buildImportRows(
  context: ImportContext,
  report: BundleReport,
  tokens: readonly ExtractedToken[],
): ImportRows {
  const importId = newId();
  const contentByPath = new Map(report.contents.map((content) => [content.path, content]));
  const files: EvidenceFileRecord[] = [];
  const blobs: EvidenceBlobRecord[] = [];
  let bytes = 0;
  for (const check of report.files) {
    const id = newId();
    const content = contentByPath.get(check.path);
    files.push({
      id,
      caseId: context.caseId,
      importId,
      path: check.path,
      kind: check.kind,
      mediaType: check.mediaType,
      verdict: check.verdict,
      size: check.actual?.size,
      sha256: check.actual?.sha256,
      declared: check.declared,
      description: check.description,
    });
    if (content) {
      blobs.push({ fileId: id, caseId: context.caseId, bytes: content.bytes });
      bytes += content.bytes.length;
    }
  }
  const importRecord: ImportRecord = {
    id: importId,
    caseId: context.caseId,
    at: context.at,
    investigator: context.investigator,
    origin: report.origin,
    verdict: report.verdict,
    status: 'complete',
    problems: report.problems,
    manifestBytes: report.manifestBytes,
    fileCount: files.length,
  };
  return { importRecord, files, blobs, ...tokenRows(context.caseId, importId, tokens), bytes };
}
