import type { DecodeProblem, DecodeProblemCode } from './decode-problems';

/**
 * The decoder → verifier contract: what makes a strict, conforming JWS verifier (RFC 7515 §5.2, RFC 7797, jose with
 * its default options) refuse a signature before any key is tried. The decoder attaches these to each signature;
 * the verifier still does the arithmetic, because "the signature matches the bytes as written" is a forensic fact
 * (whoever made the token held the key), but such a token is never `valid`.
 *
 * What does not reject, and why: problems in the payload's content (not UTF-8, not JSON, claims of the wrong type,
 * a claim named twice) — a JWS payload is any octet sequence and RFC 7519 §4 lets a parser keep the last duplicate
 * claim; those stay findings. A nested JWT beyond the levels followed is not rejected either: nothing conforming
 * says how deep to go, and the `nesting-too-deep` finding names it as unexamined.
 */

/** Why a strict verifier refuses a signature whatever the key. */
export interface Rejection {
  /**
   * A decoder problem code, the id of the check whose finding explains the header rule (`crit-header`, `b64-false`),
   * `nested-token`, or — the rules about the key rather than the token, applied by the verifier — `rsa-key-too-short`
   * and `empty-hmac-key`.
   */
  readonly code:
    DecodeProblemCode | 'crit-header' | 'b64-false' | 'nested-token' | 'rsa-key-too-short' | 'empty-hmac-key';
  readonly message: string;
}

/** The shared "nothing rejects this" value: most tokens, so no array per token. */
export const NO_REJECTIONS: readonly Rejection[] = Object.freeze([]);

/** Parts whose decoding problems are part of what is verified (the payload's base64url form is covered too). */
const VERIFIED_PARTS = new Set(['header', 'token', 'signature']);

/**
 * True when a decoding problem makes a conforming verifier refuse the token: any base64url that is not canonical
 * (RFC 7515 §2: no padding, no line breaks, whitespace or other characters — two spellings of the same bytes), and
 * any problem in the header or the JSON envelope (duplicate members, overlap of protected and unprotected headers,
 * a header that is not an object or has no string `alg`).
 */
function rejects(problem: DecodeProblem): boolean {
  if (problem.code.startsWith('base64url-')) return true;
  if (
    problem.code === 'oversize-token' ||
    problem.code === 'nesting-too-deep' ||
    problem.code === 'claim-type' ||
    problem.code === 'claims-not-object'
  )
    return false;
  return VERIFIED_PARTS.has(problem.part);
}

/** The rejections among decoding problems (NO_REJECTIONS when none). */
export function problemRejections(problems: readonly DecodeProblem[]): readonly Rejection[] {
  let found: Rejection[] | undefined;
  for (const problem of problems) {
    if (!rejects(problem)) continue;
    (found ??= []).push({ code: problem.code, message: problem.message });
  }
  return found ?? NO_REJECTIONS;
}

/** Extension header parameters Tokentrail implements, as jose does by default (RFC 7797). */
const UNDERSTOOD_EXTENSIONS = new Set(['b64']);

/**
 * The `crit` rules of RFC 7515 §4.1.11 and the `b64` rules of RFC 7797 §3 and §6, as jose enforces them: `crit`
 * integrity protected, a non-empty array of distinct non-empty strings, naming only extensions the verifier
 * understands and that the header carries; `b64` understood only when `crit` lists it, and then protected and boolean.
 * `b64` other than `true` without `crit` is refused as well: RFC 7797 §6 requires `crit` exactly so that verifiers
 * which do not know `b64` cannot compute a different payload from the same bytes.
 */
export function headerRejections(
  protectedHeader: Record<string, unknown> | null,
  header: Record<string, unknown> | null,
): readonly Rejection[] {
  if (!header || (!('crit' in header) && !('b64' in header))) return NO_REJECTIONS;
  const found: Rejection[] = [];
  const crit = protectedHeader?.crit;
  if ('crit' in header && crit === undefined)
    found.push({
      code: 'crit-header',
      message: '"crit" is outside the protected header; RFC 7515 §4.1.11 requires it integrity protected.',
    });
  let listed: readonly string[] = [];
  if (crit !== undefined) {
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string' && name !== '')) {
      found.push({
        code: 'crit-header',
        message: '"crit" is not a non-empty array of header parameter names (RFC 7515 §4.1.11).',
      });
    } else {
      listed = crit as string[];
      if (new Set(listed).size !== listed.length)
        found.push({ code: 'crit-header', message: '"crit" names a parameter twice (RFC 7515 §4.1.11).' });
      const unknown = listed.filter((name) => !UNDERSTOOD_EXTENSIONS.has(name));
      if (unknown.length > 0)
        found.push({
          code: 'crit-header',
          message: `"crit" requires ${unknown.map((name) => JSON.stringify(name)).join(', ')}, which no conforming verifier of this token understands as an extension; RFC 7515 §4.1.11 says it must then reject the token.`,
        });
      const missing = listed.filter((name) => !(name in header));
      if (missing.length > 0)
        found.push({
          code: 'crit-header',
          message: `"crit" lists ${missing.map((name) => JSON.stringify(name)).join(', ')}, which the header does not carry (RFC 7515 §4.1.11).`,
        });
    }
  }
  if (!('b64' in header)) return found;
  if (listed.includes('b64')) {
    if (!protectedHeader || !('b64' in protectedHeader))
      found.push({
        code: 'b64-false',
        message: '"b64" is outside the protected header; RFC 7797 §3 requires it integrity protected.',
      });
    else if (typeof protectedHeader.b64 !== 'boolean')
      found.push({ code: 'b64-false', message: '"b64" is not a boolean (RFC 7797 §3).' });
  } else if (header.b64 !== true) {
    found.push({
      code: 'b64-false',
      message: `"b64": ${JSON.stringify(header.b64)} without "b64" in "crit": RFC 7797 §6 requires it, and verifiers that do not know b64 read another payload from the same bytes.`,
    });
  }
  return found;
}

/** RFC 7797 §5.2 and jose: an unencoded payload in a compact JWS must be ASCII (its signing input is its characters). */
export function unencodedCompactPayloadRejection(payloadText: string): Rejection | undefined {
  for (let i = 0; i < payloadText.length; i++) {
    if (payloadText.charCodeAt(i) > 127)
      return {
        code: 'b64-false',
        message: `The unencoded payload ("b64": false) holds a non-ASCII character at position ${i}; a compact JWS payload must be ASCII, so verifiers disagree on which bytes were signed.`,
      };
  }
  return undefined;
}

/**
 * A nested JWT that a strict verifier rejects makes the whole token rejected: RFC 7519 §7.2 step 8 validates the
 * inner token as part of validating the outer one, so a valid outer signature cannot vouch for an inner token that
 * cannot be decoded or whose every signature is refused.
 */
export function nestedRejection(
  nested:
    | {
        readonly form: string;
        readonly problems: readonly DecodeProblem[];
        readonly signatures: readonly { readonly rejections: readonly Rejection[] }[];
      }
    | undefined,
): Rejection | undefined {
  if (!nested || nested.form === 'jwe') return undefined;
  if (nested.form === 'malformed') {
    const first = nested.problems[0];
    return {
      code: 'nested-token',
      message: `The nested JWT it carries cannot be decoded${first ? `: ${first.message}` : '.'}`,
    };
  }
  if (nested.signatures.length === 0 || !nested.signatures.every((signature) => signature.rejections.length > 0))
    return undefined;
  return {
    code: 'nested-token',
    message: `The nested JWT it carries is rejected: ${nested.signatures[0]!.rejections[0]!.message}`,
  };
}
