// The welcome screen's training entry: open a sealed exercise file as a case in exercise mode, compare trainees'
// result files, and the scenarios with their story and difficulty, each opened as a case or made an exercise.
import { useState } from 'react';
import { describeStorageError, isQuotaError } from '../db/storage-errors';
import { ingestClient } from '../ingest/ingest-client';
import { useApp } from '../shell/app-context';
import type { CaseTab } from '../shell/route';
import { openExercise } from './queries';
import { ResultComparison } from './ResultComparison';
import { ScenarioCatalogue } from './ScenarioCatalogue';

export function ExerciseOpenPanel({ onOpen }: { readonly onOpen: (caseId: string, tab?: CaseTab) => void }) {
  const { host, investigator } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const open = async () => {
    setBusy(true);
    setError('');
    try {
      const file = (await host.pick('files'))?.files[0];
      if (!file) return;
      const caseId = await openExercise(investigator, file);
      await ingestClient.ingestUnparsed(caseId);
      onOpen(caseId, 'exercise');
    } catch (failure) {
      // A refused file says why in its own words; only a full disk needs the store's explanation.
      setError(
        isQuotaError(failure)
          ? describeStorageError(failure, 'Opening the exercise')
          : `Opening the exercise failed: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" data-testid="training">
      <h2>Training</h2>
      <p className="muted">
        An exercise file from your instructor: investigate, report your findings, answer the questions and submit.
      </p>
      <button type="button" className="wide" data-testid="open-exercise" disabled={busy} onClick={() => void open()}>
        Open exercise file
      </button>
      {error && (
        <p className="error" role="alert" data-testid="exercise-open-error">
          {error}
        </p>
      )}
      <details>
        <summary>Instructor: compare result files</summary>
        <ResultComparison />
      </details>
      <details>
        <summary>Scenarios: open one as a case, or make an exercise</summary>
        <ScenarioCatalogue onOpen={onOpen} />
      </details>
    </section>
  );
}
