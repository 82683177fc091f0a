// The instructor view comparing trainees' result files: the exercise file, the passphrase that opens its key (in
// memory only), then any number of result files, each scored, in one table.
import { useState } from 'react';
import {
  parseExerciseFile,
  unsealAnswerKey,
  type AnswerKey,
  type ExerciseHeader,
  type SealingSubtle,
} from '../../core/scenarios';
import type { PickedFile } from '../host/host';
import { useApp } from '../shell/app-context';
import { compareResults, type ComparedResult } from './result-comparison';
import { formatDuration, percent } from './ExerciseScoreView';
import { PassphraseForm } from './PassphraseForm';

async function textOf(file: PickedFile): Promise<string> {
  return new TextDecoder().decode(await file.read(0, file.size));
}

export function ResultComparison() {
  const { host } = useApp();
  const [exercise, setExercise] = useState<{ name: string; text: string } | null>(null);
  const [opened, setOpened] = useState<{ header: ExerciseHeader; key: AnswerKey } | null>(null);
  const [rows, setRows] = useState<ComparedResult[]>([]);
  const [problem, setProblem] = useState('');

  const chooseExercise = async () => {
    const file = (await host.pick('files'))?.files[0];
    if (!file) return;
    setOpened(null);
    setRows([]);
    setExercise({ name: file.name, text: await textOf(file) });
  };
  const unlock = async (passphrase: string) => {
    setProblem('');
    const parsed = parseExerciseFile(exercise!.text);
    if (!parsed.ok) return setProblem(`${exercise!.name} is refused: ${parsed.message}`);
    const key = await unsealAnswerKey(crypto.subtle as unknown as SealingSubtle, parsed.value, passphrase);
    if (!key.ok) return setProblem(`${exercise!.name}: ${key.message}`);
    setOpened({ header: parsed.value.header, key: key.value });
  };
  const chooseResults = async () => {
    const picked = await host.pick('files');
    if (!picked || !opened) return;
    const files = await Promise.all(picked.files.map(async (file) => ({ name: file.name, text: await textOf(file) })));
    setRows(compareResults(opened.header, opened.key, files));
  };
  const run = (action: () => Promise<void>) => () =>
    void action().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));

  return (
    <div className="result-comparison" data-testid="result-comparison">
      <button type="button" data-testid="compare-exercise" onClick={run(chooseExercise)}>
        {exercise ? `Exercise: ${exercise.name}` : 'Choose the exercise file'}
      </button>
      {exercise && !opened && (
        <PassphraseForm
          testId="compare"
          label="Open the answer key"
          onPassphrase={(passphrase) => run(() => unlock(passphrase))()}
        />
      )}
      {opened && (
        <button type="button" data-testid="compare-results" onClick={run(chooseResults)}>
          Choose result files
        </button>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="compare-error">
          {problem}
        </p>
      )}
      {rows.length > 0 && (
        <table className="table" data-testid="compare-table">
          <thead>
            <tr>
              <th>Trainee</th>
              <th>Recall</th>
              <th>Precision</th>
              <th>False reports</th>
              <th>Answers</th>
              <th>Time</th>
              <th>Missed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              row.ok ? (
                <tr key={row.file} data-testid="compare-row">
                  <td title={row.file}>{row.trainee}</td>
                  <td>{percent(row.score.recall)}</td>
                  <td>{percent(row.score.precision)}</td>
                  <td>{row.score.falseReports.length}</td>
                  <td>
                    {row.score.answersCorrect}/{row.score.answers.length}
                  </td>
                  <td>{formatDuration(row.takenMs)}</td>
                  <td className="mono">{row.missed.join(', ')}</td>
                </tr>
              ) : (
                <tr key={row.file} data-testid="compare-row-refused">
                  <td className="mono">{row.file}</td>
                  <td colSpan={6}>{row.problem}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
