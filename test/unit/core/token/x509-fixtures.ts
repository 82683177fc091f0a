// The committed X.509 fixtures (test/fixtures/x509, made by its generate.sh) and tokens signed with their keys.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeToken } from './token-helpers';

const DIRECTORY = path.resolve('test/fixtures/x509'); // tests run from the repository root, as the others do

/** A fixture certificate as PEM text. */
export const certificatePem = (name: string): string => readFileSync(path.join(DIRECTORY, `${name}.cert.pem`), 'utf8');

/** A fixture certificate as DER bytes. */
export const certificateDer = (name: string): Uint8Array =>
  new Uint8Array(Buffer.from(certificatePem(name).replace(/-----[^-]+-----|\s/g, ''), 'base64'));

/** An x5c header value (standard base64 DER, leaf first) from fixture names. */
export const x5cOf = (...names: string[]): string[] =>
  names.map((name) => Buffer.from(certificateDer(name)).toString('base64'));

/** An ES256 token signed with the key of the first certificate of `chain`, carrying the chain as x5c. */
export function x5cToken(chain: readonly string[], claims: Record<string, unknown>): string {
  return makeToken(
    'ES256',
    createPrivateKey(readFileSync(path.join(DIRECTORY, `${chain[0]}.key.pem`), 'utf8')),
    claims,
    { x5c: x5cOf(...chain) },
  );
}

/** Seconds since the epoch of a UTC date, for iat. */
export const seconds = (iso: string): number => Date.parse(iso) / 1000;
