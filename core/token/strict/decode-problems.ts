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
