import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, readZip } from '../../../../core/evidence';
import {
  buildReport,
  createReportPackage,
  createSignedReportPackage,
  packageFileMap,
  reportPackageZip,
  signManifest,
  verifyReportPackage,
} from '../../../../core/report';
import { memoryInput } from '../../../support/craft-zip';
import { reportInput, webCryptoSigner } from './report-fixture';

const GENERATED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);
const model = () => buildReport(reportInput(), { generatedAt: GENERATED_AT });

describe('report package as one zip', () => {
  it('holds every file at the top level, byte for byte, and verifies as read back by core and by fflate', async () => {
    const signer = await webCryptoSigner('ES256');
    const files = await createReportPackage(model(), signer, { signedAt: GENERATED_AT });
    const zip = await reportPackageZip(files);
    const read = packageFileMap(await readZip(memoryInput('report.zip', zip), DEFAULT_ZIP_LIMITS));
    expect([...read.keys()].sort()).toEqual(files.map((file) => file.path).sort());
    for (const file of files) expect(read.get(file.path)).toEqual(file.bytes);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([...read.keys()].sort());
    expect((await verifyReportPackage(read, {})).verified).toBe(true);
  });

  it('is byte-identical for the same package (no times in its headers)', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const files = await createReportPackage(model(), signer, { signedAt: GENERATED_AT });
    expect(await reportPackageZip(files)).toEqual(await reportPackageZip(files.map((file) => ({ ...file }))));
  });

  it('a host-held signer (the desktop app over IPC) gives the same package as a signer in hand', async () => {
    const signer = await webCryptoSigner('EdDSA');
    const inHand = await createReportPackage(model(), signer, { signedAt: GENERATED_AT });
    const overIpc = await createSignedReportPackage(model(), (manifest) =>
      signManifest(manifest, signer, GENERATED_AT),
    );
    expect(overIpc).toEqual(inHand);
  });
});
