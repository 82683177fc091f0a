import type { EvidenceKind } from './types';

/**
 * Guess what a loose file holds from its content first and its name second: investigators receive files named
 * "export (3).txt", so names alone mislead. The guess only decides which parser is offered; it never changes bytes.
 */
export function classifyEvidence(path: string, bytes: Uint8Array): { kind: EvidenceKind; mediaType: string } {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  const trimmed = head.trimStart();
  const lower = path.toLowerCase();
  if (trimmed.startsWith('-----BEGIN CERTIFICATE')) return { kind: 'certificate', mediaType: 'application/x-pem-file' };
  if (trimmed.startsWith('-----BEGIN')) return { kind: 'pem', mediaType: 'application/x-pem-file' };
  if (/\.(cer|crt|der)$/.test(lower) && bytes[0] === 0x30)
    return { kind: 'certificate', mediaType: 'application/pkix-cert' };
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
