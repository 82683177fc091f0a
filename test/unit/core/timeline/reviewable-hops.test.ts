import { describe, expect, it } from 'vitest';
import { analyzeTimeline, type TimelineEvent } from '../../../../core/timeline';
import { isPlaceholderIdentity } from '../../../../core/timeline/attribution';
import { event } from './events';

/** Findings a reviewer would not throw out: hops of failed attempts say so, one event in two files is no hop, no join on placeholders. */
const found = (id: string, events: TimelineEvent[]) =>
  analyzeTimeline(events, { detectors: [id] }).findings.filter((finding) => finding.id === id);

describe('hops a reviewer would not throw out', () => {
  it('impossible travel between two refused logins says "failed attempts" and ranks a step lower', () => {
    const events = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'failure',
        subject: 'alice',
        ip: '81.2.69.160',
        place: 'london',
        outcome: 'failure',
      }),
      event({
        at: '2026-11-18T09:10:00Z',
        kind: 'failure',
        subject: 'alice',
        ip: '175.45.176.3',
        place: 'pyongyang',
        outcome: 'failure',
      }),
    ];
    const [travel] = found('impossible-travel', events);
    expect(travel).toMatchObject({ severity: 'medium', detail: { attemptsOnly: true } });
    expect(travel!.message).toMatch(/failed attempts from 81\.2\.69\.160/);
    const [change] = found('country-change', events);
    expect(change).toMatchObject({ severity: 'low', detail: { attemptsOnly: true } });
    expect(change!.message).toMatch(/failed attempts from GB .* then from KP .* neither got in/);
  });

  it('a hop that reaches an accepted event keeps its full severity', () => {
    const events = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'failure',
        subject: 'alice',
        ip: '81.2.69.160',
        place: 'london',
        outcome: 'failure',
      }),
      event({
        at: '2026-11-18T09:10:00Z',
        kind: 'login',
        subject: 'alice',
        ip: '175.45.176.3',
        place: 'pyongyang',
        outcome: 'success',
      }),
    ];
    expect(found('impossible-travel', events)[0]).toMatchObject({ severity: 'high', detail: { attemptsOnly: false } });
  });

  it('two records of the same instant from different evidence files are one event seen twice, not a hop', () => {
    const fromProxy = event({
      at: '2026-11-18T09:00:00Z',
      kind: 'use',
      subject: 'alice',
      ip: '81.2.69.160',
      place: 'london',
    });
    const fromIdp = {
      ...event({ at: '2026-11-18T09:00:00Z', kind: 'use', subject: 'alice', ip: '198.51.100.10', place: 'newYork' }),
      source: { file: 'idp.json', sha256: 'b'.repeat(64), index: 0 },
    };
    expect(found('impossible-travel', [fromProxy, fromIdp])).toEqual([]);
    expect(found('country-change', [fromProxy, fromIdp])).toEqual([]);
    // The same instant in one file is still two events, and still a hop.
    const sameFile = event({
      at: '2026-11-18T09:00:00Z',
      kind: 'use',
      subject: 'alice',
      ip: '198.51.100.10',
      place: 'newYork',
    });
    expect(found('impossible-travel', [fromProxy, sameFile])).toHaveLength(1);
  });

  it.each(['unknown', 'anonymous', 'Anonymous', '-', 'null', '', ' '])(
    'joins nothing on the placeholder subject or session %j',
    (placeholder) => {
      expect(isPlaceholderIdentity(placeholder)).toBe(true);
      const events = [
        event({
          at: '2026-11-18T09:00:00Z',
          kind: 'login',
          subject: placeholder,
          sessionId: placeholder,
          ip: '81.2.69.160',
          place: 'london',
        }),
        event({
          at: '2026-11-18T09:10:00Z',
          kind: 'login',
          subject: placeholder,
          sessionId: placeholder,
          ip: '175.45.176.3',
          place: 'pyongyang',
        }),
      ];
      expect(found('impossible-travel', events)).toEqual([]);
      expect(found('country-change', events)).toEqual([]);
    },
  );

  it('a real identity that merely contains a placeholder word is still an identity', () => {
    expect(isPlaceholderIdentity('unknown.user@example.com')).toBe(false);
    expect(isPlaceholderIdentity('anonymous-reviewer')).toBe(false);
  });
});
