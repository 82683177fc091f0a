import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CaseExercise, ExerciseSubmissionRecord } from '../../../../renderer/db/exercise-records';
import type { TokenRecord } from '../../../../renderer/db/records';
import { submissionDigest } from '../../../../renderer/exercise/exercise-submission';
import { findingShown, hiddenViewsOf, NOTHING_HIDDEN } from '../../../../renderer/exercise/hidden-views';
import type { Host } from '../../../../renderer/host/host';
import { AppContext } from '../../../../renderer/shell/app-context';
import { TokenList } from '../../../../renderer/tokens/TokenList';
import type { TokenRow } from '../../../../renderer/tokens/token-filter';

const header = (hidden: string[]) => ({ header: { hidden } });

describe('hidden views of an exercise case', () => {
  it('reads the header: nothing for an ordinary case, each hidden analysis by its name', () => {
    expect(hiddenViewsOf(undefined)).toEqual(NOTHING_HIDDEN);
    expect(hiddenViewsOf(header([]))).toEqual(NOTHING_HIDDEN);
    expect(hiddenViewsOf(header(['token-checks', 'map']))).toEqual({ findings: false, tokenChecks: true, map: true });
    expect(hiddenViewsOf(header(['findings']))).toEqual({ findings: true, tokenChecks: false, map: false });
  });

  it("hides a detector's finding with the findings and a check's with the token checks", () => {
    const checks = hiddenViewsOf(header(['token-checks']));
    const detectors = hiddenViewsOf(header(['findings']));
    expect(findingShown(checks, { origin: 'token-check' })).toBe(false);
    expect(findingShown(checks, { origin: 'detector' })).toBe(true);
    expect(findingShown(detectors, { origin: 'token-check' })).toBe(true);
    expect(findingShown(detectors, { origin: 'detector' })).toBe(false);
  });
});

describe('the token list with the token checks hidden', () => {
  const row: TokenRow = {
    token: {
      tokenHash: 'a'.repeat(64),
      alg: 'none',
      sub: 'tess@northwind.example',
      sightingCount: 3,
    } as unknown as TokenRecord,
    analysis: {
      caseId: 'case',
      tokenHash: 'a'.repeat(64),
      analyzedAt: 0,
      basis: '',
      status: 'unsigned',
      key: { kid: 'nw-2026-11', thumbprint: 'b'.repeat(43), source: 'keys/jwks.json' },
      highestSeverity: 'critical',
      findingCount: 2,
    } as unknown as TokenRow['analysis'],
  };
  const render = (checksHidden: boolean) =>
    renderToStaticMarkup(
      createElement(
        AppContext.Provider,
        { value: { host: {} as Host, investigator: 'Tess', timeZone: 'UTC' } },
        createElement(TokenList, { rows: [row], selected: undefined, onSelect: () => undefined, checksHidden }),
      ),
    );

  it('shows the verdict, the verifying key and the findings of an ordinary case', () => {
    const html = render(false);
    expect(html).toContain('<th>Verdict</th>');
    expect(html).toContain('data-testid="token-row-verdict"');
    expect(html).toContain('nw-2026-11');
    expect(html).toContain('data-testid="token-row-findings"');
    expect(html).toContain('data-verdict="unsigned"');
  });

  it('shows none of them when the exercise hides the token checks, and still the token itself', () => {
    const html = render(true);
    expect(html).not.toContain('Verdict');
    expect(html).not.toContain('token-row-verdict');
    expect(html).not.toContain('nw-2026-11');
    expect(html).not.toContain('token-row-findings');
    expect(html).not.toContain('data-verdict');
    expect(html).not.toContain('critical');
    expect(html).toContain('tess@northwind.example');
    expect(html).toContain('>none<');
  });
});

describe('the digest a submission is journalled with', () => {
  const exercise = { header: { bundleSha256: 'e'.repeat(64) } } as unknown as CaseExercise;
  const submission: ExerciseSubmissionRecord = {
    submittedAt: 1_795_420_197_000,
    trainee: 'Tess Trainee',
    findings: [{ id: 'alg-none', tokenHashes: ['c'.repeat(64)] }],
    answers: { token: 'at-1', country: 'Singapore' },
  };

  it('is the SHA-256 of the submission with its bundle, whatever the order of its members', () => {
    const digest = submissionDigest(exercise, submission);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const { answers: _answers, ...rest } = submission;
    const reordered = { answers: { country: 'Singapore', token: 'at-1' }, ...rest };
    expect(submissionDigest(exercise, reordered)).toBe(digest);
  });

  it('changes with any part of it: an answer, a finding, the trainee, the exercise', () => {
    const digest = submissionDigest(exercise, submission);
    expect(submissionDigest(exercise, { ...submission, answers: { token: 'at-2', country: 'Singapore' } })).not.toBe(
      digest,
    );
    expect(submissionDigest(exercise, { ...submission, findings: [] })).not.toBe(digest);
    expect(submissionDigest(exercise, { ...submission, trainee: 'Someone Else' })).not.toBe(digest);
    const other = { header: { bundleSha256: 'f'.repeat(64) } } as unknown as CaseExercise;
    expect(submissionDigest(other, submission)).not.toBe(digest);
  });
});
