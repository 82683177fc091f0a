// The investigator's wordlist for the weak-HMAC-secret check: pick a file of any size; a worker streams it and
// tries every line as the secret of each HS* token of the case, with progress (words tried, words/s) and cancel.
import { useRef } from 'react';
import { analysisJobs, jobLabel } from './token-analysis-jobs';
import type { WordlistSummary } from './token-analysis-protocol';
import { formatBytes, plural } from '../shell/format';
import { useAnalysisJob } from './use-analysis-job';

const count = (value: number) => value.toLocaleString('en-US');

function Result({ summary }: { readonly summary: WordlistSummary }) {
  const stored = summary.found.filter((match) => match.stored);
  const unstored = summary.found.length - stored.length;
  if (summary.targets === 0) return <span>No HS* token in this case: a wordlist has nothing to try.</span>;
  return (
    <span data-testid="wordlist-result" data-found={stored.length}>
      {summary.source}: {count(summary.tried)} words at {count(summary.wordsPerSecond)} words/s —{' '}
      {summary.found.length === 0
        ? `no secret of the ${plural(summary.targets, 'HS* token')} found.`
        : `secret found for ${summary.found.length} of ${plural(summary.targets, 'HS* token')} (see its weak-hmac-secret finding).`}
      {unstored > 0 && (
        <span className="danger-text">
          {' '}
          {plural(unstored, 'token')} had not been analysed yet, so the finding was not stored: Re-analyse, then search
          again.
        </span>
      )}
    </span>
  );
}

export function WordlistPanel({ caseId, disabled }: { readonly caseId: string; readonly disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const job = useAnalysisJob(caseId, 'wordlist');
  const running = job?.status === 'running';
  const progress = job?.progress?.kind === 'wordlist' ? job.progress : undefined;
  const summary = job?.summary?.kind === 'wordlist' ? job.summary : undefined;
  const onPicked = () => {
    const file = input.current?.files?.[0];
    if (file) analysisJobs.searchWordlist(caseId, file);
    if (input.current) input.current.value = ''; // the same file can be picked again
  };
  // ONE button element that turns from "Load wordlist…" into "Cancel" and back: replacing a focused button with
  // another would drop keyboard focus to <body> when a search starts, is cancelled or ends.
  const action = running
    ? {
        testId: 'wordlist-cancel',
        label: 'Cancel',
        disabled: false,
        title: undefined,
        onClick: () => analysisJobs.cancel(caseId, 'wordlist'),
      }
    : {
        testId: 'wordlist-pick',
        label: 'Load wordlist…',
        disabled,
        title: disabled ? 'Wait for the analysis to finish' : undefined,
        onClick: () => input.current?.click(),
      };
  return (
    <div className="wordlist-panel analysis-line" data-testid="wordlist-status" data-status={job?.status ?? 'idle'}>
      <input ref={input} type="file" hidden data-testid="wordlist-input" onChange={onPicked} />
      {running ? (
        <>
          <span>{jobLabel(job)}…</span>
          <progress data-testid="wordlist-progress" max={progress?.totalBytes || 1} value={progress?.bytesRead ?? 0} />
          <span className="mono small" data-testid="wordlist-rate">
            {progress
              ? `${count(progress.tried)} words · ${count(progress.wordsPerSecond)} words/s · ${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}`
              : 'starting'}
          </span>
        </>
      ) : (
        <>
          {job?.status === 'failed' && <span className="danger-text">The wordlist search failed: {job.error}.</span>}
          {job?.status === 'cancelled' && (
            <span data-testid="wordlist-cancelled">
              Search of {summary?.source} cancelled after {count(summary?.tried ?? 0)} words.
            </span>
          )}
          {job?.status === 'complete' && summary && <Result summary={summary} />}
          {!job && (
            <span className="muted">
              Weak HMAC secrets: the built-in list is always tried; add a wordlist of any size for HS* tokens.
            </span>
          )}
        </>
      )}
      <button
        key="action"
        type="button"
        data-testid={action.testId}
        disabled={action.disabled}
        title={action.title}
        onClick={action.onClick}
      >
        {action.label}
      </button>
    </div>
  );
}
