// Tokens are analysed as soon as a case has any that were not judged on its current basis: after an import
// (new tokens or new key files), after an ingest (new use times), or on opening a case analysed by an older
// build. The worker skips tokens that are already current, so a run on an up-to-date case costs one read per
// page of tokens. While an ingest is running the analysis waits: its use times would be judged half-way.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { analysisJobs } from './token-analysis-jobs';
import type { CaseRecord } from '../db/records';
import { caseIngestState } from '../ingest/queries';

export function useAutoAnalysis(caseId: string, record: CaseRecord | null | undefined): void {
  const ingesting = useLiveQuery(async () => (await caseIngestState(caseId)).active, [caseId]);
  const tokens = record?.counts.tokens ?? 0;
  const files = record?.counts.files ?? 0;
  const events = record?.counts.events ?? 0;
  // A discarded key file changes the keys every token is judged with, and none of the counts.
  const discarded = record?.discardedFiles ?? 0;
  useEffect(() => {
    // Keyed on the counts: a cancelled analysis is not restarted until the case changes.
    if (tokens > 0 && ingesting === false)
      analysisJobs.autoAnalyze(caseId, `${tokens}|${files}|${events}|${discarded}`);
  }, [caseId, tokens, files, events, discarded, ingesting]);
}
