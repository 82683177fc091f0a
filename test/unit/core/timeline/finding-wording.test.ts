// Finding prose reads as written English: counts agree with their nouns ("used 1 time", not "1 time(s)"), a refresh
// token known only by its identity provider's id is not called "Refresh refresh token id …", and a detector that
// cannot judge says what the evidence does hold rather than that it holds nothing.
import { describe, expect, it } from 'vitest';
import { analyzeTimeline, type TimelineEvent } from '../../../../core/timeline';
import { countOf } from '../../../../core/timeline/util/describe';
import { event, facts, hash } from './events';

const t1 = hash('t1');
const t2 = hash('t2');

describe('countOf', () => {
  it('agrees the noun with the count', () => {
    expect(countOf(1, 'time')).toBe('1 time');
    expect(countOf(0, 'time')).toBe('0 times');
    expect(countOf(3, 'refresh', 'refreshes')).toBe('3 refreshes');
  });
});

describe('finding wording', () => {
  it('says "used 1 time" and "used 2 times", never "time(s)"', () => {
    const issued = event({ at: '2026-11-18T08:00:00Z', kind: 'issue', tokens: [[t2, 'access_token']] });
    const once = analyzeTimeline([issued, event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [t1] })], {
      detectors: ['token-never-issued'],
      tokens: [facts(t1, { signature: 'valid', iat: '2026-11-18T08:30:00Z' })],
    });
    expect(once.findings[0]!.message).toContain('was used 1 time, first at');
    const twice = analyzeTimeline(
      [
        issued,
        event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [t1] }),
        event({ at: '2026-11-18T09:01:00Z', kind: 'use', tokens: [t1] }),
      ],
      { detectors: ['token-never-issued'], tokens: [facts(t1, { signature: 'valid', iat: '2026-11-18T08:30:00Z' })] },
    );
    expect(twice.findings[0]!.message).toContain('was used 2 times, first at');
    expect(twice.findings[0]!.message).not.toContain('(s)');
  });

  it('names a refresh token seen only by its identity-provider id once, not "Refresh refresh token id"', () => {
    // Okta and Keycloak name the redeemed refresh token in the event's details, never its bytes.
    const redeem = (at: string, ip: string): TimelineEvent =>
      event({ at, kind: 'refresh', ip, subject: 'alice', details: { refresh_token_id: 'rt-1' } });
    const { findings } = analyzeTimeline(
      [redeem('2026-11-18T09:00:00Z', '198.51.100.1'), redeem('2026-11-18T09:10:00Z', '203.0.113.5')],
      { detectors: ['refresh-token-reuse'] },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^The refresh token id rt-1 was redeemed 2 times/);
  });

  it('when issue events name no token, says they were seen and why they do not count', () => {
    const { runs, findings } = analyzeTimeline(
      [
        event({ at: '2026-11-18T08:00:00Z', kind: 'issue', subject: 'alice' }),
        event({ at: '2026-11-18T08:01:00Z', kind: 'login', subject: 'bob' }),
        event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [t1] }),
      ],
      { detectors: ['token-never-issued'] },
    );
    expect(findings).toHaveLength(0);
    expect(runs[0]!.skipped).toContain('2 issue, login or refresh events, but none names the token it issued');
  });
});
