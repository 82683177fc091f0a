import type { ReportFinding, ReportRecommendation } from './types';

/**
 * The hardening an investigation should end with, derived from the findings it reports: each rule names the
 * finding ids that call for it, writes its advice from what those findings observed (the key to rotate, the
 * lifetime seen), and cites its references. One table, so adding a rule is one entry.
 */

const OWASP_JWT = 'OWASP JSON Web Token Cheat Sheet';

interface RecommendationRule {
  readonly id: string;
  readonly findingIds: readonly string[];
  readonly references: readonly string[];
  text(findings: readonly ReportFinding[]): string;
}

/** Distinct string values of a detail member across findings, in order of appearance. */
function detailValues(findings: readonly ReportFinding[], names: readonly string[]): string[] {
  const values = new Set<string>();
  for (const finding of findings)
    for (const name of names) {
      const value = finding.detail[name];
      if (value !== undefined && value !== null) values.add(String(value));
    }
  return [...values];
}

/** The keys findings rest on, one name each (`kid "x" (thumbprint …)`), a kid named once whatever repeats it. */
function namedKeys(findings: readonly ReportFinding[]): string[] {
  const thumbprints = new Map<string, string | undefined>();
  for (const key of findings.flatMap((finding) => finding.keys)) {
    const name = key.kid !== undefined ? `kid "${key.kid}"` : `thumbprint ${key.thumbprint ?? 'unknown'}`;
    if (!thumbprints.get(name)) thumbprints.set(name, key.kid !== undefined ? key.thumbprint : undefined);
  }
  return [...thumbprints].map(([name, thumbprint]) => (thumbprint ? `${name} (thumbprint ${thumbprint})` : name));
}

const RULES: readonly RecommendationRule[] = [
  {
    id: 'rotate-key',
    findingIds: [
      'weak-hmac-secret',
      'empty-hmac-key',
      'retired-key-signature',
      'key-outside-validity',
      'key-confusion',
    ],
    references: ['RFC 8725 §3.5', 'RFC 8725 §3.2', OWASP_JWT],
    text: (findings) => {
      const keys = namedKeys(findings);
      const named = keys.length > 0 ? ` (${keys.join('; ')})` : '';
      return `Rotate the signing key that was compromised, guessable or should have been retired${named}, revoke every token it signed, and retire it at the issuer and in every verifier's key set.`;
    },
  },
  {
    id: 'shorten-lifetimes',
    findingIds: ['lifetime-too-long', 'missing-exp', 'use-after-expiry'],
    references: ['RFC 8725 §3.10', 'RFC 9700 §2.2.2', OWASP_JWT],
    text: (findings) => {
      const seen = detailValues(findings, ['lifetimeSeconds']);
      const observed = seen.length > 0 ? ` (observed: ${seen.map((seconds) => `${seconds} s`).join(', ')})` : '';
      return `Shorten access-token lifetimes${observed}, always set exp, and reject expired tokens at every API with a small clock-skew allowance.`;
    },
  },
  {
    id: 'refresh-rotation',
    findingIds: ['refresh-token-reuse', 'replay'],
    references: ['RFC 9700 §4.14.2', 'RFC 6749 §10.4', OWASP_JWT],
    text: () =>
      'Turn on refresh-token rotation with reuse detection: a refresh token redeemed twice revokes its whole family.',
  },
  {
    id: 'reject-alg-none',
    findingIds: ['alg-none', 'signature-missing'],
    references: ['RFC 8725 §3.1', 'RFC 7518 §3.6', OWASP_JWT],
    text: () => 'Reject unsecured tokens (`alg: none`) and tokens without a signature in every verifier.',
  },
  {
    id: 'enforce-audience',
    findingIds: ['audience-misuse', 'audience-not-allowed', 'presented-api'],
    references: ['RFC 8725 §3.9', 'RFC 7519 §4.1.3', OWASP_JWT],
    text: () => 'Enforce the audience per API: each API accepts only tokens whose aud names it.',
  },
  {
    id: 'pin-algorithms',
    findingIds: ['key-confusion', 'algorithm-not-allowed', 'embedded-jwk', 'jku-x5u', 'typ-confusion', 'kid-injection'],
    references: ['RFC 8725 §3.1', 'RFC 8725 §2.1', 'RFC 8725 §3.11', OWASP_JWT],
    text: () =>
      'Pin the algorithm to each key in the verifier (never take it from the token header), ignore keys the token carries (jwk, jku, x5u), and check typ.',
  },
  {
    id: 'enforce-revocation',
    findingIds: ['use-after-revocation', 'use-after-logout'],
    references: ['RFC 7009 §2.2', 'RFC 9700 §4.14', OWASP_JWT],
    text: () =>
      'Make revocation and logout reach the APIs (introspection or a deny list of jti for the remaining lifetime).',
  },
];

/** The recommendations `findings` call for, in the table's order, each naming the findings it follows from. */
export function deriveRecommendations(findings: readonly ReportFinding[]): ReportRecommendation[] {
  const recommendations: ReportRecommendation[] = [];
  for (const rule of RULES) {
    const matched = findings.filter((finding) => rule.findingIds.includes(finding.id));
    if (matched.length === 0) continue;
    recommendations.push({
      id: rule.id,
      text: rule.text(matched),
      references: rule.references,
      findings: matched.map((finding) => finding.key),
    });
  }
  return recommendations;
}
