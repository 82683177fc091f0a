// A finding of the trainee's own, for what the detectors did not say or the instructor hid: a check or detector id
// (docs/checks.md, docs/detectors.md) and the subject or the token it is about.
import { useState } from 'react';
import { TIMELINE_DETECTORS } from '../../core/timeline';
import { TOKEN_CHECKS } from '../../core/token';
import type { SubmittedFinding } from '../../core/scenarios';
import { ownFinding } from './exercise-submission';

const KINDS = [...TIMELINE_DETECTORS, ...TOKEN_CHECKS]
  .map((item) => ({ id: item.id, title: item.title }))
  .sort((a, b) => a.title.localeCompare(b.title));

export function OwnFindingForm({ onAdd }: { readonly onAdd: (finding: SubmittedFinding) => Promise<void> }) {
  const [id, setId] = useState('');
  const [about, setAbout] = useState('');
  const [problem, setProblem] = useState('');
  const add = () => {
    const finding = ownFinding(id, about);
    if (typeof finding === 'string') return setProblem(finding);
    setProblem('');
    void onAdd(finding).then(
      () => setAbout(''),
      (error: unknown) => setProblem(String((error as Error).message)),
    );
  };
  return (
    <form
      className="own-finding"
      data-testid="own-finding-form"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <label>
        What
        <select value={id} onChange={(event) => setId(event.target.value)} data-testid="own-finding-id">
          <option value="">Choose…</option>
          {KINDS.map((kind) => (
            <option key={kind.id} value={kind.id}>
              {kind.title} ({kind.id})
            </option>
          ))}
        </select>
      </label>
      <label>
        About (subject id, or a token&apos;s SHA-256)
        <input value={about} onChange={(event) => setAbout(event.target.value)} data-testid="own-finding-about" />
      </label>
      <button type="submit" data-testid="own-finding-add">
        Add finding
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
