import { decodeBase64UrlStrict, encodeBase64Url } from '../strict/base64url-strict';
import {
  Asn1Error,
  TAG,
  bitStringBytes,
  children,
  encodeElement,
  encodeOid,
  encodeUnsignedInteger,
  expect,
  oidToString,
  readOnly,
  unsignedInteger,
  type Asn1Element,
} from './asn1';

/**
 * Public keys between their encodings: SubjectPublicKeyInfo (SPKI), PKCS#1 RSAPublicKey, the public part of
 * PKCS#8 / PKCS#1 / SEC1 private keys, and JWK. Only public material ever leaves this module.
 */

/** A public key as a JWK with only the members RFC 7638 hashes. */
export type PublicJwk =
  | { readonly kty: 'RSA'; readonly n: string; readonly e: string }
  | { readonly kty: 'EC'; readonly crv: 'P-256' | 'P-384' | 'P-521'; readonly x: string; readonly y: string }
  | { readonly kty: 'OKP'; readonly crv: 'Ed25519'; readonly x: string };

/** OIDs of key algorithms and curves. */
export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
  x25519: '1.3.101.110',
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
} as const;

const CURVE_BY_OID: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  [OID['P-256']]: 'P-256',
  [OID['P-384']]: 'P-384',
  [OID['P-521']]: 'P-521',
};
const COORDINATE_BYTES = { 'P-256': 32, 'P-384': 48, 'P-521': 66 } as const;

/** Thrown for keys of a type Tokentrail cannot use to verify JWS (X25519, DSA, unknown OIDs). */
export class UnsupportedKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedKeyError';
  }
}

const b64 = encodeBase64Url;

function ecPoint(point: Uint8Array, crv: 'P-256' | 'P-384' | 'P-521'): PublicJwk {
  const size = COORDINATE_BYTES[crv];
  if (point[0] !== 0x04 || point.length !== 1 + 2 * size)
    throw new UnsupportedKeyError(`the ${crv} public point is not an uncompressed point of ${1 + 2 * size} bytes`);
  return { kty: 'EC', crv, x: b64(point.subarray(1, 1 + size)), y: b64(point.subarray(1 + size)) };
}

/** PKCS#1 RSAPublicKey DER to JWK. */
export function pkcs1PublicToJwk(der: Uint8Array): PublicJwk {
  const [n, e] = children(readOnly(der, TAG.SEQUENCE));
  return {
    kty: 'RSA',
    n: b64(unsignedInteger(expect(n, TAG.INTEGER, 'modulus'))),
    e: b64(unsignedInteger(expect(e, TAG.INTEGER, 'exponent'))),
  };
}

function algorithmOf(identifier: Asn1Element): { oid: string; parameter?: string } {
  const [oid, parameter] = children(expect(identifier, TAG.SEQUENCE, 'AlgorithmIdentifier'));
  return {
    oid: oidToString(expect(oid, TAG.OID, 'algorithm OID').content),
    parameter: parameter?.tag === TAG.OID ? oidToString(parameter.content) : undefined,
  };
}

/** SubjectPublicKeyInfo element to JWK. */
export function spkiElementToJwk(spki: Asn1Element): PublicJwk {
  const [identifier, key] = children(expect(spki, TAG.SEQUENCE, 'SubjectPublicKeyInfo'));
  const { oid, parameter } = algorithmOf(identifier!);
  const bits = bitStringBytes(expect(key, TAG.BIT_STRING, 'subjectPublicKey'));
  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) return pkcs1PublicToJwk(bits);
  if (oid === OID.ecPublicKey) {
    const crv = parameter ? CURVE_BY_OID[parameter] : undefined;
    if (!crv)
      throw new UnsupportedKeyError(`EC curve ${parameter ?? '(none)'} is not one JWS uses (P-256, P-384, P-521)`);
    return ecPoint(bits, crv);
  }
  if (oid === OID.ed25519) {
    if (bits.length !== 32) throw new UnsupportedKeyError('an Ed25519 public key is 32 bytes');
    return { kty: 'OKP', crv: 'Ed25519', x: b64(bits) };
  }
  if (oid === OID.x25519) throw new UnsupportedKeyError('X25519 is a key-agreement key; it cannot verify signatures');
  throw new UnsupportedKeyError(`key algorithm ${oid} is not a JWS signature key type`);
}

/** SPKI DER to JWK. */
export function spkiToJwk(der: Uint8Array): PublicJwk {
  return spkiElementToJwk(readOnly(der, TAG.SEQUENCE));
}

/** What a private key yields: the public JWK, or what is needed to derive it when the file does not carry it. */
export type PrivateKeyPublicPart =
  | { readonly jwk: PublicJwk }
  | {
      readonly derive:
        { readonly kind: 'Ed25519' } | { readonly kind: 'EC'; readonly crv: 'P-256' | 'P-384' | 'P-521' };
      readonly pkcs8: Uint8Array;
    };

/** PKCS#1 RSAPrivateKey DER: its public part (n and e are fields 2 and 3). */
export function pkcs1PrivateToJwk(der: Uint8Array): PublicJwk {
  const [, n, e] = children(readOnly(der, TAG.SEQUENCE));
  return {
    kty: 'RSA',
    n: b64(unsignedInteger(expect(n, TAG.INTEGER, 'modulus'))),
    e: b64(unsignedInteger(expect(e, TAG.INTEGER, 'exponent'))),
  };
}

