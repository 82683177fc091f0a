import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  EXERCISE_FORMAT,
  parseAnswerKey,
  parseExerciseFile,
  parseSubmission,
  scoreSubmission,
  unsealAnswerKey,
  type AnswerKey,
  type ReadResult,
} from '../core/scenarios';
import { CliError } from './cli-error';
import type { Command } from './command';
import { readPassphraseFile } from './passphrase-file';
import { printScore, scoreJson } from './exercise-score-output';
import { terminalSafeOutput } from './terminal-text';

/** Exit codes of `tokentrail exercise score` (docs/cli.md). */
export const SCORE_EXIT = { scored: 0, unreadable: 2 } as const;

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError('unreadable-input', `${what} ${file} cannot be read (${(error as Error).message})`);
  }
}

function parsedOrFail<T>(file: string, what: string, result: ReadResult<T>): T {
  if (!result.ok)
    throw new CliError(
      'unreadable-input',
      `${what} ${file}${result.line !== undefined ? `:${result.line}` : ''}: ${result.message}`,
    );
  return result.value;
}

/** An exercise file names its format in its first member (serializeExerciseFile); an answer key never does. */
const EXERCISE_START = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${EXERCISE_FORMAT}"`);

/** The answer key: read as is, or unsealed from an exercise file with the passphrase. */
async function answerKeyOf(file: string, passphraseFile: string | undefined): Promise<AnswerKey> {
  const text = readText(file, 'answer key');
  if (!EXERCISE_START.test(text)) return parsedOrFail(file, 'answer key', parseAnswerKey(text));
  const exercise = parsedOrFail(file, 'exercise', parseExerciseFile(text));
  const passphrase = readPassphraseFile(passphraseFile);
  return parsedOrFail(file, 'exercise', await unsealAnswerKey(webcrypto.subtle, exercise, passphrase));
}

/** `tokentrail exercise score <answer-key.json> <submission.json> [--json]`. */
export const exerciseScoreCommand: Command = {
  name: 'exercise score',
  help: `  tokentrail exercise score <answer-key.json | exercise.ttexercise> <submission | result> [--json]
                    [--passphrase-file FILE]
      Score a trainee's submission against a scenario's answer key (docs/training.md): each expected
      finding found or missed (a miss explained, with the records that prove it), false reports (red
      herrings reported, reports the key does not support), precision, recall, and the answers.
      The submission is {"findings":[{id, subject?, tokenHashes?}], "answers":{…}} or the JSON
      lines of tokentrail analyze --json, or a result file saved by the app's exercise mode. An
      exercise file's sealed key is opened with the passphrase in --passphrase-file.
      Exit 0 scored, 2 when a file cannot be read or the passphrase does not open the key.`,
  options: { 'passphrase-file': { type: 'string', needs: "a file holding the instructor's passphrase" } },
  shared: ['json'],
  async run({ values, positionals, shared }, io) {
    if (positionals.length !== 2)
      throw new CliError('wrong-input-count', 'takes an answer key and a submission, in that order');
    const key = await answerKeyOf(positionals[0]!, values['passphrase-file']);
    const submissionFile = positionals[1]!;
    const submission = parsedOrFail(
      submissionFile,
      'submission',
      parseSubmission(readText(submissionFile, 'submission')),
    );
    const score = scoreSubmission(key, submission);
    // Findings' subjects and answers are the trainee's text, and the key quotes evidence: printed terminal-safe.
    const out = terminalSafeOutput(io);
    if (shared.json) out.stdout(JSON.stringify(scoreJson(score)));
    else printScore(key, score, out);
    return SCORE_EXIT.scored;
  },
};
