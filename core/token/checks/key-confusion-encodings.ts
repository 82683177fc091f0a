import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { HmacHash } from '../crypto/hmac';
import { jwkSerialisations } from '../keyring/jwk-serialisations';
import type { Keyring, KeyringKey, KeyText } from '../keyring/key-types';
import { writePem } from '../keyring/pem';
import { jwkToPkcs1 } from '../keyring/public-key';

/**
 * Every byte string a server might have passed as the "secret" when it let an HS* token be verified with a public
 * key (algorithm confusion): the key as PEM (SPKI and PKCS#1, with and without the trailing newline, LF and CRLF),
 * DER, the certificate as PEM and DER, the JWK as JSON in the member orders libraries write
 * ({@link jwkSerialisations}), and the exact text of every PEM block, JWK and whole file the key was found in.
 */

/** One encoding of a public key, named for the evidence. */
export interface KeyEncoding {
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * The key to give an HMAC for each hash: `bytes`, or their digest when longer than the hash's block. RFC 2104 §2
   * makes both the same MAC; hashing once here spares every token's HMAC re-hashing a PEM text or a whole chain file.
   */
  readonly hmacKey: Readonly<Record<HmacHash, Uint8Array>>;
}

const HASHES = {
  'SHA-256': { digest: sha256, block: 64 },
  'SHA-384': { digest: sha384, block: 128 },
  'SHA-512': { digest: sha512, block: 128 },
} as const;

function encoding(name: string, bytes: Uint8Array): KeyEncoding {
  const keyFor = (hash: HmacHash): Uint8Array =>
    bytes.length > HASHES[hash].block ? HASHES[hash].digest(bytes) : bytes;
  return {
    name,
    bytes,
    hmacKey: { 'SHA-256': keyFor('SHA-256'), 'SHA-384': keyFor('SHA-384'), 'SHA-512': keyFor('SHA-512') },
  };
}

const encoder = new TextEncoder();
const text = (name: string, value: string): KeyEncoding => encoding(name, encoder.encode(value));

function pemVariants(name: string, label: string, der: Uint8Array): KeyEncoding[] {
  const lf = writePem(label, der, '\n');
  const crlf = writePem(label, der, '\r\n');
  return [
    text(`${name} PEM (LF, trailing newline)`, lf),
    text(`${name} PEM (LF, no trailing newline)`, lf.slice(0, -1)),
    text(`${name} PEM (CRLF, trailing newline)`, crlf),
    text(`${name} PEM (CRLF, no trailing newline)`, crlf.slice(0, -2)),
  ];
}

const WRITTEN_AS = { 'pem-block': 'the PEM block', jwk: 'the JWK', file: 'the whole file' } as const;

/** Built once per text: every key of a chain or JWKS shares its whole-file text, and so shares these bytes. */
const variantsByText = new WeakMap<KeyText, readonly KeyEncoding[]>();

/** A text as written, and as a server that reads it with or without its line ending would have it. */
function textVariants(written: KeyText): readonly KeyEncoding[] {
  if (written.text === undefined) return [];
  let variants = variantsByText.get(written);
  if (!variants) {
    const what = `exact text of ${WRITTEN_AS[written.kind]} in ${written.file}`;
    const value = written.text;
    variants = [
      text(what, value),
      text(`${what} plus newline`, `${value}\n`),
      text(`${what} plus CRLF`, `${value}\r\n`),
      text(`${what} without its trailing newline`, value.replace(/\r?\n$/, '')),
    ];
    variantsByText.set(written, variants);
  }
  return variants;
}

function candidates(key: KeyringKey): KeyEncoding[] {
  if (!key.publicJwk || !key.spki) return [];
  const encodings: KeyEncoding[] = [...pemVariants('SPKI', 'PUBLIC KEY', key.spki), encoding('SPKI DER', key.spki)];
  if (key.publicJwk.kty === 'RSA') {
    const pkcs1 = jwkToPkcs1(key.publicJwk);
    encodings.push(...pemVariants('PKCS#1', 'RSA PUBLIC KEY', pkcs1), encoding('PKCS#1 DER', pkcs1));
  }
  if (key.certificate)
    encodings.push(
      ...pemVariants('certificate', 'CERTIFICATE', key.certificate.der),
      encoding('certificate DER', key.certificate.der),
    );
  const jwks = key.asWritten?.filter((written) => written.members !== undefined) ?? [];
  const jsonTexts =
    jwks.length > 0
      ? jwks.flatMap((written) => jwkSerialisations(key.publicJwk!, written.members, written.file))
      : jwkSerialisations(key.publicJwk);
  for (const { name, json } of jsonTexts) encodings.push(text(name, json));
  for (const written of key.asWritten ?? []) encodings.push(...textVariants(written));
  return encodings;
}

/** Hex of each byte string, computed once (dedupe compares whole texts: a chain file is kilobytes). */
const hexByBytes = new WeakMap<Uint8Array, string>();
function identityOf(bytes: Uint8Array): string {
  let hex = hexByBytes.get(bytes);
  if (hex === undefined) hexByBytes.set(bytes, (hex = bytesToHex(bytes)));
  return hex;
}

/** The first of each distinct byte string (the earlier, more canonical name is kept for the evidence). */
function firstOfEach<T>(items: readonly T[], bytesOf: (item: T) => Uint8Array): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const identity = identityOf(bytesOf(item));
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}

/** Keyring keys are immutable, so each key's encodings are built once, not once per token and signature. */
const encodingsByKey = new WeakMap<KeyringKey, readonly KeyEncoding[]>();

/** All candidate encodings of a keyring public key, without duplicates. */
export function keyEncodings(key: KeyringKey): readonly KeyEncoding[] {
  let encodings = encodingsByKey.get(key);
  if (!encodings) encodingsByKey.set(key, (encodings = firstOfEach(candidates(key), (candidate) => candidate.bytes)));
  return encodings;
}

/** A candidate HMAC secret and the key it encodes. */
export interface KeyCandidate {
  readonly key: KeyringKey;
  readonly encoding: KeyEncoding;
}

const candidatesByKeyring = new WeakMap<Keyring, readonly KeyCandidate[]>();

/**
 * Every distinct encoding of every public key of a keyring, with the first key that has it: the keys of one chain
 * or JWKS file share its whole text, which is then MACed once per token instead of once per key.
 */
export function keyringEncodings(keyring: Keyring): readonly KeyCandidate[] {
  let all = candidatesByKeyring.get(keyring);
  if (!all) {
    const pairs = keyring.keys.flatMap((key) => keyEncodings(key).map((encoding) => ({ key, encoding })));
    candidatesByKeyring.set(keyring, (all = firstOfEach(pairs, (pair) => pair.encoding.bytes)));
  }
  return all;
}
