import * as nodeCrypto from 'node:crypto';
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  timingSafeEqual,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import type {
  HmacProvider,
  JwsAlgorithm,
  PublicJwk,
  PublicKeyDeriver,
  SignatureVerifier,
  VerificationKey,
} from '../core/token';
import { firstMatchingKeyOneByOne, JWS_ALGORITHMS } from '../core/token';
import { hmac256Digest, hmac256Key, hmac256Matches, type Hmac256Key } from './node-crypto-hmac256';
import { hmac256KeySet, type Hmac256KeySet } from './node-crypto-hmac256-x4';

/**
 * node:crypto implementations of the token engine's crypto seams, for the CLI: a SignatureVerifier that imports
 * each key once (KeyObject cache), a synchronous HMAC for the guessing checks, SHA-256 for token hashes and a
 * public-key deriver for private keys that do not carry their public part.
 */

const NODE_HASH = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/** HS256 keys with their pad blocks compressed once (keys are imported once, so this lives as long as they do). */
const hmacKeys = new WeakMap<Buffer, Hmac256Key>();

/** Verify one signature with a KeyObject (or raw secret). Shared by the in-process verifier and the crypto workers. */
export function verifyWithNode(
  alg: JwsAlgorithm,
  key: KeyObject | Buffer,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  const spec = JWS_ALGORITHMS[alg];
  if (spec.signatureLength !== undefined && signature.length !== spec.signatureLength) return false;
  try {
    switch (spec.family) {
      case 'HS': {
        if (spec.hash === 'SHA-256' && Buffer.isBuffer(key)) {
          let prepared = hmacKeys.get(key);
          if (!prepared) hmacKeys.set(key, (prepared = hmac256Key(key)));
          return hmac256Matches(prepared, data, signature);
        }
        const mac = createHmac(NODE_HASH[spec.hash!], key).update(data).digest();
        return mac.length === signature.length && timingSafeEqual(mac, signature);
      }
      case 'RS':
        return nodeVerify(NODE_HASH[spec.hash!], data, key as KeyObject, signature);
      case 'PS':
        return nodeVerify(
          NODE_HASH[spec.hash!],
          data,
          { key: key as KeyObject, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: -1 /* digest length */ },
          signature,
        );
      case 'ES':
        return nodeVerify(NODE_HASH[spec.hash!], data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }, signature);
      case 'EdDSA':
        return nodeVerify(null, data, key as KeyObject, signature);
    }
  } catch {
    return false;
  }
}

/** The key material of a verification key: what the crypto workers receive. */
export type NodeKeyMaterial =
  { readonly kind: 'secret'; readonly secret: Uint8Array } | { readonly kind: 'public'; readonly jwk: PublicJwk };

/** Turn a verification key into what node:crypto takes. */
export function nodeKeyOf(key: NodeKeyMaterial): KeyObject | Buffer {
  if (key.kind === 'secret') return Buffer.from(key.secret);
  return createPublicKey({ key: key.jwk as unknown as import('node:crypto').JsonWebKey, format: 'jwk' });
}

/** A SignatureVerifier on node:crypto in this thread, with each key imported once. */
export function createNodeVerifier(): SignatureVerifier {
  const cache = new Map<string, KeyObject | Buffer | null>();
  const verifySync = (alg: JwsAlgorithm, key: VerificationKey, data: Uint8Array, signature: Uint8Array): boolean => {
    let imported = cache.get(key.id);
    if (imported === undefined) {
      try {
        imported = nodeKeyOf(key);
      } catch {
        imported = null;
      }
      cache.set(key.id, imported);
    }
    return imported !== null && verifyWithNode(alg, imported, data, signature);
  };
  return {
    verifySync,
    async verify(alg, key, data, signature) {
      return verifySync(alg, key, data, signature);
    },
  };
}

/**
 * Keys MACed with before, their pad blocks compressed (the checks try the same keys on every token: the built-in
 * list of common secrets on each HS256 token no keyring secret verifies, a public key's encodings for key confusion);
 * weakly held, so a key no check keeps does not stay.
 */
const preparedHmac256Keys = new WeakMap<Uint8Array, Hmac256Key>();
/** Key lists tried before (null: no WebAssembly SIMD here), weakly held as the keys are. */
const preparedKeySets = new WeakMap<readonly Uint8Array[], Hmac256KeySet | null>();

/** HMAC for the checks: SHA-256 in plain TypeScript under prepared keys (a createHmac object per call costs more than
 * the hashing for a token's few blocks), SHA-384/512 on node:crypto. */
export const nodeHmac: HmacProvider = {
  hmac: (hash, key, data) => {
    if (hash !== 'SHA-256') return createHmac(NODE_HASH[hash], key).update(data).digest();
    let prepared = preparedHmac256Keys.get(key);
    if (!prepared) preparedHmac256Keys.set(key, (prepared = hmac256Key(key)));
    return hmac256Digest(prepared, data);
  },
  firstMatchingKey(hash, keys, data, signature) {
    let keySet = hash === 'SHA-256' ? preparedKeySets.get(keys) : null;
    if (keySet === undefined) preparedKeySets.set(keys, (keySet = hmac256KeySet(keys) ?? null));
    if (keySet) return keySet.firstMatch(data, signature);
    return firstMatchingKeyOneByOne(nodeHmac, hash, keys, data, signature);
  },
};

/** crypto.hash (Node ≥ 20.12): one call instead of a Hash object per digest. */
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** SHA-256 hex on node:crypto (token hashes in bulk). */
export function nodeSha256Hex(text: string): string {
  return oneShotHash ? oneShotHash('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');
}

/** Derive the public JWK of a PKCS#8 private key with node:crypto. */
export const nodePublicKeyDeriver: PublicKeyDeriver = async (pkcs8, kind) => {
  const jwk = createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })).export({
    format: 'jwk',
  });
  if (kind.kind === 'Ed25519' && typeof jwk.x === 'string') return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  if (kind.kind === 'EC' && typeof jwk.x === 'string' && typeof jwk.y === 'string')
    return { kty: 'EC', crv: kind.crv, x: jwk.x, y: jwk.y };
  return undefined;
};
