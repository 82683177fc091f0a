import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodeBase64UrlStrict } from '../strict/base64url-strict';
import { isJsonObject, parseJsonStrict } from '../strict/json-strict';
import { Asn1Error } from './asn1';
import type { KeyFormat, KeyProblem, KeyringKey, KeySource, LoadedKeys } from './key-types';
import { readPemBlocks } from './pem';
import { jwkToSpki, pkcs1PrivateToJwk, pkcs1PublicToJwk, pkcs8ToPublic, publicJwkOf, rsaModulusBits, sec1ToPublic, spkiToJwk, UnsupportedKeyError, type PrivateKeyPublicPart, type PublicJwk } from './public-key';
import { jwkThumbprint, secretThumbprint } from './thumbprint';
import { looksLikeCertificate, parseCertificate, type CertificateInfo } from './x509';

/**
 * Reads key material in every common form — JWKS, JWK (public or private: only the public part is kept), PEM
 * (SPKI, PKCS#1, PKCS#8, SEC1), DER, X.509 certificates and chains, raw HMAC secrets — into keyring keys.
 * Never throws: anything unusable becomes a {@link KeyProblem} naming the file and what to do.
 */

/**
 * Derives the public key of a private key file that does not carry it (Ed25519 PKCS#8, some EC keys).
 * Hosts pass one built on WebCrypto ({@link createWebCryptoPublicKeyDeriver}) or node:crypto.
 */
export type PublicKeyDeriver = (pkcs8: Uint8Array, kind: { readonly kind: 'Ed25519' } | { readonly kind: 'EC'; readonly crv: 'P-256' | 'P-384' | 'P-521' }) => Promise<PublicJwk | undefined>;

