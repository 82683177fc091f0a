import { duplicateKeyProblems, type DecodeProblem } from '../strict/decode-problems';
import { checkClaimTypes } from '../strict/claims';
import { decodeToken, type DecodedToken, type DecodeOptions } from '../strict/decode-token';
import { isJsonObject, parseJsonStrict } from '../strict/json-strict';

/**
 * What a decrypted JWE carries (RFC 7519 §5.2, §11.2): another token (a nested JWT, announced by `cty` "JWT" or not),
 * a JWT claim set (an encrypted JWT), or opaque content. The claim set is read with the same strict JSON reader as a
 * JWS payload, so duplicate members and claims of the wrong type are reported as they would be there.
 */
export interface JweContent {
  /** The inner token, when the plaintext is one. */
  readonly inner?: DecodedToken;
  /** The claims, when the plaintext is a JWT claim set. */
  readonly claims?: Record<string, unknown>;
  /** What the strict reader objected to in the plaintext (its offsets are the plaintext's, not the token's). */
  readonly problems: readonly DecodeProblem[];
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
/** A compact JWS or JWE: three or five base64url parts. */
const COMPACT = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2}(?:(?:\.[A-Za-z0-9_-]*){2})?$/;

/** Read the plaintext of a decrypted JWE whose protected header is `header`. */
export function readJweContent(
  header: Record<string, unknown> | null,
  plaintext: Uint8Array,
  options?: DecodeOptions,
): JweContent {
  let text: string;
  try {
    text = fatalUtf8.decode(plaintext).trim();
  } catch {
    return { problems: [] }; // binary content: nothing to read as a token or claims
  }
  const cty = typeof header?.cty === 'string' ? header.cty.toLowerCase() : undefined;
  if (cty === 'jwt' || cty === 'application/jwt' || COMPACT.test(text))
    return { inner: decodeToken(text, options), problems: [] };
  if (!text.startsWith('{')) return { problems: [] };
  const parsed = parseJsonStrict(text);
  const problems = duplicateKeyProblems(parsed.duplicates, 'plaintext', 'The decrypted plaintext');
  if (!parsed.ok || !isJsonObject(parsed.value)) {
    problems.push({
      code: 'invalid-json',
      part: 'plaintext',
      message: 'The decrypted plaintext starts like JSON but is not a valid JSON object.',
    });
    return { problems };
  }
  const value = parsed.value;
  // A JWS JSON serialization inside the JWE is a nested token; any other object is the JWT's claim set.
  if (typeof value.payload === 'string' && ('signature' in value || 'signatures' in value))
    return { inner: decodeToken(text, options), problems };
  return {
    claims: value,
    problems: [...problems, ...checkClaimTypes(value).map((problem) => ({ ...problem, part: 'plaintext' }))],
  };
}
