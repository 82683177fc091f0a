import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../../../../core/sources';
import { eventMatcher, facetValues, shownSubject, tokenClaimSubject } from '../../../../core/timeline';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJl`;

const request = (overrides: Partial<AuthEvent>): AuthEvent => ({
  ts: Date.parse('2026-11-18T09:02:11Z'),
  time: '2026-11-18T09:02:11Z',
  source: { file: 'har/mobile.har', sha256: 'a'.repeat(64), format: 'har', index: 3 },
  kind: 'use',
  tokenHashes: ['1'.repeat(64)],
  tokens: [{ hash: '1'.repeat(64), compact: jwt({ sub: 'alice@northwind.example' }), role: 'authorization' }],
  ip: '81.2.69.160',
  record: 'GET /orders/v2/list',
  ...overrides,
});

describe('subjects from token claims', () => {
  it("shows and filters an event without a subject under its token's sub, marked as from the token", () => {
    const event = request({});
    expect(tokenClaimSubject(event)).toBe('alice@northwind.example');
    expect(shownSubject(event)).toEqual({ subject: 'alice@northwind.example', origin: 'token-claim' });
    expect(facetValues(event, 'f', 'subject')).toEqual(['alice@northwind.example']);
    expect(eventMatcher({ facets: { subject: 'alice@northwind.example' } })(event, 'f')).toBe(true);
  });

  it("keeps the record's own subject, and reads the token's past a placeholder the record wrote", () => {
    const own = request({ subject: 'bob' });
    expect(tokenClaimSubject(own)).toBeUndefined();
    expect(shownSubject(own)).toEqual({ subject: 'bob', origin: 'record' });
    expect(facetValues(own, 'f', 'subject')).toEqual(['bob']);
    const placeholder = request({ subject: '-' });
    expect(shownSubject(placeholder)).toEqual({ subject: 'alice@northwind.example', origin: 'token-claim' });
    expect(facetValues(placeholder, 'f', 'subject')).toEqual(['-', 'alice@northwind.example']);
  });

  it('gives nothing for no token, a token without a string sub, a placeholder sub or an unreadable token', () => {
    for (const tokens of [
      [],
      [{ hash: '2'.repeat(64), compact: jwt({ sub: 42 }), role: 'authorization' as const }],
      [{ hash: '2'.repeat(64), compact: jwt({ sub: 'anonymous' }), role: 'authorization' as const }],
      [{ hash: '2'.repeat(64), compact: 'eyJhbGciOi.not-base64!.x', role: 'authorization' as const }],
    ]) {
      const event = request({ tokens });
      expect(tokenClaimSubject(event)).toBeUndefined();
      expect(shownSubject(event)).toBeUndefined();
      expect(facetValues(event, 'f', 'subject')).toEqual([]);
    }
  });

  it('answers the same for a token seen before, past the bound of tokens it remembers', () => {
    const tokens = Array.from({ length: 5000 }, (_, i) =>
      i % 3 === 0 ? jwt({ iat: i }) : jwt({ sub: `user-${i}`, iat: i }),
    );
    const subjectOf = (compact: string) =>
      tokenClaimSubject(request({ tokens: [{ hash: '3'.repeat(64), compact, role: 'authorization' }] }));
    for (let round = 0; round < 2; round++)
      tokens.forEach((compact, i) => expect(subjectOf(compact)).toBe(i % 3 === 0 ? undefined : `user-${i}`));
    const long = jwt({ sub: 'mallory', pad: 'x'.repeat(10_000) }); // too long to remember: decoded every time
    expect(subjectOf(long)).toBe('mallory');
    expect(subjectOf(long)).toBe('mallory');
  });

  it('reads the first token only, as attribution does', () => {
    const event = request({
      tokens: [
        { hash: '1'.repeat(64), compact: jwt({ sub: 'carol' }), role: 'authorization' },
        { hash: '2'.repeat(64), compact: jwt({ sub: 'dave' }), role: 'cookie' },
      ],
    });
    expect(facetValues(event, 'f', 'subject')).toEqual(['carol']);
  });
});
