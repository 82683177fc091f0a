import type { AbortSignal, CustodyEntry } from '../evidence/types';
import type { GeoDatabaseInfo } from '../geo/types';
import type { Sha256Factory } from '../evidence/sha256';

/** The `format` of every case archive's manifest. */
export const ARCHIVE_FORMAT = 'tokentrail-case-archive';
/** The manifest version this code writes and the only one it reads. */
export const ARCHIVE_FORMAT_VERSION = 1;
/** Name of the manifest entry, the archive's last entry. */
export const ARCHIVE_MANIFEST_NAME = 'manifest.json';
/** The table that holds the case's custody chain (journal); its rows are checked as a chain before anything is read. */
export const CUSTODY_TABLE = 'custody';

/** One zip entry as the manifest declares it: its uncompressed size and SHA-256. */
export interface ArchiveEntry {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

/** One table of the case: the entry that holds its rows as NDJSON, and how many rows. */
export interface ArchiveTable {
  readonly name: string;
  readonly entry: string;
  readonly rows: number;
}

/** One evidence file, its bytes exactly as imported in `entry`. */
export interface ArchiveEvidence {
  readonly entry: string;
  /** The store's id of the file (evidenceFiles.id in the app; the bundle path in a CLI-made archive). */
  readonly fileId: string;
  /** Path of the file inside the bundle it was imported from. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A geolocation database that placed IPs of the case, identified by its hash. */
export type ArchiveGeoDatabase = Pick<GeoDatabaseInfo, 'id' | 'name' | 'version' | 'sha256' | 'size'>;

/** manifest.json of a case archive (docs/archive-format.md). */
export interface ArchiveManifest {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly formatVersion: typeof ARCHIVE_FORMAT_VERSION;
  readonly toolVersion: string;
  /** What made it: the app's store (every table) or the CLI (evidence, custody, events, analyses, findings). */
  readonly producer: 'app' | 'cli';
  readonly case: { readonly id: string; readonly title: string };
  /** UTC epoch milliseconds. */
  readonly createdAt: number;
  readonly createdBy: string;
  /** Length and last hash of the custody chain held in the `custody` table. */
  readonly custody: { readonly length: number; readonly headHash: string };
  /** Every geolocation database that placed an IP of the case, by name, version and SHA-256. */
  readonly geoDatabases: readonly ArchiveGeoDatabase[];
  readonly tables: readonly ArchiveTable[];
  readonly evidence: readonly ArchiveEvidence[];
  /** Every entry of the zip except the manifest itself, in the order written. */
  readonly entries: readonly ArchiveEntry[];
  /**
   * Size and SHA-256 of every archive byte before the manifest's local header: every other entry's headers,
   * compressed data and descriptors. With the CRC-32 of the (stored) manifest and the canonical central directory this
   * makes any changed byte anywhere in the archive detectable.
   */
  readonly body: { readonly size: number; readonly sha256: string };
}

/** A value of a stored row: what IndexedDB holds for case data (JSON plus bytes and non-finite numbers). */
export type RowValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Uint8Array
  | Int8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | readonly RowValue[]
  | { readonly [key: string]: RowValue };

/** A stored row of a table. */
export type ArchiveRow = { readonly [key: string]: RowValue };

/** One table to write: its name and its rows, produced one at a time (the source may page a store). */
export interface ArchiveTableSource {
  readonly name: string;
  rows(): AsyncIterable<ArchiveRow>;
}

/** One evidence file to write: its description and its bytes in chunks. */
export interface ArchiveEvidenceSource {
  readonly fileId: string;
  readonly path: string;
  chunks(): AsyncIterable<Uint8Array>;
}

/** Everything an archive holds, as the host hands it to {@link writeArchive}. */
export interface ArchiveSource {
  readonly producer: ArchiveManifest['producer'];
  readonly case: ArchiveManifest['case'];
  readonly createdAt: number;
  readonly createdBy: string;
  readonly geoDatabases: readonly GeoDatabaseInfo[];
  readonly evidence: readonly ArchiveEvidenceSource[];
  /** Must include {@link CUSTODY_TABLE}; its rows are the chain that is anchored in the manifest. */
  readonly tables: readonly ArchiveTableSource[];
}

/** Where the zip's bytes go, chunk by chunk; awaited, so a slow sink holds the writer back (bounded memory). */
export type ArchiveByteSink = (chunk: Uint8Array) => Promise<void> | void;

/** Progress of writing or reading an archive. */
export interface ArchiveProgress {
  /** `evidence`, a table's name, or `body` while the archive's raw bytes are hashed. */
  readonly phase: string;
  /** Rows of this table (or bytes of this evidence file / of the archive) done so far. */
  readonly done: number;
  /** The total when known (reading: from the manifest). */
  readonly total?: number;
}

/** Options of every long archive operation. */
export interface ArchiveOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ArchiveProgress) => void;
  /**
   * The SHA-256 to hash entries and the archive's body with: every byte of the archive passes through it, so a host
   * with a native one injects it (the CLI: node:crypto). Default: the pure-JS one (core/evidence createSha256).
   */
  readonly sha256?: Sha256Factory;
}

/** What {@link writeArchive} made. */
export interface WrittenArchive {
  readonly manifest: ArchiveManifest;
  /** SHA-256 of manifest.json's bytes: the digest of the `archive-exported` custody entry. */
  readonly manifestSha256: string;
  /** Size of the whole zip in bytes. */
  readonly size: number;
}

/** Where {@link readArchive} delivers a verified archive's content, in order: evidence, then every table. */
export interface ArchiveReader {
  evidence(file: ArchiveEvidence, chunks: AsyncIterable<Uint8Array>): Promise<void>;
  /** Rows come in batches of at most `batchSize`; the next batch is read once this one is written. */
  rows(table: ArchiveTable, batch: readonly ArchiveRow[]): Promise<void>;
}

/** A custody chain as the archive carries it. */
export type ArchiveCustody = readonly CustodyEntry[];
