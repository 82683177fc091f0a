/**
 * Record field names that commonly name a token without carrying it: a digest of it, or its jti. Parsers whose
 * vendor objects are read by an allow-list (Keycloak `details`, Okta `debugData`) keep these too, so
 * core/timeline can link such records to the captured token (docs/sources.md, "Tokens the logs only hash").
 *
 * `at_hash` is deliberately absent: in OIDC it is an ID token's claim (the left half of the access token's SHA-256),
 * so a record carrying it is about the ID token, not a use of the access token; a case whose logs use it for the
 * access token itself names it in case-config `tokenHashFields`.
 */
export const TOKEN_HASH_FIELDS: readonly string[] = [
  'token_hash',
  'tokenHash',
  'token_sha256',
  'tokenSha256',
  'token_digest',
  'tokenDigest',
  'token_fingerprint',
  'tokenFingerprint',
  'access_token_hash',
  'accessTokenHash',
  'jwt_hash',
  'jwtHash',
  'jwt_sha256',
  'signature_hash',
  'signatureHash',
];

/** Record fields that commonly hold a token's jti (besides the event's own jti, which parsers fill). */
export const TOKEN_ID_FIELDS: readonly string[] = ['jti', 'token_jti', 'tokenJti', 'jwt_id', 'jwtId'];

const COMMON_REFERENCE_FIELDS: readonly string[] = [...TOKEN_HASH_FIELDS, ...TOKEN_ID_FIELDS];

/**
 * The field names a parser keeps for linking: the common digest and jti names, and the case's own
 * (FormatOptions.tokenReferenceFields, from case-config `tokenHashFields` and `tokenIdFields`).
 */
export function tokenReferenceNames(caseFields: readonly string[] | undefined): readonly string[] {
  return caseFields && caseFields.length > 0
    ? [...new Set([...COMMON_REFERENCE_FIELDS, ...caseFields])]
    : COMMON_REFERENCE_FIELDS;
}
