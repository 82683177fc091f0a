import { encodeBase64Url, pureHmac } from '../token';
import type { FixtureRsaKey } from './fixture-keys';
import { signRs256 } from './rsa-signature';

/**
 * Signs an RS256 signing input with a fixture key, returning the base64url signature. Core's is pure TypeScript
 * ({@link signRs256}); a Node host may pass node:crypto's, which gives the same bytes (PKCS#1 v1.5 is
 * deterministic) many times faster.
 */
export type Rs256Signer = (key: FixtureRsaKey, signingInput: string) => string;

/** A JOSE header or a claim set: JSON members in the order given (the order is part of the bytes). */
export type JsonObject = Readonly<Record<string, unknown>>;

const encodeJson = (value: JsonObject): string => encodeBase64Url(new TextEncoder().encode(JSON.stringify(value)));

/** How a scenario token is signed: by a fixture RSA key, with an HMAC secret, or not at all (alg none). */
export type TokenSigning =
  | { readonly kind: 'rs256'; readonly key: FixtureRsaKey }
  | { readonly kind: 'hs256'; readonly secret: Uint8Array }
  | { readonly kind: 'none' };

/**
 * A compact JWS over `header` and `claims`, really signed: RS256 with a fixture key, HS256 with a secret (a weak
 * one, a public key's PEM text, an empty one), or unsigned with an empty signature part.
 */
export function compactJws(
  header: JsonObject,
  claims: JsonObject,
  signing: TokenSigning,
  signer: Rs256Signer = signRs256,
): string {
  const input = `${encodeJson(header)}.${encodeJson(claims)}`;
  switch (signing.kind) {
    case 'rs256':
      return `${input}.${signer(signing.key, input)}`;
    case 'hs256':
      return `${input}.${encodeBase64Url(pureHmac.hmac('SHA-256', signing.secret, new TextEncoder().encode(input)))}`;
    case 'none':
      return `${input}.`;
  }
}
