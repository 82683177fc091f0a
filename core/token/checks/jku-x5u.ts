import type { Finding } from '../findings';
import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** A `jku` or `x5u` header: a URL to fetch keys from. Tokentrail never fetches it; it compares it with the case. */
export const jkuX5u: TokenCheck = {
  id: 'jku-x5u',
  title: 'Key URL in the header (jku / x5u)',
  severity: 'medium',
  references: ['RFC 7515 §4.1.2, §4.1.5', 'RFC 8725 §3.10', 'PortSwigger: JWT header injection (jku)'],
  scope: 'header',
  run({ decoded, caseConfig }) {
    const findings: Finding[] = [];
    for (const field of ['jku', 'x5u'] as const) {
      const value = decoded.header?.[field];
      if (value === undefined) continue;
      const expected = caseConfig?.jwksUri;
      if (typeof value !== 'string')
        findings.push(findingOf(jkuX5u, `"${field}" is not a string URL.`, headerEvidence(decoded, field), 'high'));
      else if (expected !== undefined && value !== expected) {
        findings.push(
          findingOf(
            jkuX5u,
            `"${field}" points to ${value}, not to the issuer's key location ${expected}. A verifier that follows it lets the token choose who vouches for it. (Not fetched.)`,
            headerEvidence(decoded, field, { detail: { expected } }),
            'high',
          ),
        );
      } else if (expected !== undefined) {
        findings.push(
          findingOf(
            jkuX5u,
            `"${field}" names the issuer's own key location (${value}). Fine if verifiers ignore it and use their configured keys.`,
            headerEvidence(decoded, field),
            'info',
          ),
        );
      } else {
        findings.push(
          findingOf(
            jkuX5u,
            `The header tells verifiers to fetch keys from ${value}. With no jwksUri in the case configuration, Tokentrail cannot say whether that is the issuer's. (Not fetched.)`,
            headerEvidence(decoded, field),
          ),
        );
      }
    }
    return findings;
  },
};
