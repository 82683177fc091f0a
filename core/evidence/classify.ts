import type { EvidenceKind } from './types';

/**
 * Guess what a loose file holds from its content first and its name second: investigators receive files named
 * "export (3).txt", so names alone mislead. The guess only decides which parser is offered; it never changes bytes.
 */
export function classifyEvidence(
  path: string,
  bytes: Uint8Array,
): { kind: EvidenceKind; mediaType: string; description?: string } {
  const lowerPath = path.toLowerCase();
  if (/\.(cer|crt|der)$/.test(lowerPath) && bytes[0] === 0x30)
    return { kind: 'certificate', mediaType: 'application/pkix-cert' };
  const unread = unreadableFile(bytes);
  if (unread) return { kind: 'other', ...unread };
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  const trimmed = head.trimStart();
  const lower = path.toLowerCase();
  if (trimmed.startsWith('-----BEGIN CERTIFICATE')) return { kind: 'certificate', mediaType: 'application/x-pem-file' };
  if (trimmed.startsWith('-----BEGIN')) return { kind: 'pem', mediaType: 'application/x-pem-file' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return classifyJson(trimmed, lower);
  const lines = head
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 50);
  if (
    lines.length > 0 &&
    lines.every((line) => /^\s*[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*){1,3}\s*$/.test(line))
  ) {
    return { kind: 'tokens', mediaType: 'text/plain' };
  }
  if (lines.some((line) => /^\S+ \S+ \S+ \[[^\]]+\] "[A-Z]+ /.test(line)))
    return { kind: 'access-log', mediaType: 'text/plain' };
  if (/secret/.test(lower) && lines.length <= 5) return { kind: 'secret', mediaType: 'text/plain' };
  if (lower.endsWith('.csv')) return { kind: 'auth-log', mediaType: 'text/csv' };
  return { kind: 'other', mediaType: /\.(txt|log)$/.test(lower) ? 'text/plain' : 'application/octet-stream' };
}

function classifyJson(text: string, lowerPath: string): { kind: EvidenceKind; mediaType: string } {
  if (lowerPath.endsWith('.har') || /^\{\s*"log"\s*:/.test(text)) return { kind: 'har', mediaType: 'application/json' };
  if (/^\{\s*"keys"\s*:\s*\[/.test(text) && !/"activated"|"retired"/.test(text.slice(0, 4096))) {
    return { kind: 'jwks', mediaType: 'application/jwk-set+json' };
  }
  if (/"format"\s*:\s*"tokentrail-key-rotation"/.test(text))
    return { kind: 'key-rotation', mediaType: 'application/json' };
  if (/"format"\s*:\s*"tokentrail-case-config"/.test(text))
    return { kind: 'case-config', mediaType: 'application/json' };
  if (/^\{\s*"kty"\s*:/.test(text) || /"kty"\s*:/.test(text.slice(0, 512)))
    return { kind: 'jwks', mediaType: 'application/jwk+json' };
  const firstLineEnd = text.indexOf('\n');
  const isJsonLines =
    firstLineEnd > 0 &&
    text.slice(0, firstLineEnd).trim().endsWith('}') &&
    text.slice(firstLineEnd).trimStart().startsWith('{');
  return { kind: 'auth-log', mediaType: isJsonLines ? 'application/x-ndjson' : 'application/json' };
}

/** Leading bytes of formats that are not text, with their media type and what to call them. */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly mediaType: string; readonly name: string }[] =
  [
    { bytes: [0x89, 0x50, 0x4e, 0x47], mediaType: 'image/png', name: 'a PNG image' },
    { bytes: [0xff, 0xd8, 0xff], mediaType: 'image/jpeg', name: 'a JPEG image' },
    { bytes: [0x47, 0x49, 0x46, 0x38], mediaType: 'image/gif', name: 'a GIF image' },
    {
      bytes: [0x50, 0x4b, 0x03, 0x04],
      mediaType: 'application/zip',
      name: 'a zip archive (import it as a bundle zip)',
    },
  ];

/** Read anyway: logs through gzip, and UTF-16 text by its byte-order mark (core/sources transcodes both). */
const READABLE = [
  [0x1f, 0x8b],
  [0xff, 0xfe],
  [0xfe, 0xff],
];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/**
 * A file nothing can be read from, said in so many words (the evidence view shows it): an empty one, or one that is
 * not text — an image, a zip given as a loose file, other binary data. Gzip and UTF-16 files are not
 * among them: they are read. DER certificates are recognised before this, by their name and first byte.
 */
function unreadableFile(bytes: Uint8Array): { mediaType: string; description: string } | undefined {
  if (bytes.length === 0)
    return { mediaType: 'application/octet-stream', description: 'Empty file (0 bytes): nothing was read from it.' };
  if (READABLE.some((prefix) => startsWith(bytes, prefix))) return undefined;
  const known = SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  if (known) return { mediaType: known.mediaType, description: `Not text (${known.name}): nothing was read from it.` };
  // A NUL in the first 8 KiB: binary, as the token finder judges it too. Text in another 8-bit encoding has none, and
  // is read (lossily) rather than called binary.
  if (bytes.subarray(0, 8192).includes(0))
    return { mediaType: 'application/octet-stream', description: 'Not text (binary data): nothing was read from it.' };
  return undefined;
}
