import { sha256Hex, type CaseMetadata, type EvidenceKind, type Manifest } from '../evidence';

/** A file of a bundle being written, with what the manifest says about it. */
export interface BundleFileFacts {
  readonly path: string;
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly description?: string;
  readonly bytes: Uint8Array;
}

/**
 * The manifest of a bundle being written (docs/bundle-format.md): each file's size and SHA-256 computed from the very
 * bytes written. Used by the scenario generator and by build/make-sample-bundle.mjs.
 */
export function bundleManifest(caseMetadata: CaseMetadata, files: readonly BundleFileFacts[]): Manifest {
  return {
    format: 'tokentrail-bundle',
    formatVersion: 1,
    case: caseMetadata,
    files: files.map((file) => ({
      path: file.path,
      kind: file.kind,
      mediaType: file.mediaType,
      size: file.bytes.length,
      sha256: sha256Hex(file.bytes),
      ...(file.description !== undefined ? { description: file.description } : {}),
    })),
  };
}
