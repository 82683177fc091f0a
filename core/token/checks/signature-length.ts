import { algorithmSpec } from '../algorithms';
import { parseDerSignature } from '../crypto/ecdsa';
import { findingOf, type TokenCheck } from './check-types';
import { signatureEvidence } from './token-facts';

/** A signature whose length cannot be right for its algorithm (or for the RSA key that should have made it). */
export const signatureLength: TokenCheck = {
  id: 'signature-length',
  title: 'Signature length wrong for the algorithm',
  severity: 'medium',
  references: ['RFC 7518 §3.2, §3.3, §3.4, §3.5', 'RFC 8037 §3.1'],
  run({ decoded, keyring }) {
    if (decoded.form !== 'jws') return [];
    const signature = decoded.signatures[0];
    const spec = algorithmSpec(signature?.header?.alg);
    const bytes = signature?.signature;
    if (!spec || !bytes || bytes.length === 0) return [];
    if (spec.family === 'ES' && parseDerSignature(bytes)) return []; // reported by ecdsa-der-signature
    if (spec.signatureLength !== undefined) {
      if (bytes.length === spec.signatureLength) return [];
      return [
        findingOf(
          signatureLength,
          `A ${spec.alg} signature is ${spec.signatureLength} bytes; this one is ${bytes.length}. No conforming signer produced it.`,
          signatureEvidence(decoded, { detail: { expected: spec.signatureLength, actual: bytes.length } }),
        ),
      ];
    }
    const kid = signature.header?.kid;
    const rsaKeys = keyring.keys.filter(
      (key) => key.kty === 'RSA' && key.bits !== undefined && (kid === undefined || key.kid === kid),
    );
    if (rsaKeys.length > 0) {
      const expected = [...new Set(rsaKeys.map((key) => Math.ceil(key.bits! / 8)))];
      if (expected.includes(bytes.length)) return [];
      return [
        findingOf(
          signatureLength,
          `An RSA signature is as long as the key's modulus (${expected.join(' or ')} bytes for the candidate keys); this one is ${bytes.length} bytes.`,
          signatureEvidence(decoded, { detail: { expected: expected.join(','), actual: bytes.length } }),
        ),
      ];
    }
    if (bytes.length < 256)
      return [
        findingOf(
          signatureLength,
          `An RSA signature of ${bytes.length} bytes means a modulus under 2048 bits (${bytes.length * 8}), below the RFC 7518 minimum, or a damaged signature.`,
          signatureEvidence(decoded, { detail: { actual: bytes.length } }),
        ),
      ];
    return [];
  },
};
