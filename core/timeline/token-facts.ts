import { effectiveSignature, type TokenAnalysis } from '../token/analyze-token';
import type { SignatureVerdict } from '../token/verify/verify-signature';
import { signatureSha256 } from './hashed-tokens/token-digests';
import { personNames } from './identity/person-names';
import type { TokenFacts } from './types';

const APP_VERSION_CLAIMS = ['app_ver', 'app_version', 'appVersion'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const seconds = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;

/**
 * The facts of a token from its claims alone (no signature verdict): jti, sub, sid, client, aud, iat/nbf/exp (as
 * epoch ms), app version. For hosts that decode tokens without verifying them, and for tests.
 */
export function tokenFactsFromClaims(
  tokenHash: string,
  claims: Readonly<Record<string, unknown>> | null | undefined,
): TokenFacts {
  const facts: Record<string, unknown> = { tokenHash };
  if (!claims) return facts as unknown as TokenFacts;
  const aud = claims.aud;
  const set = (name: keyof TokenFacts, value: unknown) => {
    if (value !== undefined) facts[name] = value;
  };
  set('jti', text(claims.jti));
  set('subject', text(claims.sub));
  set('sessionId', text(claims.sid));
  set('clientId', text(claims.client_id) ?? text(claims.azp) ?? text(claims.cid));
  set('issuer', text(claims.iss));
  set(
    'audiences',
    typeof aud === 'string'
      ? [aud]
      : Array.isArray(aud)
        ? aud.filter((item): item is string => typeof item === 'string')
        : undefined,
  );
  set('issuedAt', seconds(claims.iat));
  set('notBefore', seconds(claims.nbf));
  set('expiresAt', seconds(claims.exp));
  set(
    'appVersion',
    APP_VERSION_CLAIMS.map((name) => text(claims[name])).find((value) => value !== undefined),
  );
  // OIDC's preferred_username, email and name claims (Entra's upn / unique_name as the login name).
  set(
    'names',
    personNames(
      text(claims.preferred_username) ?? text(claims.upn) ?? text(claims.unique_name),
      text(claims.email),
      text(claims.name),
    ),
  );
  return facts as unknown as TokenFacts;
}

/** The parts of a signature verdict the timeline reads (a stored verdict, without its trail, is one). */
export type VerdictFacts = Pick<SignatureVerdict, 'status' | 'alg' | 'key'>;

/**
 * The facts of a token from its claims, its signature verdict and the ids of the token checks that fired: for hosts
 * that stored the token engine's results (the renderer's store keeps claims and verdicts, not whole analyses). With
 * the compact form, the signature's SHA-256 is added so records that log only that digest are linked to the token.
 */
export function tokenFactsFromVerdict(
  tokenHash: string,
  claims: Readonly<Record<string, unknown>> | null | undefined,
  verdict: VerdictFacts | undefined,
  checkIds: readonly string[],
  compact?: string,
): TokenFacts {
  const signatureDigest = signatureSha256(compact);
  const base = {
    ...tokenFactsFromClaims(tokenHash, claims),
    ...(signatureDigest !== undefined ? { signatureSha256: signatureDigest } : {}),
  };
  if (!verdict) return { ...base, checkIds: [...new Set(checkIds)] };
  return {
    ...base,
    signature: verdict.status,
    ...(verdict.alg !== undefined ? { alg: verdict.alg } : {}),
    ...(verdict.status === 'valid' && verdict.key
      ? {
          signingKey: {
            ...(verdict.key.kid !== undefined ? { kid: verdict.key.kid } : {}),
            thumbprint: verdict.key.thumbprint,
            source: verdict.key.source,
          },
        }
      : {}),
    checkIds: [...new Set(checkIds)],
  };
}

/**
 * The facts the timeline needs from the token engine's analysis: the claims (of the inner token for a decrypted JWE
 * or nested JWT), the signature verdict and verifying key, and the ids of the checks that fired.
 */
export function tokenFactsFromAnalysis(analysis: TokenAnalysis): TokenFacts {
  let claimsOf: TokenAnalysis = analysis;
  while (claimsOf.inner && !claimsOf.decoded.claims) claimsOf = claimsOf.inner;
  return tokenFactsFromVerdict(
    analysis.tokenHash,
    claimsOf.decoded.claims,
    effectiveSignature(analysis),
    analysis.findings.map((finding) => finding.id),
    analysis.decoded.compact,
  );
}
