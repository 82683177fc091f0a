import type { DuplicateKey } from './json-strict';

/**
 * Stable codes for everything the strict decoder can object to. Each code is also the id of the finding the
 * decoding checks raise (docs/checks.md, "Decoding"), like jose's `code` on its errors.
 */
export type DecodeProblemCode =
  | 'oversize-token'
  | 'malformed-token'
  | 'nesting-too-deep'
  | 'base64url-padding'
  | 'base64url-standard-alphabet'
  | 'base64url-whitespace'
  | 'base64url-unused-bits'
  | 'base64url-invalid'
  | 'invalid-utf8'
  | 'invalid-json'
  | 'duplicate-json-key'
  | 'header-not-object'
  | 'claims-not-object'
  | 'claim-type';

/** One problem found while decoding, with where it is in the raw input. */
export interface DecodeProblem {
  readonly code: DecodeProblemCode;
  readonly message: string;
  /** Which part of the token: `header`, `payload`, `signature`, the JWE parts, or `token` for the whole. */
  readonly part: string;
  /** Character offsets [start, end) in the raw input, when known. */
  readonly start?: number;
  readonly end?: number;
  /** Claim or member name concerned. */
  readonly field?: string;
}

/** A `duplicate-json-key` problem for each member named twice; `what` names the text ("The header", "The payload"). */
export function duplicateKeyProblems(
  duplicates: readonly DuplicateKey[],
  part: string,
  what: string,
  range: { readonly start?: number; readonly end?: number } = {},
): DecodeProblem[] {
  return duplicates.map((duplicate) => ({
    code: 'duplicate-json-key',
    part,
    field: duplicate.name,
    ...range,
    message: `${what} names "${duplicate.name}" twice${duplicate.path ? ` (in ${duplicate.path})` : ''}: parsers disagree on which one counts (most keep the last, some the first).`,
  }));
}
