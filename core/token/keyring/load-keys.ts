import { decodeBase64UrlStrict } from '../strict/base64url-strict';
import { isJsonObject, parseJsonStrict } from '../strict/json-strict';
import { Asn1Error } from './asn1';
import { keyMaterialProblem } from './key-material';
import type { KeyFormat, KeyProblem, KeyringKey, KeySource, KeyText, LoadedKeys } from './key-types';
import { readPemBlocks } from './pem';
import {
  jwkToSpki,
  pkcs1PrivateToJwk,
  pkcs1PublicToJwk,
  pkcs8ToPublic,
  publicJwkOf,
  rsaModulusBits,
  sec1ToPublic,
  spkiToJwk,
  UnsupportedKeyError,
  type PrivateKeyPublicPart,
  type PublicJwk,
} from './public-key';
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
export type PublicKeyDeriver = (
  pkcs8: Uint8Array,
  kind: { readonly kind: 'Ed25519' } | { readonly kind: 'EC'; readonly crv: 'P-256' | 'P-384' | 'P-521' },
) => Promise<PublicJwk | undefined>;

/** Options of {@link loadKeyFile}. */
export interface LoadKeyOptions {
  readonly derivePublic?: PublicKeyDeriver;
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];
const PRIVATE_PEM = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|Proc-Type:|DEK-Info:/;

type PublicKeyExtra = Partial<Pick<KeyringKey, 'kid' | 'alg' | 'use' | 'keyOps' | 'certificate' | 'asWritten'>>;

