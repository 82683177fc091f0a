import { findingOf, type TokenCheck } from './check-types';
import { claimEvidence } from './token-facts';

/** An issuer the case configuration does not expect. */
export const issuerNotAllowed: TokenCheck = {
  id: 'issuer-not-allowed',
  title: 'Issuer not expected',
  severity: 'high',
  references: ['RFC 7519 §4.1.1', 'RFC 8725 §3.8'],
  run({ decoded, caseConfig }) {
    const expected = caseConfig?.expectedIssuers ?? [];
    if (!decoded.claims || expected.length === 0) return [];
    const iss = decoded.claims.iss;
    if (iss === undefined)
      return [
        findingOf(
          issuerNotAllowed,
          `The token has no "iss"; the case expects ${expected.join(' or ')}.`,
          claimEvidence(decoded, 'iss'),
          'medium',
        ),
      ];
    if (typeof iss === 'string' && expected.includes(iss)) return [];
    return [
      findingOf(
        issuerNotAllowed,
        `The issuer ${JSON.stringify(iss)} is not one the case expects (${expected.join(', ')}). A token from another tenant or identity provider was presented.`,
        claimEvidence(decoded, 'iss'),
      ),
    ];
  },
};
