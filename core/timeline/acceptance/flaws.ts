import type { CaseConfig } from '../../evidence/case-config';
import type { KeyHistoryEntry, TokenFacts } from '../types';
import type { ConfiguredApi } from '../util/api-match';

/**
 * The classes of flaw a correct verifier must refuse a token for (docs/detectors.md, "bad-token-accepted"). The first
 * five explain why the signature does not hold with the issuer's keys and are exclusive (the most specific one is
 * named); the others add up: a token can be unsigned, expired and for another audience at once.
 */
export const FLAW_CLASSES = [
  'unsigned',
  'key-confusion',
  'embedded-key',
  'invalid-signature',
  'unknown-key',
  'key-outside-validity',
  'expired',
  'not-yet-valid',
  'wrong-issuer',
  'wrong-audience',
] as const;

/** One class of flaw, see {@link FLAW_CLASSES}. */
export type FlawClass = (typeof FLAW_CLASSES)[number];

/** What a verifier failed to enforce when it accepted a token with this flaw, as a profile or message says it. */
export const FLAW_LABELS: Readonly<Record<FlawClass, string>> = {
  unsigned: 'unsigned tokens (alg none, empty signature)',
  'key-confusion': 'key confusion (HMAC with the public key)',
  'embedded-key': 'keys the token brings itself (jwk, jku, x5u)',
  'invalid-signature': 'invalid signatures',
  'unknown-key': 'keys unknown to the issuer',
  'key-outside-validity': 'keys outside their validity window',
  expired: 'expired tokens',
  'not-yet-valid': 'tokens not yet valid (nbf)',
  'wrong-issuer': 'tokens from another issuer',
  'wrong-audience': 'tokens for another audience',
};

const has = (facts: TokenFacts, ...ids: string[]) => ids.some((id) => facts.checkIds?.includes(id) === true);

/**
 * Why the token's signature does not hold with the issuer's keys, or undefined when it does (or cannot be judged).
 * `keysKnown`: the case holds keys of the issuer (some token verified or failed against a keyring key), so a token
 * that no keyring key fits was signed by a key the issuer never published — without keys, every token is `no-key`.
 */
export function signatureFlaw(facts: TokenFacts, keysKnown: boolean): FlawClass | undefined {
  if (facts.signature === 'unsigned' || has(facts, 'alg-none', 'signature-missing')) return 'unsigned';
  if (has(facts, 'key-confusion')) return 'key-confusion';
  if (facts.signature === 'valid') return undefined;
  // A jwk/jku/x5u header matters only when the issuer's keys do not verify the token: the API then trusted the key
  // the token brought (or fetched), which is what CVE-2018-0114 exploits.
  if (has(facts, 'embedded-jwk', 'jku-x5u')) return 'embedded-key';
  // A kid the keyring does not hold: the token was made with a key the issuer never published (the verifier still
  // tries the other keys, so the verdict is `invalid` when keys of the type exist, `no-key` when none does).
  if ((facts.signature === 'invalid' || facts.signature === 'no-key') && has(facts, 'unknown-kid'))
    return 'unknown-key';
  if (facts.signature === 'invalid') return 'invalid-signature';
  if (facts.signature === 'no-key' && keysKnown) return 'unknown-key';
  return undefined;
}

/** What a request's flaws are judged against besides the token: its time, its API, the case's rules. */
export interface RequestContext {
  readonly ts: number;
  readonly api?: ConfiguredApi;
  readonly caseConfig?: CaseConfig;
  /** The key history entry of the key that verified the token, when the history names it. */
  readonly signingKey?: KeyHistoryEntry;
  readonly clockSkewMs: number;
}

/**
 * Every flaw of one token in one request, in {@link FLAW_CLASSES} order: the signature flaw, then those that depend
 * on the request (time against exp/nbf with the clock skew, the API's audiences, the signing key's state then) and the
 * case (expected issuers).
 */
export function requestFlaws(
  facts: TokenFacts,
  signature: FlawClass | undefined,
  context: RequestContext,
): FlawClass[] {
  const flaws: FlawClass[] = signature ? [signature] : [];
  if (keyOutsideValidity(facts, context)) flaws.push('key-outside-validity');
  if (facts.expiresAt !== undefined && context.ts > facts.expiresAt + context.clockSkewMs) flaws.push('expired');
  if (facts.notBefore !== undefined && context.ts < facts.notBefore - context.clockSkewMs) flaws.push('not-yet-valid');
  const issuers = context.caseConfig?.expectedIssuers ?? [];
  if (issuers.length > 0 && (facts.issuer === undefined || !issuers.includes(facts.issuer))) flaws.push('wrong-issuer');
  const api = context.api;
  if (api && api.audiences.length > 0 && !(facts.audiences ?? []).some((aud) => api.audiences.includes(aud)))
    flaws.push('wrong-audience');
  return flaws;
}

/**
 * With the key's history: compromised, outside its window when the token was made (iat), or revoked by the time of
 * the request — a retired key still verifies the tokens it made while active, a revoked one no longer does. Without
 * a history entry, the token check's verdict (`key-outside-validity`, which also reads certificate validity).
 */
function keyOutsideValidity(facts: TokenFacts, context: RequestContext): boolean {
  const key = context.signingKey;
  if (!key) return has(facts, 'key-outside-validity');
  if (key.compromised === true) return true;
  if (key.revoked !== undefined && context.ts >= key.revoked) return true;
  const signedAt = facts.issuedAt ?? context.ts;
  const start = key.activated ?? key.created;
  return (
    (start !== undefined && signedAt < start) ||
    (key.retired !== undefined && signedAt >= key.retired) ||
    (key.revoked !== undefined && signedAt >= key.revoked)
  );
}

/** Whether a flaw class can be judged at all for an API of this case (else its profile says "not judged", not "never tested"). */
export function flawJudged(
  flaw: FlawClass,
  api: ConfiguredApi | undefined,
  caseConfig: CaseConfig | undefined,
): boolean {
  if (flaw === 'wrong-audience') return api !== undefined && api.audiences.length > 0;
  if (flaw === 'wrong-issuer') return (caseConfig?.expectedIssuers.length ?? 0) > 0;
  return true;
}
