import { JWS_ALGORITHMS, type JwsAlgorithm } from '../algorithms';
import type { PublicKeyDeriver } from '../keyring/load-keys';
import type { PublicJwk } from '../keyring/public-key';
import { equalBytes, type SignatureVerifier, type VerificationKey } from './signature-verifier';
import type { SubtleAlgorithm, SubtleKey, SubtleLike } from './subtle-types';

/**
 * A {@link SignatureVerifier} on WebCrypto, for the renderer, web workers and any host with `crypto.subtle`.
 * Keys are imported once per (key, algorithm) and cached; keep many verifications in flight, since every call is
 * a round trip.
 */

function importParameters(alg: JwsAlgorithm): SubtleAlgorithm {
  const spec = JWS_ALGORITHMS[alg];
  switch (spec.family) {
    case 'HS':
      return { name: 'HMAC', hash: spec.hash };
    case 'RS':
      return { name: 'RSASSA-PKCS1-v1_5', hash: spec.hash };
    case 'PS':
      return { name: 'RSA-PSS', hash: spec.hash };
    case 'ES':
      return { name: 'ECDSA', namedCurve: spec.crv };
    case 'EdDSA':
      return { name: 'Ed25519' };
  }
}

function verifyParameters(alg: JwsAlgorithm): SubtleAlgorithm {
  const spec = JWS_ALGORITHMS[alg];
  const saltLength = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 } as const;
  if (spec.family === 'PS') return { name: 'RSA-PSS', saltLength: saltLength[spec.hash!] };
  if (spec.family === 'ES') return { name: 'ECDSA', hash: spec.hash };
  return importParameters(alg);
}

/** Build a verifier over an injected `crypto.subtle`. */
export function createWebCryptoVerifier(subtle: SubtleLike): SignatureVerifier {
  const cache = new Map<string, Promise<SubtleKey | undefined>>();
  const keyFor = (alg: JwsAlgorithm, key: VerificationKey): Promise<SubtleKey | undefined> => {
    const cacheKey = `${alg}|${key.id}`;
    let imported = cache.get(cacheKey);
    if (!imported) {
      imported = (
        key.kind === 'secret'
          ? key.secret.length === 0
            ? Promise.resolve(undefined) // WebCrypto refuses empty HMAC keys; the empty-hmac-key check covers them
            : subtle.importKey('raw', key.secret, importParameters(alg), false, ['sign'])
          : subtle.importKey('spki', key.spki, importParameters(alg), false, ['verify'])
      ).catch(() => undefined);
      cache.set(cacheKey, imported);
    }
    return imported;
  };
  return {
    async verify(alg, key, data, signature) {
      const spec = JWS_ALGORITHMS[alg];
      if (spec.signatureLength !== undefined && signature.length !== spec.signatureLength) return false;
      const imported = await keyFor(alg, key);
      if (!imported) return false;
      try {
        if (spec.family === 'HS')
          return equalBytes(new Uint8Array(await subtle.sign('HMAC', imported, data)), signature);
        return await subtle.verify(verifyParameters(alg), imported, signature, data);
      } catch {
        return false;
      }
    },
  };
}

/** A {@link PublicKeyDeriver} on WebCrypto: imports the PKCS#8 key as extractable and exports its public JWK. */
export function createWebCryptoPublicKeyDeriver(subtle: SubtleLike): PublicKeyDeriver {
  return async (pkcs8, kind) => {
    const algorithm: SubtleAlgorithm =
      kind.kind === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: kind.crv };
    const key = await subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']);
    const jwk = await subtle.exportKey('jwk', key);
    if (kind.kind === 'Ed25519' && typeof jwk.x === 'string')
      return { kty: 'OKP', crv: 'Ed25519', x: jwk.x } satisfies PublicJwk;
    if (kind.kind === 'EC' && typeof jwk.x === 'string' && typeof jwk.y === 'string')
      return { kty: 'EC', crv: kind.crv, x: jwk.x, y: jwk.y } satisfies PublicJwk;
    return undefined;
  };
}
