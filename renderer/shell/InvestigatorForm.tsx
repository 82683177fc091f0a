// Who is investigating: the name goes into every custody entry, so the app asks before any evidence moves.
import { useState, type FormEvent } from 'react';

interface InvestigatorFormProps {
  readonly initial: string;
  readonly submitLabel: string;
  readonly onSave: (name: string) => void;
}

export function InvestigatorForm({ initial, submitLabel, onSave }: InvestigatorFormProps) {
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed) onSave(trimmed);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <label className="field">
        <span>Investigator name</span>
        <input
          data-testid="investigator-input"
          value={name}
          autoFocus
          maxLength={120}
          placeholder="e.g. Dana Okafor"
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <p className="hint">Recorded in every custody entry of every case you work on.</p>
      <div>
        <button type="submit" className="primary" data-testid="investigator-save" disabled={!trimmed}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
