import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64Url } from '../strict/base64url-strict';
import {
  TAG,
  bitStringBytes,
  children,
  expect,
  oidToString,
  readElement,
  readOnly,
  readTime,
  type Asn1Element,
} from './asn1';
import { spkiElementToJwk, type PublicJwk } from './public-key';
import { readExtensions, type BasicConstraints, type KeyUsageName } from './x509-extensions';

/**
 * X.509 certificates (RFC 5280), read only as far as token forensics needs: subject, issuer, validity, the public
 * key, the signature so a chain can be checked against trust anchors, and the two extensions that say what the key
 * may do (basicConstraints, keyUsage; see x509-extensions.ts). No other extension processing, no revocation.
 */

/** What Tokentrail keeps of a certificate. */
export interface CertificateInfo {
  readonly der: Uint8Array;
  /** The signed part (tbsCertificate), as DER. */
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly subject: string;
  readonly issuer: string;
  /** Raw DER of the subject and issuer Names, compared byte for byte when building chains. */
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  /** Validity window (UTC epoch ms), both ends inclusive (RFC 5280 §4.1.2.5). */
  readonly notBefore: number;
  readonly notAfter: number;
  /** basicConstraints, when the certificate has the extension (RFC 5280 §4.2.1.9). */
  readonly basicConstraints?: BasicConstraints;
  /** keyUsage bits asserted, when the certificate has the extension (RFC 5280 §4.2.1.3). */
  readonly keyUsage?: readonly KeyUsageName[];
  readonly publicJwk: PublicJwk;
  readonly spki: Uint8Array;
  /** x5t#S256: base64url SHA-256 of the DER. */
  readonly sha256Thumbprint: string;
}

const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};
const text = new TextDecoder();

/** A readable one-line form of an X.501 Name: "CN=…, O=…". */
export function describeName(name: Asn1Element): string {
  const parts: string[] = [];
  for (const rdn of children(name)) {
    for (const attribute of children(rdn)) {
      const [type, value] = children(attribute);
      if (!type || !value) continue;
      const label = NAME_ATTRIBUTES[oidToString(type.content)];
      if (label) parts.push(`${label}=${text.decode(value.content)}`);
    }
  }
  return parts.join(', ') || '(empty name)';
}

/** Parse a DER certificate. Throws Asn1Error or UnsupportedKeyError; the key loader reports them. */
export function parseCertificate(der: Uint8Array): CertificateInfo {
  const [tbs, algorithm, signature] = children(readOnly(der, TAG.SEQUENCE));
  const fields = children(expect(tbs, TAG.SEQUENCE, 'tbsCertificate'));
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // explicit version
  const issuer = expect(fields[offset + 2], TAG.SEQUENCE, 'issuer');
  const validity = children(expect(fields[offset + 3], TAG.SEQUENCE, 'validity'));
  const subject = expect(fields[offset + 4], TAG.SEQUENCE, 'subject');
  const spki = expect(fields[offset + 5], TAG.SEQUENCE, 'subjectPublicKeyInfo');
  const [algorithmOid] = children(expect(algorithm, TAG.SEQUENCE, 'signatureAlgorithm'));
  return {
    der,
    tbs: tbs!.der,
    signatureAlgorithm: oidToString(expect(algorithmOid, TAG.OID, 'signature algorithm').content),
    signature: bitStringBytes(expect(signature, TAG.BIT_STRING, 'signatureValue')),
    subject: describeName(subject),
    issuer: describeName(issuer),
    subjectDer: subject.der,
    issuerDer: issuer.der,
    notBefore: readTime(validity[0]!),
    notAfter: readTime(validity[1]!),
    publicJwk: spkiElementToJwk(spki),
    spki: spki.der,
    sha256Thumbprint: encodeBase64Url(sha256(der)),
    ...readExtensions(fields.slice(offset + 6)),
  };
}

/** True when the bytes start like a certificate (SEQUENCE { SEQUENCE { … } … }) rather than a bare key. */
export function looksLikeCertificate(der: Uint8Array): boolean {
  try {
    const outer = readOnly(der, TAG.SEQUENCE);
    const first = readElement(outer.content, 0);
    if (first.tag !== TAG.SEQUENCE) return false;
    const inner = children(first);
    return inner[0]?.tag === 0xa0 || (inner.length >= 6 && inner[0]?.tag === TAG.INTEGER);
  } catch {
    return false;
  }
}

/** The JWS algorithm equivalent to a certificate signature algorithm, so the same verifiers check chains. */
export function certificateSignatureAlgorithm(
  oid: string,
): 'RS256' | 'RS384' | 'RS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA' | undefined {
  const table: Record<string, 'RS256' | 'RS384' | 'RS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA'> = {
    '1.2.840.113549.1.1.11': 'RS256',
    '1.2.840.113549.1.1.12': 'RS384',
    '1.2.840.113549.1.1.13': 'RS512',
    '1.2.840.10045.4.3.2': 'ES256',
    '1.2.840.10045.4.3.3': 'ES384',
    '1.2.840.10045.4.3.4': 'ES512',
    '1.3.101.112': 'EdDSA',
  };
  return table[oid];
}

/** Byte equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