/** Build a keyring key for an asymmetric public key. */
export function publicKeyEntry(jwk: PublicJwk, source: KeySource, extra: PublicKeyExtra = {}): KeyringKey {
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
export function secretKeyEntry(
  secret: Uint8Array,
  source: KeySource,
  extra: Partial<Pick<KeyringKey, 'kid' | 'alg' | 'use' | 'keyOps'>> = {},
): KeyringKey {
  const thumbprint = secretThumbprint(secret);
  return {
    id: `${thumbprint}@${source.file}#${source.index ?? 0}:${source.secretEncoding ?? ''}`,
    kty: 'oct',
    thumbprint,
    secret,
    source,
    ...extra,
  };
}

interface Collector {
  readonly file: string;
  readonly keys: KeyringKey[];
  readonly certificates: CertificateInfo[];
  readonly problems: KeyProblem[];
  readonly options: LoadKeyOptions;
  /** Set when the file holds private or secret material: its whole text must then not be kept with its keys. */
  holdsPrivate: boolean;
}

const problem = (collector: Collector, code: KeyProblem['code'], message: string): void =>
  void collector.problems.push({ code, file: collector.file, message: `${collector.file}: ${message}` });

function describeError(error: unknown): string {
  return error instanceof Asn1Error || error instanceof UnsupportedKeyError
    ? error.message
    : `unexpected error: ${String(error)}`;
}

/**
 * Add a public key unless its material is unusable (off-curve point, tiny modulus…): such a key is reported and left
 * out, because verifying with it would call every genuine token altered when the truth is that no usable key exists.
 */
function addPublicKey(
  collector: Collector,
  what: string,
  jwk: PublicJwk,
  source: Omit<KeySource, 'file'>,
  extra: PublicKeyExtra = {},
): void {
  const reason = keyMaterialProblem(jwk);
  if (reason)
    return problem(
      collector,
      'key-invalid',
      `${what} cannot be used: ${reason}. It is left out of the keyring; tokens it should verify will show as no-key.`,
    );
  collector.keys.push(publicKeyEntry(jwk, { file: collector.file, ...source }, extra));
}

const pemBlockText = (collector: Collector, text: string | undefined): PublicKeyExtra =>
  text === undefined ? {} : { asWritten: [{ file: collector.file, kind: 'pem-block', text }] };

async function addPrivatePart(
  collector: Collector,
  part: PrivateKeyPublicPart,
  format: KeyFormat,
  index: number,
): Promise<void> {
  let jwk: PublicJwk | undefined;
  if ('jwk' in part) jwk = part.jwk;
  else if (collector.options.derivePublic)
    jwk = await collector.options.derivePublic(part.pkcs8, part.derive).catch(() => undefined);
  if (!jwk) {
    problem(
      collector,
      'key-no-public-part',
      `private key ${index + 1} does not carry its public key and this host could not derive it; export the public key (openssl pkey -pubout) and add that instead.`,
    );
    return;
  }
  addPublicKey(collector, `private key ${index + 1}`, jwk, { format, index, privatePartDropped: true });
}

function addCertificates(
  collector: Collector,
  ders: readonly Uint8Array[],
  format: KeyFormat,
  texts: readonly (string | undefined)[] = [],
): CertificateInfo[] {
  const parsed: CertificateInfo[] = [];
  ders.forEach((der, index) => {
    try {
      const certificate = parseCertificate(der);
      parsed.push(certificate);
      collector.certificates.push(certificate);
      addPublicKey(
        collector,
        `certificate ${index + 1}`,
        certificate.publicJwk,
        { format, index },
        { certificate, ...pemBlockText(collector, texts[index]) },
      );
    } catch (error) {
      problem(collector, 'key-unreadable', `certificate ${index + 1} cannot be read (${describeError(error)}).`);
    }
  });
  return parsed;
}

async function addDer(
  collector: Collector,
  der: Uint8Array,
  label: string | undefined,
  index: number,
  text?: string,
): Promise<void> {
  const pem = label !== undefined;
  try {
    switch (label) {
      case 'CERTIFICATE':
      case 'TRUSTED CERTIFICATE':
        addCertificates(collector, [der], 'x509-pem', [text]);
        return;
      case 'PUBLIC KEY':
        addPublicKey(
          collector,
          `PEM block ${index + 1} ("${label}")`,
          spkiToJwk(der),
          { format: 'pem-spki', index },
          pemBlockText(collector, text),
        );
        return;
      case 'RSA PUBLIC KEY':
        addPublicKey(
          collector,
          `PEM block ${index + 1} ("${label}")`,
          pkcs1PublicToJwk(der),
          { format: 'pem-pkcs1', index },
          pemBlockText(collector, text),
        );
        return;
      case 'PRIVATE KEY':
        return await addPrivatePart(collector, pkcs8ToPublic(der), 'pem-pkcs8', index);
      case 'RSA PRIVATE KEY':
        return await addPrivatePart(collector, { jwk: pkcs1PrivateToJwk(der) }, 'pem-rsa-private', index);
      case 'EC PRIVATE KEY':
        return await addPrivatePart(collector, sec1ToPublic(der), 'pem-ec-private', index);
      case 'ENCRYPTED PRIVATE KEY':
        problem(
          collector,
          'key-encrypted',
          `block ${index + 1} is an encrypted private key; Tokentrail never asks for passphrases. Add the public key or certificate instead.`,
        );
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
      ['der-spki', async () => addPublicKey(collector, 'the key', spkiToJwk(der), { format: 'der-spki', index })],
      ['der-pkcs8', () => addPrivatePart(collector, pkcs8ToPublic(der), 'der-pkcs8', index)],
      [
        'der-pkcs1',
        async () => addPublicKey(collector, 'the key', pkcs1PublicToJwk(der), { format: 'der-pkcs1', index }),
      ],
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
    problem(
      collector,
      lastError instanceof UnsupportedKeyError ? 'key-unsupported' : 'key-unreadable',
      `the DER content is not a certificate, SPKI, PKCS#8 or PKCS#1 key (${describeError(lastError)}).`,
    );
  } catch (error) {
    problem(
      collector,
      error instanceof UnsupportedKeyError ? 'key-unsupported' : 'key-unreadable',
      `${pem ? `PEM block "${label}"` : 'the key'} cannot be used (${describeError(error)}).`,
    );
  }
}

/**
 * `text` is the JWK's exact text when it is the whole file (a JWKS entry's exact text is not kept apart). Only the
 * public members are kept as written: a private JWK's text is never stored.
 */
function addJwk(
  collector: Collector,
  jwk: Record<string, unknown>,
  format: KeyFormat,
  index: number,
  text?: string,
): void {
  const meta = {
    kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
    alg: typeof jwk.alg === 'string' ? jwk.alg : undefined,
    use: typeof jwk.use === 'string' ? jwk.use : undefined,
    keyOps: Array.isArray(jwk.key_ops) ? jwk.key_ops.filter((op): op is string => typeof op === 'string') : undefined,
  };
  const privatePartDropped = PRIVATE_JWK_MEMBERS.some((member) => member in jwk);
  if (privatePartDropped || jwk.kty === 'oct') collector.holdsPrivate = true;
  if (jwk.kty === 'oct') {
    const secret = typeof jwk.k === 'string' ? decodeBase64UrlStrict(jwk.k, 'k').bytes : undefined;
    if (!secret) return problem(collector, 'key-unreadable', `JWK ${index + 1} (oct) has no readable "k".`);
    collector.keys.push(secretKeyEntry(secret, { file: collector.file, format, index, secretEncoding: 'jwk-k' }, meta));
    return;
  }
  const publicJwk = publicJwkOf(jwk);
  if (!publicJwk)
    return problem(
      collector,
      'key-unsupported',
      `JWK ${index + 1} (kty ${JSON.stringify(jwk.kty)}${jwk.crv ? `, crv ${JSON.stringify(jwk.crv)}` : ''}) is not an RSA, EC P-256/384/521 or Ed25519 key.`,
    );
  let certificate: CertificateInfo | undefined;
  if (Array.isArray(jwk.x5c)) {
    const ders = jwk.x5c
      .map((entry) => (typeof entry === 'string' ? decodeBase64UrlStrict(entry, 'x5c').bytes : undefined))
      .filter((der): der is Uint8Array => der !== undefined);
    for (const [offset, der] of ders.entries()) {
      try {
        const parsed = parseCertificate(der);
        collector.certificates.push(parsed);
        if (offset === 0) certificate = parsed;
      } catch (error) {
        problem(
          collector,
          'key-unreadable',
          `JWK ${index + 1}: x5c certificate ${offset + 1} cannot be read (${describeError(error)}).`,
        );
      }
    }
  }
  const members = Object.fromEntries(Object.entries(jwk).filter(([name]) => !PRIVATE_JWK_MEMBERS.includes(name)));
  const written: KeyText = { file: collector.file, kind: 'jwk', text: privatePartDropped ? undefined : text, members };
  try {
    addPublicKey(
      collector,
      `JWK ${index + 1} (${publicJwk.kty}${'crv' in publicJwk ? ` ${publicJwk.crv}` : ''})`,
      publicJwk,
      { format, index, privatePartDropped },
      { ...meta, certificate, asWritten: [written] },
    );
  } catch (error) {
    problem(collector, 'key-unreadable', `JWK ${index + 1} cannot be read (${describeError(error)}).`);
  }
}

function addJson(collector: Collector, text: string): void {
  const parsed = parseJsonStrict(text);
  if (!parsed.ok)
    return problem(
      collector,
      'key-unreadable',
      `starts like JSON but is not valid JSON (${parsed.error} at character ${parsed.offset}).`,
    );
  const value = parsed.value;
  if (isJsonObject(value) && Array.isArray(value.keys)) {
    value.keys.forEach((entry, index) =>
      isJsonObject(entry)
        ? addJwk(collector, entry, 'jwks', index)
        : problem(collector, 'key-unreadable', `keys[${index}] is not a JWK object.`),
    );
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((entry, index) =>
      isJsonObject(entry)
        ? addJwk(collector, entry, 'jwks', index)
        : problem(collector, 'key-unreadable', `entry ${index} is not a JWK object.`),
    );
    return;
  }
  if (isJsonObject(value) && typeof value.kty === 'string') return addJwk(collector, value, 'jwk', 0, text.trim());
  problem(collector, 'key-unreadable', 'is JSON but neither a JWK (with "kty") nor a JWKS (with "keys").');
}

/** Load every key in one file. `file` names it in problems and key sources. */
export async function loadKeyFile(bytes: Uint8Array, file: string, options: LoadKeyOptions = {}): Promise<LoadedKeys> {
  const collector: Collector = { file, keys: [], certificates: [], problems: [], options, holdsPrivate: false };
  const text = new TextDecoder('utf-8').decode(bytes);
  const trimmed = text.trim();
  if (text.includes('-----BEGIN ')) {
    const { blocks, unreadable } = readPemBlocks(text);
    // Any private key block, readable or not, encrypted or not, keeps the file's text out of the keyring.
    collector.holdsPrivate = PRIVATE_PEM.test(text);
    for (const label of unreadable)
      problem(collector, 'key-unreadable', `PEM block "${label}" has no readable base64 body.`);
    for (const [index, block] of blocks.entries()) {
      if (block.encryptedHeaders)
        problem(
          collector,
          'key-encrypted',
          `PEM block "${block.label}" is encrypted (Proc-Type: 4,ENCRYPTED); add the public key instead.`,
        );
      else await addDer(collector, block.der, block.label, index, block.text);
    }
  } else if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    addJson(collector, text);
  } else if (bytes[0] === 0x30 && bytes.length > 32) {
    // DER files need no whole-file text: their bytes are the SPKI, PKCS#1 or certificate DER key-confusion tries.
    await addDer(collector, bytes, undefined, 0);
    return collector;
  } else if (bytes.length === 0 || trimmed.length === 0) {
    problem(
      collector,
      'key-unreadable',
      'is empty: an empty file is not an HMAC secret. (An empty HMAC key is tested by the empty-hmac-key check anyway.)',
    );
  } else {
    addSecret(collector, bytes, text);
  }
  if (!collector.holdsPrivate) withWholeFileText(collector, bytes);
  return collector;
}

/**
 * Record the whole file's text with each of its public keys: a server that HMACs with "the key file" uses all of it
 * (a certificate chain, comments, a JWKS), not just the block the key is in. The byte order mark is kept.
 */
function withWholeFileText(collector: Collector, bytes: Uint8Array): void {
  const whole: KeyText = {
    file: collector.file,
    kind: 'file',
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
  };
  collector.keys.forEach((key, index) => {
    if (key.publicJwk) collector.keys[index] = { ...key, asWritten: [...(key.asWritten ?? []), whole] };
  });
}

function addSecret(collector: Collector, bytes: Uint8Array, text: string): void {
  const withoutNewline = text.replace(/\r?\n$/, '');
  if (withoutNewline !== text) {
    collector.keys.push(
      secretKeyEntry(new TextEncoder().encode(withoutNewline), {
        file: collector.file,
        format: 'secret',
        index: 0,
        secretEncoding: 'trimmed',
      }),
    );
  }
  collector.keys.push(
    secretKeyEntry(bytes, { file: collector.file, format: 'secret', index: 0, secretEncoding: 'as-file' }),
  );
}
