import type { KeyringKey } from '../keyring/key-types';
import { writePem } from '../keyring/pem';
import { jwkToPkcs1 } from '../keyring/public-key';
import { thumbprintInput } from '../keyring/thumbprint';

/**
 * Every byte string a server might have passed as the "secret" when it let an HS* token be verified with a public
 * key (algorithm confusion): the key as PEM (SPKI and PKCS#1, with and without the trailing newline, LF and CRLF),
 * DER, the certificate as PEM and DER, the JWK as JSON, and the exact text of the file it came from.
 */

/** One encoding of a public key, named for the evidence. */
export interface KeyEncoding {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const encoder = new TextEncoder();

function pemVariants(name: string, label: string, der: Uint8Array): KeyEncoding[] {
  const lf = writePem(label, der, '\n');
  const crlf = writePem(label, der, '\r\n');
  return [
    { name: `${name} PEM (LF, trailing newline)`, bytes: encoder.encode(lf) },
    { name: `${name} PEM (LF, no trailing newline)`, bytes: encoder.encode(lf.slice(0, -1)) },
    { name: `${name} PEM (CRLF, trailing newline)`, bytes: encoder.encode(crlf) },
    { name: `${name} PEM (CRLF, no trailing newline)`, bytes: encoder.encode(crlf.slice(0, -2)) },
  ];
}

/** All candidate encodings of a keyring public key, without duplicates. */
export function keyEncodings(key: KeyringKey): KeyEncoding[] {
  if (!key.publicJwk || !key.spki) return [];
  const encodings: KeyEncoding[] = [...pemVariants('SPKI', 'PUBLIC KEY', key.spki), { name: 'SPKI DER', bytes: key.spki }];
  if (key.publicJwk.kty === 'RSA') {
    const pkcs1 = jwkToPkcs1(key.publicJwk);
    encodings.push(...pemVariants('PKCS#1', 'RSA PUBLIC KEY', pkcs1), { name: 'PKCS#1 DER', bytes: pkcs1 });
  }
  if (key.certificate) encodings.push(...pemVariants('certificate', 'CERTIFICATE', key.certificate.der), { name: 'certificate DER', bytes: key.certificate.der });
  const jwk = key.publicJwk;
  encodings.push({ name: 'JWK JSON (RFC 7638 member order)', bytes: encoder.encode(thumbprintInput(jwk)) });
  encodings.push({ name: 'JWK JSON (as serialised by JSON.stringify)', bytes: encoder.encode(JSON.stringify(key.kid !== undefined ? { ...jwk, kid: key.kid } : jwk)) });
  encodings.push({ name: 'JWK JSON (members only)', bytes: encoder.encode(JSON.stringify(jwk)) });
  if (key.originalText !== undefined) {
    const text = key.originalText;
    encodings.push({ name: `exact text from ${key.source.file}`, bytes: encoder.encode(text) });
    encodings.push({ name: `exact text from ${key.source.file} plus newline`, bytes: encoder.encode(`${text}\n`) });
    encodings.push({ name: `exact text from ${key.source.file} plus CRLF`, bytes: encoder.encode(`${text}\r\n`) });
  }
  const seen = new Set<string>();
  return encodings.filter((encoding) => {
    const identity = [...encoding.bytes].join(',');
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}
