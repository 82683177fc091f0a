import { describe, expect, it } from 'vitest';
import { findingRecord as findingJson } from '../../../core/export';
import { analyzeTimeline, tokenFactsFromVerdict } from '../../../core/timeline';
import { event, hash } from '../core/timeline/events';

describe('analyze --json names the subject beside its id', () => {
  const alma = 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  const token = hash('alma-token');
  const tokens = [
    tokenFactsFromVerdict(
      token,
      { sub: alma, email: 'alma@northwind.example', name: 'Alma Berg' },
      { status: 'valid', alg: 'RS256', key: { thumbprint: 'tp' } as never },
      [],
    ),
  ];
  const events = [1, 2, 3].map((second) =>
    event({ at: `2026-11-18T09:00:0${second}Z`, kind: 'use', subject: alma, tokens: [token] }),
  );
  const result = analyzeTimeline(events, {
    tokens,
    detectors: ['volume-anomaly'],
    parameters: { 'volume-anomaly': { maxPerSubject: 2 } },
  });
  const finding = result.findings.find((item) => item.subject === alma)!;

  it('adds names {best, known} and keeps subject as the id', () => {
    const json = findingJson(finding, result.identities);
    expect(json.subject).toBe(alma);
    expect(json.names).toMatchObject({
      best: `Alma Berg <alma@northwind.example> (${alma})`,
      known: [
        { kind: 'email', value: 'alma@northwind.example', source: 'verified-token', verified: true },
        { kind: 'displayName', value: 'Alma Berg' },
      ],
    });
  });

  it('adds nothing without a directory entry for the subject', () => {
    expect(findingJson(finding)).not.toHaveProperty('names');
    expect(findingJson(finding, { subjects: [], conflicts: [] })).not.toHaveProperty('names');
  });
});
