// The state of the case analysis (the detectors): progress with cancel while it runs, what the last run judged
// and what it could not, a Re-run button, and the detector parameters of the case.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { caseAnalysisJob, timelineAnalysisJobs } from '../timeline-analysis/timeline-analysis-jobs';
import type { CaseRecord } from '../db/records';
import { caseIngestState } from '../ingest/queries';
import { storedAnalysis } from '../timeline-analysis/queries';
import { useApp } from '../shell/app-context';
import { plural } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { NotJudgedList } from './NotJudgedList';
import { ParametersPanel } from './ParametersPanel';
import { useCaseAnalysisJob } from './use-case-analysis';

export function CaseAnalysisBar({ caseRecord }: { readonly caseRecord: CaseRecord }) {
  const caseId = caseRecord.id;
  const { timeZone } = useApp();
  const job = useCaseAnalysisJob(caseId);
  const stored = useLiveQuery(() => storedAnalysis(caseId), [caseId]);
  const ingests = useLiveQuery(() => caseIngestState(caseId), [caseId]);
  const [editing, setEditing] = useState(false);
  const running = job?.status === 'running';
  const status = running ? 'running' : (job?.status ?? (stored ? 'complete' : 'idle'));
  const notJudged = stored?.runs.filter((run) => run.skipped) ?? [];
  return (
    <div className="panel analysis-controls" data-testid="case-analysis-bar">
      <div className="analysis-line" data-testid="case-analysis-status" data-status={status}>
        {running ? (
          <>
            <span>Running the detectors: {job.progress?.phase ?? 'starting'}…</span>
            <progress
              data-testid="case-analysis-progress"
              max={job.progress?.total || 1}
              value={job.progress?.done ?? 0}
            />
            <button
              type="button"
              data-testid="case-analysis-cancel"
              onClick={() => timelineAnalysisJobs.cancel(caseId)}
            >
              Cancel
            </button>
          </>
        ) : (
          <>
            <span>
              {job?.status === 'failed' && (
                <span className="danger-text">
                  The detectors failed: {job.error}. The previous results (if any) are kept.{' '}
                </span>
              )}
              {job?.status === 'cancelled' && <span>Cancelled: the previous results (if any) are kept. </span>}
              {stored ? (
                <>
                  {plural(stored.findingCount, 'finding')} from {plural(stored.stats.events, 'event')} and{' '}
                  {plural(stored.stats.tokens, 'token')}, run {formatInstant(stored.finishedAt, timeZone)}
                  {job?.summary ? ` in ${(job.summary.milliseconds / 1000).toFixed(1)} s` : ''}.
                </>
              ) : (
                'The detectors have not run on this case yet.'
              )}
            </span>
            <span className="bar-actions">
              <button
                type="button"
                data-testid="case-analysis-parameters"
                onClick={() => setEditing(!editing)}
                aria-expanded={editing}
              >
                Detector parameters
              </button>
              <button
                type="button"
                data-testid="case-analysis-rerun"
                onClick={() => timelineAnalysisJobs.start(caseAnalysisJob(caseId))}
              >
                Re-run detectors
              </button>
            </span>
          </>
        )}
      </div>
      {!running && ingests?.cancelled && (
        <p className="hint" data-testid="case-analysis-paused">
          An ingest of this case was cancelled: the detectors do not run by themselves until it is parsed again. Re-run
          them to judge the events that were kept.
        </p>
      )}
      {notJudged.length > 0 && (
        <div className="small" data-testid="case-analysis-skipped">
          <NotJudgedList runs={notJudged} local={{ 'set-parameter': () => setEditing(true) }} />
        </div>
      )}
      {stored && stored.problems.length > 0 && (
        <ul className="problems" data-testid="case-analysis-problems">
          {stored.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {editing && <ParametersPanel caseRecord={caseRecord} onDone={() => setEditing(false)} />}
    </div>
  );
}
