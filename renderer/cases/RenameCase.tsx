// The case title with a Rename button: the title becomes a field (Enter saves, Escape cancels), and the rename is
// journaled with the old and the new title.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApp } from '../shell/app-context';
import { retitleCase } from './queries';

export function RenameCase({ caseId, title }: { readonly caseId: string; readonly title: string }) {
  const { investigator } = useApp();
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState('');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await retitleCase(caseId, draft ?? title, investigator);
      setDraft(undefined);
      setError('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    setDraft(undefined);
    setError('');
  };

  if (draft === undefined)
    return (
      <div className="inline-field">
        <h1 data-testid="case-title">{title}</h1>
        <button type="button" className="small" data-testid="case-rename" onClick={() => setDraft(title)}>
          Rename
        </button>
      </div>
    );
  return (
    <form className="inline-field" data-testid="case-rename-form" onSubmit={(event) => void save(event)}>
      <input
        aria-label="Case title"
        data-testid="case-rename-input"
        autoFocus
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="primary" data-testid="case-rename-save" disabled={!draft.trim()}>
        Save
      </button>
      <button type="button" onClick={() => setDraft(undefined)}>
        Cancel
      </button>
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
