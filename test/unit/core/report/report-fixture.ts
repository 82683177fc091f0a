import { sha256HexOfText } from '../../../../core';
import type { ReportInput, ReportSigner } from '../../../../core/report';
import type { TimelineFinding } from '../../../../core/timeline';
import type { PublicJwk } from '../../../../core/token';

/** Text an attacker could plant in a claim, a log line or (pasted) in a note. */
export const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>&amp;"\'';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A real-shaped HS256 token whose claims carry the hostile text. */
export const TOKEN = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: 'alice', name: HOSTILE, exp: 1795038000 })}.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMzItYnl0ZXMtbG9uZw`;
export const TOKEN_HASH = sha256HexOfText(TOKEN);
export const LOG_SHA = 'a'.repeat(64);
export const RECOVERED_SECRET = '"secret123"';

function finding(
  overrides: Partial<TimelineFinding> & Pick<TimelineFinding, 'key' | 'id' | 'severity'>,
): TimelineFinding {
  return {
    origin: 'detector',
    title: `Title of ${overrides.id}`,
    message: `Message of ${overrides.id}`,
    explanation: 'Why it matters.',
    tokenHashes: [TOKEN_HASH],
    ts: Date.UTC(2026, 10, 18, 9, 0, 0),
    events: [
      {
        ts: Date.UTC(2026, 10, 18, 9, 0, 0),
        kind: 'token-use',
        role: 'use',
        source: { file: 'logs/api.log', sha256: LOG_SHA, line: 2 },
      },
    ],
    eventCount: 1,
    detail: {},
    references: ['RFC 8725 §3.1'],
    ...overrides,
  } as TimelineFinding;
}

/** A small case: three findings, one token, one record, annotations on two items. */
export function reportInput(): ReportInput {
  return {
    case: {
      id: 'CASE-1',
      title: `Case with ${HOSTILE}`,
      examiners: ['Ada Examiner'],
      timeZone: 'Europe/Berlin',
      summary: `Summary quoting ${HOSTILE}`,
      limitations: '',
    },
    evidence: [
      { path: 'logs/api.log', size: 120, sha256: LOG_SHA, kind: 'access-log', verdict: 'match', custody: [] },
      { path: 'keys/jwks.json', size: 80, sha256: 'b'.repeat(64), kind: 'jwks', verdict: 'match', custody: [] },
    ],
    method: { toolName: 'Tokentrail', toolVersion: '0.1.0', analyzers: [], keys: [], geoDatabases: [] },
    findings: [
      finding({
        key: 'weak',
        id: 'weak-hmac-secret',
        severity: 'critical',
        message: `The HMAC secret is ${RECOVERED_SECRET} (the built-in list).`,
        detail: { secret: RECOVERED_SECRET },
      }),
      finding({ key: 'replay', id: 'replay', severity: 'medium' }),
      finding({ key: 'expiry', id: 'use-after-expiry', severity: 'high' }),
    ],
    records: new Map([[`${LOG_SHA}:2:`, `GET /orders Authorization: Bearer ${TOKEN} ${HOSTILE}`]]),
    tokens: new Map([
      [TOKEN_HASH, { compact: TOKEN, header: { alg: 'HS256', typ: 'JWT' }, claims: { name: HOSTILE } }],
    ]),
    annotations: new Map([
      [
        'finding:replay',
        {
          state: { note: `Confirmed ${HOSTILE}`, tags: [], starred: true, disposition: 'confirmed' },
          author: 'Ada',
          at: 0,
        },
      ],
      [
        'finding:expiry',
        { state: { note: '', tags: [], starred: false, disposition: 'false-positive' }, author: 'Ada', at: 0 },
      ],
    ]),
    journal: { headHash: 'c'.repeat(64), length: 12 },
  };
}

/** A real WebCrypto signer (Ed25519 or P-256) and its public JWK, as a host would hold it. */
export async function webCryptoSigner(alg: 'EdDSA' | 'ES256', name = 'Ada Examiner'): Promise<ReportSigner> {
  const algorithm = alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
  const pair = (await crypto.subtle.generateKey(algorithm, false, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicJwk: PublicJwk =
    alg === 'EdDSA' ? { kty: 'OKP', crv: 'Ed25519', x: jwk.x! } : { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
  const signAlgorithm = alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  return {
    alg,
    publicJwk,
    name,
    sign: async (input) =>
      new Uint8Array(await crypto.subtle.sign(signAlgorithm, pair.privateKey, input as Uint8Array<ArrayBuffer>)),
  };
}