/** Options of {@link loadKeyFile}. */
export interface LoadKeyOptions {
  readonly derivePublic?: PublicKeyDeriver;
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/** Build a keyring key for an asymmetric public key. */
export function publicKeyEntry(jwk: PublicJwk, source: KeySource, extra: Partial<Pick<KeyringKey, 'kid' | 'alg' | 'use' | 'keyOps' | 'certificate' | 'originalText'>> = {}): KeyringKey {
  const thumbprint = jwkThumbprint(jwk);
  const suffix = `${source.file}#${source.index ?? 0}`;
  return {
    id: `${thumbprint}@${suffix}`,
    kty: jwk.kty,
    thumbprint,
    publicJwk: jwk,
    spki: jwkToSpki(jwk),
    bits: jwk.kty === 'RSA' ? rsaModulusBits(jwk) : undefined,
    source,
    ...extra,
  };
}

/** Build a keyring key for an HMAC secret. */
export function secretKeyEntry(secret: Uint8Array, source: KeySource, extra: Partial<Pick<KeyringKey, 'kid' | 'alg' | 'use' | 'keyOps'>> = {}): KeyringKey {
  const thumbprint = secretThumbprint(secret);
  return { id: `${thumbprint}@${source.file}#${source.index ?? 0}:${source.secretEncoding ?? ''}`, kty: 'oct', thumbprint, secret, source, ...extra };
}

interface Collector {
  readonly file: string;
  readonly keys: KeyringKey[];
  readonly certificates: CertificateInfo[];
  readonly problems: KeyProblem[];
  readonly options: LoadKeyOptions;
}

const problem = (collector: Collector, code: KeyProblem['code'], message: string): void => void collector.problems.push({ code, file: collector.file, message: `${collector.file}: ${message}` });

function describeError(error: unknown): string {
  return error instanceof Asn1Error || error instanceof UnsupportedKeyError ? error.message : `unexpected error: ${String(error)}`;
}

async function addPrivatePart(collector: Collector, part: PrivateKeyPublicPart, format: KeyFormat, index: number, originalText?: string): Promise<void> {
  let jwk: PublicJwk | undefined;
  if ('jwk' in part) jwk = part.jwk;
  else if (collector.options.derivePublic) jwk = await collector.options.derivePublic(part.pkcs8, part.derive).catch(() => undefined);
  if (!jwk) {
    problem(collector, 'key-no-public-part', `private key ${index + 1} does not carry its public key and this host could not derive it; export the public key (openssl pkey -pubout) and add that instead.`);
    return;
  }
  collector.keys.push(publicKeyEntry(jwk, { file: collector.file, format, index, privatePartDropped: true }, { originalText }));
}

function addCertificates(collector: Collector, ders: readonly Uint8Array[], format: KeyFormat, texts: readonly (string | undefined)[] = []): CertificateInfo[] {
  const parsed: CertificateInfo[] = [];
  ders.forEach((der, index) => {
    try {
      const certificate = parseCertificate(der);
      parsed.push(certificate);
      collector.certificates.push(certificate);
      collector.keys.push(publicKeyEntry(certificate.publicJwk, { file: collector.file, format, index }, { certificate, originalText: texts[index] }));
    } catch (error) {
      problem(collector, 'key-unreadable', `certificate ${index + 1} cannot be read (${describeError(error)}).`);
    }
  });
  return parsed;
}

async function addDer(collector: Collector, der: Uint8Array, label: string | undefined, index: number, text?: string): Promise<void> {
  const pem = label !== undefined;
  try {
    switch (label) {
      case 'CERTIFICATE':
      case 'TRUSTED CERTIFICATE':
        addCertificates(collector, [der], 'x509-pem', [text]);
        return;
      case 'PUBLIC KEY':
        collector.keys.push(publicKeyEntry(spkiToJwk(der), { file: collector.file, format: 'pem-spki', index }, { originalText: text }));
        return;
      case 'RSA PUBLIC KEY':
        collector.keys.push(publicKeyEntry(pkcs1PublicToJwk(der), { file: collector.file, format: 'pem-pkcs1', index }, { originalText: text }));
        return;
      case 'PRIVATE KEY':
        return await addPrivatePart(collector, pkcs8ToPublic(der), 'pem-pkcs8', index, undefined);
      case 'RSA PRIVATE KEY':
        return await addPrivatePart(collector, { jwk: pkcs1PrivateToJwk(der) }, 'pem-rsa-private', index);
      case 'EC PRIVATE KEY':
        return await addPrivatePart(collector, sec1ToPublic(der), 'pem-ec-private', index);
      case 'ENCRYPTED PRIVATE KEY':
        problem(collector, 'key-encrypted', `block ${index + 1} is an encrypted private key; Tokentrail never asks for passphrases. Add the public key or certificate instead.`);
        return;
      case undefined:
        break;
      default:
        problem(collector, 'key-unsupported', `PEM block "${label}" is not a key or certificate Tokentrail reads.`);
        return;
    }
    // Bare DER: try each structure in turn, most specific first.
    if (looksLikeCertificate(der)) return void addCertificates(collector, [der], 'x509-der');
    const attempts: [KeyFormat, () => Promise<void>][] = [
      ['der-spki', async () => void collector.keys.push(publicKeyEntry(spkiToJwk(der), { file: collector.file, format: 'der-spki', index }))],
      ['der-pkcs8', () => addPrivatePart(collector, pkcs8ToPublic(der), 'der-pkcs8', index)],
      ['der-pkcs1', async () => void collector.keys.push(publicKeyEntry(pkcs1PublicToJwk(der), { file: collector.file, format: 'der-pkcs1', index }))],
      ['der-rsa-private', () => addPrivatePart(collector, { jwk: pkcs1PrivateToJwk(der) }, 'der-rsa-private', index)],
    ];
    let lastError: unknown;
    for (const [, attempt] of attempts) {
      try {
        return await attempt();
      } catch (error) {
        lastError = error;
        if (error instanceof UnsupportedKeyError) break;
      }
    }
    problem(collector, lastError instanceof UnsupportedKeyError ? 'key-unsupported' : 'key-unreadable', `the DER content is not a certificate, SPKI, PKCS#8 or PKCS#1 key (${describeError(lastError)}).`);
  } catch (error) {
    problem(collector, error instanceof UnsupportedKeyError ? 'key-unsupported' : 'key-unreadable', `${pem ? `PEM block "${label}"` : 'the key'} cannot be used (${describeError(error)}).`);
  }
}

function addJwk(collector: Collector, jwk: Record<string, unknown>, format: KeyFormat, index: number, text: string): void {
  const meta = {
    kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
    alg: typeof jwk.alg === 'string' ? jwk.alg : undefined,
    use: typeof jwk.use === 'string' ? jwk.use : undefined,
    keyOps: Array.isArray(jwk.key_ops) ? jwk.key_ops.filter((op): op is string => typeof op === 'string') : undefined,
  };
  if (jwk.kty === 'oct') {
    const secret = typeof jwk.k === 'string' ? decodeBase64UrlStrict(jwk.k, 'k').bytes : undefined;
    if (!secret) return problem(collector, 'key-unreadable', `JWK ${index + 1} (oct) has no readable "k".`);
    collector.keys.push(secretKeyEntry(secret, { file: collector.file, format, index, secretEncoding: 'jwk-k' }, meta));
    return;
  }
  const publicJwk = publicJwkOf(jwk);
  if (!publicJwk) return problem(collector, 'key-unsupported', `JWK ${index + 1} (kty ${JSON.stringify(jwk.kty)}${jwk.crv ? `, crv ${JSON.stringify(jwk.crv)}` : ''}) is not an RSA, EC P-256/384/521 or Ed25519 key.`);
  let certificate: CertificateInfo | undefined;
  if (Array.isArray(jwk.x5c)) {
    const ders = jwk.x5c.map((entry) => (typeof entry === 'string' ? decodeBase64UrlStrict(entry, 'x5c').bytes : undefined)).filter((der): der is Uint8Array => der !== undefined);
    for (const [offset, der] of ders.entries()) {
      try {
        const parsed = parseCertificate(der);
        collector.certificates.push(parsed);
        if (offset === 0) certificate = parsed;
      } catch (error) {
        problem(collector, 'key-unreadable', `JWK ${index + 1}: x5c certificate ${offset + 1} cannot be read (${describeError(error)}).`);
      }
    }
  }
  const privatePartDropped = PRIVATE_JWK_MEMBERS.some((member) => member in jwk);
  try {
    collector.keys.push(publicKeyEntry(publicJwk, { file: collector.file, format, index, privatePartDropped }, { ...meta, certificate, originalText: text }));
  } catch (error) {
    problem(collector, 'key-unreadable', `JWK ${index + 1} cannot be read (${describeError(error)}).`);
  }
}

function addJson(collector: Collector, text: string): void {
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) return problem(collector, 'key-unreadable', `starts like JSON but is not valid JSON (${parsed.error} at character ${parsed.offset}).`);
  const value = parsed.value;
  if (isJsonObject(value) && Array.isArray(value.keys)) {
    value.keys.forEach((entry, index) => (isJsonObject(entry) ? addJwk(collector, entry, 'jwks', index, JSON.stringify(entry)) : problem(collector, 'key-unreadable', `keys[${index}] is not a JWK object.`)));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((entry, index) => (isJsonObject(entry) ? addJwk(collector, entry, 'jwks', index, JSON.stringify(entry)) : problem(collector, 'key-unreadable', `entry ${index} is not a JWK object.`)));
    return;
  }
  if (isJsonObject(value) && typeof value.kty === 'string') return addJwk(collector, value, 'jwk', 0, text.trim());
  problem(collector, 'key-unreadable', 'is JSON but neither a JWK (with "kty") nor a JWKS (with "keys").');
}

