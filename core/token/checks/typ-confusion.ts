import { findingOf, type TokenCheck } from './check-types';
import { presentedApi } from './presented-api';
import { claimEvidence, headerEvidence } from './token-facts';

const NON_ACCESS_TYPES =
  /^(?:application\/)?(?:id[_+-]?token(?:\+jwt)?|logout\+jwt|secevent\+jwt|dpop\+jwt|jwt-bearer|client-authentication\+jwt|oauth-authz-req\+jwt|token-introspection\+jwt|vc\+jwt|vp\+jwt|kb\+jwt)$/i;
const ID_TOKEN_CLAIMS = ['nonce', 'at_hash', 'c_hash', 's_hash', 'auth_time', 'acr', 'amr'] as const;

/** A token of another kind (an OpenID Connect ID token, a logout or DPoP token…) presented as an access token. */
export const typConfusion: TokenCheck = {
  id: 'typ-confusion',
  title: 'Token type confusion',
  severity: 'high',
  references: ['RFC 8725 §3.11, §2.8', 'RFC 9068 §2.1, §4', 'OpenID Connect Core §2'],
  run({ decoded, caseConfig, presentedTo }) {
    const api = presentedApi(caseConfig, presentedTo);
    if (!api) return [];
    const typ = decoded.header?.typ;
    if (typeof typ === 'string' && NON_ACCESS_TYPES.test(typ)) {
      return [
        findingOf(
          typConfusion,
          `A token of type "${typ}" was presented to ${api.name} as an access token. It was issued for a different purpose; an API that accepted it does not check typ.`,
          headerEvidence(decoded, 'typ'),
        ),
      ];
    }
    if (typeof typ === 'string' && /^(?:application\/)?at\+jwt$/i.test(typ)) return [];
    const idClaims = ID_TOKEN_CLAIMS.filter(
      (claim) =>
        decoded.claims &&
        claim in decoded.claims &&
        (claim !== 'acr' && claim !== 'amr' && claim !== 'auth_time' ? true : 'nonce' in decoded.claims),
    );
    if (idClaims.length === 0) return [];
    return [
      findingOf(
        typConfusion,
        `The token carries OpenID Connect ID-token claims (${idClaims.join(', ')}) and was presented to ${api.name} as an access token. ID tokens prove a login to the client; they are not API credentials.`,
        claimEvidence(decoded, idClaims[0]!, { detail: { claims: idClaims.join(',') } }),
      ),
    ];
  },
};
