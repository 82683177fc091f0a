import { numericDateMs } from '../strict/claims';
import { findingOf, type TokenCheck } from './check-types';
import { claimEvidence, iso } from './token-facts';
import { countOf } from '../../util/count-of';
import { largestOf } from '../../util/extremes';

/** The evidence shows the token in use after it expired (or before nbf). */
export const usedAfterExp: TokenCheck = {
  id: 'used-after-exp',
  title: 'Used after expiry',
  severity: 'high',
  references: ['RFC 7519 §4.1.4, §4.1.5', 'RFC 8725 §3.10'],
  run({ decoded, useTimes, clockSkewMs }) {
    const exp = numericDateMs(decoded.claims, 'exp');
    const nbf = numericDateMs(decoded.claims, 'nbf');
    const late = exp === undefined ? [] : useTimes.filter((time) => time > exp + clockSkewMs);
    const early = nbf === undefined ? [] : useTimes.filter((time) => time < nbf - clockSkewMs);
    const findings = [];
    if (late.length > 0) {
      const last = largestOf(late);
      findings.push(
        findingOf(
          usedAfterExp,
          `The token was used ${countOf(late.length, 'time')} after it expired at ${iso(exp!)}, the last at ${iso(last)} (${Math.round((last - exp!) / 1000)} s late). If a service accepted those requests, it does not check exp.`,
          claimEvidence(decoded, 'exp', { detail: { uses: late.length, lastUse: iso(last) } }),
        ),
      );
    }
    if (early.length > 0)
      findings.push(
        findingOf(
          usedAfterExp,
          `The token was used ${countOf(early.length, 'time')} before its "nbf" (${iso(nbf!)}).`,
          claimEvidence(decoded, 'nbf', { detail: { uses: early.length } }),
          'medium',
        ),
      );
    return findings;
  },
};
