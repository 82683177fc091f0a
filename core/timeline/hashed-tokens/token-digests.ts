import { hexToBytes } from '@noble/hashes/utils.js';
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
  const bytes = hexToBytes(hex);
  const out: string[] = [];
  let at = 0;
  for (; at + 2 < bytes.length; at += 3) {
    const triple = (bytes[at]! << 16) | (bytes[at + 1]! << 8) | bytes[at + 2]!;
    out.push(
      BASE64URL[triple >> 18]!,
      BASE64URL[(triple >> 12) & 63]!,
      BASE64URL[(triple >> 6) & 63]!,
      BASE64URL[triple & 63]!,
    );
  }
  const left = bytes.length - at;
  if (left > 0) {
    const pair = (bytes[at]! << 16) | (left === 2 ? bytes[at + 1]! << 8 : 0);
    out.push(BASE64URL[pair >> 18]!, BASE64URL[(pair >> 12) & 63]!);
    if (left === 2) out.push(BASE64URL[(pair >> 6) & 63]!);
  }
  return out.join('');
}
