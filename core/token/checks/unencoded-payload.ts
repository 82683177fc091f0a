import { findingOf, type TokenCheck } from './check-types';
import { headerEvidence } from './token-facts';

/** `b64: false` (RFC 7797): the payload is signed unencoded; verifiers that ignore b64 compute a different input. */
export const unencodedPayload: TokenCheck = {
  id: 'b64-false',
  title: 'Unencoded payload (b64: false)',
  severity: 'medium',
  references: ['RFC 7797 §3, §6', 'RFC 7515 §4.1.11'],
  scope: 'header',
  run({ decoded }) {
    const header = decoded.header;
    if (!header || !('b64' in header)) return [];
    const crit = Array.isArray(header.crit) ? header.crit : [];
    if (header.b64 !== false && header.b64 !== true)
      return [findingOf(unencodedPayload, '"b64" must be a boolean.', headerEvidence(decoded, 'b64'))];
    if (!crit.includes('b64'))
      return [
        findingOf(
          unencodedPayload,
          `"b64": ${String(header.b64)} without "b64" in "crit": RFC 7797 requires crit, so verifiers that do not know b64 silently verify a different signing input.`,
          headerEvidence(decoded, 'b64'),
          'high',
        ),
      ];
    if (header.b64 === true) return [];
    return [
      findingOf(
        unencodedPayload,
        'The payload is signed unencoded ("b64": false). Not a JWT (RFC 7519 needs base64url claims); libraries that do not support RFC 7797 disagree on what was signed.',
        headerEvidence(decoded, 'b64'),
      ),
    ];
  },
};
