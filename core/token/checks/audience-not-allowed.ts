import { findingOf, type TokenCheck } from './check-types';
import { presentedApi } from './presented-api';
import { audiences, claimEvidence } from './token-facts';

/** A token presented to an API that is not among its audiences (token forwarded or replayed across services). */
export const audienceNotAllowed: TokenCheck = {
  id: 'audience-not-allowed',
  title: 'Audience not allowed for the API',
  severity: 'high',
  references: ['RFC 7519 §4.1.3', 'RFC 8725 §3.9', 'RFC 9068 §4'],
  run({ decoded, caseConfig, presentedTo }) {
    const api = presentedApi(caseConfig, presentedTo);
    if (!api || !decoded.claims) return [];
    const aud = audiences(decoded.claims);
    if (aud.some((value) => api.audiences.includes(value))) return [];
    const what =
      aud.length === 0 ? 'has no audience' : `is for ${aud.map((value) => JSON.stringify(value)).join(', ')}`;
    return [
      findingOf(
        audienceNotAllowed,
        `The token was presented to ${api.name} (which accepts ${api.audiences.join(', ')}) but ${what}. A token meant for another service was replayed here.`,
        claimEvidence(decoded, 'aud', { detail: { api: api.name } }),
      ),
    ];
  },
};
