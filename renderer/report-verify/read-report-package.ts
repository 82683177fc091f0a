// A picked report package (its files, or its folder) as the bytes of each file by name, for core's verifier.
import { readSequential, verifyBundle } from '../../core/evidence';
import type { EvidenceFileHash } from '../../core/report';
import type { PickedSelection } from '../host/host';
import { bundleInputFor } from '../evidence/verify-selection';

/** The common first folder of every path (a picked folder's own name), or '' when there is none. */
function commonFolder(paths: readonly string[]): string {
  const [first] = paths;
  const slash = first?.indexOf('/') ?? -1;
  if (!first || slash < 0) return '';
  const folder = first.slice(0, slash + 1);
  return paths.every((path) => path.startsWith(folder)) ? folder : '';
}

/** Every file of the package by its path inside the package (a picked folder's own name left out). */
export async function readReportPackage(selection: PickedSelection): Promise<Map<string, Uint8Array>> {
  const folder = commonFolder(selection.files.map((file) => file.path));
  const files = new Map<string, Uint8Array>();
  for (const file of selection.files) {
    const { bytes } = await readSequential(file, {}, () => {});
    files.set(file.path.slice(folder.length), bytes);
  }
  return files;
}

/** The evidence files of a picked bundle as the reviewer has them: path, size and SHA-256 of each file present. */
export async function evidenceFileHashes(selection: PickedSelection): Promise<EvidenceFileHash[]> {
  const report = await verifyBundle(bundleInputFor(selection), {});
  return report.files.flatMap((file) => (file.actual ? [{ path: file.path, ...file.actual }] : []));
}
