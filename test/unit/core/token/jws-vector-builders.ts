// Builders for the JWS vector suite (jws-vectors.test.ts): signers with real keys from node:crypto, and the ways a
// test vector departs from a canonical compact JWS — non-canonical base64url in one segment, modified signatures,
// other headers. Every builder is ours; nothing is copied from a published vector file.
import { createHmac, generateKeyPairSync, randomBytes, sign as nodeSign, type KeyObject } from 'node:crypto';
import { CURVE_ORDER, CURVE_SCALAR_BYTES } from '../../../../core/token/crypto/ecdsa';
import { b64u } from './token-helpers';

export type VectorAlg = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'PS256' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';
export const VECTOR_ALGS: readonly VectorAlg[] = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'PS256',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** A key that signs one algorithm, with the public JWK the keyring gets and the key jose verifies with. */
export interface Signer {
  readonly alg: VectorAlg;
  readonly kid: string;
  /** Signature in JWS form (raw r||s for ECDSA). */
  sign(input: string): Buffer;
  /** ECDSA only: the same signature in ASN.1 DER, as X.509 and many libraries write it. */
  signDer?(input: string): Buffer;
  /** The JWK the keyring loads (public part, or the secret for HMAC). */
  readonly jwk: Record<string, unknown>;
  /** What jose's verify functions take. */
  readonly joseKey: KeyObject | Uint8Array;
  /** ECDSA only: the curve. */
  readonly crv?: 'P-256' | 'P-384' | 'P-521';
}

const HASH = { '256': 'sha256', '384': 'sha384', '512': 'sha512' } as const;
const hashOf = (alg: VectorAlg) => HASH[alg.slice(2) as '256'];

/** One signer per algorithm; RS256 and PS256 share one RSA key, as an issuer's key may serve both. */
export function makeSigners(): Record<VectorAlg, Signer> {
  const signers = {} as Record<VectorAlg, Signer>;
  for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
    const secret = randomBytes(64);
    signers[alg] = {
      alg,
      kid: alg,
      sign: (input) => createHmac(hashOf(alg), secret).update(input).digest(),
      jwk: { kty: 'oct', kid: alg, k: b64u(secret) },
      joseKey: new Uint8Array(secret),
    };
  }
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rsaJwk = { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa' };
  signers.RS256 = {
    alg: 'RS256',
    kid: 'rsa',
    sign: (input) => nodeSign('sha256', Buffer.from(input), rsa.privateKey),
    jwk: rsaJwk,
    joseKey: rsa.publicKey,
  };
  signers.PS256 = {
    alg: 'PS256',
    kid: 'rsa',
    sign: (input) => nodeSign('sha256', Buffer.from(input), { key: rsa.privateKey, padding: 6, saltLength: 32 }),
    jwk: rsaJwk,
    joseKey: rsa.publicKey,
  };
  for (const [alg, crv] of [
    ['ES256', 'P-256'],
    ['ES384', 'P-384'],
    ['ES512', 'P-521'],
  ] as const) {
    const pair = generateKeyPairSync('ec', { namedCurve: crv });
    const signWith = (dsaEncoding: 'ieee-p1363' | 'der') => (input: string) =>
      nodeSign(hashOf(alg), Buffer.from(input), { key: pair.privateKey, dsaEncoding });
    signers[alg] = {
      alg,
      kid: alg,
      crv,
      sign: signWith('ieee-p1363'),
      signDer: signWith('der'),
      jwk: { ...pair.publicKey.export({ format: 'jwk' }), kid: alg },
      joseKey: pair.publicKey,
    };
  }
  const ed = generateKeyPairSync('ed25519');
  signers.EdDSA = {
    alg: 'EdDSA',
    kid: 'EdDSA',
    sign: (input) => nodeSign(null, Buffer.from(input), ed.privateKey),
    jwk: { ...ed.publicKey.export({ format: 'jwk' }), kid: 'EdDSA' },
    joseKey: ed.publicKey,
  };
  return signers;
}

export const encodeJson = (value: unknown): string => b64u(JSON.stringify(value));

/** A compact JWS over the segments as given (signed over exactly these characters). */
export function signedCompact(signer: Signer, headerSegment: string, payloadSegment: string): string {
  return `${headerSegment}.${payloadSegment}.${b64u(signer.sign(`${headerSegment}.${payloadSegment}`))}`;
}

