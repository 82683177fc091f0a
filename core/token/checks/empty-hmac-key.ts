import { isHmacAlgorithm } from '../algorithms';
import { equalBytes } from '../crypto/signature-verifier';
import { HMAC_HASH } from '../secrets/secret-search';
import { signingKeyOf } from '../verify/verify-signature';
import { findingOf, type TokenCheck } from './check-types';
import { keyEvidence, signatureEvidence } from './token-facts';

/**
 * An HS* token whose signature is the HMAC under an empty key: signed by a server with no secret configured. Found
 * whether the empty key is only guessed or is a keyring secret (an oct JWK with "k": "" verifies such a token, and
 * that verdict must not hide the finding).
 */
export const emptyHmacKey: TokenCheck = {
  id: 'empty-hmac-key',
  title: 'Signed with an empty HMAC key',
  severity: 'critical',
  references: ['RFC 7518 §3.2', 'RFC 8725 §3.5', 'CVE-2019-20933', 'CVE-2023-27584'],
  run({ decoded, hmac, keyring, signature: verdict }) {
    const signature = decoded.signatures[0];
    const alg = signature?.header?.alg;
    if (decoded.form !== 'jws' || !isHmacAlgorithm(alg) || !signature?.signature || signature.signature.length === 0)
      return [];
    const signedBy = signingKeyOf(verdict);
    const verifiedBy = signedBy ? keyring.keys.find((key) => key.id === signedBy.id) : undefined;
    // A signature that matches a real (non-empty) secret cannot also be the MAC under the empty key.
    if (signedBy && verifiedBy?.secret?.length !== 0) return [];
    if (!equalBytes(hmac.hmac(HMAC_HASH[alg], new Uint8Array(0), signature.signingInput), signature.signature))
      return [];
    const where = verifiedBy
      ? ` The keyring secret from ${verifiedBy.source.file} is itself empty: the issuer's configuration has no secret.`
      : '';
    return [
      findingOf(
        emptyHmacKey,
        `The ${alg} signature is the HMAC under an empty key: whoever signed it had no secret configured, and anyone can forge such tokens.${where}`,
        signatureEvidence(decoded, {
          encoding: 'empty key (0 bytes)',
          ...(verifiedBy ? { key: keyEvidence(verifiedBy) } : {}),
        }),
      ),
    ];
  },
};
