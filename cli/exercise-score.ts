import { readFileSync } from 'node:fs';
import { parseAnswerKey, parseSubmission, scoreSubmission, type ReadResult } from '../core/scenarios';
import { CliError } from './cli-error';
import type { Command } from './command';
import { printScore, scoreJson } from './exercise-score-output';
import { terminalSafeOutput } from './terminal-text';

/** Exit codes of `tokentrail exercise score` (docs/cli.md). */
export const SCORE_EXIT = { scored: 0, unreadable: 2 } as const;

function readOrFail<T>(file: string, what: string, parse: (text: string) => ReadResult<T>): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError('unreadable-input', `${what} ${file} cannot be read (${(error as Error).message})`);
  }
  const result = parse(text);
  if (!result.ok)
    throw new CliError(
      'unreadable-input',
      `${what} ${file}${result.line !== undefined ? `:${result.line}` : ''}: ${result.message}`,
    );
  return result.value;
}

/** `tokentrail exercise score <answer-key.json> <submission.json> [--json]`. */
export const exerciseScoreCommand: Command = {
  name: 'exercise score',
  help: `  tokentrail exercise score <answer-key.json> <submission.json | findings.jsonl> [--json]
      Score a trainee's submission against a scenario's answer key (docs/training.md): each expected
      finding found or missed (a miss explained, with the records that prove it), false reports (red
      herrings reported, reports the key does not support), precision, recall, and the answers.
      The submission is {"findings":[{id, subject?, tokenHashes?}], "answers":{…}} or the JSON
      lines of tokentrail analyze --json. Exit 0 scored, 2 when a file cannot be read.`,
  options: {},
  shared: ['json'],
  run({ positionals, shared }, io) {
    if (positionals.length !== 2)
      throw new CliError('wrong-input-count', 'takes an answer key and a submission, in that order');
    const key = readOrFail(positionals[0]!, 'answer key', parseAnswerKey);
    const submission = readOrFail(positionals[1]!, 'submission', parseSubmission);
    const score = scoreSubmission(key, submission);
    // Findings' subjects and answers are the trainee's text, and the key quotes evidence: printed terminal-safe.
    const out = terminalSafeOutput(io);
    if (shared.json) out.stdout(JSON.stringify(scoreJson(score)));
    else printScore(key, score, out);
    return Promise.resolve(SCORE_EXIT.scored);
  },
};
