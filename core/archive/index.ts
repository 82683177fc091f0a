/**
 * core/archive: a whole case as one zip (docs/archive-format.md) — the evidence bytes exactly as imported, every table
 * of the case as NDJSON, and a manifest with the size and SHA-256 of every entry, the row counts and the custody
 * chain's anchor. Written streaming to a sink; read in two streaming passes, the first of which verifies everything
 * before the second hands anything to the host.
 */
export {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_MANIFEST_NAME,
  CUSTODY_TABLE,
  type ArchiveByteSink,
  type ArchiveEntry,
  type ArchiveEvidence,
  type ArchiveEvidenceSource,
  type ArchiveGeoDatabase,
  type ArchiveManifest,
  type ArchiveOptions,
  type ArchiveProgress,
  type ArchiveReader,
  type ArchiveRow,
  type ArchiveSource,
  type ArchiveTable,
  type ArchiveTableSource,
  type RowValue,
  type WrittenArchive,
} from './types';
export { ArchiveError, type ArchiveErrorCode } from './errors';
export { writeArchive } from './write-archive';
export { verifyArchive, type VerifiedArchive } from './verify-archive';
export { isCaseArchive } from './open-archive';
export { readArchive, type ReadArchiveOptions } from './read-archive';
export { encodeRow, decodeRow } from './row-codec';
export { isTableName } from './entry-names';
