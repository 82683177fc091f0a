// "Discard…" on a stored evidence file: asks for the reason (it goes into the journal), then takes the file out of
// the analysis. The bytes and the record stay; the row then says who discarded it, when and why.
import { useState, type FormEvent } from 'react';
import type { EvidenceFileRecord } from '../db/records';
import { useApp } from '../shell/app-context';
import { Dialog } from '../shell/Dialog';
import { safeText } from '../shell/format';
import { formatInstant } from '../shell/format-time';
import { discardStoredEvidence } from './queries';

function DiscardDialog({ file, onClose }: { readonly file: EvidenceFileRecord; readonly onClose: () => void }) {
  const { investigator } = useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await discardStoredEvidence(file.caseId, [file.id], reason, investigator);
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Discard ${safeText(file.path)}?`} testId="discard-dialog" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <div className="dialog-body">
          <p>
            Its events and tokens leave the analysis. Its bytes and record are kept and stay re-verifiable: evidence is
            never deleted. The journal records who discarded it, when and why.
          </p>
          <label className="field">
            <span>Reason</span>
            <input
              data-testid="discard-reason"
              autoFocus
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          {error && (
            <p className="error small" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" data-testid="discard-accept" disabled={busy || !reason.trim()}>
            Discard
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function DiscardEvidenceButton({ file }: { readonly file: EvidenceFileRecord }) {
  const { timeZone } = useApp();
  const [open, setOpen] = useState(false);
  if (file.discarded)
    return (
      <span className="small muted" data-testid="evidence-file-discarded" title={file.discarded.reason}>
        discarded by {file.discarded.investigator}, {formatInstant(file.discarded.at, timeZone)}:{' '}
        {safeText(file.discarded.reason)}
      </span>
    );
  return (
    <>
      <button type="button" className="small" data-testid="evidence-file-discard" onClick={() => setOpen(true)}>
        Discard…
      </button>
      {open && <DiscardDialog file={file} onClose={() => setOpen(false)} />}
    </>
  );
}
