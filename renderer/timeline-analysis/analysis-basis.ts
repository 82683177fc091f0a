// What a case analysis judged, as one string: the engine, the case's counts (a new import or ingest changes them)
// and the detector parameters set on the case. A stored run whose basis differs from the case's is stale. Token
// analysis results are not in it (reading them all to fingerprint them would cost a full pass): the page starts a
// run when a token analysis or wordlist search of the case completes instead (use-auto-case-analysis.ts).
import { TOOL_VERSION } from '../../core';
import type { CaseRecord } from '../db/records';

export function caseAnalysisBasis(
  record: Pick<CaseRecord, 'counts' | 'detectorParameters' | 'discardedFiles'>,
): string {
  const { events, tokens, files } = record.counts;
  // A discarded key file changes no count; the number of discards does (absent until the first, so bases stored
  // before discarding existed stay current).
  const discarded = record.discardedFiles ? `|discarded ${record.discardedFiles}` : '';
  return `engine ${TOOL_VERSION}|events ${events}|tokens ${tokens}|files ${files}${discarded}|parameters ${JSON.stringify(record.detectorParameters ?? {})}`;
}