/** Replace the signature segment. */
export const withSignatureSegment = (token: string, segment: string): string =>
  `${token.slice(0, token.lastIndexOf('.'))}.${segment}`;
export const withSignatureBytes = (token: string, bytes: Uint8Array): string =>
  withSignatureSegment(token, b64u(bytes));
export const signatureBytes = (token: string): Buffer =>
  Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url');

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A way of spelling a base64url segment that RFC 7515 §2 forbids. `sameBytes` says whether a lenient decoder still
 * reads the same bytes from it (so a signature over the characters as written can match).
 */
export interface Spelling {
  readonly name: string;
  readonly sameBytes: boolean;
  /** The respelt segment, or undefined when the segment offers no place for it (e.g. no '-' to turn into '+'). */
  respell(segment: string): string | undefined;
}

const middle = (segment: string) => Math.floor(segment.length / 2);
const insert = (text: string) => (segment: string) =>
  `${segment.slice(0, middle(segment))}${text}${segment.slice(middle(segment))}`;

export const NON_CANONICAL_SPELLINGS: readonly Spelling[] = [
  {
    name: "'=' padding",
    sameBytes: true,
    respell: (segment) => (segment.length % 4 === 0 ? undefined : segment + '='.repeat(4 - (segment.length % 4))),
  },
  { name: 'a space inside', sameBytes: true, respell: insert(' ') },
  { name: 'a line break inside (MIME style)', sameBytes: true, respell: insert('\r\n') },
  { name: 'a tab inside', sameBytes: true, respell: insert('\t') },
  {
    name: "standard alphabet '+' '/'",
    sameBytes: true,
    respell: (segment) => (/[-_]/.test(segment) ? segment.replace(/-/g, '+').replace(/_/g, '/') : undefined),
  },
  {
    name: 'non-zero unused bits in the last character',
    sameBytes: true,
    respell: (segment) => {
      if (segment.length % 4 < 2) return undefined; // a multiple of 3 bytes leaves no unused bits
      const last = ALPHABET.indexOf(segment.at(-1)!);
      return segment.slice(0, -1) + ALPHABET[last | 1]!;
    },
  },
  { name: "a '*' (outside both alphabets)", sameBytes: false, respell: insert('*') },
  { name: "a non-ASCII 'é'", sameBytes: false, respell: insert('é') },
];

/** A modified signature and whether it must fail (high-S ECDSA still verifies: JOSE does not require low S). */
export interface SignatureChange {
  readonly name: string;
  readonly stillValid: boolean;
  change(signature: Buffer, signer: Signer, input: string): Buffer | undefined;
}

const flipBit = (at: (length: number) => number) => (signature: Buffer) => {
  const copy = Buffer.from(signature);
  copy[at(copy.length)]! ^= 0x01;
  return copy;
};

export const SIGNATURE_CHANGES: readonly SignatureChange[] = [
  { name: 'first bit flipped', stillValid: false, change: flipBit(() => 0) },
  { name: 'middle bit flipped', stillValid: false, change: flipBit((length) => length >> 1) },
  { name: 'last bit flipped', stillValid: false, change: flipBit((length) => length - 1) },
  { name: 'truncated by one byte', stillValid: false, change: (signature) => signature.subarray(0, -1) },
  { name: 'one byte appended', stillValid: false, change: (signature) => Buffer.concat([signature, Buffer.from([0])]) },
  { name: 'all zero', stillValid: false, change: (signature) => Buffer.alloc(signature.length) },
  {
    name: 'halves swapped (r and s for ECDSA)',
    stillValid: false,
    change: (signature) =>
      Buffer.concat([signature.subarray(signature.length >> 1), signature.subarray(0, signature.length >> 1)]),
  },
  {
    name: 'ASN.1 DER encoded (ECDSA)',
    stillValid: false,
    change: (_signature, signer, input) => signer.signDer?.(input),
  },
  {
    name: 'high S, (r, n - s) (ECDSA)',
    stillValid: true,
    change: (signature, signer) => {
      if (!signer.crv) return undefined;
      const size = CURVE_SCALAR_BYTES[signer.crv];
      const s = BigInt(`0x${signature.subarray(size).toString('hex')}`);
      return Buffer.concat([
        signature.subarray(0, size),
        Buffer.from((CURVE_ORDER[signer.crv] - s).toString(16).padStart(size * 2, '0'), 'hex'),
      ]);
    },
  },
];
