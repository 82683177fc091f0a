import { isHmacAlgorithm } from '../algorithms';
import { equalBytes } from '../crypto/signature-verifier';
import { HMAC_HASH } from '../secrets/secret-search';
import { findingOf, type TokenCheck } from './check-types';
import { signatureEvidence } from './token-facts';

/** An HS* token whose signature is the HMAC under an empty key: signed by a server with no secret configured. */
export const emptyHmacKey: TokenCheck = {
  id: 'empty-hmac-key',
  title: 'Signed with an empty HMAC key',
  severity: 'critical',
  references: ['RFC 7518 §3.2', 'RFC 8725 §3.5', 'CVE-2019-20933', 'CVE-2023-27584'],
  run({ decoded, hmac, signature: verdict }) {
    // A signature that verifies with a real (non-empty) secret cannot also be the MAC under the empty key.
    if (verdict.status === 'valid') return [];
    const signature = decoded.signatures[0];
    const alg = signature?.header?.alg;
    if (decoded.form !== 'jws' || !isHmacAlgorithm(alg) || !signature?.signature || signature.signature.length === 0) return [];
    if (!equalBytes(hmac.hmac(HMAC_HASH[alg], new Uint8Array(0), signature.signingInput), signature.signature)) return [];
    return [findingOf(emptyHmacKey, `The ${alg} signature is the HMAC under an empty key: whoever signed it had no secret configured, and anyone can forge such tokens.`, signatureEvidence(decoded, { encoding: 'empty key (0 bytes)' }))];
  },
};
