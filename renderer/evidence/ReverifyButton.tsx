// Re-hashes the stored bytes on demand; the outcome is appended to the custody log.
import { useState } from 'react';
import { reverifyStoredEvidence } from './queries';
import type { ReverifyOutcome } from './reverify';
import { describeStorageError } from '../db/storage-errors';
import { useApp } from '../shell/app-context';
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
      <button type="button" data-testid="reverify" disabled={disabled || running} onClick={run} title="Re-hash every stored file and compare with the hash taken at import">
        {running ? 'Re-verifying…' : 'Re-verify'}
      </button>
      {outcome && (
        <span data-testid="reverify-result" data-verdict={outcome.verdict}>
          <VerdictBadge verdict={outcome.verdict} /> {outcome.checked} files re-hashed
          {outcome.altered.length > 0 && <span className="danger-text"> · altered: {outcome.altered.join(', ')}</span>}
        </span>
      )}
      {error && <span className="error-text" role="alert">{error}</span>}
    </div>
  );
}
