// The progress line of an archive job, with its cancel button.
import type { ArchiveJobState } from './use-archive-job';

export function ArchiveProgressLine({
  state,
  onCancel,
}: {
  readonly state: ArchiveJobState;
  readonly onCancel: () => void;
}) {
  if (state.phase !== 'running') return null;
  const progress = state.progress;
  return (
    <div className="progress-line" data-testid="archive-progress">
      <span>{progress ? progress.phase : 'Starting…'}</span>
      {progress?.total ? <progress max={progress.total} value={progress.done} /> : <progress />}
      <span className="muted">{progress ? `${progress.done}${progress.total ? ` / ${progress.total}` : ''}` : ''}</span>
      <button type="button" data-testid="archive-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
