import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../../cli/run';
import { parseAnswerKey, SCENARIOS, scoreSubmission, type AnswerKey } from '../../../../core/scenarios';

/**
 * Every scenario, end to end through the CLI as an instructor runs it: `sample` writes the bundle and its answer
 * key, `bundle verify` must verify it, and `analyze --json` — the whole pipeline with the shipped geolocation
 * database — must find every planted incident and nothing the key does not support. This is also the detectors'
 * regression suite: a detector that stops finding an incident, or starts reporting ordinary noise (trains, VPN,
 * mobile IPv6, retries, app updates, skewed clocks), fails here with the scenario named.
 */

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (line) => void stdout.push(line), stderr: (line) => void stderr.push(line) });
  return { code, stdout, stderr };
}

interface JsonFinding {
  id: string;
  subject?: string;
  tokenHashes: string[];
  message: string;
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tokentrail-scenarios-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each(SCENARIOS.map((scenario) => [scenario.id]))('scenario %s', (id) => {
  let key: AnswerKey;
  let findings: JsonFinding[];
  let verify: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    const out = path.join(root, id);
    const written = await cli('sample', id, '--out', out, '--events', '250', '--seed', '5');
    expect(written.code, written.stderr.join('\n')).toBe(0);
    const parsed = parseAnswerKey(await readFile(path.join(out, 'answer-key.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    key = parsed.value;
    verify = await cli('bundle', 'verify', path.join(out, 'bundle'), '--json');
    const analyzed = await cli('analyze', path.join(out, 'bundle'), '--json');
    expect(analyzed.code, analyzed.stderr.join('\n')).toBe(0);
    // Finding lines only: the api-profile records that follow them are not findings.
    findings = analyzed.stdout
      .map((line) => JSON.parse(line) as JsonFinding & { record?: string })
      .filter((record) => record.record === undefined);
  }, 60_000);

  it('writes a bundle that verifies against its manifest', () => {
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout.join('\n'))).toMatchObject({ verdict: 'verified' });
  });

  it('has an answer key with a story, questions, a timeline and evidence rows for every expected finding', () => {
    expect(key.scenario).toMatchObject({ id, seed: 5, events: 250 });
    expect(key.scenario.story.length).toBeGreaterThan(40);
    expect(key.questions.length).toBeGreaterThan(1);
    expect(key.timeline.length).toBeGreaterThan(0);
    expect(key.expectedFindings.length + key.mustNotReport.length).toBeGreaterThan(0);
    for (const expected of key.expectedFindings) {
      expect(expected.evidence.length, expected.id).toBeGreaterThan(0);
      for (const row of expected.evidence) expect(row.line ?? row.index).toBeTypeOf('number');
    }
  });

  it('is analysed into every planted finding, no red herring and nothing unsupported', () => {
    const score = scoreSubmission(key, { findings });
    const unexplained = score.falseReports.map((report) => `${report.finding.id}: ${findings[report.index]!.message}`);
    expect(unexplained).toEqual([]);
    expect(score.expectations.filter((item) => !item.found).map((item) => item.explanation)).toEqual([]);
    expect(score.recall).toBe(1);
    expect(score.precision).toBe(1);
  });

  it('reports nothing the answer key says must not be reported', () => {
    for (const herring of key.mustNotReport)
      expect(
        findings.filter(
          (finding) =>
            finding.id === herring.id && (herring.subject === undefined || finding.subject === herring.subject),
        ),
      ).toEqual([]);
  });
});

describe('the scenarios', () => {
  it('number at least twelve, with distinct ids, titles and each difficulty', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(SCENARIOS.map((scenario) => scenario.id)).size).toBe(SCENARIOS.length);
    expect(new Set(SCENARIOS.map((scenario) => scenario.difficulty))).toEqual(new Set(['easy', 'medium', 'hard']));
  });
});
