import { findingOf, type TokenCheck } from './check-types';

/** A JWT claim set without `exp`: the token is valid forever unless the server adds its own limit. */
export const missingExp: TokenCheck = {
  id: 'missing-exp',
  title: 'No expiry (exp)',
  severity: 'medium',
  references: ['RFC 7519 §4.1.4', 'RFC 9068 §2.2', 'RFC 8725 §3.10'],
  run({ decoded }) {
    if (!decoded.claims || 'exp' in decoded.claims) return [];
    return [
      findingOf(missingExp, 'The token has no "exp": it never expires. A stolen copy works until its key is rotated.', {
        part: 'claims',
        field: 'exp',
        start: decoded.payload?.segment.start,
        end: decoded.payload?.segment.end,
      }),
    ];
  },
};
