// An item's note: shown with its links clickable, edited in a text area (n in a list opens it), saved as a whole.
// Links are typed as `token:<hash>`, `event:<seq>`, `finding:<key>`, `key:<thumbprint>`, `file:<id>`.
import { useState } from 'react';
import { NoteText } from './NoteText';

interface NoteEditorProps {
  readonly caseId: string;
  readonly note: string;
  readonly editing: boolean;
  readonly onEditing: (editing: boolean) => void;
  /** Resolves true when saved; the editor stays open on a refusal. */
  readonly onSave: (note: string) => Promise<boolean>;
}

/** The text area, mounted when editing starts so it starts from the note as it is then. */
function NoteDraft({ note, onDone, onSave }: { note: string; onDone: () => void; onSave: NoteEditorProps['onSave'] }) {
  const [draft, setDraft] = useState(note);
  const save = () => void onSave(draft).then((saved) => saved && onDone());
  return (
    <div className="annotation-note-edit">
      <textarea
        autoFocus // opened on purpose (a button or the n key): the cursor belongs in it
        data-testid="note-input"
        aria-label="Note"
        rows={4}
        value={draft}
        placeholder="What you found; link items as token:<hash>, event:<seq>, finding:<key>"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
          if (event.key === 'Escape') onDone();
        }}
      />
      <div className="inline-field">
        <button type="button" className="primary" data-testid="note-save" onClick={save}>
          Save note
        </button>
        <button type="button" data-testid="note-cancel" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function NoteEditor({ caseId, note, editing, onEditing, onSave }: NoteEditorProps) {
  if (editing) return <NoteDraft note={note} onDone={() => onEditing(false)} onSave={onSave} />;
  return (
    <div className="annotation-note-view">
      {note ? <NoteText caseId={caseId} note={note} /> : <p className="muted small">No note.</p>}
      <button type="button" data-testid="note-edit" title="Edit the note (n)" onClick={() => onEditing(true)}>
        {note ? 'Edit note' : 'Add note'}
      </button>
    </div>
  );
}
