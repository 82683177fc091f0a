// The app's side of the report seam (core/report ReportInput): the case state read from the store. The CLI fills the
// same input from its in-memory pipeline (cli/report-input.ts), so both produce the same report for the same state.
import { Dexie } from 'dexie';
import { isEmptyAnnotation } from '../../core/annotations';
import { CASE_MATERIAL_KINDS } from '../../core/case';
import { checkCustodyChain, type CustodyEntry } from '../../core/evidence';
import {
  recordKey,
  reportMethod,
  reportPlaces,
  type ReportAnnotationInput,
  type ReportPlaceInput,
  type ReportInput,
  type ReportTokenInput,
} from '../../core/report';
import type { TimelineFinding } from '../../core/timeline';
import type { EvidenceFileRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import { eventsBySeq } from '../db/event-store';
import { custodyChain } from '../evidence/custody-log';
import { loadCaseMaterial } from '../timeline-analysis/case-evidence';

/** What the investigator states for this report; the rest comes from the store. */
export interface ReportStatement {
  readonly examiners: readonly string[];
  /** The IANA zone the investigator reads times in. */
  readonly timeZone: string;
  readonly summary: string;
  readonly limitations: string;
}

/** Annotation targets a report can include (events are reached through findings, not annotated wholesale). */
const REPORTED_KINDS = ['finding', 'token', 'file'] as const;

/** The custody entries that name a file by its path and SHA-256: its import, re-verifications, discard. */
function custodyOf(file: EvidenceFileRecord, chain: readonly CustodyEntry[]): CustodyEntry[] {
  return chain.filter((entry) =>
    entry.files.some(
      (named) => named.path === file.path && (file.sha256 === undefined || named.sha256 === file.sha256),
    ),
  );
}

/** The investigator's annotations on findings, tokens and files of a case, by target key. */
export async function annotationsOf(
  database: TokentrailDatabase,
  caseId: string,
): Promise<Map<string, ReportAnnotationInput>> {
  const annotations = new Map<string, ReportAnnotationInput>();
  for (const kind of REPORTED_KINDS) {
    const rows = await database.annotationStates
      .where('[caseId+target]')
      .between([caseId, `${kind}:`], [caseId, `${kind}:\uffff`])
      .toArray();
    for (const row of rows)
      if (!isEmptyAnnotation(row.state))
        annotations.set(row.target, { state: row.state, author: row.investigator, at: row.at });
  }
  return annotations;
}

/** The original text of every record the findings point at, read by event seq (the findings' EventRef ids). */
async function recordsOf(
  database: TokentrailDatabase,
  caseId: string,
  findings: readonly TimelineFinding[],
): Promise<{ records: Map<string, string>; places: Map<string, ReportPlaceInput> }> {
  const seqs = [
    ...new Set(
      findings.flatMap((finding) => finding.events.map((event) => event.id)).filter((id) => typeof id === 'number'),
    ),
  ];
  const records = new Map<string, string>();
  const rows = await eventsBySeq(database, caseId, seqs);
  for (const row of rows) if (row) records.set(recordKey(row.event.source), row.event.record);
  const places = reportPlaces(rows.flatMap((row) => (row ? [row.event] : [])));
  return { records, places };
}

async function tokensOf(
  database: TokentrailDatabase,
  caseId: string,
  findings: readonly TimelineFinding[],
): Promise<Map<string, ReportTokenInput>> {
  const hashes = [...new Set(findings.flatMap((finding) => finding.tokenHashes))];
  const tokens = new Map<string, ReportTokenInput>();
  const rows = await database.tokens.bulkGet(hashes.map((hash): [string, string] => [caseId, hash]));
  for (const row of rows)
    if (row) tokens.set(row.tokenHash, { compact: row.compact, header: row.header, claims: row.claims ?? null });
  return tokens;
}

/**
 * The report input of a stored case: its record and metadata, every evidence file with its custody entries, the
 * method (the detectors' parameters as the last analysis ran them, the key files by thumbprint, the geolocation
 * databases), every finding of the last analysis with the records and tokens it names, the annotations on findings,
 * tokens and files, and the journal's head. Refuses a case whose journal does not verify: a signed report must not
 * vouch for a damaged chain.
 */
export async function storeReportInput(
  database: TokentrailDatabase,
  caseId: string,
  statement: ReportStatement,
): Promise<ReportInput> {
  const { record, chain, files, findings, analysis } = await database.transaction(
    'r',
    [database.cases, database.custody, database.evidenceFiles, database.timelineFindings, database.caseAnalyses],
    async () => ({
      record: await database.cases.get(caseId),
      chain: await custodyChain(database, caseId),
      files: await database.evidenceFiles.where('caseId').equals(caseId).sortBy('path'),
      findings: await database.timelineFindings
        .where('[caseId+rank+ts]')
        .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
        .reverse()
        .toArray(),
      analysis: await database.caseAnalyses.get(caseId),
    }),
  );
  if (!record) throw new Error('this case no longer exists');
  const check = checkCustodyChain(chain, record.custodyAnchor);
  if (!check.intact)
    throw new Error(
      `the journal of this case does not verify (${check.problem}); examine it in the Evidence tab first`,
    );
  const material = await loadCaseMaterial(database, caseId, CASE_MATERIAL_KINDS);
  const head = chain.at(-1);
  return {
    case: {
      id: record.caseNumber || record.metadata?.caseNumber || record.id,
      title: record.title,
      examiners: statement.examiners,
      timeZone: statement.timeZone,
      summary: statement.summary,
      limitations: statement.limitations,
      openedAt: record.createdAt,
      collectedAt: record.metadata?.collectedAt,
    },
    evidence: files.map((file) => ({
      path: file.path,
      size: file.size ?? file.declared?.size ?? 0,
      sha256: file.sha256 ?? file.declared?.sha256 ?? '',
      kind: file.kind,
      verdict: file.verdict,
      custody: custodyOf(file, chain),
    })),
    method: reportMethod({
      parameters: analysis?.parameters ?? material.parameters,
      caseConfig: material.caseConfig,
      keyFiles: material.keys,
      geoDatabases: record.geoDatabases ?? [],
    }),
    findings,
    ...(await recordsOf(database, caseId, findings)),
    tokens: await tokensOf(database, caseId, findings),
    annotations: await annotationsOf(database, caseId),
    journal: head ? { headHash: head.hash, length: chain.length } : undefined,
    apiProfiles: analysis?.apiProfiles,
  };
}
