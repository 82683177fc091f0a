import { isHmacAlgorithm } from '../algorithms';
import { equalBytes } from '../crypto/signature-verifier';
import { HMAC_HASH } from '../secrets/secret-search';
import { signingKeyOf } from '../verify/verify-signature';
import { findingOf, type TokenCheck } from './check-types';
import { keyringEncodings } from './key-confusion-encodings';
import { keyEvidence, signatureEvidence } from './token-facts';

/**
 * Algorithm confusion (CVE-2016-10555 and kin): an HS* token whose HMAC secret is the issuer's *public* key in some
 * encoding — forged by someone who switched RS256 to HS256 against a verifier that lets the token pick the algorithm.
 */
export const keyConfusion: TokenCheck = {
  id: 'key-confusion',
  title: 'Key confusion (public key used as HMAC secret)',
  severity: 'critical',
  references: ['RFC 8725 §2.1, §3.1', 'CVE-2016-10555', 'CVE-2015-9235', 'CVE-2022-29217', 'CVE-2024-33663'],
  run({ decoded, keyring, hmac, signature: verdict }) {
    const signature = decoded.signatures[0];
    const alg = signature?.header?.alg;
    if (decoded.form !== 'jws' || !isHmacAlgorithm(alg) || !signature?.signature || signature.signature.length === 0)
      return [];
    if (signingKeyOf(verdict)) return []; // it matches a real secret (verifies, or matches a refused token as written)
    const hash = HMAC_HASH[alg];
    for (const { key, encoding } of keyringEncodings(keyring)) {
      if (!equalBytes(hmac.hmac(hash, encoding.hmacKey[hash], signature.signingInput), signature.signature)) continue;
      return [
        findingOf(
          keyConfusion,
          `This ${alg} token was signed with the public key ${key.kid !== undefined ? `"${key.kid}" ` : ''}used as the HMAC secret (${encoding.name}). Anyone holding the public key can forge such tokens; a verifier that accepted it let the token choose the algorithm.`,
          signatureEvidence(decoded, { key: keyEvidence(key), encoding: encoding.name }),
        ),
      ];
    }
    return [];
  },
};
