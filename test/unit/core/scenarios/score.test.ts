import { describe, expect, it } from 'vitest';
import {
  matchesFinding,
  parseAnswerKey,
  parseSubmission,
  scoreSubmission,
  type AnswerKey,
} from '../../../../core/scenarios';

const TOKEN_A = 'a'.repeat(64);
const TOKEN_B = 'b'.repeat(64);

const row = {
  file: 'logs/api-gateway-access.log',
  line: 12,
  ts: 0,
  time: '2026-11-18T09:00:00.000Z',
  what: 'GET /billing',
};

const KEY: AnswerKey = {
  format: 'tokentrail-answer-key',
  formatVersion: 1,
  scenario: { id: 'test', title: 'Test', difficulty: 'easy', story: 'A story.', seed: 1, events: 10 },
  expectedFindings: [
    { id: 'alg-none', tokenHashes: [TOKEN_A], incident: 'forgery', why: 'It is unsigned.', evidence: [row] },
    {
      id: 'token-never-issued',
      tokenHashes: [TOKEN_A],
      incident: 'forgery',
      why: 'Nobody issued it.',
      evidence: [row],
    },
    { id: 'impossible-travel', subject: 'alma', incident: 'travel', why: 'Two continents.', evidence: [row, row] },
  ],
  alsoAccepted: [{ id: 'algorithm-not-allowed', tokenHashes: [TOKEN_A], why: 'Also true.' }],
  mustNotReport: [{ id: 'country-change', subject: 'ben', why: "Ben's VPN." }],
  undetected: [],
  timeline: [],
  questions: [
    { id: 'country', question: 'Which country?', answer: 'Singapore (SG)', accept: ['SG', 'Singapore'] },
    { id: 'issued', question: 'Issued?', answer: 'no', accept: ['no'] },
  ],
};

describe('scoreSubmission', () => {
  it('gives a perfect submission full recall and precision, and judges the answers', () => {
    const score = scoreSubmission(KEY, {
      findings: [
        { id: 'alg-none', tokenHashes: [TOKEN_A] },
        { id: 'token-never-issued', tokenHashes: [TOKEN_B, TOKEN_A] },
        { id: 'impossible-travel', subject: 'alma' },
        { id: 'algorithm-not-allowed', tokenHashes: [TOKEN_A] },
      ],
      answers: { country: 'they were in singapore', issued: 'No' },
    });
    expect(score).toMatchObject({ recall: 1, precision: 1, falseReports: [], accepted: [3], answersCorrect: 2 });
    expect(score.expectations.every((item) => item.found && item.explanation === undefined)).toBe(true);
  });

  it('explains each miss of a partial submission, pointing at the records that prove it', () => {
    const score = scoreSubmission(KEY, { findings: [{ id: 'alg-none', tokenHashes: [TOKEN_A] }], answers: {} });
    expect(score.recall).toBeCloseTo(1 / 3);
    expect(score.precision).toBe(1);
    const missed = score.expectations.filter((item) => !item.found);
    expect(missed.map((item) => item.expected.id)).toEqual(['token-never-issued', 'impossible-travel']);
    expect(missed[1]!.explanation).toBe(
      'Missed impossible-travel for alma: Two continents. Start at logs/api-gateway-access.log:12 (2026-11-18T09:00:00.000Z) and 1 more record(s).',
    );
    expect(missed[1]!.evidence).toHaveLength(2);
    expect(score.answers.map((answer) => answer.correct)).toEqual([false, false]);
  });

  it('scores a wrong submission lower: red herrings, the wrong subject and the wrong token are false reports', () => {
    const perfect = scoreSubmission(KEY, {
      findings: [
        { id: 'alg-none', tokenHashes: [TOKEN_A] },
        { id: 'token-never-issued', tokenHashes: [TOKEN_A] },
        { id: 'impossible-travel', subject: 'alma' },
      ],
    });
    const wrong = scoreSubmission(KEY, {
      findings: [
        { id: 'alg-none', tokenHashes: [TOKEN_B] },
        { id: 'impossible-travel', subject: 'ben' },
        { id: 'country-change', subject: 'ben' },
        { id: 'replay' },
      ],
      answers: { country: 'Russia' },
    });
    expect(wrong.recall).toBeLessThan(perfect.recall);
    expect(wrong.precision).toBeLessThan(perfect.precision);
    expect(wrong).toMatchObject({ recall: 0, precision: 0, answersCorrect: 0 });
    expect(wrong.falseReports.map((report) => [report.finding.id, report.reason])).toEqual([
      ['alg-none', 'unmatched'],
      ['impossible-travel', 'unmatched'],
      ['country-change', 'must-not-report'],
      ['replay', 'unmatched'],
    ]);
    expect(wrong.falseReports[2]!.explanation).toContain("Ben's VPN.");
    expect(wrong.expectations.every((item) => item.explanation?.startsWith('Missed '))).toBe(true);
  });

  it('scores an empty submission of a red-herring exercise as perfect, and the herring reported as a false report', () => {
    const herringOnly: AnswerKey = { ...KEY, expectedFindings: [] };
    expect(scoreSubmission(herringOnly, { findings: [] })).toMatchObject({ recall: 1, precision: 1 });
    expect(scoreSubmission(herringOnly, { findings: [{ id: 'country-change', subject: 'ben' }] })).toMatchObject({
      recall: 1,
      precision: 0,
    });
  });
});

