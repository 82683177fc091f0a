import { flattenedVerify, importJWK } from 'jose';
import { sha256Hex } from '../evidence/sha256';
import { jwkThumbprint } from '../token/keyring/thumbprint';
import { parseCertificate } from '../token/keyring/x509';
import type { PublicJwk } from '../token/keyring/public-key';
import { decodeBase64UrlStrict, encodeBase64Url } from '../token/strict/base64url-strict';
import { REPORT_FILES, type ReportManifest } from './report-package';
import type { ReportSignatureHeader } from './sign-report';
import { compareEvidence, type EvidenceFileHash } from './compare-evidence';
import { appendAll } from '../util/append-all';

/** One check of a report package and its result; a failure names the file and what differs. */
export interface ReportCheck {
  /** Stable id: `signature`, `signer-pinned`, `manifest`, `file`, `unlisted-file`, `evidence`… (docs/reports.md). */
  readonly id: string;
  readonly status: 'pass' | 'fail' | 'skipped';
  /** The package file (or evidence file) the check is about. */
  readonly file?: string;
  readonly message: string;
}

/** The verdict on a report package. */
export interface ReportVerification {
  /** True when no check failed. */
  readonly verified: boolean;
  readonly checks: readonly ReportCheck[];
  /** Who signed and when, as the (verified or not) protected header says. */
  readonly signer?: { readonly name: string; readonly signedAt: string; readonly kid: string; readonly alg: string };
}

