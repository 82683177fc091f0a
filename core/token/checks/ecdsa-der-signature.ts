import type { JwsAlgorithm } from '../algorithms';
import { CURVE_SCALAR_BYTES, derToRawSignature } from '../crypto/ecdsa';
import { unfitReason, verificationKeyOf } from '../verify/key-selection';
import type { Finding } from '../findings';
import { findingOf, type CheckContext, type TokenCheck } from './check-types';
import { ecdsaFacts } from './ecdsa-facts';
import { keyEvidence, signatureEvidence } from './token-facts';

/** An ECDSA signature in ASN.1 DER instead of JWS's fixed r || s: made by a non-conforming signer. */
export const ecdsaDerSignature: TokenCheck = {
  id: 'ecdsa-der-signature',
  title: 'ECDSA signature DER-encoded',
  severity: 'medium',
  references: ['RFC 7518 §3.4', 'CVE-2022-21449 (DER/raw confusion in verifiers)'],
  run(context) {
    const facts = ecdsaFacts(context.decoded);
    return !facts || facts.signature.length === facts.expectedLength ? [] : inspectDer(context, facts);
  },
};

async function inspectDer(
  { decoded, keyring, verifier }: CheckContext,
  facts: NonNullable<ReturnType<typeof ecdsaFacts>>,
): Promise<Finding[]> {
  const raw = derToRawSignature(facts.signature, CURVE_SCALAR_BYTES[facts.crv]);
  if (!raw) return [];
  const signature = decoded.signatures[0]!;
  for (const key of keyring.keys) {
    if (unfitReason(key, facts.alg as JwsAlgorithm)) continue;
    if (await verifier.verify(facts.alg as JwsAlgorithm, verificationKeyOf(key), signature.signingInput, raw)) {
      return [
        findingOf(
          ecdsaDerSignature,
          `The ${facts.alg} signature is DER-encoded (${facts.signature.length} bytes) instead of the ${facts.expectedLength}-byte r || s JWS requires. Converted, it verifies with ${key.kid !== undefined ? `"${key.kid}"` : 'a keyring key'}: a genuine key signed through a non-conforming library, and verifiers that accepted it are lenient.`,
          signatureEvidence(decoded, {
            key: keyEvidence(key),
            encoding: 'ASN.1 DER',
            detail: { verifiesWhenConverted: true },
          }),
        ),
      ];
    }
  }
  return [
    findingOf(
      ecdsaDerSignature,
      `The ${facts.alg} signature is DER-encoded (${facts.signature.length} bytes) instead of the ${facts.expectedLength}-byte r || s JWS requires; strict verifiers reject it, lenient ones convert it.`,
      signatureEvidence(decoded, { encoding: 'ASN.1 DER', detail: { verifiesWhenConverted: false } }),
    ),
  ];
}
