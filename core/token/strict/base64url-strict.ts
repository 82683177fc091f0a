import type { DecodeProblem } from './decode-problems';

/**
 * Strict base64url (RFC 7515 §2, RFC 4648 §5 without padding). Decodes what can be decoded and reports every
 * departure from the canonical form: padding, the standard alphabet's '+' and '/', whitespace, and non-zero unused
 * bits in the last character (two different strings that decode to the same bytes: a classic signature-bypass and
 * cache-poisoning vector, and proof the token was not produced by a conforming library).
 */

const VALUE = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
  table['+'.charCodeAt(0)] = 62;
  table['/'.charCodeAt(0)] = 63;
  return table;
})();

/** Result of a strict decode: bytes when the text could be read at all, and the problems seen. */
export interface StrictBytes {
  readonly bytes?: Uint8Array;
  readonly problems: DecodeProblem[];
}

const isWhitespace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * Decode one base64url segment. `part` names it in problems; `offset` is where it starts in the raw input so
 * problem locations point at the right characters.
 */
export function decodeBase64UrlStrict(text: string, part: string, offset = 0): StrictBytes {
  const fast = decodeCanonical(text);
  if (fast) return { bytes: fast, problems: [] };
  const problems: DecodeProblem[] = [];
  const at = (index: number) => ({ part, start: offset + index, end: offset + index + 1 });
  let padding = -1;
  let standard = -1;
  let whitespace = -1;
  const digits = new Uint8Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 61 /* = */) {
      if (padding < 0) padding = i;
      continue;
    }
    if (isWhitespace(code)) {
      if (whitespace < 0) whitespace = i;
      continue;
    }
    const digit = code < 128 ? VALUE[code]! : -1;
    if (digit < 0 || padding >= 0) {
      problems.push({
        code: 'base64url-invalid',
        message: `The ${part} holds ${padding >= 0 && digit >= 0 ? 'characters after padding' : `a character outside base64url (${JSON.stringify(text[i])})`} at position ${i}.`,
        ...at(i),
      });
      return { problems };
    }
    if (code === 43 || code === 47) if (standard < 0) standard = i;
    digits[count++] = digit;
  }
  if (padding >= 0)
    problems.push({
      code: 'base64url-padding',
      message: `The ${part} ends in '=' padding, which base64url in JOSE forbids (RFC 7515 §2).`,
      ...at(padding),
    });
  if (standard >= 0)
    problems.push({
      code: 'base64url-standard-alphabet',
      message: `The ${part} uses '${text[standard]}' from standard base64 instead of base64url's '-' and '_'.`,
      ...at(standard),
    });
  if (whitespace >= 0)
    problems.push({
      code: 'base64url-whitespace',
      message: `The ${part} contains whitespace at position ${whitespace}; conforming encoders never emit it.`,
      ...at(whitespace),
    });
  if (count % 4 === 1) {
    problems.push({
      code: 'base64url-invalid',
      message: `The ${part} has an impossible length (${count} base64url characters leave 6 dangling bits).`,
      part,
      start: offset,
      end: offset + text.length,
    });
    return { problems };
  }
  const bytes = new Uint8Array(Math.floor((count * 3) / 4));
  let value = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < count; i++) {
    value = ((value << 6) | digits[i]!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (value >> bits) & 0xff;
    }
  }
  if (bits > 0 && (value & ((1 << bits) - 1)) !== 0) {
    problems.push({
      code: 'base64url-unused-bits',
      message: `The last character of the ${part} sets unused bits: another string decodes to the same bytes, so this is not the canonical encoding.`,
      ...at(text.length - 1),
    });
  }
  return { bytes, problems };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const URL_VALUE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Fast path for the common case: canonical base64url. Undefined as soon as anything needs the careful path. */
function decodeCanonical(text: string): Uint8Array | undefined {
  const length = text.length;
  if (length % 4 === 1) return undefined;
  const bytes = new Uint8Array((length * 3) >> 2);
  let out = 0;
  let i = 0;
  for (; i + 4 <= length; i += 4) {
    const a = text.charCodeAt(i),
      b = text.charCodeAt(i + 1),
      c = text.charCodeAt(i + 2),
      d = text.charCodeAt(i + 3);
    if ((a | b | c | d) >= 128) return undefined;
    const n = (URL_VALUE[a]! << 18) | (URL_VALUE[b]! << 12) | (URL_VALUE[c]! << 6) | URL_VALUE[d]!;
    if (n < 0) return undefined;
    bytes[out++] = n >> 16;
    bytes[out++] = (n >> 8) & 0xff;
    bytes[out++] = n & 0xff;
  }
  const rest = length - i;
  if (rest > 0) {
    const a = text.charCodeAt(i),
      b = text.charCodeAt(i + 1),
      c = rest === 3 ? text.charCodeAt(i + 2) : 65;
    if ((a | b | c) >= 128) return undefined;
    const n = (URL_VALUE[a]! << 18) | (URL_VALUE[b]! << 12) | (URL_VALUE[c]! << 6);
    if (n < 0) return undefined;
    if (rest === 2 ? (n & 0xffff) !== 0 : (n & 0xff) !== 0) return undefined; // unused bits set: careful path reports it
    bytes[out++] = n >> 16;
    if (rest === 3) bytes[out++] = (n >> 8) & 0xff;
  }
  return bytes;
}

/** Encode bytes as canonical base64url without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}
