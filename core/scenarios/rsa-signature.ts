import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBase64UrlStrict, encodeBase64Url } from '../token';
import type { FixtureRsaKey } from './fixture-keys';

/** DER prefix of DigestInfo for SHA-256 (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
const SHA256_DIGEST_INFO_TAIL = [0x05, 0x00, 0x04, 0x20];

const toBigInt = (base64url: string): bigint => {
  const bytes = decodeBase64UrlStrict(base64url, 'key').bytes!;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
};

function modularPower(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = base % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
}

interface PreparedKey {
  readonly p: bigint;
  readonly q: bigint;
  readonly dp: bigint;
  readonly dq: bigint;
  readonly qi: bigint;
  readonly length: number;
}

const prepared = new WeakMap<FixtureRsaKey, PreparedKey>();

function prepare(key: FixtureRsaKey): PreparedKey {
  let ready = prepared.get(key);
  if (!ready) {
    ready = {
      p: toBigInt(key.p),
      q: toBigInt(key.q),
      dp: toBigInt(key.dp),
      dq: toBigInt(key.dq),
      qi: toBigInt(key.qi),
      length: decodeBase64UrlStrict(key.n, 'key').bytes!.length,
    };
    prepared.set(key, ready);
  }
  return ready;
}

/**
 * RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2.1, JWA RS256) in pure TypeScript with BigInt and the Chinese
 * remainder theorem: deterministic, so the same input always gives the same signature bytes, on every host.
 * Not constant-time: it signs training material only.
 */
export function signRs256(key: FixtureRsaKey, signingInput: string): string {
  const { p, q, dp, dq, qi, length } = prepare(key);
  const digest = sha256(new TextEncoder().encode(signingInput));
  const tail = [...SHA256_DIGEST_INFO, ...SHA256_DIGEST_INFO_TAIL, ...digest];
  const encoded = [0x00, 0x01, ...new Array<number>(length - tail.length - 3).fill(0xff), 0x00, ...tail];
  let message = 0n;
  for (const byte of encoded) message = (message << 8n) | BigInt(byte);
  const m1 = modularPower(message, dp, p);
  const m2 = modularPower(message, dq, q);
  const h = (qi * (((m1 - m2) % p) + p)) % p;
  let signature = m2 + h * q;
  const bytes = new Uint8Array(length);
  for (let at = length - 1; at >= 0; at--) {
    bytes[at] = Number(signature & 0xffn);
    signature >>= 8n;
  }
  return encodeBase64Url(bytes);
}

/** The public half of a fixture key as a JWK, with its kid. */
export function publicJwk(key: FixtureRsaKey, kid: string): Record<string, string> {
  return { kty: 'RSA', n: key.n, e: key.e, kid, use: 'sig', alg: 'RS256' };
}