/** SEC1 ECPrivateKey: the public key from its optional [1] member; `crv` comes from [0] or from PKCS#8. */
export function sec1ToPublic(der: Uint8Array, outerCurve?: string, pkcs8?: Uint8Array): PrivateKeyPublicPart {
  const members = children(readOnly(der, TAG.SEQUENCE));
  const parameters = members.find((member) => member.tag === 0xa0);
  const publicKey = members.find((member) => member.tag === 0xa1);
  const curveOid = parameters ? oidToString(expect(children(parameters)[0], TAG.OID, 'curve').content) : outerCurve;
  const crv = curveOid ? CURVE_BY_OID[curveOid] : undefined;
  if (!crv) throw new UnsupportedKeyError(`EC curve ${curveOid ?? '(unnamed)'} is not one JWS uses`);
  if (publicKey)
    return { jwk: ecPoint(bitStringBytes(expect(children(publicKey)[0], TAG.BIT_STRING, 'publicKey')), crv) };
  if (!pkcs8) throw new UnsupportedKeyError('the EC private key does not carry its public key');
  return { derive: { kind: 'EC', crv }, pkcs8 };
}

/** PKCS#8 PrivateKeyInfo / OneAsymmetricKey: the public part, or how to derive it. */
export function pkcs8ToPublic(der: Uint8Array): PrivateKeyPublicPart {
  const members = children(readOnly(der, TAG.SEQUENCE));
  const { oid, parameter } = algorithmOf(members[1]!);
  const privateKey = expect(members[2], TAG.OCTET_STRING, 'privateKey').content;
  if (oid === OID.rsaEncryption || oid === OID.rsassaPss) return { jwk: pkcs1PrivateToJwk(privateKey) };
  if (oid === OID.ecPublicKey) return sec1ToPublic(privateKey, parameter, der);
  if (oid === OID.ed25519) {
    const publicKey = members.find((member) => member.tag === 0x81); // OneAsymmetricKey v2 [1] publicKey
    if (publicKey && publicKey.content.length === 33)
      return { jwk: { kty: 'OKP', crv: 'Ed25519', x: b64(publicKey.content.subarray(1)) } };
    return { derive: { kind: 'Ed25519' }, pkcs8: der };
  }
  if (oid === OID.x25519) throw new UnsupportedKeyError('X25519 is a key-agreement key; it cannot verify signatures');
  throw new UnsupportedKeyError(`private key algorithm ${oid} is not a JWS signature key type`);
}

const bytesOf = (value: string): Uint8Array => {
  const { bytes } = decodeBase64UrlStrict(value, 'JWK member');
  if (!bytes) throw new Asn1Error('a JWK member is not base64url', 0);
  return bytes;
};

/** PKCS#1 RSAPublicKey DER of an RSA JWK. */
export function jwkToPkcs1(jwk: Extract<PublicJwk, { kty: 'RSA' }>): Uint8Array {
  return encodeElement(TAG.SEQUENCE, encodeUnsignedInteger(bytesOf(jwk.n)), encodeUnsignedInteger(bytesOf(jwk.e)));
}

/** SubjectPublicKeyInfo DER of a public JWK (the form OpenSSL writes as "PUBLIC KEY"). */
export function jwkToSpki(jwk: PublicJwk): Uint8Array {
  const bitString = (bytes: Uint8Array) => encodeElement(TAG.BIT_STRING, Uint8Array.of(0), bytes);
  if (jwk.kty === 'RSA')
    return encodeElement(
      TAG.SEQUENCE,
      encodeElement(TAG.SEQUENCE, encodeOid(OID.rsaEncryption), Uint8Array.of(TAG.NULL, 0)),
      bitString(jwkToPkcs1(jwk)),
    );
  if (jwk.kty === 'EC') {
    const point = new Uint8Array([0x04, ...bytesOf(jwk.x), ...bytesOf(jwk.y)]);
    return encodeElement(
      TAG.SEQUENCE,
      encodeElement(TAG.SEQUENCE, encodeOid(OID.ecPublicKey), encodeOid(OID[jwk.crv])),
      bitString(point),
    );
  }
  return encodeElement(TAG.SEQUENCE, encodeElement(TAG.SEQUENCE, encodeOid(OID.ed25519)), bitString(bytesOf(jwk.x)));
}

/** Read the public JWK members of any JWK object; undefined when it is not a usable public key. */
export function publicJwkOf(jwk: Record<string, unknown>): PublicJwk | undefined {
  const text = (name: string) =>
    typeof jwk[name] === 'string' && jwk[name] !== '' ? (jwk[name] as string) : undefined;
  if (jwk.kty === 'RSA' && text('n') && text('e')) return { kty: 'RSA', n: text('n')!, e: text('e')! };
  if (jwk.kty === 'EC' && (jwk.crv === 'P-256' || jwk.crv === 'P-384' || jwk.crv === 'P-521') && text('x') && text('y'))
    return { kty: 'EC', crv: jwk.crv, x: text('x')!, y: text('y')! };
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && text('x')) return { kty: 'OKP', crv: 'Ed25519', x: text('x')! };
  return undefined;
}

/** RSA modulus size in bits. */
export function rsaModulusBits(jwk: Extract<PublicJwk, { kty: 'RSA' }>): number {
  const n = bytesOf(jwk.n);
  let start = 0;
  while (start < n.length && n[start] === 0) start++;
  return n.length === start ? 0 : (n.length - start - 1) * 8 + (32 - Math.clz32(n[start]!));
}
