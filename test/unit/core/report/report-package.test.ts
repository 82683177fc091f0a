import { describe, expect, it } from 'vitest';
import {
  buildReport,
  createReportPackage,
  REPORT_FILES,
  verifyReportPackage,
  type ReportPackageFile,
} from '../../../../core/report';
import { reportInput, webCryptoSigner } from './report-fixture';

const GENERATED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);

const asMap = (files: readonly ReportPackageFile[]) => new Map(files.map((file) => [file.path, file.bytes]));

async function packageFor(signer: Awaited<ReturnType<typeof webCryptoSigner>>) {
  return createReportPackage(buildReport(reportInput(), { generatedAt: GENERATED_AT }), signer, {
    signedAt: GENERATED_AT,
  });
}

describe('report package: determinism', () => {
  it('two Ed25519 builds of the same case state at the same time are byte-identical, file by file', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const first = await packageFor(signer);
    const second = await packageFor(signer);
    expect(first.map((file) => file.path)).toEqual([
      REPORT_FILES.json,
      REPORT_FILES.html,
      REPORT_FILES.manifest,
      REPORT_FILES.signature,
    ]);
    for (const [index, file] of first.entries())
      expect(Buffer.from(second[index]!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
  });

  it('ES256 signatures are randomised (ECDSA), but every signed file is identical and both verify', async () => {
    const signer = await webCryptoSigner('ES256');
    const [first, second] = [await packageFor(signer), await packageFor(signer)];
    for (const index of [0, 1, 2])
      expect(Buffer.from(second[index]!.bytes).equals(Buffer.from(first[index]!.bytes))).toBe(true);
    expect((await verifyReportPackage(asMap(first), { pinnedKey: signer.publicJwk })).verified).toBe(true);
    expect((await verifyReportPackage(asMap(second), { pinnedKey: signer.publicJwk })).verified).toBe(true);
  });

  it('a different generation time changes report.json', async () => {
    const input = reportInput();
    const a = buildReport(input, { generatedAt: GENERATED_AT });
    const b = buildReport(input, { generatedAt: GENERATED_AT + 1 });
    expect(a.generatedAt).not.toBe(b.generatedAt);
  });
});

describe('report package: verification', () => {
  it('verifies with the pinned key, listing each check', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const result = await verifyReportPackage(asMap(await packageFor(signer)), { pinnedKey: signer.publicJwk });
    expect(result.verified).toBe(true);
    expect(result.signer).toMatchObject({ name: 'Ada Examiner', signedAt: '2026-12-01T10:00:00.000Z', alg: 'EdDSA' });
    expect(result.checks.map((check) => `${check.status} ${check.id} ${check.file}`)).toEqual([
      'pass signer-pinned manifest.jws',
      'pass signature manifest.json',
      'pass file report.html',
      'pass file report.json',
    ]);
  });

  it('pins by thumbprint alone, as an organisation publishes it', async () => {
    const signer = await webCryptoSigner('ES256');
    const files = asMap(await packageFor(signer));
    const { kid } = (await verifyReportPackage(files)).signer!;
    expect((await verifyReportPackage(files, { pinnedThumbprint: kid })).verified).toBe(true);
    const wrong = await verifyReportPackage(files, { pinnedThumbprint: `${kid.slice(1)}A` });
    expect(wrong.checks.filter((check) => check.status === 'fail').map((check) => check.id)).toEqual(['signer-pinned']);
  });

  it('refuses a package signed by another key than the pinned one', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const other = await webCryptoSigner('EdDSA');
    const result = await verifyReportPackage(asMap(await packageFor(signer)), { pinnedKey: other.publicJwk });
    expect(result.verified).toBe(false);
    expect(result.checks.filter((check) => check.status === 'fail').map((check) => check.id)).toEqual([
      'signer-pinned',
      'signature',
    ]);
  });

  it('refuses a package re-signed by an attacker who swapped report.json and the manifest', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const attacker = await webCryptoSigner('EdDSA', 'Ada Examiner');
    const forged = asMap(await packageFor(attacker));
    // Without a pinned key the forgery is internally consistent: only pinning tells whose key it is.
    expect((await verifyReportPackage(forged)).verified).toBe(true);
    expect((await verifyReportPackage(forged, { pinnedKey: signer.publicJwk })).verified).toBe(false);
  });

  it('detects every single flipped byte of every file of a small package', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const files = await packageFor(signer);
    let flips = 0;
    for (const file of files) {
      for (let offset = 0; offset < file.bytes.length; offset++) {
        // The lowest bit: the subtlest change (a base64url character's padding bits, a digit one higher).
        const changed = Uint8Array.from(file.bytes);
        changed[offset]! ^= 0x01;
        const map = asMap(files);
        map.set(file.path, changed);
        const result = await verifyReportPackage(map, { pinnedKey: signer.publicJwk });
        if (result.verified) throw new Error(`flipped bit at ${file.path}:${offset} went undetected`);
        flips++;
      }
    }
    expect(flips).toBe(files.reduce((total, file) => total + file.bytes.length, 0));
  }, 240_000);

  it('names the file that differs, a missing file, and a file added to the package', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const map = asMap(await packageFor(signer));
    map.set(REPORT_FILES.html, new TextEncoder().encode('<p>replaced</p>'));
    map.delete(REPORT_FILES.json);
    map.set('extra.txt', new Uint8Array([1]));
    const failures = (await verifyReportPackage(map)).checks.filter((check) => check.status === 'fail');
    expect(failures.map((check) => `${check.id} ${check.file}`)).toEqual([
      'file report.html',
      'file report.json',
      'unlisted-file extra.txt',
    ]);
    expect(failures[0]!.message).toMatch(/15 bytes, SHA-256 [0-9a-f]{64}; the manifest says \d+ bytes/);
    expect(failures[1]!.message).toContain('missing');
  });

  it('compares the evidence hashes in report.json with the bundle, naming the file that differs', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const map = asMap(await packageFor(signer));
    const result = await verifyReportPackage(map, {
      evidence: [
        { path: 'logs/api.log', size: 120, sha256: 'f'.repeat(64) },
        { path: 'keys/jwks.json', size: 80, sha256: 'b'.repeat(64) },
        { path: 'extra.log', size: 1, sha256: 'e'.repeat(64) },
      ],
    });
    expect(result.verified).toBe(false);
    const evidence = result.checks.filter((check) => check.id === 'evidence');
    expect(evidence.map((check) => `${check.status} ${check.file}`)).toEqual([
      'fail logs/api.log',
      'pass keys/jwks.json',
      'fail extra.log',
    ]);
    expect(evidence[0]!.message).toContain(
      `SHA-256 ${'f'.repeat(64)}; the report says 120 bytes, SHA-256 ${'a'.repeat(64)}`,
    );
  });

  it('says the package is not one when the manifest or the signature is missing', async () => {
    const map = asMap(await packageFor(await webCryptoSigner('EdDSA')));
    map.delete(REPORT_FILES.signature);
    const result = await verifyReportPackage(map);
    expect(result).toMatchObject({ verified: false, checks: [{ id: 'package', file: 'manifest.jws' }] });
  });
});
