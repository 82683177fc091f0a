import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../../renderer/db/case-analysis-records';
import {
  evidenceVerdictLine,
  incidentsBySeverity,
  involvedSubjects,
  involvedTokens,
} from '../../../../renderer/overview/overview-summary';

function finding(
  key: string,
  severity: StoredFinding['severity'],
  ts: number | null,
  extra: Partial<StoredFinding> = {},
) {
  return { key, id: key, severity, ts, tokenHashes: [], ...extra } as unknown as StoredFinding;
}

describe('incidentsBySeverity', () => {
  it('groups most severe first, timed findings by time and untimed ones last', () => {
    const groups = incidentsBySeverity([
      finding('low-1', 'low', 5),
      finding('high-untimed', 'high', null),
      finding('high-late', 'high', 20),
      finding('critical', 'critical', 30),
      finding('high-early', 'high', 10),
    ]);
    expect(groups.map((group) => group.severity)).toEqual(['critical', 'high', 'low']);
    expect(groups[1]!.findings.map((entry) => entry.key)).toEqual(['high-early', 'high-late', 'high-untimed']);
  });

  it('gives no group for no finding', () => {
    expect(incidentsBySeverity([])).toEqual([]);
  });
});

describe('who and which tokens', () => {
  const findings = [
    finding('a', 'high', 1, { subject: 'bob', tokenHashes: ['t1', 't1', 't2'] }),
    finding('b', 'high', 2, { subject: 'alice', tokenHashes: ['t2'] }),
    finding('c', 'low', 3, { subject: 'alice', tokenHashes: [] }),
    finding('d', 'low', 4),
  ];

  it('counts the findings naming each subject, most named first', () => {
    expect(involvedSubjects(findings)).toEqual([
      { value: 'alice', findings: 2 },
      { value: 'bob', findings: 1 },
    ]);
  });

  it('counts a token once per finding however often the finding names it', () => {
    expect(involvedTokens(findings)).toEqual([
      { value: 't2', findings: 2 },
      { value: 't1', findings: 1 },
    ]);
  });
});

describe('evidenceVerdictLine', () => {
  it('says every file matches, and which were hashed on import without a manifest', () => {
    expect(evidenceVerdictLine(['match', 'match', 'generated'])).toEqual({
      text: '3 files, every one as its manifest declares (1 loose file hashed on import, with no manifest to check).',
      intact: true,
    });
  });

  it('names how many files differ and how', () => {
    const line = evidenceVerdictLine(['match', 'hash-mismatch', 'missing', 'hash-mismatch']);
    expect(line.intact).toBe(false);
    expect(line.text).toBe(
      '3 of 4 files differ from the manifest (2 hash-mismatch, 1 missing): see the Evidence tab before relying on them.',
    );
  });

  it('says when there is no evidence', () => {
    expect(evidenceVerdictLine([])).toEqual({ text: 'No evidence in this case yet.', intact: false });
  });
});
