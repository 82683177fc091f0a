// A new, empty case; evidence is added from the case view.
import { useState, type FormEvent } from 'react';

interface NewCaseFormProps {
  readonly busy: boolean;
  readonly onCreate: (fields: { title: string; caseNumber: string; notes: string }) => void;
}

export function NewCaseForm({ busy, onCreate }: NewCaseFormProps) {
  const [title, setTitle] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [notes, setNotes] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) onCreate({ title, caseNumber, notes });
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="new-case-form">
      <label className="field">
        <span>Title</span>
        <input
          data-testid="new-case-title"
          required
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label className="field">
        <span>
          Case number <em>(optional)</em>
        </span>
        <input
          data-testid="new-case-number"
          maxLength={80}
          value={caseNumber}
          onChange={(event) => setCaseNumber(event.target.value)}
        />
      </label>
      <label className="field">
        <span>
          Notes <em>(optional)</em>
        </span>
        <textarea
          data-testid="new-case-notes"
          rows={3}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
      </label>
      <div>
        <button type="submit" className="primary" data-testid="new-case-create" disabled={busy || !title.trim()}>
          Create case
        </button>
      </div>
    </form>
  );
}
