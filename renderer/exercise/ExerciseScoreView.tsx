// The instructor's view of a submitted exercise: the score against the answer key, each expected finding found or
// missed (a miss explained, with the records that prove it), false reports, the answers, the time taken, and what
// really happened. Nothing here is stored: the key is decrypted in memory for as long as the view is open.
import type { AnswerKey, ExerciseScore } from '../../core/scenarios';
import type { ExerciseSubmissionRecord } from '../db/exercise-records';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';
import { plural } from '../shell/format';

/** A ratio as a whole percentage. */
export const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** "1 h 04 min", "12 min 30 s": how long the trainee took. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

interface ExerciseScoreViewProps {
  readonly answerKey: AnswerKey;
  readonly score: ExerciseScore;
  readonly submission: ExerciseSubmissionRecord;
  readonly startedAt: number;
}

export function ExerciseScoreView({ answerKey, score, submission, startedAt }: ExerciseScoreViewProps) {
  const { timeZone } = useApp();
  const found = score.expectations.filter((item) => item.found).length;
  return (
    <section className="panel exercise-score" data-testid="exercise-score">
      <h2>Score</h2>
      <p data-testid="exercise-score-summary">
        Recall {percent(score.recall)} ({found}/{score.expectations.length}), precision {percent(score.precision)},{' '}
        {plural(score.falseReports.length, 'false report')}, answers {score.answersCorrect}/{score.answers.length}, time
        taken {formatDuration(submission.submittedAt - startedAt)}
      </p>
      <h3>Expected findings</h3>
      <ul className="exercise-expected">
        {score.expectations.map((item, index) => (
          <li key={index} data-testid="exercise-expected" data-found={item.found}>
            <strong>{item.found ? 'Found' : 'Missed'}</strong> <span className="mono">{item.expected.id}</span>
            {item.expected.subject && <span className="mono"> — {item.expected.subject}</span>}
            {!item.found && <p className="muted">{item.explanation}</p>}
            {!item.found && item.evidence.length > 0 && (
              <ul>
                {item.evidence.map((row, at) => (
                  <li key={at} className="mono">
                    {row.file}:{row.line ?? `[${row.index}]`} {formatInstant(row.ts, timeZone)} {row.what}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {score.falseReports.length > 0 && (
        <>
          <h3>False reports</h3>
          <ul>
            {score.falseReports.map((report) => (
              <li key={report.index} data-testid="exercise-false-report">
                <span className="mono">{report.finding.id}</span>: {report.explanation}
              </li>
            ))}
          </ul>
        </>
      )}
      {score.answers.length > 0 && (
        <>
          <h3>Answers</h3>
          <ul>
            {score.answers.map((answer) => (
              <li key={answer.id} data-testid="exercise-scored-answer" data-correct={answer.correct}>
                <strong>{answer.correct ? 'Right' : 'Wrong'}</strong> {answer.question} — “{answer.given}”; expected:{' '}
                {answer.answer}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>What happened</h3>
      <p className="muted">{answerKey.scenario.story}</p>
      <ol data-testid="exercise-truth">
        {answerKey.timeline.map((step, index) => (
          <li key={index}>
            {formatInstant(step.ts, timeZone)} — {step.what}
          </li>
        ))}
      </ol>
    </section>
  );
}
