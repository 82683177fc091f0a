import { describe, expect, it } from 'vitest';
import {
  exerciseResult,
  parseExerciseResult,
  type AnswerKey,
  type ExerciseHeader,
  type SubmittedFinding,
} from '../../../../core/scenarios';
import { compareResults } from '../../../../renderer/exercise/result-comparison';

const TOKEN = 'd'.repeat(64);
const KEY: AnswerKey = {
  format: 'tokentrail-answer-key',
  formatVersion: 1,
  scenario: { id: 'alg-none', title: 'Unsigned', difficulty: 'easy', story: 'S', seed: 3, events: 10 },
  expectedFindings: [{ id: 'alg-none', tokenHashes: [TOKEN], incident: 'x', why: 'w', evidence: [] }],
  alsoAccepted: [],
  mustNotReport: [],
  undetected: [],
  timeline: [],
  questions: [{ id: 'alg', question: 'Which alg?', answer: 'none', accept: ['none'] }],
};
const HEADER: ExerciseHeader = {
  scenario: { id: 'alg-none', title: 'Unsigned', difficulty: 'easy', story: 'S' },
  questions: [{ id: 'alg', question: 'Which alg?' }],
  hidden: [],
  bundleSha256: 'e'.repeat(64),
};

function resultText(trainee: string, findings: SubmittedFinding[], minutes: number, header = HEADER): string {
  const result = exerciseResult(header, {
    trainee,
    startedAt: 0,
    submittedAt: minutes * 60_000,
    findings,
    answers: { alg: trainee === 'Ada' ? 'None' : 'HS256' },
  });
  return JSON.stringify(result);
}

describe('result files', () => {
  it('read back what exerciseResult wrote', () => {
    const text = resultText('Ada', [{ id: 'alg-none', tokenHashes: [TOKEN] }], 5);
    expect(parseExerciseResult(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('refuse a bare submission, a result without its trainee, and text that is not JSON (with the line)', () => {
    expect(parseExerciseResult('{"findings":[]}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a result file'),
    });
    const anonymous = JSON.parse(resultText('Ada', [], 1)) as Record<string, unknown>;
    delete anonymous.trainee;
    expect(parseExerciseResult(JSON.stringify(anonymous))).toMatchObject({
      ok: false,
      message: expect.stringContaining('"trainee"'),
    });
    expect(parseExerciseResult('{\n"format": }')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('comparing trainees', () => {
  it('scores each file, best first, and says why a file cannot be compared', () => {
    const other = { ...HEADER, bundleSha256: 'f'.repeat(64), scenario: { ...HEADER.scenario, title: 'Another' } };
    const rows = compareResults(HEADER, KEY, [
      { name: 'bob.json', text: resultText('Bob', [{ id: 'replay' }], 20) },
      { name: 'ada.json', text: resultText('Ada', [{ id: 'alg-none', tokenHashes: [TOKEN] }], 12) },
      { name: 'cy.json', text: resultText('Cy', [], 3, other) },
      { name: 'notes.txt', text: 'hello' },
    ]);
    expect(rows.map((row) => row.file)).toEqual(['ada.json', 'bob.json', 'cy.json', 'notes.txt']);
    expect(rows[0]).toMatchObject({
      ok: true,
      trainee: 'Ada',
      takenMs: 720_000,
      missed: [],
      score: { recall: 1, answersCorrect: 1 },
    });
    expect(rows[1]).toMatchObject({
      ok: true,
      trainee: 'Bob',
      missed: ['alg-none'],
      score: { recall: 0, precision: 0 },
    });
    expect(rows[2]).toMatchObject({ ok: false, problem: 'a result of another exercise (Another)' });
    expect(rows[3]).toMatchObject({ ok: false, problem: expect.stringContaining('not valid JSON') });
  });
});
