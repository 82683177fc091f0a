/**
 * The private keys a key file's text holds, as written: PEM blocks with a private label (PKCS#8, PKCS#1 RSA, SEC1 EC)
 * and JWKs with a private member `d` (alone, in a JWKS, or in a JSON array). The keyring keeps only public parts; the
 * hosts import these for JWE decryption with what their crypto can read (node:crypto every form, WebCrypto PKCS#8
 * and JWKs), and each decides which of them may decrypt.
 */

import { pemBlockSpans } from './pem';

export type PrivateKeyText =
  | {
      readonly kind: 'pem';
      readonly label: 'PRIVATE KEY' | 'RSA PRIVATE KEY' | 'EC PRIVATE KEY';
      readonly text: string;
    }
  | { readonly kind: 'jwk'; readonly jwk: Readonly<Record<string, unknown>> };

const PRIVATE_LABELS: ReadonlySet<string> = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function privateJwks(text: string): PrivateKeyText[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return []; // not JSON: the keyring loader reports the file
  }
  const entries: unknown[] = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.keys)
      ? value.keys
      : [value];
  return entries
    .filter(
      (entry): entry is Record<string, unknown> =>
        isObject(entry) && typeof entry.d === 'string' && entry.kty !== 'oct',
    )
    .map((jwk) => ({ kind: 'jwk', jwk }));
}

/** The file's private PEM blocks, then its private JWKs, in the order written. */
export function privateKeyTexts(text: string): PrivateKeyText[] {
  const blocks = pemBlockSpans(text)
    .filter((span) => PRIVATE_LABELS.has(span.label))
    .map((span): PrivateKeyText => ({
      kind: 'pem',
      label: span.label as 'PRIVATE KEY',
      text: text.slice(span.start, span.end),
    }));
  return /^\s*[[{]/.test(text) ? [...blocks, ...privateJwks(text)] : blocks;
}
