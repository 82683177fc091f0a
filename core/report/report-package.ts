import { sha256Hex } from '../evidence/sha256';
import { canonicalJson } from '../util/canonical-json';

/** The file names of a report package (docs/reports.md). */
export const REPORT_FILES = {
  json: 'report.json',
  html: 'report.html',
  pdf: 'report.pdf',
  manifest: 'manifest.json',
  signature: 'manifest.jws',
} as const;

/** One file of a report package: its name (no folders) and its exact bytes. */
export interface ReportPackageFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** manifest.json of a report package: the SHA-256 and size of every other file, signed by manifest.jws. */
export interface ReportManifest {
  readonly format: 'tokentrail-report-manifest';
  readonly formatVersion: 1;
  readonly caseId: string;
  readonly generatedAt: string;
  readonly files: readonly { readonly path: string; readonly size: number; readonly sha256: string }[];
}

/** The manifest of `files` (sorted by name), as canonical JSON bytes: the exact bytes the signature covers. */
export function buildManifest(
  files: readonly ReportPackageFile[],
  about: { readonly caseId: string; readonly generatedAt: string },
): Uint8Array {
  const manifest: ReportManifest = {
    format: 'tokentrail-report-manifest',
    formatVersion: 1,
    caseId: about.caseId,
    generatedAt: about.generatedAt,
    files: [...files]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((file) => ({ path: file.path, size: file.bytes.length, sha256: sha256Hex(file.bytes) })),
  };
  return new TextEncoder().encode(canonicalJson(manifest));
}
