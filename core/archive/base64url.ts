import { decodeBase64Url } from '../token/base64url';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (RFC 4648 §5), the encoding of `$bytes` values in an archive's rows. */
export function encodeBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    text += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) text += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) text += ALPHABET[c & 63]!;
    // Flush now and then so a large value is not built by quadratic string growth in engines that flatten ropes.
    if (text.length >= 8192) {
      parts.push(text);
      text = '';
    }
  }
  parts.push(text);
  return parts.join('');
}

/** Decode what {@link encodeBase64Url} wrote; undefined when the text is not canonical base64url. */
export function decodeBase64UrlStrict(text: string): Uint8Array | undefined {
  const bytes = decodeBase64Url(text);
  // Canonical form only: the same bytes must encode back to the same text (no stray bits in the last character).
  return bytes && encodeBase64Url(bytes) === text ? bytes : undefined;
}
