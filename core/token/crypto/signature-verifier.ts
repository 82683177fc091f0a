import type { JwsAlgorithm } from '../algorithms';
import type { PublicJwk } from '../keyring/public-key';

/**
 * The one crypto seam of the token engine. Core decides which key to try with which algorithm; a host-specific
 * verifier does the arithmetic: WebCrypto in the renderer and workers ({@link createWebCryptoVerifier}),
 * node:crypto in the CLI (cli/node-crypto-verifier.ts), a worker pool for bulk work.
 */

/** Key material handed to a verifier. `id` is stable per key so implementations import each key once. */
export type VerificationKey =
  | { readonly id: string; readonly kind: 'secret'; readonly secret: Uint8Array }
  | { readonly id: string; readonly kind: 'public'; readonly jwk: PublicJwk; readonly spki: Uint8Array };

/** Verifies one JWS signature. */
export interface SignatureVerifier {
  /**
   * True when `signature` (in JWS form: raw r||s for ECDSA) is a valid `alg` signature of `data` under `key`.
   * Must resolve false — never reject — for a signature of the wrong length or a key that does not fit.
   */
  verify(alg: JwsAlgorithm, key: VerificationKey, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /**
   * Optional synchronous form of {@link verify}, same contract. Hosts whose crypto is synchronous (node:crypto in
   * this thread) provide it so bulk analysis needs no promise per signature.
   */
  verifySync?(alg: JwsAlgorithm, key: VerificationKey, data: Uint8Array, signature: Uint8Array): boolean;
}

/** Constant-shape byte comparison (timing is irrelevant offline, but the habit costs nothing). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
