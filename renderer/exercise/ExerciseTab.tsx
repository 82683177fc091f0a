// The Exercise tab of a case opened from a sealed exercise file: the story and the questions, the findings the
// trainee reports (those confirmed in the Findings view, and their own), Submit, the result file, and — once the
// instructor's passphrase opens the sealed answer key — the score. The key is decrypted in memory only.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import {
  exerciseResult,
  scoreSubmission,
  unsealAnswerKey,
  type AnswerKey,
  type ExerciseScore,
  type SealingSubtle,
} from '../../core/scenarios';
import type { CaseRecord } from '../db/records';
import type { CaseExercise } from '../db/exercise-records';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';
import { ExerciseScoreView, formatDuration } from './ExerciseScoreView';
import { OwnFindingForm } from './OwnFindingForm';
import { PassphraseForm } from './PassphraseForm';
import { addOwnFinding, currentSubmissionFindings, removeOwnFinding, saveAnswer, submitExercise } from './queries';
import './exercise.css';

const HIDDEN_LABELS = { findings: "the detectors' findings", 'token-checks': 'the token checks', map: 'the map' };

function findingText(finding: { id: string; subject?: string; tokenHashes?: readonly string[] }): string {
  const about = finding.subject ?? (finding.tokenHashes ?? []).map((hash) => `token ${hash.slice(0, 12)}…`).join(', ');
  return about ? `${finding.id} — ${about}` : finding.id;
}

function Questions({ caseId, exercise }: { readonly caseId: string; readonly exercise: CaseExercise }) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const submitted = exercise.submission !== undefined;
  return (
    <ol className="exercise-questions">
      {exercise.header.questions.map((question) => (
        <li key={question.id}>
          <label>
            {question.question}
            <input
              data-testid={`exercise-answer-${question.id}`}
              disabled={submitted}
              value={drafts[question.id] ?? exercise.answers[question.id] ?? ''}
              onChange={(event) => setDrafts({ ...drafts, [question.id]: event.target.value })}
              onBlur={(event) => void saveAnswer(caseId, question.id, event.target.value)}
            />
          </label>
        </li>
      ))}
    </ol>
  );
}

function InstructorUnlock({
  caseRecord,
  exercise,
}: {
  readonly caseRecord: CaseRecord;
  readonly exercise: CaseExercise;
}) {
  const [problem, setProblem] = useState('');
  const [opened, setOpened] = useState<{ key: AnswerKey; score: ExerciseScore } | null>(null);
  const submission = exercise.submission!;
  const unlock = async (passphrase: string) => {
    setProblem('');
    // The DOM's overloaded SubtleCrypto is the shape core declares (as token-analysis.worker.ts casts it too).
    const key = await unsealAnswerKey(crypto.subtle as unknown as SealingSubtle, exercise, passphrase);
    if (!key.ok) return setProblem(`The answer key of “${caseRecord.title}” does not open: ${key.message}.`);
    setOpened({ key: key.value, score: scoreSubmission(key.value, submission) });
  };
  if (opened)
    return (
      <ExerciseScoreView
        answerKey={opened.key}
        score={opened.score}
        submission={submission}
        startedAt={exercise.startedAt}
      />
    );
  return (
    <section className="panel">
      <h2>Instructor</h2>
      <p className="muted">
        The answer key is sealed in the exercise file. Type the instructor&apos;s passphrase to score this submission.
      </p>
      <PassphraseForm testId="exercise" label="Score" onPassphrase={(passphrase) => void unlock(passphrase)} />
      {problem && (
        <p className="error" role="alert" data-testid="exercise-unlock-error">
          {problem}
        </p>
      )}
    </section>
  );
}

export function ExerciseTab({ caseRecord }: { readonly caseRecord: CaseRecord }) {
  const { host, investigator, timeZone } = useApp();
  const exercise = caseRecord.exercise!;
  const caseId = caseRecord.id;
  const { header, submission } = exercise;
  const reported = useLiveQuery(
    () => currentSubmissionFindings(caseId, exercise.ownFindings),
    [caseId, exercise.ownFindings],
  );
  const [problem, setProblem] = useState('');
  const act = (action: Promise<unknown>) =>
    void action.catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  const saveResult = () => {
    const result = exerciseResult(header, {
      trainee: submission!.trainee,
      startedAt: exercise.startedAt,
      submittedAt: submission!.submittedAt,
      findings: submission!.findings,
      answers: submission!.answers,
    });
    act(
      host.saveExport(
        `${header.scenario.id}-result.json`,
        new TextEncoder().encode(`${JSON.stringify(result, null, 2)}\n`),
      ),
    );
  };
  const findings = submission?.findings ?? reported ?? [];
  return (
    <div className="exercise" data-testid="exercise-tab">
      <section className="panel">
        <h2>
          {header.scenario.title} <span className="muted">({header.scenario.difficulty})</span>
        </h2>
        <p data-testid="exercise-story">{header.scenario.story}</p>
        {header.hidden.length > 0 && (
          <p className="muted">
            Hidden in this exercise: {header.hidden.map((item) => HIDDEN_LABELS[item]).join(', ')}.
          </p>
        )}
        <p className="muted">
          Report a finding by confirming it in the Findings view, or add your own below. Submit when you are done: your
          report is then final.
        </p>
      </section>
      {problem && (
        <p className="error" role="alert" data-testid="exercise-error">
          {problem}
        </p>
      )}
      <section className="panel">
        <h2>Your findings</h2>
        {findings.length === 0 && <p className="muted">No finding reported yet.</p>}
        <ul data-testid="exercise-findings">
          {findings.map((finding, index) => (
            <li key={index} data-testid="exercise-finding" className="mono">
              {findingText(finding)}
            </li>
          ))}
        </ul>
        {!submission && exercise.ownFindings.length > 0 && (
          <>
            <h3>Your own findings</h3>
            <ul>
              {exercise.ownFindings.map((finding, index) => (
                <li key={index}>
                  <span className="mono">{findingText(finding)}</span>{' '}
                  <button type="button" onClick={() => act(removeOwnFinding(caseId, index))}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {!submission && <OwnFindingForm onAdd={(finding) => addOwnFinding(caseId, finding)} />}
      </section>
      <section className="panel">
        <h2>Questions</h2>
        <Questions caseId={caseId} exercise={exercise} />
      </section>
      {!submission ? (
        <button
          type="button"
          className="primary"
          data-testid="exercise-submit"
          onClick={() => act(submitExercise(caseId, investigator))}
        >
          Submit
        </button>
      ) : (
        <>
          <section className="panel" data-testid="exercise-submitted">
            <h2>Submitted</h2>
            <p>
              By {submission.trainee} at {formatInstant(submission.submittedAt, timeZone)}, after{' '}
              {formatDuration(submission.submittedAt - exercise.startedAt)}.
            </p>
            <button type="button" data-testid="exercise-save-result" onClick={saveResult}>
              Save result file
            </button>
          </section>
          <InstructorUnlock caseRecord={caseRecord} exercise={exercise} />
        </>
      )}
    </div>
  );
}
