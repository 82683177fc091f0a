import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** An algorithm outside the case configuration's allowed list. */
export const algorithmNotAllowed: TokenCheck = {
  id: 'algorithm-not-allowed',
  title: 'Algorithm not allowed',
  severity: 'high',
  references: ['RFC 8725 §3.1', 'RFC 7515 §4.1.1'],
  scope: 'header',
  run({ decoded, caseConfig }) {
    const allowed = caseConfig?.allowedAlgorithms ?? [];
    const alg = decoded.header?.alg;
    if (allowed.length === 0 || decoded.form !== 'jws' || (typeof alg === 'string' && allowed.includes(alg))) return [];
    return [
      findingOf(
        algorithmNotAllowed,
        `The token uses ${JSON.stringify(alg)}; the issuer only uses ${allowed.join(', ')}. It was not made by the issuer's normal signing path.`,
        headerEvidence(decoded, 'alg'),
      ),
    ];
  },
};
