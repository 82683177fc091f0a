// The records the ingest pipeline stores: normalized events, one ingest record per parsed file, parse problems,
// and the per-case aggregates (facet counts, histogram buckets) kept at write time so no view ever has to
// count() over millions of rows. Times are UTC epoch milliseconds.
import type { GeoDatabaseInfo } from '../../core/geo';
import type { CsvMapping } from '../../core/sources';
import type { FormatCandidate } from '../../core/sources';
import type { AuthEvent, ParseProblemCode, SourceFormatName } from '../../core/sources';
import { UNTIMED_SORT_TS, type EventFacet, type TokenLink } from '../../core/timeline';

/** The fields the timeline filters on through an index (see FacetKey); the filter itself is core's (core/timeline). */
export { EVENT_FACETS, type EventFacet } from '../../core/timeline';

/**
 * Facets whose values are counted per case (FacetCountRecord). Only the few-valued ones: a batch of 2000 events
 * holds up to 2000 distinct sessions or subjects, and counting them would double the rows every batch writes
 * (measured: ingest fell to 44% of raw bulkAdd). Identifier facets are typed, not picked, and are assumed to be
 * the more selective ones when a query plan is chosen.
 */
export const COUNTED_FACETS: ReadonlySet<EventFacet> = new Set(['kind', 'country', 'file', 'appVersion']);

/**
 * One entry of the multi-entry `facets` index: [caseId, facet, value, ts, seq]. Because ts and seq follow the
 * value, one index answers "events of this subject (token, IP…) in time order from key K" for every facet.
 */
export type FacetKey = readonly [string, EventFacet, string, number, number];

/** `ts` of events whose record has no (readable) time: they sort before every real time. */
export const UNTIMED_TS = UNTIMED_SORT_TS;

/** One normalized event of a case. Keyed by [caseId+seq]; seq is the case's running event number. */
export interface StoredEvent {
  readonly caseId: string;
  readonly seq: number;
  /** `event.ts`, or UNTIMED_TS: IndexedDB cannot index null, and an unindexed event would vanish from the timeline. */
  readonly ts: number;
  readonly ingestId: string;
  readonly fileId: string;
  readonly facets: readonly FacetKey[];
  readonly event: AuthEvent;
  /**
   * Tokens the case analysis linked to this event by a digest or jti the record names (core/timeline/hashed-tokens),
   * each also in `facets` as a token value so a token's events and the timeline's token filter include the record.
   * Derived, not parsed: replaced by every analysis run; `event` is never changed.
   */
  readonly tokenLinks?: readonly StoredTokenLink[];
}

/** One token linked to an event by correlation, and how (quoted in the event view). */
export interface StoredTokenLink {
  readonly hash: string;
  readonly link: TokenLink;
}

/** Format choices the investigator made for one file. */
export interface IngestOptions {
  readonly format?: SourceFormatName;
  readonly csvMapping?: CsvMapping;
  readonly accessLogFormat?: string;
}

export type IngestStatus = 'queued' | 'running' | 'complete' | 'cancelled' | 'failed' | 'interrupted' | 'replaced';

/**
 * One parse of one evidence file. Every batch commits together with this record's counts, so after a cancel,
 * a crash or a closed window `events` and `bytesRead` say exactly what of the file is in the case.
 */
export interface IngestRecord {
  readonly id: string;
  readonly caseId: string;
  readonly fileId: string;
  readonly importId: string;
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly options: IngestOptions;
  readonly status: IngestStatus;
  readonly queuedAt: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  readonly format?: SourceFormatName | null;
  readonly formatChosenBy?: 'override' | 'content' | 'none';
  readonly candidates?: readonly FormatCandidate[];
  readonly bytesRead: number;
  /** Events committed; the last committed event's line, so "lines 1–N were imported" can be said. */
  readonly events: number;
  readonly lastLine?: number;
  readonly problems: number;
  readonly problemCounts: Readonly<Partial<Record<ParseProblemCode, number>>>;
  /** Geolocation databases consulted. */
  readonly geoDatabases?: readonly GeoDatabaseInfo[];
  readonly facts?: Readonly<Record<string, string>>;
  readonly error?: string;
  /** Block layout: the batches whose level-0 posting rows no compaction has merged yet (event-block-store.ts). */
  readonly uncompactedBatches?: number;
  /**
   * Block layout: the highest level-0 row id the last compaction merged. The next compaction reads the ingest's
   * level-0 rows after it, so it seeks past the deletions of the earlier ones instead of scanning them.
   */
  readonly compactedThrough?: number;
  /** For a re-ingest: the ingest it replaces (its events are removed first). */
  readonly replaces?: string;
}

/** A record the parser could not (fully) read, kept with where it is. */
export interface IngestProblemRecord {
  readonly id?: number;
  readonly caseId: string;
  readonly ingestId: string;
  readonly path: string;
  readonly code: ParseProblemCode;
  readonly line?: number;
  readonly index?: number;
  readonly message: string;
}

/** How many events of a case carry one value of a COUNTED_FACETS facet, and when the first and last were. Keyed [caseId+facet+value]. */
export interface FacetCountRecord {
  readonly caseId: string;
  readonly facet: EventFacet;
  readonly value: string;
  readonly count: number;
  readonly firstTs: number;
  readonly lastTs: number;
}

/**
 * Events of one hour (width 3 600 000) per minute, or of one day (width 86 400 000) per hour, for the histogram
 * (histogram-buckets.ts). Keyed [caseId+width+start].
 */
export interface BucketRecord {
  readonly caseId: string;
  readonly width: number;
  readonly start: number;
  /** Events in the whole row: the sum of `slots`. */
  readonly count: number;
  /** Events per minute of the hour (60 slots) or per hour of the day (24 slots). */
  readonly slots: readonly number[];
}

/**
 * An MMDB geolocation database the investigator loaded (or the desktop app installed); stored once, used by every
 * ingest. Keyed by SHA-256. Its bytes are a GeoDatabaseFileRecord of the same id, so listing the databases never
 * reads the files (DB-IP City Lite is 63 + 71 MB).
 */
export interface GeoDatabaseRecord {
  readonly id: string;
  readonly info: GeoDatabaseInfo;
  readonly loadedAt: number;
}

export interface GeoDatabaseFileRecord {
  readonly id: string;
  readonly bytes: Uint8Array;
}
