import { createHmac, randomBytes } from 'node:crypto';
import { CompactEncrypt, EncryptJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyzeToken, readJweContent } from '../../../../core/token';
import { b64u, json, keyringOf, verifier } from './token-helpers';

const SECRET = 'nesting-test-secret-0123456789abcdef';

/** alg none wrapped in `layers` HS256 tokens that each announce their payload as a JWT (cty "JWT"). */
function nestedAroundNone(layers: number): string {
  let token = `${json({ alg: 'none' })}.${json({ sub: 'mallory', exp: 4e9 })}.`;
  for (let i = 0; i < layers; i++) {
    const input = `${json({ alg: 'HS256', cty: 'JWT' })}.${b64u(token)}`;
    token = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
  }
  return token;
}

describe('nested tokens and encrypted JWTs', () => {
  it('a nested JWT deeper than the levels followed is named as not analysed, never silently valid', async () => {
    const keyring = await keyringOf({ 'hs.secret': SECRET });
    const within = await analyzeToken(nestedAroundNone(3), { verifier, keyring });
    expect(within.findings.map((f) => f.id)).toContain('alg-none');
    for (const layers of [4, 5]) {
      const beyond = await analyzeToken(nestedAroundNone(layers), { verifier, keyring });
      expect(beyond.signature.status).toBe('valid');
      const deep = beyond.findings.find((f) => f.evidence.detail?.code === 'nesting-too-deep');
      expect(deep, `${layers} layers`).toMatchObject({ id: 'malformed-token', severity: 'high' });
      expect(deep?.message).toMatch(/^(Inner token: ){3}The payload is another nested JWT/);
    }
  });

  it("an encrypted JWT: the decrypted claim set is the token's claims, checked like a JWS payload", async () => {
    const key = randomBytes(32);
    const keyring = await keyringOf({ 'enc.jwk': JSON.stringify({ kty: 'oct', k: b64u(key), use: 'enc' }) });
    // An issuer URL holds dots: that must not make the claim set look like a token.
    const withDots = await new EncryptJWT({ iss: 'https://issuer.example.com', sub: 'alice', iat: 1_700_000_000 })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(key);
    const result = await analyzeToken(withDots, { verifier, keyring });
    expect(result.jwe?.status).toBe('decrypted');
    expect(result.decoded.claims).toEqual({ iss: 'https://issuer.example.com', sub: 'alice', iat: 1_700_000_000 });
    expect(result.inner).toBeUndefined();
    const ids = result.findings.map((f) => f.id);
    expect(ids).not.toContain('malformed-token');
    expect(ids).toContain('missing-exp'); // the claims checks ran on the decrypted claims
    // Claims with no dot at all, and of the wrong type: read and judged too.
    const plain = await new CompactEncrypt(new TextEncoder().encode('{"sub":"bob","exp":"tomorrow","sub2":1}'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(key);
    const typed = await analyzeToken(plain, { verifier, keyring });
    expect(typed.decoded.claims).toMatchObject({ sub: 'bob', exp: 'tomorrow' });
    expect(typed.findings.find((f) => f.id === 'claim-type')).toMatchObject({
      evidence: { part: 'plaintext', field: 'exp' },
    });
  });

  it('a JWE that no key decrypts says why for every key tried, the decompression limit included', async () => {
    const key = randomBytes(32);
    // jose deflates the plaintext itself for zip DEF: 4 MiB of zeros travel as a few KiB.
    const bomb = await new CompactEncrypt(new Uint8Array(4 * 1024 * 1024))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', zip: 'DEF' })
      .encrypt(key);
    const keyring = await keyringOf({
      'a-short.jwk': JSON.stringify({ kty: 'oct', k: b64u(randomBytes(16)), use: 'enc' }),
      'b-right.jwk': JSON.stringify({ kty: 'oct', k: b64u(key), use: 'enc' }),
    });
    const result = await analyzeToken(bomb, {
      verifier,
      keyring,
      jweLimits: { maxPBES2Count: 10_000, maxDecompressedLength: 64 * 1024 },
    });
    expect(result.jwe?.status).toBe('failed');
    const reason = result.jwe?.status === 'failed' ? result.jwe.reason : '';
    expect(reason.split('; ')).toHaveLength(2);
    expect(reason).toMatch(/b-right\.jwk[^;]*exceed/i);
  });

  it('reads a plaintext as a token, a claim set or opaque content', () => {
    const token = `${json({ alg: 'HS256' })}.${json({ sub: 'x' })}.c2ln`;
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(readJweContent({ alg: 'dir', cty: 'JWT' }, bytes(token)).inner?.claims).toEqual({ sub: 'x' });
    expect(readJweContent({ alg: 'dir' }, bytes(` ${token}\n`)).inner?.claims).toEqual({ sub: 'x' }); // no cty: still a token by its shape
    expect(
      readJweContent(
        { alg: 'dir' },
        bytes('{"payload":"eyJzdWIiOiJ4In0","signature":"c2ln","protected":"eyJhbGciOiJIUzI1NiJ9"}'),
      ).inner?.serialization,
    ).toBe('json-flattened');
    expect(readJweContent({ alg: 'dir' }, bytes('{"a":1,"a":2}')).problems.map((p) => p.code)).toEqual([
      'duplicate-json-key',
    ]);
    expect(readJweContent({ alg: 'dir' }, bytes('{"a":')).problems.map((p) => p.code)).toEqual(['invalid-json']);
    expect(readJweContent({ alg: 'dir' }, bytes('hello.world'))).toEqual({ problems: [] });
    expect(readJweContent({ alg: 'dir' }, new Uint8Array([0xff, 0xfe]))).toEqual({ problems: [] });
  });
});
