// What the page and the ingest worker say to each other, inside job-protocol.ts's messages. One worker runs the
// ingests of this window one after another; the page asks it to run an ingest (by id: the worker reads the
// record) and to store a geolocation database.
import type { GeoDatabaseInfo } from '../../core/geo';
import type { GeoDatabaseProvenance } from '../../core/geo';
import type { IngestOutcome } from './run-ingest';

export type IngestJob =
  | { readonly type: 'ingest'; readonly ingestId: string; readonly caseId: string }
  /**
   * Validates, hashes and stores a geolocation database (storeGeoDatabase) for the page: hashing 63 MB takes about
   * a second, which would freeze the page, and this worker already carries the store and the MMDB reader (a worker
   * of its own would add ~110 KB to the single-file build). `bytes` is transferred, not copied.
   */
  | {
      readonly type: 'store-geo-database';
      readonly fileName: string;
      readonly bytes: Uint8Array;
      readonly provenance?: GeoDatabaseProvenance;
    };

export interface IngestProgress {
  readonly phase: 'removing' | 'parsing';
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly events: number;
  readonly problems: number;
}

/** An ingest's own outcome (its record says why it failed), or the stored geolocation database. */
export type IngestSummary = IngestOutcome | GeoDatabaseInfo;
