import { findingOf, type TokenCheck } from './check-types';
import { signatureEvidence } from './token-facts';
import type { SignatureVerdict } from '../verify/verify-signature';

/** What the verdict means for how the token came to be. */
function explanation(signature: SignatureVerdict): string {
  // A refused token whose signature matches was made that way by someone holding the key: not altered afterwards.
  const code = signature.rejections?.[0]?.code;
  if (signature.matchedKey && code === 'empty-hmac-key')
    return ' An empty key is no secret: anyone could have made this token.';
  if (signature.matchedKey && code === 'rsa-key-too-short')
    return ' Whoever holds that key made it — or whoever factored it: a modulus this short is within reach of a determined attacker.';
  if (signature.matchedKey)
    return ' It was not altered after signing: it was made non-conforming by someone holding the key (hand-made or forged with a stolen key, or an issuer bug that lenient services accept).';
  if (signature.rejections && !signature.trail.some((entry) => entry.outcome === 'mismatch')) return '';
  return ' The token was altered after signing, or signed by a key the case does not hold.';
}

/**
 * The signature matches none of the keys that fit it (altered, or signed by a key the case does not hold), or a
 * conforming verifier refuses the token whatever the key; then the finding says whether a key matches the bytes as written.
 */
export const signatureInvalid: TokenCheck = {
  id: 'signature-invalid',
  title: 'Signature does not verify',
  severity: 'high',
  references: ['RFC 7515 §5.2'],
  run({ decoded, signature }) {
    if (signature.status !== 'invalid' || decoded.form !== 'jws') return [];
    const empty = decoded.signatures[0]?.signature?.length === 0;
    if (empty) return []; // signature-missing says it better
    return [findingOf(signatureInvalid, `${signature.reason}${explanation(signature)}`, signatureEvidence(decoded))];
  },
};
