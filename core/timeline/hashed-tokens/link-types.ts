/** What a log record's hashed value was: the whole token's SHA-256, its signature's SHA-256, or the token's jti. */
export type HashedTokenForm = 'token' | 'signature';

/**
 * How a token was attached to a record that does not carry it: by a digest in one of the record's fields (possibly
 * a truncated prefix of it) or by the jti the record names. Findings and the UI quote it ("linked by the SHA-256 of
 * the signature, hex, first 16 characters, in field token_sha256").
 */
export interface TokenLink {
  readonly by: 'token-sha256' | 'signature-sha256' | 'jti';
  /** The record field the value was read from (`jti` for the event's own jti). */
  readonly field: string;
  readonly encoding?: 'hex' | 'base64url';
  /** Set when the record held only a prefix: its length in characters. */
  readonly prefixLength?: number;
}

/** The link in words, for finding messages and the event view. */
export function describeTokenLink(link: TokenLink): string {
  if (link.by === 'jti') return `linked by its jti in field ${link.field}`;
  const what = link.by === 'token-sha256' ? 'the SHA-256 of the token' : 'the SHA-256 of its signature';
  const prefix = link.prefixLength !== undefined ? `, first ${link.prefixLength} characters` : '';
  return `linked by ${what} (${link.encoding}${prefix}) in field ${link.field}`;
}
