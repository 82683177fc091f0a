import type { Finding } from '../findings';
import { algorithmSpec } from '../algorithms';
import { findingOf, type TokenCheck } from './check-types';
import { signatureEvidence } from './token-facts';

/** A signed algorithm with an empty or missing signature part: the signature was stripped. */
export const signatureMissing: TokenCheck = {
  id: 'signature-missing',
  title: 'Missing or stripped signature',
  severity: 'critical',
  references: ['RFC 7515 §5.2', 'RFC 8725 §3.1', 'CVE-2020-28042'],
  run({ decoded }) {
    if (decoded.form !== 'jws') return [];
    const findings: Finding[] = []; // a loop, not flatMap: this runs on every token
    for (const signature of decoded.signatures) {
      if (signature.signatureSegment.text !== '') continue;
      const alg = signature.header?.alg;
      if (!algorithmSpec(alg) && typeof alg !== 'string') continue;
      findings.push(
        findingOf(
          signatureMissing,
          `The token declares ${String(alg)} but its signature part is empty: the signature was stripped. Only a verifier that skips verification when there is nothing to verify would accept it.`,
          signatureEvidence(decoded, { detail: { alg: String(alg) } }),
        ),
      );
    }
    return findings;
  },
};
