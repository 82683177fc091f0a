// The scenarios on the welcome screen, with their story and difficulty: each opens as a case (generated in the page,
// imported like any bundle) or is made into an exercise — hidden views and a passphrase chosen by the instructor —
// saved as a .ttexercise file for trainees or opened here as a trainee. No CLI needed.
import { useState } from 'react';
import { HIDDEN_ANALYSES, SCENARIOS, type HiddenAnalysis, type ScenarioDefinition } from '../../core/scenarios';
import { describeStorageError, isQuotaError } from '../db/storage-errors';
import { pickedFileFromBytes } from '../host/blob-file';
import { ingestClient } from '../ingest/ingest-client';
import { useApp } from '../shell/app-context';
import type { CaseTab } from '../shell/route';
import { openExercise, openGeneratedScenario } from './queries';
import { BROWSER_SCENARIO_EVENTS, generateInPage, randomSeed, sealGenerated } from './scenario-in-browser';

const HIDDEN_LABELS: Record<HiddenAnalysis, string> = {
  findings: "the detectors' findings",
  'token-checks': 'the token checks',
  map: 'the map',
};

type OnOpen = (caseId: string, tab?: CaseTab) => void;

function ExerciseMaker({
  scenario,
  run,
  onOpen,
}: {
  readonly scenario: ScenarioDefinition;
  readonly run: (label: string, work: (progress: (text: string) => void) => Promise<void>) => void;
  readonly onOpen: OnOpen;
}) {
  const { host, investigator } = useApp();
  const [hidden, setHidden] = useState<HiddenAnalysis[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const seal = async (progress: (text: string) => void) => {
    const generated = await generateInPage(scenario, randomSeed(), ({ events, target }) =>
      progress(`Generating: ${Math.min(events, target)} of ${target} events…`),
    );
    progress('Sealing the answer key (PBKDF2, 600,000 iterations)…');
    return sealGenerated(generated, passphrase, hidden);
  };
  const save = () =>
    run('Making the exercise', async (progress) => {
      const bytes = await seal(progress);
      await host.saveExport(`${scenario.id}.ttexercise`, bytes);
    });
  const openAsTrainee = () =>
    run('Opening the exercise', async (progress) => {
      const bytes = await seal(progress);
      progress('Opening it as a trainee…');
      const caseId = await openExercise(investigator, pickedFileFromBytes(bytes, `${scenario.id}.ttexercise`));
      await ingestClient.ingestUnparsed(caseId);
      onOpen(caseId, 'exercise');
    });
  return (
    <div className="stack" data-testid="scenario-exercise-form">
      <fieldset>
        <legend>Hide from the trainee</legend>
        {HIDDEN_ANALYSES.map((analysis) => (
          <label key={analysis} className="inline-field">
            <input
              type="checkbox"
              data-testid={`scenario-hide-${analysis}`}
              checked={hidden.includes(analysis)}
              onChange={(event) =>
                setHidden(event.target.checked ? [...hidden, analysis] : hidden.filter((item) => item !== analysis))
              }
            />
            {HIDDEN_LABELS[analysis]}
          </label>
        ))}
      </fieldset>
      <label className="inline-field">
        <span>Instructor passphrase</span>
        <input
          type="password"
          autoComplete="new-password"
          data-testid="scenario-passphrase"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </label>
      <p className="muted small">
        The answer key is sealed with it (AES-256-GCM): keep it to score the trainees&apos; work.
      </p>
      <div className="inline-field">
        <button type="button" data-testid="scenario-save-exercise" disabled={passphrase === ''} onClick={save}>
          Save exercise file
        </button>
        <button type="button" data-testid="scenario-open-trainee" disabled={passphrase === ''} onClick={openAsTrainee}>
          Open it here as a trainee
        </button>
      </div>
    </div>
  );
}

export function ScenarioCatalogue({ onOpen }: { readonly onOpen: OnOpen }) {
  const { investigator } = useApp();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [making, setMaking] = useState<string>();
  const run = (label: string, work: (progress: (text: string) => void) => Promise<void>) => {
    setBusy(true);
    setError('');
    setStatus(`${label}…`);
    work(setStatus)
      .catch((failure: unknown) =>
        setError(
          isQuotaError(failure)
            ? describeStorageError(failure, label)
            : `${label} failed: ${failure instanceof Error ? failure.message : String(failure)}`,
        ),
      )
      .finally(() => {
        setBusy(false);
        setStatus('');
      });
  };
  const openAsCase = (scenario: ScenarioDefinition) =>
    run(`Opening “${scenario.title}”`, async (progress) => {
      const generated = await generateInPage(scenario, 1, ({ events, target }) =>
        progress(`Generating “${scenario.title}”: ${Math.min(events, target)} of ${target} events…`),
      );
      progress('Verifying and importing the bundle…');
      const caseId = await openGeneratedScenario(investigator, generated);
      await ingestClient.ingestUnparsed(caseId);
      onOpen(caseId);
    });
  return (
    <div className="stack">
      <p className="muted">
        Each scenario is generated here ({BROWSER_SCENARIO_EVENTS} ordinary events around the incident, seed 1 for a
        case, a random seed for an exercise); larger ones with <span className="mono">tokentrail sample</span>{' '}
        (docs/training.md).
      </p>
      {status && (
        <p className="notice" role="status" data-testid="scenario-progress">
          {status}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="scenario-error">
          {error}
        </p>
      )}
      <ul className="scenario-list" data-testid="scenario-list">
        {SCENARIOS.map((scenario) => (
          <li key={scenario.id} data-testid="scenario-item" data-scenario={scenario.id}>
            <strong>{scenario.title}</strong> <span className="muted">({scenario.difficulty})</span>{' '}
            <span className="mono">{scenario.id}</span>
            <p className="muted">{scenario.story}</p>
            <div className="inline-field">
              <button
                type="button"
                data-testid="scenario-open-case"
                disabled={busy}
                onClick={() => openAsCase(scenario)}
              >
                Open as a case
              </button>
              <button
                type="button"
                data-testid="scenario-make-exercise"
                disabled={busy}
                aria-expanded={making === scenario.id}
                onClick={() => setMaking(making === scenario.id ? undefined : scenario.id)}
              >
                Make an exercise…
              </button>
            </div>
            {making === scenario.id && (
              <ExerciseMaker scenario={scenario} run={busy ? () => undefined : run} onOpen={onOpen} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
