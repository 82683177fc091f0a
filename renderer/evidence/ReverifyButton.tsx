// Re-hashes the stored bytes on demand; the outcome is appended to the custody log.
import { useState } from 'react';
import { reverifyStoredEvidence } from './queries';
import type { ReverifyOutcome } from './reverify';
import { describeStorageError } from '../db/storage-errors';
import { useApp } from '../shell/app-context';
import { safeText } from '../shell/format';
import { VerdictBadge } from '../shell/VerdictBadge';

export function ReverifyButton({ caseId, disabled }: { readonly caseId: string; readonly disabled: boolean }) {
  const { investigator } = useApp();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ReverifyOutcome | null>(null);
  const [error, setError] = useState('');
  const run = () => {
    setRunning(true);
    setError('');
    reverifyStoredEvidence(caseId, investigator)
      .then(setOutcome, (failure: unknown) => setError(describeStorageError(failure, 'Re-verifying')))
      .finally(() => setRunning(false));
  };
  return (
    <div className="reverify">
      <button
        type="button"
        data-testid="reverify"
        disabled={disabled || running}
        onClick={run}
        title="Re-hash every stored file and compare with its stored hash, the custody record of its import and the manifest"
      >
        {running ? 'Re-verifying…' : 'Re-verify'}
      </button>
      {outcome && (
        <span data-testid="reverify-result" data-verdict={outcome.verdict}>
          <VerdictBadge verdict={outcome.verdict} /> {outcome.checked} files re-hashed
          {!outcome.chainIntact && (
            <span className="danger-text" data-testid="reverify-chain-broken">
              {' '}
              · the custody chain is broken (see the custody log): its recorded hashes cannot be trusted
            </span>
          )}
          {outcome.altered.length > 0 && (
            <ul className="plain-list danger-text" data-testid="reverify-altered">
              {outcome.altered.map((file) => (
                <li
                  key={file.path}
                  data-testid="reverify-altered-file"
                  data-path={file.path}
                  data-disagreeing={file.disagreeing.join(' ')}
                >
                  <span className="mono">{safeText(file.path)}</span>: {file.explanation}
                </li>
              ))}
            </ul>
          )}
        </span>
      )}
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
