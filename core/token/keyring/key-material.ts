import { bytesToBigInt } from '../crypto/ecdsa';
import { decodeBase64UrlStrict } from '../strict/base64url-strict';
import type { PublicJwk } from './public-key';

/**
 * Sanity of public key material, checked when a key file is loaded and without a crypto provider: a key that no
 * implementation could verify with (an EC point off its curve, a 3-byte RSA modulus) would otherwise make every
 * genuine token look altered ("invalid") when the truth is that the investigator has no usable key ("no-key").
 */

/** Field prime p and curve coefficient b of y² = x³ − 3x + b for each NIST curve (FIPS 186-5 / SEC 2 §2.4). */
const NIST_CURVES = {
  'P-256': {
    bytes: 32,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  'P-384': {
    bytes: 48,
    p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  'P-521': {
    bytes: 66,
    p: 2n ** 521n - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
} as const;

/** RSA modulus sizes any implementation accepts: OpenSSL and WebCrypto refuse below 512 bits; OpenSSL caps at 16384. */
const RSA_MIN_BITS = 512;
const RSA_MAX_BITS = 16384;

/** Ed25519 field prime and d = −121665/121666 (RFC 8032 §5.1). */
const ED_P = 2n ** 255n - 19n;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  for (; exponent > 0n; exponent >>= 1n, base = (base * base) % modulus)
    if (exponent & 1n) result = (result * base) % modulus;
  return result;
}

const mod = (value: bigint, modulus: bigint): bigint => ((value % modulus) + modulus) % modulus;
const ED_D = mod(-121665n * modPow(121666n, ED_P - 2n, ED_P), ED_P);

function member(value: string, name: string): Uint8Array | string {
  return decodeBase64UrlStrict(value, name).bytes ?? `"${name}" is not base64url`;
}

function rsaProblem(jwk: Extract<PublicJwk, { kty: 'RSA' }>): string | undefined {
  const nBytes = member(jwk.n, 'n');
  const eBytes = member(jwk.e, 'e');
  if (typeof nBytes === 'string') return nBytes;
  if (typeof eBytes === 'string') return eBytes;
  const n = bytesToBigInt(nBytes);
  const e = bytesToBigInt(eBytes);
  const bits = n.toString(2).length;
  if (n === 0n || bits < RSA_MIN_BITS)
    return `the RSA modulus is ${n === 0n ? 0 : bits} bits; no implementation verifies with a modulus under ${RSA_MIN_BITS} bits`;
  if (bits > RSA_MAX_BITS)
    return `the RSA modulus is ${bits} bits, more than any implementation accepts (${RSA_MAX_BITS})`;
  if ((n & 1n) === 0n) return 'the RSA modulus is even, so it is not a product of two odd primes';
  // e = 1 would make every message its own signature; an even e has no inverse modulo φ(n) (RFC 8017 §3.1).
  if (e < 3n || (e & 1n) === 0n || e >= n)
    return `the RSA exponent ${e < 2n ** 64n ? e.toString() : `of ${e.toString(2).length} bits`} is not an odd number between 3 and the modulus`;
  return undefined;
}

function nistProblem(jwk: Extract<PublicJwk, { kty: 'EC' }>): string | undefined {
  const curve = NIST_CURVES[jwk.crv];
  const coordinates: bigint[] = [];
  for (const name of ['x', 'y'] as const) {
    const bytes = member(jwk[name], name);
    if (typeof bytes === 'string') return bytes;
    if (bytes.length !== curve.bytes)
      return `"${name}" is ${bytes.length} bytes; ${jwk.crv} coordinates are ${curve.bytes} bytes (RFC 7518 §6.2.1.2)`;
    const value = bytesToBigInt(bytes);
    if (value >= curve.p) return `"${name}" is not below the ${jwk.crv} field prime`;
    coordinates.push(value);
  }
  const [x, y] = coordinates as [bigint, bigint];
  if (mod(y * y - (x * x * x - 3n * x + curve.b), curve.p) !== 0n)
    return `the point (x, y) is not on the ${jwk.crv} curve`;
  return undefined;
}

/** RFC 8032 §5.1.3 point decoding, reduced to the question whether it succeeds. */
function ed25519Problem(jwk: Extract<PublicJwk, { kty: 'OKP' }>): string | undefined {
  const bytes = member(jwk.x, 'x');
  if (typeof bytes === 'string') return bytes;
  if (bytes.length !== 32) return `"x" is ${bytes.length} bytes; an Ed25519 public key is 32 bytes (RFC 8037 §2)`;
  // The encoding is y little-endian with x's sign in the top bit of the last byte.
  const bigEndian = Uint8Array.from(bytes).reverse();
  const signBit = bigEndian[0]! >> 7;
  bigEndian[0] = bigEndian[0]! & 0x7f;
  const y = bytesToBigInt(bigEndian);
  if (y >= ED_P) return 'the Ed25519 point encodes a y not below the field prime';
  const u = mod(y * y - 1n, ED_P);
  const v = mod(ED_D * y * y + 1n, ED_P);
  // x² = u / v must be a square (Euler's criterion); x = 0 with the sign bit set is refused by RFC 8032 too.
  const xSquared = (u * modPow(v, ED_P - 2n, ED_P)) % ED_P;
  if (xSquared !== 0n && modPow(xSquared, (ED_P - 1n) / 2n, ED_P) !== 1n)
    return 'the Ed25519 point does not decode to a point on the curve';
  if (xSquared === 0n && signBit === 1) return 'the Ed25519 point encodes x = 0 with the sign bit set';
  return undefined;
}

/** Why `jwk` cannot be a real public key of its type, or undefined when it can. */
export function keyMaterialProblem(jwk: PublicJwk): string | undefined {
  if (jwk.kty === 'RSA') return rsaProblem(jwk);
  if (jwk.kty === 'EC') return nistProblem(jwk);
  return ed25519Problem(jwk);
}
