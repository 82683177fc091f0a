// "Tag all N matching…" on a view's filter bar: one change (add or remove a tag, star, unstar) for every item the
// view's filter matches, run in the bulk-annotation worker with progress and Cancel, and a result line that says
// what was written — after a cancel, that what was written before it is kept — and which journal entry records it.
import { useState, type FormEvent } from 'react';
import { useApp } from '../shell/app-context';
import { plural } from '../shell/format';
import type { BulkAnnotationJobState } from './bulk-annotation-jobs';
import type { BulkSelection } from './bulk-annotation-targets';
import { describeBulkChange, type BulkChange } from './bulk-change';
import { useBulkAnnotation } from './use-bulk-annotation';

type Operation = BulkChange['op'];

const OPERATIONS: readonly { op: Operation; label: string }[] = [
  { op: 'add-tag', label: 'Add tag' },
  { op: 'remove-tag', label: 'Remove tag' },
  { op: 'star', label: 'Star' },
  { op: 'unstar', label: 'Unstar' },
];

interface BulkAnnotationBarProps {
  readonly caseId: string;
  readonly selection: BulkSelection;
  /** How many items the filter matches, when the view knows it without counting (events: only when unfiltered). */
  readonly matchCount?: number;
  /** The filter in words, for the journal. */
  readonly filterText: string;
}

function changeOf(op: Operation, tag: string): BulkChange | undefined {
  if (op === 'star' || op === 'unstar') return { op };
  return tag.trim() ? { op, tag: tag.trim() } : undefined;
}

function ResultLine({ job, noun }: { readonly job: BulkAnnotationJobState; readonly noun: string }) {
  const change = describeBulkChange(job.job.change);
  const progress = job.summary ?? job.progress ?? { matched: 0, written: 0 };
  const written = plural(progress.written, noun);
  if (job.status === 'running')
    return (
      <span
        className="small"
        role="status"
        data-testid="bulk-progress"
        data-written={progress.written}
        data-matched={progress.matched}
      >
        {change}: {written} written, {progress.matched} matched so far…
      </span>
    );
  const journaled = job.summary ? ` Journaled as entry #${job.summary.journalSeq}.` : '';
  const text =
    job.status === 'complete'
      ? `Done: ${change} on ${written} (${progress.matched} matched; the others had it already).`
      : job.status === 'cancelled'
        ? `Cancelled: ${written} written before the cancel are kept (${change}); the rest are unchanged.`
        : `Failed: ${job.error ?? 'unknown error'}. What was written before the error is kept.`;
  return (
    <span
      className={job.status === 'failed' ? 'error small' : 'small'}
      role={job.status === 'failed' ? 'alert' : 'status'}
      data-testid="bulk-result"
      data-status={job.status}
      data-written={progress.written}
    >
      {text}
      {journaled}
    </span>
  );
}

export function BulkAnnotationBar({ caseId, selection, matchCount, filterText }: BulkAnnotationBarProps) {
  const { investigator } = useApp();
  const controls = useBulkAnnotation(caseId, investigator, selection, filterText);
  const [open, setOpen] = useState(false);
  const [op, setOp] = useState<Operation>('add-tag');
  const [tag, setTag] = useState('');
  const noun = selection.kind;
  const change = changeOf(op, tag);
  const running = controls.job?.status === 'running';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!change || controls.busy) return;
    controls.start(change);
    setOpen(false);
  };

  return (
    <div className="inline-field bulk-annotation" data-testid={`bulk-${noun}`}>
      {!open && (
        <button
          type="button"
          data-testid="bulk-open"
          disabled={controls.busy || matchCount === 0}
          onClick={() => setOpen(true)}
        >
          {matchCount === undefined ? `Tag all matching ${noun}s…` : `Tag all ${plural(matchCount, noun)} matching…`}
        </button>
      )}
      {open && (
        <form className="inline-field" data-testid="bulk-form" onSubmit={submit}>
          <select
            aria-label="Change"
            data-testid="bulk-operation"
            value={op}
            onChange={(event) => setOp(event.target.value as Operation)}
          >
            {OPERATIONS.map((operation) => (
              <option key={operation.op} value={operation.op}>
                {operation.label}
              </option>
            ))}
          </select>
          {(op === 'add-tag' || op === 'remove-tag') && (
            <input
              aria-label="Tag"
              placeholder="tag"
              data-testid="bulk-tag"
              autoFocus
              value={tag}
              onChange={(event) => setTag(event.target.value)}
            />
          )}
          <button type="submit" className="primary" data-testid="bulk-apply" disabled={!change || controls.busy}>
            Apply to all matching
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </form>
      )}
      {running && (
        <button type="button" data-testid="bulk-cancel" onClick={controls.cancel}>
          Cancel
        </button>
      )}
      {controls.job && <ResultLine job={controls.job} noun={noun} />}
    </div>
  );
}
