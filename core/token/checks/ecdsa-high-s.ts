import { rawSignatureRange } from '../crypto/ecdsa';
import { findingOf, type TokenCheck } from './check-types';
import { ecdsaFacts } from './ecdsa-facts';
import { signatureEvidence } from './token-facts';

/** ECDSA s above n/2: a valid but malleable signature — (r, n − s) verifies too, so the token has a twin. */
export const ecdsaHighS: TokenCheck = {
  id: 'ecdsa-high-s',
  title: 'ECDSA high-S signature (malleable)',
  severity: 'low',
  references: ['BIP-146 (low S)', 'SEC 1 v2 §4.1.3', 'RFC 7518 §3.4'],
  run({ decoded }) {
    const facts = ecdsaFacts(decoded);
    if (!facts || facts.signature.length !== facts.expectedLength) return [];
    const range = rawSignatureRange(facts.signature, facts.crv);
    if (range.rZero || range.sZero || range.sTooBig || !range.sHigh) return [];
    return [
      findingOf(
        ecdsaHighS,
        `The ${facts.alg} signature's s is in the upper half of the curve order. It is valid, but (r, n − s) is valid too: the same claims exist as two different tokens with different hashes, which defeats replay lists keyed on the token string.`,
        signatureEvidence(decoded, { detail: { curve: facts.crv } }),
      ),
    ];
  },
};
