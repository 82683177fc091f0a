import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { CompactEncrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyzeToken, createJoseDecrypter, effectiveSignature, type JweDecrypter } from '../../../../core/token';
import { b64u, json, keyPair, keyringOf, makeToken, publicJwk, verifier } from './token-helpers';

const countingDecrypter = () => {
  const inner = createJoseDecrypter();
  const calls: number[] = [];
  const decrypter: JweDecrypter = {
    decrypt: (compact, key, limits) => (calls.push(limits.maxDecompressedLength), inner.decrypt(compact, key, limits)),
  };
  return { decrypter, calls };
};

describe('JWE analysis', () => {
  it('p2c = 2^31 is judged from the header: the key derivation never runs', async () => {
    const token = `${json({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: b64u(randomBytes(16)), p2c: 2 ** 31 })}.${b64u(randomBytes(24))}.${b64u(randomBytes(12))}.${b64u(randomBytes(32))}.${b64u(randomBytes(16))}`;
    const { decrypter, calls } = countingDecrypter();
    const keyring = await keyringOf({ 'password.secret': 'correct horse battery staple' });
    const result = await analyzeToken(token, { verifier, keyring, jweDecrypter: decrypter });
    expect(calls).toEqual([]);
    expect(result.jwe).toMatchObject({ status: 'not-attempted' });
    expect(result.findings.find((f) => f.id === 'pbes2-p2c')).toMatchObject({
      severity: 'high',
      evidence: { detail: { p2c: 2 ** 31 } },
    });
    // Near miss: a sane count is decrypted.
    const sane = await new CompactEncrypt(new TextEncoder().encode('hi'))
      .setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 1000 })
      .encrypt(new TextEncoder().encode('correct horse battery staple'));
    const saneResult = await analyzeToken(sane, { verifier, keyring });
    expect(saneResult.jwe?.status).toBe('decrypted');
    expect(saneResult.findings.map((f) => f.id)).not.toContain('pbes2-p2c');
  });

  it('a zip bomb is reported from the header and never inflated beyond the limit', async () => {
    const key = randomBytes(32);
    const bomb = deflateRawSync(Buffer.alloc(200 * 1024 * 1024)); // 200 MB of zeros in ~200 KB
    const token = await new CompactEncrypt(bomb)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', zip: 'DEF' })
      .encrypt(key);
    const { decrypter, calls } = countingDecrypter();
    const keyring = await keyringOf({ 'k.jwk': JSON.stringify({ kty: 'oct', k: b64u(key), use: 'enc' }) });
    const result = await analyzeToken(token, {
      verifier,
      keyring,
      jweDecrypter: decrypter,
      jweLimits: { maxPBES2Count: 10_000, maxDecompressedLength: 64 * 1024 },
    });
    expect(result.findings.map((f) => f.id)).toContain('jwe-zip');
    expect(calls).toEqual([64 * 1024]); // decryption ran once, with the inflation bounded to 64 KiB
    expect(result.jwe?.status).toBe('failed');
  }, 10_000);

  it('decrypts with a key from the bundle and analyses the nested signed JWT', async () => {
    const signer = keyPair('P-256');
    const encryption = keyPair('rsa');
    const inner = makeToken('ES256', signer.privateKey, { sub: 'alice', exp: 4e9 }, { kid: 'sig' });
    const token = await new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' })
      .encrypt(encryption.publicKey);
    const keyring = await keyringOf({ 'sig.jwk': JSON.stringify(publicJwk(signer.publicKey, { kid: 'sig' })) });
    const result = await analyzeToken(token, {
      verifier,
      keyring,
      jweKeys: () => [{ id: 'enc', description: 'the RSA encryption key', key: encryption.privateKey }],
    });
    expect(result.jwe?.status).toBe('decrypted');
    expect(result.signature.status).toBe('unsupported');
    expect(effectiveSignature(result)).toMatchObject({ status: 'valid', key: { kid: 'sig' } });
    expect(result.inner?.decoded.claims).toEqual({ sub: 'alice', exp: 4e9 });
    // Near miss: no key, so nothing is decrypted and the outcome says why.
    const withoutKey = await analyzeToken(token, { verifier, keyring });
    expect(withoutKey.jwe).toMatchObject({ status: 'not-attempted' });
  });
});
