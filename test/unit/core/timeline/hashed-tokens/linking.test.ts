import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseConfig } from '../../../../../core/evidence/case-config';
import {
  analyzeTimeline,
  tokenFactsFromVerdict,
  type TimelineEvent,
  type TokenFacts,
} from '../../../../../core/timeline';
import { correlate } from '../../../../../core/timeline/correlate';
import { toEntry } from '../../../../../core/timeline/entry';
import { hashLinkSettings } from '../../../../../core/timeline/hashed-tokens/link-fields';
import { sha256HexOfText } from '../../../../../core/evidence/sha256';
import { keyPair, makeToken } from '../../token/token-helpers';
import { event } from '../events';

// Two real RS256 tokens signed here; their digests are computed with node:crypto, independently of the code under test.
const issuer = keyPair('rsa');
const ALICE = makeToken(
  'RS256',
  issuer.privateKey,
  { sub: 'alice', jti: 'at-alice', exp: 4_000_000_000 },
  { kid: 'k1' },
);
const BOB = makeToken('RS256', issuer.privateKey, { sub: 'bob', jti: 'at-bob', exp: 4_000_000_000 }, { kid: 'k1' });
const digest = (text: string) => createHash('sha256').update(text, 'ascii').digest();
const signatureOf = (token: string) => token.split('.')[2]!;
const hashOf = (token: string) => sha256HexOfText(token);
const factsOf = (token: string, claims: Record<string, unknown>): TokenFacts =>
  tokenFactsFromVerdict(hashOf(token), claims, undefined, [], token);

const FACTS = [factsOf(ALICE, { sub: 'alice', jti: 'at-alice' }), factsOf(BOB, { sub: 'bob', jti: 'at-bob' })];

/** Issue of both tokens (captured whole), then one API record per logged value. */
function timelineOf(values: readonly Record<string, string>[], caseConfig?: CaseConfig) {
  const events: TimelineEvent[] = [
    event({ at: '2026-11-18T09:00:00Z', kind: 'issue', tokens: [[hashOf(ALICE), 'access_token']] }),
    event({ at: '2026-11-18T09:00:01Z', kind: 'issue', tokens: [[hashOf(BOB), 'access_token']] }),
    ...values.map((details, index) =>
      event({ at: `2026-11-18T09:${String(10 + index).padStart(2, '0')}:00Z`, kind: 'use', details, status: 200 }),
    ),
  ];
  const links = hashLinkSettings(caseConfig);
  return correlate(
    events.map((item, seq) => toEntry(item, seq, links)),
    FACTS,
    caseConfig,
    [],
  );
}

/** The token each API record (after the two issues) was linked to, and how. */
function linksOf(timeline: ReturnType<typeof timelineOf>) {
  return timeline.entries.slice(2).map((entry) => {
    const role = entry.roles[0];
    return role ? { token: role.hash === hashOf(ALICE) ? 'alice' : 'bob', ...role.link } : undefined;
  });
}

