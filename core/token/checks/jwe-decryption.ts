import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** The outcome of decrypting a JWE with keys from the bundle (done once, before the checks run). */
export const jweDecryption: TokenCheck = {
  id: 'jwe-decryption',
  title: 'JWE decryption',
  severity: 'info',
  references: ['RFC 7516 §5.2', 'RFC 7519 §5.2 (nested JWT)'],
  run({ decoded, jwe }) {
    if (decoded.form !== 'jwe' || !jwe) return [];
    if (jwe.status === 'decrypted') {
      const what = decoded.claims
        ? "its claim set is judged as this token's claims"
        : 'a token inside is analysed as the inner token';
      return [
        findingOf(
          jweDecryption,
          `Decrypted with ${jwe.key.description}; ${what}.`,
          headerEvidence(decoded, 'alg', { detail: { key: jwe.key.id } }),
        ),
      ];
    }
    if (jwe.status === 'failed')
      return [
        findingOf(
          jweDecryption,
          `Could not decrypt: ${jwe.reason} (keys tried: ${jwe.tried.join('; ') || 'none'}).`,
          headerEvidence(decoded, 'alg'),
          'low',
        ),
      ];
    return [findingOf(jweDecryption, `Not decrypted: ${jwe.reason}.`, headerEvidence(decoded, 'alg'))];
  },
};
