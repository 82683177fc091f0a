// The messages between the page and the ingest worker. One worker runs the ingests of this window one after
// another; the page asks it to run ingests (by id: the worker reads the records), to cancel, and to store a
// geolocation database.
import type { GeoDatabaseInfo } from '../../core/geo/types';
import type { GeoDatabaseProvenance } from '../../core/geo/shipped-databases';

export type IngestRequest =
  | { readonly type: 'run'; readonly ingestIds: readonly string[] }
  /** Cancels the running ingest and drops the queued ones of the same case. */
  | { readonly type: 'cancel'; readonly caseId: string }
  /**
   * Validates, hashes and stores a geolocation database (storeGeoDatabase) for the page: hashing 63 MB takes about
   * a second, which would freeze the page, and this worker already carries the store and the MMDB reader (a worker
   * of its own would add ~110 KB to the single-file build). `bytes` is transferred, not copied.
   */
  | { readonly type: 'store-geo-database'; readonly requestId: number; readonly fileName: string; readonly bytes: Uint8Array; readonly provenance?: GeoDatabaseProvenance };

export interface IngestProgressMessage {
  readonly type: 'progress';
  readonly ingestId: string;
  readonly phase: 'removing' | 'parsing';
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly events: number;
  readonly problems: number;
}

export type IngestReply =
  | IngestProgressMessage
  | { readonly type: 'finished'; readonly ingestId: string; readonly outcome: 'complete' | 'cancelled' | 'failed' }
  /** Queued ingests the worker dropped on cancel; the page marks them cancelled. */
  | { readonly type: 'dropped'; readonly ingestIds: readonly string[] }
  | { readonly type: 'idle' }
  | { readonly type: 'geo-database-stored'; readonly requestId: number; readonly info: GeoDatabaseInfo }
  /** `message` is storeGeoDatabase's own readable reason (e.g. "x is not an MMDB geolocation database…"). */
  | { readonly type: 'geo-database-failed'; readonly requestId: number; readonly message: string };
