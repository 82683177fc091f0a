import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64Url } from '../strict/base64url-strict';
import type { PublicJwk } from './public-key';

/**
 * RFC 7638 JWK thumbprints: SHA-256 over the required members in lexicographic order, no whitespace,
 * base64url without padding. The same key has the same thumbprint whatever file or format it came from.
 */

/** The canonical JSON RFC 7638 hashes. */
export function thumbprintInput(jwk: PublicJwk | { readonly kty: 'oct'; readonly k: string }): string {
  switch (jwk.kty) {
    case 'RSA':
      return `{"e":${JSON.stringify(jwk.e)},"kty":"RSA","n":${JSON.stringify(jwk.n)}}`;
    case 'EC':
      return `{"crv":${JSON.stringify(jwk.crv)},"kty":"EC","x":${JSON.stringify(jwk.x)},"y":${JSON.stringify(jwk.y)}}`;
    case 'OKP':
      return `{"crv":${JSON.stringify(jwk.crv)},"kty":"OKP","x":${JSON.stringify(jwk.x)}}`;
    case 'oct':
      return `{"k":${JSON.stringify(jwk.k)},"kty":"oct"}`;
  }
}

/** RFC 7638 SHA-256 thumbprint of a public JWK. */
export function jwkThumbprint(jwk: PublicJwk): string {
  return encodeBase64Url(sha256(new TextEncoder().encode(thumbprintInput(jwk))));
}

/** RFC 7638 thumbprint of a symmetric key (over {"k","kty":"oct"}); identifies a secret without revealing it. */
export function secretThumbprint(secret: Uint8Array): string {
  return encodeBase64Url(sha256(new TextEncoder().encode(thumbprintInput({ kty: 'oct', k: encodeBase64Url(secret) }))));
}
