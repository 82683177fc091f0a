import { rawSignatureRange } from '../crypto/ecdsa';
import { findingOf, type TokenCheck } from './check-types';
import { ecdsaFacts } from './ecdsa-facts';
import { signatureEvidence } from './token-facts';

/** ECDSA r or s equal to zero or not below the curve order: "psychic signatures" (CVE-2022-21449). */
export const ecdsaPsychicSignature: TokenCheck = {
  id: 'ecdsa-psychic-signature',
  title: 'ECDSA psychic signature (r or s zero or ≥ n)',
  severity: 'critical',
  references: ['CVE-2022-21449', 'SEC 1 v2 §4.1.4 step 1', 'RFC 7518 §3.4'],
  run({ decoded }) {
    const facts = ecdsaFacts(decoded);
    if (!facts || facts.signature.length !== facts.expectedLength) return [];
    const range = rawSignatureRange(facts.signature, facts.crv);
    if (!range.rZero && !range.sZero && !range.rTooBig && !range.sTooBig) return [];
    const bad = [
      range.rZero && 'r = 0',
      range.sZero && 's = 0',
      range.rTooBig && 'r ≥ n',
      range.sTooBig && 's ≥ n',
    ].filter(Boolean) as string[];
    return [
      findingOf(
        ecdsaPsychicSignature,
        `The ${facts.alg} signature has ${bad.join(' and ')}: no real signer produces it. It exploits verifiers that skip the range check (Java 15–18, CVE-2022-21449), which accept it for any message and any key.`,
        signatureEvidence(decoded, { detail: { condition: bad.join(', '), curve: facts.crv } }),
      ),
    ];
  },
};
