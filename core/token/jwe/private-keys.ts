import { importJWK, importPKCS8, type CryptoKey, type JWK } from 'jose';
import { privateKeyTexts } from '../keyring/private-key-texts';
import type { JweKeyCandidate, JweKeyResolver } from './jwe-decrypter';

/**
 * Private keys from the bundle's key files for JWE decryption in any host (jose on WebCrypto): PKCS#8 PEM blocks and
 * private JWKs (single or in a JWKS). Keys are imported for the JWE's own key-management algorithm when a JWE asks,
 * once per key and algorithm; a key that does not fit the algorithm (an EC key for RSA-OAEP) is simply not offered.
 * PKCS#1 and SEC1 PEM ("RSA PRIVATE KEY", "EC PRIVATE KEY") are not importable by WebCrypto and are left to hosts
 * with a native crypto library (the CLI reads them with node:crypto).
 */

/** A key file's text and the path it is named by. */
export interface PrivateKeySource {
  readonly file: string;
  readonly text: string;
}

interface PrivateKeyEntry {
  readonly id: string;
  readonly description: string;
  readonly kid?: string;
  readonly jwk?: JWK;
  readonly pkcs8?: string;
}

/** Key-management algorithms that decrypt with a private key (RFC 7518 §4.2, §4.3, §4.6; RFC 8037 for X25519). */
const ASYMMETRIC_JWE = /^(?:RSA1_5|RSA-OAEP(?:-256|-384|-512)?|ECDH-ES(?:\+A(?:128|192|256)KW)?)$/;
/** `use` and `key_ops` values that allow decryption; a signing key never decrypts. */
const DECRYPT_OPS = new Set(['decrypt', 'unwrapKey', 'deriveKey', 'deriveBits']);

function decryptionJwk(jwk: Readonly<Record<string, unknown>>): boolean {
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC' && jwk.kty !== 'OKP') return false;
  if (jwk.use !== undefined && jwk.use !== 'enc') return false;
  return !Array.isArray(jwk.key_ops) || jwk.key_ops.some((op) => DECRYPT_OPS.has(op as string));
}

/** The private keys of a key file that WebCrypto can import and that may decrypt. */
export function privateKeysIn(source: PrivateKeySource): readonly PrivateKeyEntry[] {
  const { text, file } = source;
  const found = privateKeyTexts(text);
  const pems = found.flatMap((entry) => (entry.kind === 'pem' && entry.label === 'PRIVATE KEY' ? [entry.text] : []));
  const jwks = found.flatMap((entry) => (entry.kind === 'jwk' && decryptionJwk(entry.jwk) ? [entry.jwk as JWK] : []));
  return [
    ...jwks.map((jwk, index) => {
      const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
      return {
        id: `${file}#jwk${index}`,
        description: `private JWK ${kid !== undefined ? `"${kid}" ` : ''}from ${file}`,
        kid,
        jwk,
      };
    }),
    ...pems.map((pkcs8, index) => ({ id: `${file}#pem${index}`, description: `private key from ${file}`, pkcs8 })),
  ];
}

/** A resolver offering the sources' private keys to every JWE whose algorithm decrypts with one. */
export function privateKeyResolver(sources: readonly PrivateKeySource[]): JweKeyResolver {
  const entries = sources.flatMap((source) => privateKeysIn(source));
  const imported = new Map<string, Promise<CryptoKey | Uint8Array | undefined>>();
  const importFor = (entry: PrivateKeyEntry, alg: string): Promise<CryptoKey | Uint8Array | undefined> => {
    if (entry.jwk?.alg !== undefined && entry.jwk.alg !== alg) return Promise.resolve(undefined); // pinned to another algorithm
    const cacheKey = `${entry.id}\n${alg}`;
    let key = imported.get(cacheKey);
    if (!key) {
      key = (entry.jwk ? importJWK(entry.jwk, alg) : importPKCS8(entry.pkcs8!, alg)).catch(() => undefined);
      imported.set(cacheKey, key);
    }
    return key;
  };
  return async (header) => {
    const alg = header.alg;
    if (typeof alg !== 'string' || !ASYMMETRIC_JWE.test(alg) || entries.length === 0) return [];
    // Keys whose kid matches the JWE's come first; the others are still tried (kids get lost between systems).
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    const ordered =
      kid === undefined
        ? entries
        : [...entries.filter((entry) => entry.kid === kid), ...entries.filter((entry) => entry.kid !== kid)];
    const candidates: JweKeyCandidate[] = [];
    for (const entry of ordered) {
      const key = await importFor(entry, alg);
      if (key) candidates.push({ id: entry.id, description: entry.description, key });
    }
    return candidates;
  };
}
