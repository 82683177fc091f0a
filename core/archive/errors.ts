/**
 * Why an archive is refused. Every refusal refuses the whole archive: nothing of it has been written when one is
 * thrown. `entry` names the zip entry the problem is in (absent for the archive as a whole), `code` is stable.
 */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  constructor(
    /** Stable code, listed in docs/archive-format.md (e.g. `archive-entry-hash`). */
    readonly code: ArchiveErrorCode,
    message: string,
    /** The entry the problem is in, e.g. `tables/custody.ndjson`. */
    readonly entry?: string,
    /** 1-based row (line) of an NDJSON entry, when the problem is one row. */
    readonly row?: number,
  ) {
    super(message);
  }
}

/** Every code an {@link ArchiveError} carries. */
export type ArchiveErrorCode =
  /** The zip itself is unreadable, truncated or hostile (the evidence zip reader's rules); message says which. */
  | 'archive-zip'
  /** The archive's bytes differ from what its manifest and layout allow (a changed header, a stray byte). */
  | 'archive-layout'
  /** No manifest.json, or it is not a manifest of this format and version, or it contradicts itself. */
  | 'archive-manifest'
  /** An entry's size or SHA-256 is not the manifest's. */
  | 'archive-entry-hash'
  /** The manifest lists an entry the zip does not hold. */
  | 'archive-entry-missing'
  /** The zip holds an entry the manifest does not list. */
  | 'archive-entry-extra'
  /** A table row is not valid NDJSON of this format, or belongs to another case, or the row count differs. */
  | 'archive-row'
  /** The custody chain is broken, or is not the chain the manifest anchors. */
  | 'archive-custody'
  /** Writing: a value that the format cannot carry losslessly (a Date, a Map, a function…). */
  | 'archive-value';
