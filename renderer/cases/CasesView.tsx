// The welcome screen: stored cases, a new case, the shipped sample with one click, a training exercise.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CaseRecord } from '../db/records';
import { describeStorageError } from '../db/storage-errors';
import { openSample } from '../evidence/queries';
import { ingestClient } from '../ingest/ingest-client';
import { useApp } from '../shell/app-context';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ArchiveImportPanel } from '../archive/ArchiveImportPanel';
import { ExerciseOpenPanel } from '../exercise/ExerciseOpenPanel';
import type { CaseTab } from '../shell/route';
import { CaseTable } from './CaseTable';
import { NewCaseForm } from './NewCaseForm';
import { casesByLastChange, removeCase, startCase } from './queries';

export function CasesView({ onOpen }: { readonly onOpen: (caseId: string, tab?: CaseTab) => void }) {
  const { investigator } = useApp();
  const cases = useLiveQuery(casesByLastChange, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [pendingDelete, setPendingDelete] = useState<CaseRecord | null>(null);

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (failure) {
      setError(describeStorageError(failure, what));
    } finally {
      setBusy(false);
    }
  };

  const confirmDelete = (record: CaseRecord) => {
    setPendingDelete(null);
    void run(`Deleting "${record.title}"`, () => removeCase(record.id));
  };

  return (
    <main className="page cases-page" data-testid="welcome">
      <section className="panel cases-list">
        <div className="panel-head">
          <h1>Cases</h1>
          <span className="muted">{cases ? `${cases.length} stored on this machine` : ''}</span>
        </div>
        {error && (
          <p className="error" role="alert" data-testid="cases-error">
            {error}
          </p>
        )}
        {cases && cases.length === 0 && (
          <div className="empty" data-testid="empty-cases">
            <p>
              <strong>No cases yet.</strong>
            </p>
            <p>Create a case for your evidence, or open the sample case to see how a verified bundle looks.</p>
          </div>
        )}
        {cases && cases.length > 0 && <CaseTable cases={cases} onOpen={onOpen} onDelete={setPendingDelete} />}
      </section>
      <aside className="side">
        <section className="panel">
          <h2>Try it</h2>
          <p className="muted">
            A small incident bundle shipped inside the app: see hash verification, custody and decoded tokens before you
            bring your own evidence.
          </p>
          <button
            type="button"
            className="primary wide"
            data-testid="open-sample"
            disabled={busy}
            onClick={() =>
              void run('Opening the sample case', async () => {
                const caseId = await openSample(investigator);
                await ingestClient.ingestUnparsed(caseId);
                onOpen(caseId);
              })
            }
          >
            Open sample case
          </button>
        </section>
        <ExerciseOpenPanel onOpen={onOpen} />
        <ArchiveImportPanel onOpen={onOpen} />
        <section className="panel">
          <h2>New case</h2>
          <NewCaseForm
            busy={busy}
            onCreate={(fields) =>
              void run('Creating the case', async () => onOpen(await startCase(fields, investigator)))
            }
          />
        </section>
      </aside>
      {pendingDelete && (
        <ConfirmDialog
          title="Delete case?"
          confirmLabel="Delete case"
          onCancel={() => setPendingDelete(null)}
          onConfirm={() => confirmDelete(pendingDelete)}
        >
          <p>
            <strong>{pendingDelete.title}</strong> and everything in it — {pendingDelete.counts.files} evidence files,{' '}
            {pendingDelete.counts.tokens} tokens and its custody record — will be removed from this machine.
          </p>
          <p>This cannot be undone. The original evidence files you imported are not touched.</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
