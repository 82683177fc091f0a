import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** A kid that names no key in the keyring, or a token that verifies with a key other than the one its kid names. */
export const unknownKid: TokenCheck = {
  id: 'unknown-kid',
  title: 'Unknown kid',
  severity: 'medium',
  references: ['RFC 7515 §4.1.4', 'RFC 7517 §4.5'],
  run({ decoded, keyring, signature }) {
    const kid = decoded.header?.kid;
    if (typeof kid !== 'string' || keyring.keys.length === 0 || decoded.form === 'unsecured') return [];
    if (signature.status === 'valid' && signature.kidMatched === false) {
      return [
        findingOf(
          unknownKid,
          `The token names kid "${kid}" but verifies with ${signature.key?.kid !== undefined ? `kid "${signature.key.kid}"` : 'another key'} (${signature.key?.thumbprint}). The kid was changed after signing, or the issuer mislabels keys.`,
          headerEvidence(decoded, 'kid'),
          'high',
        ),
      ];
    }
    if (keyring.keys.some((key) => key.kid === kid)) return [];
    return [
      findingOf(
        unknownKid,
        `No key in the keyring has kid "${kid}". Either the case is missing a key (look at the issuer's rotation history) or the token was made with a key the issuer never published.`,
        headerEvidence(decoded, 'kid'),
      ),
    ];
  },
};
