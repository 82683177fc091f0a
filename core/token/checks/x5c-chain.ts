import type { JwsAlgorithm } from '../algorithms';
import { CURVE_SCALAR_BYTES, derToRawSignature } from '../crypto/ecdsa';
import type { SignatureVerifier } from '../crypto/signature-verifier';
import type { Keyring } from '../keyring/key-types';
import { publicKeyEntry } from '../keyring/load-keys';
import { certificateSignatureAlgorithm, parseCertificate, sameBytes, type CertificateInfo } from '../keyring/x509';
import type { DecodedToken } from '../strict/decode-token';
import { decodeBase64UrlStrict } from '../strict/base64url-strict';
import { verificationKeyOf } from '../verify/key-selection';
import { iso } from './token-facts';

/**
 * The `x5c` chain of a token, read once and shared by the x5c checks: the certificates (leaf first, RFC 7515
 * §4.1.6) and how far they link, signature by signature, towards a certificate of the keyring. Both readings are
 * cached per decoded token, so several checks looking at one chain parse and verify it once.
 */

/** The certificates of an `x5c` header, or why they cannot be read. */
export type X5cReading = { readonly chain: readonly CertificateInfo[] } | { readonly problem: string };

const readings = new WeakMap<DecodedToken, X5cReading>();

function readX5c(x5c: unknown): X5cReading {
  if (!Array.isArray(x5c) || x5c.length === 0 || !x5c.every((entry) => typeof entry === 'string'))
    return { problem: '"x5c" must be a non-empty array of base64 DER certificates.' };
  const chain: CertificateInfo[] = [];
  for (const [index, entry] of (x5c as string[]).entries()) {
    const der = decodeBase64UrlStrict(entry, 'x5c').bytes;
    try {
      chain.push(parseCertificate(der ?? new Uint8Array(0)));
    } catch (error) {
      return {
        problem: `x5c certificate ${index + 1} cannot be read (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
  }
  return { chain };
}

/** The token's `x5c` certificates, or undefined when it has no `x5c` header. */
export function x5cReadingOf(decoded: DecodedToken): X5cReading | undefined {
  const x5c = decoded.header?.x5c;
  if (x5c === undefined) return undefined;
  let reading = readings.get(decoded);
  if (!reading) {
    reading = readX5c(x5c);
    readings.set(decoded, reading);
  }
  return reading;
}

/** The certificates of the token's `x5c` header; empty when it has none or it cannot be read (x5c-untrusted says so). */
export function x5cChainOf(decoded: DecodedToken): readonly CertificateInfo[] {
  const reading = x5cReadingOf(decoded);
  return reading && 'chain' in reading ? reading.chain : [];
}

/** True when `issuer`'s key verifies `certificate`'s signature. */
export async function certificateSignedBy(
  certificate: CertificateInfo,
  issuer: CertificateInfo,
  verifier: SignatureVerifier,
): Promise<boolean> {
  if (!sameBytes(certificate.issuerDer, issuer.subjectDer)) return false;
  const alg = certificateSignatureAlgorithm(certificate.signatureAlgorithm);
  if (!alg) return false;
  let signature = certificate.signature;
  if (alg.startsWith('ES')) {
    const jwk = issuer.publicJwk;
    if (jwk.kty !== 'EC') return false;
    const raw = derToRawSignature(signature, CURVE_SCALAR_BYTES[jwk.crv]);
    if (!raw) return false;
    signature = raw;
  }
  const key = publicKeyEntry(issuer.publicJwk, { file: 'certificate', format: 'x5c' });
  const expected: Record<string, JwsAlgorithm> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
  const pinned = alg.startsWith('ES') && issuer.publicJwk.kty === 'EC' ? expected[issuer.publicJwk.crv]! : alg;
  if (alg.startsWith('ES') && pinned.slice(2) !== alg.slice(2)) return false; // hash/curve pairs JWS cannot express
  return verifier.verify(pinned, verificationKeyOf(key), certificate.tbs, signature);
}

/** How far an x5c chain links towards the keyring. */
export interface ChainWalk {
  /** True when the chain reaches a certificate of the keyring, link by verified link. */
  readonly anchored: boolean;
  /** Index of the last x5c certificate of the path: the keyring certificate itself, the one a keyring certificate signed, or where the links stop. */
  readonly end: number;
  /** The keyring certificate that signed `chain[end]`, when the chain is anchored by a signature rather than by containing a keyring certificate. */
  readonly anchor?: CertificateInfo;
}

/** Whether a chain (leaf first) reaches a certificate of the keyring, link by verified link. */
export async function chainReachesAnchor(
  chain: readonly CertificateInfo[],
  keyring: Keyring,
  verifier: SignatureVerifier,
): Promise<ChainWalk> {
  for (let index = 0; index < chain.length; index++) {
    const certificate = chain[index]!;
    if (keyring.certificates.some((anchor) => sameBytes(anchor.der, certificate.der)))
      return { anchored: true, end: index };
    for (const anchor of keyring.certificates)
      if (await certificateSignedBy(certificate, anchor, verifier)) return { anchored: true, end: index, anchor };
    const next = chain[index + 1];
    if (!next || !(await certificateSignedBy(certificate, next, verifier))) return { anchored: false, end: index };
  }
  return { anchored: false, end: -1 }; // only for an empty chain
}

interface CachedWalk {
  readonly keyring: Keyring;
  readonly verifier: SignatureVerifier;
  readonly walk: Promise<ChainWalk>;
}
const walks = new WeakMap<DecodedToken, CachedWalk>();

/** {@link chainReachesAnchor} for the token's x5c chain, computed once per token, keyring and verifier. */
export function x5cChainWalk(
  decoded: DecodedToken,
  chain: readonly CertificateInfo[],
  keyring: Keyring,
  verifier: SignatureVerifier,
): Promise<ChainWalk> {
  const cached = walks.get(decoded);
  if (cached && cached.keyring === keyring && cached.verifier === verifier) return cached.walk;
  const walk = chainReachesAnchor(chain, keyring, verifier);
  walks.set(decoded, { keyring, verifier, walk });
  return walk;
}

/** How messages name an x5c certificate: its position counted from 1 (the leaf) and its subject. */
export function certificateName(certificate: CertificateInfo, x5cIndex: number): string {
  return `certificate ${x5cIndex + 1} ("${certificate.subject}")`;
}

/** Evidence details that identify a certificate: where it sits, who it names, its window and its x5t#S256. */
export function certificateDetail(
  certificate: CertificateInfo,
  x5cIndex: number | undefined,
): Record<string, string | number | null> {
  return {
    x5cIndex: x5cIndex ?? null,
    source: x5cIndex === undefined ? 'keyring' : 'x5c',
    subject: certificate.subject,
    issuer: certificate.issuer,
    notBefore: iso(certificate.notBefore),
    notAfter: iso(certificate.notAfter),
    sha256Thumbprint: certificate.sha256Thumbprint,
  };
}
