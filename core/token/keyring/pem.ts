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

/** Where one PEM block sits in a text: the whole block is `text.slice(start, end)`, its body `slice(bodyStart, bodyEnd)`. */
export interface PemSpan {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

const MARKER = /-----(BEGIN|END) ([A-Z0-9 ]+)-----/g;

/**
 * Every `-----BEGIN X-----` … `-----END X-----` block in `text`, found in one pass over its markers (linear time: a
 * lazy `BEGIN…END` pattern rescans to the end of the text for every unmatched BEGIN). Blocks do not nest
 * (RFC 7468 §2): a BEGIN before the open block's END starts over from the later BEGIN, and an END with another
 * label is part of the body.
 */
export function pemBlockSpans(text: string): PemSpan[] {
  const spans: PemSpan[] = [];
  let open: { label: string; start: number; bodyStart: number } | undefined;
  for (const marker of text.matchAll(MARKER)) {
    const label = marker[2]!;
    if (marker[1] === 'BEGIN') open = { label, start: marker.index, bodyStart: marker.index + marker[0].length };
    else if (open && open.label === label) {
      spans.push({ ...open, bodyEnd: marker.index, end: marker.index + marker[0].length });
      open = undefined;
    }
  }
  return spans;
}

/** Every PEM block in `text`, in order; blocks whose base64 does not decode are skipped and listed as `unreadable`. */
export function readPemBlocks(text: string): { blocks: PemBlock[]; unreadable: string[] } {
  const blocks: PemBlock[] = [];
  const unreadable: string[] = [];
  for (const span of pemBlockSpans(text)) {
    const body = text.slice(span.bodyStart, span.bodyEnd);
    const encryptedHeaders = /Proc-Type:|DEK-Info:/.test(body);
    const base64 = body.replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, '');
    const { bytes } = decodeBase64UrlStrict(base64, 'PEM body');
    if (!bytes || bytes.length === 0) unreadable.push(span.label);
    else blocks.push({ label: span.label, der: bytes, text: text.slice(span.start, span.end), encryptedHeaders });
  }
  return { blocks, unreadable };
}

/** Write DER as PEM with 64-character lines and a trailing newline (the OpenSSL layout). */
export function writePem(label: string, der: Uint8Array, lineEnding: '\n' | '\r\n' = '\n'): string {
  let base64 = '';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < der.length; i += 3) {
    const n = (der[i]! << 16) | ((der[i + 1] ?? 0) << 8) | (der[i + 2] ?? 0);
    base64 +=
      alphabet[n >> 18]! +
      alphabet[(n >> 12) & 63]! +
      (i + 1 < der.length ? alphabet[(n >> 6) & 63]! : '=') +
      (i + 2 < der.length ? alphabet[n & 63]! : '=');
  }
  const lines = base64.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join(lineEnding);
}
