// Where evidence comes in: pickers for files, a folder or a zip (or drop them anywhere on the case),
// then progress with Cancel, and the outcome of the last attempt.
import type { Host, PickKind, PickedSelection } from '../host/host';
import type { ImportControls } from './use-import';
import { safeText } from '../shell/format';

interface ImportBarProps {
  readonly host: Host;
  readonly controls: ImportControls;
  readonly onSelection: (selection: PickedSelection) => void;
  readonly onPickError: (message: string) => void;
}

const PICKERS: readonly { kind: PickKind; label: string; title: string }[] = [
  { kind: 'zip', label: 'Bundle zip…', title: 'A zipped evidence bundle with manifest.json' },
  { kind: 'folder', label: 'Folder…', title: 'A bundle folder (with manifest.json) or a folder of loose files' },
  { kind: 'files', label: 'Files…', title: 'Loose evidence files (HAR, logs, keys); a manifest is generated' },
];

function ProgressLine({ controls }: { readonly controls: ImportControls }) {
  const { state } = controls;
  if (state.phase !== 'verifying' && state.phase !== 'storing') return null;
  const progress = state.phase === 'verifying' ? state.progress : undefined;
  const percent = progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : undefined;
  return (
    <div className="progress-line" data-testid="import-progress">
      <span className="muted">
        {state.phase === 'storing' ? `Storing ${state.source}…` : (progress?.phase ?? `Reading ${state.source}…`)}
      </span>
      <progress max={100} value={percent} aria-label="Import progress" />
      {state.phase === 'verifying' && (
        <button type="button" data-testid="import-cancel" onClick={controls.cancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

export function ImportBar({ host, controls, onSelection, onPickError }: ImportBarProps) {
  const { state } = controls;
  const pick = (kind: PickKind) => {
    host.pick(kind).then(
      (selection) => selection && onSelection(selection),
      (error: unknown) =>
        onPickError(`Opening the picker failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  return (
    <section className="import-bar" data-testid="import-panel" aria-label="Add evidence">
      <div className="import-actions">
        <strong>Add evidence</strong>
        {PICKERS.map(({ kind, label, title }) => (
          <button
            key={kind}
            type="button"
            data-testid={`pick-${kind}`}
            title={title}
            disabled={controls.busy}
            onClick={() => pick(kind)}
          >
            {label}
          </button>
        ))}
        <span className="muted drop-hint">or drop files, a folder or a zip anywhere here</span>
      </div>
      <ProgressLine controls={controls} />
      {state.phase === 'idle' && state.notice && (
        <p className="notice" data-testid="import-notice" role="status">
          {state.notice}
          <button type="button" className="ghost" onClick={controls.dismiss} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      {state.phase === 'rejected' && (
        <div className="error" data-testid="import-error" role="alert">
          <strong>{state.source} was rejected; nothing was imported.</strong>
          <p>
            <span className="mono">{state.error.code}</span> in{' '}
            <span className="mono">{safeText(state.error.file)}</span>: {state.error.message}
          </p>
          <p className="hint">
            {state.unrecorded ?? 'The rejection is recorded in the custody log.'} Ask whoever collected the evidence for
            an intact copy.
          </p>
          <button type="button" onClick={controls.dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {state.phase === 'failed' && (
        <div className="error" data-testid="import-error" role="alert">
          <p>{state.message}</p>
          <button type="button" onClick={controls.dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
