import { decodeBase64UrlStrict } from '../strict/base64url-strict';

/**
 * PEM (RFC 7468) blocks: every `-----BEGIN X-----` … `-----END X-----` in a text, with its label, its DER bytes and
 * its exact original text (the exact text matters: key-confusion attacks use the PEM bytes as an HMAC secret).
 */

/** One PEM block found in a text. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
  /** The block as written, from "-----BEGIN" to the end of the "-----END …-----" line. */
  readonly text: string;
  /** True when the block carries RFC 1421 headers (Proc-Type: 4,ENCRYPTED …): an encrypted legacy key. */
  readonly encryptedHeaders: boolean;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block in `text`, in order; blocks whose base64 does not decode are skipped and listed as `unreadable`. */
export function readPemBlocks(text: string): { blocks: PemBlock[]; unreadable: string[] } {
  const blocks: PemBlock[] = [];
  const unreadable: string[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1]!;
    const body = match[2]!;
    const encryptedHeaders = /Proc-Type:|DEK-Info:/.test(body);
    const base64 = body.replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, '');
    const { bytes } = decodeBase64UrlStrict(base64, 'PEM body');
    if (!bytes || bytes.length === 0) unreadable.push(label);
    else blocks.push({ label, der: bytes, text: match[0], encryptedHeaders });
  }
  return { blocks, unreadable };
}

/** Write DER as PEM with 64-character lines and a trailing newline (the OpenSSL layout). */
export function writePem(label: string, der: Uint8Array, lineEnding: '\n' | '\r\n' = '\n'): string {
  let base64 = '';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < der.length; i += 3) {
    const n = (der[i]! << 16) | ((der[i + 1] ?? 0) << 8) | (der[i + 2] ?? 0);
    base64 += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + (i + 1 < der.length ? alphabet[(n >> 6) & 63]! : '=') + (i + 2 < der.length ? alphabet[n & 63]! : '=');
  }
  const lines = base64.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join(lineEnding);
}
