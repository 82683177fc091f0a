// A verified case archive as the input of `report create`: the case as it was archived — its evidence files with their
// custody entries, the findings the case's analysis stored, the investigator's annotations and dispositions (which
// choose the findings, as in the app), and the journal's head — instead of a fresh run over a bundle.
import type { AuthEvent, CaseMetadata, CustodyEntry, EvidenceKind, FileVerdict } from '../core';
import {
  reportMethod,
  reportPlaces,
  type ReportAnnotationInput,
  type ReportInput,
  type ReportTokenInput,
} from '../core/report';
import type { ApiProfile, TimelineParameterOverrides } from '../core/timeline';
import type { TokenAnalysis } from '../core/token';
import { archivedAnnotations, archivedFindings } from './archive-export-input';
import { archivedAppEvents, type ArchivedCase } from './case-archive-read';
import { reportRecords, reportTokens } from './report-input';

/** What the CLI states where the app would have the investigator's own limitations statement. */
export function archiveLimitations(archived: ArchivedCase): string {
  return `Made by the tokentrail CLI from a case archive (manifest SHA-256 ${archived.manifestSha256}) verified intact: the findings, annotations, dispositions and journal are the case's as archived by ${archived.manifest.createdBy}; the investigator's summary and limitations are not part of an archive.`;
}

/** The custody entries that name a file: those listing it (imports, re-verification) and those about it. */
function custodyOf(
  custody: readonly CustodyEntry[],
  file: { id: string; sha256?: string; path: string },
): CustodyEntry[] {
  return custody.filter(
    (entry) =>
      entry.target === `file:${file.id}` ||
      entry.files.some((listed) => listed.path === file.path && listed.sha256 === file.sha256),
  );
}

/** Tokens as the case holds them: the app's token rows (decoded at import) or a CLI archive's analyses. */
function archivedTokens(archived: ArchivedCase): ReadonlyMap<string, ReportTokenInput> {
  if (archived.manifest.producer === 'cli')
    return reportTokens(archived.rows('cliTokenAnalyses') as unknown as TokenAnalysis[]);
  const tokens = new Map<string, ReportTokenInput>();
  for (const row of archived.rows('tokens'))
    tokens.set(String(row.tokenHash), {
      compact: String(row.compact),
      header: (row.header ?? null) as ReportTokenInput['header'],
      claims: (row.claims ?? null) as ReportTokenInput['claims'],
    });
  return tokens;
}

function archivedEventList(archived: ArchivedCase): AuthEvent[] {
  if (archived.manifest.producer === 'cli') return archived.rows('cliEvents') as unknown as AuthEvent[];
  return archivedAppEvents(archived).map((row) => row.event);
}

/**
 * The report input of a verified case archive. Detector parameters are those of the case's last analysis (an app
 * archive), else the case configuration's; keys and case configuration are read from the archived evidence; the
 * geolocation databases are the ones the archive records by hash.
 */
export function archiveReportInput(archived: ArchivedCase, examiners: readonly string[]): ReportInput {
  const caseRow = archived.rows('cases')[0] ?? {};
  const metadata = caseRow.metadata as CaseMetadata | undefined;
  const custody = archived.rows('custody') as unknown as CustodyEntry[];
  const analysis = archived.rows('caseAnalyses')[0];
  const parameters = (analysis?.parameters as TimelineParameterOverrides | undefined) ?? archived.material.parameters;
  const annotations = new Map<string, ReportAnnotationInput>();
  for (const [target, annotation] of archivedAnnotations(archived))
    annotations.set(target, { state: annotation.state, author: annotation.investigator, at: annotation.at });
  return {
    case: {
      id: String(caseRow.caseNumber ?? metadata?.caseNumber ?? archived.manifest.case.id),
      title: archived.manifest.case.title,
      examiners,
      timeZone: metadata?.timeZone ?? 'UTC',
      summary: '',
      limitations: archiveLimitations(archived),
      openedAt: typeof caseRow.createdAt === 'number' ? caseRow.createdAt : undefined,
      collectedAt: metadata?.collectedAt,
    },
    evidence: archived.rows('evidenceFiles').map((row) => {
      const file = { id: String(row.id), path: String(row.path), sha256: row.sha256 as string | undefined };
      return {
        path: file.path,
        size: Number(row.size ?? 0),
        sha256: file.sha256 ?? '',
        kind: row.kind as EvidenceKind,
        verdict: row.verdict as FileVerdict,
        custody: custodyOf(custody, file),
      };
    }),
    method: reportMethod({
      parameters,
      caseConfig: archived.material.caseConfig,
      keyFiles: archived.material.keys,
      geoDatabases: archived.manifest.geoDatabases,
    }),
    findings: archivedFindings(archived),
    records: reportRecords(archivedEventList(archived)),
    places: reportPlaces(archivedEventList(archived)),
    apiProfiles: analysis?.apiProfiles as readonly ApiProfile[] | undefined,
    tokens: archivedTokens(archived),
    annotations,
    journal: { headHash: archived.manifest.custody.headHash, length: archived.manifest.custody.length },
  };
}
