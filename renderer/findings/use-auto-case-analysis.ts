// The detectors run when the case's evidence is settled: no ingest running and no token analysis running, and
// either the stored run judged other counts or parameters (caseAnalysisBasis), or an ingest finished after it
// started (Parse again, with another format or a geolocation database loaded since), or a token analysis or
// wordlist search of this window found something new since. A cancelled run is not restarted until one of those changes.
// After a cancelled ingest nothing runs by itself: the investigator stopped a large import, and reading every event
// again right away is the opposite of what they asked for; Re-run detectors judges what was kept.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { analysisJobs } from '../tokens/token-analysis-jobs';
import { caseAnalysisBasis } from '../timeline-analysis/analysis-basis';
import { caseAnalysisJob, timelineAnalysisJobs } from '../timeline-analysis/timeline-analysis-jobs';
import type { CaseRecord } from '../db/records';
import { caseIngestState } from '../ingest/queries';
import { storedAnalysis } from '../timeline-analysis/queries';
import { useAnalysisJob } from '../tokens/use-analysis-job';

export function useAutoCaseAnalysis(caseId: string, record: CaseRecord | null | undefined): void {
  const ingests = useLiveQuery(() => caseIngestState(caseId), [caseId]);
  const stored = useLiveQuery(async () => {
    const record = await storedAnalysis(caseId);
    return record ? { basis: record.basis, startedAt: record.startedAt } : null;
  }, [caseId]);
  const tokenJob = useAnalysisJob(caseId, 'analyze');
  const wordlistJob = useAnalysisJob(caseId, 'wordlist');
  const basis = record ? caseAnalysisBasis(record) : undefined;
  const hasEvidence = (record?.counts.events ?? 0) + (record?.counts.tokens ?? 0) > 0;
  // A finished token job that analysed something, or a search that found a secret, changes the token findings.
  const tokenNews =
    tokenJob?.status === 'complete' && tokenJob.summary?.kind === 'analyze' && tokenJob.summary.analysed > 0
      ? tokenJob.jobId
      : '';
  const wordlistNews =
    wordlistJob?.status === 'complete' &&
    wordlistJob.summary?.kind === 'wordlist' &&
    wordlistJob.summary.found.length > 0
      ? wordlistJob.jobId
      : '';
  // The effect returns early while a token job runs: its end must wake it even when it found nothing new (a stale
  // analysis that had nothing left to do), or a run skipped for it would never start.
  const tokenJobsRunning = tokenJob?.status === 'running' || wordlistJob?.status === 'running';
  useEffect(() => {
    if (!basis || !hasEvidence || !ingests || ingests.active || ingests.cancelled || stored === undefined) return;
    // Read the job manager directly: the token analysis may have been started by an effect of this same commit.
    if (analysisJobs.running(caseId, 'analyze') || analysisJobs.running(caseId, 'wordlist')) return;
    const ingestNews = ingests.lastFinishedAt > (stored?.startedAt ?? 0) ? ingests.lastFinishedAt : 0;
    if (stored?.basis === basis && !ingestNews && !tokenNews && !wordlistNews) return;
    timelineAnalysisJobs.autoStart(`${basis}|${ingestNews}|${tokenNews}|${wordlistNews}`, caseAnalysisJob(caseId));
  }, [caseId, basis, hasEvidence, ingests, stored, tokenNews, wordlistNews, tokenJobsRunning]);
}
