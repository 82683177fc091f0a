import { describe, expect, it } from 'vitest';
import { attributeIdentity, attributingToken, jtiIndex } from '../../../../core/timeline/attribution';
import { correlate } from '../../../../core/timeline/correlate';
import { toEntry } from '../../../../core/timeline/entry';
import { event, facts, hash } from './events';

const alice = facts(hash('a1'), { sub: 'alice@example.com', sid: 'S-1', jti: 'at-1' });
const bob = facts(hash('b1'), { sub: 'bob@example.com', jti: 'bt-1' });
const known = new Map([alice, bob].map((item) => [item.tokenHash, item]));
const jtis = jtiIndex([alice, bob]);

describe('attributing an event to a subject and session', () => {
  it("takes the record's own subject and session first, else the claims of its first token, else of its jti's token", () => {
    expect(attributeIdentity({ subject: 'carol', firstTokenHash: alice.tokenHash }, known, jtis)).toEqual({
      subject: 'carol',
      session: 'S-1',
    });
    expect(attributeIdentity({ firstTokenHash: bob.tokenHash }, known, jtis)).toEqual({
      subject: 'bob@example.com',
      session: undefined,
    });
    expect(attributeIdentity({ jti: 'at-1' }, known, jtis)).toEqual({ subject: 'alice@example.com', session: 'S-1' });
    expect(attributeIdentity({ jti: 'unknown' }, known, jtis)).toEqual({ subject: undefined, session: undefined });
    expect(attributingToken({ firstTokenHash: bob.tokenHash, jti: 'at-1' }, jtis)).toBe(bob.tokenHash);
  });

  it('is the rule correlation applies to every entry', () => {
    const events = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'issue',
        subject: 'alice@example.com',
        tokens: [[alice.tokenHash, 'field']],
      }),
      event({ at: '2026-11-18T09:02:00Z', kind: 'use', tokens: [alice.tokenHash] }),
      event({ at: '2026-11-18T09:03:00Z', kind: 'use', tokens: [bob.tokenHash, alice.tokenHash] }),
      event({ at: '2026-11-18T09:04:00Z', kind: 'revoke', jti: 'at-1' }),
      event({ at: '2026-11-18T09:05:00Z', kind: 'use', subject: 'carol', tokens: [alice.tokenHash] }),
    ];
    const timeline = correlate(
      events.map((item, seq) => toEntry(item, seq)),
      [alice, bob],
      undefined,
      [],
    );
    const own = events.map((item) =>
      attributeIdentity(
        { subject: item.subject, sessionId: item.sessionId, jti: item.jti, firstTokenHash: item.tokens[0]?.hash },
        known,
        jtis,
      ),
    );
    expect(
      timeline.entries.map((entry) => ({ subject: entry.effectiveSubject, session: entry.effectiveSession })),
    ).toEqual(own);
    expect(own.map((identity) => identity.subject)).toEqual([
      'alice@example.com',
      'alice@example.com',
      'bob@example.com',
      'alice@example.com',
      'carol',
    ]);
  });
});
