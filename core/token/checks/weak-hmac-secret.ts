import { isHmacAlgorithm, JWS_ALGORITHMS } from '../algorithms';
import type { Finding } from '../findings';
import type { KeyringKey } from '../keyring/key-types';
import { COMMON_JWT_SECRETS } from '../secrets/common-secrets';
import { matchCandidates, type SecretMatch, type SecretTarget } from '../secrets/secret-search';
import type { DecodedToken } from '../strict/decode-token';
import { signingKeyOf } from '../verify/verify-signature';
import { findingOf, type TokenCheck } from './check-types';
import { signatureEvidence } from './token-facts';

/**
 * HMAC secrets that can be guessed: a well-known default (built-in list), a word from the investigator's
 * wordlist, or a keyring secret shorter than the hash (RFC 7518 §3.2 requires at least as many bits).
 */

const encoder = new TextEncoder();
const BUILT_IN = COMMON_JWT_SECRETS.map((secret) => encoder.encode(secret));
const BUILT_IN_SET = new Set(COMMON_JWT_SECRETS);

/** A keyring secret as text, decoded once per key (keyring keys are immutable). */
const secretTexts = new WeakMap<KeyringKey, string>();
function secretText(key: KeyringKey): string {
  let text = secretTexts.get(key);
  if (text === undefined) secretTexts.set(key, (text = new TextDecoder().decode(key.secret)));
  return text;
}

/** Show a secret safely: printable text as is (truncated), anything else as hex. */
export function describeSecret(secret: Uint8Array): string {
  const text = new TextDecoder().decode(secret);
  if (/^[\x20-\x7e]*$/.test(text)) return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
  return `0x${[...secret.subarray(0, 32)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}${secret.length > 32 ? '…' : ''}`;
}

/** The target a token offers to a secret search, or undefined when it is not an HS* JWS with a signature. */
export function secretTargetOf(decoded: DecodedToken): SecretTarget | undefined {
  const signature = decoded.signatures[0];
  const alg = signature?.header?.alg;
  if (decoded.form !== 'jws' || !isHmacAlgorithm(alg) || !signature?.signature || signature.signature.length === 0)
    return undefined;
  return { id: decoded.tokenHash, alg, signingInput: signature.signingInput, signature: signature.signature };
}

/** The finding for a secret found by any search (in-thread or a host's parallel one). */
export function weakSecretFinding(decoded: DecodedToken, match: SecretMatch): Finding {
  const where = match.line > 0 ? `line ${match.line} of ${match.source}` : 'the built-in list of common JWT secrets';
  return findingOf(
    weakHmacSecret,
    `The HMAC secret is ${describeSecret(match.secret)} (${where}). Anyone who tries common secrets can forge tokens this service accepts.`,
    signatureEvidence(decoded, {
      detail: {
        secret: describeSecret(match.secret),
        source: match.source,
        ...(match.line > 0 ? { line: match.line } : {}),
      },
    }),
  );
}

export const weakHmacSecret: TokenCheck = {
  id: 'weak-hmac-secret',
  title: 'Weak or guessable HMAC secret',
  severity: 'critical',
  references: ['RFC 7518 §3.2', 'RFC 8725 §3.5', 'jwt_tool -C', 'hashcat mode 16500'],
  run(context) {
    const { decoded, signature: verdict, keyring, hmac } = context;
    const target = secretTargetOf(decoded);
    if (!target) return [];
    const findings: Finding[] = [];
    const signedBy = signingKeyOf(verdict);
    const verifiedBy = signedBy ? keyring.keys.find((key) => key.id === signedBy.id) : undefined;
    if (verifiedBy?.secret) {
      const text = secretText(verifiedBy);
      const needed = JWS_ALGORITHMS[target.alg].signatureLength!;
      if (BUILT_IN_SET.has(text))
        findings.push(
          weakSecretFinding(decoded, {
            targetId: target.id,
            secret: verifiedBy.secret,
            line: 0,
            source: 'built-in list',
          }),
        );
      // An empty keyring secret is empty-hmac-key's finding (critical), not a short secret's.
      else if (verifiedBy.secret.length > 0 && verifiedBy.secret.length < needed) {
        findings.push(
          findingOf(
            weakHmacSecret,
            `The secret that verifies this ${target.alg} token is ${verifiedBy.secret.length} bytes; RFC 7518 §3.2 requires at least ${needed} for ${target.alg}. Short secrets fall to offline guessing.`,
            signatureEvidence(decoded, {
              key: { kid: verifiedBy.kid, thumbprint: verifiedBy.thumbprint, source: verifiedBy.source.file },
              detail: { bytes: verifiedBy.secret.length, required: needed },
            }),
            'high',
          ),
        );
      }
    } else {
      const [match] = matchCandidates([target], BUILT_IN, 0, 'built-in list', hmac);
      if (match) findings.push(weakSecretFinding(decoded, match));
    }
    if (findings.length > 0 || !context.secretSearch) return findings; // synchronous for the bulk of tokens
    return context.secretSearch.search([target]).then(([match]) => (match ? [weakSecretFinding(decoded, match)] : []));
  },
};
