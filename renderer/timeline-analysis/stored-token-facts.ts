// The token engine's results as core/timeline takes them, read from the store: facts per token (claims from the
// tokens table, verdict and check ids from tokenAnalysisDetails) and the token-check findings to list with the detectors'.
// Read a page of tokens at a time by keyset, so a case with many tokens is never loaded whole.
import { tokenFactsFromVerdict, type TokenCheckResult, type TokenFacts } from '../../core/timeline';
import type { TokentrailDatabase } from '../db/schema';
import { casePages } from '../db/case-pages';

const PAGE_SIZE = 1000;

export interface StoredTokenResults {
  readonly facts: TokenFacts[];
  readonly checks: TokenCheckResult[];
  /** Tokens without an analysis record (imported after the last token analysis, or analysis cancelled). */
  readonly unanalysed: number;
}

export async function loadStoredTokenResults(
  database: TokentrailDatabase,
  caseId: string,
  signal: { readonly aborted: boolean },
): Promise<StoredTokenResults> {
  const facts: TokenFacts[] = [];
  const checks: TokenCheckResult[] = [];
  let unanalysed = 0;
  for await (const page of casePages(database.tokens, 'tokenHash', caseId, PAGE_SIZE)) {
    if (signal.aborted) break;
    const analyses = await database.tokenAnalysisDetails.bulkGet(
      page.map((token): [string, string] => [caseId, token.tokenHash]),
    );
    page.forEach((token, index) => {
      const analysis = analyses[index];
      if (!analysis) unanalysed += 1;
      // Wordlist findings are the investigator's own searches: a found secret is as much a finding as a built-in one.
      const findings = analysis ? [...analysis.findings, ...analysis.wordlistFindings] : [];
      facts.push(
        tokenFactsFromVerdict(
          token.tokenHash,
          token.claims,
          analysis?.verdict,
          findings.map((finding) => finding.id),
          token.compact,
        ),
      );
      if (findings.length > 0) checks.push({ tokenHash: token.tokenHash, findings });
    });
  }
  return { facts, checks, unanalysed };
}
