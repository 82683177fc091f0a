import type { JwsAlgorithm } from '../algorithms';
import { CURVE_SCALAR_BYTES, derToRawSignature } from '../crypto/ecdsa';
import type { SignatureVerifier } from '../crypto/signature-verifier';
import type { Keyring } from '../keyring/key-types';
import { publicKeyEntry } from '../keyring/load-keys';
import { jwkThumbprint } from '../keyring/thumbprint';
import { certificateSignatureAlgorithm, parseCertificate, sameBytes, type CertificateInfo } from '../keyring/x509';
import { decodeBase64UrlStrict } from '../strict/base64url-strict';
import { verificationKeyOf } from '../verify/key-selection';
import type { Finding } from '../findings';
import { findingOf, type CheckContext, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** True when `issuer`'s key verifies `certificate`'s signature. */
export async function certificateSignedBy(certificate: CertificateInfo, issuer: CertificateInfo, verifier: SignatureVerifier): Promise<boolean> {
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

/** Whether a chain (leaf first) reaches a certificate of the keyring, link by verified link. */
export async function chainReachesAnchor(chain: readonly CertificateInfo[], keyring: Keyring, verifier: SignatureVerifier): Promise<{ anchored: boolean; brokenAt?: number }> {
  for (let index = 0; index < chain.length; index++) {
    const certificate = chain[index]!;
    if (keyring.certificates.some((anchor) => sameBytes(anchor.der, certificate.der))) return { anchored: true };
    for (const anchor of keyring.certificates) if (await certificateSignedBy(certificate, anchor, verifier)) return { anchored: true };
    const next = chain[index + 1];
    if (!next || !(await certificateSignedBy(certificate, next, verifier))) return { anchored: false, brokenAt: index };
  }
  return { anchored: false };
}

/** An `x5c` chain that does not reach a configured trust anchor, or whose leaf key is not in the keyring. */
export const x5cUntrusted: TokenCheck = {
  id: 'x5c-untrusted',
  title: 'x5c certificate chain not trusted',
  severity: 'high',
  references: ['RFC 7515 §4.1.6', 'RFC 5280 §6', 'RFC 8725 §3.10', 'CVE-2017-2800'],
  run(context) {
    return context.decoded.header?.x5c === undefined ? [] : inspectX5c(context);
  },
};

async function inspectX5c({ decoded, keyring, verifier }: CheckContext): Promise<Finding[]> {
    const x5c = decoded.header?.x5c;
    if (!Array.isArray(x5c) || x5c.length === 0 || !x5c.every((entry) => typeof entry === 'string')) return [findingOf(x5cUntrusted, '"x5c" must be a non-empty array of base64 DER certificates.', headerEvidence(decoded, 'x5c'))];
    const chain: CertificateInfo[] = [];
    for (const [index, entry] of (x5c as string[]).entries()) {
      const der = decodeBase64UrlStrict(entry, 'x5c').bytes;
      try {
        chain.push(parseCertificate(der ?? new Uint8Array(0)));
      } catch (error) {
        return [findingOf(x5cUntrusted, `x5c certificate ${index + 1} cannot be read (${error instanceof Error ? error.message : String(error)}).`, headerEvidence(decoded, 'x5c'))];
      }
    }
    const leaf = chain[0]!;
    const leafThumbprint = jwkThumbprint(leaf.publicJwk);
    const leafKnown = keyring.keys.some((key) => key.thumbprint === leafThumbprint);
    const { anchored, brokenAt } = await chainReachesAnchor(chain, keyring, verifier);
    const evidence = headerEvidence(decoded, 'x5c', { key: { thumbprint: leafThumbprint, source: 'x5c leaf' }, detail: { leaf: leaf.subject, anchored, leafInKeyring: leafKnown } });
    if (!anchored) {
      const where = brokenAt === undefined ? '' : ` (the chain stops at certificate ${brokenAt + 1}, "${chain[brokenAt]!.subject}", issued by "${chain[brokenAt]!.issuer}")`;
      return [findingOf(x5cUntrusted, `The x5c chain for "${leaf.subject}" does not reach any certificate in the keyring${where}. A verifier that trusted x5c accepted a key the token brought along.`, evidence)];
    }
    if (!leafKnown) return [findingOf(x5cUntrusted, `The x5c chain reaches a trust anchor, but its leaf key ("${leaf.subject}") is not in the keyring: check that this certificate was meant to sign tokens.`, evidence, 'medium')];
    return [];
}
