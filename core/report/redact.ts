import { COMPACT_TOKEN_CANDIDATE } from '../token/find-tokens';

/**
 * Raw tokens and recovered secrets are live credentials: a report handed to legal or compliance must not let its
 * reader replay them. By default a token keeps its header and payload (what it says) and loses its signature (what
 * makes it usable); a recovered secret is replaced by a mask that says only how long it was.
 */

/** What replaces a redacted signature or ciphertext. */
export const REDACTED = 'REDACTED';

/** A compact token with everything after its payload (JWS) or after its header (JWE) replaced by {@link REDACTED}. */
export function redactCompactToken(compact: string): string {
  const parts = compact.split('.');
  // An unsecured token (empty signature) has nothing to redact: it stays as found, visibly unsigned.
  if (parts.length === 3) return parts[2] === '' ? compact : `${parts[0]}.${parts[1]}.${REDACTED}`;
  return `${parts[0]}.${REDACTED}`;
}

/** `text` with every compact token in it redacted (a log line quoting an Authorization header, a HAR cookie). */
export function redactTokensInText(text: string): string {
  COMPACT_TOKEN_CANDIDATE.lastIndex = 0;
  return text.replace(COMPACT_TOKEN_CANDIDATE, redactCompactToken);
}

/** The mask shown instead of a recovered secret: it says a secret was there, and nothing about it. */
export const SECRET_MASK = '[recovered secret masked]';

/**
 * `text` with each of `secrets` (as the finding recorded them) replaced by its mask. A plain split/join: linear,
 * and no secret can act as a pattern.
 */
export function maskSecretsInText(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) if (secret.length > 0) masked = masked.split(secret).join(SECRET_MASK);
  return masked;
}