describe('matchesFinding', () => {
  const target = { id: 'replay', subject: 'alma', tokenHashes: [TOKEN_A] };
  it.each([
    [{ id: 'replay', subject: 'alma' }, true],
    [{ id: 'replay', tokenHashes: [TOKEN_A] }, true],
    [{ id: 'replay', subject: 'alma', tokenHashes: [TOKEN_A, TOKEN_B] }, true],
    [{ id: 'replay' }, false],
    [{ id: 'replay', subject: 'ben', tokenHashes: [TOKEN_A] }, false],
    [{ id: 'replay', subject: 'alma', tokenHashes: [TOKEN_B] }, false],
    [{ id: 'impossible-travel', subject: 'alma' }, false],
  ])('%j → %s', (submitted, expected) => {
    expect(matchesFinding(target, submitted)).toBe(expected);
  });
});

describe('reading submissions and answer keys', () => {
  it('reads the object form with answers, and the JSON lines of analyze --json', () => {
    expect(
      parseSubmission('{"findings":[{"id":"alg-none","tokenHashes":["x"],"subject":null}],"answers":{"q":"a"}}'),
    ).toEqual({ ok: true, value: { findings: [{ id: 'alg-none', tokenHashes: ['x'] }], answers: { q: 'a' } } });
    const lines = `${JSON.stringify({ id: 'replay', subject: 'alma', tokenHashes: [], severity: 'high' })}\n\n${JSON.stringify({ id: 'alg-none', tokenHashes: ['x'] })}\n`;
    expect(parseSubmission(lines)).toEqual({
      ok: true,
      value: {
        findings: [
          { id: 'replay', subject: 'alma', tokenHashes: [] },
          { id: 'alg-none', tokenHashes: ['x'] },
        ],
        answers: {},
      },
    });
  });

  it('skips the api-profile records analyze --json prints after the findings', () => {
    const lines = `${JSON.stringify({ id: 'alg-none', tokenHashes: ['x'] })}\n${JSON.stringify({ record: 'api-profile', key: 'api:orders', flaws: [] })}\n`;
    expect(parseSubmission(lines)).toEqual({
      ok: true,
      value: { findings: [{ id: 'alg-none', tokenHashes: ['x'] }], answers: {} },
    });
    expect(parseSubmission(`${JSON.stringify({ record: 'finding' })}\n`)).toMatchObject({ ok: false, line: 1 });
  });

  it('names the line of a bad finding', () => {
    expect(parseSubmission('{"id":"a"}\n{"id":"b"\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseSubmission('{"id":"a"}\n{"subject":"alma"}\n')).toMatchObject({
      ok: false,
      line: 2,
      message: 'the finding has no "id" (a detector or check id)',
    });
    expect(parseSubmission('{"findings":[{"id":"a","tokenHashes":"x"}]}')).toMatchObject({
      ok: false,
      message: 'finding 1: "tokenHashes" must be a list of strings',
    });
  });

  it('reads a minimal hand-written answer key and refuses what is not one', () => {
    const minimal = parseAnswerKey(
      '{"format":"tokentrail-answer-key","formatVersion":1,"expectedFindings":[{"id":"alg-none"}],"mustNotReport":[]}',
    );
    expect(minimal.ok).toBe(true);
    if (minimal.ok)
      expect(scoreSubmission(minimal.value, { findings: [{ id: 'alg-none' }] })).toMatchObject({
        recall: 1,
        precision: 1,
      });
    expect(parseAnswerKey('{"format":"tokentrail-bundle"}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not an answer key'),
    });
    expect(parseAnswerKey('{\n  "format": "tokentrail-answer-key",\n  oops\n}')).toMatchObject({ ok: false, line: 3 });
    expect(
      parseAnswerKey('{"format":"tokentrail-answer-key","formatVersion":1,"expectedFindings":{},"mustNotReport":[]}'),
    ).toMatchObject({ ok: false, message: '"expectedFindings" must be a list' });
  });
});
