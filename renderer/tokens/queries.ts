// The tokens feature's reads of the window's store (tokens, their sightings and analyses, the case's key history),
// in one place: views call these, never `db` itself.
import type { KeyHistoryEntry } from '../../core/timeline';
import type { TokenRecord, TokenSightingRecord } from '../db/records';
import { db } from '../db/schema';
import type { TokenAnalysisDetail, TokenAnalysisSummary } from '../db/token-analysis-records';
import { loadCaseEvidence } from '../timeline-analysis/case-evidence';

/**
 * The case's tokens, oldest issued first. A token stored before its first place was kept gets it from its first
 * sighting (the sightings' auto-increment ids follow file order), one indexed read each, only for such tokens.
 */
export async function caseTokens(caseId: string): Promise<TokenRecord[]> {
  const tokens = await db.tokens.where('caseId').equals(caseId).sortBy('iat');
  if (tokens.every((token) => token.firstSeen)) return tokens;
  return Promise.all(
    tokens.map(async (token) => {
      if (token.firstSeen) return token;
      const first = await db.tokenSightings.where('[caseId+tokenHash]').equals([caseId, token.tokenHash]).first();
      return first ? { ...token, firstSeen: { path: first.path, line: first.line } } : token;
    }),
  );
}

export function tokenAnalysisSummaries(caseId: string): Promise<TokenAnalysisSummary[]> {
  return db.tokenAnalyses.where('caseId').equals(caseId).toArray();
}

export function tokenAnalysisDetail(caseId: string, tokenHash: string): Promise<TokenAnalysisDetail | undefined> {
  return db.tokenAnalysisDetails.get([caseId, tokenHash]);
}

/** Where the token was found in the imported evidence. */
export function tokenSightings(caseId: string, tokenHash: string): Promise<TokenSightingRecord[]> {
  return db.tokenSightings.where('[caseId+tokenHash]').equals([caseId, tokenHash]).toArray();
}

/** The key-rotation history of the case, read from its stored evidence. */
export async function caseKeyHistory(caseId: string): Promise<readonly KeyHistoryEntry[]> {
  return (await loadCaseEvidence(db, caseId)).keyHistory;
}