/** Load every key in one file. `file` names it in problems and key sources. */
export async function loadKeyFile(bytes: Uint8Array, file: string, options: LoadKeyOptions = {}): Promise<LoadedKeys> {
  const collector: Collector = { file, keys: [], certificates: [], problems: [], options };
  const text = new TextDecoder('utf-8').decode(bytes);
  const trimmed = text.trim();
  if (text.includes('-----BEGIN ')) {
    const { blocks, unreadable } = readPemBlocks(text);
    for (const label of unreadable) problem(collector, 'key-unreadable', `PEM block "${label}" has no readable base64 body.`);
    for (const [index, block] of blocks.entries()) {
      if (block.encryptedHeaders) problem(collector, 'key-encrypted', `PEM block "${block.label}" is encrypted (Proc-Type: 4,ENCRYPTED); add the public key instead.`);
      else await addDer(collector, block.der, block.label, index, block.text);
    }
  } else if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    addJson(collector, text);
  } else if (bytes[0] === 0x30 && bytes.length > 32) {
    await addDer(collector, bytes, undefined, 0);
  } else if (bytes.length === 0 || trimmed.length === 0) {
    problem(collector, 'key-unreadable', 'is empty: an empty file is not an HMAC secret. (An empty HMAC key is tested by the empty-hmac-key check anyway.)');
  } else {
    addSecret(collector, bytes, text);
  }
  return collector;
}

function addSecret(collector: Collector, bytes: Uint8Array, text: string): void {
  const withoutNewline = text.replace(/\r?\n$/, '');
  if (withoutNewline !== text) {
    collector.keys.push(secretKeyEntry(new TextEncoder().encode(withoutNewline), { file: collector.file, format: 'secret', index: 0, secretEncoding: 'trimmed' }));
  }
  collector.keys.push(secretKeyEntry(bytes, { file: collector.file, format: 'secret', index: 0, secretEncoding: 'as-file' }));
}

/** Short stable digest of some bytes (used to name keys that have no kid in trails and reports). */
export function shortDigest(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes)).slice(0, 16);
}
