import type { Finding } from '../findings';
import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** alg "none" in any letter case: an unsecured token that proves nothing (CVE-2015-9235 and its many cousins). */
export const algNone: TokenCheck = {
  id: 'alg-none',
  title: 'Unsecured token (alg none)',
  severity: 'critical',
  references: ['RFC 7519 §6', 'RFC 7518 §3.6', 'RFC 8725 §2.1, §3.1', 'CVE-2015-9235', 'CVE-2015-2951'],
  run({ decoded }) {
    const findings: Finding[] = []; // a loop, not flatMap: this runs on every token
    for (const signature of decoded.signatures) {
      const alg = signature.header?.alg;
      if (typeof alg !== 'string' || alg.length !== 4 || alg.toLowerCase() !== 'none') continue;
      const variant =
        alg === 'none' ? '' : ` (written "${alg}", a case variant aimed at filters that only block lower-case "none")`;
      const signed =
        signature.signature && signature.signature.length > 0
          ? ' It nevertheless carries signature bytes, which a verifier honouring "none" ignores.'
          : '';
      findings.push(
        findingOf(
          algNone,
          `The token declares alg "none"${variant}: it has no signature, so anyone could have written it. A service that accepted it skipped verification entirely.${signed}`,
          headerEvidence(decoded, 'alg'),
        ),
      );
    }
    return findings;
  },
};
