// The instructor's passphrase, typed to open an exercise's sealed answer key: never stored, cleared once used.
import { useState } from 'react';

interface PassphraseFormProps {
  /** Prefix of the input's and the button's test ids: `<testId>-passphrase`, `<testId>-unlock`. */
  readonly testId: string;
  readonly label: string;
  readonly onPassphrase: (passphrase: string) => void;
}

export function PassphraseForm({ testId, label, onPassphrase }: PassphraseFormProps) {
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      className="exercise-unlock"
      onSubmit={(event) => {
        event.preventDefault();
        onPassphrase(passphrase);
        setPassphrase('');
      }}
    >
      <input
        type="password"
        autoComplete="off"
        aria-label="Instructor passphrase"
        data-testid={`${testId}-passphrase`}
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      <button type="submit" data-testid={`${testId}-unlock`} disabled={passphrase === ''}>
        {label}
      </button>
    </form>
  );
}
