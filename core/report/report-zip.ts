import { ArchiveZipWriter, concat } from '../archive/zip-writer';
import type { ReportPackageFile } from './report-package';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * A report package as one zip, its files at the top level: what the app saves (one file to hand over), and what
 * `tokentrail report verify` and *Verify a report* read. Written with the case archive's zip writer, whose headers
 * carry no time, so the same package always gives the same zip bytes. A package is small (a few megabytes at most),
 * so it is built in memory.
 */
export async function reportPackageZip(files: readonly ReportPackageFile[]): Promise<Uint8Array> {
  const last = files.at(-1);
  if (!last) throw new Error('a report package has at least its manifest and signature');
  const chunks: Uint8Array[] = [];
  const writer = new ArchiveZipWriter((chunk) => void chunks.push(chunk.slice()));
  for (const file of files.slice(0, -1)) await writer.entry(file.path, once(file.bytes));
  await writer.finish(last.path, () => last.bytes);
  return concat(
    chunks,
    chunks.reduce((sum, chunk) => sum + chunk.length, 0),
  );
}
