import { jwkThumbprint } from '../token/keyring/thumbprint';
import type { PublicJwk } from '../token/keyring/public-key';
import { encodeBase64Url } from '../token/strict/base64url-strict';
import { canonicalJson } from '../util/canonical-json';

/** The algorithms a report may be signed with. */
export type ReportSignatureAlgorithm = 'EdDSA' | 'ES256';

/**
 * Who signs: the host holds the private key (Electron main, a non-extractable WebCrypto key, the CLI's key file)
 * and core only hands it the bytes to sign. `sign` returns the raw JWS signature: 64 bytes for Ed25519, and for
 * ES256 the 64-byte R‖S form (IEEE P1363), not DER.
 */
export interface ReportSigner {
  readonly alg: ReportSignatureAlgorithm;
  /** The public key, embedded in the protected header and named by its RFC 7638 thumbprint as `kid`. */
  readonly publicJwk: PublicJwk;
  /** Signer's name as the report states it. */
  readonly name: string;
  /** The certificate chain (base64 DER, leaf first) when the key is an organisation's, else absent. */
  readonly x5c?: readonly string[];
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
}

/** The protected header of a report signature. `signer` and `signedAt` are private header parameters. */
export interface ReportSignatureHeader {
  readonly alg: ReportSignatureAlgorithm;
  readonly typ: 'tokentrail-report-manifest+jws';
  readonly kid: string;
  readonly jwk: PublicJwk;
  readonly signer: string;
  /** ISO 8601 UTC. */
  readonly signedAt: string;
  readonly x5c?: readonly string[];
}

/**
 * Sign a manifest: a JWS (RFC 7515) in compact serialization with detached content (RFC 7515 Appendix F), i.e.
 * `header..signature`. The signing input is the usual `BASE64URL(header) '.' BASE64URL(manifest bytes)`, so any JOSE
 * library verifies it once the manifest's base64url is put back between the dots (docs/report-verification.md).
 */
export async function signManifest(manifest: Uint8Array, signer: ReportSigner, signedAt: number): Promise<string> {
  const header: ReportSignatureHeader = {
    alg: signer.alg,
    typ: 'tokentrail-report-manifest+jws',
    kid: jwkThumbprint(signer.publicJwk),
    jwk: signer.publicJwk,
    signer: signer.name,
    signedAt: new Date(signedAt).toISOString(),
    x5c: signer.x5c,
  };
  const encodedHeader = encodeBase64Url(new TextEncoder().encode(canonicalJson(header)));
  const signingInput = new TextEncoder().encode(`${encodedHeader}.${encodeBase64Url(manifest)}`);
  const signature = await signer.sign(signingInput);
  return `${encodedHeader}..${encodeBase64Url(signature)}`;
}
