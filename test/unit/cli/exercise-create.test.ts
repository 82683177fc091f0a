import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { parseExerciseFile, unsealAnswerKey } from '../../../core/scenarios';
import { nodeSealingCrypto } from '../../../cli/exercise-create';

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (line) => void stdout.push(line), stderr: (line) => void stderr.push(line) });
  return { code, stdout, stderr };
}

const PASSPHRASE = 'instructor only, 2026';
let root: string;
let passphraseFile: string;
let exerciseFile: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tokentrail-exercise-'));
  passphraseFile = path.join(root, 'passphrase.txt');
  await writeFile(passphraseFile, `${PASSPHRASE}\n`);
  exerciseFile = path.join(root, 'ex.ttexercise');
  const created = await cli(
    'exercise',
    'create',
    'impossible-travel',
    '--out',
    exerciseFile,
    '--passphrase-file',
    passphraseFile,
    '--events',
    '60',
    '--hide',
    'findings,map',
  );
  expect(created).toMatchObject({ code: 0, stderr: [] });
  expect(created.stdout[0]).toMatch(/^impossible-travel: seed \d+, \d+ events, \d+ files$/);
}, 60_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('tokentrail exercise create', () => {
  it('writes an exercise whose key opens with the passphrase, with what it hides, and a random seed', async () => {
    const parsed = parseExerciseFile(await readFile(exerciseFile, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.header).toMatchObject({ scenario: { id: 'impossible-travel' }, hidden: ['findings', 'map'] });
    expect(parsed.value.files[0]!.path).toBe('manifest.json');
    const key = await unsealAnswerKey(nodeSealingCrypto.subtle, parsed.value, PASSPHRASE);
    if (!key.ok) throw new Error(key.message);
    expect(key.value.expectedFindings[0]!.id).toBe('impossible-travel');
    expect(key.value.scenario.events).toBe(60);
  });

  it('never overwrites a file', async () => {
    const before = await readFile(exerciseFile, 'utf8');
    const again = await cli(
      'exercise',
      'create',
      'alg-none',
      '--out',
      exerciseFile,
      '--passphrase-file',
      passphraseFile,
    );
    expect(again.code).toBe(2);
    expect(again.stderr.join('\n')).toContain(`cannot write ${exerciseFile}`);
    expect(await readFile(exerciseFile, 'utf8')).toBe(before);
  });

  it.each([
    [['alg-none', '--out', 'x.ttexercise'], '--passphrase-file needs a file'],
    [['alg-none', '--passphrase-file', 'p'], '--out needs a new file'],
    [['alg-none', '--out', 'x', '--passphrase-file', 'no-such-file'], 'passphrase file no-such-file cannot be read'],
    [['no-such', '--out', 'x'], 'unknown scenario "no-such"'],
    [['alg-none', '--out', 'x', '--events', '0'], '--events needs a number'],
  ])('%j is refused (exit 2)', async (argv, message) => {
    const result = await cli('exercise', 'create', ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain(message);
  });

  it('refuses an unknown --hide and an empty passphrase', async () => {
    const hide = await cli(
      'exercise',
      'create',
      'alg-none',
      '--out',
      'x',
      '--passphrase-file',
      passphraseFile,
      '--hide',
      'answers',
    );
    expect(hide.stderr.join('\n')).toContain('--hide: unknown "answers"');
    const empty = path.join(root, 'empty.txt');
    await writeFile(empty, '\nsecond line\n');
    const blank = await cli('exercise', 'create', 'alg-none', '--out', 'x', '--passphrase-file', empty);
    expect(blank.stderr.join('\n')).toContain('has an empty first line');
  });
});

describe('tokentrail exercise score on an exercise file', () => {
  it('scores a submission against the sealed key when the passphrase opens it', async () => {
    const submission = path.join(root, 'result.json');
    await writeFile(
      submission,
      JSON.stringify({ format: 'tokentrail-exercise-result', findings: [{ id: 'alg-none' }], answers: {} }),
    );
    const scored = await cli(
      'exercise',
      'score',
      exerciseFile,
      submission,
      '--passphrase-file',
      passphraseFile,
      '--json',
    );
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout.join(''))).toMatchObject({
      scenario: 'impossible-travel',
      recall: 0,
      precision: 0,
    });
  });

  it('refuses a wrong passphrase and a missing one', async () => {
    const wrong = path.join(root, 'wrong.txt');
    await writeFile(wrong, 'not the passphrase\n');
    const submission = path.join(root, 'result.json');
    const refused = await cli('exercise', 'score', exerciseFile, submission, '--passphrase-file', wrong);
    expect(refused.code).toBe(2);
    expect(refused.stderr.join('\n')).toContain('wrong passphrase, or the exercise file was altered');
    const missing = await cli('exercise', 'score', exerciseFile, submission);
    expect(missing.stderr.join('\n')).toContain('--passphrase-file needs');
  });
});
