// Test helpers: real keys from node:crypto, tokens signed in the test, keyrings built through the real loader.
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as nodeSign,
  type KeyObject,
} from 'node:crypto';
import { webcrypto } from 'node:crypto';
import {
  createKeyring,
  createWebCryptoPublicKeyDeriver,
  createWebCryptoVerifier,
  loadKeyFile,
  type Keyring,
  type SubtleLike,
} from '../../../../core/token';

export const subtle = webcrypto.subtle as unknown as SubtleLike;
export const verifier = createWebCryptoVerifier(subtle);
export const derivePublic = createWebCryptoPublicKeyDeriver(subtle);

export const b64u = (data: string | Uint8Array | Buffer): string => Buffer.from(data).toString('base64url');
export const json = (value: unknown): string => b64u(JSON.stringify(value));

export type Alg =
  | 'HS256'
  | 'HS384'
  | 'HS512'
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'EdDSA';
const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

/** Sign header.payload with a node:crypto key (or an HMAC secret). */
export function signInput(alg: Alg, key: KeyObject | Buffer | string, input: string): Buffer {
  if (alg.startsWith('HS'))
    return createHmac(HASH[alg.slice(2)]!, key as Buffer | string)
      .update(input)
      .digest();
  if (alg === 'EdDSA') return nodeSign(null, Buffer.from(input), key as KeyObject);
  const hash = HASH[alg.slice(2)]!;
  if (alg.startsWith('PS'))
    return nodeSign(hash, Buffer.from(input), { key: key as KeyObject, padding: 6, saltLength: -1 });
  if (alg.startsWith('ES'))
    return nodeSign(hash, Buffer.from(input), { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  return nodeSign(hash, Buffer.from(input), key as KeyObject);
}

/** A compact JWS. */
export function makeToken(
  alg: Alg,
  key: KeyObject | Buffer | string,
  claims: unknown = { sub: 'alice', exp: 4_000_000_000 },
  header: Record<string, unknown> = {},
): string {
  const input = `${json({ alg, ...header })}.${typeof claims === 'string' ? b64u(claims) : json(claims)}`;
  return `${input}.${b64u(signInput(alg, key, input))}`;
}

/** A key pair for an algorithm family. */
export function keyPair(kind: 'rsa' | 'P-256' | 'P-384' | 'P-521' | 'ed25519'): {
  privateKey: KeyObject;
  publicKey: KeyObject;
} {
  if (kind === 'rsa') return generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (kind === 'ed25519') return generateKeyPairSync('ed25519');
  return generateKeyPairSync('ec', { namedCurve: kind });
}

/** Build a keyring from files given as text or bytes. */
export async function keyringOf(
  files: Record<string, string | Uint8Array>,
  lifecycles: Parameters<typeof createKeyring>[1] = [],
): Promise<Keyring> {
  const loaded = await Promise.all(
    Object.entries(files).map(([name, content]) =>
      loadKeyFile(typeof content === 'string' ? new TextEncoder().encode(content) : content, name, { derivePublic }),
    ),
  );
  return createKeyring(loaded, lifecycles);
}

/** A public JWK with a kid. */
export function publicJwk(publicKey: KeyObject, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...publicKey.export({ format: 'jwk' }), ...extra };
}

export { createPrivateKey, createPublicKey };
