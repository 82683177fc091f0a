// A small case for the acceptance audit: an issuer with real RSA keys, a configured orders API, and one token per
// flaw class a correct verifier must refuse — every one signed (or forged) in the test — plus clean tokens and near
// misses. `analyzeFiles` runs the real pipeline: core/sources parsers, the token engine, the timeline.
import type { KeyObject } from 'node:crypto';
import { analyzeTimeline, tokenFactsFromAnalysis, type TimelineResult } from '../../../../../core/timeline';
import { analyzeToken } from '../../../../../core/token';
import type { CaseConfig } from '../../../../../core/evidence/case-config';
import type { FlawClass, KeyHistoryEntry, TimelineParameterOverrides } from '../../../../../core/timeline';
import { harDocument, harEntry } from '../../../../../core/scenarios/writers/har-document';
import { parse } from '../../sources/helpers';
import { json, keyPair, keyringOf, makeToken, publicJwk, verifier } from '../../token/token-helpers';

export const T0 = Date.parse('2026-11-18T10:00:00Z');
const seconds = (ms: number) => Math.floor(ms / 1000);
export const ISSUER = 'https://id.northwind.example';

export const CASE_CONFIG: CaseConfig = {
  expectedIssuers: [ISSUER],
  apis: [{ name: 'orders', baseUrl: 'https://api.northwind.example/orders/v2', audiences: ['orders'] }],
  allowedAlgorithms: ['RS256'],
};

const issuerKey = keyPair('rsa');
const oldKey = keyPair('rsa');
const attackerKey = keyPair('rsa');

/** k-old was retired a day before the tokens were made (as keys/key-rotation.json says below). */
export const KEY_HISTORY: KeyHistoryEntry[] = [
  { kid: 'k-old', retired: T0 - 86_400_000, compromised: false },
  { kid: 'k1', activated: T0 - 30 * 86_400_000, compromised: false },
];

/** The same history as a bundle's keys/key-rotation.json. */
export const KEY_ROTATION_JSON = JSON.stringify({
  format: 'tokentrail-key-rotation',
  formatVersion: 1,
  keys: [
    { kid: 'k-old', retired: new Date(T0 - 86_400_000).toISOString() },
    { kid: 'k1', activated: new Date(T0 - 30 * 86_400_000).toISOString() },
  ],
});

/** The case configuration as a bundle's case-config.json. */
export const CASE_CONFIG_JSON = JSON.stringify({ format: 'tokentrail-case-config', formatVersion: 1, ...CASE_CONFIG });

const claims = (extra: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  aud: 'orders',
  sub: 'alice',
  iat: seconds(T0 - 300_000),
  exp: seconds(T0 + 3_600_000),
  ...extra,
});

const signed = (key: KeyObject, kid: string, extra: Record<string, unknown> = {}, header = {}) =>
  makeToken('RS256', key, claims(extra), { kid, typ: 'at+jwt', ...header });

function unsigned(): string {
  return `${json({ alg: 'none', typ: 'at+jwt' })}.${json(claims({ jti: 'unsigned' }))}.`;
}

function invalidSignature(): string {
  const [header, , signature] = signed(issuerKey.privateKey, 'k1', { jti: 'altered' }).split('.');
  return `${header}.${json(claims({ jti: 'altered', sub: 'admin' }))}.${signature}`;
}

function keyConfusion(): string {
  const pem = issuerKey.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  return makeToken('HS256', pem, claims({ jti: 'confused' }), { kid: 'k1', typ: 'at+jwt' });
}

/** One token for every flaw class, each with nothing else wrong (the request times are T0 + minutes). */
export const FLAWED: Readonly<Record<FlawClass, string>> = {
  unsigned: unsigned(),
  'key-confusion': keyConfusion(),
  'embedded-key': signed(attackerKey.privateKey, 'k1', { jti: 'embedded' }, { jwk: publicJwk(attackerKey.publicKey) }),
  'invalid-signature': invalidSignature(),
  'unknown-key': signed(attackerKey.privateKey, 'k9', { jti: 'unknown-key' }),
  'key-outside-validity': signed(oldKey.privateKey, 'k-old', { jti: 'old-key' }),
  expired: signed(issuerKey.privateKey, 'k1', { jti: 'expired', exp: seconds(T0 - 600_000) }),
  'not-yet-valid': signed(issuerKey.privateKey, 'k1', { jti: 'early', nbf: seconds(T0 + 7_200_000) }),
  'wrong-issuer': signed(issuerKey.privateKey, 'k1', { jti: 'foreign', iss: 'https://evil.example' }),
  'wrong-audience': signed(issuerKey.privateKey, 'k1', { jti: 'billing', aud: 'billing' }),
};

