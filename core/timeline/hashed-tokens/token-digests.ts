import { sha256HexOfText } from '../../evidence/sha256';

/**
 * The digests a log may write instead of a token. The whole token's SHA-256 is its `tokenHash` already; the
 * signature's is computed here once per distinct token, over the signature segment exactly as it appears in the
 * compact form (base64url text), which is what a logger that "hashes the signature" holds in hand.
 */

/** SHA-256 (hex) of a compact JWS's signature segment; undefined for a JWE, an unsigned token or no token. */
export function signatureSha256(compact: string | undefined): string | undefined {
  if (compact === undefined) return undefined;
  const parts = compact.split('.');
  if (parts.length !== 3 || parts[2] === '') return undefined;
  return sha256HexOfText(parts[2]!);
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Lower-case hex digest → the same bytes in base64url without padding (a SHA-256 gives 43 characters). */
export function hexToBase64Url(hex: string): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (let i = 0; i < hex.length; i += 2) {
    value = ((value << 8) | parseInt(hex.slice(i, i + 2), 16)) & 0xffffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BASE64URL[(value >> bits) & 63];
    }
  }
  if (bits > 0) out += BASE64URL[(value << (6 - bits)) & 63];
  return out;
}
