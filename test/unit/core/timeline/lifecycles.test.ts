import { describe, expect, it } from 'vitest';
import { analyzeTimeline, createTimelineAnalysis } from '../../../../core/timeline';
import { event, facts, hash } from './events';

const rt1 = hash('rt1');
const rt2 = hash('rt2');
const at1 = hash('at1');
const at2 = hash('at2');

describe('token lifecycles', () => {
  it('links the refresh chain: the presented refresh token produced the new access and refresh tokens', () => {
    const events = [
      event({
        at: '2026-11-18T08:00:00Z',
        kind: 'issue',
        subject: 'alice',
        sessionId: 'S-1',
        tokens: [
          [at1, 'access_token'],
          [rt1, 'refresh_token'],
        ],
      }),
      event({ at: '2026-11-18T08:05:00Z', kind: 'use', tokens: [at1], ip: '198.51.100.1' }),
      event({
        at: '2026-11-18T08:55:00Z',
        kind: 'refresh',
        subject: 'alice',
        sessionId: 'S-1',
        tokens: [
          [rt1, 'refresh_token'],
          [at2, 'access_token'],
          [rt2, 'refresh_token'],
        ],
      }),
      event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [at2] }),
      event({ at: '2026-11-18T09:30:00Z', kind: 'revoke', tokens: [[rt2, 'refresh_token']] }),
    ];
    const result = analyzeTimeline(events, {
      tokens: [facts(at1, { exp: '2026-11-18T09:00:00Z', jti: 'a-1' }), facts(at2, { exp: '2026-11-18T10:00:00Z' })],
    });
    const byHash = new Map(result.lifecycles.map((lifecycle) => [lifecycle.tokenHash, lifecycle]));
    expect(byHash.get(at2)!.parent).toMatchObject({
      tokenHash: rt1,
      via: 'refresh',
      event: { source: { line: events[2]!.source.line } },
    });
    expect(byHash.get(rt2)!.parent).toMatchObject({ tokenHash: rt1, via: 'refresh' });
    expect(
      byHash
        .get(rt1)!
        .children.map((child) => child.tokenHash)
        .sort(),
    ).toEqual([at2, rt2].sort());
    expect(byHash.get(rt1)!.milestones.map((step) => step.use)).toEqual(['issued', 'redeemed']);
    expect(byHash.get(at1)!).toMatchObject({
      jti: 'a-1',
      subject: 'alice',
      sessionId: 'S-1',
      uses: { count: 1, distinctIps: 1 },
      issue: { id: events[0]!.id },
    });
    expect(byHash.get(rt2)!.end).toMatchObject({ reason: 'revoked', event: { id: events[4]!.id } });
    // The family ends when one of its refresh tokens is revoked; at1 expired before that.
    expect(byHash.get(at1)!.end.reason).toBe('expired');
    expect(result.families).toHaveLength(1);
    expect(result.families[0]!).toMatchObject({
      sessionIds: ['S-1'],
      subject: 'alice',
      revoked: { event: { id: events[4]!.id } },
    });
    expect(result.families[0]!.tokens).toEqual([at1, rt1, at2, rt2]);
  });

  it('links by session when the refresh record does not carry the redeemed refresh token, and says so', () => {
    const events = [
      event({ at: '2026-11-18T08:59:58Z', kind: 'issue', sessionId: 'S-7741', tokens: [[at1, 'field']] }),
      event({ at: '2026-11-18T09:55:02Z', kind: 'refresh', sessionId: 'S-7741', tokens: [[at2, 'field']] }),
    ];
    const result = analyzeTimeline(events);
    const second = result.lifecycles.find((lifecycle) => lifecycle.tokenHash === at2)!;
    expect(second.parent).toMatchObject({ tokenHash: at1, via: 'session' });
    expect(second.gaps.map((gap) => gap.kind)).toContain('parent-unknown');
    expect(second.issue?.kind).toBe('refresh');
  });

  it('resolves jti-only events to their token and infers subject and session from the claims', () => {
    const events = [
      event({ at: '2026-11-18T08:00:00Z', kind: 'issue', tokens: [[at1, 'field']], jti: 'j-1' }),
      event({ at: '2026-11-18T08:30:00Z', kind: 'revoke', jti: 'j-1' }),
    ];
    const result = analyzeTimeline(events, { tokens: [facts(at1, { sub: 'bob', sid: 'S-9', jti: 'j-1' })] });
    expect(result.lifecycles).toHaveLength(1);
    expect(result.lifecycles[0]!).toMatchObject({
      subject: 'bob',
      sessionId: 'S-9',
      end: { reason: 'revoked', event: { id: events[1]!.id } },
    });
  });

  it('calls out gaps: no issue event, long silence, no known end, untimed records', () => {
    const events = [
      event({ at: '2026-11-18T08:00:00Z', kind: 'use', tokens: [at1] }),
      event({ at: '2026-11-18T11:00:00Z', kind: 'use', tokens: [at1] }),
      event({ at: null, kind: 'sighting', tokens: [[at1, 'text']] }),
    ];
    const lifecycle = analyzeTimeline(events).lifecycles[0]!;
    expect(lifecycle.gaps.map((gap) => gap.kind)).toEqual(['no-issue-event', 'silence', 'no-end', 'untimed-events']);
    expect(lifecycle.uses).toMatchObject({ count: 2, first: { id: events[0]!.id }, last: { id: events[1]!.id } });
  });

  it('gives the same result fed in batches, in any order', () => {
    const events = [
      event({
        at: '2026-11-18T08:00:00Z',
        kind: 'issue',
        sessionId: 'S-1',
        tokens: [
          [at1, 'access_token'],
          [rt1, 'refresh_token'],
        ],
      }),
      event({
        at: '2026-11-18T08:55:00Z',
        kind: 'refresh',
        sessionId: 'S-1',
        tokens: [
          [rt1, 'refresh_token'],
          [at2, 'access_token'],
        ],
      }),
      event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [at2] }),
    ];
    const whole = analyzeTimeline(events);
    const batched = createTimelineAnalysis();
    batched.add([events[2]!]);
    batched.add([events[1]!, events[0]!]);
    const result = batched.finish();
    expect(result.lifecycles.map((lifecycle) => [lifecycle.tokenHash, lifecycle.parent?.tokenHash]).sort()).toEqual(
      whole.lifecycles.map((lifecycle) => [lifecycle.tokenHash, lifecycle.parent?.tokenHash]).sort(),
    );
    expect(() => batched.finish()).toThrow();
  });

  it('draws a refresh token an export names only by its id, and leaves a captured one to its own lifecycle', () => {
    const events = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'issue',
        subject: 'alice',
        sessionId: 'S-1',
        details: { refresh_token_id: 'rt-1' },
      }),
      event({
        at: '2026-11-18T09:30:00Z',
        kind: 'refresh',
        subject: 'alice',
        sessionId: 'S-1',
        ip: '81.2.69.160',
        details: { refresh_token_id: 'rt-1' },
      }),
      event({
        at: '2026-11-18T09:45:00Z',
        kind: 'refresh',
        subject: 'alice',
        sessionId: 'S-1',
        ip: '175.45.176.3',
        details: { refresh_token_id: 'rt-1' },
      }),
      event({
        at: '2026-11-18T09:50:00Z',
        kind: 'refresh',
        tokens: [[rt1, 'refresh_token']],
        details: { refresh_token_id: 'rt-9' },
      }),
    ];
    const result = analyzeTimeline(events);
    const named = result.lifecycles.filter((lifecycle) => lifecycle.refreshTokenId !== undefined);
    expect(named.map((lifecycle) => lifecycle.tokenHash)).toEqual(['refresh-id:rt-1']);
    expect(named[0]!).toMatchObject({
      subject: 'alice',
      sessionId: 'S-1',
      issue: { id: events[0]!.id },
      uses: { count: 0, distinctIps: 2 },
      end: { reason: 'open' },
    });
    expect(named[0]!.milestones.map((step) => step.use)).toEqual(['issued', 'redeemed', 'redeemed']);
    const reuse = result.findings.find((finding) => finding.id === 'refresh-token-reuse')!;
    expect(reuse.detail.refreshTokenId).toBe('rt-1');
  });
});
