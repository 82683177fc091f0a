import type { Finding } from '../findings';
import { numericDateMs } from '../strict/claims';
import { findingOf, type TokenCheck } from './check-types';
import { claimEvidence, iso } from './token-facts';

/** nbf (or iat) at or after exp: a token that was never valid. */
export const nbfAfterExp: TokenCheck = {
  id: 'nbf-after-exp',
  title: 'Not valid before it expires',
  severity: 'medium',
  references: ['RFC 7519 §4.1.4, §4.1.5'],
  run({ decoded }) {
    const exp = numericDateMs(decoded.claims, 'exp');
    if (exp === undefined) return [];
    const findings: Finding[] = [];
    const nbf = numericDateMs(decoded.claims, 'nbf');
    const iat = numericDateMs(decoded.claims, 'iat');
    if (nbf !== undefined && nbf >= exp)
      findings.push(
        findingOf(
          nbfAfterExp,
          `"nbf" (${iso(nbf)}) is not before "exp" (${iso(exp)}): the token was never valid. Hand-made claims, not an issuer's.`,
          claimEvidence(decoded, 'nbf'),
        ),
      );
    else if (iat !== undefined && iat > exp)
      findings.push(
        findingOf(
          nbfAfterExp,
          `"iat" (${iso(iat)}) is after "exp" (${iso(exp)}): the token expired before it was issued.`,
          claimEvidence(decoded, 'iat'),
        ),
      );
    return findings;
  },
};