/** A token a correct verifier accepts. */
export const CLEAN = signed(issuerKey.privateKey, 'k1', { jti: 'clean' });
/** Expired 30 s before T0: inside the default 60 s clock skew. */
export const INSIDE_SKEW = signed(issuerKey.privateKey, 'k1', { jti: 'inside-skew', exp: seconds(T0 - 30_000) });

/** Everything the case's keys folder would hold: the issuer's JWKS (k1 and the retired k-old). */
export const JWKS = JSON.stringify({
  keys: [
    publicJwk(issuerKey.publicKey, { kid: 'k1', alg: 'RS256', use: 'sig' }),
    publicJwk(oldKey.publicKey, { kid: 'k-old', alg: 'RS256', use: 'sig' }),
  ],
});

/** One request of the test evidence. */
export interface TestRequest {
  readonly token: string;
  readonly status: number;
  /** Minutes after T0. */
  readonly minute: number;
  readonly carrier?: 'authorization' | 'query' | 'cookie';
  readonly path?: string;
}

const clock = (minute: number) => new Date(T0 + minute * 60_000);

/** An access log in nginx's combined layout with the Authorization header appended (or the token in the query). */
export function accessLog(requests: readonly TestRequest[]): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return requests
    .map(({ token, status, minute, carrier, path = '/orders/v2/list' }) => {
      const at = clock(minute);
      const time = `${String(at.getUTCDate()).padStart(2, '0')}/${months[at.getUTCMonth()]}/${at.getUTCFullYear()}:${at.toISOString().slice(11, 19)} +0000`;
      const target = carrier === 'query' ? `${path}?access_token=${token}` : path;
      const header = carrier === 'query' ? '"-"' : `"Bearer ${token}"`;
      return `203.0.113.9 - - [${time}] "GET ${target} HTTP/1.1" ${status} 120 "-" "curl/8.5.0" ${header}\n`;
    })
    .join('');
}

/** A HAR 1.2 capture of the requests to https://api.northwind.example (the scenario generator's HAR writer). */
export function har(requests: readonly TestRequest[]): string {
  const entries = requests.map(({ token, status, minute, carrier, path = '/orders/v2/list' }) =>
    JSON.stringify(
      harEntry({
        time: clock(minute).toISOString(),
        url: `https://api.northwind.example${path}`,
        headers: [
          { name: 'Host', value: 'api.northwind.example' },
          carrier === 'cookie'
            ? { name: 'Cookie', value: `session=${token}` }
            : { name: 'Authorization', value: `Bearer ${token}` },
        ],
        status,
      }),
    ),
  );
  return harDocument(entries).join('');
}

/** Parse the files with the real parsers, analyse every token with the issuer's keys, run the timeline. */
export async function analyzeFiles(
  files: Readonly<Record<string, string>>,
  parameters: TimelineParameterOverrides = {},
): Promise<TimelineResult> {
  const events = [];
  for (const [name, text] of Object.entries(files)) events.push(...(await parse(name, text)).events);
  const keyring = await keyringOf({ 'keys/jwks.json': JWKS }, KEY_HISTORY);
  const compacts = new Map<string, { compact: string; times: number[] }>();
  for (const event of events)
    for (const token of event.tokens) {
      const item = compacts.get(token.hash) ?? { compact: token.compact, times: [] };
      if (event.ts !== null) item.times.push(event.ts);
      compacts.set(token.hash, item);
    }
  const analyses = await Promise.all(
    [...compacts.values()].map((item) =>
      analyzeToken(item.compact, { verifier, keyring, caseConfig: CASE_CONFIG, useTimes: item.times, now: T0 }),
    ),
  );
  return analyzeTimeline(events, {
    tokens: analyses.map(tokenFactsFromAnalysis),
    tokenFindings: analyses,
    caseConfig: CASE_CONFIG,
    keyHistory: KEY_HISTORY,
    parameters,
  });
}
