import { findingOf, type TokenCheck } from './check-types';
import { signatureEvidence } from './token-facts';

/** The signature matches none of the keys that fit it: altered, or signed by a key the case does not hold. */
export const signatureInvalid: TokenCheck = {
  id: 'signature-invalid',
  title: 'Signature does not verify',
  severity: 'high',
  references: ['RFC 7515 §5.2'],
  run({ decoded, signature }) {
    if (signature.status !== 'invalid' || decoded.form !== 'jws') return [];
    const empty = decoded.signatures[0]?.signature?.length === 0;
    if (empty) return []; // signature-missing says it better
    return [findingOf(signatureInvalid, `${signature.reason} The token was altered after signing, or signed by a key the case does not hold.`, signatureEvidence(decoded))];
  },
};
