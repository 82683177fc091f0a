import { generateKeyPairSync } from 'node:crypto';
import { CompactEncrypt, EncryptJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyzeToken, effectiveSignature, privateKeyResolver, privateKeysIn } from '../../../../core/token';
import { keyringOf, makeToken, publicJwk, verifier } from './token-helpers';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaPem = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const ecJwk = { ...ec.privateKey.export({ format: 'jwk' }), kid: 'enc-ec', use: 'enc' };

describe('JWE decryption with private keys from the bundle, on WebCrypto', () => {
  it('an RSA-OAEP-256 JWE with a PKCS#8 PEM key: decrypted, the nested signed JWT verified', async () => {
    const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const inner = makeToken('ES256', signer.privateKey, { sub: 'alice', exp: 4e9 }, { kid: 'sig' });
    const token = await new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' })
      .encrypt(rsa.publicKey);
    const keyring = await keyringOf({ 'sig.jwk': JSON.stringify(publicJwk(signer.publicKey, { kid: 'sig' })) });
    const jweKeys = privateKeyResolver([{ file: 'keys/enc.pem', text: rsaPem }]);
    const result = await analyzeToken(token, { verifier, keyring, jweKeys });
    expect(result.jwe).toMatchObject({ status: 'decrypted', key: { description: 'private key from keys/enc.pem' } });
    expect(effectiveSignature(result)).toMatchObject({ status: 'valid', key: { kid: 'sig' } });
  });

  it('an ECDH-ES+A256KW encrypted JWT with a private JWK in a JWKS: its claims read', async () => {
    const token = await new EncryptJWT({ sub: 'bob', exp: 4e9 })
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A128GCM', kid: 'enc-ec' })
      .encrypt(ec.publicKey);
    const jwks = JSON.stringify({ keys: [publicJwk(rsa.publicKey, { kid: 'public-only' }), ecJwk] });
    const result = await analyzeToken(token, {
      verifier,
      keyring: await keyringOf({}),
      jweKeys: privateKeyResolver([{ file: 'keys/enc.jwks', text: jwks }]),
    });
    expect(result.jwe).toMatchObject({
      status: 'decrypted',
      key: { description: 'private JWK "enc-ec" from keys/enc.jwks' },
    });
    expect(result.decoded.claims).toEqual({ sub: 'bob', exp: 4e9 });
  });

  it('offers only keys that may decrypt and fit the algorithm', async () => {
    expect(privateKeysIn({ file: 'pub.jwk', text: JSON.stringify(publicJwk(rsa.publicKey)) })).toEqual([]);
    expect(privateKeysIn({ file: 'sig.jwk', text: JSON.stringify({ ...ecJwk, use: 'sig' }) })).toEqual([]);
    expect(
      privateKeysIn({ file: 'ops.jwk', text: JSON.stringify({ ...ecJwk, use: undefined, key_ops: ['sign'] }) }),
    ).toEqual([]);
    expect(privateKeysIn({ file: 'junk.txt', text: 'not a key' })).toEqual([]);
    const resolver = privateKeyResolver([
      { file: 'ec.jwk', text: JSON.stringify(ecJwk) },
      { file: 'rsa.pem', text: rsaPem },
    ]);
    expect((await resolver({ alg: 'RSA-OAEP' })).map((candidate) => candidate.description)).toEqual([
      'private key from rsa.pem',
    ]);
    expect((await resolver({ alg: 'ECDH-ES' })).map((candidate) => candidate.description)).toEqual([
      'private JWK "enc-ec" from ec.jwk',
    ]);
    expect(await resolver({ alg: 'dir' })).toEqual([]);
    // A JWK pinned to one algorithm is not offered for another.
    const pinned = privateKeyResolver([
      { file: 'pinned.jwk', text: JSON.stringify({ ...ecJwk, alg: 'ECDH-ES+A128KW' }) },
    ]);
    expect(await pinned({ alg: 'ECDH-ES' })).toEqual([]);
    expect(await pinned({ alg: 'ECDH-ES+A128KW' })).toHaveLength(1);
  });
});