describe('records that log only a digest of the token are linked to it', () => {
  it('links each form: whole token hex and base64url, signature hex and base64url, prefixes, jti', () => {
    const timeline = timelineOf([
      { token_sha256: digest(ALICE).toString('hex') },
      { tokenHash: digest(BOB).toString('base64url') },
      { signature_hash: digest(signatureOf(ALICE)).toString('hex') },
      { token_hash: digest(signatureOf(BOB)).toString('base64url') },
      // Truncated: the shortest prefixes accepted, in upper-case hex and in padded standard base64.
      { token_sha256: digest(ALICE).toString('hex').slice(0, 16).toUpperCase() },
      { token_sha256: digest(signatureOf(BOB)).toString('base64').slice(0, 12) },
      { token_digest: `sha256:${digest(ALICE).toString('base64')}` },
      { token_jti: 'at-bob' },
    ]);
    expect(linksOf(timeline)).toEqual([
      { token: 'alice', by: 'token-sha256', field: 'token_sha256', encoding: 'hex' },
      { token: 'bob', by: 'token-sha256', field: 'tokenHash', encoding: 'base64url' },
      { token: 'alice', by: 'signature-sha256', field: 'signature_hash', encoding: 'hex' },
      { token: 'bob', by: 'signature-sha256', field: 'token_hash', encoding: 'base64url' },
      { token: 'alice', by: 'token-sha256', field: 'token_sha256', encoding: 'hex', prefixLength: 16 },
      { token: 'bob', by: 'signature-sha256', field: 'token_sha256', encoding: 'base64url', prefixLength: 12 },
      { token: 'alice', by: 'token-sha256', field: 'token_digest', encoding: 'base64url' },
      { token: 'bob', by: 'jti', field: 'token_jti' },
    ]);
    expect(timeline.hashLinking).toEqual({ linked: 8, ambiguous: 0 });
    // The lifecycle sees each linked record as a use of the token, with the record's own subject from the token.
    const alice = timeline.tokens.get(hashOf(ALICE))!;
    expect(alice.steps.map((step) => step.use)).toEqual(['issued', 'presented', 'presented', 'presented', 'presented']);
    expect(alice.steps.slice(1).every((step) => step.entry.effectiveSubject === 'alice')).toBe(true);
  });

  it('does not link a prefix shorter than 16 hex or 12 base64url characters, nor a digest of nothing captured', () => {
    const timeline = timelineOf([
      { token_sha256: digest(ALICE).toString('hex').slice(0, 15) },
      { token_sha256: digest(ALICE).toString('base64url').slice(0, 11) },
      { token_sha256: createHash('sha256').update('another token').digest('hex') },
      // A prefix taken from the middle of the digest is no prefix.
      { token_sha256: digest(ALICE).toString('hex').slice(1, 33) },
    ]);
    expect(linksOf(timeline)).toEqual([undefined, undefined, undefined, undefined]);
    expect(timeline.hashLinking).toEqual({ linked: 0, ambiguous: 0 });
  });

  it('leaves a prefix that two tokens share unlinked, and counts it as ambiguous', () => {
    // Real SHA-256 digests do not share 16 hex digits by chance; tokens known only by (made-up) hashes can.
    const first = `${'ab'.repeat(10)}${'1'.repeat(44)}`;
    const second = `${'ab'.repeat(10)}${'2'.repeat(44)}`;
    const events = [
      event({ at: '2026-11-18T09:00:00Z', kind: 'issue', tokens: [[first, 'access_token']] }),
      event({ at: '2026-11-18T09:00:01Z', kind: 'issue', tokens: [[second, 'access_token']] }),
      event({ at: '2026-11-18T09:01:00Z', kind: 'use', details: { token_hash: 'ab'.repeat(10) } }),
      event({ at: '2026-11-18T09:02:00Z', kind: 'use', details: { token_hash: `${'ab'.repeat(10)}2222` } }),
    ];
    const links = hashLinkSettings(undefined);
    const timeline = correlate(
      events.map((item, seq) => toEntry(item, seq, links)),
      [],
      undefined,
      [],
    );
    expect(timeline.entries[2]!.roles).toEqual([]);
    expect(timeline.entries[3]!.roles).toEqual([
      {
        hash: second,
        role: 'field',
        link: { by: 'token-sha256', field: 'token_hash', encoding: 'hex', prefixLength: 24 },
      },
    ]);
    expect(timeline.hashLinking).toEqual({ linked: 1, ambiguous: 1 });
  });

  it('reads the field names and forms the case configures, and no other', () => {
    const signature = digest(signatureOf(ALICE)).toString('hex');
    const config: CaseConfig = {
      expectedIssuers: [],
      apis: [],
      allowedAlgorithms: [],
      tokenHashFields: ['x_tok'],
      tokenHashForms: ['token'],
    };
    const values: Record<string, string>[] = [
      { x_tok: digest(ALICE).toString('hex') },
      { x_tok: signature },
      { at_hash: signature },
    ];
    // Unconfigured, x_tok is no known field and at_hash (an ID token's claim, not this token's digest) is never read.
    expect(linksOf(timelineOf(values))).toEqual([undefined, undefined, undefined]);
    expect(linksOf(timelineOf(values, config))).toEqual([
      { token: 'alice', by: 'token-sha256', field: 'x_tok', encoding: 'hex' },
      undefined,
      undefined,
    ]);
  });

  it('a revoked token used later through its hash alone raises use-after-revocation, saying how it was linked', () => {
    const events = [
      event({ at: '2026-11-18T09:00:00Z', kind: 'issue', tokens: [[hashOf(ALICE), 'access_token']] }),
      event({ at: '2026-11-18T09:05:00Z', kind: 'revoke', jti: 'at-alice' }),
      event({
        at: '2026-11-18T09:30:00Z',
        kind: 'use',
        path: '/orders/v2/list',
        status: 200,
        details: { token_sha256: digest(signatureOf(ALICE)).toString('hex').slice(0, 20) },
      }),
    ];
    const result = analyzeTimeline(events, { tokens: FACTS, detectors: ['use-after-revocation'] });
    const [finding, ...others] = result.findings;
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ id: 'use-after-revocation', tokenHashes: [hashOf(ALICE)] });
    expect(finding!.events.map((item) => [item.role, item.linkedBy])).toEqual([
      ['issue', undefined],
      ['revoke', 'linked by its jti in field jti'],
      [
        'use-after-revocation',
        'linked by the SHA-256 of its signature (hex, first 20 characters) in field token_sha256',
      ],
    ]);
    const lifecycle = result.lifecycles.find((item) => item.tokenHash === hashOf(ALICE))!;
    expect(lifecycle.uses.count).toBe(1);
    expect(lifecycle.end.reason).toBe('revoked');
  });
});
