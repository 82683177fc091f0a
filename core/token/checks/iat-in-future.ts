import { numericDateMs } from '../strict/claims';
import { findingOf, type TokenCheck } from './check-types';
import { claimEvidence, iso } from './token-facts';
import { smallestOf } from '../../util/extremes';

/** iat later than when the token was first used (or than the analysis, when no use is known). */
export const iatInFuture: TokenCheck = {
  id: 'iat-in-future',
  title: 'Issued in the future',
  severity: 'medium',
  references: ['RFC 7519 §4.1.6'],
  run({ decoded, useTimes, now, clockSkewMs }) {
    const iat = numericDateMs(decoded.claims, 'iat');
    if (iat === undefined) return [];
    const reference = useTimes.length > 0 ? smallestOf(useTimes) : now;
    if (iat <= reference + clockSkewMs) return [];
    const against =
      useTimes.length > 0 ? `its first use at ${iso(reference)}` : `the time of analysis (${iso(reference)})`;
    return [
      findingOf(
        iatInFuture,
        `The token says it was issued at ${iso(iat)}, after ${against}. Forged or backdated claims, or a badly wrong clock at the issuer.`,
        claimEvidence(decoded, 'iat', { detail: { iat: iso(iat), reference: iso(reference) } }),
      ),
    ];
  },
};