/** What a reviewer brings besides the package. */
export interface VerifyReportOptions {
  /** The signer's public key, obtained out of band: the signature must be by this key. */
  readonly pinnedKey?: PublicJwk;
  /** Or only its RFC 7638 thumbprint (what an organisation publishes): the signer's `kid` must be this. */
  readonly pinnedThumbprint?: string;
  /** The evidence files (path, size, SHA-256) of the bundle the report claims to be about. */
  readonly evidence?: readonly EvidenceFileHash[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A base64url segment's bytes, only when it is exactly the canonical encoding (no stray bits, no padding). */
function canonicalSegment(text: string): Uint8Array | undefined {
  const { bytes } = decodeBase64UrlStrict(text, 'segment');
  return bytes && encodeBase64Url(bytes) === text ? bytes : undefined;
}

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const fail = (id: string, message: string, file?: string): ReportCheck => ({ id, status: 'fail', file, message });
const pass = (id: string, message: string, file?: string): ReportCheck => ({ id, status: 'pass', file, message });

type HeaderResult = { header: ReportSignatureHeader; parts: [string, string] } | { failure: ReportCheck };

/** The compact detached JWS `header..signature`, read strictly. */
function readSignatureFile(bytes: Uint8Array): HeaderResult {
  const file = REPORT_FILES.signature;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { failure: fail('signature-format', 'is not UTF-8 text', file) };
  }
  const parts = text.split('.');
  if (parts.length !== 3 || parts[1] !== '')
    return { failure: fail('signature-format', 'is not a detached compact JWS (header..signature)', file) };
  const headerBytes = canonicalSegment(parts[0]!);
  if (!headerBytes || !canonicalSegment(parts[2]!))
    return { failure: fail('signature-format', 'holds a segment that is not canonical base64url', file) };
  const header = parseJsonObject(headerBytes);
  if (!header) return { failure: fail('signature-format', 'its protected header is not a JSON object', file) };
  if (header.alg !== 'EdDSA' && header.alg !== 'ES256')
    return { failure: fail('signature-format', `alg ${JSON.stringify(header.alg)} is not EdDSA or ES256`, file) };
  if (typeof header.jwk !== 'object' || header.jwk === null || typeof header.kid !== 'string')
    return { failure: fail('signature-format', 'its protected header lacks jwk or kid', file) };
  let thumbprint: string;
  try {
    thumbprint = jwkThumbprint(header.jwk as PublicJwk);
  } catch {
    return { failure: fail('signature-format', 'its header jwk is not a public key', file) };
  }
  if (thumbprint !== header.kid)
    return { failure: fail('signature-format', `kid ${header.kid} is not the thumbprint of the header's key`, file) };
  return { header: header as unknown as ReportSignatureHeader, parts: [parts[0]!, parts[2]!] };
}

async function signatureHolds(
  header: ReportSignatureHeader,
  parts: [string, string],
  manifest: Uint8Array,
  key: PublicJwk,
) {
  try {
    const imported = await importJWK({ ...key }, header.alg);
    await flattenedVerify({ protected: parts[0], payload: encodeBase64Url(manifest), signature: parts[1] }, imported, {
      algorithms: [header.alg],
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The signer's certificate (`x5c`, leaf first), when the key is an organisation's: its key must be the signing key.
 * The chain is shown, not validated against a trust anchor: the reviewer compares it with their organisation's.
 */
function checkCertificate(header: ReportSignatureHeader): ReportCheck | undefined {
  if (header.x5c === undefined) return undefined;
  const file = REPORT_FILES.signature;
  const [leaf] = Array.isArray(header.x5c) ? header.x5c : [];
  if (typeof leaf !== 'string') return fail('certificate', 'x5c is not a list of base64 certificates', file);
  // x5c is standard base64 with padding: read as base64url once '+/' are mapped and the (at most two) '=' dropped.
  const unpadded = leaf.endsWith('==') ? leaf.slice(0, -2) : leaf.endsWith('=') ? leaf.slice(0, -1) : leaf;
  const der = decodeBase64UrlStrict(unpadded.replace(/\+/g, '-').replace(/\//g, '_'), 'x5c').bytes;
  try {
    const certificate = parseCertificate(der ?? new Uint8Array(0));
    return jwkThumbprint(certificate.publicJwk) === header.kid
      ? pass(
          'certificate',
          `the signing key is certified to "${certificate.subject}" by "${certificate.issuer}" (chain of ${header.x5c.length}, not validated here against a trust anchor)`,
          file,
        )
      : fail(
          'certificate',
          `the certificate of "${certificate.subject}" is for another key than the signing key`,
          file,
        );
  } catch {
    return fail('certificate', 'the x5c leaf certificate cannot be read', file);
  }
}

function readManifest(bytes: Uint8Array): ReportManifest | undefined {
  const value = parseJsonObject(bytes);
  if (value?.format !== 'tokentrail-report-manifest' || value.formatVersion !== 1 || !Array.isArray(value.files))
    return undefined;
  return value as unknown as ReportManifest;
}

/** Every file of the package against the manifest: present, same size, same SHA-256; and nothing unlisted. */
function checkFiles(manifest: ReportManifest, files: ReadonlyMap<string, Uint8Array>): ReportCheck[] {
  const checks: ReportCheck[] = [];
  const listed = new Set<string>([REPORT_FILES.manifest, REPORT_FILES.signature]);
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const bytes = files.get(entry.path);
    if (!bytes) {
      checks.push(fail('file', 'is listed in the manifest but missing from the package', entry.path));
      continue;
    }
    const actual = sha256Hex(bytes);
    if (bytes.length !== entry.size || actual !== entry.sha256)
      checks.push(
        fail(
          'file',
          `differs from the signed manifest: ${bytes.length} bytes, SHA-256 ${actual}; the manifest says ${entry.size} bytes, SHA-256 ${entry.sha256}`,
          entry.path,
        ),
      );
    else checks.push(pass('file', `${entry.size} bytes, SHA-256 ${actual} as signed`, entry.path));
  }
  for (const path of files.keys())
    if (!listed.has(path)) checks.push(fail('unlisted-file', 'is in the package but not in the signed manifest', path));
  return checks;
}

/**
 * Verify a report package (its files by name): the signature over manifest.json (with the header's key, or the
 * pinned key when given, which must then be the signer's), every file against the manifest, and — when the
 * evidence is given — every evidence hash in report.json against it. Runs on WebCrypto (jose), in every host.
 */
export async function verifyReportPackage(
  files: ReadonlyMap<string, Uint8Array>,
  options: VerifyReportOptions = {},
): Promise<ReportVerification> {
  const checks: ReportCheck[] = [];
  const manifestBytes = files.get(REPORT_FILES.manifest);
  const signatureBytes = files.get(REPORT_FILES.signature);
  if (!manifestBytes || !signatureBytes) {
    const missing = !manifestBytes ? REPORT_FILES.manifest : REPORT_FILES.signature;
    return { verified: false, checks: [fail('package', 'is missing: this is not a signed report package', missing)] };
  }
  const read = readSignatureFile(signatureBytes);
  if ('failure' in read) return { verified: false, checks: [read.failure] };
  const { header, parts } = read;
  const signer = { name: String(header.signer), signedAt: String(header.signedAt), kid: header.kid, alg: header.alg };
  const pinned = options.pinnedKey;
  const pinnedThumbprint = pinned ? jwkThumbprint(pinned) : options.pinnedThumbprint?.trim();
  if (pinnedThumbprint)
    checks.push(
      pinnedThumbprint === header.kid
        ? pass('signer-pinned', `signed by the pinned key ${pinnedThumbprint}`, REPORT_FILES.signature)
        : fail(
            'signer-pinned',
            `signed by key ${header.kid}, not by the pinned key ${pinnedThumbprint}`,
            REPORT_FILES.signature,
          ),
    );
  else
    checks.push({
      id: 'signer-pinned',
      status: 'skipped',
      file: REPORT_FILES.signature,
      message: `no key pinned: the signature proves integrity, not who key ${header.kid} belongs to`,
    });
  const certificate = checkCertificate(header);
  if (certificate) checks.push(certificate);
  const holds = await signatureHolds(header, parts, manifestBytes, pinned ?? header.jwk);
  checks.push(
    holds
      ? pass('signature', `${header.alg} signature by ${header.kid} over manifest.json holds`, REPORT_FILES.manifest)
      : fail('signature', `the ${header.alg} signature does not verify over manifest.json`, REPORT_FILES.manifest),
  );
  const manifest = readManifest(manifestBytes);
  if (!manifest) checks.push(fail('manifest', 'is not a report manifest', REPORT_FILES.manifest));
  else appendAll(checks, checkFiles(manifest, files));
  if (options.evidence) checks.push(...compareEvidence(files.get(REPORT_FILES.json), options.evidence));
  return { verified: checks.every((check) => check.status !== 'fail'), checks, signer };
}
