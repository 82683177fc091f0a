// Writes of the token analysis: per-token summaries and details (see token-analysis-records.ts) and their
// findings (findings table, origin 'token-check', so a Findings view lists them with the timeline's). One
// transaction per batch of tokens, the analysis done before it opens. Finding ids are derived from case, token,
// list and position, so a re-analysis deletes a token's earlier rows by key.
import { highestSeverity, type Finding } from '../../core/token';
import type { FindingRecord } from '../db/records';
import type { TokentrailDatabase } from '../db/schema';
import type {
  DecryptedContent,
  StoredVerdict,
  TokenAnalysisDetail,
  TokenAnalysisSummary,
} from '../db/token-analysis-records';
import type { TrailEntry } from '../../core/token';

type FindingList = 'analysis' | 'wordlist';

/** One token's analysis as the worker produces it. */
export interface AnalysisResult {
  readonly caseId: string;
  readonly tokenHash: string;
  readonly analyzedAt: number;
  readonly basis: string;
  readonly verdict: StoredVerdict;
  readonly trail: readonly TrailEntry[];
  readonly findings: readonly Finding[];
  readonly useTimes: readonly number[];
  readonly presentedTo?: string;
  readonly decrypted?: DecryptedContent;
}

function findingIds(caseId: string, tokenHash: string, list: FindingList, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `token-check|${caseId}|${tokenHash}|${list}|${index}`);
}

function findingRows(detail: TokenAnalysisDetail, list: FindingList, at: number): FindingRecord[] {
  const findings = list === 'analysis' ? detail.findings : detail.wordlistFindings;
  const ids = findingIds(detail.caseId, detail.tokenHash, list, findings.length);
  return findings.map((finding, index) => ({
    id: ids[index]!,
    caseId: detail.caseId,
    origin: 'token-check',
    detectorId: finding.id,
    severity: finding.severity,
    tokenHash: detail.tokenHash,
    at,
    data: { message: finding.message, evidence: finding.evidence },
  }));
}

function summaryOf(detail: TokenAnalysisDetail, analyzedAt: number, basis: string): TokenAnalysisSummary {
  const all = [...detail.findings, ...detail.wordlistFindings];
  return {
    caseId: detail.caseId,
    tokenHash: detail.tokenHash,
    analyzedAt,
    basis,
    status: detail.verdict.status,
    key: detail.verdict.key,
    highestSeverity: highestSeverity(all),
    findingCount: all.length,
  };
}

/** Stores a batch of analyses, replacing earlier analyses of the same tokens but keeping their wordlist findings. */
export async function saveAnalyses(database: TokentrailDatabase, results: readonly AnalysisResult[]): Promise<void> {
  if (results.length === 0) return;
  await database.transaction(
    'rw',
    [database.tokenAnalyses, database.tokenAnalysisDetails, database.findings],
    async () => {
      const earlier = await database.tokenAnalysisDetails.bulkGet(
        results.map((result): [string, string] => [result.caseId, result.tokenHash]),
      );
      const details = results.map(
        ({ analyzedAt: _analyzedAt, basis: _basis, ...result }, index): TokenAnalysisDetail => ({
          ...result,
          wordlistFindings: earlier[index]?.wordlistFindings ?? [],
        }),
      );
      // The earlier analysis says how many finding rows it stored, so they are deleted by key, not by a scan.
      await database.findings.bulkDelete(
        earlier.flatMap((known) =>
          known ? findingIds(known.caseId, known.tokenHash, 'analysis', known.findings.length) : [],
        ),
      );
      await database.tokenAnalysisDetails.bulkPut(details);
      await database.tokenAnalyses.bulkPut(
        details.map((detail, index) => summaryOf(detail, results[index]!.analyzedAt, results[index]!.basis)),
      );
      await database.findings.bulkPut(
        details.flatMap((detail, index) => findingRows(detail, 'analysis', results[index]!.analyzedAt)),
      );
    },
  );
}

/**
 * Adds a finding of a wordlist search to an analysed token (a repeat of the same finding is not added twice).
 * Returns false when the token has no analysis to add it to.
 */
export async function saveWordlistFinding(
  database: TokentrailDatabase,
  caseId: string,
  tokenHash: string,
  finding: Finding,
  at: number,
): Promise<boolean> {
  return database.transaction(
    'rw',
    [database.tokenAnalyses, database.tokenAnalysisDetails, database.findings],
    async () => {
      const [detail, summary] = await Promise.all([
        database.tokenAnalysisDetails.get([caseId, tokenHash]),
        database.tokenAnalyses.get([caseId, tokenHash]),
      ]);
      if (!detail || !summary) return false;
      if (detail.wordlistFindings.some((known) => known.message === finding.message)) return true;
      const updated = { ...detail, wordlistFindings: [...detail.wordlistFindings, finding] };
      await database.tokenAnalysisDetails.put(updated);
      await database.tokenAnalyses.put(summaryOf(updated, summary.analyzedAt, summary.basis));
      await database.findings.bulkPut(findingRows(updated, 'wordlist', at)); // wordlist findings only grow: same ids
      return true;
    },
  );
}
