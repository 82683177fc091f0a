/**
 * The JWS algorithms Tokentrail verifies (RFC 7518 §3, RFC 8037) and what each needs: the key type, the curve,
 * the hash, and the exact signature length where the algorithm fixes it.
 */

/** A JWS algorithm Tokentrail can verify. */
export type JwsAlgorithm =
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

/** The family of an algorithm: HMAC, RSA PKCS#1 v1.5, RSA-PSS, ECDSA, EdDSA. */
export type AlgorithmFamily = 'HS' | 'RS' | 'PS' | 'ES' | 'EdDSA';

/** What an algorithm requires of a key and a signature. */
export interface AlgorithmSpec {
  readonly alg: JwsAlgorithm;
  readonly family: AlgorithmFamily;
  readonly hash: 'SHA-256' | 'SHA-384' | 'SHA-512' | null;
  readonly kty: 'oct' | 'RSA' | 'EC' | 'OKP';
  /** Curve for EC/OKP algorithms. */
  readonly crv?: 'P-256' | 'P-384' | 'P-521' | 'Ed25519';
  /** Signature length in bytes when fixed by the algorithm (RSA depends on the modulus). */
  readonly signatureLength?: number;
}

const spec = (
  alg: JwsAlgorithm,
  family: AlgorithmFamily,
  hash: AlgorithmSpec['hash'],
  kty: AlgorithmSpec['kty'],
  extra: Partial<AlgorithmSpec> = {},
): AlgorithmSpec => ({ alg, family, hash, kty, ...extra });

/** Every supported algorithm by name. */
export const JWS_ALGORITHMS: Readonly<Record<JwsAlgorithm, AlgorithmSpec>> = {
  HS256: spec('HS256', 'HS', 'SHA-256', 'oct', { signatureLength: 32 }),
  HS384: spec('HS384', 'HS', 'SHA-384', 'oct', { signatureLength: 48 }),
  HS512: spec('HS512', 'HS', 'SHA-512', 'oct', { signatureLength: 64 }),
  RS256: spec('RS256', 'RS', 'SHA-256', 'RSA'),
  RS384: spec('RS384', 'RS', 'SHA-384', 'RSA'),
  RS512: spec('RS512', 'RS', 'SHA-512', 'RSA'),
  PS256: spec('PS256', 'PS', 'SHA-256', 'RSA'),
  PS384: spec('PS384', 'PS', 'SHA-384', 'RSA'),
  PS512: spec('PS512', 'PS', 'SHA-512', 'RSA'),
  ES256: spec('ES256', 'ES', 'SHA-256', 'EC', { crv: 'P-256', signatureLength: 64 }),
  ES384: spec('ES384', 'ES', 'SHA-384', 'EC', { crv: 'P-384', signatureLength: 96 }),
  ES512: spec('ES512', 'ES', 'SHA-512', 'EC', { crv: 'P-521', signatureLength: 132 }),
  EdDSA: spec('EdDSA', 'EdDSA', null, 'OKP', { crv: 'Ed25519', signatureLength: 64 }),
};

/** The spec of a supported algorithm, or undefined for anything else (including "none" and JWE algorithms). */
export function algorithmSpec(alg: unknown): AlgorithmSpec | undefined {
  return typeof alg === 'string' && Object.prototype.hasOwnProperty.call(JWS_ALGORITHMS, alg)
    ? JWS_ALGORITHMS[alg as JwsAlgorithm]
    : undefined;
}

/** True for HS256/384/512. */
export function isHmacAlgorithm(alg: unknown): alg is 'HS256' | 'HS384' | 'HS512' {
  return alg === 'HS256' || alg === 'HS384' || alg === 'HS512';
}
