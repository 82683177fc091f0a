// A picked report package (its files, its folder or a zip of it) as the bytes of each file by name, for core's verifier.
import { DEFAULT_ZIP_LIMITS, readSequential, readZip, verifyBundle } from '../../core/evidence';
import { packageFileMap, type EvidenceFileHash } from '../../core/report';
import type { PickedSelection } from '../host/host';
import { bundleInputFor } from '../evidence/verify-selection';

/** Every file of the package by its path inside the package: picked files, a picked folder, or a zip of it. */
export async function readReportPackage(selection: PickedSelection): Promise<Map<string, Uint8Array>> {
  const [first] = selection.files;
  if (selection.kind === 'zip' && first) return packageFileMap(await readZip(first, DEFAULT_ZIP_LIMITS));
  const files = [];
  for (const file of selection.files) files.push(await readSequential(file, {}, () => {}));
  return packageFileMap(files);
}

/** The evidence files of a picked bundle as the reviewer has them: path, size and SHA-256 of each file present. */
export async function evidenceFileHashes(selection: PickedSelection): Promise<EvidenceFileHash[]> {
  const report = await verifyBundle(bundleInputFor(selection), {});
  return report.files.flatMap((file) => (file.actual ? [{ path: file.path, ...file.actual }] : []));
}
