import { certificateSignedBy } from '../token/checks/x5c-chain';
import type { SignatureVerifier } from '../token/crypto/signature-verifier';
import { readPemBlocks } from '../token/keyring/pem';
import { publicKeyEntry } from '../token/keyring/load-keys';
import { pkcs8ToPublic, type PublicJwk } from '../token/keyring/public-key';
import { jwkThumbprint } from '../token/keyring/thumbprint';
import { parseCertificate, type CertificateInfo } from '../token/keyring/x509';
import { encodeBase64Url } from '../token/strict/base64url-strict';
import { verificationKeyOf } from '../token/verify/key-selection';
import type { ReportSignatureAlgorithm } from './sign-report';

/**
 * An organisation-issued report-signing key with its certificate chain, as an investigator imports it into the app:
 * a PKCS#8 private key (Ed25519 or P-256) and the PEM chain, leaf first, the leaf certifying that very key. Reading
 * it here, once for both app hosts, means both refuse the same material with the same reasons; the host then imports
 * the private key where it keeps keys (a non-extractable WebCrypto key, or Electron's main process) and proves it
 * holds the leaf's key with {@link proveKeyHolder} before storing anything.
 */

/** The signing keys a report can have, with the leaf's public key in the form the JWS header carries. */
export type OrganisationPublicJwk = Extract<PublicJwk, { kty: 'OKP'; crv: 'Ed25519' } | { kty: 'EC'; crv: 'P-256' }>;

/** What an import reads: the key (still PKCS#8 DER, for the host to import) and the checked chain. */
export interface OrganisationKeyMaterial {
  readonly alg: ReportSignatureAlgorithm;
  /** PKCS#8 PrivateKeyInfo DER: handed to the host's key store, never kept or returned by core. */
  readonly pkcs8: Uint8Array;
  readonly publicJwk: OrganisationPublicJwk;
  /** The chain as the JWS `x5c` header carries it: standard base64 DER, leaf first (RFC 7515 §4.1.6). */
  readonly x5c: readonly string[];
  readonly certificate: OrganisationCertificateSummary;
}

/** The leaf certificate in one line each, for the dialog and the key info. */
export interface OrganisationCertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly chainLength: number;
  /** Until when the leaf is valid (UTC epoch ms). */
  readonly notAfter: number;
}

/** Why an import was refused; `message` names the file and the problem, ready to show. */
export class OrganisationKeyError extends Error {
  override readonly name = 'OrganisationKeyError';
}

/** One file the investigator chose: its name (for messages) and its text. */
export interface OrganisationKeyFile {
  readonly name: string;
  readonly text: string;
}

