import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeToken, keyStatusAt } from '../../../../core/token';
import { keyPair, keyringOf, makeToken, publicJwk, verifier } from './token-helpers';

function selfSignedCertificate(): { certificatePem: string; keyPem: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tt-cert-'));
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
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
      '-subj',
      '/CN=issuer.example',
      '-days',
      '30',
    ],
    { stdio: 'ignore' },
  );
  return {
    certificatePem: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    keyPem: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
  };
}

describe('keyring', () => {
  const rsa = keyPair('rsa');
  const token = makeToken('RS256', rsa.privateKey);

  it.each([
    ['JWK', () => JSON.stringify(publicJwk(rsa.publicKey))],
    ['private JWK', () => JSON.stringify(rsa.privateKey.export({ format: 'jwk' }))],
    ['JWKS', () => JSON.stringify({ keys: [publicJwk(rsa.publicKey, { kid: 'a' })] })],
    ['SPKI PEM', () => rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string],
    ['PKCS#1 PEM', () => rsa.publicKey.export({ format: 'pem', type: 'pkcs1' }) as string],
    ['PKCS#8 PEM', () => rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string],
    ['PKCS#1 private PEM', () => rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string],
    ['SPKI DER', () => new Uint8Array(rsa.publicKey.export({ format: 'der', type: 'spki' }))],
    ['PKCS#1 DER', () => new Uint8Array(rsa.publicKey.export({ format: 'der', type: 'pkcs1' }))],
    ['PKCS#8 DER', () => new Uint8Array(rsa.privateKey.export({ format: 'der', type: 'pkcs8' }))],
  ])('verifies with an RSA key given as %s', async (_form, content) => {
    const keyring = await keyringOf({ key: content() });
    expect(keyring.problems).toEqual([]);
    expect(keyring.keys).toHaveLength(1);
    expect((await analyzeToken(token, { verifier, keyring })).signature.status).toBe('valid');
  });

  it.each(['P-256', 'P-384', 'P-521', 'ed25519'] as const)(
    'derives public keys of %s private keys (PKCS#8, SEC1)',
    async (kind) => {
      const pair = keyPair(kind);
      const alg = ({ ed25519: 'EdDSA', 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' } as const)[kind];
      const signed = makeToken(alg, pair.privateKey);
      const files: Record<string, string> = {
        pkcs8: pair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      };
      if (kind !== 'ed25519') files.sec1 = pair.privateKey.export({ format: 'pem', type: 'sec1' }) as string;
      const keyring = await keyringOf(files);
      expect(keyring.keys.every((key) => key.source.privatePartDropped)).toBe(true);
      expect((await analyzeToken(signed, { verifier, keyring })).signature.status).toBe('valid');
    },
  );

  it('reads X.509 certificates and chains, with the certificate window', async () => {
    const { certificatePem, keyPem } = selfSignedCertificate();
    const keyring = await keyringOf({ 'chain.pem': `${certificatePem}\n${certificatePem}` });
    expect(keyring.certificates[0]!.subject).toBe('CN=issuer.example');
    const { createPrivateKey } = await import('node:crypto');
    const signed = makeToken('ES256', createPrivateKey(keyPem), {
      sub: 'x',
      exp: 4e9,
      iat: Math.floor(Date.now() / 1000),
    });
    const result = await analyzeToken(signed, { verifier, keyring });
    expect(result.signature.status).toBe('valid');
    expect(result.signature.keyWindow?.atIssuedAt?.status).toBe('active');
    expect(keyStatusAt(keyring.keys[0]!, Date.now() + 90 * 86_400_000).status).toBe('certificate-expired');
  });

  it('keeps secret files as-is and trimmed, and oct JWKs', async () => {
    const keyring = await keyringOf({
      'hs.secret': 'sup3r-long-random-secret-value-0123456789\n',
      'oct.jwk': JSON.stringify({ kty: 'oct', k: 'c2VjcmV0', kid: 'o' }),
    });
    expect(keyring.keys.map((key) => key.source.secretEncoding)).toEqual(['trimmed', 'as-file', 'jwk-k']);
    const result = await analyzeToken(makeToken('HS256', 'sup3r-long-random-secret-value-0123456789'), {
      verifier,
      keyring,
    });
    expect(result.signature.status).toBe('valid');
    expect(result.signature.key?.source).toContain('trimmed');
  });

  it('never verifies with an enc key, a key_ops without verify, or a key pinned to another alg', async () => {
    const base = publicJwk(rsa.publicKey);
    for (const extra of [{ use: 'enc' }, { key_ops: ['encrypt'] }, { alg: 'PS256' }]) {
      const keyring = await keyringOf({ key: JSON.stringify({ ...base, ...extra }) });
      const result = await analyzeToken(token, { verifier, keyring });
      expect(result.signature.status).toBe('no-key');
      expect(result.trail[0]!.outcome).toBe('skipped');
    }
  });

  it('reports unusable files instead of throwing', async () => {
    const keyring = await keyringOf({
      'bad.json': '{"kty":"RSA"}',
      'enc.pem': '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n',
      'junk.pem': '-----BEGIN PUBLIC KEY-----\nMAMCAQA=\n-----END PUBLIC KEY-----',
    });
    expect(keyring.keys).toEqual([]);
    expect(keyring.problems.map((problem) => problem.code).sort()).toEqual([
      'key-encrypted',
      'key-unreadable',
      'key-unsupported',
    ]);
  });

  it('applies the key-rotation history: status at iat and at each use', async () => {
    const keyring = await keyringOf({ 'k.jwk': JSON.stringify(publicJwk(rsa.publicKey, { kid: 'old' })) }, [
      {
        kid: 'old',
        activated: Date.UTC(2024, 0, 1),
        retired: Date.UTC(2025, 0, 1),
        revoked: Date.UTC(2025, 5, 1),
        compromised: false,
      },
    ]);
    const signed = makeToken(
      'RS256',
      rsa.privateKey,
      { sub: 'a', iat: Date.UTC(2025, 2, 1) / 1000, exp: 4e9 },
      { kid: 'old' },
    );
    const result = await analyzeToken(signed, {
      verifier,
      keyring,
      useTimes: [Date.UTC(2024, 5, 1), Date.UTC(2025, 6, 1)],
    });
    expect(result.signature.keyWindow?.atIssuedAt?.status).toBe('retired');
    expect(result.signature.keyWindow?.atUses.map((window) => window.status)).toEqual(['active', 'revoked']);
  });
});
