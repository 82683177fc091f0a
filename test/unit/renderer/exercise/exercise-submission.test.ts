import { describe, expect, it } from 'vitest';
import { EMPTY_ANNOTATION, type AnnotationState } from '../../../../core/annotations';
import { scoreSubmission, type AnswerKey } from '../../../../core/scenarios';
import type { StoredFinding } from '../../../../renderer/db/case-analysis-records';
import { ownFinding, submissionFindings } from '../../../../renderer/exercise/exercise-submission';
import { visibleTabs } from '../../../../renderer/cases/CaseTabs';

const TOKEN = 'c'.repeat(64);

function stored(key: string, id: string, about: { subject?: string; tokenHashes?: string[] }): StoredFinding {
  return {
    key,
    id,
    origin: 'detector',
    title: id,
    severity: 'high',
    message: '',
    explanation: '',
    tokenHashes: about.tokenHashes ?? [],
    ...(about.subject !== undefined ? { subject: about.subject } : {}),
    ts: 0,
    events: [],
    eventCount: 0,
    detail: {},
    references: [],
    caseId: 'case',
    rank: 0,
    firstSeenAt: 0,
    runAt: 0,
  };
}

const judged = (disposition: AnnotationState['disposition']): AnnotationState => ({ ...EMPTY_ANNOTATION, disposition });

describe('what an exercise submission reports', () => {
  const findings = [
    stored('k1', 'alg-none', { tokenHashes: [TOKEN] }),
    stored('k2', 'impossible-travel', { subject: 'alice' }),
    stored('k3', 'replay', { tokenHashes: [TOKEN] }),
    stored('k4', 'country-change', { subject: 'alice' }),
  ];
  const annotations = new Map([
    ['k1', judged('confirmed')],
    ['k2', judged('false-positive')],
    ['k3', judged('needs-review')],
  ]);

  it('reports the confirmed findings only, then the own ones, each once', () => {
    const own = [
      { id: 'alg-none', tokenHashes: [TOKEN] },
      { id: 'outdated-client', subject: 'bob' },
    ];
    expect(submissionFindings(findings, annotations, own)).toEqual([
      { id: 'alg-none', tokenHashes: [TOKEN] },
      { id: 'outdated-client', subject: 'bob' },
    ]);
  });

  it('scores what it reports: a confirmed expected finding is found', () => {
    const key: AnswerKey = {
      format: 'tokentrail-answer-key',
      formatVersion: 1,
      scenario: { id: 't', title: 'T', difficulty: 'easy', story: '', seed: 1, events: 1 },
      expectedFindings: [{ id: 'alg-none', tokenHashes: [TOKEN], incident: 'x', why: '', evidence: [] }],
      alsoAccepted: [],
      mustNotReport: [],
      undetected: [],
      timeline: [],
      questions: [],
    };
    const score = scoreSubmission(key, { findings: submissionFindings(findings, annotations, []), answers: {} });
    expect(score).toMatchObject({ recall: 1, precision: 1 });
    expect(scoreSubmission(key, { findings: submissionFindings(findings, new Map(), []), answers: {} }).recall).toBe(0);
  });
});

describe('an own finding from the form', () => {
  it('reads a SHA-256 as a token and anything else as a subject', () => {
    expect(ownFinding('alg-none', ` ${TOKEN.toUpperCase()} `)).toEqual({ id: 'alg-none', tokenHashes: [TOKEN] });
    expect(ownFinding('impossible-travel', 'alice@example.com')).toEqual({
      id: 'impossible-travel',
      subject: 'alice@example.com',
    });
  });

  it('says what is missing', () => {
    expect(ownFinding('', 'alice')).toBe('Choose what you found.');
    expect(ownFinding('replay', '  ')).toContain('Name the subject');
  });
});

describe('the tabs of a case', () => {
  it('has no Exercise tab unless it is an exercise, and drops what the exercise hides', () => {
    expect(visibleTabs(undefined)).not.toContain('exercise');
    expect(visibleTabs(undefined)).toContain('findings');
    const tabs = visibleTabs({ header: { hidden: ['findings', 'map', 'token-checks'] } });
    expect(tabs).toContain('exercise');
    expect(tabs).not.toContain('findings');
    expect(tabs).not.toContain('map');
    expect(tabs).toContain('tokens');
  });
});
