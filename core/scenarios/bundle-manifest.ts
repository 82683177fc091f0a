import { sha256Hex, type CaseMetadata, type EvidenceKind, type Manifest } from '../evidence';

/** What the manifest says about a file of a bundle being written, besides its size and digest. */
export interface BundleFileMeta {
  readonly path: string;
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly description?: string;
}

/** A file of a bundle being written, with its bytes. */
export interface BundleFileFacts extends BundleFileMeta {
  readonly bytes: Uint8Array;
}

/** A file of a bundle already written, with the size and SHA-256 computed while it was written. */
export interface BundleFileDigest extends BundleFileMeta {
  readonly size: number;
  readonly sha256: string;
}

/**
 * The manifest of a bundle whose files were hashed as they were written (docs/bundle-format.md): what a streaming
 * writer has when the last byte is out.
 */
export function bundleManifestOfDigests(caseMetadata: CaseMetadata, files: readonly BundleFileDigest[]): Manifest {
  return {
    format: 'tokentrail-bundle',
    formatVersion: 1,
    case: caseMetadata,
    files: files.map((file) => ({
      path: file.path,
      kind: file.kind,
      mediaType: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      ...(file.description !== undefined ? { description: file.description } : {}),
    })),
  };
}

/**
 * The manifest of a bundle being written (docs/bundle-format.md): each file's size and SHA-256 computed from the very
 * bytes written. Used by build/make-sample-bundle.mjs.
 */
export function bundleManifest(caseMetadata: CaseMetadata, files: readonly BundleFileFacts[]): Manifest {
  return bundleManifestOfDigests(
    caseMetadata,
    files.map(({ bytes, ...meta }) => ({ ...meta, size: bytes.length, sha256: sha256Hex(bytes) })),
  );
}
