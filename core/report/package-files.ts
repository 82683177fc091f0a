import type { ReportPackageFile } from './report-package';

/** The common first folder of every path (a picked or zipped folder's own name), or '' when there is none. */
function commonFolder(paths: readonly string[]): string {
  const [first] = paths;
  const slash = first?.indexOf('/') ?? -1;
  if (!first || slash < 0) return '';
  const folder = first.slice(0, slash + 1);
  return paths.every((path) => path.startsWith(folder)) ? folder : '';
}

/**
 * A report package's files by their name inside the package, however they arrived: picked one by one, as a
 * folder (whose own name prefixes every path), or unzipped (where a zip of the folder does the same).
 */
export function packageFileMap(files: readonly ReportPackageFile[]): Map<string, Uint8Array> {
  const folder = commonFolder(files.map((file) => file.path));
  return new Map(files.map((file) => [file.path.slice(folder.length), file.bytes]));
}