/** PEM labels of private keys the app refuses, with what to do instead. */
const OTHER_KEY_LABELS: Readonly<Record<string, string>> = {
  'ENCRYPTED PRIVATE KEY':
    'an encrypted PKCS#8 key; decrypt it to a file first (openssl pkcs8 -in KEY -out plain.pem), import that, then delete it',
  'EC PRIVATE KEY': 'a SEC1 EC key; convert it to PKCS#8 first (openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem)',
  'RSA PRIVATE KEY': 'an RSA key; reports are signed with Ed25519 or P-256 keys',
  'OPENSSH PRIVATE KEY': 'an OpenSSH key; the app takes a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)',
};

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** Standard base64 with padding, as `x5c` is written (not base64url). */
function standardBase64(bytes: Uint8Array): string {
  const url = encodeBase64Url(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return url + '='.repeat((4 - (url.length % 4)) % 4);
}

function refuse(message: string): never {
  throw new OrganisationKeyError(message);
}

function readKeyAndCertificates(files: readonly OrganisationKeyFile[]): {
  key: { file: string; der: Uint8Array };
  certificates: { file: string; der: Uint8Array }[];
} {
  const keys: { file: string; der: Uint8Array }[] = [];
  const certificates: { file: string; der: Uint8Array }[] = [];
  for (const file of files) {
    const { blocks, unreadable } = readPemBlocks(file.text);
    if (unreadable.length > 0) refuse(`${file.name}: a ${unreadable[0]} block is not valid base64`);
    if (blocks.length === 0) refuse(`${file.name}: no PEM block (-----BEGIN …-----) in it`);
    for (const block of blocks) {
      if (block.label === 'PRIVATE KEY') keys.push({ file: file.name, der: block.der });
      else if (block.label === 'CERTIFICATE') certificates.push({ file: file.name, der: block.der });
      else if (OTHER_KEY_LABELS[block.label]) refuse(`${file.name}: ${OTHER_KEY_LABELS[block.label]}`);
      else refuse(`${file.name}: a ${block.label} block; expected PRIVATE KEY (PKCS#8) or CERTIFICATE blocks`);
    }
  }
  if (keys.length === 0) refuse('none of the chosen files holds a PKCS#8 private key (-----BEGIN PRIVATE KEY-----)');
  if (keys.length > 1)
    refuse(`the chosen files hold ${keys.length} private keys (${keys.map((k) => k.file).join(', ')}); choose one`);
  if (certificates.length === 0)
    refuse(
      "none of the chosen files holds a certificate (-----BEGIN CERTIFICATE-----): choose the organisation's chain with the key",
    );
  return { key: keys[0]!, certificates };
}

/** The key type a PKCS#8 key is, as far as report signing cares. */
function signingTypeOf(file: string, pkcs8: Uint8Array): ReportSignatureAlgorithm {
  let part: ReturnType<typeof pkcs8ToPublic>;
  try {
    part = pkcs8ToPublic(pkcs8);
  } catch (error) {
    return refuse(`${file}: the private key cannot be read (${(error as Error).message})`);
  }
  const kind =
    'jwk' in part
      ? part.jwk.kty + ('crv' in part.jwk ? ` ${part.jwk.crv}` : '')
      : part.derive.kind === 'Ed25519'
        ? 'Ed25519'
        : `EC ${part.derive.crv}`;
  if (kind === 'Ed25519' || kind === 'OKP Ed25519') return 'EdDSA';
  if (kind === 'EC P-256') return 'ES256';
  return refuse(`${file}: the private key is ${kind}; reports are signed with Ed25519 or P-256 keys`);
}

function certificateAt(entry: { file: string; der: Uint8Array }, position: number): CertificateInfo {
  try {
    return parseCertificate(entry.der);
  } catch (error) {
    return refuse(`${entry.file}: certificate ${position} cannot be read (${(error as Error).message})`);
  }
}

/**
 * Read an organisation key and its chain from the files the investigator chose (the key and the chain may be in one
 * file or several; certificates are taken in the order given, leaf first). Refuses, naming the file and the problem:
 * no or several private keys, an encrypted or non-PKCS#8 key, a key that is not Ed25519 or P-256, no certificate, a
 * leaf for another key type or curve, a certificate outside its validity at `now`, and a chain whose certificates do
 * not each carry the signature of the next (the order must be leaf first). The chain is not checked against a trust
 * anchor: that is the reviewer's comparison with their organisation's.
 */
export async function readOrganisationKey(
  files: readonly OrganisationKeyFile[],
  options: { readonly verifier: SignatureVerifier; readonly now: number },
): Promise<OrganisationKeyMaterial> {
  const { key, certificates: entries } = readKeyAndCertificates(files);
  const alg = signingTypeOf(key.file, key.der);
  const chain = entries.map((entry, index) => certificateAt(entry, index + 1));
  chain.forEach((certificate, index) => {
    const where = `${entries[index]!.file}: certificate ${index + 1} (${certificate.subject})`;
    if (options.now < certificate.notBefore) refuse(`${where} is not valid before ${iso(certificate.notBefore)}`);
    if (options.now > certificate.notAfter) refuse(`${where} expired on ${iso(certificate.notAfter)}`);
  });
  for (let index = 0; index + 1 < chain.length; index += 1) {
    const [child, issuer] = [chain[index]!, chain[index + 1]!];
    if (!(await certificateSignedBy(child, issuer, options.verifier)))
      refuse(
        `certificate ${index + 2} (${issuer.subject}) did not issue certificate ${index + 1} (${child.subject}): the chain must be leaf first, each certificate followed by its issuer`,
      );
  }
  const leaf = chain[0]!;
  const leafKey = leaf.publicJwk;
  const matches =
    (alg === 'EdDSA' && leafKey.kty === 'OKP' && leafKey.crv === 'Ed25519') ||
    (alg === 'ES256' && leafKey.kty === 'EC' && leafKey.crv === 'P-256');
  if (!matches)
    refuse(
      `${entries[0]!.file}: the leaf certificate (${leaf.subject}) is for a ${leafKey.kty}${'crv' in leafKey ? ` ${leafKey.crv}` : ''} key, the private key is ${alg === 'EdDSA' ? 'Ed25519' : 'P-256'}: they are not a pair`,
    );
  return {
    alg,
    pkcs8: key.der,
    publicJwk: (leafKey.kty === 'OKP'
      ? { kty: 'OKP', crv: 'Ed25519', x: leafKey.x }
      : { kty: 'EC', crv: 'P-256', x: leafKey.x, y: leafKey.y }) as OrganisationPublicJwk,
    x5c: chain.map((certificate) => standardBase64(certificate.der)),
    certificate: { subject: leaf.subject, issuer: leaf.issuer, chainLength: chain.length, notAfter: leaf.notAfter },
  };
}

/** What the holder proves its key with: fixed text, so the check signs nothing an attacker could choose. */
const PROOF_INPUT = new TextEncoder().encode('tokentrail organisation key import: proof of possession');

/**
 * Prove that the key the host imported is the leaf certificate's: the host signs a fixed text with it (`sign`
 * returns a raw JWS signature) and the leaf's public key must verify it. Throws {@link OrganisationKeyError} when it
 * does not: the private key and the certificate are not a pair.
 */
export async function proveKeyHolder(
  material: Pick<OrganisationKeyMaterial, 'alg' | 'publicJwk' | 'certificate'>,
  sign: (input: Uint8Array) => Promise<Uint8Array>,
  verifier: SignatureVerifier,
): Promise<void> {
  const key = verificationKeyOf(publicKeyEntry(material.publicJwk, { file: 'certificate', format: 'x5c' }));
  const signature = await sign(PROOF_INPUT);
  if (!(await verifier.verify(material.alg, key, PROOF_INPUT, signature)))
    refuse(
      `the private key is not the key of the leaf certificate (${material.certificate.subject}, key ${jwkThumbprint(material.publicJwk)}): they are not a pair`,
    );
}
