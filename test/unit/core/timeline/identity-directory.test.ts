import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeTimeline,
  bestName,
  subjectIdentity,
  tokenFactsFromVerdict,
  type IdentityDirectory,
  type TimelineEvent,
} from '../../../../core/timeline';
import { parse } from '../sources/helpers';
import { event, hash } from './events';

/** Events of one vendor sample, as the ingest gives them. */
async function eventsOf(path: string): Promise<TimelineEvent[]> {
  const { events, problems } = await parse(path.split('/').pop()!, new Uint8Array(readFileSync(path)));
  expect(problems.filter((problem) => problem.code !== 'malformed-line')).toEqual([]);
  return events;
}

function namesOf(directory: IdentityDirectory, subject: string) {
  return subjectIdentity(directory, subject)?.names.map((name) => [name.kind, name.value, name.source, name.verified]);
}

describe('identity directory from the vendor samples', () => {
  it('reads Keycloak usernames, Okta logins and display names, Auth0 user_name and Entra UPNs, with where they were seen', async () => {
    const events = [
      ...(await eventsOf('test/fixtures/real-shaped/keycloak-server.log')),
      ...(await eventsOf('test/fixtures/sources/okta-system-log.json')),
      ...(await eventsOf('test/fixtures/sources/auth0-tenant.jsonl')),
      ...(await eventsOf('test/fixtures/sources/entra-signins.json')),
    ];
    const { identities } = analyzeTimeline(events);

    const keycloak = subjectIdentity(identities, '8f2c-user')!;
    expect(keycloak.names[0]).toMatchObject({
      kind: 'username',
      value: 'alice',
      source: 'log',
      verified: true,
      first: { source: { file: 'keycloak-server.log', line: 4 } },
    });
    expect(bestName(identities, '8f2c-user')).toBe('alice (8f2c-user)');

    expect(namesOf(identities, 'alice@example.com')).toEqual([
      ['username', 'alice@example.com', 'log', true],
      ['displayName', 'Alice Example', 'log', true],
    ]);
    expect(subjectIdentity(identities, 'alice@example.com')!.names[0]).toMatchObject({
      count: 3,
      first: { source: { file: 'okta-system-log.json', index: 0 } },
    });
    // The Okta subject is the login itself: it is not repeated in brackets.
    expect(bestName(identities, 'alice@example.com')).toBe('Alice Example <alice@example.com>');

    expect(namesOf(identities, 'auth0|6543')).toEqual([['username', 'alice@example.com', 'log', true]]);
    expect(bestName(identities, 'auth0|6543')).toBe('alice@example.com (auth0|6543)');

    expect(bestName(identities, 'alice@northwind.example')).toBe('Alice Example <alice@northwind.example>');
    // A subject the evidence does not name stays its id.
    expect(bestName(identities, 'nobody')).toBe('nobody');
    // A login on its own subject (Okta) and the same login under an Auth0 id: the Okta subject is the name, not a second holder.
    expect(identities.conflicts).toEqual([]);
  });
});

describe('identity directory from tokens and logs', () => {
  const alma = 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  const mallory = '0a0b0c0d-mallory';
  const verified = hash('verified-token');
  const forged = hash('forged-token');
  const claims = { sub: alma, preferred_username: 'alma', email: 'alma@northwind.example', name: 'Alma Berg' };
  const tokens = [
    tokenFactsFromVerdict(
      verified,
      claims,
      { status: 'valid', alg: 'RS256', key: { kid: 'k1', thumbprint: 'tp', source: 'jwks.json' } as never },
      [],
    ),
    // Signed with a guessed HMAC secret: a valid signature that proves nothing, naming Alma under another subject.
    tokenFactsFromVerdict(
      forged,
      { sub: mallory, preferred_username: 'alma', name: 'Alma Berg' },
      { status: 'valid', alg: 'HS256' },
      ['weak-hmac-secret'],
    ),
  ];
  const events = [
    event({ at: '2026-11-18T09:00:00Z', kind: 'login', subject: alma, details: { username: 'alma' } }),
    event({ at: '2026-11-18T09:00:05Z', kind: 'issue', subject: alma, tokens: [verified] }),
    event({ at: '2026-11-18T09:01:00Z', kind: 'use', tokens: [verified] }),
    event({ at: '2026-11-18T09:02:00Z', kind: 'use', tokens: [forged] }),
    event({ at: '2026-11-19T09:00:00Z', kind: 'login', subject: alma, details: { username: 'alma.berg' } }),
  ];

  it('marks names from a forged token as claims, never as who the person is', () => {
    const { identities } = analyzeTimeline(events, { tokens });
    expect(namesOf(identities, alma)).toEqual([
      ['username', 'alma', 'log', true],
      ['username', 'alma.berg', 'log', true],
      ['username', 'alma', 'verified-token', true],
      ['email', 'alma@northwind.example', 'verified-token', true],
      ['displayName', 'Alma Berg', 'verified-token', true],
    ]);
    expect(subjectIdentity(identities, alma)!.names[2]).toMatchObject({
      count: 2,
      tokenHash: verified,
      first: { ts: Date.parse('2026-11-18T09:00:05Z') },
      lastTs: Date.parse('2026-11-18T09:01:00Z'),
    });
    expect(bestName(identities, alma)).toBe(`Alma Berg <alma@northwind.example> (${alma})`);

    expect(namesOf(identities, mallory)).toEqual([
      ['username', 'alma', 'token-claim', false],
      ['displayName', 'Alma Berg', 'token-claim', false],
    ]);
    expect(bestName(identities, mallory)).toBe(`${mallory} (unverified token claims: Alma Berg <alma>)`);
  });

  it('reports a renamed account and a name on two subjects as conflicts', () => {
    const { identities } = analyzeTimeline(events, { tokens });
    expect(identities.conflicts).toEqual([
      {
        kind: 'several-names',
        nameKind: 'username',
        subjects: [alma],
        values: ['alma', 'alma.berg'],
        involvesClaims: false,
      },
      {
        kind: 'shared-name',
        nameKind: 'username',
        subjects: [mallory, alma].sort(),
        values: ['alma'],
        involvesClaims: true,
      },
    ]);
  });

  it('names the subject in detector messages and keeps the id in the finding', () => {
    const burst = [1, 2, 3].map((second) =>
      event({ at: `2026-11-18T09:00:0${second}Z`, kind: 'login', subject: alma, details: { username: 'alma' } }),
    );
    const { findings } = analyzeTimeline(
      [...burst, event({ at: '2026-11-18T09:00:05Z', kind: 'issue', subject: alma, tokens: [verified] })],
      {
        tokens,
        detectors: ['volume-anomaly'],
        parameters: { 'volume-anomaly': { maxPerSubject: 2 } },
      },
    );
    const finding = findings.find((item) => item.detail.scope === 'subject')!;
    expect(finding.subject).toBe(alma);
    expect(finding.message).toContain(`Subject Alma Berg <alma@northwind.example> (${alma}) had 4 events`);
  });
});
