// The state of the case's token analysis: progress with cancel while it runs, what it used and what went wrong
// when it ends, and a Re-analyse button (for instance after ingesting logs, whose use times the checks judge).
import { analysisJobs, jobLabel } from './token-analysis-jobs';
import type { AnalyzeSummary } from './token-analysis-protocol';
import { plural } from '../shell/format';
import { useAnalysisJob } from './use-analysis-job';

interface AnalysisBarProps {
  readonly caseId: string;
  readonly analysed: number;
  readonly total: number;
}

function Outcome({
  status,
  summary,
  error,
  analysed,
  total,
}: {
  status: string;
  summary?: AnalyzeSummary;
  error?: string;
  analysed: number;
  total: number;
}) {
  if (status === 'failed')
    return (
      <span className="danger-text">
        The analysis failed: {error}. Nothing after the failure was stored; Re-analyse to try again.
      </span>
    );
  if (status === 'cancelled')
    return (
      <span>
        Analysis cancelled: {analysed} of {plural(total, 'token')} analysed; the rest show as pending.
      </span>
    );
  if (!summary)
    return (
      <span>
        {analysed} of {plural(total, 'token')} analysed.
      </span>
    );
  return (
    <span>
      {summary.analysed === 0
        ? `All ${plural(total, 'token')} are up to date`
        : `Analysed ${plural(summary.analysed, 'token')} in ${(summary.elapsedMs / 1000).toFixed(1)} s`}{' '}
      with {plural(summary.keys, 'key')} from the case's evidence.
    </span>
  );
}

export function AnalysisBar({ caseId, analysed, total }: AnalysisBarProps) {
  const job = useAnalysisJob(caseId, 'analyze');
  const running = job?.status === 'running';
  const progress = job?.progress?.kind === 'analyze' ? job.progress : undefined;
  const summary = job?.summary?.kind === 'analyze' ? job.summary : undefined;
  return (
    <div className="analysis-bar" data-testid="analysis-bar">
      <div
        className="analysis-line"
        data-testid="analysis-status"
        data-status={job?.status ?? 'idle'}
        data-analysed={summary?.analysed}
        data-elapsed-ms={summary && Math.round(summary.elapsedMs)}
        data-analyse-ms={summary && Math.round(summary.analyseMs)}
      >
        {running ? (
          <>
            <span>{jobLabel(job)}…</span>
            <progress data-testid="analysis-progress" max={progress?.total || 1} value={progress?.done ?? 0} />
            <span className="mono small">{progress ? `${progress.done} / ${progress.total}` : 'loading keys'}</span>
          </>
        ) : (
          <Outcome
            status={job?.status ?? 'idle'}
            summary={summary}
            error={job?.error}
            analysed={analysed}
            total={total}
          />
        )}
        {/* One button element for Cancel and Re-analyse, so keyboard focus stays on it when the run starts or ends. */}
        {running ? (
          <button
            key="action"
            type="button"
            data-testid="analysis-cancel"
            onClick={() => analysisJobs.cancel(caseId, 'analyze')}
          >
            Cancel
          </button>
        ) : (
          <button
            key="action"
            type="button"
            data-testid="analysis-rerun"
            onClick={() => analysisJobs.analyze(caseId, 'all')}
            disabled={total === 0}
          >
            Re-analyse
          </button>
        )}
      </div>
      {!running && summary && summary.keyProblems.length > 0 && (
        <ul className="problems" data-testid="analysis-key-problems">
          {summary.keyProblems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
