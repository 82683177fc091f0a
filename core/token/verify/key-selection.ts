import { JWS_ALGORITHMS, type JwsAlgorithm } from '../algorithms';
import type { VerificationKey } from '../crypto/signature-verifier';
import type { KeyringKey } from '../keyring/key-types';

/**
 * Which keyring keys may verify a token, and why the others may not. The algorithm is pinned by the key — its JWK
 * "alg" when stated, else its type and curve — never taken on the token's word: an RSA public key is never used
 * as an HMAC secret here (the key-confusion check tests exactly that, separately and on purpose).
 */

/** Why `key` cannot verify an `alg` signature, or undefined when it can. */
export function unfitReason(key: KeyringKey, alg: JwsAlgorithm): string | undefined {
  const spec = JWS_ALGORITHMS[alg];
  if (key.use !== undefined && key.use !== 'sig')
    return `its "use" is "${key.use}", not "sig": an encryption key never verifies a signature`;
  if (
    key.keyOps !== undefined &&
    !key.keyOps.includes('verify') &&
    !(key.kty === 'oct' && key.keyOps.includes('sign'))
  ) {
    return `its "key_ops" (${key.keyOps.join(', ') || 'empty'}) do not include "verify"`;
  }
  if (key.alg !== undefined && key.alg !== alg) return `it is pinned to ${key.alg} and the token says ${alg}`;
  if (key.kty !== spec.kty) return `it is a ${key.kty} key and ${alg} needs ${spec.kty}`;
  if (spec.crv && key.publicJwk && 'crv' in key.publicJwk && key.publicJwk.crv !== spec.crv)
    return `it is on ${key.publicJwk.crv} and ${alg} needs ${spec.crv}`;
  return undefined;
}

const verificationKeys = new WeakMap<KeyringKey, VerificationKey>();

/** The verifier's view of a keyring key (built once per key: keyring keys are immutable). */
export function verificationKeyOf(key: KeyringKey): VerificationKey {
  let view = verificationKeys.get(key);
  if (!view) {
    view =
      key.kty === 'oct'
        ? { id: key.id, kind: 'secret', secret: key.secret ?? new Uint8Array(0) }
        : { id: key.id, kind: 'public', jwk: key.publicJwk!, spki: key.spki! };
    verificationKeys.set(key, view);
  }
  return view;
}
