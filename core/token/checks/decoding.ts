import type { DecodeProblemCode } from '../strict/decode-problems';
import { findingOf, type TokenCheck } from './check-types';

/**
 * The strict decoder's problems as findings. Each check covers a family of decoder codes; the evidence points at
 * the exact characters of the raw token.
 */

function decodingCheck(
  id: string,
  title: string,
  severity: TokenCheck['severity'],
  codes: readonly DecodeProblemCode[],
  references: readonly string[],
): TokenCheck {
  const check: TokenCheck = {
    id,
    title,
    severity,
    references,
    run: ({ decoded }) =>
      decoded.problems
        .filter((problem) => codes.includes(problem.code))
        .map((problem) =>
          findingOf(check, problem.message, {
            part: problem.part as never,
            start: problem.start,
            end: problem.end,
            field: problem.field,
            detail: { code: problem.code },
          }),
        ),
  };
  return check;
}

/** Not a token at all, or not one that can be taken apart: wrong part count, bad JSON, oversize input, nesting too deep to follow. */
export const malformedToken = decodingCheck(
  'malformed-token',
  'Token cannot be decoded',
  'high',
  ['malformed-token', 'oversize-token', 'base64url-invalid', 'invalid-json', 'header-not-object', 'nesting-too-deep'],
  ['RFC 7515 §5.2', 'RFC 7519 §7.2, §5.2'],
);

/** Base64url that is not in canonical form: padding, '+', '/', whitespace, non-zero unused bits. */
export const nonCanonicalEncoding = decodingCheck(
  'non-canonical-encoding',
  'Non-canonical base64url',
  'medium',
  ['base64url-padding', 'base64url-standard-alphabet', 'base64url-whitespace', 'base64url-unused-bits'],
  ['RFC 7515 §2', 'RFC 4648 §3.5, §5'],
);

/** Header or payload bytes that are not UTF-8. */
export const invalidUtf8 = decodingCheck(
  'invalid-utf8',
  'Invalid UTF-8',
  'medium',
  ['invalid-utf8'],
  ['RFC 7515 §5.2 step 3', 'RFC 8259 §8.1'],
);

/** A JSON member name used twice (parser differential). */
export const duplicateJsonKey = decodingCheck(
  'duplicate-json-key',
  'Duplicate JSON member',
  'high',
  ['duplicate-json-key'],
  ['RFC 7515 §5.2 step 4', 'RFC 7519 §4', 'RFC 8259 §4'],
);

/** Registered claims of the wrong type (exp as a string, in ms, negative, beyond 2^53), or a payload that is not a claim set. */
export const claimType = decodingCheck(
  'claim-type',
  'Claim of the wrong type',
  'medium',
  ['claim-type', 'claims-not-object'],
  ['RFC 7519 §2 (NumericDate), §4.1'],
);
