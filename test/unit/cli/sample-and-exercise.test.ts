import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { SCENARIOS } from '../../../core/scenarios';

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (line) => void stdout.push(line), stderr: (line) => void stderr.push(line) });
  return { code, stdout, stderr };
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tokentrail-sample-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('tokentrail sample list', () => {
  it('prints one scenario id per line', async () => {
    const result = await cli('sample', 'list');
    expect(result).toMatchObject({ code: 0, stderr: [] });
    expect(result.stdout).toEqual(SCENARIOS.map((scenario) => scenario.id));
  });

  it('prints id, title and difficulty with --json', async () => {
    const result = await cli('sample', 'list', '--json');
    expect(result.stdout.map((line) => JSON.parse(line) as unknown)[0]).toEqual({
      id: 'alg-none',
      title: 'An unsigned admin token',
      difficulty: 'easy',
    });
  });
});

describe('tokentrail sample <scenario>', () => {
  it.each([
    [['sample', 'no-such', '--out', 'x'], 'unknown scenario "no-such"'],
    [['sample', 'alg-none'], '--out needs a directory'],
    [['sample', 'alg-none', '--out', 'x', '--events', '12k'], '--events needs a number of events'],
    [['sample', 'alg-none', '--out', 'x', '--seed', '-1'], '--seed needs a whole number'],
    [['sample', 'alg-none', '--out', 'x', '--formats', 'jsonl,splunk'], 'unknown format "splunk"'],
    [['sample', '--out', 'x'], 'takes exactly one scenario id'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain(message);
  });

  it('refuses a directory that holds anything, and leaves it as it was', async () => {
    const dir = path.join(root, 'occupied');
    await cli('sample', 'alg-none', '--out', dir, '--events', '20');
    const before = await readdir(dir, { recursive: true });
    const result = await cli('sample', 'weak-hmac-secret', '--out', dir, '--events', '20');
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain('is not empty');
    expect(await readdir(dir, { recursive: true })).toEqual(before);
  });

  it('writes the bundle folder and the answer key beside it; the same seed gives the same bytes', async () => {
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    for (const dir of [first, second])
      expect((await cli('sample', 'kid-injection', '--out', dir, '--events', '60', '--seed', '9')).code).toBe(0);
    const files = (await readdir(first, { recursive: true })).sort();
    expect(files).toEqual(expect.arrayContaining(['answer-key.json', 'bundle/manifest.json', 'bundle/keys/jwks.json']));
    for (const file of files.filter((name) => name.includes('.')))
      expect(await readFile(path.join(second, file)), file).toEqual(await readFile(path.join(first, file)));
    const key = JSON.parse(await readFile(path.join(first, 'answer-key.json'), 'utf8')) as Record<string, unknown>;
    expect(key).toMatchObject({
      format: 'tokentrail-answer-key',
      expectedFindings: expect.any(Array),
      mustNotReport: [],
    });
  });
});

describe('tokentrail exercise score', () => {
  let dir: string;
  let keyFile: string;
  beforeAll(async () => {
    dir = path.join(root, 'exercise');
    await cli('sample', 'impossible-travel', '--out', dir, '--events', '80', '--seed', '3');
    keyFile = path.join(dir, 'answer-key.json');
    const analyzed = await cli('analyze', path.join(dir, 'bundle'), '--json');
    await writeFile(path.join(dir, 'analysis.jsonl'), `${analyzed.stdout.join('\n')}\n`);
    await writeFile(
      path.join(dir, 'wrong.json'),
      JSON.stringify({ findings: [{ id: 'alg-none' }], answers: { country: 'France' } }),
    );
  }, 30_000);

  it('scores the analysis as a submission: everything found, nothing false', async () => {
    const result = await cli('exercise', 'score', keyFile, path.join(dir, 'analysis.jsonl'));
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toBe('Exercise: One session, two continents (impossible-travel, easy)');
    expect(result.stdout).toContain(
      'FOUND  impossible-travel — ' +
        (JSON.parse(await readFile(keyFile, 'utf8')) as { expectedFindings: { subject: string }[] })
          .expectedFindings[0]!.subject,
    );
    expect(result.stdout.at(-1)).toMatch(
      /^Score: recall 100% \(1\/1\), precision 100%, 0 false report\(s\), answers 0\/3$/,
    );
  });

  it('scores a wrong submission lower, explaining the miss and the false report (text and --json)', async () => {
    const text = await cli('exercise', 'score', keyFile, path.join(dir, 'wrong.json'));
    expect(text.code).toBe(0);
    expect(text.stdout.some((line) => line.startsWith('MISSED impossible-travel'))).toBe(true);
    expect(
      text.stdout.some((line) => line.startsWith('  Missed impossible-travel for ') && line.includes('Start at logs/')),
    ).toBe(true);
    expect(text.stdout).toContain('FALSE  alg-none: alg-none matches no planted incident of this scenario.');
    expect(text.stdout.at(-1)).toBe('Score: recall 0% (0/1), precision 0%, 1 false report(s), answers 0/3');
    const json = await cli('exercise', 'score', keyFile, path.join(dir, 'wrong.json'), '--json');
    expect(JSON.parse(json.stdout.join(''))).toMatchObject({
      scenario: 'impossible-travel',
      recall: 0,
      precision: 0,
      expected: [
        {
          id: 'impossible-travel',
          found: false,
          explanation: expect.stringContaining('Missed'),
          evidence: expect.any(Array),
        },
      ],
      falseReports: [{ reason: 'unmatched', finding: { id: 'alg-none' } }],
      answers: expect.arrayContaining([expect.objectContaining({ id: 'country', given: 'France', correct: false })]),
    });
  });

  it('exits 2 naming the file and the line when a file cannot be used', async () => {
    const missing = await cli('exercise', 'score', path.join(dir, 'nope.json'), path.join(dir, 'wrong.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr.join('\n')).toContain(`answer key ${path.join(dir, 'nope.json')} cannot be read`);
    await writeFile(path.join(dir, 'broken.jsonl'), '{"id":"replay"}\n{"id":\n');
    const broken = await cli('exercise', 'score', keyFile, path.join(dir, 'broken.jsonl'));
    expect(broken.code).toBe(2);
    expect(broken.stderr.join('\n')).toContain(`submission ${path.join(dir, 'broken.jsonl')}:2: not valid JSON`);
    const swapped = await cli('exercise', 'score', path.join(dir, 'wrong.json'), keyFile);
    expect(swapped.stderr.join('\n')).toContain('not an answer key');
    expect((await cli('exercise', 'score', keyFile)).code).toBe(2);
  });

  it('is listed in the help with sample and sample list', async () => {
    const help = (await cli('--help')).stdout.join('\n');
    for (const usage of [
      'tokentrail sample list',
      'tokentrail sample <scenario> --out DIR',
      'tokentrail exercise score',
    ])
      expect(help).toContain(usage);
  });
});
